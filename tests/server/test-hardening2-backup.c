#define G_LOG_DOMAIN "test-hardening2-backup"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-test-util.h"
#include "hardening2-common.h"

/* A backup never replaces a live store (README, "Backups"): aimed at
 * the server's own folder right after it started (its -wal still
 * empty), at a folder above it, through a symbolic link, or at another
 * folder a server has just started on, it is refused and the served
 * file stays the one the server writes to. */

static const char *server_binary;

static int
backup (const char  *db,
        const char  *to,
        char       **err)
{
  g_autofree char *out = NULL;
  int status;

  status = cl_test_run_server_cli_output (server_binary, &out, err, "backup", "--db", db, "--to", to, NULL);
  g_test_message ("backup --to %s: %d\n%s%s", to, status, out, *err);
  return status;
}

static void
test_live_folder (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-hardening2-backup");
  g_autofree char *served = g_build_filename (dir, "served", NULL);
  g_autofree char *db = g_build_filename (served, "careline.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other", NULL);
  g_autofree char *other_db = g_build_filename (other, "careline.db", NULL);
  g_autofree char *link = g_build_filename (dir, "link", NULL);
  g_autofree char *fine = g_build_filename (dir, "fine", NULL);
  g_autofree char *url = NULL, *url_b = NULL, *err = NULL, *token = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GSubprocess) server_b = NULL;
  GStatBuf before, after;

  g_assert_cmpint (g_mkdir_with_parents (served, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (other, 0700), ==, 0);
  h2_add_user (server_binary, db, "cm", "case_manager");
  h2_add_user (server_binary, other_db, "cm", "case_manager");
  server = cl_test_start_server (server_binary, db, &url);
  g_assert_cmpint (g_stat (db, &before), ==, 0);

  /* Its own folder, at once: the -wal file may well be empty. */
  g_assert_cmpint (backup (db, served, &err), ==, 1);
  cl_test_assert_contains (err, "holds the data file");
  g_clear_pointer (&err, g_free);
  /* A folder above it, and the folder by another path. */
  g_assert_cmpint (backup (db, dir, &err), ==, 1);
  cl_test_assert_contains (err, "holds the data file");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (symlink (served, link), ==, 0);
  g_assert_cmpint (backup (db, link, &err), ==, 1);
  cl_test_assert_contains (err, "holds the data file");
  g_clear_pointer (&err, g_free);

  /* The data file is still the one the server has open. */
  g_assert_cmpint (g_stat (db, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_cmpuint (h2_log_in (url, "cm", H2_PASSWORD, &token), ==, 200);
  g_assert_true (h2_healthy (url));

  /* Another folder a server has just started on, before it wrote
   * anything: its lock says it is live. */
  server_b = cl_test_start_server (server_binary, other_db, &url_b);
  g_assert_cmpint (backup (db, other, &err), ==, 1);
  cl_test_assert_contains (err, "in use");
  g_clear_pointer (&err, g_free);
  g_assert_true (h2_healthy (url_b));
  cl_test_stop_server (&server_b);

  /* Once that server is gone, and anywhere else, the backup is taken;
   * a server then starts on it. */
  g_assert_cmpint (backup (db, other, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (backup (db, fine, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  server_b = cl_test_start_server (server_binary, other_db, &url_b);
  g_assert_true (h2_healthy (url_b));

  cl_test_stop_server (&server_b);
  cl_test_stop_server (&server);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  server_binary = cl_test_server_binary ();
  if (server_binary == NULL)
    return g_test_run ();
  g_test_add_func ("/hardening2/backup/live-folder", test_live_folder);
  return g_test_run ();
}
