/* cl-backup.c
 *
 * `careline-server backup` (cl-backup.h): the data file through
 * SQLite's online backup API (cl-store-backup.c), the report files (content-addressed,
 * never changed once written) by copying only what the backup lacks,
 * so a nightly backup into the same folder copies a day's reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cl-backup.h"
#include "cl-store-backup.h"
#include "cl-store-lock.h"

/* @path failed with @saved (an errno). */
static gboolean
file_error (const char  *path,
            int          saved,
            GError     **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("“%s”: %s"), path,
               g_strerror (saved));
  return FALSE;
}

static gboolean
fsync_path (const char  *path,
            GError     **error)
{
  int fd = open (path, O_RDONLY);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  return file_error (path, saved, error);
}

/* Copies the data file to @to/careline.db.partial, checks it, and
 * only then renames it over the last backup. */
static gboolean
backup_db (const char      *db,
           const char      *to,
           ClBackupResult  *result,
           GError         **error)
{
  g_autofree char *partial = g_build_filename (to, "careline.db.partial", NULL);
  g_autofree char *final = g_build_filename (to, "careline.db", NULL);
  gboolean ok = FALSE;
  GStatBuf st;

  g_unlink (partial);
  if (!cl_store_backup_file (db, partial, error))
    goto out;

  if (!fsync_path (partial, error))
    goto out;
  if (g_rename (partial, final) != 0)
    {
      file_error (final, errno, error);
      goto out;
    }
  if (!fsync_path (to, error))
    goto out;
  if (g_stat (final, &st) == 0)
    result->db_bytes = st.st_size;
  ok = TRUE;

out:
  if (!ok)
    g_unlink (partial);
  return ok;
}

static gboolean
is_sha256 (const char *text)
{
  return strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;
}

/* One report file: copied (written whole, synced, renamed into place)
 * when the backup lacks it and its content is its name. */
static gboolean
backup_document (const char      *from,
                 const char      *to,
                 const char      *sha256,
                 ClBackupResult  *result,
                 GError         **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *sum = NULL;
  gsize length;

  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      result->documents++;
      return TRUE;
    }
  if (!g_file_get_contents (from, &contents, &length, error))
    return FALSE;
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  if (!g_str_equal (sum, sha256))
    {
      g_warning ("%s: the content does not match its name; not copied", from);
      result->damaged++;
      return TRUE;
    }
  if (!g_file_set_contents_full (to, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;
  result->documents++;
  result->new_documents++;
  return TRUE;
}

static gboolean
backup_documents (const char      *db,
                  const char      *to,
                  ClBackupResult  *result,
                  GError         **error)
{
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *source = g_build_filename (folder, "documents", NULL);
  g_autofree char *target = g_build_filename (to, "documents", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *prefix;

  dir = g_dir_open (source, 0, &local_error);
  if (dir == NULL)
    {
      /* No report filed yet. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  while ((prefix = g_dir_read_name (dir)))
    {
      g_autofree char *from_dir = g_build_filename (source, prefix, NULL);
      g_autofree char *to_dir = g_build_filename (target, prefix, NULL);
      g_autoptr(GDir) files = NULL;
      const char *name;

      if (strlen (prefix) != 2 || !g_file_test (from_dir, G_FILE_TEST_IS_DIR))
        continue;
      if (!(files = g_dir_open (from_dir, 0, error)))
        return FALSE;
      if (g_mkdir_with_parents (to_dir, 0700) != 0)
        {
          return file_error (to_dir, errno, error);
        }
      while ((name = g_dir_read_name (files)))
        {
          g_autofree char *from = g_build_filename (from_dir, name, NULL);
          g_autofree char *to_file = g_build_filename (to_dir, name, NULL);

          /* Leftovers of an upload cut short are not reports. */
          if (!is_sha256 (name) || !g_str_has_prefix (name, prefix))
            continue;
          if (!backup_document (from, to_file, name, result, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
cl_backup_run (const char      *db,
               const char      *to,
               ClBackupResult  *result,
               GError         **error)
{
  gboolean ok;
  int lock;

  g_return_val_if_fail (db != NULL && to != NULL && result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (g_mkdir_with_parents (to, 0700) != 0)
    return file_error (to, errno, error);
  /* Never over the live store, nor over one a server runs on; held so
   * that no server starts on @to while it is written. */
  if (!cl_store_lock_for_backup (db, to, &lock, error))
    return FALSE;

  /* The data file first: every report it refers to was stored before
   * its record was pushed, so it is on disk by the time the files are
   * copied. */
  ok = backup_db (db, to, result, error) &&
       backup_documents (db, to, result, error);
  close (lock);
  return ok;
}
