/* cl-store-billing.c
 *
 * Billing's reads (cl-store-billing.h): packages, enrolments,
 * deductions and share rates as records, and the rows a month's
 * statement is computed from (payments, refunds, deductions, the
 * closed months' snapshots).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-enrolment-store"

#include "config.h"

#include "cl-store-billing.h"
#include "cl-store-private.h"

GPtrArray *
cl_store_billing_packages (CLStore  *store,
                           gboolean  include_inactive)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_PACKAGE,
                                 include_inactive
                                   ? "deleted = 0 ORDER BY price_fen DESC, code"
                                   : "deleted = 0 AND active = 1 ORDER BY price_fen DESC, code",
                                 NULL);
}

/* Runs @sql with text parameters and returns the first column of the
 * first row as an integer (0 when there is no row). */
static gint64
query_int (CLStore    *store,
           const char *sql,
           const char *param1,
           const char *param2,
           const char *param3)
{
  sqlite3_stmt *stmt;
  gint64 value = 0;

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, sql, NULL)))
    {
      if (param1)
        sqlite3_bind_text (stmt, 1, param1, -1, SQLITE_TRANSIENT);
      if (param2)
        sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_TRANSIENT);
      if (param3)
        sqlite3_bind_text (stmt, 3, param3, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return value;
}

char *
cl_store_billing_enrolment_package_name_en (CLStore    *store,
                                            const char *enrolment_id)
{
  sqlite3_stmt *stmt;
  char *name_en = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store,
                                "SELECT k.name_en FROM enrolment e"
                                " JOIN package k ON k.id = e.package_id AND k.deleted = 0"
                                " WHERE e.id = ?1", NULL)))
    {
      sqlite3_bind_text (stmt, 1, enrolment_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
        name_en = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return name_en;
}

gboolean
cl_store_billing_package_code_taken (CLStore    *store,
                                     const char *code,
                                     const char *package_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  return query_int (store,
                    "SELECT count(*) FROM package WHERE code = ?1 AND id != ?2 AND deleted = 0",
                    code, package_id, NULL) > 0;
}

GPtrArray *
cl_store_billing_enrolments (CLStore    *store,
                             const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_ENROLMENT,
                                 "patient_id = ?1 AND deleted = 0 ORDER BY agreement_date DESC",
                                 patient_id, NULL);
}

GPtrArray *
cl_store_billing_share_rates (CLStore    *store,
                              const char *contract_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_SHARE_RATE,
                                 "contract_id = ?1 AND deleted = 0 ORDER BY effective_from, updated_at",
                                 contract_id, NULL);
}

#define CONTRACT_ORDER \
  " ORDER BY CASE id WHEN '" CL_CONTRACT_OBSTETRIC_ID "' THEN 0" \
  " WHEN '" CL_CONTRACT_GUIDE_DESK_ID "' THEN 1 ELSE 2 END, title, id"

GPtrArray *
cl_store_billing_contracts (CLStore  *store,
                            gboolean  include_inactive)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* The shipped contracts first, in the order they were seeded. */
  return cl_store_query_records (store, CL_TYPE_CONTRACT,
                                 include_inactive ? "deleted = 0" CONTRACT_ORDER
                                                  : "deleted = 0 AND active = 1" CONTRACT_ORDER,
                                 NULL);
}

void
cl_store_billing_load_rates (CLStore    *store,
                             const char *contract_id,
                             gboolean    fees,
                             GPtrArray **dates,
                             GArray    **rates_bp)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (CL_IS_STORE (store));

  *dates = g_ptr_array_new_with_free_func (g_free);
  *rates_bp = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Two rates from one date: the one written last wins. */
  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store,
                                "SELECT effective_from, rate_bp, fee_fen FROM share_rate"
                                " WHERE deleted = 0 AND effective_from IS NOT NULL AND contract_id = ?1"
                                " ORDER BY effective_from, updated_at, rowid", NULL)))
    {
      sqlite3_bind_text (stmt, 1, contract_id, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 bp = sqlite3_column_int64 (stmt, fees ? 2 : 1);

          g_ptr_array_add (*dates, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          g_array_append_val (*rates_bp, bp);
        }
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
}

gboolean
cl_store_billing_month_closed (CLStore    *store,
                               const char *contract_id,
                               const char *month)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  return query_int (store,
                    "SELECT count(*) FROM settlement_month"
                    " WHERE month = ?1 AND contract_id = ?2 AND closed = 1 AND deleted = 0",
                    month, contract_id, NULL) > 0;
}

GHashTable *
cl_store_billing_closed_months (CLStore    *store,
                                const char *contract_id)
{
  GHashTable *closed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), closed);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store,
                                "SELECT DISTINCT month FROM settlement_month"
                                " WHERE closed = 1 AND deleted = 0 AND month IS NOT NULL"
                                " AND contract_id = ?1", NULL)))
    {
      sqlite3_bind_text (stmt, 1, contract_id, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (closed, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return closed;
}

CLSettlementMonth *
cl_store_billing_closed_month (CLStore    *store,
                               const char *contract_id,
                               const char *month)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* Two desks closing one month while offline: the first close counts. */
  rows = cl_store_query_records (store, CL_TYPE_SETTLEMENT_MONTH,
                                 "month = ?1 AND contract_id = ?2 AND closed = 1 AND deleted = 0"
                                 " ORDER BY closed_at, id LIMIT 1",
                                 month, contract_id, NULL);
  return rows->len ? g_object_ref (g_ptr_array_index (rows, 0)) : NULL;
}

CLSettlementMonth *
cl_store_billing_month_row (CLStore    *store,
                            const char *contract_id,
                            const char *month)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  rows = cl_store_query_records (store, CL_TYPE_SETTLEMENT_MONTH,
                                 "month = ?1 AND contract_id = ?2 AND deleted = 0 LIMIT 1",
                                 month, contract_id, NULL);
  return rows->len ? g_object_ref (g_ptr_array_index (rows, 0)) : NULL;
}

gboolean
cl_store_billing_closed_totals (CLStore    *store,
                                const char *contract_id,
                                const char *month,
                                gint64     *gross_fen,
                                gint64     *payable_fen)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store,
                                "SELECT json_extract (snapshot, '$.gross_fen'),"
                                "       json_extract (snapshot, '$.payable_fen')"
                                " FROM settlement_month WHERE month = ?1 AND contract_id = ?2 AND closed = 1"
                                " AND deleted = 0 ORDER BY closed_at, id LIMIT 1", NULL)))
    {
      sqlite3_bind_text (stmt, 1, month, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, contract_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *gross_fen = sqlite3_column_int64 (stmt, 0);
          *payable_fen = sqlite3_column_int64 (stmt, 1);
          found = TRUE;
        }
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return found;
}

GHashTable *
cl_store_billing_settled_keys (CLStore    *store,
                               const char *contract_id,
                               const char *from_month,
                               const char *to_month)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), keys);

  if (g_strcmp0 (from_month, to_month) >= 0)
    return keys;

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store,
                                "SELECT json_extract (l.value, '$.key')"
                                " FROM settlement_month s, json_each (s.snapshot, '$.lines') l"
                                " WHERE s.closed = 1 AND s.deleted = 0 AND s.month >= ?1 AND s.month < ?2"
                                " AND s.contract_id = ?3"
                                " UNION ALL "
                                "SELECT json_extract (d.value, '$.key')"
                                " FROM settlement_month s, json_each (s.snapshot, '$.deductions') d"
                                " WHERE s.closed = 1 AND s.deleted = 0 AND s.month >= ?1 AND s.month < ?2"
                                " AND s.contract_id = ?3",
                                NULL)))
    {
      sqlite3_bind_text (stmt, 3, contract_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 1, from_month, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to_month, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (sqlite3_column_text (stmt, 0))
          g_hash_table_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return keys;
}

static const char * const source_sql[] = {
  [CL_BILLING_PAYMENTS] =
    "SELECT e.id, e.paid_date, p.name, k.name, e.receipt_no, e.paid_fen, e.paid_date"
    " FROM enrolment e"
    " LEFT JOIN patient p ON p.id = e.patient_id"
    " LEFT JOIN package k ON k.id = e.package_id"
    " WHERE e.deleted = 0 AND e.paid_fen > 0 AND e.paid_date >= ?1 AND e.paid_date < ?2",
  [CL_BILLING_REFUNDS] =
    "SELECT e.id, e.cancel_date, p.name, k.name, e.receipt_no, e.refund_fen, e.paid_date"
    " FROM enrolment e"
    " LEFT JOIN patient p ON p.id = e.patient_id"
    " LEFT JOIN package k ON k.id = e.package_id"
    " WHERE e.deleted = 0 AND e.refund_fen > 0 AND e.cancel_date >= ?1 AND e.cancel_date < ?2",
  [CL_BILLING_DEDUCTIONS] =
    "SELECT id, date, reason, reference, NULL, amount_fen, NULL"
    " FROM deduction"
    " WHERE deleted = 0 AND amount_fen > 0 AND date >= ?1 AND date < ?2 AND contract_id = ?3",
};

gboolean
cl_store_billing_foreach_entry (CLStore             *store,
                                const char          *contract_id,
                                ClBillingSource      source,
                                const char          *from,
                                const char          *to,
                                ClBillingEntryFunc   func,
                                gpointer             user_data,
                                GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (source <= CL_BILLING_DEDUCTIONS, FALSE);

  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, source_sql[source], error)))
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  if (source == CL_BILLING_DEDUCTIONS)
    sqlite3_bind_text (stmt, 3, contract_id, -1, SQLITE_TRANSIENT);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClBillingEntry entry = {
        .id = (const char *) sqlite3_column_text (stmt, 0),
        .date = (const char *) sqlite3_column_text (stmt, 1),
        .label = (const char *) sqlite3_column_text (stmt, 2),
        .detail = (const char *) sqlite3_column_text (stmt, 3),
        .receipt = (const char *) sqlite3_column_text (stmt, 4),
        .amount_fen = sqlite3_column_int64 (stmt, 5),
        .paid_date = (const char *) sqlite3_column_text (stmt, 6),
      };

      ok = func (&entry, user_data, error);
    }
  if (ok && rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      ok = FALSE;
    }
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  return ok;
}
