#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* "Import Reports": files chosen or dropped for one patient, with one
 * kind, check date, visit and note for all of them.  Each file is
 * checked and filed on its own; a file that is refused keeps its
 * message under its row (a password field for an encrypted one) and
 * the rest are filed.  Closes itself once every file is in; after a
 * partial failure the title counts the files left, the main button
 * reads "Try Again" while a failure can be mended and "Skip" when none
 * can, and the way out "Close" once some are filed. */

#define CL_TYPE_DOCUMENT_IMPORT_DIALOG (cl_document_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLDocumentImportDialog, cl_document_import_dialog, CL, DOCUMENT_IMPORT_DIALOG, AdwWindow)

/* @edd (effective EDD, may be NULL) suggests the visit from the check
 * date. */
CLDocumentImportDialog *cl_document_import_dialog_new (GtkWindow          *parent,
                                                       CLStore            *store,
                                                       const char         *patient_id,
                                                       const char         *pregnancy_id,
                                                       const char         *edd,
                                                       const char * const *paths);

/* Starts filing (what the Import button does). */
void         cl_document_import_dialog_import      (CLDocumentImportDialog *self);
gboolean     cl_document_import_dialog_is_busy     (CLDocumentImportDialog *self);

/* For tests: the kind code, the entries ("check_date", "note"), the
 * message under a field ("kind", "check_date", "visit", "note") or
 * under file @index, and a file's password. */
void         cl_document_import_dialog_set_kind    (CLDocumentImportDialog *self,
                                                    const char             *kind);
const char  *cl_document_import_dialog_get_visit   (CLDocumentImportDialog *self);
GtkEditable *cl_document_import_dialog_get_entry   (CLDocumentImportDialog *self,
                                                    const char             *field);
const char  *cl_document_import_dialog_get_error   (CLDocumentImportDialog *self,
                                                    const char             *field);
const char  *cl_document_import_dialog_get_file_error (CLDocumentImportDialog *self,
                                                       guint                   index);
void         cl_document_import_dialog_set_password (CLDocumentImportDialog *self,
                                                     guint                   index,
                                                     const char             *password);

/* For tests: the main button (Import, Try Again, Skip) or the way out
 * (Cancel, Close). */
GtkButton   *cl_document_import_dialog_get_button   (CLDocumentImportDialog *self,
                                                     gboolean                main);

/* Signals: "imported" (guint n_files): the dialog is closing and
 * n_files (at least one) were filed. */

G_END_DECLS
