/* cl-enrolment-settlement.c
 *
 * The settlement side of cl-enrolment-store.h: share rates, a month's
 * statement (computed while open, a frozen snapshot once closed, with
 * its history), closing a month, and refusing synced changes that
 * would alter a closed month.
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
#include "cl-money.h"
#include "cl-patient-store.h"
#include "cl-store-billing.h"
#include "cl-tables.h"
#include "cl-util.h"

#define HISTORY_MONTHS 12

void
cl_enrolment_store_set_parties (CLStore    *store,
                                const char *hospital,
                                const char *vendor)
{
  g_return_if_fail (CL_IS_STORE (store));

  /* Kept on the store object, not in it: they are this desk's
   * preferences, frozen into a month's snapshot when it closes. */
  g_object_set_data_full (G_OBJECT (store), "cl-statement-hospital", g_strdup (hospital), g_free);
  g_object_set_data_full (G_OBJECT (store), "cl-statement-vendor", g_strdup (vendor), g_free);
}

/* Share rates */

typedef struct
{
  GPtrArray *dates;   /* effective_from, ascending */
  GArray    *rates;   /* gint64: rates, or a fixed fee contract's fees */
} Rates;

static void
rates_clear (Rates *rates)
{
  g_clear_pointer (&rates->dates, g_ptr_array_unref);
  g_clear_pointer (&rates->rates, g_array_unref);
}

static void
rates_load (CLStore    *store,
            const char *contract_id,
            gboolean    fees,
            Rates      *rates)
{
  cl_store_billing_load_rates (store, contract_id, fees, &rates->dates, &rates->rates);
}

/* Binary search for the last rate not after @date; -1 if none. */
static gint
rates_on (const Rates *rates,
          const char  *date)
{
  guint lo = 0, hi = rates->dates->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (strcmp (g_ptr_array_index (rates->dates, mid), date) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo == 0 ? -1 : (gint) g_array_index (rates->rates, gint64, lo - 1);
}

static void
set_no_rate_error (const char  *date,
                   GError     **error)
{
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
               _("No share rate is in force on %s; enter the rate that applies from that date first"),
               date);
}

gboolean
cl_enrolment_store_rate_on (CLStore     *store,
                            const char  *date,
                            gint        *out_rate_bp,
                            GError     **error)
{
  Rates rates = { 0 };
  gint bp;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  rates_load (store, CL_CONTRACT_OBSTETRIC_ID, FALSE, &rates);
  bp = rates_on (&rates, date);
  rates_clear (&rates);
  if (bp < 0)
    {
      set_no_rate_error (date, error);
      return FALSE;
    }
  if (out_rate_bp)
    *out_rate_bp = bp;
  return TRUE;
}

GPtrArray *
cl_enrolment_store_rate_history (CLStore *store)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_billing_share_rates (store, CL_CONTRACT_OBSTETRIC_ID);
}

/* A share rate in force from a closed month stays as it is, and none
 * starts in one: as amounts, 1 for the old rate and 1 or 2 for the new
 * one, so a changed percentage counts as a change. */
static gboolean
rate_touches_closed_month (CLStore      *store,
                           CLShareRate  *old,
                           CLShareRate  *in,
                           const char   *effective_from,
                           char        **message)
{
  gboolean same_contract = old && g_strcmp0 (cl_share_rate_get_contract_id (old),
                                             cl_share_rate_get_contract_id (in)) == 0;
  gint64 new_amount = !same_contract ||
                      (cl_share_rate_get_rate_bp (in) == cl_share_rate_get_rate_bp (old) &&
                       cl_share_rate_get_fee_fen (in) == cl_share_rate_get_fee_fen (old)) ? 1 : 2;

  if (cl_record_get_deleted (CL_RECORD (in)))
    new_amount = 0;
  /* One moved to another contract leaves its old contract's months. */
  if (old && !same_contract &&
      cl_enrolment_closed_month_touch (store, cl_share_rate_get_contract_id (old),
                                       cl_share_rate_get_effective_from (old), 1, NULL, 0,
                                       message) != CL_CLOSED_MONTH_UNTOUCHED)
    return TRUE;
  return cl_enrolment_closed_month_touch (store, cl_share_rate_get_contract_id (in),
                                          same_contract ? cl_share_rate_get_effective_from (old) : NULL,
                                          same_contract ? 1 : 0, effective_from, new_amount,
                                          message) != CL_CLOSED_MONTH_UNTOUCHED;
}

gboolean
cl_enrolment_store_save_rate (CLStore      *store,
                              CLShareRate  *rate,
                              const char   *role,
                              GError      **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLShareRate) stored = NULL;
  g_autofree char *message = NULL;
  const char *iso;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_SHARE_RATE (rate), FALSE);

  if (!cl_enrolment_check_role (role, "share_rate", error))
    return FALSE;

  /* The dialog shows one message: the contract's, the rate's or fee's,
   * then the date's. */
  cl_enrolment_store_validate_rate (store, rate, errors);
  if (g_hash_table_size (errors) > 0)
    {
      static const char * const order[] = { "contract_id", "rate_bp", "fee_fen", "effective_from" };
      const char *first = NULL;

      for (guint i = 0; first == NULL && i < G_N_ELEMENTS (order); i++)
        first = g_hash_table_lookup (errors, order[i]);
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, first);
      return FALSE;
    }
  iso = cl_share_rate_get_effective_from (rate);

  stored = (CLShareRate *) cl_store_load_record (store, CL_TYPE_SHARE_RATE,
                                                 cl_record_get_id (CL_RECORD (rate)), NULL);
  if (rate_touches_closed_month (store, stored, CL_SHARE_RATE (rate), iso, &message))
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, message);
      return FALSE;
    }

  return cl_store_save_record (store, CL_RECORD (rate), error);
}

/* Statements */

typedef struct
{
  const char      *contract_id;
  CLSettlement    *settlement;
  ClBillingSource  source;
  const char      *month_start;
  GHashTable      *settled;
  const Rates     *rates;
} SourceData;

static gboolean
add_entry (const ClBillingEntry  *entry,
           gpointer               user_data,
           GError               **error)
{
  static const char prefix[] = { [CL_BILLING_PAYMENTS] = 'p', [CL_BILLING_REFUNDS] = 'r', [CL_BILLING_DEDUCTIONS] = 'd' };
  SourceData *data = user_data;
  char key[80];
  char adjustment_of[8] = "";
  gint rate;

  g_snprintf (key, sizeof key, "%c:%s", prefix[data->source], entry->id);
  if (strcmp (entry->date, data->month_start) < 0)
    {
      if (g_hash_table_contains (data->settled, key))
        return TRUE;
      g_strlcpy (adjustment_of, entry->date, sizeof adjustment_of);
    }

  if (data->source == CL_BILLING_DEDUCTIONS)
    {
      cl_settlement_add_deduction (data->settlement, key, entry->date, entry->amount_fen,
                                   entry->label, entry->detail, adjustment_of);
      return TRUE;
    }

  /* The rate in force on the payment date, for its refund too. */
  rate = entry->paid_date ? rates_on (data->rates, entry->paid_date) : -1;
  if (rate < 0)
    {
      set_no_rate_error (entry->paid_date ? entry->paid_date : entry->date, error);
      return FALSE;
    }
  cl_settlement_add_line (data->settlement,
                          data->source == CL_BILLING_PAYMENTS ? CL_SETTLEMENT_PAYMENT : CL_SETTLEMENT_REFUND,
                          key, entry->date, entry->label, entry->detail, entry->receipt,
                          entry->amount_fen, rate, adjustment_of);
  return TRUE;
}

/* Adds to @settlement the lines of one source dated from @from up to
 * @to; those dated before @month_start are late entries for closed
 * months and are added only if no closed month has them. */
static gboolean
add_source (CLStore          *store,
            CLSettlement     *settlement,
            ClBillingSource   source,
            const char       *from,
            const char       *to,
            const char       *month_start,
            GHashTable       *settled,
            const Rates      *rates,
            GError          **error)
{
  SourceData data = { cl_settlement_get_contract_id (settlement), settlement, source, month_start, settled, rates };

  return cl_store_billing_foreach_entry (store, data.contract_id, source, from, to, add_entry, &data, error);
}

/* The statement of an open month, without its history. */
static CLSettlement *
compute_open_month (CLStore      *store,
                    CLContract   *contract,
                    const char   *month,
                    GHashTable   *closed,
                    const Rates  *rates,
                    GError      **error)
{
  g_autoptr(CLSettlement) settlement = cl_settlement_new (month);
  const char *hospital = g_object_get_data (G_OBJECT (store), "cl-statement-hospital");
  const char *vendor = cl_contract_get_vendor (contract);
  gboolean fixed = cl_contract_is_fixed_fee (contract);
  g_autoptr(GHashTable) settled = NULL;
  g_autofree char *first = g_strdup (month);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *month_start = NULL;
  g_autofree char *unused = NULL;

  /* Late entries for closed months land in the first open month after
   * them: walk back over the run of closed months just before this one. */
  for (;;)
    {
      g_autofree char *previous = cl_enrolment_month_shift (first, -1);

      if (!g_hash_table_contains (closed, previous))
        break;
      g_free (first);
      first = g_steal_pointer (&previous);
    }

  cl_enrolment_month_range (first, &from, &unused);
  g_clear_pointer (&unused, g_free);
  cl_enrolment_month_range (month, &month_start, &to);
  cl_settlement_set_contract (settlement, cl_record_get_id (CL_RECORD (contract)),
                              fixed ? cl_contract_get_title (contract) : NULL);
  settled = cl_store_billing_settled_keys (store, cl_record_get_id (CL_RECORD (contract)), first, month);

  /* A fixed fee is the fee in force on the month's first day (fees
   * start on a first day); the package fees are no part of it. */
  if (fixed)
    {
      gint64 fee = -1;

      for (guint i = 0; i < rates->dates->len; i++)
        if (strcmp (g_ptr_array_index (rates->dates, i), month_start) <= 0)
          fee = g_array_index (rates->rates, gint64, i);
      if (fee < 0)
        {
          g_autofree char *shown = cl_date_format_month (month);

          /* Translators: %s is a month, "October 2026" */
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                       _("No monthly fee is in force in %s; enter the fee that applies from that month first"),
                       shown);
          return NULL;
        }
      cl_settlement_set_fixed_fee (settlement, fee);
    }

  for (ClBillingSource source = fixed ? CL_BILLING_DEDUCTIONS : CL_BILLING_PAYMENTS;
       source <= CL_BILLING_DEDUCTIONS; source++)
    if (!add_source (store, settlement, source, from, to, month_start, settled, rates, error))
      return NULL;

  cl_settlement_finish (settlement);
  if (!cl_str_empty (hospital))
    cl_settlement_set_hospital (settlement, hospital);
  /* The contract's vendor, else the desk's (before contracts, the one
   * vendor was a preference of the desk). */
  if (cl_str_empty (vendor))
    vendor = g_object_get_data (G_OBJECT (store), "cl-statement-vendor");
  if (!cl_str_empty (vendor))
    cl_settlement_set_vendor (settlement, vendor);
  return g_steal_pointer (&settlement);
}

static CLSettlement *
load_closed_month (CLStore     *store,
                   const char  *contract_id,
                   const char  *month,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CLSettlementMonth) row = NULL;
  CLSettlement *settlement;

  /* Two desks closing one month while offline: the first close counts. */
  row = cl_store_billing_closed_month (store, contract_id, month);
  g_assert (row != NULL);
  if (!json_parser_load_from_data (parser, cl_settlement_month_get_snapshot (row) ?: "", -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The saved statement of this month is damaged"));
      return NULL;
    }
  settlement = cl_settlement_new_from_json (json_parser_get_root (parser), error);
  if (settlement)
    {
      cl_settlement_set_closed (settlement, cl_settlement_month_get_closed_by (row),
                                cl_settlement_month_get_closed_at (row));
      cl_settlement_set_contract (settlement, contract_id, NULL);
    }
  return settlement;
}

static void
load_history (CLStore      *store,
              CLContract   *contract,
              CLSettlement *settlement,
              GHashTable   *closed,
              const Rates  *rates)
{
  g_autoptr(GArray) history = g_array_new (FALSE, TRUE, sizeof (CLSettlementHistory));
  const char *month = cl_settlement_get_month (settlement);

  for (gint delta = -(HISTORY_MONTHS - 1); delta < 0; delta++)
    {
      g_autofree char *m = cl_enrolment_month_shift (month, delta);
      CLSettlementHistory bar = { 0 };

      g_strlcpy (bar.month, m, sizeof bar.month);
      if (g_hash_table_contains (closed, m))
        {
          bar.closed = TRUE;
          cl_store_billing_closed_totals (store, cl_record_get_id (CL_RECORD (contract)), m,
                                          &bar.gross_fen, &bar.payable_fen);
        }
      else
        {
          /* An open month without a rate yet shows as an empty bar;
           * its own statement says why. */
          g_autoptr(CLSettlement) other = compute_open_month (store, contract, m, closed, rates, NULL);

          if (other)
            {
              bar.gross_fen = cl_settlement_get_gross_fen (other);
              bar.payable_fen = cl_settlement_get_payable_fen (other);
            }
        }
      g_array_append_val (history, bar);
    }
  cl_settlement_set_history (settlement, (CLSettlementHistory *) (gpointer) history->data, history->len);
}

/* In an English interface a line's package shows the English name of
 * the package its enrolment is in, found through the package's id, so
 * a closed month's frozen 全孕期 reads "Whole Pregnancy" too; a package
 * gone since, or without an English name, keeps the text as it is. */
static void
load_package_names (CLStore      *store,
                    CLSettlement *settlement)
{
  g_autoptr(GHashTable) done = NULL;
  const CLSettlementLine *lines;
  guint n_lines = 0;

  if (!cl_package_names_in_english ())
    return;
  done = g_hash_table_new (g_str_hash, g_str_equal);
  lines = cl_settlement_get_lines (settlement, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *name_en = NULL;

      if (cl_str_empty (lines[i].package) || g_hash_table_contains (done, lines[i].package)
          || strlen (lines[i].key) < 3)
        continue;
      name_en = cl_store_billing_enrolment_package_name_en (store, lines[i].key + 2);
      if (cl_str_empty (name_en))
        continue;
      g_hash_table_add (done, (gpointer) lines[i].package);
      cl_settlement_set_package_name (settlement, lines[i].package, name_en);
    }
}

CLSettlement *
cl_enrolment_store_settlement (CLStore     *store,
                               const char  *month,
                               GError     **error)
{
  return cl_contract_store_settlement (store, CL_CONTRACT_OBSTETRIC_ID, month, error);
}

static CLContract *
load_contract (CLStore     *store,
               const char  *contract_id,
               GError     **error)
{
  CLContract *contract = cl_contract_store_load (store, contract_id);

  if (contract == NULL)
    g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                         _("There is no such contract"));
  return contract;
}

CLSettlement *
cl_contract_store_settlement (CLStore     *store,
                              const char  *contract_id,
                              const char  *month,
                              GError     **error)
{
  g_autoptr(CLContract) contract = NULL;
  g_autoptr(GHashTable) closed = NULL;
  g_autoptr(CLSettlement) settlement = NULL;
  Rates rates = { 0 };
  guint year, mon;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (!cl_enrolment_month_parse (month, &year, &mon))
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   _("“%s” is not a month; pick one like 2026-10"), month ? month : "");
      return NULL;
    }

  /* One consistent view: the lock keeps writers on other threads out
   * of the middle of the computation. */
  cl_store_begin_read (store);
  if (!(contract = load_contract (store, contract_id, error)))
    {
      cl_store_end_read (store);
      return NULL;
    }
  closed = cl_store_billing_closed_months (store, contract_id);
  rates_load (store, contract_id, cl_contract_is_fixed_fee (contract), &rates);
  if (g_hash_table_contains (closed, month))
    settlement = load_closed_month (store, contract_id, month, error);
  else
    settlement = compute_open_month (store, contract, month, closed, &rates, error);
  if (settlement)
    {
      load_history (store, contract, settlement, closed, &rates);
      load_package_names (store, settlement);
    }
  rates_clear (&rates);
  cl_store_end_read (store);

  return g_steal_pointer (&settlement);
}

gboolean
cl_enrolment_store_close_month (CLStore     *store,
                                const char  *month,
                                const char  *role,
                                GError     **error)
{
  return cl_contract_store_close_month (store, CL_CONTRACT_OBSTETRIC_ID, month, role, error);
}

gboolean
cl_contract_store_close_month (CLStore     *store,
                               const char  *contract_id,
                               const char  *month,
                               const char  *role,
                               GError     **error)
{
  g_autoptr(CLContract) contract = NULL;
  g_autoptr(GHashTable) closed = NULL;
  g_autoptr(CLSettlement) settlement = NULL;
  g_autoptr(CLSettlementMonth) row = NULL;
  g_autoptr(JsonNode) snapshot = NULL;
  g_autofree char *snapshot_text = NULL;
  g_autofree char *next = NULL;
  g_autofree char *today_iso = NULL;
  Rates rates = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint year, mon;
  GDate today;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!cl_enrolment_check_role (role, "settlement_month", error))
    return FALSE;
  if (!cl_enrolment_month_parse (month, &year, &mon))
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   _("“%s” is not a month; pick one like 2026-10"), month ? month : "");
      return FALSE;
    }

  cl_date_today (&today);
  today_iso = cl_date_to_iso (&today);
  next = cl_enrolment_month_shift (month, 1);
  if (strcmp (today_iso, next) < 0)
    {
      g_autofree char *shown = cl_date_format_month (month);

      /* Translators: %s is a month, "October 2026" */
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   _("%s has not ended yet; a month can be closed from the first day of the next"),
                   shown);
      return FALSE;
    }

  if (!cl_store_begin (store, error))
    return FALSE;

  if (!(contract = load_contract (store, contract_id, error)))
    goto failed;
  if (cl_contract_store_month_is_closed (store, contract_id, month))
    {
      g_autofree char *message = cl_enrolment_already_closed_message (month);

      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, message);
      goto failed;
    }
  closed = cl_store_billing_closed_months (store, contract_id);

  rates_load (store, contract_id, cl_contract_is_fixed_fee (contract), &rates);
  settlement = compute_open_month (store, contract, month, closed, &rates, error);
  rates_clear (&rates);
  if (settlement == NULL)
    goto failed;
  cl_settlement_set_closed (settlement, cl_store_get_actor (store), now);
  snapshot = cl_settlement_to_json (settlement);
  snapshot_text = json_to_string (snapshot, FALSE);

  /* Reuse an open row of the month if one exists (none does today, but
   * a reopened month would leave one). */
  row = cl_store_billing_month_row (store, contract_id, month);
  if (row == NULL)
    row = cl_settlement_month_new ();
  cl_settlement_month_set_contract_id (row, contract_id);
  cl_settlement_month_set_month (row, month);
  cl_settlement_month_set_closed (row, TRUE);
  cl_settlement_month_set_closed_at (row, now);
  cl_settlement_month_set_closed_by (row, cl_store_get_actor (store));
  cl_settlement_month_set_snapshot (row, snapshot_text);
  if (!cl_store_write_record (store, CL_RECORD (row), CL_WRITE_DEFAULT, error))
    goto failed;

  return cl_store_commit (store, error);

failed:
  cl_store_rollback (store);
  return FALSE;
}

/* One dated amount of a pushed change, by the desk's own rule. */
static gboolean
amount_touches_closed_month (CLStore     *store,
                             const char  *contract_id,
                             const char  *old_date,
                             gint64       old_amount,
                             const char  *new_date,
                             gint64       new_amount,
                             gboolean     new_deleted,
                             GError     **error)
{
  g_autofree char *message = NULL;

  if (cl_enrolment_closed_month_touch (store, contract_id, old_date, old_amount, new_date,
                                       new_deleted ? 0 : new_amount,
                                       &message) == CL_CLOSED_MONTH_UNTOUCHED)
    return FALSE;
  g_set_error_literal (error, CL_ENROLMENT_ERROR, CL_ENROLMENT_ERROR_CLOSED, message);
  return TRUE;
}

static gboolean
month_refused (const char  *month,
               GError     **error)
{
  g_autofree char *message = cl_enrolment_already_closed_message (month);

  g_set_error_literal (error, CL_ENROLMENT_ERROR, CL_ENROLMENT_ERROR_CLOSED, message);
  return FALSE;
}

gboolean
cl_enrolment_store_check_change (CLStore     *store,
                                 CLRecord    *incoming,
                                 CLRecord    *current,
                                 const char  *username,
                                 const char  *role,
                                 CLRecord   **conflict,
                                 GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_RECORD (incoming), FALSE);
  g_return_val_if_fail (current == NULL || G_OBJECT_TYPE (current) == G_OBJECT_TYPE (incoming), FALSE);

  if (CL_IS_SETTLEMENT_MONTH (incoming))
    {
      CLSettlementMonth *in = CL_SETTLEMENT_MONTH (incoming);

      if (current && cl_settlement_month_get_closed (CL_SETTLEMENT_MONTH (current)))
        return month_refused (cl_settlement_month_get_month (CL_SETTLEMENT_MONTH (current)), error);
      if (cl_settlement_month_get_closed (in) &&
          cl_contract_store_month_is_closed (store, cl_settlement_month_get_contract_id (in),
                                             cl_settlement_month_get_month (in)))
        return month_refused (cl_settlement_month_get_month (in), error);
      return TRUE;
    }

  /* A record new to the store has no old date and no old amount. */
  if (CL_IS_ENROLMENT (incoming))
    {
      CLEnrolment *old = current ? CL_ENROLMENT (current) : NULL, *in = CL_ENROLMENT (incoming);

      return !amount_touches_closed_month (store, CL_CONTRACT_OBSTETRIC_ID,
                                           old ? cl_enrolment_get_paid_date (old) : NULL,
                                           old ? cl_enrolment_get_paid_fen (old) : 0,
                                           cl_enrolment_get_paid_date (in), cl_enrolment_get_paid_fen (in),
                                           cl_record_get_deleted (incoming), error) &&
             !amount_touches_closed_month (store, CL_CONTRACT_OBSTETRIC_ID,
                                           old ? cl_enrolment_get_cancel_date (old) : NULL,
                                           old ? cl_enrolment_get_refund_fen (old) : 0,
                                           cl_enrolment_get_cancel_date (in), cl_enrolment_get_refund_fen (in),
                                           cl_record_get_deleted (incoming), error);
    }
  if (CL_IS_DEDUCTION (incoming))
    {
      CLDeduction *old = current ? CL_DEDUCTION (current) : NULL, *in = CL_DEDUCTION (incoming);
      gboolean moved = old && g_strcmp0 (cl_deduction_get_contract_id (old), cl_deduction_get_contract_id (in)) != 0;

      /* One moved to another contract leaves the old one's month. */
      if (moved &&
          amount_touches_closed_month (store, cl_deduction_get_contract_id (old),
                                       cl_deduction_get_date (old), cl_deduction_get_amount_fen (old),
                                       NULL, 0, FALSE, error))
        return FALSE;
      return !amount_touches_closed_month (store, cl_deduction_get_contract_id (in),
                                           old && !moved ? cl_deduction_get_date (old) : NULL,
                                           old && !moved ? cl_deduction_get_amount_fen (old) : 0,
                                           cl_deduction_get_date (in), cl_deduction_get_amount_fen (in),
                                           cl_record_get_deleted (incoming), error);
    }
  if (CL_IS_SHARE_RATE (incoming))
    {
      g_autofree char *message = NULL;
      CLShareRate *in = CL_SHARE_RATE (incoming);

      if (!rate_touches_closed_month (store, current ? CL_SHARE_RATE (current) : NULL, in,
                                      cl_share_rate_get_effective_from (in), &message))
        return TRUE;
      g_set_error_literal (error, CL_ENROLMENT_ERROR, CL_ENROLMENT_ERROR_CLOSED, message);
      return FALSE;
    }
  return TRUE;
}
