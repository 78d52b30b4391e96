#pragma once

#include "cl-sync-client.h"

G_BEGIN_DECLS

/* The desk's side of patients' links (README, "Sending her a link"):
 * asks the server for a link she opens on her phone to fill a scale
 * (POST /patient-links).  The network work runs off the main thread. */

void     cl_sync_links_issue_async  (CLSyncClient        *client,
                                     const char          *patient_id,
                                     const char          *scale_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* The same for a satisfaction survey: a link she opens to answer the
 * open campaign @campaign_id (cl_sync_links_issue_finish() tells). */
void     cl_sync_links_issue_survey_async (CLSyncClient        *client,
                                           const char          *patient_id,
                                           const char          *campaign_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The link's address in @url and when it stops working (UTC seconds)
 * in @expires_at; FALSE with a translated error:
 * G_IO_ERROR_NOT_CONNECTED without a server,
 * G_IO_ERROR_PERMISSION_DENIED for a role that may not,
 * G_IO_ERROR_NOT_FOUND when the server does not know her yet, or the
 * network's. */
gboolean cl_sync_links_issue_finish (CLSyncClient        *client,
                                     GAsyncResult        *result,
                                     char               **url,
                                     gint64              *expires_at,
                                     GError             **error);

G_END_DECLS
