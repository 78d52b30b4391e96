#define G_LOG_DOMAIN "cl-test-settlement"

#include "config.h"

#include <sqlite3.h>

#include "cl-enrolment-store.h"
#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-store.h"
#include "cl-test-settlement.h"

static const char *surnames[] = { "张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
static const char *given[] = { "小梅", "秀英", "丽", "晓燕", "静怡", "雪" };

/* A patient with a dated pregnancy: @ga_days gestational days on
 * @on_date. */
char *
cl_test_settlement_add_patient (CLStore    *store,
                                const char *name,
                                const char *on_date,
                                gint        ga_days)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lmp = NULL;
  g_autofree char *edd = NULL;
  GDate d;

  cl_patient_set_name (patient, name);
  cl_patient_set_phone (patient, "13800138000");
  g_assert_true (cl_store_save_record (store, CL_RECORD (patient), &error));
  g_assert_no_error (error);

  g_assert_true (g_date_valid_dmy (1, 1, 2026));
  g_date_set_parse (&d, on_date);
  g_assert_true (g_date_valid (&d));
  g_date_subtract_days (&d, ga_days);
  lmp = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
  g_date_add_days (&d, 280);
  edd = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));

  pregnancy = cl_pregnancy_new (cl_record_get_id (CL_RECORD (patient)));
  cl_pregnancy_set_lmp (pregnancy, lmp);
  g_object_set (pregnancy, "edd", edd, NULL);
  g_assert_true (cl_store_save_record (store, CL_RECORD (pregnancy), &error));
  g_assert_no_error (error);

  return g_strdup (cl_record_get_id (CL_RECORD (patient)));
}

CLEnrolment *
cl_test_settlement_new_enrolment (const char *patient_id,
                                  const char *package_id,
                                  const char *date,
                                  gint64      paid_fen)
{
  CLEnrolment *e = cl_enrolment_new ();
  g_autofree char *receipt = g_strdup_printf ("R%s-%.8s", date, patient_id);

  cl_enrolment_set_patient_id (e, patient_id);
  cl_enrolment_set_package_id (e, package_id);
  cl_enrolment_set_agreement_date (e, date);
  cl_enrolment_set_explained_by (e, "健康管家 王芳");
  cl_enrolment_set_paid_date (e, date);
  cl_enrolment_set_paid_fen (e, paid_fen);
  cl_enrolment_set_receipt_no (e, receipt);
  return e;
}

void
cl_test_settlement_save (CLStore     *store,
                         CLEnrolment *e,
                         const char  *role)
{
  g_autoptr(GError) error = NULL;

  cl_enrolment_store_save (store, e, role, NULL, &error);
  g_assert_no_error (error);
}

void
cl_test_settlement_add_rate (CLStore    *store,
                             const char *from,
                             gint        bp)
{
  g_autoptr(CLShareRate) rate = cl_share_rate_new ();
  g_autoptr(GError) error = NULL;

  cl_share_rate_set_effective_from (rate, from);
  cl_share_rate_set_rate_bp (rate, bp);
  g_assert_true (cl_enrolment_store_save_rate (store, rate, "finance", &error));
  g_assert_no_error (error);
}

void
cl_test_settlement_add_deduction (CLStore    *store,
                                  const char *date,
                                  gint64      fen,
                                  const char *reason)
{
  g_autoptr(CLDeduction) d = cl_deduction_new ();
  g_autoptr(GError) error = NULL;

  cl_deduction_set_date (d, date);
  cl_deduction_set_amount_fen (d, fen);
  cl_deduction_set_reason (d, reason);
  cl_deduction_set_reference (d, "XJ-2026-031");
  g_assert_true (cl_enrolment_store_save_deduction (store, d, "finance", &error));
  g_assert_no_error (error);
}

/* The example: 38 enrolments in the whole-pregnancy package at
 * 2 980.00 paid in October 2026, two of them cancelled and refunded in
 * full in October, rate 35.25 %, one deduction of 2 000.00. */
void
cl_test_settlement_make_october (CLStore *store)
{
  cl_test_settlement_add_rate (store, "2026-01-01", 3525);
  for (guint i = 0; i < 38; i++)
    {
      g_autofree char *name = g_strconcat (surnames[i % G_N_ELEMENTS (surnames)],
                                           given[i % G_N_ELEMENTS (given)], NULL);
      g_autofree char *date = g_strdup_printf ("2026-10-%02u", 1 + i % 28);
      g_autofree char *patient = cl_test_settlement_add_patient (store, name, date, 70);
      g_autoptr(CLEnrolment) e = cl_test_settlement_new_enrolment (patient, CL_TEST_PACKAGE_WHOLE, date, 298000);

      cl_test_settlement_save (store, e, "case_manager");
      if (i == 3 || i == 17)
        {
          cl_enrolment_set_status (e, "cancelled");
          cl_enrolment_set_cancel_date (e, "2026-10-30");
          cl_enrolment_set_refund_fen (e, 298000);
          cl_test_settlement_save (store, e, "case_manager");
        }
    }
  cl_test_settlement_add_deduction (store, "2026-10-15", 200000, "导诊台检查未整改");
}

void
cl_test_settlement_add_fee (CLStore    *store,
                            const char *contract_id,
                            const char *from,
                            gint64      fee_fen)
{
  g_autoptr(CLShareRate) fee = cl_share_rate_new ();
  g_autoptr(GError) error = NULL;

  cl_share_rate_set_contract_id (fee, contract_id);
  cl_share_rate_set_effective_from (fee, from);
  cl_share_rate_set_fee_fen (fee, fee_fen);
  g_assert_true (cl_enrolment_store_save_rate (store, fee, "finance", &error));
  g_assert_no_error (error);
}

void
cl_test_settlement_add_contract_deduction (CLStore    *store,
                                           const char *contract_id,
                                           const char *date,
                                           gint64      fen,
                                           const char *reason,
                                           const char *reference)
{
  g_autoptr(CLDeduction) d = cl_deduction_new ();
  g_autoptr(GError) error = NULL;

  cl_deduction_set_contract_id (d, contract_id);
  cl_deduction_set_date (d, date);
  cl_deduction_set_amount_fen (d, fen);
  cl_deduction_set_reason (d, reason);
  cl_deduction_set_reference (d, reference);
  g_assert_true (cl_enrolment_store_save_deduction (store, d, "finance", &error));
  g_assert_no_error (error);
}

void
cl_test_settlement_downgrade_to_single_contract (const char *path)
{
  static const char sql[] =
    "DROP INDEX share_rate_contract;"
    "DROP INDEX deduction_contract;"
    "DROP INDEX settlement_month_contract;"
    "ALTER TABLE share_rate DROP COLUMN contract_id;"
    "ALTER TABLE share_rate DROP COLUMN fee_fen;"
    "ALTER TABLE deduction DROP COLUMN contract_id;"
    "ALTER TABLE settlement_month DROP COLUMN contract_id;"
    "DROP TABLE contract;";
  g_autofree char *version = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  /* The contracts are the last migration, so undoing them is the
   * schema before it; a migration added after them must be undone here
   * too, or this fails as it runs again. */
  version = g_strdup_printf ("PRAGMA user_version = %d;", CL_SCHEMA_VERSION - 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK ||
      sqlite3_exec (db, version, NULL, NULL, &message) != SQLITE_OK)
    g_error ("downgrading %s: %s", path, message);
  sqlite3_close (db);
}
