/* The desktop half of sync against the real careline-server: one
 * patient edited at two desks (the later push is stale), and a record
 * kept open while its save is pushed. */

#define G_LOG_DOMAIN "test-sync-stale"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cl-id-card.h"
#include "cl-patient-store.h"
#include "cl-store.h"
#include "cl-sync-client.h"
#include "cl-test-desk.h"
#include "cl-test-util.h"
#include "cl-order-store.h"
#include "cl-visit-store.h"
#include "cl-test-sync.h"

static const char *server_binary;

/* (3) The same patient edited at two desks: the later push is stale. */
static void
test_sync_stale (void)
{
  CLTestSyncServer *server = cl_test_sync_server_new ();
  CLTestSyncDesk *a = cl_test_sync_desk_new ("test-sync-stale-a");
  CLTestSyncDesk *b = cl_test_sync_desk_new ("test-sync-stale-b");
  g_autoptr(CLPatient) at_a = NULL;
  g_autoptr(CLPatient) at_b = NULL;
  g_autoptr(CLPatient) now_b = NULL;
  g_autoptr(CLPatient) now_a = NULL;
  g_autofree char *id = NULL;
  g_autofree char *dump_a = NULL, *dump_b = NULL;

  cl_test_sync_desk_login (a, server->url, "desk_a");
  cl_test_sync_desk_login (b, server->url, "desk_b");
  id = cl_test_sync_save_patient (a->store, 30, "周敏");
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);

  /* B opens her (the form holds rev N) … */
  at_b = cl_test_sync_load_patient (b->store, id);
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (at_b)), >, 0);

  /* … A changes her first … */
  at_a = cl_test_sync_load_patient (a->store, id);
  cl_test_sync_edit_patient (a->store, at_a, "A 先改：血压偏高");
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);

  /* … then B saves what the form held. */
  cl_test_sync_edit_patient (b->store, at_b, "B 后改");
  cl_test_sync_desk_sync_ok (b);

  g_assert_cmpuint (b->rejected.n, ==, 1);
  g_assert_cmpstr (b->rejected.reason, ==, "stale");
  g_assert_cmpstr (b->rejected.record_id, ==, id);
  g_assert_nonnull (b->rejected.message);
  g_test_message ("rejected: %s", b->rejected.message);
  g_assert_cmpint (cl_store_count_outbox (b->store), ==, 0);
  g_assert_cmpuint (cl_sync_client_get_n_waiting (b->client), ==, 0);

  now_b = cl_test_sync_load_patient (b->store, id);
  g_assert_cmpstr (cl_patient_get_note (now_b), ==, "A 先改：血压偏高");
  cl_test_sync_desk_sync_ok (a);
  now_a = cl_test_sync_load_patient (a->store, id);
  g_assert_cmpstr (cl_patient_get_note (now_a), ==, "A 先改：血压偏高");
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (now_a)), ==, cl_record_get_rev (CL_RECORD (now_b)));
  dump_a = cl_test_sync_dump_table (a->store, "patient");
  dump_b = cl_test_sync_dump_table (b->store, "patient");
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpuint (a->rejected.n, ==, 0);

  cl_test_sync_desk_free (a);
  cl_test_sync_desk_free (b);
  cl_test_sync_server_free (server);
}

/* A record kept open in a view while its save is pushed: the next save
 * of the same copy is based on the rev the server gave the first one,
 * recorded by the sync client, with no help from the view; a change
 * from another desk in between is still caught as stale. */
static void
test_sync_acknowledged_rev (void)
{
  CLTestSyncServer *server = cl_test_sync_server_new ();
  CLTestSyncDesk *a = cl_test_sync_desk_new ("test-sync-ack-a");
  CLTestSyncDesk *b = cl_test_sync_desk_new ("test-sync-ack-b");
  g_autoptr(CLPatient) held = cl_patient_new ();
  g_autoptr(CLPatient) at_b = NULL;
  g_autoptr(CLPatient) now = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = cl_test_sync_id_number_for (40);
  const char *id = cl_record_get_id (CL_RECORD (held));
  gint64 first_rev;

  cl_test_sync_desk_login (a, server->url, "desk_a");
  cl_test_sync_desk_login (b, server->url, "desk_b");

  cl_patient_set_name (held, "郑雅琴");
  cl_patient_set_id_number (held, number);
  cl_patient_set_phone (held, "13912340040");
  cl_patient_store_save (a->store, held, NULL, &field_errors, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (held)), ==, 0);
  cl_test_sync_desk_sync_ok (a);
  now = cl_test_sync_load_patient (a->store, id);
  first_rev = cl_record_get_rev (CL_RECORD (now));
  g_assert_cmpint (first_rev, >, 0);
  g_clear_object (&now);

  /* The view's copy still says rev 0; twice more, each pushed. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *note = g_strdup_printf ("第 %u 次修改", i + 1);

      cl_test_sync_edit_patient (a->store, held, note);
      cl_test_sync_desk_sync_ok (a);
      g_assert_cmpuint (a->rejected.n, ==, 0);
      g_assert_cmpint (cl_store_count_outbox (a->store), ==, 0);
    }
  now = cl_test_sync_load_patient (a->store, id);
  g_assert_cmpstr (cl_patient_get_note (now), ==, "第 2 次修改");
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (now)), >, first_rev);
  g_clear_object (&now);

  /* Another desk changes her; the copy A still holds is now stale. */
  cl_test_sync_desk_sync_ok (b);
  at_b = cl_test_sync_load_patient (b->store, id);
  cl_test_sync_edit_patient (b->store, at_b, "B 改过");
  cl_test_sync_desk_sync_ok (b);
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_edit_patient (a->store, held, "A 用旧表单保存");
  cl_test_sync_desk_sync_ok (a);
  g_assert_cmpuint (a->rejected.n, ==, 1);
  g_assert_cmpstr (a->rejected.reason, ==, "stale");
  now = cl_test_sync_load_patient (a->store, id);
  g_assert_cmpstr (cl_patient_get_note (now), ==, "B 改过");

  cl_test_sync_desk_free (a);
  cl_test_sync_desk_free (b);
  cl_test_sync_server_free (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  server_binary = g_getenv ("CARELINE_SERVER");

  if (server_binary == NULL || !g_file_test (server_binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_message ("CARELINE_SERVER is not set to the server: skipping the server tests");
      return g_test_run ();
    }
  g_test_add_func ("/sync/stale", test_sync_stale);
  g_test_add_func ("/sync/acknowledged-rev", test_sync_acknowledged_rev);

  return g_test_run ();
}
