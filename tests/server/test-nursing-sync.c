/* test-nursing-sync.c
 *
 * Her nursing assessment and vitals between two desks and the real
 * server: an assessment recorded at one desk is read at the other, with
 * her allergies; two desks that each update the same version before
 * hearing of the other cannot both make "version 2", because the
 * server checks the version chain inside its write transaction: the
 * second is refused and undone at its desk, which then reads the
 * winner's version.  Vitals taken at one desk, abnormal ones included,
 * reach the other as they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cl-nursing-store.h"
#include "cl-store-nursing.h"
#include "cl-test-server.h"
#include "cl-test-store.h"
#include "cl-test-sync.h"
#include "cl-test-util.h"

static void
save (CLStore             *store,
      CLNursingAssessment *assessment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_nursing_store_save_assessment (store, assessment, "case_manager", "nurse", NULL, &error));
  g_assert_no_error (error);
}

/* @table's live rows: the loser keeps its undone version as a local
 * tombstone, which no other desk ever had. */
static char *
dump_live (CLStore    *store,
           const char *table)
{
  g_autofree char *dump = cl_test_sync_dump_table (store, table);
  g_auto(GStrv) lines = g_strsplit (dump, "\n", -1);
  GString *live = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], " deleted=0 "))
      g_string_append_printf (live, "%s\n", lines[i]);
  return g_string_free (live, FALSE);
}

static void
test_two_desks (void)
{
  CLTestSyncServer *server = cl_test_sync_server_new ();
  CLTestSyncDesk *a = cl_test_sync_desk_new ("nursing-a");
  CLTestSyncDesk *b = cl_test_sync_desk_new ("nursing-b");
  g_autofree char *first17 = cl_test_sync_first17_for (1);
  g_autoptr(CLPatient) patient = cl_test_patient_new ("张小梅", first17, "13800138000");
  g_autoptr(CLNursingAssessment) first = NULL;
  g_autoptr(CLNursingAssessment) at_b = NULL;
  g_autoptr(CLNursingAssessment) update_a = NULL, update_b = NULL;
  g_autoptr(CLNursingAssessment) latest_a = NULL, latest_b = NULL;
  g_autoptr(CLVisitVitals) vitals = NULL;
  g_autoptr(GPtrArray) at_a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *dump_a = NULL, *dump_b = NULL;
  g_auto(GStrv) lines = NULL;
  const char *patient_id;
  CLTestSyncDesk *loser, *winner;

  cl_test_sync_desk_login (a, server->url, "desk_a");
  cl_test_sync_desk_login (b, server->url, "desk_b");

  /* Her first visit at A: penicillin. */
  cl_test_patient_save (a->store, patient, NULL);
  patient_id = cl_record_get_id (CL_RECORD (patient));
  first = cl_nursing_assessment_new (patient_id);
  cl_nursing_assessment_set_drug_allergies (first, "penicillin");
  cl_nursing_assessment_set_food_allergies (first, CL_NURSING_NONE);
  save (a->store, first);
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  at_b = cl_store_nursing_latest (b->store, patient_id);
  g_assert_nonnull (at_b);
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (at_b)), ==, cl_record_get_id (CL_RECORD (first)));
  line = cl_nursing_assessment_describe_alerts (at_b, NULL);
  g_assert_nonnull (strstr (line, "Penicillin"));

  /* Each desk updates version 1 before hearing of the other. */
  update_a = cl_nursing_assessment_new_version (first);
  cl_nursing_assessment_set_risks (update_a, "fall");
  update_b = cl_nursing_assessment_new_version (at_b);
  cl_nursing_assessment_set_food_allergies (update_b, "seafood");
  save (a->store, update_a);
  save (b->store, update_b);
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  cl_test_sync_desk_sync_ok (a);

  /* The server kept one version 2; the other desk's was refused, with
   * the message its form gives, and undone there. */
  g_assert_cmpint (cl_test_db_count (server->db, "SELECT count(*) FROM nursing_assessment WHERE deleted = 0"), ==, 2);
  g_assert_cmpint (cl_test_db_count (server->db, "SELECT count(*) FROM nursing_assessment WHERE version = 2"), ==, 1);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 1);
  loser = a->rejected.n ? a : b;
  winner = loser == a ? b : a;
  g_assert_cmpstr (loser->rejected.reason, ==, "invalid");
  g_assert_true (g_str_has_suffix (loser->rejected.message, "update that one"));
  latest_a = cl_store_nursing_latest (a->store, patient_id);
  latest_b = cl_store_nursing_latest (b->store, patient_id);
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (latest_a)), ==, cl_record_get_id (CL_RECORD (latest_b)));
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (latest_a)), ==,
                   cl_record_get_id (CL_RECORD (winner == a ? update_a : update_b)));
  g_assert_cmpint (cl_store_count_outbox (a->store) + cl_store_count_outbox (b->store), ==, 0);

  /* The loser updates the winner's version: taken. */
  {
    g_autoptr(CLNursingAssessment) third = cl_nursing_assessment_new_version (latest_a);

    cl_nursing_assessment_set_psychological (third, "焦虑");
    save (loser->store, third);
    cl_test_sync_desk_sync_ok (loser);
    cl_test_sync_desk_sync_ok (winner);
    g_assert_cmpint (cl_test_db_count (server->db, "SELECT count(*) FROM nursing_assessment WHERE version = 3"), ==, 1);
  }

  /* Vitals at B, BP 150/95, read at A as taken. */
  vitals = cl_visit_vitals_new (patient_id);
  cl_visit_vitals_set (vitals, CL_VITAL_PAIN, 2);
  cl_visit_vitals_set (vitals, CL_VITAL_TEMPERATURE, 368);
  cl_visit_vitals_set (vitals, CL_VITAL_PULSE, 88);
  cl_visit_vitals_set (vitals, CL_VITAL_RESPIRATION, 18);
  cl_visit_vitals_set (vitals, CL_VITAL_SYSTOLIC, 150);
  cl_visit_vitals_set (vitals, CL_VITAL_DIASTOLIC, 95);
  g_assert_true (cl_nursing_store_save_vitals (b->store, vitals, "case_manager", "nurse-b", NULL, &error));
  g_assert_no_error (error);
  cl_test_sync_desk_sync_ok (b);
  cl_test_sync_desk_sync_ok (a);
  at_a = cl_store_visit_vitals (a->store, patient_id);
  g_assert_cmpuint (at_a->len, ==, 1);
  g_assert_cmpint (cl_visit_vitals_status (g_ptr_array_index (at_a, 0), CL_VITAL_SYSTOLIC), ==, CL_VITAL_HIGH);

  /* Both desks hold the same rows. */
  dump_a = dump_live (a->store, "nursing_assessment");
  dump_b = dump_live (b->store, "nursing_assessment");
  g_assert_cmpuint (g_strv_length ((lines = g_strsplit (dump_a, "\n", -1))), ==, 4);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_clear_pointer (&dump_a, g_free);
  g_clear_pointer (&dump_b, g_free);
  dump_a = dump_live (a->store, "visit_vitals");
  dump_b = dump_live (b->store, "visit_vitals");
  g_assert_cmpstr (dump_a, ==, dump_b);

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
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nursing-sync/two-desks", test_two_desks);
  return g_test_run ();
}
