#define G_LOG_DOMAIN "cl-duty-week"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-duty-store.h"
#include "cl-duty-week.h"
#include "cl-store-duty.h"

CLDutyWeek *
cl_duty_week_load (CLStore     *store,
                   const GDate *day)
{
  CLDutyWeek *week;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  week = g_new0 (CLDutyWeek, 1);
  cl_duty_week_monday (day, &week->monday);
  for (guint d = 0; d < 7; d++)
    {
      GDate date = week->monday;

      g_date_add_days (&date, d);
      week->days[d] = cl_date_to_iso (&date);
    }
  cl_store_begin_read (store);
  cl_duty_store_rules (store, &week->rules);
  week->staff = cl_store_duty_staff (store, week->days[0], week->days[6]);
  week->posts = cl_store_duty_posts (store, FALSE);
  week->active_posts = cl_store_duty_posts (store, TRUE);
  week->assignments = cl_store_duty_assignments (store, week->days[0], week->days[6]);
  week->warnings = cl_duty_store_check_week (store, &week->monday);
  cl_store_end_read (store);
  return week;
}

void
cl_duty_week_free (CLDutyWeek *week)
{
  if (week == NULL)
    return;
  for (guint d = 0; d < 7; d++)
    g_free (week->days[d]);
  g_clear_pointer (&week->staff, g_ptr_array_unref);
  g_clear_pointer (&week->posts, g_ptr_array_unref);
  g_clear_pointer (&week->active_posts, g_ptr_array_unref);
  g_clear_pointer (&week->assignments, g_ptr_array_unref);
  g_clear_pointer (&week->warnings, g_ptr_array_unref);
  g_free (week);
}

static const char *
row_id (CLDutyWeek *week,
        guint       row)
{
  return row < week->staff->len ? cl_record_get_id (g_ptr_array_index (week->staff, row)) : NULL;
}

GPtrArray *
cl_duty_week_cell (CLDutyWeek *week,
                   guint       row,
                   guint       day)
{
  GPtrArray *cell = g_ptr_array_new ();
  const char *staff_id;

  g_return_val_if_fail (week != NULL, cell);

  staff_id = row_id (week, row);
  for (guint i = 0; staff_id && day < 7 && i < week->assignments->len; i++)
    {
      CLDutyAssignment *a = g_ptr_array_index (week->assignments, i);

      if (g_strcmp0 (cl_duty_assignment_get_staff_id (a), staff_id) == 0
          && g_strcmp0 (cl_duty_assignment_get_day (a), week->days[day]) == 0)
        g_ptr_array_add (cell, a);
    }
  return cell;
}

CLDutyPost *
cl_duty_week_find_post (CLDutyWeek *week,
                        const char *post_id)
{
  g_return_val_if_fail (week != NULL, NULL);

  for (guint i = 0; post_id && i < week->posts->len; i++)
    if (g_str_equal (cl_record_get_id (g_ptr_array_index (week->posts, i)), post_id))
      return g_ptr_array_index (week->posts, i);
  return NULL;
}

static const char *
post_name (CLDutyWeek       *week,
           CLDutyAssignment *a)
{
  CLDutyPost *post = cl_duty_week_find_post (week, cl_duty_assignment_get_post_id (a));

  /* A post deleted since still leaves its shift on the roster. */
  return post ? cl_duty_post_get_display_name (post) : "?";
}

char *
cl_duty_week_cell_text (CLDutyWeek *week,
                        guint       row,
                        guint       day)
{
  g_autoptr(GPtrArray) cell = cl_duty_week_cell (week, row, day);
  GString *text;

  if (cell->len == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < cell->len; i++)
    {
      CLDutyAssignment *a = g_ptr_array_index (cell, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: a cell of the duty roster: the shift, then the post ("Early · 门诊服务中心") */
      g_string_append_printf (text, _("%s · %s"), cl_duty_shift_label (cl_duty_assignment_get_shift (a)),
                              post_name (week, a));
    }
  return g_string_free (text, FALSE);
}

char *
cl_duty_week_cell_description (CLDutyWeek *week,
                               guint       row,
                               guint       day)
{
  g_autoptr(GPtrArray) cell = cl_duty_week_cell (week, row, day);
  g_autoptr(GString) what = g_string_new (NULL);
  g_autofree char *when = NULL;
  CLStaff *staff;
  GDate date;

  g_return_val_if_fail (week != NULL && row < week->staff->len && day < 7, NULL);

  staff = g_ptr_array_index (week->staff, row);
  date = week->monday;
  g_date_add_days (&date, day);
  when = cl_duty_format_day (&date);
  for (guint i = 0; i < cell->len; i++)
    {
      CLDutyAssignment *a = g_ptr_array_index (cell, i);
      CLDutyPost *post = cl_duty_week_find_post (week, cl_duty_assignment_get_post_id (a));
      g_autofree char *times = post ? cl_duty_shift_format_times (post, cl_duty_assignment_get_shift (a),
                                                                  &week->rules) : g_strdup ("");

      if (i > 0)
        g_string_append (what, "; ");
      /* TRANSLATORS: a shift in words: the shift, the post, its times ("Early at 门诊服务中心, 07:30–12:00") */
      g_string_append_printf (what, _("%s at %s, %s"), cl_duty_shift_label (cl_duty_assignment_get_shift (a)),
                              post_name (week, a), times);
    }
  if (cell->len == 0)
    g_string_append (what, _("not on duty"));
  /* TRANSLATORS: a cell of the duty roster in words: the person, the day, the shifts */
  return g_strdup_printf (_("%s, %s: %s"), cl_staff_get_display_name (staff), when, what->str);
}

gboolean
cl_duty_week_cell_flagged (CLDutyWeek *week,
                           guint       row,
                           guint       day)
{
  const char *staff_id;

  g_return_val_if_fail (week != NULL, FALSE);

  staff_id = row_id (week, row);
  for (guint i = 0; staff_id && day < 7 && i < week->warnings->len; i++)
    {
      CLDutyWarning *w = g_ptr_array_index (week->warnings, i);

      if (g_strcmp0 (w->staff_id, staff_id) == 0 && (w->day == NULL || g_str_equal (w->day, week->days[day])))
        return TRUE;
    }
  return FALSE;
}

gint
cl_duty_week_minutes (CLDutyWeek *week,
                      guint       row)
{
  gint total = 0;

  g_return_val_if_fail (week != NULL, 0);

  for (guint d = 0; d < 7; d++)
    {
      g_autoptr(GPtrArray) cell = cl_duty_week_cell (week, row, d);

      for (guint i = 0; i < cell->len; i++)
        {
          CLDutyAssignment *a = g_ptr_array_index (cell, i);
          CLDutyPost *post = cl_duty_week_find_post (week, cl_duty_assignment_get_post_id (a));

          if (post)
            total += cl_duty_shift_minutes (post, cl_duty_assignment_get_shift (a), &week->rules);
        }
    }
  return total;
}

char *
cl_duty_week_format_range (CLDutyWeek *week)
{
  GDate sunday;

  g_return_val_if_fail (week != NULL, NULL);

  sunday = week->monday;
  g_date_add_days (&sunday, 6);
  return cl_date_format_range (&week->monday, &sunday, CL_DATE_FULL, NULL);
}
