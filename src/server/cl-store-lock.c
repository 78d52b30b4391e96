/* cl-store-lock.c
 *
 * The lock file a server holds on its data file, and the checks that
 * keep a backup from replacing a live store (cl-store-lock.h).  The
 * old guard looked only for a non-empty -wal file, which is empty
 * right after a server starts: a backup then renamed its copy over the
 * served file and every change acknowledged afterwards went to an
 * unlinked file.
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
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cl-store-lock.h"

static int
open_lock (const char  *db,
           GError     **error)
{
  g_autofree char *path = g_strconcat (db, ".lock", NULL);
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("“%s”: %s"), path,
                   g_strerror (saved));
    }
  return fd;
}

int
cl_store_lock_serve (const char  *db,
                     GError     **error)
{
  int fd;

  g_return_val_if_fail (db != NULL, -1);

  /* As the store would make it: the lock comes first. */
  {
    g_autofree char *dir = g_path_get_dirname (db);

    if (g_mkdir_with_parents (dir, 0700) != 0)
      {
        int saved = errno;

        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("“%s”: %s"), dir,
                     g_strerror (saved));
        return -1;
      }
  }
  if ((fd = open_lock (db, error)) < 0)
    return -1;
  /* Shared: servers may share a data file (SQLite locks it for them);
   * only a backup writing over it takes it exclusively. */
  if (flock (fd, LOCK_SH | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("“%s” is being written by a backup: start the server once it is done"), db);
      return -1;
    }
  return fd;
}

/* The real path of @path, or of its folder and its name when it does
 * not exist yet; NULL if neither resolves. */
static char *
real_path (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real = realpath (path, NULL);
  char *real_dir;
  char *joined;

  if (real)
    return real;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (!(real_dir = realpath (dir, NULL)))
    return NULL;
  joined = g_build_filename (real_dir, base, NULL);
  free (real_dir);
  return joined;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static gboolean
refuse_live (const char  *target,
             GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
               _("“%s” is in use (a server is running on it?): back up into another folder"), target);
  return FALSE;
}

gboolean
cl_store_lock_for_backup (const char  *db,
                          const char  *to,
                          int         *fd,
                          GError     **error)
{
  g_autofree char *db_dir = g_path_get_dirname (db);
  g_autofree char *real_db_dir = real_path (db_dir);
  g_autofree char *real_to = real_path (to);
  g_autofree char *target = g_build_filename (to, "careline.db", NULL);
  g_autofree char *target_wal = g_strconcat (target, "-wal", NULL);
  g_autofree char *inside = NULL;
  GStatBuf st;
  int lock;

  g_return_val_if_fail (db != NULL && to != NULL && fd != NULL, FALSE);

  *fd = -1;
  if (real_db_dir == NULL || real_to == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” cannot be resolved"),
                   real_db_dir ? to : db_dir);
      return FALSE;
    }

  /* The served folder itself, by name or by another path to it (a
   * symbolic link, a bind mount: hence the inode as well), or a folder
   * above it. */
  inside = g_strconcat (real_to, G_DIR_SEPARATOR_S, NULL);
  if (g_str_equal (real_db_dir, real_to) || same_file (db_dir, to) ||
      g_str_has_prefix (real_db_dir, inside) || g_str_equal (real_to, "/"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” holds the data file being backed up (“%s”): back up into another folder"),
                   to, db);
      return FALSE;
    }
  /* The data file under another name (a hard link). */
  if (same_file (db, target))
    return refuse_live (target, error);

  if ((lock = open_lock (target, error)) < 0)
    return FALSE;
  if (flock (lock, LOCK_EX | LOCK_NB) != 0)
    {
      close (lock);
      return refuse_live (target, error);
    }
  /* A server of an older version takes no lock; its log gives it away
   * once it has written. */
  if (g_stat (target_wal, &st) == 0 && st.st_size > 0)
    {
      close (lock);
      return refuse_live (target, error);
    }
  *fd = lock;
  return TRUE;
}
