/* cl-settlement-json.c
 *
 * A statement as JSON (a closed month's snapshot) and back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-settlement"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-money.h"
#include "cl-settlement-private.h"
#include "cl-util.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

JsonNode *
cl_settlement_to_json (CLSettlement *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (CL_IS_SETTLEMENT (self), NULL);
  g_return_val_if_fail (self->finished, NULL);

  json_builder_begin_object (b);
  add_string (b, "month", self->month);
  add_string (b, "hospital", self->hospital);
  add_string (b, "vendor", self->vendor);
  add_int (b, "gross_fen", self->gross_fen);
  add_int (b, "refunds_fen", self->refunds_fen);
  add_int (b, "fee_base_fen", cl_settlement_get_fee_base_fen (self));
  add_int (b, "share_fen", self->share_fen);
  add_int (b, "deductions_fen", self->deductions_fen);
  add_int (b, "payable_fen", cl_settlement_get_payable_fen (self));
  add_string (b, "share_rule", self->rule == CL_SETTLEMENT_RULE_FEE_BASE ? "fee-base" : "per-line");
  /* A share of the fees writes what it wrote before contracts, so its
   * statements stay byte for byte what they were. */
  if (self->fixed_fee)
    {
      add_string (b, "contract_kind", "fixed_monthly_fee");
      add_string (b, "contract_title", self->contract_title);
      add_int (b, "fee_fen", self->fee_fen);
    }

  json_builder_set_member_name (b, "periods");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->periods->len; i++)
    {
      const CLSettlementPeriod *period = &g_array_index (self->periods, CLSettlementPeriod, i);

      json_builder_begin_object (b);
      add_int (b, "rate_bp", period->rate_bp);
      add_string (b, "first_date", period->first_date);
      add_int (b, "fee_base_fen", period->fee_base_fen);
      add_int (b, "share_fen", period->share_fen);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "lines");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const CLSettlementLine *line = &g_array_index (self->lines, CLSettlementLine, i);

      json_builder_begin_object (b);
      add_string (b, "key", line->key);
      add_string (b, "kind", line->kind == CL_SETTLEMENT_PAYMENT ? "payment" : "refund");
      add_string (b, "date", line->date);
      add_string (b, "name", line->name);
      add_string (b, "package", line->package);
      add_string (b, "receipt_no", line->receipt_no);
      add_string (b, "adjustment_of", line->adjustment_of);
      add_int (b, "amount_fen", line->amount_fen);
      add_int (b, "rate_bp", line->rate_bp);
      add_int (b, "share_fen", line->share_fen);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "deductions");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->deductions->len; i++)
    {
      const CLSettlementDeduction *d = &g_array_index (self->deductions, CLSettlementDeduction, i);

      json_builder_begin_object (b);
      add_string (b, "key", d->key);
      add_string (b, "date", d->date);
      add_string (b, "reason", d->reason);
      add_string (b, "reference", d->reference);
      add_string (b, "adjustment_of", d->adjustment_of);
      add_int (b, "amount_fen", d->amount_fen);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
get_int (JsonObject *object,
         const char *name,
         gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

CLSettlement *
cl_settlement_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(CLSettlement) self = NULL;
  JsonObject *root;
  JsonArray *lines, *deductions;
  g_autoptr(GArray) stored_shares = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 expected_share = 0, expected_payable = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  root = json_node_get_object (node);
  if (get_string (root, "month") == NULL ||
      !json_object_has_member (root, "lines") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "lines")) ||
      !json_object_has_member (root, "deductions") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "deductions")))
    goto bad;

  self = cl_settlement_new (get_string (root, "month"));
  /* A statement closed before the contract's formula was applied has
   * no rule: it was closed with each line rounded, and keeps that. */
  self->rule = g_strcmp0 (get_string (root, "share_rule"), "fee-base") == 0
               ? CL_SETTLEMENT_RULE_FEE_BASE : CL_SETTLEMENT_RULE_PER_LINE;
  cl_settlement_set_hospital (self, get_string (root, "hospital"));
  if (g_strcmp0 (get_string (root, "contract_kind"), "fixed_monthly_fee") == 0)
    {
      gint64 fee;

      if (!get_int (root, "fee_fen", &fee) || fee < 0 || json_array_get_length (json_object_get_array_member (root, "lines")) > 0)
        goto bad;
      cl_settlement_set_fixed_fee (self, fee);
      cl_settlement_set_contract (self, NULL, get_string (root, "contract_title"));
    }
  cl_settlement_set_vendor (self, get_string (root, "vendor"));

  lines = json_object_get_array_member (root, "lines");
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonNode *element = json_array_get_element (lines, i);
      JsonObject *o;
      const char *kind;
      gint64 amount, rate, share;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        goto bad;
      o = json_node_get_object (element);
      kind = get_string (o, "kind");
      if (kind == NULL || !get_int (o, "amount_fen", &amount) ||
          !get_int (o, "rate_bp", &rate) || !get_int (o, "share_fen", &share) ||
          rate < 0 || rate > CL_RATE_MAX_BP)
        goto bad;
      cl_settlement_add_line_masked (self,
                       g_str_equal (kind, "refund") ? CL_SETTLEMENT_REFUND : CL_SETTLEMENT_PAYMENT,
                       get_string (o, "key"), get_string (o, "date"), get_string (o, "name"),
                       get_string (o, "package"), get_string (o, "receipt_no"),
                       amount, (gint) rate, get_string (o, "adjustment_of"));
      /* A snapshot must say what its rule computes; anything else was
       * tampered with or damaged.  Under the per-line rule each line is
       * checked here; under the fee-base rule the allocation is checked
       * once finish() has made it. */
      if (self->rule == CL_SETTLEMENT_RULE_PER_LINE &&
          g_array_index (self->lines, CLSettlementLine, self->lines->len - 1).share_fen != share)
        goto bad;
      g_array_append_val (stored_shares, share);
    }

  deductions = json_object_get_array_member (root, "deductions");
  for (guint i = 0; i < json_array_get_length (deductions); i++)
    {
      JsonNode *element = json_array_get_element (deductions, i);
      JsonObject *o;
      gint64 amount;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        goto bad;
      o = json_node_get_object (element);
      if (!get_int (o, "amount_fen", &amount))
        goto bad;
      cl_settlement_add_deduction (self, get_string (o, "key"), get_string (o, "date"), amount,
                                   get_string (o, "reason"), get_string (o, "reference"),
                                   get_string (o, "adjustment_of"));
    }

  cl_settlement_finish (self);
  if (self->rule == CL_SETTLEMENT_RULE_FEE_BASE)
    {
      g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);

      /* finish() sorted the lines: compare them by key. */
      for (guint i = 0; i < json_array_get_length (lines); i++)
        g_hash_table_insert (by_key,
                             (gpointer) (get_string (json_array_get_object_element (lines, i), "key") ?: ""),
                             &g_array_index (stored_shares, gint64, i));
      for (guint i = 0; i < self->lines->len; i++)
        {
          const CLSettlementLine *line = &g_array_index (self->lines, CLSettlementLine, i);
          const gint64 *stored = g_hash_table_lookup (by_key, line->key);

          if (stored == NULL || *stored != line->share_fen)
            goto bad;
        }
    }
  if ((get_int (root, "share_fen", &expected_share) && expected_share != self->share_fen) ||
      (get_int (root, "payable_fen", &expected_payable) &&
       expected_payable != cl_settlement_get_payable_fen (self)))
    goto bad;

  return g_steal_pointer (&self);

bad:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The saved statement of this month is damaged"));
  return NULL;
}
