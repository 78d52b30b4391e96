#define G_LOG_DOMAIN "test-backup"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "cl-patient-store.h"
#include "cl-test-desk.h"
#include "cl-test-pdf.h"
#include "cl-test-util.h"

/* `careline-server backup` against a live server: the backup folder,
 * served by a second server, gives a new desk everything the first
 * had acknowledged, report files included. */

#define PASSWORD "correct horse battery staple"
#define N_PATIENTS 12

static const char *server_binary;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

#define run_cli(run, ...) \
  G_STMT_START { \
    run_clear (run); \
    (run)->status = cl_test_run_server_cli_output (server_binary, &(run)->out, &(run)->err, __VA_ARGS__); \
    g_test_message ("careline-server: %d\n%s%s", (run)->status, (run)->out, (run)->err); \
  } G_STMT_END

static char *
api (const char *base,
     const char *path)
{
  return g_strconcat (base, g_str_has_suffix (base, "/") ? "" : "/", "api/v1", path, NULL);
}

static char *
log_in (const char *base)
{
  g_autofree char *url = api (base, "/session");
  g_autofree char *json = g_strdup_printf ("{\"username\":\"cm\",\"password\":\"%s\"}", PASSWORD);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  guint status;

  reply = cl_test_http ("POST", url, NULL, "application/json", body, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), &error);
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "token"));
}

static void
test_backup (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-backup");
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *to = g_build_filename (dir, "backup", NULL);
  g_autofree char *backup_db = g_build_filename (to, "careline.db", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *url = NULL, *url_b = NULL, *token = NULL, *doc_url = NULL, *sha = NULL;
  g_autofree char *pdf = NULL, *new_id = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GSubprocess) server_b = NULL;
  g_autoptr(GBytes) pdf_bytes = NULL, reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) desk = NULL, fresh = NULL;
  g_autoptr(CLSyncClient) client = NULL, fresh_client = NULL;
  g_autoptr(CLPatient) patient = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  Run run = { 0 };
  gsize length;
  guint status;

  {
    g_autoptr(CLStore) store = cl_test_store_new_demo (dir, "server.db", N_PATIENTS, 3);

    cl_test_store_fill_change_log (store);
  }
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "cm",
                                           "--role", "case_manager", "--db", db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, db, &url);

  /* A report file, and a patient pushed from a desk. */
  cl_test_pdf_write_text (pdf_path, 2, "backup");
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  pdf_bytes = g_bytes_new (pdf, length);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf_bytes);
  token = log_in (url);
  {
    g_autofree char *path = g_strdup_printf ("/documents/%s", sha);

    doc_url = api (url, path);
  }
  g_clear_pointer (&reply, g_bytes_unref);
  reply = cl_test_http ("PUT", doc_url, token, "application/pdf", pdf_bytes, &status, NULL);
  g_assert_cmpuint (status, ==, 201);

  desk = cl_test_desk_open_store (dir, "desk");
  client = cl_test_desk_login (desk, url, "cm", PASSWORD);
  cl_test_desk_sync (client);
  patient = cl_patient_new ();
  cl_patient_set_name (patient, "备份测试");
  cl_patient_set_phone (patient, "13800138000");
  g_assert_true (cl_patient_store_save (desk, patient, NULL, &field_errors, &error));
  g_assert_no_error (error);
  new_id = g_strdup (cl_record_get_id (CL_RECORD (patient)));
  cl_test_desk_sync (client);
  g_assert_cmpint (cl_store_count_outbox (desk), ==, 0);

  /* While the server runs. */
  run_cli (&run, "backup", "--db", db, "--to", to, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cl_test_assert_contains (run.out, "1 report files (1 new)");

  /* The folder is a data folder another server serves as it is. */
  server_b = cl_test_start_server (server_binary, backup_db, &url_b);
  fresh = cl_test_desk_open_store (dir, "fresh");
  fresh_client = cl_test_desk_login (fresh, url_b, "cm", PASSWORD);
  cl_test_desk_sync (fresh_client);
  g_assert_cmpint (cl_patient_store_count (fresh), ==, N_PATIENTS + 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM patient WHERE id = '%s'", new_id);

    g_assert_cmpint (cl_test_store_count (fresh, sql), ==, 1);
  }
  {
    g_autofree char *token_b = log_in (url_b);
    g_autofree char *path = g_strdup_printf ("/documents/%s", sha);
    g_autofree char *doc_url_b = api (url_b, path);

    g_clear_pointer (&reply, g_bytes_unref);
    reply = cl_test_http ("GET", doc_url_b, token_b, NULL, NULL, &status, NULL);
    g_assert_cmpuint (status, ==, 200);
    g_assert_true (g_bytes_equal (reply, pdf_bytes));
  }

  /* Not into a folder a server is running on. */
  run_cli (&run, "backup", "--db", db, "--to", to, NULL);
  g_assert_cmpint (run.status, ==, 1);
  cl_test_assert_contains (run.err, "in use");
  g_clear_object (&fresh_client);
  cl_test_stop_server (&server_b);

  /* Again: only what is new is copied. */
  run_cli (&run, "backup", "--db", db, "--to", to, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cl_test_assert_contains (run.out, "1 report files (0 new)");

  /* A damaged report file at the source is told, and not copied. */
  {
    const char *bogus = "ab00000000000000000000000000000000000000000000000000000000000000";
    g_autofree char *folder = g_build_filename (dir, "documents", "ab", NULL);
    g_autofree char *path = g_build_filename (folder, bogus, NULL);
    g_autofree char *copied = g_build_filename (to, "documents", "ab", bogus, NULL);

    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
    g_assert_true (g_file_set_contents (path, "not what its name says", -1, NULL));
    run_cli (&run, "backup", "--db", db, "--to", to, NULL);
    g_assert_cmpint (run.status, ==, 1);
    cl_test_assert_contains (run.err, "damaged");
    g_assert_false (g_file_test (copied, G_FILE_TEST_EXISTS));
  }

  /* Wrong use. */
  run_cli (&run, "backup", "--db", db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, "backup", "--db", pdf_path, "--to", to, NULL);
  g_assert_cmpint (run.status, ==, 1);
  cl_test_assert_contains (run.err, "not a Careline data file");

  run_clear (&run);
  g_clear_object (&client);
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
  g_test_add_func ("/backup/live", test_backup);
  return g_test_run ();
}
