#define G_LOG_DOMAIN "cl-complaint-report"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cl-complaint.h"
#include "cl-complaint-report.h"
#include "cl-department.h"
#include "cl-store-complaints.h"
#include "cl-store-directory.h"
#include "cl-util.h"

struct _CLComplaintReport
{
  GObject parent_instance;

  char                 *month;
  gint64                made_at;
  GArray               *rows;    /* CLComplaintReportRow */
  CLComplaintReportRow  total;
};

G_DEFINE_FINAL_TYPE (CLComplaintReport, cl_complaint_report, G_TYPE_OBJECT)

static void
row_clear (CLComplaintReportRow *row)
{
  g_clear_pointer (&row->department_id, g_free);
  g_clear_pointer (&row->department, g_free);
}

static void
cl_complaint_report_finalize (GObject *object)
{
  CLComplaintReport *self = CL_COMPLAINT_REPORT (object);

  g_free (self->month);
  g_array_unref (self->rows);
  row_clear (&self->total);
  G_OBJECT_CLASS (cl_complaint_report_parent_class)->finalize (object);
}

static void
cl_complaint_report_class_init (CLComplaintReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_complaint_report_finalize;
}

static void
cl_complaint_report_init (CLComplaintReport *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (CLComplaintReportRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
cl_complaint_median (double *values,
                     guint   n)
{
  if (n == 0)
    return -1;
  qsort (values, n, sizeof (double), compare_doubles);
  if (n % 2)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

typedef struct
{
  CLComplaintReportRow *row;
  GArray               *hours;   /* double, of those resolved */
} Tally;

static void
count (CLComplaintReportRow *row,
       GArray               *hours,
       CLComplaint          *c,
       gint64                now)
{
  CLComplaintSatisfaction satisfaction;

  row->count++;
  if (cl_complaint_get_settled_on_spot (c))
    row->on_spot++;
  if (!cl_complaint_is_unresolved (c) && cl_complaint_get_resolved_at (c) > 0)
    {
      double h = (cl_complaint_get_resolved_at (c) - cl_complaint_get_opened_at (c)) / 3600.0;

      row->resolved++;
      g_array_append_val (hours, h);
    }
  if (g_strcmp0 (cl_complaint_get_state (c), cl_complaint_state_to_string (CL_COMPLAINT_STATE_CLOSED)) == 0 &&
      cl_complaint_satisfaction_from_string (cl_complaint_get_satisfaction (c), &satisfaction) &&
      satisfaction != CL_COMPLAINT_NO_ANSWER)
    {
      row->answered++;
      if (satisfaction != CL_COMPLAINT_UNSATISFIED)
        row->satisfied++;
    }
  if (cl_complaint_was_overdue (c, now))
    row->overdue++;
}

CLComplaintReport *
cl_complaint_report_new_from (const char *month,
                              GPtrArray  *complaints,
                              GPtrArray  *departments,
                              gint64      now)
{
  CLComplaintReport *self = g_object_new (CL_TYPE_COMPLAINT_REPORT, NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) hours = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) all_hours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  g_return_val_if_fail (complaints != NULL, self);

  self->month = g_strdup (month);
  self->made_at = now;
  self->total.department = g_strdup (_("All departments"));

  /* Rows in the directory's order, then any department the directory
   * no longer has, by id. */
  for (guint i = 0; departments && i < departments->len; i++)
    g_ptr_array_add (order, (gpointer) cl_record_get_id (g_ptr_array_index (departments, i)));
  for (guint i = 0; i < complaints->len; i++)
    {
      const char *id = cl_complaint_get_department_id (g_ptr_array_index (complaints, i));

      if (id && !g_ptr_array_find_with_equal_func (order, id, g_str_equal, NULL))
        g_ptr_array_add (order, (gpointer) id);
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      gboolean used = FALSE;

      for (guint j = 0; j < complaints->len && !used; j++)
        used = g_strcmp0 (cl_complaint_get_department_id (g_ptr_array_index (complaints, j)), id) == 0;
      if (!used)
        continue;

      CLComplaintReportRow row = { .department_id = g_strdup (id), .department = g_strdup (id) };

      for (guint j = 0; departments && j < departments->len; j++)
        if (g_str_equal (cl_record_get_id (g_ptr_array_index (departments, j)), id))
          cl_set_str (&row.department,
                      cl_department_get_display_name (g_ptr_array_index (departments, j)));
      g_array_append_val (self->rows, row);
      g_hash_table_insert (by_id, (gpointer) id, GUINT_TO_POINTER (self->rows->len));
      g_ptr_array_add (hours, g_array_new (FALSE, FALSE, sizeof (double)));
    }

  for (guint i = 0; i < complaints->len; i++)
    {
      CLComplaint *c = g_ptr_array_index (complaints, i);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, cl_complaint_get_department_id (c) ?
                                                               cl_complaint_get_department_id (c) : ""));

      if (cl_record_get_deleted (CL_RECORD (c)))
        continue;
      if (at > 0)
        count (&g_array_index (self->rows, CLComplaintReportRow, at - 1), g_ptr_array_index (hours, at - 1), c, now);
      count (&self->total, all_hours, c, now);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      GArray *h = g_ptr_array_index (hours, i);

      g_array_index (self->rows, CLComplaintReportRow, i).median_hours =
        cl_complaint_median ((double *) (void *) h->data, h->len);
    }
  self->total.median_hours = cl_complaint_median ((double *) (void *) all_hours->data, all_hours->len);
  return self;
}

const char *
cl_complaint_report_describe (void)
{
  return _("Complaints opened in the month, by the department complained of. The median time to resolve "
           "counts those resolved; satisfaction is the share satisfied or basically satisfied of those "
           "closed with the complainant’s answer; overdue ones were resolved after the promised time or "
           "are still unresolved past it.");
}

gboolean
cl_complaint_report_month_range (const char *month,
                                 gint64     *from,
                                 gint64     *to)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) next = NULL;
  int y, m;
  char tail;

  if (month == NULL || strlen (month) != 7 || sscanf (month, "%4d-%2d%c", &y, &m, &tail) != 2 ||
      month[4] != '-' || y < 1900 || m < 1 || m > 12)
    return FALSE;
  first = g_date_time_new (local, y, m, 1, 0, 0, 0);
  next = g_date_time_add_months (first, 1);
  *from = g_date_time_to_unix (first);
  *to = g_date_time_to_unix (next);
  return TRUE;
}

CLComplaintReport *
cl_complaint_report_new (CLStore    *store,
                         const char *month,
                         gint64      now,
                         GError    **error)
{
  g_autoptr(GPtrArray) complaints = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  gint64 from, to;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (!cl_complaint_report_month_range (month, &from, &to))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a month; write it as 2026-11"), month ? month : "");
      return NULL;
    }
  complaints = cl_store_complaints_opened_between (store, from, to);
  departments = cl_store_departments (store, FALSE);
  return cl_complaint_report_new_from (month, complaints, departments, now);
}

const char *
cl_complaint_report_get_month (CLComplaintReport *self)
{
  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT (self), NULL);
  return self->month;
}

gint64
cl_complaint_report_get_made_at (CLComplaintReport *self)
{
  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT (self), 0);
  return self->made_at;
}

guint
cl_complaint_report_get_n_rows (CLComplaintReport *self)
{
  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT (self), 0);
  return self->rows->len;
}

const CLComplaintReportRow *
cl_complaint_report_get_row (CLComplaintReport *self,
                             guint              i)
{
  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT (self), NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);
  return &g_array_index (self->rows, CLComplaintReportRow, i);
}

const CLComplaintReportRow *
cl_complaint_report_get_total (CLComplaintReport *self)
{
  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT (self), NULL);
  return &self->total;
}

char *
cl_complaint_report_format_satisfaction (const CLComplaintReportRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  if (row->answered == 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.1f%%", 100.0 * row->satisfied / row->answered);
}

char *
cl_complaint_report_format_median (const CLComplaintReportRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  if (row->median_hours < 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.1f", row->median_hours);
}

/* RFC 4180, as the settlement's CSV: quote a field that has a comma, a
 * quote or a line break, doubling the quotes inside. */
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
append_csv_row (GString                    *s,
                const char                 *month,
                const CLComplaintReportRow *row)
{
  char number[32];
  g_autofree char *median = NULL;

  append_csv_field (s, month, FALSE);
  append_csv_field (s, row->department, FALSE);
  g_snprintf (number, sizeof number, "%u", row->count);
  append_csv_field (s, number, FALSE);
  g_snprintf (number, sizeof number, "%u", row->on_spot);
  append_csv_field (s, number, FALSE);
  /* Plain numbers, with a dot, for the spreadsheet; empty when there
   * is nothing to measure. */
  if (row->median_hours >= 0)
    g_ascii_formatd (number, sizeof number, "%.1f", row->median_hours);
  else
    number[0] = '\0';
  append_csv_field (s, number, FALSE);
  g_snprintf (number, sizeof number, "%u", row->answered);
  append_csv_field (s, number, FALSE);
  g_snprintf (number, sizeof number, "%u", row->satisfied);
  append_csv_field (s, number, FALSE);
  if (row->answered > 0)
    g_ascii_formatd (number, sizeof number, "%.1f", 100.0 * row->satisfied / row->answered);
  else
    number[0] = '\0';
  append_csv_field (s, number, FALSE);
  g_snprintf (number, sizeof number, "%u", row->overdue);
  append_csv_field (s, number, TRUE);
}

gboolean
cl_complaint_report_write_csv (CLComplaintReport  *self,
                               GOutputStream      *stream,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(GString) s = g_string_new ("\xEF\xBB\xBF");
  const char *header[] = {
    C_("csv column", "Month"),
    C_("csv column", "Department"),
    C_("csv column", "Complaints"),
    C_("csv column", "Settled on the spot"),
    C_("csv column", "Median hours to resolve"),
    C_("csv column", "Closed with an answer"),
    C_("csv column", "Satisfied or basically satisfied"),
    C_("csv column", "Satisfaction (%)"),
    C_("csv column", "Overdue"),
  };

  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_csv_field (s, header[i], i + 1 == G_N_ELEMENTS (header));
  for (guint i = 0; i < self->rows->len; i++)
    append_csv_row (s, self->month, &g_array_index (self->rows, CLComplaintReportRow, i));
  append_csv_row (s, self->month, &self->total);
  return g_output_stream_write_all (stream, s->str, s->len, NULL, cancellable, error);
}

gboolean
cl_complaint_report_export_csv (CLComplaintReport  *self,
                                const char         *path,
                                GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;

  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* replace() writes a temporary file and renames it on close, so a
   * failed export never leaves half a file. */
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (!cl_complaint_report_write_csv (self, G_OUTPUT_STREAM (stream), NULL, error))
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
