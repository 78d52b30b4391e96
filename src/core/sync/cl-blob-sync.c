/* cl-blob-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-blob-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-blob-sync.h"
#include "cl-document-store.h"
#include "cl-store-sync.h"
#include "cl-sync-http.h"
#include "cl-util.h"

#define HTTP_TIMEOUT_S 120

/* "URL SHA256" of the files this process already put on a server, so
 * a batch retried after a network error does not send them again. */
static GMutex uploaded_mutex;
static GHashTable *uploaded;

static gboolean
was_uploaded (const char *key)
{
  gboolean found;

  g_mutex_lock (&uploaded_mutex);
  found = uploaded && g_hash_table_contains (uploaded, key);
  g_mutex_unlock (&uploaded_mutex);
  return found;
}

static void
mark_uploaded (const char *key)
{
  g_mutex_lock (&uploaded_mutex);
  if (uploaded == NULL)
    uploaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (uploaded, g_strdup (key));
  g_mutex_unlock (&uploaded_mutex);
}

static char *
document_url (const char *base,
              const char *sha256,
              const char *patient_id)
{
  g_autofree char *patient = NULL;
  g_autofree char *path = NULL;

  if (patient_id)
    patient = g_uri_escape_string (patient_id, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/documents/%s%s%s", sha256,
                          patient ? "?patient=" : "", patient ? patient : "");
  return cl_sync_join_url (base, path);
}

static gboolean
upload_one (SoupSession   *session,
            CLStore       *store,
            const char    *url,
            const char    *token,
            const char    *sha256,
            const char    *patient_id,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *key = g_strconcat (url, " ", sha256, NULL);
  g_autofree char *path = NULL;
  g_autofree char *put_url = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) reply = NULL;
  guint status = 0;

  if (was_uploaded (key))
    return TRUE;

  /* A record pulled from another desk and edited here: its file came
   * from the server, which has it. */
  path = cl_document_store_blob_path (store, sha256);
  if (path == NULL || !(mapped = g_mapped_file_new (path, FALSE, NULL)))
    return TRUE;

  body = g_mapped_file_get_bytes (mapped);
  put_url = document_url (url, sha256, patient_id);
  if (!(reply = cl_sync_http_send (session, "PUT", put_url, token, "application/pdf", body,
                                   cancellable, &status, error)))
    return FALSE;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      mark_uploaded (key);
      return TRUE;
    }
  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("Your session has ended; log in again"));
      return FALSE;
    }
  /* A role that may not upload may not write the record either: its
   * push is refused as forbidden and undone here. */
  if (status == SOUP_STATUS_FORBIDDEN)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The server did not take the report “%s” (HTTP %u)"), sha256, status);
  return FALSE;
}

gboolean
cl_blob_sync_upload_outbox (SoupSession   *session,
                            CLStore       *store,
                            const char    *url,
                            const char    *token,
                            gint64         up_to_seq,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GPtrArray) wanted = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  /* Collect first, upload after: the store lock is not held across the
   * network. */
  if (!(wanted = cl_store_sync_outbox_documents (store, up_to_seq, error)))
    return FALSE;

  for (guint i = 0; i + 1 < wanted->len; i += 2)
    if (!upload_one (session, store, url, token,
                     g_ptr_array_index (wanted, i), g_ptr_array_index (wanted, i + 1),
                     cancellable, error))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

typedef struct
{
  CLStore    *store;
  CLDocument *document;
  char       *url;
  char       *token;
  gboolean    audit;      /* a patient's report: its opening is logged */
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *d = data;

  g_clear_object (&d->store);
  g_clear_object (&d->document);
  g_free (d->url);
  g_free (d->token);
  g_free (d);
}

static gboolean
fetch (OpenData      *d,
       GCancellable  *cancellable,
       GError       **error)
{
  const char *sha256 = cl_document_get_sha256 (d->document);
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autofree char *url = NULL;
  guint status = 0;

  if (cl_str_empty (d->url) || d->token == NULL)
    {
      g_set_error_literal (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_MISSING,
                           _("This report’s file is not on this computer; log in to the server to fetch it"));
      return FALSE;
    }

  session = soup_session_new_with_options ("timeout", HTTP_TIMEOUT_S, NULL);
  url = document_url (d->url, sha256, cl_document_get_patient_id (d->document));
  if (!(reply = cl_sync_http_send (session, "GET", url, d->token, NULL, NULL,
                                   cancellable, &status, error)))
    return FALSE;
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_MISSING,
                   status == SOUP_STATUS_NOT_FOUND
                   ? _("The server does not have this report’s file yet; try again when the desk that filed it is online")
                   : _("The server refused this report’s file (HTTP %u)"),
                   status);
      return FALSE;
    }
  return cl_document_store_write_blob (d->store, sha256, reply, error);
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *d = task_data;
  const char *sha256 = cl_document_get_sha256 (d->document);
  g_autoptr(GError) error = NULL;

  if (sha256 == NULL || strlen (sha256) != 64)
    {
      g_task_return_new_error (task, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_MISSING,
                               _("This report has no file"));
      return;
    }
  if (!cl_document_store_has_blob (d->store, sha256) && !fetch (d, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The privacy log: every opening, also of a file cached here. */
  if (d->audit && !cl_document_store_record_open (d->store, d->document, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, cl_document_store_blob_path (d->store, sha256), g_free);
}

void
cl_blob_sync_open_async (CLStore             *store,
                         CLSyncClient        *client,
                         CLDocument          *document,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *d;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (client == NULL || CL_IS_SYNC_CLIENT (client));
  g_return_if_fail (CL_IS_DOCUMENT (document));

  d = g_new0 (OpenData, 1);
  d->store = g_object_ref (store);
  d->document = CL_DOCUMENT (cl_record_dup (CL_RECORD (document)));
  d->audit = TRUE;
  if (client)
    {
      d->url = g_strdup (cl_sync_client_get_server_url (client));
      d->token = cl_sync_client_dup_token (client);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_blob_sync_open_async);
  g_task_set_task_data (task, d, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

void
cl_blob_sync_fetch_async (CLStore             *store,
                          CLSyncClient        *client,
                          const char          *sha256,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *d;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (client == NULL || CL_IS_SYNC_CLIENT (client));

  /* The same fetch as a report's, for a file no patient owns. */
  d = g_new0 (OpenData, 1);
  d->store = g_object_ref (store);
  d->document = cl_document_new ();
  cl_document_set_sha256 (d->document, sha256);
  if (client)
    {
      d->url = g_strdup (cl_sync_client_get_server_url (client));
      d->token = cl_sync_client_dup_token (client);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_blob_sync_open_async);
  g_task_set_task_data (task, d, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

char *
cl_blob_sync_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
