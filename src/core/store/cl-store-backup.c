/* cl-store-backup.c
 *
 * A consistent copy of a live store file (cl-store-backup.h), for
 * `careline-server backup`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store-backup"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "cl-store-backup.h"
#include "cl-store-private.h"

static gboolean
sqlite_error (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s”: %s"), path,
               db ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

gboolean
cl_store_backup_file (const char  *db,
                      const char  *partial,
                      GError     **error)
{
  sqlite3 *source = NULL, *copy = NULL;
  sqlite3_backup *backup;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (db != NULL && partial != NULL, FALSE);

  if (sqlite3_open_v2 (db, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite_error (source, db, error);
      goto out;
    }
  sqlite3_busy_timeout (source, 10000);
  if (sqlite3_prepare_v2 (source, "PRAGMA application_id", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_error (source, db, error);
      goto out;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || sqlite3_column_int (stmt, 0) != CL_STORE_APPLICATION_ID)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a Careline data file"), db);
      goto out;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (sqlite3_open_v2 (partial, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      sqlite_error (copy, partial, error);
      goto out;
    }
  /* All pages in one step: one read transaction, so the copy is the
   * data as it stood at one moment. */
  backup = sqlite3_backup_init (copy, "main", source, "main");
  if (backup == NULL)
    {
      sqlite_error (copy, partial, error);
      goto out;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s”: %s"), db, sqlite3_errstr (rc));
      goto out;
    }

  if (sqlite3_prepare_v2 (copy, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_error (copy, partial, error);
      goto out;
    }
  if (sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The copy of “%s” failed its check: %s"), db,
                   (const char *) sqlite3_column_text (stmt, 0));
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (copy);
  sqlite3_close (source);
  return ok;
}
