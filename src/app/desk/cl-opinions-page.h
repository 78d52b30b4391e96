#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-opinion-entry.h"

G_BEGIN_DECLS

/* The Service Desk's Opinions page: the daily log of the opinion box
 * and the opinion book, a day at a time (← Today →; no day after
 * today), complaints first; Add Entry… and Make Complaint…, which opens
 * a new complaint ticket prefilled from the entry (or the ticket it
 * already made) and links the entry to it once saved. */
#define CL_TYPE_OPINIONS_PAGE (cl_opinions_page_get_type ())
G_DECLARE_FINAL_TYPE (CLOpinionsPage, cl_opinions_page, CL, OPINIONS_PAGE, GtkWidget)

GtkWidget  *cl_opinions_page_new            (CLContext      *context);

/* The day shown, "YYYY-MM-DD"; set one (not after today). */
const char *cl_opinions_page_get_date       (CLOpinionsPage *self);
void        cl_opinions_page_set_date       (CLOpinionsPage *self,
                                             const char     *date);

/* For tests: the rows shown and row @i's entry (transfer none); the
 * dialogs the buttons open (transfer none; Make Complaint… for row
 * @i). */
guint           cl_opinions_page_get_n_rows         (CLOpinionsPage *self);
CLOpinionEntry *cl_opinions_page_get_entry          (CLOpinionsPage *self,
                                                     guint           i);
GtkWindow      *cl_opinions_page_open_add           (CLOpinionsPage *self);
GtkWindow      *cl_opinions_page_open_complaint     (CLOpinionsPage *self,
                                                     guint           i);

G_END_DECLS
