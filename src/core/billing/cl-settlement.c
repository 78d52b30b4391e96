/* cl-settlement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-settlement"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cl-money.h"
#include "cl-settlement-private.h"
#include "cl-util.h"

#define HISTORY_MONTHS CL_SETTLEMENT_HISTORY_MONTHS


G_DEFINE_FINAL_TYPE (CLSettlement, cl_settlement, G_TYPE_OBJECT)

static void
cl_settlement_finalize (GObject *object)
{
  CLSettlement *self = CL_SETTLEMENT (object);

  g_clear_pointer (&self->month, g_free);
  g_clear_pointer (&self->hospital, g_free);
  g_clear_pointer (&self->vendor, g_free);
  g_clear_pointer (&self->closed_by, g_free);
  g_clear_pointer (&self->contract_id, g_free);
  g_clear_pointer (&self->contract_title, g_free);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->subtotals, g_array_unref);
  g_clear_pointer (&self->deductions, g_array_unref);
  g_clear_pointer (&self->history, g_array_unref);
  g_clear_pointer (&self->package_names, g_hash_table_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (cl_settlement_parent_class)->finalize (object);
}

static void
cl_settlement_class_init (CLSettlementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_settlement_finalize;
}

static void
cl_settlement_init (CLSettlement *self)
{
  self->strings = g_string_chunk_new (16 * 1024);
  self->lines = g_array_new (FALSE, TRUE, sizeof (CLSettlementLine));
  self->subtotals = g_array_new (FALSE, TRUE, sizeof (CLSettlementSubtotal));
  self->deductions = g_array_new (FALSE, TRUE, sizeof (CLSettlementDeduction));
  self->history = g_array_new (FALSE, TRUE, sizeof (CLSettlementHistory));
  self->periods = g_array_new (FALSE, TRUE, sizeof (CLSettlementPeriod));
  self->rule = CL_SETTLEMENT_RULE_FEE_BASE;
  self->hospital = g_strdup (_("Careline Demonstration Hospital"));
  self->vendor = g_strdup (_("Service vendor"));
}

CLSettlement *
cl_settlement_new (const char *month)
{
  CLSettlement *self;

  g_return_val_if_fail (month != NULL, NULL);

  self = g_object_new (CL_TYPE_SETTLEMENT, NULL);
  self->month = g_strdup (month);
  return self;
}

/* Strings repeat a lot (package names, months): keep one copy each. */
static const char *
intern (CLSettlement *self,
        const char   *str)
{
  return str ? g_string_chunk_insert_const (self->strings, str) : NULL;
}

char *
cl_name_mask (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  glong n = g_utf8_strlen (stripped, -1);
  GString *s;

  if (n <= 1)
    return g_strdup (n == 1 ? "*" : "");

  s = g_string_new (NULL);
  g_string_append_unichar (s, g_utf8_get_char (stripped));
  if (n == 2)
    g_string_append_c (s, '*');
  else
    {
      for (glong i = 0; i < n - 2; i++)
        g_string_append_c (s, '*');
      g_string_append (s, g_utf8_offset_to_pointer (stripped, n - 1));
    }
  return g_string_free (s, FALSE);
}

void
cl_settlement_add_line_masked (CLSettlement     *self,
                 ClSettlementKind  kind,
                 const char       *key,
                 const char       *date,
                 const char       *masked_name,
                 const char       *package,
                 const char       *receipt_no,
                 gint64            amount_fen,
                 gint              rate_bp,
                 const char       *adjustment_of)
{
  CLSettlementLine line = { 0 };

  line.key = g_string_chunk_insert (self->strings, key ? key : "");
  line.date = intern (self, date ? date : "");
  line.name = g_string_chunk_insert (self->strings, masked_name ? masked_name : "");
  line.package = intern (self, package ? package : "");
  line.receipt_no = receipt_no ? g_string_chunk_insert (self->strings, receipt_no) : NULL;
  line.adjustment_of = cl_str_empty (adjustment_of) ? NULL : intern (self, adjustment_of);
  line.kind = kind;
  line.amount_fen = amount_fen;
  line.rate_bp = rate_bp;
  line.share_fen = cl_money_share (amount_fen, rate_bp);
  g_array_append_val (self->lines, line);
}

void
cl_settlement_add_line (CLSettlement     *self,
                        ClSettlementKind  kind,
                        const char       *key,
                        const char       *date,
                        const char       *name,
                        const char       *package,
                        const char       *receipt_no,
                        gint64            amount_fen,
                        gint              rate_bp,
                        const char       *adjustment_of)
{
  g_autofree char *masked = NULL;

  g_return_if_fail (CL_IS_SETTLEMENT (self));
  g_return_if_fail (!self->finished);
  g_return_if_fail (amount_fen >= 0);

  masked = cl_name_mask (name);
  cl_settlement_add_line_masked (self, kind, key, date, masked, package, receipt_no,
                   kind == CL_SETTLEMENT_REFUND ? -amount_fen : amount_fen,
                   rate_bp, adjustment_of);
}

void
cl_settlement_add_deduction (CLSettlement *self,
                             const char   *key,
                             const char   *date,
                             gint64        amount_fen,
                             const char   *reason,
                             const char   *reference,
                             const char   *adjustment_of)
{
  CLSettlementDeduction d = { 0 };

  g_return_if_fail (CL_IS_SETTLEMENT (self));
  g_return_if_fail (!self->finished);

  d.key = g_string_chunk_insert (self->strings, key ? key : "");
  d.date = intern (self, date ? date : "");
  d.reason = g_string_chunk_insert (self->strings, reason ? reason : "");
  d.reference = cl_str_empty (reference) ? NULL : g_string_chunk_insert (self->strings, reference);
  d.adjustment_of = cl_str_empty (adjustment_of) ? NULL : intern (self, adjustment_of);
  d.amount_fen = amount_fen;
  g_array_append_val (self->deductions, d);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const CLSettlementLine *x = a, *y = b;
  int c;

  /* Late entries first (they belong to an earlier month), then by date;
   * on one day payments before refunds; the key keeps it stable. */
  if ((x->adjustment_of != NULL) != (y->adjustment_of != NULL))
    return x->adjustment_of ? -1 : 1;
  if ((c = strcmp (x->date, y->date)) != 0)
    return c;
  if (x->kind != y->kind)
    return x->kind == CL_SETTLEMENT_PAYMENT ? -1 : 1;
  return strcmp (x->key, y->key);
}

static int
compare_deductions (gconstpointer a,
                    gconstpointer b)
{
  const CLSettlementDeduction *x = a, *y = b;
  int c = strcmp (x->date, y->date);

  return c ? c : strcmp (x->key, y->key);
}

static int
compare_subtotals (gconstpointer a,
                   gconstpointer b)
{
  const CLSettlementSubtotal *x = a, *y = b;

  return g_utf8_collate (x->package, y->package);
}

/* The chart ends with this month's own bar. */
static void
append_own_history (CLSettlement *self)
{
  CLSettlementHistory own = { .gross_fen = self->gross_fen,
                              .payable_fen = cl_settlement_get_payable_fen (self),
                              .closed = self->closed };

  g_strlcpy (own.month, self->month, sizeof own.month);
  for (guint i = self->history->len; i > 0; i--)
    if (strcmp (g_array_index (self->history, CLSettlementHistory, i - 1).month, self->month) >= 0)
      g_array_remove_index (self->history, i - 1);
  g_array_append_val (self->history, own);
  if (self->history->len > HISTORY_MONTHS)
    g_array_remove_range (self->history, 0, self->history->len - HISTORY_MONTHS);
}

/* Floor division by 10 000 of a signed numerator, with its remainder in
 * [0, 10 000). */
static gint64
floor_div_10000 (gint64  numerator,
                 gint64 *remainder)
{
  gint64 q = numerator / 10000;
  gint64 r = numerator % 10000;

  if (r < 0)
    {
      q -= 1;
      r += 10000;
    }
  *remainder = r;
  return q;
}

typedef struct
{
  guint  line;
  gint64 remainder;
} Remainder;

static int
compare_remainders (gconstpointer a,
                    gconstpointer b)
{
  const Remainder *ra = a, *rb = b;

  /* Largest first; between equals, the earlier line first, so the
   * allocation does not depend on the sort's stability. */
  if (ra->remainder != rb->remainder)
    return ra->remainder > rb->remainder ? -1 : 1;
  return ra->line < rb->line ? -1 : ra->line > rb->line;
}

/* The contract's formula: the vendor's share of each rate period is
 * the period's fee base (payments − refunds, a refund counted at its
 * payment's rate) × the rate, rounded half up to the fen once.  The
 * lines' shares are that amount handed out by largest remainder: each
 * line gets its exact share rounded down, and the fen left over go to
 * the lines whose exact shares lost most, so the lines add up to the
 * period's share exactly (README, "Settlement").  Statements closed
 * under the old rule (each line rounded, the share their sum) keep
 * their lines as they are. */
static void
share_by_period (CLSettlement *self)
{
  g_array_set_size (self->periods, 0);

  for (guint i = 0; i < self->lines->len; i++)
    {
      CLSettlementLine *line = &g_array_index (self->lines, CLSettlementLine, i);
      CLSettlementPeriod *period = NULL;

      for (guint p = 0; p < self->periods->len; p++)
        if (g_array_index (self->periods, CLSettlementPeriod, p).rate_bp == line->rate_bp)
          period = &g_array_index (self->periods, CLSettlementPeriod, p);
      if (period == NULL)
        {
          CLSettlementPeriod empty = { .rate_bp = line->rate_bp, .first_date = line->date };

          g_array_append_val (self->periods, empty);
          period = &g_array_index (self->periods, CLSettlementPeriod, self->periods->len - 1);
        }
      period->n_lines++;
      period->fee_base_fen += line->amount_fen;
      if (self->rule == CL_SETTLEMENT_RULE_PER_LINE)
        period->share_fen += line->share_fen;
    }

  if (self->rule == CL_SETTLEMENT_RULE_PER_LINE)
    return;

  for (guint p = 0; p < self->periods->len; p++)
    {
      CLSettlementPeriod *period = &g_array_index (self->periods, CLSettlementPeriod, p);
      g_autoptr(GArray) remainders = g_array_sized_new (FALSE, FALSE, sizeof (Remainder), period->n_lines);
      gint64 floors = 0, left;

      period->share_fen = cl_money_share (period->fee_base_fen, period->rate_bp);
      for (guint i = 0; i < self->lines->len; i++)
        {
          CLSettlementLine *line = &g_array_index (self->lines, CLSettlementLine, i);
          Remainder r = { .line = i };

          if (line->rate_bp != period->rate_bp)
            continue;
          line->share_fen = floor_div_10000 (line->amount_fen * line->rate_bp, &r.remainder);
          floors += line->share_fen;
          g_array_append_val (remainders, r);
        }

      /* 0 ≤ left ≤ the number of lines: the period's share is its exact
       * share rounded, the floors fall short of the exact share by less
       * than one fen a line. */
      left = period->share_fen - floors;
      g_assert (left >= 0 && left <= (gint64) remainders->len);
      g_array_sort (remainders, compare_remainders);
      for (guint k = 0; k < (guint) left; k++)
        g_array_index (self->lines, CLSettlementLine,
                       g_array_index (remainders, Remainder, k).line).share_fen += 1;
    }
}

void
cl_settlement_finish (CLSettlement *self)
{
  g_autoptr(GHashTable) by_package = NULL;

  g_return_if_fail (CL_IS_SETTLEMENT (self));
  g_return_if_fail (!self->finished);

  g_array_sort (self->lines, compare_lines);
  g_array_sort (self->deductions, compare_deductions);
  share_by_period (self);

  /* Package names are interned, so the pointer is the key. */
  by_package = g_hash_table_new (NULL, NULL);
  self->gross_fen = self->refunds_fen = self->share_fen = self->deductions_fen = 0;
  for (guint i = 0; i < self->lines->len; i++)
    {
      const CLSettlementLine *line = &g_array_index (self->lines, CLSettlementLine, i);
      gpointer index_plus_one = g_hash_table_lookup (by_package, line->package);
      CLSettlementSubtotal *sub;

      if (index_plus_one == NULL)
        {
          CLSettlementSubtotal empty = { .package = line->package };

          g_array_append_val (self->subtotals, empty);
          index_plus_one = GUINT_TO_POINTER (self->subtotals->len);
          g_hash_table_insert (by_package, (gpointer) line->package, index_plus_one);
        }
      sub = &g_array_index (self->subtotals, CLSettlementSubtotal,
                            GPOINTER_TO_UINT (index_plus_one) - 1);

      if (line->kind == CL_SETTLEMENT_PAYMENT)
        {
          sub->n_payments++;
          sub->gross_fen += line->amount_fen;
          self->gross_fen += line->amount_fen;
        }
      else
        {
          sub->n_refunds++;
          sub->refunds_fen -= line->amount_fen;
          self->refunds_fen -= line->amount_fen;
        }
      sub->share_fen += line->share_fen;
      self->share_fen += line->share_fen;
    }
  g_array_sort (self->subtotals, compare_subtotals);

  for (guint i = 0; i < self->deductions->len; i++)
    self->deductions_fen += g_array_index (self->deductions, CLSettlementDeduction, i).amount_fen;

  self->finished = TRUE;
  append_own_history (self);
}


void
cl_settlement_set_history (CLSettlement              *self,
                           const CLSettlementHistory *months,
                           guint                      n_months)
{
  g_return_if_fail (CL_IS_SETTLEMENT (self));

  g_array_set_size (self->history, 0);
  g_array_append_vals (self->history, months, n_months);
  if (self->finished)
    append_own_history (self);
}

void
cl_settlement_set_closed (CLSettlement *self,
                          const char   *closed_by,
                          gint64        closed_at)
{
  g_return_if_fail (CL_IS_SETTLEMENT (self));

  self->closed = TRUE;
  cl_set_str (&self->closed_by, closed_by);
  self->closed_at = closed_at;
  if (self->finished && self->history->len > 0)
    g_array_index (self->history, CLSettlementHistory, self->history->len - 1).closed = TRUE;
}

void
cl_settlement_set_hospital (CLSettlement *self,
                            const char   *name)
{
  g_return_if_fail (CL_IS_SETTLEMENT (self));
  if (!cl_str_empty (name))
    cl_set_str (&self->hospital, name);
}

void
cl_settlement_set_vendor (CLSettlement *self,
                          const char   *name)
{
  g_return_if_fail (CL_IS_SETTLEMENT (self));
  if (!cl_str_empty (name))
    cl_set_str (&self->vendor, name);
}

#define GETTER(type, field, fallback)                         \
  type                                                        \
  cl_settlement_get_##field (CLSettlement *self)              \
  {                                                           \
    g_return_val_if_fail (CL_IS_SETTLEMENT (self), fallback); \
    return self->field;                                       \
  }

GETTER (const char *, month, NULL)
GETTER (const char *, hospital, NULL)

void
cl_settlement_set_package_name (CLSettlement *self,
                                const char   *package,
                                const char   *shown)
{
  g_return_if_fail (CL_IS_SETTLEMENT (self));
  g_return_if_fail (package != NULL && shown != NULL);

  if (self->package_names == NULL)
    self->package_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (self->package_names, g_strdup (package), g_strdup (shown));
}

const char *
cl_settlement_package_display_name (CLSettlement *self,
                                    const char   *package)
{
  const char *shown;

  g_return_val_if_fail (CL_IS_SETTLEMENT (self), package);

  if (package && self->package_names
      && (shown = g_hash_table_lookup (self->package_names, package)))
    return shown;
  return package;
}
GETTER (const char *, vendor, NULL)
GETTER (gboolean, closed, FALSE)
GETTER (const char *, closed_by, NULL)
GETTER (gint64, closed_at, 0)
GETTER (gint64, gross_fen, 0)
GETTER (gint64, refunds_fen, 0)
GETTER (gint64, share_fen, 0)
GETTER (gint64, deductions_fen, 0)

#undef GETTER

gint64
cl_settlement_get_fee_base_fen (CLSettlement *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT (self), 0);
  return self->gross_fen - self->refunds_fen;
}

gint64
cl_settlement_get_payable_fen (CLSettlement *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT (self), 0);

  /* The contract of a fixed fee: the fee less the deductions, but a
   * month's deductions never make the hospital bill the vendor. */
  if (self->fixed_fee)
    return MAX (self->fee_fen - self->deductions_fen, 0);
  return self->share_fen - self->deductions_fen;
}

void
cl_settlement_set_contract (CLSettlement *self,
                            const char   *contract_id,
                            const char   *title)
{
  g_return_if_fail (CL_IS_SETTLEMENT (self));

  cl_set_str (&self->contract_id, contract_id);
  if (title != NULL)
    cl_set_str (&self->contract_title, title);
}

const char *
cl_settlement_get_contract_id (CLSettlement *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT (self), NULL);
  return self->contract_id;
}

const char *
cl_settlement_get_contract_title (CLSettlement *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT (self), NULL);
  return self->contract_title;
}

void
cl_settlement_set_fixed_fee (CLSettlement *self,
                             gint64        fee_fen)
{
  g_return_if_fail (CL_IS_SETTLEMENT (self));
  g_return_if_fail (!self->finished);
  g_return_if_fail (fee_fen >= 0);

  self->fixed_fee = TRUE;
  self->fee_fen = fee_fen;
}

gboolean
cl_settlement_is_fixed_fee (CLSettlement *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT (self), FALSE);
  return self->fixed_fee;
}

gint64
cl_settlement_get_fee_fen (CLSettlement *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT (self), 0);
  return self->fee_fen;
}

gboolean
cl_settlement_get_deductions_exceed_fee (CLSettlement *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT (self), FALSE);
  return self->fixed_fee && self->deductions_fen > self->fee_fen;
}

#define ARRAY_GETTER(type, field)                                         \
  const type *                                                            \
  cl_settlement_get_##field (CLSettlement *self,                          \
                             guint        *n)                             \
  {                                                                       \
    g_return_val_if_fail (CL_IS_SETTLEMENT (self), NULL);                 \
    if (n)                                                                \
      *n = self->field->len;                                              \
    return (const type *) (gpointer) self->field->data;                   \
  }

ARRAY_GETTER (CLSettlementLine, lines)
ARRAY_GETTER (CLSettlementSubtotal, subtotals)
ARRAY_GETTER (CLSettlementDeduction, deductions)
ARRAY_GETTER (CLSettlementHistory, history)

#undef ARRAY_GETTER

const CLSettlementPeriod *
cl_settlement_get_periods (CLSettlement *self,
                           guint        *n_periods)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT (self), NULL);
  g_return_val_if_fail (self->finished, NULL);

  if (n_periods)
    *n_periods = self->periods->len;
  return (const CLSettlementPeriod *) self->periods->data;
}

ClSettlementRule
cl_settlement_get_rule (CLSettlement *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT (self), CL_SETTLEMENT_RULE_FEE_BASE);

  return self->rule;
}
