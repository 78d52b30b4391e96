/* cl-sync-snapshot.c
 *
 * The first pull of an empty desk: the server's snapshot
 * (cl-snapshot.h) downloaded into a file beside the store and loaded,
 * before the change feed takes over from the snapshot's rev.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-client"

#include "config.h"

#include <glib/gstdio.h>

#include "cl-snapshot.h"
#include "cl-sync-client-private.h"

gboolean
cl_sync_snapshot_pull (Worker      *w,
                       const char  *url,
                       const char  *token,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *snapshot_url = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean wanted = FALSE;
  guint status = 0;
  gint64 rev, n_rows, start, loaded;
  gboolean ok;

  if (!w->snapshots)
    return TRUE;
  if (!cl_snapshot_wanted (w->store, &wanted, error))
    return FALSE;
  if (!wanted)
    return TRUE;

  cl_sync_worker_set_state (w, CL_SYNC_STATE_SYNCING, w->last_error);

  /* Beside the store: the same disk, which has room for the data. */
  dir = g_path_get_dirname (cl_store_get_path (w->store));
  path = g_build_filename (dir, "snapshot.download", NULL);
  snapshot_url = cl_sync_join_url (url, "/api/v1/snapshot");
  start = g_get_monotonic_time ();
  if (!cl_sync_http_download (w->session, snapshot_url, token, path, w->cancellable,
                              &status, &reply, error))
    return FALSE;

  /* A server from before snapshots: the feed does it all. */
  if (status == SOUP_STATUS_NOT_FOUND)
    return TRUE;
  if (!cl_sync_check_status (status, reply, error))
    return FALSE;

  loaded = g_get_monotonic_time ();
  ok = cl_snapshot_apply (w->store, path, &rev, &n_rows, &local_error);
  g_unlink (path);
  if (ok)
    {
      g_debug ("loaded the server's snapshot at rev %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT
               " rows; download %.2f s, load %.2f s", rev, n_rows,
               (loaded - start) / 1e6, (g_get_monotonic_time () - loaded) / 1e6);
      return TRUE;
    }

  /* A file this version cannot read was refused before anything was
   * written: the feed still works. */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    {
      g_warning ("not using the server's snapshot: %s", local_error->message);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
