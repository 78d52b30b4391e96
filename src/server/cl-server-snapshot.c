/* cl-server-snapshot.c
 *
 * GET /snapshot: the synced tables the caller's role may read, at one
 * rev, as an SQLite file (cl-snapshot.h), for an empty desk's first
 * pull.  It is written on a worker thread into a temporary file that
 * is mapped and unlinked, so nothing of it stays on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "cl-server-private.h"
#include "cl-snapshot.h"

typedef struct
{
  CLServer          *server;
  SoupServerMessage *msg;
  char              *username;
  char              *role;
  GMappedFile       *file;
  gint64             rev;
  gint64             n_rows;
} SnapshotData;

static void
snapshot_data_free (SnapshotData *data)
{
  g_object_unref (data->server);
  g_object_unref (data->msg);
  g_free (data->username);
  g_free (data->role);
  g_clear_pointer (&data->file, g_mapped_file_unref);
  g_free (data);
}

static void
snapshot_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SnapshotData *data = task_data;
  g_autofree char *path = NULL;
  GError *error = NULL;
  gint64 start;
  int fd;

  fd = g_file_open_tmp ("careline-snapshot-XXXXXX.db", &path, &error);
  if (fd < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  close (fd);

  start = g_get_monotonic_time ();
  if (cl_snapshot_write (data->server->store, data->role, path, &data->rev, &data->n_rows, &error))
    data->file = g_mapped_file_new (path, FALSE, &error);
  if (data->file)
    g_debug ("snapshot for %s: %" G_GINT64_FORMAT " rows, %.1f MiB, in %.2f s", data->role, data->n_rows,
             g_mapped_file_get_length (data->file) / (1024.0 * 1024.0),
             (g_get_monotonic_time () - start) / 1e6);
  g_unlink (path);

  if (data->file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
snapshot_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SnapshotData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    cl_server_send_store_error (data->msg, error);
  else
    {
      g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (data->file);
      g_autofree char *detail = g_strdup_printf ("rev %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT " rows",
                                                 data->rev, data->n_rows);

      /* A copy of every patient a role may read: worth a line in the
       * audit log, like opening her documents. */
      cl_server_audit (data->server, data->username, data->role, "snapshot", NULL, NULL, NULL,
                       SOUP_STATUS_OK, detail);
      soup_server_message_set_status (data->msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (data->msg),
                                             CL_SNAPSHOT_CONTENT_TYPE, NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (data->msg), bytes);
    }
  soup_server_message_unpause (data->msg);
}

void
cl_server_handle_snapshot (CLServer          *self,
                           SoupServerMessage *msg,
                           const char        *username,
                           const char        *role)
{
  g_autoptr(GTask) task = NULL;
  SnapshotData *data;

  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      cl_server_send_method_not_allowed (msg, "GET");
      return;
    }

  /* Copying the tables takes a second or more for a large hospital:
   * this thread's other connections go on meanwhile. */
  data = g_new0 (SnapshotData, 1);
  data->server = g_object_ref (self);
  data->msg = g_object_ref (msg);
  data->username = g_strdup (username);
  data->role = g_strdup (role);

  soup_server_message_pause (msg);
  task = g_task_new (self, NULL, snapshot_done_cb, NULL);
  g_task_set_source_tag (task, cl_server_handle_snapshot);
  g_task_set_task_data (task, data, (GDestroyNotify) snapshot_data_free);
  g_task_run_in_thread (task, snapshot_thread);
}
