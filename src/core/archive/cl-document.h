#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A check report in a pregnancy's archive (issue #4).  The PDF itself
 * lives content-addressed under the data dir (cl-document-store.h);
 * this row says whose it is and what it is.  kind: ultrasound, blood,
 * ogtt, screening, nst, other.  visit: a prenatal visit key "vNN" (the
 * start week of its window) or NULL. */

#define CL_TYPE_DOCUMENT (cl_document_get_type ())
G_DECLARE_FINAL_TYPE (CLDocument, cl_document, CL, DOCUMENT, CLRecord)

CLDocument  *cl_document_new              (void);

const char  *cl_document_get_patient_id   (CLDocument *self);
void         cl_document_set_patient_id   (CLDocument *self,
                                           const char *value);
const char  *cl_document_get_pregnancy_id (CLDocument *self);
void         cl_document_set_pregnancy_id (CLDocument *self,
                                           const char *value);
/* lower-case hex SHA-256 of the PDF */
const char  *cl_document_get_sha256       (CLDocument *self);
void         cl_document_set_sha256       (CLDocument *self,
                                           const char *value);
/* the imported file's base name */
const char  *cl_document_get_filename     (CLDocument *self);
void         cl_document_set_filename     (CLDocument *self,
                                           const char *value);
/* the PDF's own title, if it has one */
const char  *cl_document_get_title        (CLDocument *self);
void         cl_document_set_title        (CLDocument *self,
                                           const char *value);
const char  *cl_document_get_kind         (CLDocument *self);
void         cl_document_set_kind         (CLDocument *self,
                                           const char *value);
/* ISO date of the check */
const char  *cl_document_get_check_date   (CLDocument *self);
void         cl_document_set_check_date   (CLDocument *self,
                                           const char *value);
const char  *cl_document_get_visit        (CLDocument *self);
void         cl_document_set_visit        (CLDocument *self,
                                           const char *value);
const char  *cl_document_get_note         (CLDocument *self);
void         cl_document_set_note         (CLDocument *self,
                                           const char *value);
/* bytes */
gint64       cl_document_get_size         (CLDocument *self);
void         cl_document_set_size         (CLDocument *self,
                                           gint64      value);
gint         cl_document_get_pages        (CLDocument *self);
void         cl_document_set_pages        (CLDocument *self,
                                           gint        value);
/* UTC seconds */
gint64       cl_document_get_imported_at  (CLDocument *self);
void         cl_document_set_imported_at  (CLDocument *self,
                                           gint64      value);
void         cl_document_set_imported_by  (CLDocument *self,
                                           const char *value);

/* The kind codes in display order, NULL-terminated, and their
 * translated labels ("Ultrasound", "OGTT" …). */
const char * const *cl_document_kind_codes (void);
const char  *cl_document_kind_label       (const char *kind);

G_END_DECLS
