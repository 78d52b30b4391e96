/* cl-settlement-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A statement as text: its rates for a heading, a line's kind in words,
 * and the CSV export, all from the statement's public accessors. */

#define G_LOG_DOMAIN "cl-settlement"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "cl-date.h"
#include "cl-money.h"
#include "cl-settlement.h"
#include "cl-util.h"

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const gint *) a - *(const gint *) b;
}

char *
cl_settlement_format_rates (CLSettlement *self)
{
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (gint));
  GString *s = g_string_new (NULL);
  const CLSettlementLine *lines;
  guint n_lines;

  g_return_val_if_fail (CL_IS_SETTLEMENT (self), NULL);

  lines = cl_settlement_get_lines (self, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      gint rate = lines[i].rate_bp;
      gboolean seen = FALSE;

      /* A month has one or two rates, so a linear look is enough. */
      for (guint j = 0; j < rates->len && !seen; j++)
        seen = g_array_index (rates, gint, j) == rate;
      if (!seen)
        g_array_append_val (rates, rate);
    }
  g_array_sort (rates, compare_int);
  for (guint i = 0; i < rates->len; i++)
    {
      g_autofree char *text = cl_rate_format (g_array_index (rates, gint, i));

      g_string_append_printf (s, "%s%s", i ? " / " : "", text);
    }
  return g_string_free (s, FALSE);
}

char *
cl_settlement_line_describe_kind (const CLSettlementLine *line)
{
  const char *kind;

  g_return_val_if_fail (line != NULL, NULL);

  kind = line->kind == CL_SETTLEMENT_PAYMENT ? C_("settlement line", "Payment")
                                             : C_("settlement line", "Refund");
  if (line->adjustment_of)
    {
      g_autofree char *month = cl_date_format_month (line->adjustment_of);

      /* Translators: a payment or refund entered after its month was
       * closed, settled in this month instead; %2$s is a month,
       * "September 2026" */
      return g_strdup_printf (_("%1$s (late, for %2$s)"), kind, month);
    }
  return g_strdup (kind);
}

/* JSON snapshot.  Member names are part of what closed months keep,
 * so they never change; a new field is optional on reading. */

/* RFC 4180: quote a field that has a comma, a quote or a line break,
 * doubling the quotes inside. */
static void
append_csv_field (GString    *s,
                  const char *value,
                  gboolean    last)
{
  value = value ? value : "";
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (s, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (s, '"');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  else
    g_string_append (s, value);
  g_string_append (s, last ? "\r\n" : ",");
}

static void
append_rate_plain (GString *s,
                   gint     rate_bp)
{
  g_string_append_printf (s, "%d.%02d,", rate_bp / 100, rate_bp % 100);
}

gboolean
cl_settlement_write_csv (CLSettlement   *self,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GString) s = NULL;
  const CLSettlementLine *lines;
  guint n_lines;
  const char *header[] = {
    C_("csv column", "Month"),
    C_("csv column", "Date"),
    C_("csv column", "Kind"),
    C_("csv column", "Late for month"),
    C_("csv column", "Patient"),
    C_("csv column", "Package"),
    C_("csv column", "Receipt number"),
    C_("csv column", "Amount"),
    C_("csv column", "Rate (%)"),
    C_("csv column", "Vendor share"),
  };

  g_return_val_if_fail (CL_IS_SETTLEMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  lines = cl_settlement_get_lines (self, &n_lines);
  s = g_string_sized_new (128 + 96 * n_lines);
  g_string_append (s, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_csv_field (s, header[i], i + 1 == G_N_ELEMENTS (header));

  for (guint i = 0; i < n_lines; i++)
    {
      const CLSettlementLine *line = &lines[i];
      char amount[32], share[32];
      g_autofree char *a = cl_money_format_plain (line->amount_fen);
      g_autofree char *sh = cl_money_format_plain (line->share_fen);

      g_strlcpy (amount, a, sizeof amount);
      g_strlcpy (share, sh, sizeof share);
      append_csv_field (s, cl_settlement_get_month (self), FALSE);
      append_csv_field (s, line->date, FALSE);
      append_csv_field (s, line->kind == CL_SETTLEMENT_PAYMENT ? C_("settlement line", "Payment")
                                                               : C_("settlement line", "Refund"),
                        FALSE);
      append_csv_field (s, line->adjustment_of, FALSE);
      append_csv_field (s, line->name, FALSE);
      append_csv_field (s, line->package, FALSE);
      append_csv_field (s, line->receipt_no, FALSE);
      append_csv_field (s, amount, FALSE);
      append_rate_plain (s, line->rate_bp);
      append_csv_field (s, share, TRUE);
    }

  return g_output_stream_write_all (stream, s->str, s->len, NULL, cancellable, error);
}

gboolean
cl_settlement_export_csv (CLSettlement  *self,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;

  g_return_val_if_fail (CL_IS_SETTLEMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* replace() writes a temporary file and renames it on close, so a
   * failed export never leaves half a file for the finance system. */
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (!cl_settlement_write_csv (self, G_OUTPUT_STREAM (stream), NULL, error))
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
