#pragma once

#include <adwaita.h>

#include "cl-document-form.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* "Edit Details" of a filed report: its kind, check date, visit and
 * note in the import dialog's form, checked as at import and saved as
 * one change that syncs.  The file itself is shown, never changed. */

#define CL_TYPE_DOCUMENT_EDIT_DIALOG (cl_document_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLDocumentEditDialog, cl_document_edit_dialog, CL, DOCUMENT_EDIT_DIALOG, AdwWindow)

/* @edd (her effective EDD, may be NULL) suggests the visit when the
 * check date changes. */
CLDocumentEditDialog *cl_document_edit_dialog_new  (GtkWindow            *parent,
                                                    CLStore              *store,
                                                    CLDocument           *document,
                                                    const char           *edd);

/* What Save does; FALSE with the messages shown when refused. */
gboolean        cl_document_edit_dialog_save       (CLDocumentEditDialog *self);

/* For tests: the form, and the message under a field ("" for the
 * dialog's own). */
CLDocumentForm *cl_document_edit_dialog_get_form   (CLDocumentEditDialog *self);
const char     *cl_document_edit_dialog_get_error  (CLDocumentEditDialog *self,
                                                    const char           *field);

/* Signals: "saved" (const char *id), then the dialog closes. */

G_END_DECLS
