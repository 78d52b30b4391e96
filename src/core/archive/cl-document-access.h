#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* One opening of a patient's document at a desk.  Append-only: the
 * desk writes one per opening (through the outbox, so an opening made
 * offline still reaches the server), the server turns each into an
 * "open-document" audit line, and no role reads them back through the
 * change feed.  This is how an opening of a file already cached at the
 * desk is still audited. */

#define CL_TYPE_DOCUMENT_ACCESS (cl_document_access_get_type ())
G_DECLARE_FINAL_TYPE (CLDocumentAccess, cl_document_access, CL, DOCUMENT_ACCESS, CLRecord)

CLDocumentAccess *cl_document_access_new (const char *document_id,
                                          const char *patient_id,
                                          gint64      opened_at);

const char *cl_document_access_get_document_id (CLDocumentAccess *self);
gint64      cl_document_access_get_opened_at   (CLDocumentAccess *self);

G_END_DECLS
