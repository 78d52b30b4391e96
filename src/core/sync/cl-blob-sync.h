#pragma once

#include <libsoup/soup.h>

#include "cl-document.h"
#include "cl-store.h"
#include "cl-sync-client.h"

G_BEGIN_DECLS

/* The archive's PDFs between desk and server (issue #4): PUT
 * /api/v1/documents/SHA256 before a document's record is pushed, GET
 * when a document is opened at a desk that does not have its file. */

/* Uploads the file of every document record waiting in the outbox up
 * to @up_to_seq that the server may not have yet.  Called by the sync
 * worker before it pushes that part of the outbox; blocking. */
gboolean  cl_blob_sync_upload_outbox (SoupSession   *session,
                                      CLStore       *store,
                                      const char    *url,
                                      const char    *token,
                                      gint64         up_to_seq,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* Opens @document at this desk: fetches its PDF from the server when
 * it is not here (through @client's server and session; @client may be
 * NULL on a local store), then records the opening for the audit log
 * (cl_document_store_record_open).  Finishes with the local path of the
 * PDF, or CL_DOCUMENT_ERROR_MISSING with a translated message. */
void      cl_blob_sync_open_async    (CLStore             *store,
                                      CLSyncClient        *client,
                                      CLDocument          *document,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/* The same for a file of @sha256 that is no patient's report (an
 * inspection's attachment): fetched when missing, not audited.
 * Finishes with cl_blob_sync_open_finish(). */
void      cl_blob_sync_fetch_async   (CLStore             *store,
                                      CLSyncClient        *client,
                                      const char          *sha256,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
char     *cl_blob_sync_open_finish   (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
