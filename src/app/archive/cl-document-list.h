#pragma once

#include <adwaita.h>

#include "cl-document.h"
#include "cl-context.h"

G_BEGIN_DECLS

/* A patient's check reports, grouped by visit and kind, newest first,
 * with Import… (a file chooser for several PDFs) and, when attached to
 * a page, drag and drop of files.  Used on the patient page and in the
 * Archive view. */

#define CL_TYPE_DOCUMENT_LIST (cl_document_list_get_type ())
G_DECLARE_FINAL_TYPE (CLDocumentList, cl_document_list, CL, DOCUMENT_LIST, GtkWidget)

/* Once: the context whose store it lists and files reports in. */
void        cl_document_list_set_context  (CLDocumentList *self,
                                           CLContext      *context);
/* Loads her documents (and her current pregnancy, for new ones). */
void        cl_document_list_set_patient  (CLDocumentList *self,
                                           const char     *patient_id);
const char *cl_document_list_get_patient  (CLDocumentList *self);
void        cl_document_list_reload       (CLDocumentList *self);

/* TRUE (the patient page): activating a report opens it in the Archive
 * view (win.open-archive) and an "Open Archive" button shows.  FALSE
 * (the Archive view): "document-activated" is emitted. */
void        cl_document_list_set_opens_archive (CLDocumentList *self,
                                                gboolean        opens_archive);

/* Files dropped on @widget are imported to the patient shown. */
void        cl_document_list_attach_drop_target (CLDocumentList *self,
                                                 GtkWidget      *widget);

/* Opens the import dialog for @paths (transfer none; for tests). */
GtkWindow  *cl_document_list_import_files (CLDocumentList     *self,
                                           const char * const *paths);

/* Import… as its button: a file chooser for several PDFs, then the
 * import dialog.  Nothing happens with no patient shown. */
void        cl_document_list_choose_files (CLDocumentList *self);

/* Property "n-documents", notified at each reload. */
guint       cl_document_list_get_n_documents (CLDocumentList *self);
CLDocument *cl_document_list_get_document    (CLDocumentList *self,
                                              guint           index);
/* Marks the document shown beside the list. */
void        cl_document_list_select       (CLDocumentList *self,
                                           const char     *document_id);
/* Activates the row of @index, as a click would. */

/* Actions: "documents.remove" (s: document id) asks, then removes the
 * report from her archive; "documents.edit" (s: document id) opens
 * Edit Details (its kind, check date, visit and note) of the report.
 * Signals: "document-activated" (CLDocument *), "document-removed"
 * (const char *id), "imported" (guint n_files). */

G_END_DECLS
