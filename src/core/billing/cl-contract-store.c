/* cl-contract-store.c
 *
 * Contracts, and each contract's rates or fees and deductions: their
 * rules and saves (cl-contract-store.h, cl-enrolment-store.h).  The
 * statements are in cl-enrolment-settlement.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-contract-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-contract-store.h"
#include "cl-date.h"
#include "cl-enrolment-store-private.h"
#include "cl-money.h"
#include "cl-record-rules.h"
#include "cl-store-billing.h"
#include "cl-store-save.h"
#include "cl-util.h"

#define refuse cl_enrolment_refuse

/* Contracts */

GPtrArray *
cl_contract_store_list (CLStore  *store,
                        gboolean  include_inactive)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_billing_contracts (store, include_inactive);
}

CLContract *
cl_contract_store_load (CLStore    *store,
                        const char *id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_load_live (store, CL_TYPE_CONTRACT, id);
}

void
cl_contract_store_validate (CLStore    *store,
                            CLContract *contract,
                            GHashTable *errors)
{
  g_autofree char *title = NULL;
  g_autoptr(CLContract) stored = NULL;
  const char *kind;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_CONTRACT (contract));

  title = g_strstrip (g_strdup (cl_contract_get_title (contract) ?: ""));
  if (*title == '\0')
    refuse (errors, "title", g_strdup (_("Enter the contract’s title")));
  kind = cl_contract_get_kind (contract);
  if (!cl_contract_kind_known (kind))
    refuse (errors, "kind", g_strdup (_("Choose how the contract is paid: a share of the package fees or a fixed monthly fee")));
  /* The package fees are the obstetric contract's: a second contract
   * sharing them would count every payment twice. */
  else if (g_str_equal (kind, CL_CONTRACT_SHARE_OF_FEES) &&
           g_strcmp0 (cl_record_get_id (CL_RECORD (contract)), CL_CONTRACT_OBSTETRIC_ID) != 0)
    refuse (errors, "kind", g_strdup (_("Only the obstetric contract is paid a share of the package fees")));

  /* A closed month's statement was made under the kind it had. */
  stored = cl_store_load_live (store, CL_TYPE_CONTRACT, cl_record_get_id (CL_RECORD (contract)));
  if (stored && g_strcmp0 (cl_contract_get_kind (stored), kind) != 0)
    {
      g_autoptr(GHashTable) closed = cl_store_billing_closed_months (store, cl_record_get_id (CL_RECORD (stored)));

      if (g_hash_table_size (closed) > 0)
        refuse (errors, "kind", g_strdup (_("This contract has closed months: how it is paid can no longer change")));
    }
}

gboolean
cl_contract_store_save (CLStore     *store,
                        CLContract  *contract,
                        const char  *role,
                        GHashTable **field_errors,
                        GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *title = NULL;
  g_autofree char *vendor = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_CONTRACT (contract), FALSE);

  cl_contract_store_validate (store, contract, errors);
  if (g_hash_table_size (errors) == 0)
    {
      title = g_strstrip (g_strdup (cl_contract_get_title (contract)));
      vendor = g_strstrip (g_strdup (cl_contract_get_vendor (contract) ?: ""));
      cl_contract_set_title (contract, title);
      cl_contract_set_vendor (contract, *vendor ? vendor : NULL);
    }
  return cl_store_save_checked (store, CL_RECORD (contract), role, errors, field_errors, error);
}

/* Rates and fees */

GPtrArray *
cl_contract_store_rate_history (CLStore    *store,
                                const char *contract_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_billing_share_rates (store, contract_id);
}

gboolean
cl_contract_store_fee_in (CLStore     *store,
                          const char  *contract_id,
                          const char  *month,
                          gint64      *out_fee_fen,
                          GError     **error)
{
  g_autoptr(GPtrArray) dates = NULL;
  g_autoptr(GArray) fees = NULL;
  g_autofree char *first = g_strdup_printf ("%s-01", month);
  gint found = -1;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  cl_store_billing_load_rates (store, contract_id, TRUE, &dates, &fees);
  for (guint i = 0; i < dates->len; i++)
    if (strcmp (g_ptr_array_index (dates, i), first) <= 0)
      found = i;
  if (found < 0)
    {
      g_autofree char *shown = cl_date_format_month (month);

      /* Translators: %s is a month, "October 2026" */
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   _("No monthly fee is in force in %s; enter the fee that applies from that month first"),
                   shown);
      return FALSE;
    }
  if (out_fee_fen)
    *out_fee_fen = g_array_index (fees, gint64, found);
  return TRUE;
}

void
cl_enrolment_store_validate_rate (CLStore     *store,
                                  CLShareRate *rate,
                                  GHashTable  *errors)
{
  g_autoptr(CLContract) contract = NULL;
  gint bp;
  gint64 fee;
  GDate from;
  gboolean fixed;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_SHARE_RATE (rate));
  g_return_if_fail (errors != NULL);

  contract = cl_contract_store_load (store, cl_share_rate_get_contract_id (rate));
  if (contract == NULL)
    {
      refuse (errors, "contract_id", g_strdup (_("Choose the contract")));
      return;
    }
  fixed = cl_contract_is_fixed_fee (contract);
  bp = cl_share_rate_get_rate_bp (rate);
  fee = cl_share_rate_get_fee_fen (rate);

  if (fixed)
    {
      /* The rule the server applies to every money field, in its words. */
      char *message = cl_record_rules_money_message (fee);

      if (message)
        refuse (errors, "fee_fen", message);
      if (bp != 0)
        refuse (errors, "rate_bp", g_strdup (_("A contract paid a fixed monthly fee has no share rate")));
    }
  else
    {
      if (bp < 0)
        refuse (errors, "rate_bp", g_strdup (_("A rate cannot be negative")));
      else if (bp > CL_RATE_MAX_BP)
        refuse (errors, "rate_bp", g_strdup (_("A rate cannot be more than 100 %")));
      if (fee != 0)
        refuse (errors, "fee_fen", g_strdup (_("A contract paid a share of the fees has no monthly fee")));
    }

  if (!cl_enrolment_parse_date (cl_share_rate_get_effective_from (rate), &from))
    refuse (errors, "effective_from",
            g_strdup (fixed ? _("Enter the month from which the fee applies")
                            : _("Enter the date from which the rate applies")));
  else if (fixed && g_date_get_day (&from) != 1)
    refuse (errors, "effective_from", g_strdup (_("A monthly fee applies from the first day of a month")));
  else
    {
      g_autofree char *iso = cl_date_to_iso (&from);

      cl_share_rate_set_effective_from (rate, iso);
    }
}

/* Deductions */

void
cl_enrolment_store_validate_deduction (CLStore     *store,
                                       CLDeduction *deduction,
                                       GHashTable  *errors)
{
  g_autofree char *reason = NULL;
  g_autofree char *money = NULL;
  gint64 amount = cl_deduction_get_amount_fen (deduction);
  GDate date;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_DEDUCTION (deduction));
  g_return_if_fail (errors != NULL);

  if (!cl_store_has_live (store, CL_TYPE_CONTRACT, cl_deduction_get_contract_id (deduction)))
    refuse (errors, "contract_id", g_strdup (_("Choose the contract")));
  /* The rule the server applies to every money field, in its words. */
  if ((money = cl_record_rules_money_message (amount)))
    refuse (errors, "amount_fen", g_steal_pointer (&money));
  else if (amount == 0)
    refuse (errors, "amount_fen", g_strdup (_("Enter the amount deducted")));
  if (!cl_enrolment_parse_date (cl_deduction_get_date (deduction), &date))
    refuse (errors, "date", g_strdup (_("Enter the date of the deduction")));
  else
    {
      g_autofree char *iso = cl_date_to_iso (&date);

      cl_deduction_set_date (deduction, iso);
    }
  reason = g_strstrip (g_strdup (cl_deduction_get_reason (deduction) ? cl_deduction_get_reason (deduction) : ""));
  if (*reason == '\0')
    refuse (errors, "reason", g_strdup (_("Enter the reason for the deduction")));
}

gboolean
cl_enrolment_store_save_deduction (CLStore      *store,
                                   CLDeduction  *deduction,
                                   const char   *role,
                                   GError      **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLDeduction) stored = NULL;
  g_autofree char *reason = NULL;
  gint64 amount = cl_deduction_get_amount_fen (deduction);

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DEDUCTION (deduction), FALSE);

  if (!cl_enrolment_check_role (role, "deduction", error))
    return FALSE;

  cl_enrolment_store_validate_deduction (store, deduction, errors);

  stored = (CLDeduction *) cl_store_load_record (store, CL_TYPE_DEDUCTION,
                                                 cl_record_get_id (CL_RECORD (deduction)), NULL);
  /* A deduction moved to another contract leaves the old one's month
   * and enters the new one's: both must be open. */
  if (g_hash_table_size (errors) == 0 && stored &&
      g_strcmp0 (cl_deduction_get_contract_id (stored), cl_deduction_get_contract_id (deduction)) != 0)
    cl_enrolment_refuse_in_closed_month (store, cl_deduction_get_contract_id (stored), errors,
                                         "amount_fen", "date",
                                         cl_deduction_get_date (stored), cl_deduction_get_amount_fen (stored),
                                         NULL, 0);
  if (g_hash_table_size (errors) == 0)
    cl_enrolment_refuse_in_closed_month (store, cl_deduction_get_contract_id (deduction), errors,
                                         "amount_fen", "date",
                                         stored && g_strcmp0 (cl_deduction_get_contract_id (stored),
                                                              cl_deduction_get_contract_id (deduction)) == 0
                                           ? cl_deduction_get_date (stored) : NULL,
                                         stored && g_strcmp0 (cl_deduction_get_contract_id (stored),
                                                              cl_deduction_get_contract_id (deduction)) == 0
                                           ? cl_deduction_get_amount_fen (stored) : 0,
                                         cl_deduction_get_date (deduction),
                                         cl_record_get_deleted (CL_RECORD (deduction)) ? 0 : amount);

  if (g_hash_table_size (errors) > 0)
    return cl_enrolment_fail_with (errors, NULL, error);

  reason = g_strstrip (g_strdup (cl_deduction_get_reason (deduction)));
  cl_deduction_set_reason (deduction, reason);
  return cl_store_save_record (store, CL_RECORD (deduction), error);
}
