#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The Service Desk's Inspections page: a month's inspections of the
 * guide desk's posts, the latest first, each with its result, its
 * rectification and deadline (an overdue one in red, said in words),
 * the deductions the contract's rules take for it and its attachments;
 * New Inspection…, Correct…, Mark Rectified…, Attach File… (a photo or a PDF)
 * and opening the attachments in the PDF viewer. */
#define CL_TYPE_INSPECTIONS_PAGE (cl_inspections_page_get_type ())
G_DECLARE_FINAL_TYPE (CLInspectionsPage, cl_inspections_page, CL, INSPECTIONS_PAGE, GtkWidget)

GtkWidget *cl_inspections_page_new              (CLContext         *context);

/* The month shown, "YYYY-MM"; moving by ± months. */
const char *cl_inspections_page_get_month       (CLInspectionsPage *self);
void        cl_inspections_page_step_month      (CLInspectionsPage *self,
                                                 int                months);

/* For tests: the dialogs the buttons open (NULL when not possible). */
GtkWindow *cl_inspections_page_open_new         (CLInspectionsPage *self);
GtkWindow *cl_inspections_page_open_rectify     (CLInspectionsPage *self,
                                                 guint              i);
GtkWindow *cl_inspections_page_open_correct     (CLInspectionsPage *self,
                                                 guint              i);
/* Files the photo or PDF at @path with row @i's inspection. */
gboolean   cl_inspections_page_attach_path      (CLInspectionsPage *self,
                                                 guint              i,
                                                 const char        *path,
                                                 GError           **error);
/* Opens row @i's first attachment in a viewer window (NULL if none). */
GtkWindow *cl_inspections_page_open_attachment  (CLInspectionsPage *self,
                                                 guint              i);

guint      cl_inspections_page_get_n_rows       (CLInspectionsPage *self);
/* Row @i's text in the column of @column ("date", "post", "inspector",
 * "result", "findings", "rectification", "deductions", "attachments"),
 * and whether it is flagged (an overdue rectification). */
char      *cl_inspections_page_dup_cell         (CLInspectionsPage *self,
                                                 guint              i,
                                                 const char        *column,
                                                 gboolean          *flagged);
const char *cl_inspections_page_get_summary     (CLInspectionsPage *self);

G_END_DECLS
