/* cl-pdf-check.c
 *
 * Uploaded PDFs checked in a contained subprocess (cl-pdf-check.h).
 * Poppler parses whatever a client sends; a crash there used to be a
 * crash of the server, and a PDF whose page tree loops or whose streams
 * expand without end could hold a thread of it for as long as it
 * liked.  The child is the server's own binary (nothing else to
 * install), under RLIMIT_AS and RLIMIT_CPU set between fork and exec,
 * without core dumps, and killed when the wall-clock limit runs out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "cl-pdf-check.h"

/* Enough for Poppler on the largest upload (50 MiB), far from what a
 * bomb would take. */
#define CHILD_MEMORY_BYTES ((rlim_t) 1024 * 1024 * 1024)
#define CHILD_CPU_SECONDS  10
#define CHILD_WALL_SECONDS 20
/* Each child may take CHILD_MEMORY_BYTES: a bound on them all. */
#define MAX_CHILDREN       8
/* The child reads no more than the server accepts. */
#define MAX_INPUT_BYTES    (64 * 1024 * 1024)

/* The child */

static int
refuse (const char *reason)
{
  g_print ("%s\n", reason);
  return 1;
}

static GBytes *
read_input (const char  *path,
            GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  FILE *in;
  size_t n;

  if (!g_str_equal (path, "-"))
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, error))
        return NULL;
      return g_bytes_new_take (g_steal_pointer (&contents), length);
    }
  in = stdin;
  while ((n = fread (buffer, 1, sizeof buffer, in)) > 0)
    {
      if (data->len + n > MAX_INPUT_BYTES)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "input too large");
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* What all the zlib streams of a file may expand to: more than any
 * report (a scan of many pages of flate-compressed images), far less
 * than a bomb that inflates a megabyte a thousandfold. */
#define MAX_DECODED_BYTES ((guint64) 1024 * 1024 * 1024)

static const char *
find_keyword (const char *from,
              const char *end,
              const char *word)
{
  gsize n = strlen (word);

  while (from + n <= end && (from = memchr (from, word[0], end - from - n + 1)))
    {
      if (memcmp (from, word, n) == 0)
        return from;
      from++;
    }
  return NULL;
}

/* Inflates, into a scratch buffer, every zlib stream that follows a
 * "stream" keyword, without parsing the file: a decompression bomb is
 * refused before Poppler sees it, however its objects are laid out. */
static gboolean
streams_bounded (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data + size;
  guint64 total = 0;
  static char scratch[256 * 1024];

  for (const char *p = data; p && p < end; )
    {
      g_autoptr(GConverter) inflater = NULL;
      const char *in;
      gsize left;

      p = find_keyword (p, end, "stream");
      if (p == NULL)
        break;
      p += 6;
      if (p < end && *p == '\r')
        p++;
      if (p >= end || *p != '\n')
        continue;
      in = ++p;
      left = end - in;
      inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      while (left > 0)
        {
          gsize read = 0, written = 0;
          GConverterResult result;

          result = g_converter_convert (inflater, in, left, scratch, sizeof scratch,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, NULL);
          if (result == G_CONVERTER_ERROR)
            break;
          in += read;
          left -= read;
          total += written;
          if (total > MAX_DECODED_BYTES)
            return FALSE;
          if (result == G_CONVERTER_FINISHED || (read == 0 && written == 0))
            break;
        }
    }
  return TRUE;
}

int
cl_pdf_check_main (int    argc,
                   char **argv)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  int n_pages;
  gsize text_bytes = 0;

  if (argc != 2)
    {
      g_printerr ("usage: careline-server check-pdf FILE|-\n");
      return 2;
    }
  if (!(bytes = read_input (argv[1], &error)))
    return refuse (error->message);
  if (g_bytes_get_size (bytes) < 5 || memcmp (g_bytes_get_data (bytes, NULL), "%PDF-", 5) != 0)
    return refuse ("no PDF header");

  if (!streams_bounded (bytes))
    return refuse ("a stream expands beyond the limit");

  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  if (document == NULL)
    return refuse (error->message);

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages < 1 || n_pages > CL_PDF_CHECK_MAX_PAGES)
    {
      g_object_unref (document);
      return refuse ("page count out of range");
    }
  /* Every page, as a desk will show it: a page tree whose Kids lead
   * back to an ancestor yields no page here, and a content stream that
   * expands without end runs into the CPU and memory limits. */
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *text = NULL;

      if (page == NULL)
        {
          g_object_unref (document);
          return refuse ("page tree is damaged or loops");
        }
      text = poppler_page_get_text (page);
      text_bytes += text ? strlen (text) : 0;
      g_object_unref (page);
    }
  g_object_unref (document);
  g_print ("%d pages, %" G_GSIZE_FORMAT " bytes of text\n", n_pages, text_bytes);
  return 0;
}

/* The server */

static gint n_children;

static void
child_setup (gpointer user_data)
{
  /* Between fork and exec: only async-signal-safe calls. */
  struct rlimit memory = { CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES };
  /* SIGXCPU at the soft limit, SIGKILL a second later if ignored. */
  struct rlimit cpu = { CHILD_CPU_SECONDS, CHILD_CPU_SECONDS + 1 };
  struct rlimit core = { 0, 0 };

  setrlimit (RLIMIT_AS, &memory);
  setrlimit (RLIMIT_CPU, &cpu);
  setrlimit (RLIMIT_CORE, &core);
}

/* The running binary itself, through the kernel's link to it: still
 * the same program after a package upgrade replaced the file. */
static const char *
program (void)
{
  return g_file_test ("/proc/self/exe", G_FILE_TEST_EXISTS) ? "/proc/self/exe" : "careline-server";
}

typedef struct
{
  GSubprocess *process;
  GSource     *timeout;
  gboolean     timed_out;
} Check;

static void
check_free (Check *check)
{
  if (check->timeout)
    {
      g_source_destroy (check->timeout);
      g_source_unref (check->timeout);
    }
  g_clear_object (&check->process);
  g_free (check);
  g_atomic_int_add (&n_children, -1);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Check *check = user_data;

  check->timed_out = TRUE;
  g_subprocess_force_exit (check->process);
  g_clear_pointer (&check->timeout, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &out, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_subprocess_get_if_exited (check->process) &&
      g_subprocess_get_exit_status (check->process) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (g_subprocess_get_if_exited (check->process))
    g_debug ("PDF refused: %.*s", (int) (out ? g_bytes_get_size (out) : 0),
             out ? (const char *) g_bytes_get_data (out, NULL) : "");
  else
    /* Killed by its limits or crashed inside Poppler: the upload is
     * refused and the server goes on, but an admin may want to know. */
    g_message ("An uploaded PDF %s the checker (signal %d); refused",
               check->timed_out ? "timed out" : "killed", g_subprocess_get_term_sig (check->process));
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                           _("The document is not a PDF that can be opened"));
}

void
cl_pdf_check_async (GBytes              *bytes,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Check *check;

  g_return_if_fail (bytes != NULL);

  /* A child that stops reading early must not kill the server by
   * SIGPIPE (GSocket ignores it too, but this must not depend on it). */
  signal (SIGPIPE, SIG_IGN);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_pdf_check_async);
  if (g_atomic_int_add (&n_children, 1) >= MAX_CHILDREN)
    {
      g_atomic_int_add (&n_children, -1);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("Too many documents are being checked: try again in a moment"));
      return;
    }
  check = g_new0 (Check, 1);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  /* Poppler's own messages about a broken file are of no use in the
   * server's log, and its locale must not change what it accepts. */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  check->process = g_subprocess_launcher_spawn (launcher, &error, program (), "check-pdf", "-", NULL);
  if (check->process == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  check->timeout = g_timeout_source_new_seconds (CHILD_WALL_SECONDS);
  g_source_set_callback (check->timeout, timeout_cb, check, NULL);
  g_source_attach (check->timeout, g_main_context_get_thread_default ());
  g_subprocess_communicate_async (check->process, bytes, cancellable, communicated_cb,
                                  g_steal_pointer (&task));
}

gboolean
cl_pdf_check_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
