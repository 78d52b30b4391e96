/* cl-settlement-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cl-contract-store.h"
#include "cl-enrolment-store.h"
#include "cl-settlement-export.h"
#include "cl-settlement.h"
#include "cl-statement-print.h"

G_DEFINE_QUARK (cl-settlement-export-error-quark, cl_settlement_export_error)

gboolean
cl_settlement_format_parse (const char          *text,
                            ClSettlementFormat  *format,
                            GError             **error)
{
  if (text == NULL || g_str_equal (text, "json"))
    *format = CL_SETTLEMENT_FORMAT_JSON;
  else if (g_str_equal (text, "csv"))
    *format = CL_SETTLEMENT_FORMAT_CSV;
  else if (g_str_equal (text, "pdf"))
    *format = CL_SETTLEMENT_FORMAT_PDF;
  else
    {
      g_set_error (error, CL_SETTLEMENT_EXPORT_ERROR, CL_SETTLEMENT_EXPORT_ERROR_BAD_FORMAT,
                   _("“%s” is not a format of the statement: give json, csv or pdf"), text);
      return FALSE;
    }
  return TRUE;
}

const char *
cl_settlement_format_content_type (ClSettlementFormat format)
{
  switch (format)
    {
    case CL_SETTLEMENT_FORMAT_CSV:
      return "text/csv; charset=utf-8";
    case CL_SETTLEMENT_FORMAT_PDF:
      return "application/pdf";
    case CL_SETTLEMENT_FORMAT_JSON:
    default:
      return "application/json";
    }
}

gboolean
cl_settlement_export_check_month (const char  *month,
                                  GError     **error)
{
  g_autofree char *this_month = NULL;
  guint year, mon;

  if (!cl_enrolment_month_parse (month, &year, &mon))
    {
      g_set_error (error, CL_SETTLEMENT_EXPORT_ERROR, CL_SETTLEMENT_EXPORT_ERROR_BAD_MONTH,
                   _("“%s” is not a month: write it as YYYY-MM, for example 2026-09"),
                   month ? month : "");
      return FALSE;
    }

  /* Months are YYYY-MM, so they compare as text. */
  this_month = cl_enrolment_month_this ();
  if (strcmp (month, this_month) > 0)
    {
      g_set_error (error, CL_SETTLEMENT_EXPORT_ERROR, CL_SETTLEMENT_EXPORT_ERROR_FUTURE_MONTH,
                   _("%s has not begun yet: there is no statement for it"), month);
      return FALSE;
    }
  return TRUE;
}

/* The statement as the API gives it: core's own JSON of the statement
 * (what a closed month keeps) plus whether it is closed, the rate, and
 * the per-package subtotals. */
static JsonNode *
report_json (CLSettlement *s)
{
  JsonNode *node = cl_settlement_to_json (s);
  JsonObject *o = json_node_get_object (node);
  const CLSettlementPeriod *periods;
  const CLSettlementSubtotal *subs;
  JsonArray *packages = json_array_new ();
  guint n_periods, n_subs;

  json_object_set_string_member (o, "contract_id", cl_settlement_get_contract_id (s));
  json_object_set_string_member (o, "contract_kind", cl_settlement_is_fixed_fee (s) ? CL_CONTRACT_FIXED_MONTHLY_FEE
                                                                                    : CL_CONTRACT_SHARE_OF_FEES);
  json_object_set_boolean_member (o, "deductions_exceed_fee", cl_settlement_get_deductions_exceed_fee (s));
  json_object_set_boolean_member (o, "closed", cl_settlement_get_closed (s));
  if (cl_settlement_get_closed (s))
    {
      json_object_set_string_member (o, "closed_by", cl_settlement_get_closed_by (s));
      json_object_set_int_member (o, "closed_at", cl_settlement_get_closed_at (s));
    }
  else
    {
      json_object_set_null_member (o, "closed_by");
      json_object_set_null_member (o, "closed_at");
    }

  /* One rate for the month, or null when it changed mid-month: then
   * "periods" gives each rate with its fee base and share. */
  periods = cl_settlement_get_periods (s, &n_periods);
  if (n_periods == 1)
    json_object_set_int_member (o, "rate_bp", periods[0].rate_bp);
  else
    json_object_set_null_member (o, "rate_bp");

  subs = cl_settlement_get_subtotals (s, &n_subs);
  for (guint i = 0; i < n_subs; i++)
    {
      JsonObject *p = json_object_new ();

      json_object_set_string_member (p, "package", subs[i].package);
      json_object_set_int_member (p, "n_payments", subs[i].n_payments);
      json_object_set_int_member (p, "n_refunds", subs[i].n_refunds);
      json_object_set_int_member (p, "gross_fen", subs[i].gross_fen);
      json_object_set_int_member (p, "refunds_fen", subs[i].refunds_fen);
      json_object_set_int_member (p, "share_fen", subs[i].share_fen);
      json_array_add_object_element (packages, p);
    }
  json_object_set_array_member (o, "packages", packages);
  return node;
}

static GBytes *
export_pdf (CLSettlement  *s,
            GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  int fd;

  fd = g_file_open_tmp ("careline-statement-XXXXXX.pdf", &path, error);
  if (fd < 0)
    return NULL;
  close (fd);
  if (!cl_statement_export_pdf (s, path, error) ||
      !g_file_get_contents (path, &contents, &length, error))
    {
      g_unlink (path);
      return NULL;
    }
  g_unlink (path);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static GBytes *
export_csv (CLSettlement  *s,
            GError       **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (!cl_settlement_write_csv (s, out, NULL, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

GBytes *
cl_settlement_export (CLStore             *store,
                      const char          *contract_id,
                      const char          *month,
                      ClSettlementFormat   format,
                      GError             **error)
{
  g_autoptr(CLSettlement) s = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (!cl_settlement_export_check_month (month, error))
    return NULL;
  if (!(s = cl_contract_store_settlement (store, contract_id ? contract_id : CL_CONTRACT_OBSTETRIC_ID,
                                          month, error)))
    return NULL;

  switch (format)
    {
    case CL_SETTLEMENT_FORMAT_CSV:
      return export_csv (s, error);
    case CL_SETTLEMENT_FORMAT_PDF:
      return export_pdf (s, error);
    case CL_SETTLEMENT_FORMAT_JSON:
    default:
      {
        g_autoptr(JsonNode) node = report_json (s);
        g_autoptr(JsonGenerator) generator = json_generator_new ();
        gsize length = 0;
        char *text;

        json_generator_set_root (generator, node);
        text = json_generator_to_data (generator, &length);
        return g_bytes_new_take (text, length);
      }
    }
}
