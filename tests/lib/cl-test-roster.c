#define G_LOG_DOMAIN "cl-test-roster"

#include "config.h"

#include "cl-id-card.h"
#include "cl-patient-store.h"
#include "cl-test-roster.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

#define N_PATIENTS 3000
#define SEED 20261123

/* One demo store shared by the tests (generating it is the slow part);
 * tests that add patients use names and numbers demo data never makes. */
static struct
{
  char    *dir;
  CLStore *store;
} fixture;

/* A valid ID number from a region demo data does not use (Ürümqi), so
 * it can never clash with a generated one; @want_x asks for one that
 * ends in X. */
char *
cl_test_roster_id_number (const char *birth,
                          gboolean    want_x)
{
  for (guint seq = 0; seq < 1000; seq += 2)
    {
      g_autofree char *first17 = g_strdup_printf ("650102%s%03u", birth, seq);
      char check = cl_id_card_check_digit (first17);

      if ((check == 'X') == want_x)
        return g_strdup_printf ("%s%c", first17, check);
    }
  g_assert_not_reached ();
}

CLPatient *
cl_test_roster_add_patient (const char *name,
                            const char *id_number,
                            const char *phone,
                            const char *mrn,
                            const char *lmp,
                            const char *risk)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;

  cl_patient_set_name (patient, name);
  cl_patient_set_id_number (patient, id_number);
  cl_patient_set_phone (patient, phone);
  cl_patient_set_mrn (patient, mrn);
  if (lmp)
    {
      pregnancy = cl_pregnancy_new (cl_record_get_id (CL_RECORD (patient)));
      cl_pregnancy_set_lmp (pregnancy, lmp);
      cl_pregnancy_set_risk (pregnancy, risk);
    }
  cl_patient_store_save (cl_test_roster_store (), patient, pregnancy, &field_errors, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&patient);
}

static CLTestRosterKnown known;

/* 张小梅 (ID ending in X, GA 32+4 today) and 单丽, added once. */
void
cl_test_roster_ensure_known (void)
{
  if (known.zhang != NULL)
    return;

  /* The GA below is 32+4 only on this day. */
  g_assert_cmpstr (g_getenv ("CARELINE_TODAY"), ==, "2026-11-23");

  known.zhang_id = cl_test_roster_id_number ("19940512", TRUE);
  known.zhang = cl_test_roster_add_patient ("张小梅", known.zhang_id, "13812345678", "ZY20260001",
                                            "2026-04-09", "yellow");
  {
    g_autofree char *id = cl_test_roster_id_number ("19960101", FALSE);

    known.shan = cl_test_roster_add_patient ("单丽", id, "13987654321", "ZY20260002", "2026-09-01", "green");
  }
}

CLRosterModel *
cl_test_roster_model_new (void)
{
  return cl_roster_model_new (cl_test_roster_store ());
}

guint
cl_test_roster_query (CLRosterModel *model,
                      const char    *query)
{
  g_autoptr(GError) error = NULL;
  guint n;

  cl_roster_model_set_query (model, query);
  n = cl_roster_model_query_sync (model, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
  return n;
}

gboolean
cl_test_roster_contains (CLRosterModel *model,
                         CLPatient     *patient)
{
  const char *id = cl_record_get_id (CL_RECORD (patient));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (cl_roster_row_get_patient_id (row), id) == 0)
        return TRUE;
    }
  return FALSE;
}

CLRosterRow *
cl_test_roster_find_row (CLRosterModel *model,
                         CLPatient     *patient)
{
  const char *id = cl_record_get_id (CL_RECORD (patient));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (cl_roster_row_get_patient_id (row), id) == 0)
        return g_steal_pointer (&row);
    }
  return NULL;
}

void
cl_test_roster_assert_found (CLRosterModel *model,
                             const char    *query,
                             CLPatient     *patient)
{
  guint n = cl_test_roster_query (model, query);

  g_test_message ("“%s”: %u matches", query, n);
  if (!cl_test_roster_contains (model, patient))
    g_error ("“%s” did not find %s", query, cl_patient_get_name (patient));
}

CLTestRosterKnown *
cl_test_roster_known (void)
{
  cl_test_roster_ensure_known ();
  return &known;
}

void
cl_test_roster_init (void)
{
  fixture.dir = cl_test_make_tmp_dir ("test-roster");
  fixture.store = cl_test_store_new_demo (fixture.dir, "demo.db", N_PATIENTS, SEED);
}

void
cl_test_roster_finish (void)
{
  g_clear_object (&known.zhang);
  g_clear_object (&known.shan);
  g_clear_pointer (&known.zhang_id, g_free);
  g_clear_object (&fixture.store);
  cl_test_remove_tree (fixture.dir);
  g_clear_pointer (&fixture.dir, g_free);
}

CLStore *
cl_test_roster_store (void)
{
  g_assert_nonnull (fixture.store);
  return fixture.store;
}
