#define G_LOG_DOMAIN "cl-critical-report"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "cl-critical-report.h"
#include "cl-critical-store.h"
#include "cl-department.h"
#include "cl-store-critical.h"
#include "cl-store-directory.h"
#include "cl-util.h"

static void
line_free (gpointer data)
{
  CLCriticalReportLine *line = data;

  g_free (line->key);
  g_free (line->label);
  g_free (line);
}

void
cl_critical_report_free (CLCriticalReport *report)
{
  if (report == NULL)
    return;
  g_free (report->month);
  g_free (report->all.key);
  g_free (report->all.label);
  g_clear_pointer (&report->by_source, g_ptr_array_unref);
  g_clear_pointer (&report->by_department, g_ptr_array_unref);
  g_clear_pointer (&report->by_kind, g_ptr_array_unref);
  g_free (report);
}

static CLCriticalReportLine *
line_for (GPtrArray  *lines,
          const char *key,
          const char *label)
{
  CLCriticalReportLine *line;

  for (guint i = 0; i < lines->len; i++)
    {
      line = g_ptr_array_index (lines, i);
      if (g_strcmp0 (line->key, key) == 0)
        return line;
    }
  line = g_new0 (CLCriticalReportLine, 1);
  line->key = g_strdup (key ? key : "");
  line->label = g_strdup (label ? label : "");
  g_ptr_array_add (lines, line);
  return line;
}

static void
count (CLCriticalReportLine *line,
       CLCriticalState       state,
       gboolean              reported)
{
  line->total++;
  if (!reported)
    line->unreported++;
  else if (state == CL_CRITICAL_STATE_ON_TIME)
    line->on_time++;
  else
    line->late++;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const CLCriticalReportLine *x = *(CLCriticalReportLine * const *) a;
  const CLCriticalReportLine *y = *(CLCriticalReportLine * const *) b;
  int c = g_utf8_collate (x->label, y->label);

  return c ? c : g_strcmp0 (x->key, y->key);
}

CLCriticalReport *
cl_critical_report_build (const char *month,
                          GPtrArray  *values,
                          GHashTable *department_names,
                          gint64      limit_minutes)
{
  CLCriticalReport *report = g_new0 (CLCriticalReport, 1);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (line_free);

  report->month = g_strdup (month);
  report->limit_minutes = limit_minutes;
  report->all.key = g_strdup ("");
  report->all.label = g_strdup (_("All entries"));
  report->by_source = g_ptr_array_new_with_free_func (line_free);
  report->by_department = g_ptr_array_new_with_free_func (line_free);
  report->by_kind = g_ptr_array_new_with_free_func (line_free);

  for (guint i = 0; values && i < values->len; i++)
    {
      CLCriticalValue *value = g_ptr_array_index (values, i);
      const char *department = cl_critical_value_get_department_id (value);
      const char *name = department_names ? g_hash_table_lookup (department_names, department ? department : "") : NULL;
      gboolean reported = cl_critical_value_is_reported (value);
      /* The state of a reported entry does not depend on now. */
      CLCriticalState state = cl_critical_value_state (value, 0, limit_minutes);

      if (cl_record_get_deleted (CL_RECORD (value)))
        continue;
      count (&report->all, state, reported);
      count (line_for (sources, cl_critical_value_get_source (value),
                       cl_critical_source_label (cl_critical_value_get_source (value))),
             state, reported);
      count (line_for (report->by_department, department, name ? name : department), state, reported);
      count (line_for (report->by_kind, cl_critical_value_get_kind (value),
                       cl_critical_kind_label (cl_critical_value_get_kind (value))),
             state, reported);
    }

  /* Sources and kinds in their own order, departments by name. */
  for (guint s = 0; s < CL_CRITICAL_N_SOURCES; s++)
    for (guint i = 0; i < sources->len; i++)
      {
        CLCriticalReportLine *line = g_ptr_array_index (sources, i);

        if (g_strcmp0 (line->key, cl_critical_source_to_string (s)) == 0)
          g_ptr_array_add (report->by_source, g_ptr_array_steal_index (sources, i--));
      }
  g_ptr_array_extend_and_steal (report->by_source, g_steal_pointer (&sources));
  g_ptr_array_sort (report->by_department, compare_labels);
  g_ptr_array_sort (report->by_kind, compare_labels);
  return report;
}

gboolean
cl_critical_report_month_range (const char *month,
                                gint64     *from,
                                gint64     *to)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  int year, mon;
  char tail;

  if (month == NULL || strlen (month) != 7 ||
      sscanf (month, "%4d-%2d%c", &year, &mon, &tail) != 2 || mon < 1 || mon > 12)
    return FALSE;
  start = g_date_time_new (local, year, mon, 1, 0, 0, 0);
  if (start == NULL)
    return FALSE;
  end = g_date_time_add_months (start, 1);
  *from = g_date_time_to_unix (start);
  *to = g_date_time_to_unix (end);
  return TRUE;
}

CLCriticalReport *
cl_critical_report_for_month (CLStore    *store,
                              const char *month)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 from = 0, to = 0;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (cl_critical_report_month_range (month, &from, &to))
    values = cl_store_critical_between (store, NULL, from, to);
  departments = cl_store_departments (store, FALSE);
  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (departments, i);

      g_hash_table_insert (names, (gpointer) cl_record_get_id (CL_RECORD (department)),
                           (gpointer) cl_department_get_display_name (department));
    }
  return cl_critical_report_build (month, values, names, cl_critical_store_limit (store));
}

gint
cl_critical_report_line_permille (const CLCriticalReportLine *line)
{
  g_return_val_if_fail (line != NULL, -1);

  if (line->total == 0)
    return -1;
  return (gint) ((line->on_time * 1000 + line->total / 2) / line->total);
}

char *
cl_critical_report_line_share (const CLCriticalReportLine *line)
{
  gint permille = cl_critical_report_line_permille (line);

  if (permille < 0)
    return g_strdup ("—");
  /* TRANSLATORS: a share in percent with one decimal, e.g. "93.3%" */
  return g_strdup_printf (_("%d.%d%%"), permille / 10, permille % 10);
}
