#pragma once

#include <gtk/gtk.h>

#include "cl-pregnancy.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Her page's "Risk Colour History": fills @list with the risk colours
 * of @pregnancy (NULL: none), the newest first, each with its date and
 * who assessed her. */
void cl_risk_history_fill (GtkListBox  *list,
                           CLStore     *store,
                           CLPregnancy *pregnancy);

G_END_DECLS
