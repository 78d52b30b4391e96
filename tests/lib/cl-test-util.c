#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cl-test-util.h"

char *
cl_test_make_tmp_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strdup_printf ("careline-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
cl_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          cl_test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

#include <signal.h>
#include <sys/prctl.h>

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

GSubprocess *
cl_test_spawn (GSubprocessFlags    flags,
               const char * const *argv,
               GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return g_subprocess_launcher_spawnv (launcher, argv, error);
}

GSubprocess *
cl_test_start_server (const char  *server_binary,
                      const char  *db,
                      char       **url)
{
  /* More threads than CPUs, so that connections land on different
   * threads even on a one-CPU machine. */
  return cl_test_start_server_at (server_binary, db, "127.0.0.1:0", url, "--threads", "4", NULL);
}

GSubprocess *
cl_test_start_server_at (const char  *server_binary,
                         const char  *db,
                         const char  *listen,
                         char       **url,
                         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  GSubprocess *process;
  const char *address = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) server_binary);
  g_ptr_array_add (argv, (gpointer) "serve");
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  g_ptr_array_add (argv, (gpointer) "--listen");
  g_ptr_array_add (argv, (gpointer) listen);
  va_start (args, url);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = cl_test_spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* The line naming the URL (http:// or https://; debug output may
   * come first): reading it waits until the server listens, with no
   * port race and no polling. */
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while (address == NULL)
    {
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
      address = strstr (line, "http");
    }
  *url = g_strdup (address);
  return process;
}

int
cl_test_run_server_cli_va (const char  *server_binary,
                           const char  *input,
                           char       **out,
                           char       **err,
                           va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) server_binary);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  process = cl_test_spawn (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                           (out ? G_SUBPROCESS_FLAGS_STDOUT_PIPE : G_SUBPROCESS_FLAGS_STDOUT_SILENCE) |
                           (err ? G_SUBPROCESS_FLAGS_STDERR_PIPE : G_SUBPROCESS_FLAGS_STDERR_SILENCE),
                           (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input ? input : "", NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

int
cl_test_run_server_cli (const char *server_binary,
                        const char *input,
                        ...)
{
  va_list args;
  int status;

  va_start (args, input);
  status = cl_test_run_server_cli_va (server_binary, input, NULL, NULL, args);
  va_end (args);
  return status;
}

int
cl_test_run_server_cli_output (const char  *server_binary,
                               char       **out,
                               char       **err,
                               ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = cl_test_run_server_cli_va (server_binary, NULL, out, err, args);
  va_end (args);
  return status;
}

void
cl_test_stop_server (GSubprocess **server)
{
  if (*server == NULL)
    return;
  g_subprocess_send_signal (*server, SIGTERM);
  g_subprocess_wait (*server, NULL, NULL);
  g_clear_object (server);
}

char *
cl_test_pdf_text (const char *path,
                  int         first,
                  int         last)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, g_strdup ("pdftotext"));
  g_ptr_array_add (argv, g_strdup ("-layout"));
  if (first > 0 && last > 0)
    {
      g_ptr_array_add (argv, g_strdup ("-f"));
      g_ptr_array_add (argv, g_strdup_printf ("%d", first));
      g_ptr_array_add (argv, g_strdup ("-l"));
      g_ptr_array_add (argv, g_strdup_printf ("%d", last));
    }
  g_ptr_array_add (argv, g_strdup (path));
  g_ptr_array_add (argv, g_strdup ("-"));
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

void
cl_test_assert_contains (const char *text,
                         const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text ? text : "(null)");
}

const char *
cl_test_server_binary (void)
{
  const char *server = g_getenv ("CARELINE_SERVER");

  if (server == NULL || !g_file_test (server, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_message ("CARELINE_SERVER is not set to the server: skipping the tests that need it");
      return NULL;
    }
  return server;
}
