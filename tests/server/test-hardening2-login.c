#define G_LOG_DOMAIN "test-hardening2-login"

#include "config.h"

#include <gio/gio.h>

#include "cl-login-throttle.h"
#include "cl-test-util.h"
#include "hardening2-common.h"

/* Twelve log-ins of one name sent at once, eleven wrong and one right
 * (README, "Reliability"): the lock is taken before the password is
 * hashed, so at most CL_LOGIN_MAX_FAILURES passwords are checked, the
 * name ends locked, and the right password does not clear the count. */

#define N_WRONG 11

static const char *server_binary;

typedef struct
{
  const char *url;
  const char *password;
  guint       status;
  gint64      elapsed_us;
  gboolean    done;
} Attempt;

static GMutex lock;
static GCond answered;

static gpointer
attempt_thread (gpointer user_data)
{
  Attempt *attempt = user_data;
  gint64 start = g_get_monotonic_time ();
  guint status = h2_log_in (attempt->url, "cm", attempt->password, NULL);

  g_mutex_lock (&lock);
  attempt->status = status;
  attempt->elapsed_us = g_get_monotonic_time () - start;
  attempt->done = TRUE;
  g_cond_broadcast (&answered);
  g_mutex_unlock (&lock);
  return NULL;
}

static void
test_concurrent (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-hardening2-login");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  Attempt wrong[N_WRONG] = { 0 };
  Attempt right = { 0 };
  GThread *threads[N_WRONG + 1];
  guint checked = 0, locked = 0;
  gboolean any;

  h2_add_user (server_binary, db, "cm", "case_manager");
  server = cl_test_start_server (server_binary, db, &url);

  for (int i = 0; i < N_WRONG; i++)
    {
      wrong[i].url = url;
      wrong[i].password = "wrong guess";
      threads[i] = g_thread_new ("wrong", attempt_thread, &wrong[i]);
    }
  /* The right one goes once the server has answered one of the wrong
   * ones: by then it has them all in hand, and checking a password
   * takes far longer than refusing one. */
  g_mutex_lock (&lock);
  do
    {
      any = FALSE;
      for (int i = 0; i < N_WRONG; i++)
        any |= wrong[i].done;
      if (!any)
        g_cond_wait (&answered, &lock);
    }
  while (!any);
  g_mutex_unlock (&lock);
  right.url = url;
  right.password = H2_PASSWORD;
  threads[N_WRONG] = g_thread_new ("right", attempt_thread, &right);
  for (int i = 0; i <= N_WRONG; i++)
    g_thread_join (threads[i]);

  for (int i = 0; i < N_WRONG; i++)
    {
      g_test_message ("wrong %d: %u after %" G_GINT64_FORMAT " ms", i, wrong[i].status,
                      wrong[i].elapsed_us / 1000);
      g_assert_true (wrong[i].status == 401 || wrong[i].status == 429);
      checked += wrong[i].status == 401;
      locked += wrong[i].status == 429;
    }
  g_test_message ("right: %u", right.status);
  /* At most the lock's number of guesses got their password checked;
   * the one that reached it is answered "locked" itself. */
  g_assert_cmpuint (checked, <=, CL_LOGIN_MAX_FAILURES - 1);
  g_assert_cmpuint (locked, >=, N_WRONG - (CL_LOGIN_MAX_FAILURES - 1));
  g_assert_cmpuint (right.status, ==, 429);

  /* Locked, and the right password, even now, does not unlock it. */
  g_assert_cmpuint (h2_log_in (url, "cm", H2_PASSWORD, NULL), ==, 429);
  /* An administrator's unlock does, at once. */
  g_assert_cmpint (cl_test_run_server_cli (server_binary, NULL, "user", "unlock", "cm", "--db", db, NULL), ==, 0);
  g_assert_cmpuint (h2_log_in (url, "cm", H2_PASSWORD, NULL), ==, 200);

  cl_test_stop_server (&server);
  cl_test_remove_tree (dir);
}

/* Other names are not held up by one under attack. */
static void
test_other_names (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-hardening2-login-others");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) server = NULL;

  h2_add_user (server_binary, db, "cm", "case_manager");
  h2_add_user (server_binary, db, "fin", "finance");
  server = cl_test_start_server (server_binary, db, &url);
  for (int i = 0; i < CL_LOGIN_MAX_FAILURES; i++)
    h2_log_in (url, "cm", "wrong", NULL);
  g_assert_cmpuint (h2_log_in (url, "cm", H2_PASSWORD, NULL), ==, 429);
  g_assert_cmpuint (h2_log_in (url, "fin", H2_PASSWORD, NULL), ==, 200);
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
  g_test_add_func ("/hardening2/login/concurrent", test_concurrent);
  g_test_add_func ("/hardening2/login/other-names", test_other_names);
  return g_test_run ();
}
