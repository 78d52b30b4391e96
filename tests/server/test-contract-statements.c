/* test-contract-statements.c
 *
 * Contracts on the server: a server's data file from before contracts
 * (schema 29, with a closed month, rates, deductions and enrolments)
 * migrates when the server opens it, and its obstetric statements are
 * what they were; the guide desk's fee and deductions are pushed and
 * checked by the server's rules; GET /settlement/YYYY-MM?contract=ID
 * gives each contract's statement, its PDF read back with pdftotext.
 * Today is 2026-11-23 (meson).
 */

#define G_LOG_DOMAIN "test-contract-statements"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cl-contract-store.h"
#include "cl-enrolment-store.h"
#include "cl-store.h"
#include "cl-test-server.h"
#include "cl-test-settlement.h"
#include "cl-test-util.h"

#define PASSWORD "correct horse battery staple"
#define GUIDE CL_CONTRACT_GUIDE_DESK_ID

static char *dir;
static char *db;
static CLTestServer server;
static char *finance_token;
static char *october_snapshot;
static char *november_payable;

static void
setup_world (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(CLSettlement) november = NULL;

  dir = cl_test_make_tmp_dir ("contract-statements");
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
  cl_test_settlement_add_deduction (store, "2026-11-06", 30000, "投诉");
  november = cl_enrolment_store_settlement (store, "2026-11", &error);
  g_assert_no_error (error);
  november_payable = g_strdup_printf ("%" G_GINT64_FORMAT, cl_settlement_get_payable_fen (november));
  g_clear_object (&store);

  /* The file as the version before contracts left it. */
  cl_test_settlement_downgrade_to_single_contract (db);
  october_snapshot = g_strdup_printf ("%" G_GINT64_FORMAT,
                                      cl_test_db_count (db, "SELECT length (snapshot) FROM settlement_month"));

  g_assert_cmpint (cl_test_server_cli (PASSWORD "\n", NULL, "user", "add", "fin", "--role", "finance", "--db", db, NULL), ==, 0);
  cl_test_server_start (&server, db);
  finance_token = cl_test_api_login (&server, "fin", PASSWORD);
}

static JsonObject *
statement (const char *path,
           JsonNode  **holder)
{
  guint status = 0;

  *holder = cl_test_api_request (&server, "GET", path, finance_token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_node_get_object (*holder);
}

/* The server migrated the file: the obstetric statements as before. */
static void
test_migrated (void)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  JsonObject *october, *same, *november;
  g_autofree char *payable = NULL;

  g_assert_cmpint (cl_test_db_count (db, "PRAGMA user_version"), ==, CL_SCHEMA_VERSION);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM contract"), ==, 2);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM settlement_month WHERE contract_id = '"
                                         CL_CONTRACT_OBSTETRIC_ID "'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT length (snapshot) FROM settlement_month"), ==,
                   g_ascii_strtoll (october_snapshot, NULL, 10));

  october = statement ("/settlement/2026-10", &a);
  same = statement ("/settlement/2026-10?contract=" CL_CONTRACT_OBSTETRIC_ID, &b);
  g_assert_true (json_object_get_boolean_member (october, "closed"));
  g_assert_cmpint (json_object_get_int_member (october, "payable_fen"), ==, 3581620);
  g_assert_cmpint (json_object_get_int_member (same, "payable_fen"), ==, 3581620);
  g_assert_cmpstr (json_object_get_string_member (same, "contract_kind"), ==, "share_of_fees");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (october, "lines")), ==, 40);

  november = statement ("/settlement/2026-11", &c);
  payable = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (november, "payable_fen"));
  g_assert_cmpstr (payable, ==, november_payable);
  g_assert_false (json_object_get_boolean_member (november, "closed"));
}

static const char *
push (const char *table,
      const char *data,
      JsonNode  **holder)
{
  g_autofree char *key = cl_test_new_key ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *change = cl_test_change_json (key, table, id, 0, "upsert", data);

  return cl_test_status_of (cl_test_api_push_one (&server, finance_token, change, holder));
}

/* The guide desk's fee and deductions, pushed and checked. */
static void
test_guide_desk (void)
{
  g_autoptr(JsonNode) h1 = NULL, h2 = NULL, h3 = NULL, h4 = NULL, h5 = NULL, h6 = NULL, h7 = NULL, h8 = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = g_build_filename (dir, "guide.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  JsonObject *o;
  JsonArray *deductions;
  guint status = 0;

  /* The server's rules: a fee from the first of a month, not negative,
   * and no rate on a fixed fee; a deduction of a contract that exists. */
  g_assert_cmpstr (push ("share_rate", "{\"contract_id\":\"" GUIDE "\",\"effective_from\":\"2026-10-15\",\"fee_fen\":5000000}", &h1), ==, "rejected");
  g_assert_cmpstr (push ("share_rate", "{\"contract_id\":\"" GUIDE "\",\"effective_from\":\"2026-10-01\",\"fee_fen\":-1}", &h2), ==, "rejected");
  g_assert_cmpstr (push ("share_rate", "{\"contract_id\":\"" GUIDE "\",\"effective_from\":\"2026-10-01\",\"rate_bp\":3525}", &h3), ==, "rejected");
  g_assert_cmpstr (push ("deduction", "{\"contract_id\":\"e1000000-0000-0000-0000-000000000f03\",\"date\":\"2026-10-09\",\"amount_fen\":100000,\"reason\":\"x\"}", &h4), ==, "rejected");
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM share_rate WHERE contract_id = '" GUIDE "'"), ==, 0);

  g_assert_cmpstr (push ("share_rate", "{\"contract_id\":\"" GUIDE "\",\"effective_from\":\"2026-01-01\",\"fee_fen\":5000000}", &h5), ==, "applied");
  g_assert_cmpstr (push ("deduction", "{\"contract_id\":\"" GUIDE "\",\"date\":\"2026-10-09\",\"amount_fen\":100000,"
                                      "\"reason\":\"巡查不合格（配合不力）\",\"reference\":\"XJ-2026-041\"}", &h6), ==, "applied");
  g_assert_cmpstr (push ("deduction", "{\"contract_id\":\"" GUIDE "\",\"date\":\"2026-10-28\",\"amount_fen\":200000,"
                                      "\"reason\":\"整改逾期\",\"reference\":\"XJ-2026-044\"}", &h7), ==, "applied");

  o = statement ("/settlement/2026-10?contract=" GUIDE, &node);
  g_assert_cmpstr (json_object_get_string_member (o, "contract_kind"), ==, "fixed_monthly_fee");
  g_assert_cmpint (json_object_get_int_member (o, "fee_fen"), ==, 5000000);
  g_assert_cmpint (json_object_get_int_member (o, "deductions_fen"), ==, 300000);
  g_assert_cmpint (json_object_get_int_member (o, "payable_fen"), ==, 4700000);
  g_assert_false (json_object_get_boolean_member (o, "closed"));
  deductions = json_object_get_array_member (o, "deductions");
  g_assert_cmpuint (json_array_get_length (deductions), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (deductions, 0), "reference"), ==, "XJ-2026-041");

  /* The obstetric October is closed; the guide desk's is open, and one
   * contract's deduction in it is taken while the other's is refused. */
  g_assert_cmpstr (push ("deduction", "{\"date\":\"2026-10-29\",\"amount_fen\":100,\"reason\":\"投诉\"}", &h8), ==, "rejected");

  /* The printed statement, read back. */
  msg = cl_test_api_message (&server, "GET", "/settlement/2026-10?contract=" GUIDE "&format=pdf", finance_token);
  pdf = cl_test_api_send (msg, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  text = cl_test_pdf_text (path, 0, 0);
  cl_test_assert_contains (text, "Monthly Management Fee Statement");
  cl_test_assert_contains (text, "Fixed monthly management fee");
  cl_test_assert_contains (text, "50,000.00");
  cl_test_assert_contains (text, "Less deductions");
  cl_test_assert_contains (text, "3,000.00");
  cl_test_assert_contains (text, "XJ-2026-041");
  cl_test_assert_contains (text, "XJ-2026-044");
  cl_test_assert_contains (text, "Amount payable");
  cl_test_assert_contains (text, "47,000.00");

  /* No such contract. */
  {
    g_autoptr(JsonNode) bad = cl_test_api_request (&server, "GET", "/settlement/2026-10?contract=e1000000-0000-0000-0000-000000000f04",
                                                   finance_token, NULL, &status);

    g_assert_cmpuint (status, >=, 400);
    g_assert_cmpuint (status, <, 500);
  }
}

int
main (int    argc,
      char **argv)
{
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  setup_world ();

  g_test_add_func ("/contract-statements/migrated", test_migrated);
  g_test_add_func ("/contract-statements/guide-desk", test_guide_desk);

  result = g_test_run ();
  cl_test_server_stop (&server);
  cl_test_remove_tree (dir);
  return result;
}
