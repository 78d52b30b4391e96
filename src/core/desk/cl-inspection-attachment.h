#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A photo or PDF kept with an inspection (table inspection_attachment),
 * synced.  The file is stored as the archive stores its reports: a PDF
 * content-addressed by SHA-256 under the data dir, uploaded with the
 * record's push and fetched on opening (cl-document-store.h,
 * cl-blob-sync.h), opened in the archive's PDF viewer.  A photo is
 * filed as a one-page PDF of it (cl_inspection_store_photo_pdf()), so
 * one file kind, one server check and one viewer serve both; kind
 * says which it was: "photo" or "pdf". */
#define CL_TYPE_INSPECTION_ATTACHMENT (cl_inspection_attachment_get_type ())
G_DECLARE_FINAL_TYPE (CLInspectionAttachment, cl_inspection_attachment, CL, INSPECTION_ATTACHMENT, CLRecord)

CLInspectionAttachment *cl_inspection_attachment_new (void);

const char *cl_inspection_attachment_get_inspection_id (CLInspectionAttachment *self);
void        cl_inspection_attachment_set_inspection_id (CLInspectionAttachment *self, const char *value);
const char *cl_inspection_attachment_get_sha256        (CLInspectionAttachment *self);
void        cl_inspection_attachment_set_sha256        (CLInspectionAttachment *self, const char *value);
const char *cl_inspection_attachment_get_filename      (CLInspectionAttachment *self);
void        cl_inspection_attachment_set_filename      (CLInspectionAttachment *self, const char *value);
const char *cl_inspection_attachment_get_kind          (CLInspectionAttachment *self);
void        cl_inspection_attachment_set_kind          (CLInspectionAttachment *self, const char *value);
gint64      cl_inspection_attachment_get_size          (CLInspectionAttachment *self);
void        cl_inspection_attachment_set_size          (CLInspectionAttachment *self, gint64 value);
gint64      cl_inspection_attachment_get_pages         (CLInspectionAttachment *self);
void        cl_inspection_attachment_set_pages         (CLInspectionAttachment *self, gint64 value);
gint64      cl_inspection_attachment_get_imported_at   (CLInspectionAttachment *self);
void        cl_inspection_attachment_set_imported_at   (CLInspectionAttachment *self, gint64 value);

/* Its own rules, column → translated message: an inspection named, a
 * SHA-256, a file name, the kind photo or pdf.  Empty when valid. */
GHashTable *cl_inspection_attachment_validate (CLInspectionAttachment *self);

G_END_DECLS
