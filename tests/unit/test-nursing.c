/* The nursing assessment and the visits' vital signs: the vitals'
 * plausible and normal ranges, the "no known allergies" rule, the
 * versions (never an edit in place, each update the next version after
 * her latest), what changed between versions, and the line shown by
 * her name; saved through the real store. */

#define G_LOG_DOMAIN "test-nursing"

#include "config.h"

#include <locale.h>

#include "cl-nursing-store.h"
#include "cl-patient-store.h"
#include "cl-store-nursing.h"
#include "cl-tables.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

static void
test_vital_ranges (void)
{
  static const struct
  {
    CLVital     vital;
    const char *text;
    gint        value;       /* -1: refused */
    CLVitalStatus status;
  } cases[] = {
    { CL_VITAL_TEMPERATURE, "36.5", 365, CL_VITAL_NORMAL },
    { CL_VITAL_TEMPERATURE, "37.2", 372, CL_VITAL_NORMAL },
    { CL_VITAL_TEMPERATURE, "37.3", 373, CL_VITAL_HIGH },
    { CL_VITAL_TEMPERATURE, "37,8", 378, CL_VITAL_HIGH },
    { CL_VITAL_TEMPERATURE, "36", 360, CL_VITAL_NORMAL },
    { CL_VITAL_TEMPERATURE, "35.9", 359, CL_VITAL_LOW },
    { CL_VITAL_TEMPERATURE, "30.0", 300, CL_VITAL_LOW },
    { CL_VITAL_TEMPERATURE, "45.0", 450, CL_VITAL_HIGH },
    { CL_VITAL_TEMPERATURE, "29.9", -1 },
    { CL_VITAL_TEMPERATURE, "45.1", -1 },
    { CL_VITAL_TEMPERATURE, "365", -1 },
    { CL_VITAL_TEMPERATURE, "37.55", -1 },
    { CL_VITAL_TEMPERATURE, "abc", -1 },
    { CL_VITAL_TEMPERATURE, "", -1 },
    { CL_VITAL_PULSE, "60", 60, CL_VITAL_NORMAL },
    { CL_VITAL_PULSE, "59", 59, CL_VITAL_LOW },
    { CL_VITAL_PULSE, "100", 100, CL_VITAL_NORMAL },
    { CL_VITAL_PULSE, "101", 101, CL_VITAL_HIGH },
    { CL_VITAL_PULSE, "19", -1 },
    { CL_VITAL_PULSE, "251", -1 },
    { CL_VITAL_PULSE, "-5", -1 },
    { CL_VITAL_RESPIRATION, "12", 12, CL_VITAL_NORMAL },
    { CL_VITAL_RESPIRATION, "11", 11, CL_VITAL_LOW },
    { CL_VITAL_RESPIRATION, "24", 24, CL_VITAL_NORMAL },
    { CL_VITAL_RESPIRATION, "25", 25, CL_VITAL_HIGH },
    { CL_VITAL_RESPIRATION, "3", -1 },
    { CL_VITAL_RESPIRATION, "81", -1 },
    { CL_VITAL_SYSTOLIC, "139", 139, CL_VITAL_NORMAL },
    { CL_VITAL_SYSTOLIC, "140", 140, CL_VITAL_HIGH },
    { CL_VITAL_SYSTOLIC, "89", 89, CL_VITAL_LOW },
    { CL_VITAL_SYSTOLIC, "49", -1 },
    { CL_VITAL_SYSTOLIC, "301", -1 },
    { CL_VITAL_DIASTOLIC, "89", 89, CL_VITAL_NORMAL },
    { CL_VITAL_DIASTOLIC, "90", 90, CL_VITAL_HIGH },
    { CL_VITAL_DIASTOLIC, "59", 59, CL_VITAL_LOW },
    { CL_VITAL_DIASTOLIC, "19", -1 },
    { CL_VITAL_DIASTOLIC, "201", -1 },
    { CL_VITAL_PAIN, "0", 0, CL_VITAL_NORMAL },
    { CL_VITAL_PAIN, "6", 6, CL_VITAL_NORMAL },
    { CL_VITAL_PAIN, "7", 7, CL_VITAL_HIGH },
    { CL_VITAL_PAIN, "10", 10, CL_VITAL_HIGH },
    { CL_VITAL_PAIN, "11", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint value = -1;
      gboolean ok = cl_vital_parse (cases[i].vital, cases[i].text, &value, &error);

      g_test_message ("%s “%s”", cl_vital_column (cases[i].vital), cases[i].text);
      if (cases[i].value < 0)
        {
          g_assert_false (ok);
          g_assert_nonnull (error);
          continue;
        }
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (value, ==, cases[i].value);
      g_assert_cmpint (cl_vital_status (cases[i].vital, value), ==, cases[i].status);
    }
}

static CLVisitVitals *
vitals (gint pain, gint temperature, gint pulse, gint respiration, gint systolic, gint diastolic)
{
  CLVisitVitals *v = cl_visit_vitals_new ("p-1");

  cl_visit_vitals_set (v, CL_VITAL_PAIN, pain);
  cl_visit_vitals_set (v, CL_VITAL_TEMPERATURE, temperature);
  cl_visit_vitals_set (v, CL_VITAL_PULSE, pulse);
  cl_visit_vitals_set (v, CL_VITAL_RESPIRATION, respiration);
  cl_visit_vitals_set (v, CL_VITAL_SYSTOLIC, systolic);
  cl_visit_vitals_set (v, CL_VITAL_DIASTOLIC, diastolic);
  cl_visit_vitals_set_taken_at (v, 1795400000);
  cl_visit_vitals_set_taken_by (v, "nurse");
  return v;
}

static void
test_vitals_validate (void)
{
  g_autoptr(CLVisitVitals) fine = vitals (2, 365, 80, 16, 120, 80);
  g_autoptr(CLVisitVitals) high_bp = vitals (2, 365, 80, 16, 150, 95);
  g_autoptr(CLVisitVitals) crossed = vitals (2, 365, 80, 16, 80, 90);
  g_autoptr(CLVisitVitals) hot = vitals (2, 460, 80, 16, 120, 80);
  g_autoptr(GHashTable) e1 = cl_visit_vitals_validate (fine);
  g_autoptr(GHashTable) e2 = cl_visit_vitals_validate (high_bp);
  g_autoptr(GHashTable) e3 = cl_visit_vitals_validate (crossed);
  g_autoptr(GHashTable) e4 = cl_visit_vitals_validate (hot);

  g_assert_cmpuint (g_hash_table_size (e1), ==, 0);
  g_assert_false (cl_visit_vitals_any_abnormal (fine));
  /* Possible but abnormal: saved, and flagged vital by vital. */
  g_assert_cmpuint (g_hash_table_size (e2), ==, 0);
  g_assert_true (cl_visit_vitals_any_abnormal (high_bp));
  g_assert_cmpint (cl_visit_vitals_status (high_bp, CL_VITAL_SYSTOLIC), ==, CL_VITAL_HIGH);
  g_assert_cmpint (cl_visit_vitals_status (high_bp, CL_VITAL_DIASTOLIC), ==, CL_VITAL_HIGH);
  g_assert_cmpint (cl_visit_vitals_status (high_bp, CL_VITAL_PULSE), ==, CL_VITAL_NORMAL);
  g_assert_cmpstr (g_hash_table_lookup (e3, "systolic"), ==, "The systolic pressure must be higher than the diastolic");
  g_assert_cmpstr (g_hash_table_lookup (e4, "temperature"), ==, "Enter a temperature between 30.0 and 45.0 °C");
  g_assert_cmpuint (g_hash_table_size (e4), ==, 1);
}

static CLNursingAssessment *
assessment (const char *drugs, const char *drug_note, const char *foods, const char *food_note)
{
  CLNursingAssessment *a = cl_nursing_assessment_new ("p-1");

  cl_nursing_assessment_set_drug_allergies (a, drugs);
  cl_nursing_assessment_set_drug_allergy_note (a, drug_note);
  cl_nursing_assessment_set_food_allergies (a, foods);
  cl_nursing_assessment_set_food_allergy_note (a, food_note);
  cl_nursing_assessment_set_recorded_by (a, "nurse");
  cl_nursing_assessment_set_recorded_at (a, 1795400000);
  return a;
}

static void
test_no_known_allergies (void)
{
  static const struct
  {
    const char *drugs, *drug_note, *foods, *food_note;
    const char *drug_error, *food_error;
  } cases[] = {
    { "none", NULL, "none", NULL, NULL, NULL },
    { "penicillin,latex", NULL, "seafood", NULL, NULL, NULL },
    { "", "青霉素皮试阳性", "none", NULL, NULL, NULL },
    /* Never left empty */
    { "", NULL, "none", NULL, "Choose her drug allergies, or “No known drug allergies”", NULL },
    { "none", NULL, " , ", "", NULL, "Choose her food allergies, or “No known food allergies”" },
    /* Never "none" beside an allergy */
    { "none,penicillin", NULL, "none", NULL, "“No known allergies” cannot be combined with an allergy", NULL },
    { "none", NULL, "none", "芒果", NULL, "“No known allergies” cannot be combined with an allergy" },
    /* Only the coded words */
    { "aspirin", NULL, "none", NULL, "Unknown allergy; choose from the list", NULL },
    { "none", NULL, "penicillin", NULL, NULL, "Unknown allergy; choose from the list" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CLNursingAssessment) a = assessment (cases[i].drugs, cases[i].drug_note,
                                                     cases[i].foods, cases[i].food_note);
      g_autoptr(GHashTable) errors = cl_nursing_assessment_validate (a);

      g_test_message ("case %u", i);
      g_assert_cmpstr (g_hash_table_lookup (errors, "drug_allergies"), ==, cases[i].drug_error);
      g_assert_cmpstr (g_hash_table_lookup (errors, "food_allergies"), ==, cases[i].food_error);
      g_assert_cmpuint (g_hash_table_size (errors), ==,
                        (cases[i].drug_error != NULL) + (cases[i].food_error != NULL));
    }
}

static void
test_alert_line (void)
{
  g_autoptr(CLNursingAssessment) none = assessment ("none", NULL, "none", NULL);
  g_autoptr(CLNursingAssessment) some = assessment ("penicillin", NULL, "seafood", "芒果");
  g_autofree char *not_assessed = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *alerts = NULL;
  gboolean alert = TRUE;

  not_assessed = cl_nursing_assessment_describe_alerts (NULL, &alert);
  g_assert_cmpstr (not_assessed, ==, "Allergies not assessed");
  g_assert_false (alert);
  plain = cl_nursing_assessment_describe_alerts (none, &alert);
  g_assert_cmpstr (plain, ==, "No known allergies");
  g_assert_false (alert);
  cl_nursing_assessment_set_risks (some, "fall,infection");
  cl_nursing_assessment_set_risk_note (some, "乙肝");
  alerts = cl_nursing_assessment_describe_alerts (some, &alert);
  g_assert_cmpstr (alerts, ==, "⚠ Allergies: Penicillin, Seafood, 芒果 · Fall risk · Infectious disease (乙肝)");
  g_assert_true (alert);
}

static void
test_versions (CLTestStoreFixture *f,
               gconstpointer       data)
{
  g_autoptr(CLPatient) patient = cl_test_patient_new ("张小梅", "11010519930402002", "13800138000");
  g_autoptr(CLNursingAssessment) first = NULL;
  g_autoptr(CLNursingAssessment) second = NULL;
  g_autoptr(CLNursingAssessment) rival = NULL;
  g_autoptr(CLNursingAssessment) latest = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) changes = NULL;
  const char *patient_id;

  cl_test_patient_save (f->store, patient, NULL);
  patient_id = cl_record_get_id (CL_RECORD (patient));
  g_assert_null (cl_store_nursing_latest (f->store, patient_id));

  /* Allergies left empty: refused, nothing written. */
  first = cl_nursing_assessment_new (patient_id);
  cl_nursing_assessment_set_food_allergies (first, CL_NURSING_NONE);
  g_assert_false (cl_nursing_store_save_assessment (f->store, first, "service_desk", "nurse-1",
                                                    &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "drug_allergies"), ==,
                   "Choose her drug allergies, or “No known drug allergies”");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM nursing_assessment"), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  /* A role that only reads. */
  cl_nursing_assessment_set_drug_allergies (first, CL_NURSING_NONE);
  g_assert_false (cl_nursing_store_save_assessment (f->store, first, "escort", "li", NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cl_nursing_store_save_assessment (f->store, first, "service_desk", "nurse-1", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_nursing_assessment_get_version (first), ==, 1);
  g_assert_cmpstr (cl_nursing_assessment_get_recorded_by (first), ==, "nurse-1");
  g_assert_cmpint (cl_nursing_assessment_get_recorded_at (first), >, 0);

  /* Never changed in place. */
  cl_nursing_assessment_set_drug_allergies (first, "penicillin");
  g_assert_false (cl_nursing_store_save_assessment (f->store, first, "service_desk", "nurse-1",
                                                    &field_errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "version"), ==,
                   "An assessment is never changed; record a new version");
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);
  cl_nursing_assessment_set_drug_allergies (first, CL_NURSING_NONE);

  /* An update is the next version, superseding the first. */
  second = cl_nursing_assessment_new_version (first);
  g_assert_cmpint (cl_nursing_assessment_get_version (second), ==, 2);
  g_assert_cmpstr (cl_nursing_assessment_get_supersedes_id (second), ==, cl_record_get_id (CL_RECORD (first)));
  cl_nursing_assessment_set_drug_allergies (second, "penicillin");
  cl_nursing_assessment_set_risks (second, "fall");
  /* Another desk's update of the same version, made before this one
   * was saved. */
  rival = cl_nursing_assessment_new_version (first);
  cl_nursing_assessment_set_psychological (rival, "焦虑");
  g_assert_true (cl_nursing_store_save_assessment (f->store, second, "case_manager", "cm-1", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cl_nursing_store_save_assessment (f->store, rival, "service_desk", "nurse-2",
                                                    &field_errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "version"), ==,
                   "A newer version of her assessment was recorded meanwhile; update that one");
  g_clear_error (&error);

  versions = cl_store_nursing_assessments (f->store, patient_id);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (cl_nursing_assessment_get_version (g_ptr_array_index (versions, 0)), ==, 2);
  latest = cl_store_nursing_latest (f->store, patient_id);
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (latest)), ==, cl_record_get_id (CL_RECORD (second)));
  /* The first is still as it was recorded. */
  g_assert_cmpstr (cl_nursing_assessment_get_drug_allergies (g_ptr_array_index (versions, 1)), ==, CL_NURSING_NONE);

  changes = cl_nursing_assessment_changes (g_ptr_array_index (versions, 1), g_ptr_array_index (versions, 0));
  g_assert_cmpuint (g_strv_length (changes), ==, 2);
  g_assert_cmpstr (changes[0], ==, "Drug allergies");
  g_assert_cmpstr (changes[1], ==, "High-risk screening");

  /* Both tables go out through the outbox, like every synced table. */
  g_assert_cmpint (cl_tables_lookup ("nursing_assessment"), ==, CL_TYPE_NURSING_ASSESSMENT);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM outbox WHERE tbl = 'nursing_assessment'"),
                   ==, 2);
}

static void
test_vitals_store (CLTestStoreFixture *f,
                   gconstpointer       data)
{
  g_autoptr(CLVisitVitals) out_of_range = vitals (2, 365, 80, 16, 120, 80);
  g_autoptr(CLVisitVitals) high = vitals (2, 365, 80, 16, 150, 95);
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  cl_visit_vitals_set (out_of_range, CL_VITAL_PULSE, 300);
  g_assert_false (cl_nursing_store_save_vitals (f->store, out_of_range, "service_desk", "nurse-1",
                                                &field_errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "pulse"), ==, "Enter a pulse between 20 and 250 per minute");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM visit_vitals"), ==, 0);
  g_clear_error (&error);

  g_assert_false (cl_nursing_store_save_vitals (f->store, high, "vip_steward", "v", NULL, &error));
  g_clear_error (&error);
  g_assert_true (cl_nursing_store_save_vitals (f->store, high, "service_desk", "nurse-1", NULL, &error));
  g_assert_no_error (error);
  found = cl_store_visit_vitals (f->store, "p-1");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (cl_visit_vitals_get (g_ptr_array_index (found, 0), CL_VITAL_SYSTOLIC), ==, 150);
  g_assert_true (cl_visit_vitals_any_abnormal (g_ptr_array_index (found, 0)));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nursing/vital-ranges", test_vital_ranges);
  g_test_add_func ("/nursing/vitals-validate", test_vitals_validate);
  g_test_add_func ("/nursing/no-known-allergies", test_no_known_allergies);
  g_test_add_func ("/nursing/alert-line", test_alert_line);
  cl_test_store_add ("/nursing/versions", test_versions);
  cl_test_store_add ("/nursing/vitals-store", test_vitals_store);
  return g_test_run ();
}
