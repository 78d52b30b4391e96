#define G_LOG_DOMAIN "test-sync-burst"

#include "config.h"

#include <signal.h>

#include "cl-id-card.h"
#include "cl-patient-store.h"
#include "cl-sync-client-private.h"
#include "cl-test-desk.h"
#include "cl-test-server.h"
#include "cl-test-util.h"

/* The desk pushes a save at once when nothing is in flight (README,
 * "Working with a server"); what is saved while a push is in flight
 * goes out with the next one, so a burst of saves is a few requests,
 * never one per save.  Against the real careline-server. */

#define PASSWORD "correct horse battery staple"
#define N_SAVES  60

static const char *server_binary;

static guint
rounds_started (CLSyncClient *client)
{
  /* Each round is one push request (when anything waits) and a pull. */
  return cl_sync_client_get_rounds_started (client);
}

static void
test_burst (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-sync-burst");
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(CLSyncClient) client = NULL;
  guint before, rounds;

  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "admin1",
                                           "--role", "admin", "--db", db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, db, &url);
  store = cl_test_desk_open_store (dir, "desk");
  client = cl_test_desk_login (store, url, "admin1", PASSWORD);
  cl_test_desk_sync (client);
  before = rounds_started (client);

  /* Sixty saves, each its own transaction, as fast as the desk can
   * write them: the worker is busy pushing the first while the rest
   * are written. */
  for (guint i = 0; i < N_SAVES; i++)
    {
      g_autoptr(CLPatient) patient = cl_patient_new ();
      g_autoptr(GHashTable) field_errors = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *first17 = g_strdup_printf ("1101051992030%04u", 1000 + i);
      g_autofree char *number = g_strdup_printf ("%s%c", first17, cl_id_card_check_digit (first17));
      g_autofree char *name = g_strdup_printf ("连续保存%02u", i);
      g_autofree char *phone = g_strdup_printf ("139%08u", i);

      cl_patient_set_name (patient, name);
      cl_patient_set_id_number (patient, number);
      cl_patient_set_phone (patient, phone);
      g_assert_true (cl_patient_store_save (store, patient, NULL, &field_errors, &error));
      g_assert_no_error (error);
    }

  /* Nothing needs a sync_now: the saves push themselves. */
  for (guint waited = 0;
       cl_sync_client_get_n_waiting (client) > 0 || cl_test_db_count (db, "SELECT count(*) FROM patient WHERE deleted = 0") < N_SAVES;
       waited += 20)
    {
      g_assert_cmpuint (waited, <, 30000);
      cl_test_spin (20);
    }

  rounds = rounds_started (client) - before;
  g_test_message ("%u saves went out in %u rounds", N_SAVES, rounds);
  g_assert_cmpuint (rounds, >=, 1);
  g_assert_cmpuint (rounds, <=, N_SAVES / 4);

  g_clear_object (&client);
  cl_test_stop_server (&server);
  cl_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  server_binary = cl_test_server_binary ();
  if (server_binary)
    g_test_add_func ("/sync/burst", test_burst);
  return g_test_run ();
}
