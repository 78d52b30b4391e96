/* cl-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-duty-store.h"
#include "cl-schedule-private.h"

G_DEFINE_QUARK (cl-schedule-error-quark, cl_schedule_error)

const char *
cl_schedule_error_field (const GError *error)
{
  static const char * const fields[] = {
    [CL_SCHEDULE_ERROR_PATIENT] = "patient_id",
    [CL_SCHEDULE_ERROR_ESCORT] = "escort_id",
    [CL_SCHEDULE_ERROR_ROOM] = "room_id",
    [CL_SCHEDULE_ERROR_KIND] = "kind",
    [CL_SCHEDULE_ERROR_PURPOSE] = "purpose",
    [CL_SCHEDULE_ERROR_NO_START] = "start_at",
    [CL_SCHEDULE_ERROR_END_BEFORE_START] = "end_at",
    [CL_SCHEDULE_ERROR_TOO_LONG] = "end_at",
    [CL_SCHEDULE_ERROR_PAST] = "start_at",
    [CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS] = "start_at",
    [CL_SCHEDULE_ERROR_END_OUTSIDE_HOURS] = "end_at",
    [CL_SCHEDULE_ERROR_START_OFF_SLOT] = "start_at",
    [CL_SCHEDULE_ERROR_END_OFF_SLOT] = "end_at",
    [CL_SCHEDULE_ERROR_OVERLAP] = "start_at",
    [CL_SCHEDULE_ERROR_STATUS] = "status",
    [CL_SCHEDULE_ERROR_LOCKED] = "start_at",
    [CL_SCHEDULE_ERROR_HANDOVER] = "handover_to",
    [CL_SCHEDULE_ERROR_FORBIDDEN] = NULL,
    [CL_SCHEDULE_ERROR_ROOM_NAME] = "name",
    [CL_SCHEDULE_ERROR_ROOM_HOURS] = "closes",
    [CL_SCHEDULE_ERROR_ROOM_SLOT] = "slot_minutes",
    [CL_SCHEDULE_ERROR_OVER_ALLOWANCE] = "over_reason",
  };

  if (error == NULL || error->domain != CL_SCHEDULE_ERROR ||
      error->code < 0 || (guint) error->code >= G_N_ELEMENTS (fields))
    return NULL;
  return fields[error->code];
}

/* ---- time ---------------------------------------------------------- */

gint64
cl_schedule_at (const GDate *day,
                gint         minutes)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  g_return_val_if_fail (day != NULL && g_date_valid (day), 0);
  g_return_val_if_fail (minutes >= 0 && minutes <= 24 * 60, 0);

  /* Wall-clock minutes, so a day with a DST change still has 07:30
   * where the clock says 07:30. */
  d = *day;
  if (minutes == 24 * 60)
    {
      g_date_add_days (&d, 1);
      minutes = 0;
    }
  dt = g_date_time_new (tz, g_date_get_year (&d), g_date_get_month (&d),
                        g_date_get_day (&d), minutes / 60, minutes % 60, 0);
  return g_date_time_to_unix (dt);
}

gint64
cl_schedule_day_start (const GDate *day)
{
  return cl_schedule_at (day, 0);
}

void
cl_schedule_day_of (gint64  instant,
                    GDate  *out)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (instant);

  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt), g_date_time_get_year (dt));
}

gint
cl_schedule_minutes_of_day (gint64 instant)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (instant);

  return g_date_time_get_hour (dt) * 60 + g_date_time_get_minute (dt);
}

char *
cl_schedule_format_time (gint64 instant)
{
  gint m = cl_schedule_minutes_of_day (instant);

  return g_strdup_printf ("%02d:%02d", m / 60, m % 60);
}

char *
cl_schedule_format_interval (gint64 start_at,
                             gint64 end_at)
{
  g_autofree char *from = cl_schedule_format_time (start_at);
  g_autofree char *to = cl_schedule_format_time (end_at);

  return g_strdup_printf ("%s–%s", from, to);
}

static char *
format_minutes (gint minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

static gboolean
parse_now (const char *text,
           gint64     *out)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;
  char *end = NULL;
  gint64 seconds;

  seconds = g_ascii_strtoll (text, &end, 10);
  if (end != text && *end == '\0')
    {
      *out = seconds;
      return TRUE;
    }

  iso = g_strdelimit (g_strdup (text), " ", 'T');
  dt = g_date_time_new_from_iso8601 (iso, tz);
  if (dt == NULL)
    {
      g_autofree char *with_seconds = g_strconcat (iso, ":00", NULL);

      dt = g_date_time_new_from_iso8601 (with_seconds, tz);
    }
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

gint64
cl_schedule_now (void)
{
  const char *fixed = g_getenv ("CARELINE_NOW");
  const char *today = g_getenv ("CARELINE_TODAY");
  gint64 clock = g_get_real_time () / G_USEC_PER_SEC;
  gint64 now;

  if (fixed != NULL && *fixed != '\0')
    {
      if (parse_now (fixed, &now))
        return now;
      g_warning ("Ignoring CARELINE_NOW=%s: not a date and time", fixed);
    }

  /* A fixed day (tests, demo data) with the real time of day, so the
   * "now" line of a day view moves as it would. */
  if (today != NULL && *today != '\0')
    {
      GDate day, real_day;

      cl_date_today (&day);
      cl_schedule_day_of (clock, &real_day);
      return cl_schedule_day_start (&day) + (clock - cl_schedule_day_start (&real_day));
    }

  return clock;
}

gboolean
cl_schedule_overlaps (gint64 a_start,
                      gint64 a_end,
                      gint64 b_start,
                      gint64 b_end)
{
  return a_start < b_end && b_start < a_end;
}

void
cl_schedule_escort_hours (CLStore     *store,
                          const char  *escort_id,
                          const GDate *day,
                          gint        *opens,
                          gint        *closes)
{
  g_autoptr(CLStaff) staff = NULL;
  gint o = CL_ESCORT_DAY_OPENS, c = CL_ESCORT_DAY_CLOSES;

  /* Her shifts on the duty roster that day, where it has any: the
   * roster is built week by week and wins over the standing hours of
   * the Staff window.  Otherwise the person's own hours for the
   * weekday; an unassigned task or one whose escort is unknown keeps
   * the default. */
  if (escort_id && *escort_id && cl_duty_store_hours_of (store, escort_id, day, &o, &c))
    ;
  else
    {
      if (escort_id && *escort_id)
        staff = (CLStaff *) cl_store_load_record (store, CL_TYPE_STAFF, escort_id, NULL);
      if (staff)
        cl_staff_get_day_hours (staff, g_date_get_weekday (day), &o, &c);
    }
  if (opens)
    *opens = o;
  if (closes)
    *closes = c;
}

GArray *
cl_schedule_time_choices (gint     opens,
                          gint     closes,
                          gint     step,
                          gboolean ends)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (gint));

  g_return_val_if_fail (step > 0, times);

  for (gint m = opens + (ends ? step : 0); ends ? m <= closes : m + step <= closes; m += step)
    g_array_append_val (times, m);
  return times;
}

GArray *
cl_schedule_room_times (CLVipRoom *room,
                        gboolean   ends)
{
  g_return_val_if_fail (CL_IS_VIP_ROOM (room), NULL);

  return cl_schedule_time_choices (cl_vip_room_get_opens (room), cl_vip_room_get_closes (room),
                                   MAX (cl_vip_room_get_slot_minutes (room), 1), ends);
}

GArray *
cl_schedule_escort_times (CLStore     *store,
                          const char  *escort_id,
                          const GDate *day,
                          gboolean     ends)
{
  gint opens, closes;

  cl_schedule_escort_hours (store, escort_id, day, &opens, &closes);
  return cl_schedule_time_choices (opens, closes, CL_ESCORT_STEP_MINUTES, ends);
}

/* ---- single rules -------------------------------------------------- */

gboolean
cl_schedule_check_interval (gint64   start_at,
                            gint64   end_at,
                            GError **error)
{
  if (start_at <= 0)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_NO_START,
                           _("Enter the start time"));
      return FALSE;
    }
  if (end_at <= start_at)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_END_BEFORE_START,
                           _("The end time must be after the start time"));
      return FALSE;
    }
  if (end_at - start_at > CL_SCHEDULE_DAY_SECONDS)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_TOO_LONG,
                           _("The end time is more than a day after the start time"));
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_schedule_check_not_past (gint64   start_at,
                            gint64   now,
                            GError **error)
{
  if (start_at < now)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_PAST,
                           _("The start time has already passed; choose a later one"));
      return FALSE;
    }
  return TRUE;
}

/* Minutes after the local midnight of @start_at's day for @start_at
 * and @end_at; FALSE if @end_at is on a later day (other than its
 * midnight, which is minute 1440). */
static gboolean
minutes_in_day (gint64  start_at,
                gint64  end_at,
                gint   *start_minutes,
                gint   *end_minutes)
{
  GDate start_day, end_day;

  cl_schedule_day_of (start_at, &start_day);
  cl_schedule_day_of (end_at, &end_day);
  *start_minutes = cl_schedule_minutes_of_day (start_at);
  *end_minutes = cl_schedule_minutes_of_day (end_at);
  if (g_date_compare (&start_day, &end_day) == 0)
    return TRUE;
  if (g_date_days_between (&start_day, &end_day) == 1 && *end_minutes == 0 &&
      end_at % 60 == 0)
    {
      *end_minutes = 24 * 60;
      return TRUE;
    }
  return FALSE;
}

gboolean
cl_schedule_check_hours (gint64   start_at,
                         gint64   end_at,
                         gint     opens,
                         gint     closes,
                         gboolean room,
                         GError **error)
{
  g_autofree char *from = format_minutes (opens);
  g_autofree char *to = format_minutes (closes);
  gint start_minutes, end_minutes;
  gboolean same_day;

  same_day = minutes_in_day (start_at, end_at, &start_minutes, &end_minutes);
  if (start_minutes < opens || start_minutes >= closes)
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS,
                   room ? _("The start time is outside the room’s opening hours (%s–%s)")
                        : _("The start time is outside working hours (%s–%s)"),
                   from, to);
      return FALSE;
    }
  if (!same_day || end_minutes > closes)
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_END_OUTSIDE_HOURS,
                   room ? _("The end time is outside the room’s opening hours (%s–%s)")
                        : _("The end time is outside working hours (%s–%s)"),
                   from, to);
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_schedule_check_slots (gint64   start_at,
                         gint64   end_at,
                         gint     opens,
                         gint     slot_minutes,
                         GError **error)
{
  g_autofree char *from = format_minutes (opens);
  gint start_minutes, end_minutes;

  g_return_val_if_fail (slot_minutes > 0, FALSE);

  minutes_in_day (start_at, end_at, &start_minutes, &end_minutes);
  if (start_at % 60 != 0 || (start_minutes - opens) % slot_minutes != 0)
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_START_OFF_SLOT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The start time must be on the room’s grid: every %d minute from %s",
                                "The start time must be on the room’s grid: every %d minutes from %s",
                                slot_minutes),
                   slot_minutes, from);
      return FALSE;
    }
  if (end_at % 60 != 0 || (end_minutes - opens) % slot_minutes != 0)
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_END_OFF_SLOT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The end time must be on the room’s grid: every %d minute from %s",
                                "The end time must be on the room’s grid: every %d minutes from %s",
                                slot_minutes),
                   slot_minutes, from);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *from;
  const char *to;
} Transition;

static const Transition task_transitions[] = {
  { CL_ESCORT_STATUS_PLANNED, CL_ESCORT_STATUS_IN_PROGRESS },
  { CL_ESCORT_STATUS_PLANNED, CL_ESCORT_STATUS_CANCELLED },
  { CL_ESCORT_STATUS_PLANNED, CL_ESCORT_STATUS_NO_SHOW },
  { CL_ESCORT_STATUS_IN_PROGRESS, CL_ESCORT_STATUS_DONE },
  { CL_ESCORT_STATUS_IN_PROGRESS, CL_ESCORT_STATUS_CANCELLED },
  /* Undoing a cancellation: back to a status it could have been
   * cancelled from (the server cannot know which it was). */
  { CL_ESCORT_STATUS_CANCELLED, CL_ESCORT_STATUS_PLANNED },
  { CL_ESCORT_STATUS_CANCELLED, CL_ESCORT_STATUS_IN_PROGRESS },
};

static const Transition booking_transitions[] = {
  { CL_VIP_STATUS_BOOKED, CL_VIP_STATUS_CHECKED_IN },
  { CL_VIP_STATUS_BOOKED, CL_VIP_STATUS_CANCELLED },
  { CL_VIP_STATUS_CHECKED_IN, CL_VIP_STATUS_DONE },
  /* Undoing a cancellation. */
  { CL_VIP_STATUS_CANCELLED, CL_VIP_STATUS_BOOKED },
};

static gboolean
check_transition (const Transition   *transitions,
                  guint               n_transitions,
                  const char * const *statuses,
                  const char       *(*label) (const char *),
                  const char         *initial,
                  const char         *from,
                  const char         *to,
                  GError            **error)
{
  if (to == NULL || !g_strv_contains (statuses, to))
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_STATUS,
                   _("“%s” is not a status"), to ? to : "");
      return FALSE;
    }
  if (from == NULL)
    {
      if (g_str_equal (to, initial))
        return TRUE;
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_STATUS,
                   _("A new entry starts as “%s”"), label (initial));
      return FALSE;
    }
  if (g_str_equal (from, to))
    return TRUE;
  for (guint i = 0; i < n_transitions; i++)
    if (g_str_equal (transitions[i].from, from) && g_str_equal (transitions[i].to, to))
      return TRUE;
  g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_STATUS,
               _("The status cannot change from “%s” to “%s”"),
               label (from) ? label (from) : from, label (to));
  return FALSE;
}

gboolean
cl_schedule_check_task_status (const char  *from,
                               const char  *to,
                               GError     **error)
{
  return check_transition (task_transitions, G_N_ELEMENTS (task_transitions),
                           cl_escort_task_statuses (), cl_escort_task_status_label,
                           CL_ESCORT_STATUS_PLANNED, from, to, error);
}

gboolean
cl_schedule_check_check_in (gint64   start_at,
                            gint64   now,
                            GError **error)
{
  GDate day, today;

  cl_schedule_day_of (start_at, &day);
  cl_schedule_day_of (now, &today);
  if (g_date_compare (&day, &today) <= 0)
    return TRUE;
  g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_STATUS,
                       _("A booking can be checked in only on its day"));
  return FALSE;
}

gboolean
cl_schedule_check_booking_status (const char  *from,
                                  const char  *to,
                                  GError     **error)
{
  return check_transition (booking_transitions, G_N_ELEMENTS (booking_transitions),
                           cl_vip_booking_statuses (), cl_vip_booking_status_label,
                           CL_VIP_STATUS_BOOKED, from, to, error);
}

gboolean
cl_schedule_check_room (CLVipRoom  *room,
                        GError    **error)
{
  g_autofree char *name = NULL;
  gint opens, closes, slot;

  g_return_val_if_fail (CL_IS_VIP_ROOM (room), FALSE);

  name = g_strstrip (g_strdup (cl_vip_room_get_name (room) ? cl_vip_room_get_name (room) : ""));
  opens = cl_vip_room_get_opens (room);
  closes = cl_vip_room_get_closes (room);
  slot = cl_vip_room_get_slot_minutes (room);
  if (*name == '\0')
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ROOM_NAME,
                           _("Enter the room’s name"));
      return FALSE;
    }
  if (opens < 0 || closes > 24 * 60 || opens >= closes)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ROOM_HOURS,
                           _("The closing time must be after the opening time, within the day"));
      return FALSE;
    }
  if (slot < 5 || slot > 240 || (closes - opens) % slot != 0)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ROOM_SLOT,
                           _("The slot length must be 5 to 240 minutes and divide the opening hours evenly"));
      return FALSE;
    }
  return TRUE;
}
