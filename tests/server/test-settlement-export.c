#define G_LOG_DOMAIN "test-settlement-export"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cl-enrolment-store.h"
#include "cl-statement-print.h"
#include "cl-store.h"
#include "cl-test-server.h"
#include "cl-test-settlement.h"
#include "cl-test-util.h"

/* The month's statement from the server (GET /settlement/YYYY-MM and
 * `careline-server settlement`) against the desk's, on one real data
 * file: October 2026 closed (the worked month), November open
 * with one payment, March empty.  Today is 2026-11-23 (meson). */

#define PASSWORD "correct horse battery staple"

static char *dir;
static char *db;
static CLTestServer server;
static char *finance_token;
static char *manager_token;

static GBytes *
get (const char *path,
     const char *token,
     guint      *status)
{
  g_autoptr(SoupMessage) msg = cl_test_api_message (&server, "GET", path, token);

  return cl_test_api_send (msg, status);
}

/* The desk's statement of @month, from the same file. */
static CLSettlement *
desk_statement (const char *month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = cl_store_open (db, &error);
  CLSettlement *s;

  g_assert_no_error (error);
  s = cl_enrolment_store_settlement (store, month, &error);
  g_assert_no_error (error);
  return s;
}

static GBytes *
desk_pdf (CLSettlement *s)
{
  g_autofree char *path = g_build_filename (dir, "desk.pdf", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (cl_statement_export_pdf (s, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

static GBytes *
desk_csv (CLSettlement *s)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_settlement_write_csv (s, out, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
setup_world (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = NULL;

  dir = cl_test_make_tmp_dir ("settlement-export");
  db = g_build_filename (dir, "careline.db", NULL);
  store = cl_store_open (db, &error);
  g_assert_no_error (error);
  cl_test_settlement_make_october (store);
  g_assert_true (cl_enrolment_store_close_month (store, "2026-10", "finance", &error));
  g_assert_no_error (error);
  {
    g_autofree char *id = cl_test_settlement_add_patient (store, "陈静怡", "2026-11-05", 120);
    g_autoptr(CLEnrolment) e = cl_test_settlement_new_enrolment (id, CL_TEST_PACKAGE_MID, "2026-11-05", 199999);

    cl_test_settlement_save (store, e, "case_manager");
  }
  g_clear_object (&store);

  g_assert_cmpint (cl_test_server_cli (PASSWORD "\n", NULL, "user", "add", "fin", "--role", "finance", "--db", db, NULL), ==, 0);
  g_assert_cmpint (cl_test_server_cli (PASSWORD "\n", NULL, "user", "add", "cm", "--role", "case_manager", "--db", db, NULL), ==, 0);
  cl_test_server_start (&server, db);
  finance_token = cl_test_api_login (&server, "fin", PASSWORD);
  manager_token = cl_test_api_login (&server, "cm", PASSWORD);
}

/* JSON: the desk's figures to the fen, line by line. */
static void
test_json (void)
{
  static const char * const months[] = { "2026-10", "2026-11", "2026-03" };

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      g_autofree char *path = g_strdup_printf ("/settlement/%s", months[m]);
      g_autoptr(CLSettlement) desk = desk_statement (months[m]);
      g_autoptr(JsonNode) node = NULL;
      JsonObject *o;
      JsonArray *lines;
      const CLSettlementLine *desk_lines;
      guint status = 0, n;

      node = cl_test_api_request (&server, "GET", path, finance_token, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      o = json_node_get_object (node);
      g_assert_cmpstr (json_object_get_string_member (o, "month"), ==, months[m]);
      g_assert_cmpint (json_object_get_boolean_member (o, "closed"), ==, cl_settlement_get_closed (desk));
      g_assert_cmpint (json_object_get_int_member (o, "gross_fen"), ==, cl_settlement_get_gross_fen (desk));
      g_assert_cmpint (json_object_get_int_member (o, "refunds_fen"), ==, cl_settlement_get_refunds_fen (desk));
      g_assert_cmpint (json_object_get_int_member (o, "fee_base_fen"), ==, cl_settlement_get_fee_base_fen (desk));
      g_assert_cmpint (json_object_get_int_member (o, "share_fen"), ==, cl_settlement_get_share_fen (desk));
      g_assert_cmpint (json_object_get_int_member (o, "deductions_fen"), ==, cl_settlement_get_deductions_fen (desk));
      g_assert_cmpint (json_object_get_int_member (o, "payable_fen"), ==, cl_settlement_get_payable_fen (desk));
      lines = json_object_get_array_member (o, "lines");
      desk_lines = cl_settlement_get_lines (desk, &n);
      g_assert_cmpuint (json_array_get_length (lines), ==, n);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *line = json_array_get_object_element (lines, i);

          g_assert_cmpstr (json_object_get_string_member (line, "key"), ==, desk_lines[i].key);
          g_assert_cmpint (json_object_get_int_member (line, "amount_fen"), ==, desk_lines[i].amount_fen);
          g_assert_cmpint (json_object_get_int_member (line, "share_fen"), ==, desk_lines[i].share_fen);
        }
      g_assert_true (json_object_has_member (o, "packages"));
      g_assert_true (json_object_has_member (o, "deductions"));
    }

  /* The worked month: closed, 35.25 %, ¥35 816.20 payable. */
  {
    g_autoptr(JsonNode) node = NULL;
    JsonObject *o;
    guint status = 0;

    node = cl_test_api_request (&server, "GET", "/settlement/2026-10", finance_token, NULL, &status);
    o = json_node_get_object (node);
    g_assert_true (json_object_get_boolean_member (o, "closed"));
    g_assert_cmpstr (json_object_get_string_member (o, "closed_by"), !=, NULL);
    g_assert_cmpint (json_object_get_int_member (o, "rate_bp"), ==, 3525);
    g_assert_cmpint (json_object_get_int_member (o, "payable_fen"), ==, 3581620);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "packages")), ==, 1);
  }
  /* An empty month is a statement of zeros, not an error. */
  {
    g_autoptr(JsonNode) node = NULL;
    JsonObject *o;
    guint status = 0;

    node = cl_test_api_request (&server, "GET", "/settlement/2026-03", finance_token, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    o = json_node_get_object (node);
    g_assert_cmpint (json_object_get_int_member (o, "payable_fen"), ==, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "lines")), ==, 0);
  }
}

/* CSV and PDF: the very bytes the desk exports, and the command line
 * gives the same. */
static void
test_files (void)
{
  static const char * const months[] = { "2026-10", "2026-11" };

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      g_autoptr(CLSettlement) desk = desk_statement (months[m]);
      g_autoptr(GBytes) desk_pdf_bytes = desk_pdf (desk);
      g_autoptr(GBytes) desk_csv_bytes = desk_csv (desk);
      g_autofree char *csv_path = g_strdup_printf ("/settlement/%s?format=csv", months[m]);
      g_autofree char *pdf_path = g_strdup_printf ("/settlement/%s?format=pdf", months[m]);
      g_autofree char *out = g_build_filename (dir, "cli.pdf", NULL);
      g_autofree char *cli_csv = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GBytes) csv = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GBytes) cli_pdf = NULL;
      char *contents = NULL;
      gsize length = 0;
      guint status = 0;

      csv = get (csv_path, finance_token, &status);
      g_assert_cmpuint (status, ==, 200);
      g_assert_true (g_bytes_equal (csv, desk_csv_bytes));

      pdf = get (pdf_path, finance_token, &status);
      g_assert_cmpuint (status, ==, 200);
      g_assert_true (g_bytes_equal (pdf, desk_pdf_bytes));

      g_assert_cmpint (cl_test_server_cli (NULL, NULL, "settlement", "--db", db, "--month", months[m],
                                           "--format", "pdf", "--out", out, NULL), ==, 0);
      g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
      cli_pdf = g_bytes_new_take (contents, length);
      g_assert_true (g_bytes_equal (cli_pdf, pdf));

      g_assert_cmpint (cl_test_server_cli (NULL, &cli_csv, "settlement", "--db", db, "--month", months[m],
                                           "--format", "csv", NULL), ==, 0);
      g_assert_cmpmem (cli_csv, strlen (cli_csv), g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));

      /* And what is printed on it, read back. */
      g_assert_true (g_file_set_contents (out, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
      text = cl_test_pdf_text (out, 0, 0);
      if (g_str_equal (months[m], "2026-10"))
        cl_test_assert_contains (text, "35,816.20");
    }
}

/* Only finance and the administrator; a bad or future month is 400;
 * each read is audited. */
static void
test_refused (void)
{
  static const char * const bad[] = {
    "/settlement/2026-13", "/settlement/2026-1", "/settlement/abc",
    "/settlement/2027-01", "/settlement/2026-12", "/settlement/2026-10?format=xls",
  };
  g_autofree char *audit = NULL;
  guint status = 0;

  g_clear_pointer (&audit, g_free);
  {
    g_autoptr(JsonNode) node = cl_test_api_request (&server, "GET", "/settlement/2026-10", manager_token, NULL, &status);

    g_assert_cmpuint (status, ==, 403);
    g_assert_cmpstr (cl_test_error_code (node), ==, "forbidden");
  }
  {
    g_autoptr(JsonNode) node = cl_test_api_request (&server, "GET", "/settlement/2026-10", NULL, NULL, &status);

    g_assert_cmpuint (status, ==, 401);
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = cl_test_api_request (&server, "GET", bad[i], finance_token, NULL, &status);

      g_test_message ("%s: %u %s", bad[i], status, cl_test_error_code (node));
      g_assert_cmpuint (status, ==, 400);
      g_assert_cmpstr (cl_test_error_code (node), ==, "bad_request");
    }
  /* The command line says so too, and writes nothing. */
  g_assert_cmpint (cl_test_server_cli (NULL, NULL, "settlement", "--db", db, "--month", "2027-01", NULL), ==, 2);

  g_assert_cmpint (cl_test_server_cli (NULL, &audit, "audit", "--db", db, NULL), ==, 0);
  cl_test_assert_contains (audit, "\tfin\tfinance\tsettlement\t");
  cl_test_assert_contains (audit, "\tcm\tcase_manager\t");
}

int
main (int argc, char **argv)
{
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (cl_test_server_binary () == NULL)
    return g_test_run ();
  setup_world ();
  g_test_add_func ("/settlement-export/json", test_json);
  g_test_add_func ("/settlement-export/files", test_files);
  g_test_add_func ("/settlement-export/refused", test_refused);
  result = g_test_run ();
  cl_test_server_stop (&server);
  cl_test_remove_tree (dir);
  return result;
}
