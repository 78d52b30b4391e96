#pragma once

#include <adwaita.h>

#include "cl-document.h"

G_BEGIN_DECLS

/* What a person types about a check report: kind, check date, visit
 * (suggested from the check date and her EDD until the person picks
 * one) and note, each with its message right under it.  The form of
 * "Import Reports" and of "Edit Details". */

#define CL_TYPE_DOCUMENT_FORM (cl_document_form_get_type ())
G_DECLARE_FINAL_TYPE (CLDocumentForm, cl_document_form, CL, DOCUMENT_FORM, AdwPreferencesGroup)

/* @edd: her effective EDD (may be NULL: no suggestions). */
CLDocumentForm *cl_document_form_new           (const char     *edd);

/* Shows @document's details.  Its visit counts as picked unless it is
 * the one its check date suggests, so a changed date moves a suggested
 * visit along and leaves a picked one alone. */
void         cl_document_form_set_document    (CLDocumentForm *self,
                                               CLDocument     *document);
void         cl_document_form_set_check_date  (CLDocumentForm *self,
                                               const char     *check_date);
/* Sets @document's kind, check date (ISO when it parses), visit and
 * note to what the fields hold. */
void         cl_document_form_fill            (CLDocumentForm *self,
                                               CLDocument     *document);
/* Shows @field_errors (kind, check_date, visit, note → message, as
 * cl_document_validate() gives them) under their fields; NULL hides
 * every message. */
void         cl_document_form_show_errors     (CLDocumentForm *self,
                                               GHashTable     *field_errors);

/* For tests and the dialogs' test API: the kind code, the visit key,
 * the entries ("check_date", "note") and the message under a field. */
void         cl_document_form_set_kind        (CLDocumentForm *self,
                                               const char     *kind);
const char  *cl_document_form_get_visit       (CLDocumentForm *self);
GtkEditable *cl_document_form_get_entry       (CLDocumentForm *self,
                                               const char     *field);
const char  *cl_document_form_get_error       (CLDocumentForm *self,
                                               const char     *field);

G_END_DECLS
