#pragma once

#include <adwaita.h>

#include "cl-store.h"
#include "cl-sync-client.h"

G_BEGIN_DECLS

/* The Archive view (档案归集): find a patient, see her reports grouped
 * by visit and kind beside the PDF viewer, and (a tab beside the
 * reports) her doctor's orders.
 *
 * Keys anywhere in the view, wherever the focus is: Ctrl+F searches
 * the open report (with none open: focuses the patient search);
 * while the report is shown, Ctrl+G / Shift+Ctrl+G go to the next /
 * previous match, PgUp / PgDn turn its pages, Ctrl+plus / Ctrl+minus
 * zoom and Ctrl+0 fits its width.
 *
 * Action "archive.import": the file chooser to import reports for the
 * patient shown (disabled with none); the view's "new".  Property
 * "can-import": whether it is enabled. */

#define CL_TYPE_ARCHIVE_VIEW (cl_archive_view_get_type ())
G_DECLARE_FINAL_TYPE (CLArchiveView, cl_archive_view, CL, ARCHIVE_VIEW, GtkWidget)

/* Made with a "context" (CLContext): its store, and its sync client
 * (NULL on a local store: then only files on this computer open). */
/* Shows the patient's archive and, if @document_id is not NULL or "",
 * opens that report. */
void       cl_archive_view_show_patient   (CLArchiveView *self,
                                           const char    *patient_id,
                                           const char    *document_id);
void       cl_archive_view_focus_search   (CLArchiveView *self);
gboolean   cl_archive_view_can_import     (CLArchiveView *self);
/* Ctrl+F here: the open report's search, or with no report open the
 * patient search. */
void       cl_archive_view_find           (CLArchiveView *self);
/* Activates the viewer's @action ("viewer.zoom-in"…) if a report is
 * open on the Reports tab; FALSE (the key goes on) if not.  For keys
 * pressed with the focus outside the view, on its tab say. */
gboolean   cl_archive_view_report_action  (CLArchiveView *self,
                                           const char    *action);

/* For tests and the benchmark (transfer none). */
GtkWidget *cl_archive_view_get_viewer     (CLArchiveView *self);
GtkWidget *cl_archive_view_get_list       (CLArchiveView *self);

G_END_DECLS
