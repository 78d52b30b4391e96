/* cl-enrolment-store.c
 *
 * The rules for the records behind the settlement (cl-enrolment-store.h):
 * packages, enrolments with their payments and refunds, and deductions,
 * each checked against closed months; and the helpers for months and
 * field errors that cl-enrolment-settlement.c shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-enrolment-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-contract-store.h"
#include "cl-date.h"
#include "cl-dating.h"
#include "cl-enrolment-store-private.h"
#include "cl-json-strict.h"
#include "cl-money.h"
#include "cl-patient-store.h"
#include "cl-record-rules.h"
#include "cl-store-billing.h"
#include "cl-tables.h"
#include "cl-util.h"

G_DEFINE_QUARK (cl-enrolment-error-quark, cl_enrolment_error)

/* Months are "YYYY-MM" text, compared as text. */

gboolean
cl_enrolment_month_parse (const char *month,
                          guint      *year,
                          guint      *mon)
{
  if (month == NULL || strlen (month) != 7 || month[4] != '-' ||
      !g_ascii_isdigit (month[0]) || !g_ascii_isdigit (month[1]) ||
      !g_ascii_isdigit (month[2]) || !g_ascii_isdigit (month[3]) ||
      !g_ascii_isdigit (month[5]) || !g_ascii_isdigit (month[6]))
    return FALSE;
  *year = (guint) g_ascii_strtoull (month, NULL, 10);
  *mon = (guint) g_ascii_strtoull (month + 5, NULL, 10);
  return *year >= 2000 && *year <= 2999 && *mon >= 1 && *mon <= 12;
}

char *
cl_enrolment_month_shift (const char *month,
                          gint        delta)
{
  guint year = 0, mon = 0;
  gint index;

  if (!cl_enrolment_month_parse (month, &year, &mon))
    g_assert_not_reached ();
  index = (gint) year * 12 + (gint) mon - 1 + delta;
  return g_strdup_printf ("%04d-%02d", index / 12, index % 12 + 1);
}

char *
cl_enrolment_month_this (void)
{
  GDate today;

  cl_date_today (&today);
  return g_strdup_printf ("%04u-%02u", g_date_get_year (&today), g_date_get_month (&today));
}

/* "October 2026" / "2026年10月" */
char *
cl_enrolment_month_format (const char *month,
                           const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  guint year, mon;

  if (!cl_enrolment_month_parse (month, &year, &mon))
    return g_strdup (month);
  dt = g_date_time_new_local (year, mon, 1, 0, 0, 0);
  return g_date_time_format (dt, format);
}

/* First day of @month and of the month after, for date ranges. */
void
cl_enrolment_month_range (const char  *month,
                          char       **from,
                          char       **to)
{
  g_autofree char *next = cl_enrolment_month_shift (month, 1);

  *from = g_strdup_printf ("%s-01", month);
  *to = g_strdup_printf ("%s-01", next);
}

gboolean
cl_enrolment_check_role (const char  *role,
                         const char  *table,
                         GError     **error)
{
  if (cl_tables_can_write (role, table))
    return TRUE;
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
               _("Your role may not make this change; nothing was saved"));
  return FALSE;
}

gboolean
cl_enrolment_store_month_is_closed (CLStore    *store,
                                    const char *month)
{
  return cl_contract_store_month_is_closed (store, CL_CONTRACT_OBSTETRIC_ID, month);
}

gboolean
cl_contract_store_month_is_closed (CLStore    *store,
                                   const char *contract_id,
                                   const char *month)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (month == NULL || contract_id == NULL)
    return FALSE;
  return cl_store_billing_month_closed (store, contract_id, month);
}

/* Is the month of ISO @date closed? */
gboolean
cl_enrolment_date_in_closed_month (CLStore    *store,
                                   const char *contract_id,
                                   const char *date)
{
  g_autofree char *month = NULL;

  if (cl_str_empty (date) || strlen (date) < 7)
    return FALSE;
  month = g_strndup (date, 7);
  return cl_contract_store_month_is_closed (store, contract_id, month);
}

char *
cl_enrolment_closed_message (const char *date)
{
  g_autofree char *month = g_strndup (date, 7);
  g_autofree char *shown = cl_date_format_month (month);

  /* The message stands at the date's field: the month is all it adds.
   * Translators: %s is a month, "October 2026" */
  return g_strdup_printf (_("%s is a settlement month that finance has closed; a closed month cannot change. Nothing was saved."),
                          shown);
}

char *
cl_enrolment_settled_message (const char *date)
{
  g_autofree char *month = g_strndup (date, 7);
  g_autofree char *shown = cl_date_format_month (month);

  /* Translators: %s is a month, "October 2026" */
  return g_strdup_printf (_("This was settled in the closed month %s and can no longer be changed. Nothing was saved."),
                          shown);
}

char *
cl_enrolment_already_closed_message (const char *month)
{
  g_autofree char *shown = cl_date_format_month (month);

  /* Translators: %s is a month, "October 2026" */
  return g_strdup_printf (_("%s is already closed; a closed month cannot change"), shown);
}

/* The one rule for a dated amount and closed months, for the desk's
 * saves and the server's hook alike: a change takes an amount out of a
 * closed month or alters it there (the old date is in one), or puts one
 * into a closed month (the new date is).  An unchanged amount and date
 * touch nothing. */
ClClosedMonthTouch
cl_enrolment_closed_month_touch (CLStore     *store,
                                 const char  *contract_id,
                                 const char  *old_date,
                                 gint64       old_amount,
                                 const char  *new_date,
                                 gint64       new_amount,
                                 char       **message)
{
  g_assert (message != NULL && *message == NULL);

  if (old_amount == new_amount && g_strcmp0 (old_date, new_date) == 0)
    return CL_CLOSED_MONTH_UNTOUCHED;
  if (old_amount > 0 && cl_enrolment_date_in_closed_month (store, contract_id, old_date))
    {
      *message = cl_enrolment_settled_message (old_date);
      return CL_CLOSED_MONTH_SETTLED;
    }
  if (new_amount > 0 && cl_enrolment_date_in_closed_month (store, contract_id, new_date))
    {
      *message = cl_enrolment_closed_message (new_date);
      return CL_CLOSED_MONTH_ENTERED;
    }
  return CL_CLOSED_MONTH_UNTOUCHED;
}

/* Parses an ISO date field; FALSE if empty or not a date. */
gboolean
cl_enrolment_parse_date (const char *text,
                         GDate      *out)
{
  return !cl_str_empty (text) && cl_date_parse (text, out, NULL);
}

void
cl_enrolment_refuse (GHashTable  *errors,
                     const char  *field,
                     char        *message)
{
  if (!g_hash_table_contains (errors, field))
    g_hash_table_insert (errors, g_strdup (field), message);
  else
    g_free (message);
}

/* A dated amount that touches a closed month
 * (cl_enrolment_closed_month_touch()) is refused at @amount_field if
 * the closed month settled it, else at @date_field. */
void
cl_enrolment_refuse_in_closed_month (CLStore     *store,
                                     const char  *contract_id,
                                     GHashTable  *errors,
                        const char  *amount_field,
                        const char  *date_field,
                        const char  *old_date,
                        gint64       old_amount,
                        const char  *new_date,
                        gint64       new_amount)
{
  char *message = NULL;

  switch (cl_enrolment_closed_month_touch (store, contract_id, old_date, old_amount, new_date, new_amount, &message))
    {
    case CL_CLOSED_MONTH_SETTLED:
      cl_enrolment_refuse (errors, amount_field, message);
      break;
    case CL_CLOSED_MONTH_ENTERED:
      cl_enrolment_refuse (errors, date_field, message);
      break;
    case CL_CLOSED_MONTH_UNTOUCHED:
    default:
      g_assert (message == NULL);
      break;
    }
}

/* Hands @errors back: FALSE, the single reason (or a summary) as the
 * error, and the table to the caller if wanted. */
gboolean
cl_enrolment_fail_with (GHashTable  *errors,
           GHashTable **field_errors,
           GError     **error)
{
  if (g_hash_table_size (errors) == 1)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, errors);
      g_hash_table_iter_next (&iter, NULL, &value);
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, value);
    }
  else
    g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                         _("Some fields need attention before saving"));
  if (field_errors)
    *field_errors = g_hash_table_ref (errors);
  return FALSE;
}

static gboolean
amount_ok (gint64       fen,
           GHashTable  *errors,
           const char  *field)
{
  /* The rule the server applies to every money field, in its words. */
  char *message = cl_record_rules_money_message (fen);

  if (message == NULL)
    return TRUE;
  cl_enrolment_refuse (errors, field, message);
  return FALSE;
}

/* Packages */

GPtrArray *
cl_enrolment_store_list_packages (CLStore  *store,
                                  gboolean  include_inactive)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_billing_packages (store, include_inactive);
}

static void
validate_services (const char *services,
                   GHashTable *errors)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  if (cl_str_empty (services))
    return;
  /* It came from a desk: strict JSON, a list of objects, no deeper. */
  if (!(root = cl_json_strict_parse (services, -1, 2, NULL)) || !JSON_NODE_HOLDS_ARRAY (root))
    goto bad;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o;
      JsonNode *quantity;

      g_autofree char *field = NULL;
      g_autofree char *name = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;
      o = json_node_get_object (node);
      quantity = json_object_get_member (o, "quantity");
      if (!json_object_has_member (o, "code") || !json_object_has_member (o, "name") ||
          quantity == NULL || json_node_get_value_type (quantity) != G_TYPE_INT64)
        goto bad;
      /* Row by row, so the editor shows the message at the row. */
      field = g_strdup_printf ("services.%u", i);
      name = g_strstrip (g_strdup (json_object_get_string_member_with_default (o, "name", "")));
      if (*name == '\0')
        cl_enrolment_refuse (errors, field, g_strdup (_("Enter the service’s name")));
      else if (json_node_get_int (quantity) < 1 || json_node_get_int (quantity) > 999)
        cl_enrolment_refuse (errors, field, g_strdup (_("The quantity is a whole number from 1 to 999")));
    }
  return;

bad:
  cl_enrolment_refuse (errors, "services",
          g_strdup (_("The included services are not a list of services with names and quantities")));
}

void
cl_enrolment_store_validate_package (CLStore    *store,
                                     CLPackage  *package,
                                     GHashTable *errors)
{
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_PACKAGE (package));
  g_return_if_fail (errors != NULL);

  name = g_strstrip (g_strdup (cl_package_get_name (package) ? cl_package_get_name (package) : ""));
  code = g_strstrip (g_strdup (cl_package_get_code (package) ? cl_package_get_code (package) : ""));
  if (*name == '\0')
    cl_enrolment_refuse (errors, "name", g_strdup (_("Enter the package’s name")));
  if (*code == '\0')
    cl_enrolment_refuse (errors, "code", g_strdup (_("Enter a short code for the package")));
  else if (cl_store_billing_package_code_taken (store, code, cl_record_get_id (CL_RECORD (package))))
    cl_enrolment_refuse (errors, "code", g_strdup (_("Another package already has this code")));
  amount_ok (cl_package_get_price_fen (package), errors, "price_fen");
  if (cl_package_get_enrol_from_day (package) < 0 || cl_package_get_enrol_from_day (package) > 300)
    cl_enrolment_refuse (errors, "enrol_from_day", g_strdup (_("The window must lie within the pregnancy (0+0–42+6 wk)")));
  if (cl_package_get_enrol_to_day (package) < 0 || cl_package_get_enrol_to_day (package) > 300)
    cl_enrolment_refuse (errors, "enrol_to_day", g_strdup (_("The window must lie within the pregnancy (0+0–42+6 wk)")));
  else if (cl_package_get_enrol_to_day (package) < cl_package_get_enrol_from_day (package))
    cl_enrolment_refuse (errors, "enrol_to_day", g_strdup (_("The window ends before it starts")));
  if (cl_package_get_postpartum_days (package) < 0 || cl_package_get_postpartum_days (package) > 365)
    cl_enrolment_refuse (errors, "postpartum_days", g_strdup (_("The service period after delivery is 0 to 365 days")));
  validate_services (cl_package_get_services (package), errors);
}

gboolean
cl_enrolment_store_save_package (CLStore     *store,
                                 CLPackage   *package,
                                 const char  *role,
                                 GHashTable **field_errors,
                                 GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name_en = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_PACKAGE (package), FALSE);

  if (!cl_enrolment_check_role (role, "package", error))
    return FALSE;

  cl_enrolment_store_validate_package (store, package, errors);
  if (g_hash_table_size (errors) > 0)
    return cl_enrolment_fail_with (errors, field_errors, error);

  name = g_strstrip (g_strdup (cl_package_get_name (package)));
  code = g_strstrip (g_strdup (cl_package_get_code (package)));
  name_en = g_strstrip (g_strdup (cl_package_get_name_en (package) ? cl_package_get_name_en (package) : ""));
  cl_package_set_name (package, name);
  cl_package_set_name_en (package, *name_en ? name_en : NULL);
  cl_package_set_code (package, code);
  /* A price change applies to new enrolments only: each enrolment
   * keeps the price it copied when it was made. */
  return cl_store_save_record (store, CL_RECORD (package), error);
}

/* Enrolments */

GPtrArray *
cl_enrolment_store_list_for_patient (CLStore    *store,
                                     const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_billing_enrolments (store, patient_id);
}

char *
cl_enrolment_store_window_problem (CLStore     *store,
                                   const char  *patient_id,
                                   CLPackage   *package,
                                   const GDate *agreement)
{
  g_autoptr(CLPregnancy) pregnancy = NULL;
  GDate edd;
  gint days, from, to;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (CL_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (agreement != NULL, NULL);

  pregnancy = cl_patient_store_current_pregnancy (store, patient_id);
  if (pregnancy == NULL || !cl_enrolment_parse_date (cl_pregnancy_get_effective_edd (pregnancy), &edd))
    return g_strdup (_("Her pregnancy is not dated yet; record the last menstrual period first, the package’s window depends on it"));

  days = cl_dating_gestational_days (&edd, agreement);
  from = cl_package_get_enrol_from_day (package);
  to = cl_package_get_enrol_to_day (package);
  if (days < from || days > to)
    {
      g_autofree char *ga = days >= 0 ? cl_date_format_ga (days, -1, CL_GA_WEEKS) : g_strdup ("–");
      g_autofree char *window = cl_date_format_ga (from, to, CL_GA_WEEKS);

      /* Translators: %1$s is a gestational age like "32+4 wk", then
       * the package name and its window like "29+0–32+6 wk" */
      return g_strdup_printf (_("On the agreement date she is at %1$s, outside the window of %2$s (%3$s)"),
                              ga, cl_package_get_display_name (package), window);
    }
  return NULL;
}

static void
check_window (CLStore     *store,
              CLEnrolment *enrolment,
              CLPackage   *package,
              const GDate *agreement,
              const char  *role,
              GHashTable  *errors)
{
  const char *reason = cl_enrolment_get_override_reason (enrolment);
  g_autofree char *problem = cl_enrolment_store_window_problem (store, cl_enrolment_get_patient_id (enrolment),
                                                                package, agreement);

  if (problem == NULL)
    return;

  if (cl_str_empty (reason))
    cl_enrolment_refuse (errors, "package_id",
            g_strdup_printf (_("%s. An administrator may enrol her with a reason."), problem));
  else if (!cl_enrolment_role_may_override (role))
    cl_enrolment_refuse (errors, "override_reason",
            g_strdup (_("Only an administrator may enrol a patient outside the package’s window")));
}

/* A second enrolment while one is running would charge her twice: a
 * live enrolment (cl_enrolment_is_live()) of hers other than this one
 * refuses a new one, or one brought back to life, unless an
 * administrator gives a reason (the same override as the window's). */
static void
check_not_enrolled (CLStore     *store,
                    CLEnrolment *enrolment,
                    CLEnrolment *stored,
                    const char  *role,
                    GHashTable  *errors)
{
  g_autoptr(CLEnrolment) live = NULL;
  g_autofree char *already = NULL;

  if (!cl_enrolment_is_live (enrolment) || cl_record_get_deleted (CL_RECORD (enrolment)))
    return;
  /* Already live for this patient: an edit (a receipt number), not a
   * second enrolment. */
  if (stored && cl_enrolment_is_live (stored) && !cl_record_get_deleted (CL_RECORD (stored)) &&
      g_strcmp0 (cl_enrolment_get_patient_id (stored), cl_enrolment_get_patient_id (enrolment)) == 0)
    return;

  live = cl_enrolment_store_find_live (store, cl_enrolment_get_patient_id (enrolment),
                                       cl_record_get_id (CL_RECORD (enrolment)));
  if (live == NULL)
    return;

  if (!cl_str_empty (cl_enrolment_get_override_reason (enrolment)))
    {
      if (!cl_enrolment_role_may_override (role))
        cl_enrolment_refuse (errors, "override_reason",
                g_strdup (_("Only an administrator may enrol a patient who is already enrolled")));
      return;
    }

  already = cl_enrolment_store_already_enrolled (store, live);
  /* Translators: %s is “She is already enrolled in 全孕期 (signed 2026-11-20)” */
  cl_enrolment_refuse (errors, "package_id",
          g_strdup_printf (_("%s. Cancel that enrolment first; an administrator may enrol her again with a reason."),
                           already));
}

char *
cl_enrolment_store_already_enrolled (CLStore     *store,
                                     CLEnrolment *live)
{
  g_autoptr(CLPackage) package = NULL;
  const char *agreed;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (CL_IS_ENROLMENT (live), NULL);

  package = (CLPackage *) cl_store_load_record (store, CL_TYPE_PACKAGE, cl_enrolment_get_package_id (live), NULL);
  /* A full date, the same in every language (stored as ISO). */
  agreed = cl_enrolment_get_agreement_date (live);
  /* Translators: %1$s is the package's name, %2$s the date she signed (2026-11-20) */
  return g_strdup_printf (_("She is already enrolled in %1$s (signed %2$s)"),
                          package ? cl_package_get_display_name (package) : "—",
                          !cl_str_empty (agreed) ? agreed : "—");
}

CLEnrolment *
cl_enrolment_store_find_live (CLStore    *store,
                              const char *patient_id,
                              const char *except_id)
{
  g_autoptr(GPtrArray) enrolments = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (cl_str_empty (patient_id))
    return NULL;
  enrolments = cl_store_billing_enrolments (store, patient_id);
  for (guint i = 0; i < enrolments->len; i++)
    {
      CLEnrolment *e = g_ptr_array_index (enrolments, i);

      if (cl_enrolment_is_live (e) && g_strcmp0 (cl_record_get_id (CL_RECORD (e)), except_id) != 0)
        return g_object_ref (e);
    }
  return NULL;
}

void
cl_enrolment_store_validate (CLStore      *store,
                             CLEnrolment  *enrolment,
                             const char   *role,
                             GHashTable   *errors)
{
  g_autoptr(CLEnrolment) stored = NULL;
  g_autoptr(CLPackage) package = NULL;
  g_autoptr(CLRecord) patient = NULL;
  const char *status = cl_enrolment_get_status (enrolment);
  gint64 paid = cl_enrolment_get_paid_fen (enrolment);
  gint64 refund = cl_enrolment_get_refund_fen (enrolment);
  GDate agreement, paid_on, cancelled_on, today;
  gboolean have_agreement = FALSE, have_paid = FALSE;
  gboolean package_changed;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_ENROLMENT (enrolment));
  g_return_if_fail (errors != NULL);

  cl_date_today (&today);
  stored = (CLEnrolment *) cl_store_load_record (store, CL_TYPE_ENROLMENT,
                                                 cl_record_get_id (CL_RECORD (enrolment)), NULL);

  if (!cl_str_empty (cl_enrolment_get_patient_id (enrolment)))
    patient = cl_store_load_record (store, CL_TYPE_PATIENT, cl_enrolment_get_patient_id (enrolment), NULL);
  if (patient == NULL || cl_record_get_deleted (patient))
    cl_enrolment_refuse (errors, "patient_id", g_strdup (_("Choose the patient")));

  if (!cl_str_empty (cl_enrolment_get_package_id (enrolment)))
    package = (CLPackage *) cl_store_load_record (store, CL_TYPE_PACKAGE,
                                                  cl_enrolment_get_package_id (enrolment), NULL);
  if (package == NULL || cl_record_get_deleted (CL_RECORD (package)))
    cl_enrolment_refuse (errors, "package_id", g_strdup (_("Choose a package")));
  package_changed = stored == NULL ||
                    g_strcmp0 (cl_enrolment_get_package_id (stored), cl_enrolment_get_package_id (enrolment)) != 0;
  if (package && package_changed && !cl_package_get_active (package))
    cl_enrolment_refuse (errors, "package_id", g_strdup (_("This package is no longer offered")));

  /* Dates are normalised to ISO as they are checked. */
  if (cl_str_empty (cl_enrolment_get_agreement_date (enrolment)))
    cl_enrolment_refuse (errors, "agreement_date", g_strdup (_("Enter the date the service agreement was signed")));
  else if (!cl_enrolment_parse_date (cl_enrolment_get_agreement_date (enrolment), &agreement))
    cl_enrolment_refuse (errors, "agreement_date", g_strdup (_("This is not a valid date")));
  else if (g_date_compare (&agreement, &today) > 0)
    cl_enrolment_refuse (errors, "agreement_date", g_strdup (_("The agreement date is in the future")));
  else
    {
      g_autofree char *iso = cl_date_to_iso (&agreement);

      cl_enrolment_set_agreement_date (enrolment, iso);
      have_agreement = TRUE;
    }
  if (cl_str_empty (cl_enrolment_get_explained_by (enrolment)))
    cl_enrolment_refuse (errors, "explained_by", g_strdup (_("Record who explained the service agreement to her")));

  if (g_strcmp0 (status, "active") != 0 && g_strcmp0 (status, "completed") != 0 &&
      g_strcmp0 (status, "cancelled") != 0)
    cl_enrolment_refuse (errors, "status", g_strdup (_("Unknown enrolment status")));

  /* The payment */
  if (!cl_str_empty (cl_enrolment_get_paid_date (enrolment)))
    {
      if (!cl_enrolment_parse_date (cl_enrolment_get_paid_date (enrolment), &paid_on))
        cl_enrolment_refuse (errors, "paid_date", g_strdup (_("This is not a valid date")));
      else if (g_date_compare (&paid_on, &today) > 0)
        cl_enrolment_refuse (errors, "paid_date", g_strdup (_("The payment date is in the future")));
      else
        {
          g_autofree char *iso = cl_date_to_iso (&paid_on);

          cl_enrolment_set_paid_date (enrolment, iso);
          have_paid = TRUE;
        }
    }
  if (amount_ok (paid, errors, "paid_fen"))
    {
      if (paid > 0 && cl_str_empty (cl_enrolment_get_paid_date (enrolment)))
        cl_enrolment_refuse (errors, "paid_date", g_strdup (_("Enter the date of the payment")));
      else if (paid == 0 && !cl_str_empty (cl_enrolment_get_paid_date (enrolment)))
        cl_enrolment_refuse (errors, "paid_fen", g_strdup (_("Enter the amount paid")));
      if (paid > 0 && cl_str_empty (cl_enrolment_get_receipt_no (enrolment)))
        cl_enrolment_refuse (errors, "receipt_no", g_strdup (_("Enter the hospital’s receipt or invoice number")));
    }
  if (have_paid && have_agreement && g_date_compare (&paid_on, &agreement) < 0)
    cl_enrolment_refuse (errors, "paid_date", g_strdup (_("The payment is dated before the agreement")));

  /* Cancellation and refund */
  if (!cl_str_empty (cl_enrolment_get_cancel_date (enrolment)))
    {
      if (!cl_enrolment_parse_date (cl_enrolment_get_cancel_date (enrolment), &cancelled_on))
        cl_enrolment_refuse (errors, "cancel_date", g_strdup (_("This is not a valid date")));
      else if (g_date_compare (&cancelled_on, &today) > 0)
        cl_enrolment_refuse (errors, "cancel_date", g_strdup (_("The cancellation date is in the future")));
      else if (have_paid && g_date_compare (&cancelled_on, &paid_on) < 0)
        cl_enrolment_refuse (errors, "cancel_date", g_strdup (_("The refund is dated before the payment")));
      else if (have_agreement && g_date_compare (&cancelled_on, &agreement) < 0)
        cl_enrolment_refuse (errors, "cancel_date", g_strdup (_("The cancellation is dated before the agreement")));
      else
        {
          g_autofree char *iso = cl_date_to_iso (&cancelled_on);

          cl_enrolment_set_cancel_date (enrolment, iso);
        }
    }
  if (g_strcmp0 (status, "cancelled") == 0 && cl_str_empty (cl_enrolment_get_cancel_date (enrolment)))
    cl_enrolment_refuse (errors, "cancel_date", g_strdup (_("Enter the date of the cancellation")));
  else if (g_strcmp0 (status, "cancelled") != 0 && !cl_str_empty (cl_enrolment_get_cancel_date (enrolment)))
    cl_enrolment_refuse (errors, "cancel_date", g_strdup (_("Only a cancelled enrolment has a cancellation date")));
  if (amount_ok (refund, errors, "refund_fen"))
    {
      if (refund > paid)
        {
          g_autofree char *r = cl_money_format (refund);
          g_autofree char *p = cl_money_format (paid);

          cl_enrolment_refuse (errors, "refund_fen",
                  g_strdup_printf (_("The refund (%s) cannot be more than the payment (%s)"), r, p));
        }
      else if (refund > 0 && g_strcmp0 (status, "cancelled") != 0)
        cl_enrolment_refuse (errors, "refund_fen", g_strdup (_("A refund is recorded by cancelling the enrolment")));
    }

  /* The window is checked when the choice is made: a later save (a
   * cancellation, say) must not fail because time has passed. */
  if (package && patient && have_agreement &&
      (package_changed ||
       g_strcmp0 (cl_enrolment_get_agreement_date (stored), cl_enrolment_get_agreement_date (enrolment)) != 0))
    check_window (store, enrolment, package, &agreement, role, errors);
  if (patient)
    check_not_enrolled (store, enrolment, stored, role, errors);
}


gboolean
cl_enrolment_store_save (CLStore      *store,
                         CLEnrolment  *enrolment,
                         const char   *role,
                         GHashTable  **field_errors,
                         GError      **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLEnrolment) stored = NULL;
  gint64 paid = cl_enrolment_get_paid_fen (enrolment);
  gint64 refund = cl_enrolment_get_refund_fen (enrolment);
  gboolean deleted;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_ENROLMENT (enrolment), FALSE);

  if (!cl_enrolment_check_role (role, "enrolment", error))
    return FALSE;

  cl_enrolment_store_validate (store, enrolment, role, errors);
  stored = (CLEnrolment *) cl_store_load_record (store, CL_TYPE_ENROLMENT,
                                                 cl_record_get_id (CL_RECORD (enrolment)), NULL);

  /* Closed months: nothing new dated in one, nothing settled in one
   * changed; a deleted enrolment takes its amounts out. */
  deleted = cl_record_get_deleted (CL_RECORD (enrolment));
  cl_enrolment_refuse_in_closed_month (store, CL_CONTRACT_OBSTETRIC_ID, errors, "paid_fen", "paid_date",
                          stored ? cl_enrolment_get_paid_date (stored) : NULL,
                          stored ? cl_enrolment_get_paid_fen (stored) : 0,
                          cl_enrolment_get_paid_date (enrolment), deleted ? 0 : paid);
  cl_enrolment_refuse_in_closed_month (store, CL_CONTRACT_OBSTETRIC_ID, errors, "refund_fen", "cancel_date",
                          stored ? cl_enrolment_get_cancel_date (stored) : NULL,
                          stored ? cl_enrolment_get_refund_fen (stored) : 0,
                          cl_enrolment_get_cancel_date (enrolment), deleted ? 0 : refund);

  if (g_hash_table_size (errors) > 0)
    return cl_enrolment_fail_with (errors, field_errors, error);

  /* A new enrolment (or one moved to another package) copies the
   * package's price now. */
  if (stored == NULL ||
      g_strcmp0 (cl_enrolment_get_package_id (stored), cl_enrolment_get_package_id (enrolment)) != 0)
    {
      g_autoptr(CLPackage) package =
        (CLPackage *) cl_store_load_record (store, CL_TYPE_PACKAGE,
                                            cl_enrolment_get_package_id (enrolment), NULL);

      cl_enrolment_set_price_fen (enrolment, cl_package_get_price_fen (package));
    }

  return cl_store_save_record (store, CL_RECORD (enrolment), error);
}
