/* test-usage-sync.c
 *
 * Hand-outs between two desks and the real server: a breakfast handed
 * out at one desk counts at the other; two desks that each hand out
 * her one breakfast before hearing of the other cannot both slip under
 * the package, because the server counts again inside its write
 * transaction: the second is refused without a reason and undone at
 * its desk.  Given again with a reason, it is taken, synced and
 * audited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-enrolment-store.h"
#include "cl-package-usage.h"
#include "cl-test-server.h"
#include "cl-test-store.h"
#include "cl-test-sync.h"
#include "cl-test-util.h"

#define WHOLE_PACKAGE "5e1d0a52-6b1f-4c38-9d2e-2f8a00000001"

static CLHandout *
breakfast (const char *patient_id,
           const char *enrolment_id,
           const char *reason)
{
  CLHandout *handout = cl_handout_new ();

  cl_handout_set_patient_id (handout, patient_id);
  cl_handout_set_enrolment_id (handout, enrolment_id);
  cl_handout_set_service (handout, "nutrition-breakfast");
  cl_handout_set_date (handout, "2026-11-23");
  cl_handout_set_over_reason (handout, reason);
  return handout;
}

static guint
breakfasts_used (CLStore    *store,
                 const char *enrolment_id)
{
  g_autoptr(CLRecord) enrolment = cl_store_load_record (store, CL_TYPE_ENROLMENT, enrolment_id, NULL);
  g_autoptr(GPtrArray) usages = NULL;

  g_assert_nonnull (enrolment);
  usages = cl_package_usage_of_enrolment (store, CL_ENROLMENT (enrolment));
  for (guint i = 0; i < usages->len; i++)
    if (g_str_equal (((CLServiceUsage *) g_ptr_array_index (usages, i))->service, "nutrition-breakfast"))
      return ((CLServiceUsage *) g_ptr_array_index (usages, i))->used;
  g_error ("no breakfast in the package");
}

static void
save (CLStore   *store,
      CLHandout *handout)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_package_usage_save_handout (store, handout, "case_manager", NULL, &error));
  g_assert_no_error (error);
}

static void
test_two_desks (void)
{
  CLTestSyncServer *server = cl_test_sync_server_new ();
  CLTestSyncDesk *a = cl_test_sync_desk_new ("usage-a");
  CLTestSyncDesk *b = cl_test_sync_desk_new ("usage-b");
  g_autofree char *first17 = cl_test_sync_first17_for (1);
  g_autoptr(CLPatient) patient = cl_test_patient_new ("张小梅", first17, "13800138000");
  g_autoptr(CLPregnancy) pregnancy = cl_test_pregnancy_new (patient, "2026-09-20", "green");
  g_autoptr(CLEnrolment) enrolment = cl_enrolment_new ();
  g_autoptr(CLHandout) at_a = NULL, at_b = NULL, again = NULL;
  g_autoptr(GError) error = NULL;
  const char *patient_id, *enrolment_id;
  CLTestSyncDesk *loser;

  cl_test_sync_desk_login (a, server->url, "desk_a");
  cl_test_sync_desk_login (b, server->url, "desk_b");

  /* Enrolled in the whole-pregnancy package (one breakfast) at A. */
  cl_test_patient_save (a->store, patient, pregnancy);
  patient_id = cl_record_get_id (CL_RECORD (patient));
  cl_enrolment_set_patient_id (enrolment, patient_id);
  cl_enrolment_set_package_id (enrolment, WHOLE_PACKAGE);
  cl_enrolment_set_agreement_date (enrolment, "2026-11-23");
  cl_enrolment_set_explained_by (enrolment, "王护士");
  cl_enrolment_set_status (enrolment, "active");
  g_assert_true (cl_enrolment_store_save (a->store, enrolment, "case_manager", NULL, &error));
  g_assert_no_error (error);
  enrolment_id = cl_record_get_id (CL_RECORD (enrolment));
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  g_assert_cmpuint (breakfasts_used (b->store, enrolment_id), ==, 0);

  /* Each desk hands out her one breakfast before hearing of the other. */
  at_a = breakfast (patient_id, enrolment_id, NULL);
  at_b = breakfast (patient_id, enrolment_id, NULL);
  save (a->store, at_a);
  save (b->store, at_b);
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  /* The loser hears of the winner's at its next pull. */
  cl_test_sync_desk_sync_ok (a);

  /* The server kept one; the other was refused and undone at its desk
   * (which desk pushes first is the sync workers' race). */
  g_assert_cmpint (cl_test_db_count (server->db, "SELECT count(*) FROM handout WHERE deleted = 0"), ==, 1);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 1);
  loser = a->rejected.n ? a : b;
  g_assert_cmpstr (loser->rejected.reason, ==, "invalid");
  g_assert_cmpstr (loser->rejected.record_id, ==, cl_record_get_id (CL_RECORD (loser == a ? at_a : at_b)));
  g_assert_true (g_str_has_suffix (loser->rejected.message, "Give a reason to hand out another."));
  g_assert_cmpuint (breakfasts_used (a->store, enrolment_id), ==, 1);
  g_assert_cmpuint (breakfasts_used (b->store, enrolment_id), ==, 1);
  g_assert_cmpint (cl_store_count_outbox (a->store) + cl_store_count_outbox (b->store), ==, 0);

  /* Given again with a reason: taken, and both desks count two. */
  again = breakfast (patient_id, enrolment_id, "她孕吐，换了一份");
  save (loser->store, again);
  cl_test_sync_desk_sync_ok (loser);
  cl_test_sync_desk_sync_ok (loser == a ? b : a);
  g_assert_cmpint (cl_test_db_count (server->db, "SELECT count(*) FROM handout WHERE deleted = 0"), ==, 2);
  g_assert_cmpint (cl_test_db_count (server->db, "SELECT count(*) FROM audit WHERE tbl = 'handout'"
                                                 " AND detail = 'over allowance: 她孕吐，换了一份'"), ==, 1);
  g_assert_cmpuint (breakfasts_used (a->store, enrolment_id), ==, 2);
  g_assert_cmpuint (breakfasts_used (b->store, enrolment_id), ==, 2);

  cl_test_sync_desk_free (a);
  cl_test_sync_desk_free (b);
  cl_test_sync_server_free (server);
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("CARELINE_SERVER") == NULL)
    {
      g_printerr ("CARELINE_SERVER is not set\n");
      return 77;
    }
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/usage-sync/two-desks", test_two_desks);
  return g_test_run ();
}
