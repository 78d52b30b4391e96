/* cl-demo-money.c
 *
 * The money of the demo data (issue #6): enrolments in packages with
 * their payments and refunds, the vendor's share rate and deductions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-demo-data"

#include "config.h"

#include "cl-date.h"
#include "cl-deduction.h"
#include "cl-demo-money.h"
#include "cl-demo-util.h"
#include "cl-enrolment.h"
#include "cl-handout.h"
#include "cl-package.h"
#include "cl-share-rate.h"

static gboolean
write_record (CLStore   *store,
              gpointer   record,
              GError   **error)
{
  return cl_store_write_record (store, CL_RECORD (record), CL_WRITE_NO_OUTBOX, error);
}

/* About 60 % of pregnancies that reached a package's window buy a
 * package (issue #6), mostly the whole-pregnancy one: agreed and paid
 * on a day inside the package's window (gestational days from the
 * LMP) and not after today or the end of the pregnancy.  A few cancel
 * within weeks and are refunded in full. */
/* Does @package list the service @code? */
static gboolean
includes (CLPackage  *package,
          const char *code)
{
  g_autoptr(GPtrArray) services = cl_package_dup_service_list (package);

  for (guint i = 0; i < services->len; i++)
    if (g_strcmp0 (((CLPackageService *) g_ptr_array_index (services, i))->code, code) == 0)
      return TRUE;
  return FALSE;
}

/* Her gift pack on signing (60 %) and her breakfast a week later
 * (70 %), if that day has come.  A generator of their own, seeded by
 * the enrolment, leaves every other draw of the demo as it was. */
static gboolean
generate_handouts (CLStore      *store,
                   const GDate  *today,
                   CLPackage    *package,
                   CLEnrolment  *enrolment,
                   const GDate  *agreed,
                   const char   *handed_by,
                   GError      **error)
{
  static const struct { const char *code; gint after_days; gint percent; } given[] = {
    { "gift-pack", 0, 60 },
    { "nutrition-breakfast", 7, 70 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (cl_record_get_id (CL_RECORD (enrolment))));

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      g_autoptr(CLHandout) handout = NULL;
      g_autofree char *day_iso = NULL;
      GDate day = *agreed;
      char id[37];

      cl_demo_date_add (&day, given[i].after_days);
      if (g_rand_int_range (rand, 0, 100) >= given[i].percent || g_date_compare (&day, today) > 0 ||
          !includes (package, given[i].code))
        continue;
      day_iso = cl_date_to_iso (&day);
      cl_demo_make_id (rand, id);
      handout = g_object_new (CL_TYPE_HANDOUT, "id", id, NULL);
      cl_handout_set_patient_id (handout, cl_enrolment_get_patient_id (enrolment));
      cl_handout_set_enrolment_id (handout, cl_record_get_id (CL_RECORD (enrolment)));
      cl_handout_set_service (handout, given[i].code);
      cl_handout_set_date (handout, day_iso);
      cl_handout_set_handed_by (handout, handed_by);
      if (!write_record (store, handout, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cl_demo_money_generate_enrolment (CLStore      *store,
                                  GRand        *rand,
                                  const GDate  *today,
                                  GPtrArray    *packages,
                                  const char   *patient_id,
                                  const GDate  *lmp,
                                  const GDate  *until,
                                  const char   *handed_by,
                                  GError      **error)
{
  static const guint weights[] = { 55, 33, 12 };  /* by price, descending */
  g_autoptr(CLEnrolment) enrolment = NULL;
  g_autofree char *agreed_iso = NULL;
  g_autofree char *receipt = NULL;
  CLPackage *package = NULL;
  gint ga_max = g_date_days_between (lmp, until);
  gint from, to, day;
  char id[37];
  GDate agreed;

  if (packages->len == 0 || g_rand_int_range (rand, 0, 100) >= 60)
    return TRUE;

  /* The package she would pick, then the latest one still open to her. */
  for (guint tries = 0; tries < 4 && package == NULL; tries++)
    {
      guint i = cl_demo_pick_weight_index (rand, weights,
                                   MIN (G_N_ELEMENTS (weights), packages->len));
      CLPackage *p = g_ptr_array_index (packages, i);

      if (cl_package_get_enrol_from_day (p) <= ga_max)
        package = p;
    }
  if (package == NULL)
    return TRUE;

  from = cl_package_get_enrol_from_day (package);
  to = MIN (cl_package_get_enrol_to_day (package), ga_max);
  day = g_rand_int_range (rand, from, to + 1);
  agreed = *lmp;
  cl_demo_date_add (&agreed, day);
  agreed_iso = cl_date_to_iso (&agreed);
  receipt = g_strdup_printf ("FP%08d", g_rand_int_range (rand, 0, 100000000));

  cl_demo_make_id (rand, id);
  enrolment = g_object_new (CL_TYPE_ENROLMENT, "id", id, NULL);
  cl_enrolment_set_patient_id (enrolment, patient_id);
  cl_enrolment_set_package_id (enrolment, cl_record_get_id (CL_RECORD (package)));
  cl_enrolment_set_price_fen (enrolment, cl_package_get_price_fen (package));
  cl_enrolment_set_agreement_date (enrolment, agreed_iso);
  cl_enrolment_set_explained_by (enrolment, "健康管家");
  cl_enrolment_set_paid_date (enrolment, agreed_iso);
  cl_enrolment_set_paid_fen (enrolment, cl_package_get_price_fen (package));
  cl_enrolment_set_receipt_no (enrolment, receipt);

  if (g_rand_int_range (rand, 0, 100) < 4)
    {
      GDate cancelled = agreed;

      cl_demo_date_add (&cancelled, g_rand_int_range (rand, 3, 36));
      if (g_date_compare (&cancelled, today) <= 0)
        {
          g_autofree char *cancel_iso = cl_date_to_iso (&cancelled);

          cl_enrolment_set_status (enrolment, "cancelled");
          cl_enrolment_set_cancel_date (enrolment, cancel_iso);
          cl_enrolment_set_refund_fen (enrolment, cl_package_get_price_fen (package));
        }
    }
  else
    {
      /* The service runs on into the postpartum weeks. */
      GDate ends = *until;

      cl_demo_date_add (&ends, cl_package_get_postpartum_days (package));
      if (g_date_compare (&ends, today) < 0)
        cl_enrolment_set_status (enrolment, "completed");
    }

  if (!write_record (store, enrolment, error))
    return FALSE;
  return cl_enrolment_is_cancelled (enrolment) ||
         generate_handouts (store, today, package, enrolment, &agreed, handed_by, error);
}

/* The vendor's rate, 35.25 % since the start of the year before last,
 * and a deduction in each of the last two complete months. */
gboolean
cl_demo_money_generate_settlement (CLStore      *store,
                                   GRand        *rand,
                                   const GDate  *today,
                                   GError      **error)
{
  static const struct { gint months_ago; gint64 fen; const char *reason; const char *reference; } deductions[] = {
    { 1, 200000, "导诊台检查未整改", "XJ-031" },
    { 2, 50000, "投诉核实：陪诊迟到", "TS-114" },
  };
  g_autoptr(CLShareRate) rate = NULL;
  g_autofree char *from = g_strdup_printf ("%04d-01-01", g_date_get_year (today) - 2);
  char id[37];

  cl_demo_make_id (rand, id);
  rate = g_object_new (CL_TYPE_SHARE_RATE, "id", id, NULL);
  cl_share_rate_set_effective_from (rate, from);
  cl_share_rate_set_rate_bp (rate, 3525);
  cl_share_rate_set_note (rate, "服务协议约定");
  if (!write_record (store, rate, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (deductions); i++)
    {
      g_autoptr(CLDeduction) deduction = NULL;
      g_autofree char *date = NULL;
      GDate d = *today;

      g_date_set_day (&d, 1);
      g_date_subtract_months (&d, deductions[i].months_ago);
      g_date_set_day (&d, 15);
      date = cl_date_to_iso (&d);

      cl_demo_make_id (rand, id);
      deduction = g_object_new (CL_TYPE_DEDUCTION, "id", id, NULL);
      cl_deduction_set_date (deduction, date);
      cl_deduction_set_amount_fen (deduction, deductions[i].fen);
      cl_deduction_set_reason (deduction, deductions[i].reason);
      cl_deduction_set_reference (deduction, deductions[i].reference);
      if (!write_record (store, deduction, error))
        return FALSE;
    }
  return TRUE;
}
