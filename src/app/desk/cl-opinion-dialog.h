#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-opinion-entry.h"

G_BEGIN_DECLS

/* Adds an entry to the daily opinion log: the day (@date, the page's),
 * from the opinion box or the book, the department it is about (or
 * none), its kind and what was written (cl_opinion_store_save()).
 * "saved" with the entry's id. */
#define CL_TYPE_OPINION_DIALOG (cl_opinion_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLOpinionDialog, cl_opinion_dialog, CL, OPINION_DIALOG, AdwWindow)

CLOpinionDialog *cl_opinion_dialog_new       (GtkWindow       *parent,
                                              CLContext       *context,
                                              const char      *date);

gboolean         cl_opinion_dialog_save      (CLOpinionDialog *self);

/* For tests: "date", "source", "department_id", "kind", "content". */
GtkWidget       *cl_opinion_dialog_get_field (CLOpinionDialog *self,
                                              const char      *field);
const char      *cl_opinion_dialog_get_error (CLOpinionDialog *self,
                                              const char      *field);

G_END_DECLS
