#define G_LOG_DOMAIN "cl-fault-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-complaint-report.h"
#include "cl-equipment-fault.h"
#include "cl-fault-report.h"
#include "cl-store-faults.h"

static void
row_free (gpointer data)
{
  CLFaultReportRow *row = data;

  g_free (row->machine);
  g_free (row->location);
  g_free (row->fault);
  g_free (row->reported_to);
  g_free (row);
}

CLFaultReport *
cl_fault_report_new (CLStore     *store,
                     const char  *month,
                     gint64       now,
                     GError     **error)
{
  g_autoptr(GPtrArray) faults = NULL;
  CLFaultReport *report;
  gint64 from, to;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (!cl_complaint_report_month_range (month, &from, &to))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a month; write it as 2026-11"), month ? month : "");
      return NULL;
    }
  faults = cl_store_faults_reported_between (store, from, to);
  report = g_new0 (CLFaultReport, 1);
  report->month = g_strdup (month);
  report->made_at = now;
  report->rows = g_ptr_array_new_with_free_func (row_free);
  for (guint i = 0; i < faults->len; i++)
    {
      CLEquipmentFault *fault = g_ptr_array_index (faults, i);
      CLFaultReportRow *row = g_new0 (CLFaultReportRow, 1);
      const char *to_label = cl_equipment_fault_reported_to_label (cl_equipment_fault_get_reported_to (fault));
      const char *name = cl_equipment_fault_get_reported_to_name (fault);
      gint64 end;

      row->machine = g_strdup (cl_equipment_fault_get_machine (fault));
      row->location = g_strdup (cl_equipment_fault_get_location (fault));
      row->fault = g_strdup (cl_equipment_fault_get_fault (fault));
      row->reported_to = name && *name ? g_strdup_printf ("%s · %s", to_label, name) : g_strdup (to_label);
      row->reported_at = cl_equipment_fault_get_reported_at (fault);
      row->fixed_at = cl_equipment_fault_get_fixed_at (fault);
      end = row->fixed_at ? row->fixed_at : now;
      row->hours_open = MAX (end - row->reported_at, 0) / 3600.0;
      row->overdue = end - row->reported_at > CL_EQUIPMENT_FAULT_OVERDUE_SECONDS;
      if (row->fixed_at == 0)
        report->n_open++;
      if (row->overdue)
        report->n_overdue++;
      g_ptr_array_add (report->rows, row);
    }
  return report;
}

void
cl_fault_report_free (CLFaultReport *report)
{
  if (report == NULL)
    return;
  g_free (report->month);
  g_ptr_array_unref (report->rows);
  g_free (report);
}

char *
cl_fault_report_format_hours (double hours)
{
  return g_strdup_printf ("%.1f", hours);
}

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

/* "2026-11-23 09:00", local: a spreadsheet reads it as a time. */
static char *
csv_time (gint64 at)
{
  g_autoptr(GDateTime) when = NULL;

  if (at <= 0 || !(when = g_date_time_new_from_unix_local (at)))
    return g_strdup ("");
  return g_date_time_format (when, "%Y-%m-%d %H:%M");
}

gboolean
cl_fault_report_write_csv (CLFaultReport  *report,
                           GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(GString) s = g_string_new ("\xEF\xBB\xBF");
  const char *header[] = {
    C_("csv column", "Machine"),
    C_("csv column", "Location"),
    C_("csv column", "Fault"),
    C_("csv column", "Reported to"),
    C_("csv column", "Reported at"),
    C_("csv column", "Fixed at"),
    C_("csv column", "Hours open"),
  };

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_csv_field (s, header[i], i + 1 == G_N_ELEMENTS (header));
  for (guint i = 0; i < report->rows->len; i++)
    {
      CLFaultReportRow *row = g_ptr_array_index (report->rows, i);
      g_autofree char *reported = csv_time (row->reported_at);
      g_autofree char *fixed = csv_time (row->fixed_at);
      char hours[32];

      /* A plain number with a dot, for the spreadsheet. */
      g_ascii_formatd (hours, sizeof hours, "%.1f", row->hours_open);
      append_csv_field (s, row->machine, FALSE);
      append_csv_field (s, row->location, FALSE);
      append_csv_field (s, row->fault, FALSE);
      append_csv_field (s, row->reported_to, FALSE);
      append_csv_field (s, reported, FALSE);
      append_csv_field (s, fixed, FALSE);
      append_csv_field (s, hours, TRUE);
    }
  return g_output_stream_write_all (stream, s->str, s->len, NULL, cancellable, error);
}

gboolean
cl_fault_report_export_csv (CLFaultReport  *report,
                            const char     *path,
                            GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* replace() writes a temporary file and renames it on close, so a
   * failed export never leaves half a file. */
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (!cl_fault_report_write_csv (report, G_OUTPUT_STREAM (stream), NULL, error))
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
