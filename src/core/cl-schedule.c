/* cl-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-patient.h"
#include "cl-schedule-private.h"
#include "cl-tables.h"
#include "cl-staff.h"
#include "cl-util.h"

#define DAY_SECONDS (24 * 60 * 60)

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
  /* There is no duty roster yet; when there is, its shift for
   * @escort_id on @day goes here. */
  if (opens)
    *opens = CL_ESCORT_DAY_OPENS;
  if (closes)
    *closes = CL_ESCORT_DAY_CLOSES;
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
  if (end_at - start_at > DAY_SECONDS)
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
};

static const Transition booking_transitions[] = {
  { CL_VIP_STATUS_BOOKED, CL_VIP_STATUS_CHECKED_IN },
  { CL_VIP_STATUS_BOOKED, CL_VIP_STATUS_CANCELLED },
  { CL_VIP_STATUS_CHECKED_IN, CL_VIP_STATUS_DONE },
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

/* ---- rules against a store ----------------------------------------- */

static gpointer
find_overlap (CLStore     *store,
              GType        type,
              const char  *owner_column,
              const char  *owner,
              gint64       start_at,
              gint64       end_at,
              const char  *except_id,
              const char  *dead_statuses)
{
  g_autofree char *condition = NULL;
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, start_at);
  g_autofree char *end = g_strdup_printf ("%" G_GINT64_FORMAT, end_at);
  g_autoptr(GPtrArray) rows = NULL;

  /* Nothing lasts longer than a day (cl_schedule_check_interval()), so
   * only entries starting in the day before can reach into ours: the
   * (owner, start_at) index gives a short range. */
  condition = g_strdup_printf ("deleted = 0 AND %s = ?1 AND start_at < ?3"
                               " AND start_at > ?2 - %d AND end_at > ?2"
                               " AND coalesce (status, '') NOT IN (%s) AND id != ?4"
                               " ORDER BY start_at LIMIT 1",
                               owner_column, DAY_SECONDS, dead_statuses);
  rows = cl_store_query_records (store, type, condition, owner, start, end,
                                 except_id ? except_id : "", NULL);
  return rows->len > 0 ? g_object_ref (g_ptr_array_index (rows, 0)) : NULL;
}

CLEscortTask *
cl_schedule_find_task_overlap (CLStore     *store,
                               const char  *escort_id,
                               gint64       start_at,
                               gint64       end_at,
                               const char  *except_id,
                               GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (cl_str_empty (escort_id))
    return NULL;
  return find_overlap (store, CL_TYPE_ESCORT_TASK, "escort_id", escort_id,
                       start_at, end_at, except_id, "'cancelled', 'no-show'");
}

CLVipBooking *
cl_schedule_find_booking_overlap (CLStore     *store,
                                  const char  *room_id,
                                  gint64       start_at,
                                  gint64       end_at,
                                  const char  *except_id,
                                  GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (cl_str_empty (room_id))
    return NULL;
  return find_overlap (store, CL_TYPE_VIP_BOOKING, "room_id", room_id,
                       start_at, end_at, except_id, "'cancelled'");
}

static gboolean
check_patient (CLStore     *store,
               const char  *patient_id,
               GError     **error)
{
  g_autoptr(CLRecord) patient = NULL;

  if (!cl_str_empty (patient_id))
    patient = cl_store_load_record (store, CL_TYPE_PATIENT, patient_id, NULL);
  if (patient == NULL)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_PATIENT,
                           _("Choose the patient"));
      return FALSE;
    }
  if (cl_record_get_deleted (patient))
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_PATIENT,
                   _("%s has been removed from the roster"),
                   cl_patient_get_name (CL_PATIENT (patient)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_escort (CLStore     *store,
              const char  *escort_id,
              GError     **error)
{
  g_autoptr(CLStaff) staff = NULL;

  staff = (CLStaff *) cl_store_load_record (store, CL_TYPE_STAFF, escort_id, NULL);
  if (staff == NULL || cl_record_get_deleted (CL_RECORD (staff)))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ESCORT,
                           _("The escort is not a member of staff"));
      return FALSE;
    }
  if (g_strcmp0 (cl_staff_get_role (staff), CL_ROLE_ESCORT) != 0)
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ESCORT,
                   _("%s does not have the escort role"),
                   cl_staff_get_display_name (staff));
      return FALSE;
    }
  if (!cl_staff_get_active (staff))
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ESCORT,
                   _("%s no longer works as an escort"),
                   cl_staff_get_display_name (staff));
      return FALSE;
    }
  return TRUE;
}

static void
set_overlap_error (GError      **error,
                   gint64        start_at,
                   gint64        end_at,
                   const char   *format)
{
  g_autofree char *when = cl_schedule_format_interval (start_at, end_at);

  g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVERLAP, format, when);
}

gboolean
cl_schedule_check_task (CLStore               *store,
                        CLEscortTask          *task,
                        CLEscortTask          *stored,
                        gint64                 now,
                        ClScheduleCheckFlags   flags,
                        CLEscortTask         **conflict,
                        GError               **error)
{
  gboolean desk = !(flags & CL_SCHEDULE_CHECK_SERVER);
  const char *escort_id = cl_escort_task_get_escort_id (task);
  gint64 start_at = cl_escort_task_get_start_at (task);
  gint64 end_at = cl_escort_task_get_end_at (task);
  const char *status = cl_escort_task_get_status (task);
  gboolean retimed, reassigned, moved;
  g_autoptr(CLEscortTask) other = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_ESCORT_TASK (task), FALSE);

  if (cl_str_empty (escort_id))
    escort_id = NULL;
  retimed = stored == NULL ||
            cl_escort_task_get_start_at (stored) != start_at ||
            cl_escort_task_get_end_at (stored) != end_at;
  reassigned = stored == NULL ||
               g_strcmp0 (cl_escort_task_get_escort_id (stored), escort_id) != 0;
  moved = retimed || reassigned;

  /* A tombstone takes nothing from anyone. */
  if (cl_record_get_deleted (CL_RECORD (task)))
    return TRUE;

  if (desk && (stored == NULL ||
               g_strcmp0 (cl_escort_task_get_patient_id (stored), cl_escort_task_get_patient_id (task)) != 0) &&
      !check_patient (store, cl_escort_task_get_patient_id (task), error))
    return FALSE;

  if (!g_strv_contains (cl_escort_task_kinds (), cl_escort_task_get_kind (task) ? cl_escort_task_get_kind (task) : ""))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_KIND,
                           _("Choose what kind of escort this is"));
      return FALSE;
    }

  if (desk && escort_id && reassigned && !check_escort (store, escort_id, error))
    return FALSE;

  if (!cl_schedule_check_interval (start_at, end_at, error) ||
      !cl_schedule_check_task_status (stored ? cl_escort_task_get_status (stored) : NULL,
                                      status, error))
    return FALSE;

  if (stored && moved &&
      g_strcmp0 (cl_escort_task_get_status (stored), CL_ESCORT_STATUS_PLANNED) != 0)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_LOCKED,
                           _("Only a planned task can be moved or given to another escort"));
      return FALSE;
    }

  if (desk && retimed && !cl_schedule_check_not_past (start_at, now, error))
    return FALSE;

  if (desk && moved)
    {
      GDate day;
      gint opens, closes;

      cl_schedule_day_of (start_at, &day);
      cl_schedule_escort_hours (store, escort_id, &day, &opens, &closes);
      if (!cl_schedule_check_hours (start_at, end_at, opens, closes, FALSE, error))
        return FALSE;
    }

  if (g_strcmp0 (status, CL_ESCORT_STATUS_DONE) == 0 &&
      (stored == NULL || g_strcmp0 (cl_escort_task_get_status (stored), CL_ESCORT_STATUS_DONE) != 0) &&
      g_strcmp0 (cl_escort_task_get_kind (task), CL_ESCORT_KIND_DELIVERY_TRANSFER) == 0 &&
      (cl_str_empty (cl_escort_task_get_handover_ward (task)) ||
       cl_str_empty (cl_escort_task_get_handover_to (task))))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_HANDOVER,
                           _("Record the ward and who received her there before marking the transfer done"));
      return FALSE;
    }

  if (escort_id && cl_escort_task_is_live (task))
    {
      other = cl_schedule_find_task_overlap (store, escort_id, start_at, end_at,
                                             cl_record_get_id (CL_RECORD (task)), NULL);
      if (other)
        {
          set_overlap_error (error, cl_escort_task_get_start_at (other),
                             cl_escort_task_get_end_at (other),
                             _("The escort already has a task at %s"));
          if (conflict)
            *conflict = g_steal_pointer (&other);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
cl_schedule_check_booking (CLStore               *store,
                           CLVipBooking          *booking,
                           CLVipBooking          *stored,
                           gint64                 now,
                           ClScheduleCheckFlags   flags,
                           CLVipBooking         **conflict,
                           GError               **error)
{
  gboolean desk = !(flags & CL_SCHEDULE_CHECK_SERVER);
  const char *room_id = cl_vip_booking_get_room_id (booking);
  gint64 start_at = cl_vip_booking_get_start_at (booking);
  gint64 end_at = cl_vip_booking_get_end_at (booking);
  g_autoptr(CLVipRoom) room = NULL;
  g_autoptr(CLVipBooking) other = NULL;
  gboolean retimed, roomed;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_VIP_BOOKING (booking), FALSE);

  if (cl_record_get_deleted (CL_RECORD (booking)))
    return TRUE;

  retimed = stored == NULL ||
            cl_vip_booking_get_start_at (stored) != start_at ||
            cl_vip_booking_get_end_at (stored) != end_at;
  roomed = stored == NULL ||
           g_strcmp0 (cl_vip_booking_get_room_id (stored), room_id) != 0;

  if (desk && (stored == NULL ||
               g_strcmp0 (cl_vip_booking_get_patient_id (stored), cl_vip_booking_get_patient_id (booking)) != 0) &&
      !check_patient (store, cl_vip_booking_get_patient_id (booking), error))
    return FALSE;

  if (!cl_str_empty (room_id))
    room = (CLVipRoom *) cl_store_load_record (store, CL_TYPE_VIP_ROOM, room_id, NULL);
  if (room == NULL || cl_record_get_deleted (CL_RECORD (room)))
    {
      /* The server may not have the room yet in odd orders of sync;
       * the overlap rule needs only its id. */
      if (desk || cl_str_empty (room_id))
        {
          g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ROOM,
                               _("Choose the room"));
          return FALSE;
        }
      g_clear_object (&room);
    }
  if (desk && roomed && !cl_vip_room_get_active (room))
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ROOM,
                   _("%s is closed for bookings"), cl_vip_room_get_name (room));
      return FALSE;
    }

  if (!g_strv_contains (cl_vip_booking_purposes (),
                        cl_vip_booking_get_purpose (booking) ? cl_vip_booking_get_purpose (booking) : ""))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_PURPOSE,
                           _("Choose the purpose of the booking"));
      return FALSE;
    }

  if (!cl_schedule_check_interval (start_at, end_at, error) ||
      !cl_schedule_check_booking_status (stored ? cl_vip_booking_get_status (stored) : NULL,
                                         cl_vip_booking_get_status (booking), error))
    return FALSE;

  if (stored && (retimed || roomed) &&
      g_strcmp0 (cl_vip_booking_get_status (stored), CL_VIP_STATUS_BOOKED) != 0)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_LOCKED,
                           _("Only a booking that is not checked in yet can be moved"));
      return FALSE;
    }

  if (desk && retimed && !cl_schedule_check_not_past (start_at, now, error))
    return FALSE;

  if (desk && (retimed || roomed) &&
      (!cl_schedule_check_hours (start_at, end_at, cl_vip_room_get_opens (room),
                                 cl_vip_room_get_closes (room), TRUE, error) ||
       !cl_schedule_check_slots (start_at, end_at, cl_vip_room_get_opens (room),
                                 cl_vip_room_get_slot_minutes (room), error)))
    return FALSE;

  if (cl_vip_booking_is_live (booking))
    {
      other = cl_schedule_find_booking_overlap (store, room_id, start_at, end_at,
                                                cl_record_get_id (CL_RECORD (booking)), NULL);
      if (other)
        {
          set_overlap_error (error, cl_vip_booking_get_start_at (other),
                             cl_vip_booking_get_end_at (other),
                             _("The room is already booked at %s"));
          if (conflict)
            *conflict = g_steal_pointer (&other);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_sync_or_own_column (const char *column)
{
  static const char * const allowed[] = {
    "id", "rev", "updated_at", "updated_by", "deleted",
    "status", "handover_ward", "handover_to", "handover_at", "note", NULL
  };

  return g_strv_contains (allowed, column);
}

gboolean
cl_schedule_check_escort_edit (CLEscortTask  *task,
                               CLEscortTask  *stored,
                               const char    *escort_id,
                               GError       **error)
{
  const char * const *columns;

  g_return_val_if_fail (CL_IS_ESCORT_TASK (task), FALSE);

  if (stored == NULL || cl_str_empty (escort_id) ||
      g_strcmp0 (cl_escort_task_get_escort_id (stored), escort_id) != 0 ||
      cl_record_get_deleted (CL_RECORD (task)))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN,
                           _("An escort can only update the status of their own tasks"));
      return FALSE;
    }

  columns = cl_record_type_get_columns (CL_TYPE_ESCORT_TASK);
  for (guint i = 0; columns[i]; i++)
    {
      g_autofree char *name = NULL;
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      GParamSpec *pspec;

      if (is_sync_or_own_column (columns[i]))
        continue;
      name = g_strdelimit (g_strdup (columns[i]), "_", '-');
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (task), name);
      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (G_OBJECT (task), name, &a);
      g_object_get_property (G_OBJECT (stored), name, &b);
      if (g_param_values_cmp (pspec, &a, &b) != 0)
        {
          g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN,
                               _("An escort can only update the status of their own tasks"));
          return FALSE;
        }
    }
  return TRUE;
}

char *
cl_schedule_staff_id_of (CLStore    *store,
                         const char *username)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (cl_str_empty (username))
    return NULL;
  rows = cl_store_query_records (store, CL_TYPE_STAFF, "deleted = 0 AND username = ?1 LIMIT 1",
                                 username, NULL);
  return rows->len ? g_strdup (cl_record_get_id (g_ptr_array_index (rows, 0))) : NULL;
}

gboolean
cl_schedule_check_change (CLStore      *store,
                          CLRecord     *incoming,
                          CLRecord     *current,
                          const char   *username,
                          const char   *role,
                          CLRecord    **conflict,
                          GError      **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_RECORD (incoming), FALSE);

  if (CL_IS_ESCORT_TASK (incoming))
    {
      g_autofree char *me = NULL;

      /* A record that is not valid is refused as such whoever sent it;
       * then an escort's limits. */
      if (!cl_schedule_check_task (store, CL_ESCORT_TASK (incoming),
                                   current ? CL_ESCORT_TASK (current) : NULL,
                                   0, CL_SCHEDULE_CHECK_SERVER,
                                   (CLEscortTask **) conflict, error))
        return FALSE;
      if (g_strcmp0 (role, CL_ROLE_ESCORT) != 0)
        return TRUE;
      me = cl_schedule_staff_id_of (store, username);
      return cl_schedule_check_escort_edit (CL_ESCORT_TASK (incoming),
                                            current ? CL_ESCORT_TASK (current) : NULL,
                                            me, error);
    }
  if (CL_IS_VIP_BOOKING (incoming))
    return cl_schedule_check_booking (store, CL_VIP_BOOKING (incoming),
                                      current ? CL_VIP_BOOKING (current) : NULL,
                                      0, CL_SCHEDULE_CHECK_SERVER,
                                      (CLVipBooking **) conflict, error);
  return TRUE;
}

GHashTable *
cl_schedule_patient_names (CLStore    *store,
                           GListModel *items)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *ids = NULL;
  guint n = g_list_model_get_n_items (items);
  sqlite3_stmt *stmt;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *patient_id = NULL;

      g_object_get (item, "patient-id", &patient_id, NULL);
      if (patient_id)
        json_builder_add_string_value (builder, patient_id);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  ids = json_to_string (root, FALSE);

  /* Only the names, not whole patient records. */
  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, "SELECT id, name FROM patient"
                                       " WHERE id IN (SELECT value FROM json_each (?1))", NULL)))
    {
      sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return names;
}

/* ---- shared by the stores ------------------------------------------ */

gboolean
cl_schedule_save_record (CLStore          *store,
                         CLRecord         *record,
                         const char       *role,
                         ClScheduleCheck   check,
                         GError          **error)
{
  g_autoptr(CLRecord) copy = NULL;
  g_autoptr(CLRecord) stored = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_RECORD (record), FALSE);

  if (!cl_tables_can_write (role, cl_record_get_table_name (record)))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN,
                           _("Your role may not change this"));
      return FALSE;
    }

  copy = cl_record_dup (record);
  if (!cl_store_begin (store, error))
    return FALSE;

  stored = cl_store_load_record (store, G_OBJECT_TYPE (record), cl_record_get_id (record), &local_error);
  if (stored == NULL && !g_error_matches (local_error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND))
    goto failed;
  g_clear_error (&local_error);

  /* A view's copy may carry the rev its own change had before the
   * server acknowledged it; the write must be based on the stored one
   * when it is the same version. */
  if (stored)
    cl_store_adopt_acknowledged_rev (store, copy);

  if (!check (store, copy, stored, role, &local_error) ||
      !cl_store_write_record (store, copy, CL_WRITE_DEFAULT, &local_error))
    goto failed;
  if (!cl_store_commit (store, error))
    return FALSE;

  written = cl_record_to_json (copy);
  if (!cl_record_update_from_json (record, json_node_get_object (written), NULL))
    g_assert_not_reached ();
  return TRUE;

failed:
  cl_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The views load hundreds of entries at a time (a day of 40 escorts
 * is 800 tasks): rows are read with the setters rather than through
 * GObject property lookups, which is several times faster. */

#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))

static void
record_from_row (CLRecord     *record,
                 sqlite3_stmt *stmt)
{
  cl_record_set_id (record, TEXT (0));
  cl_record_set_rev (record, sqlite3_column_int64 (stmt, 1));
  cl_record_set_updated_at (record, sqlite3_column_int64 (stmt, 2));
  cl_record_set_updated_by (record, TEXT (3));
}

static gpointer
task_from_row (sqlite3_stmt *stmt)
{
  CLEscortTask *task = g_object_new (CL_TYPE_ESCORT_TASK, NULL);

  record_from_row (CL_RECORD (task), stmt);
  cl_escort_task_set_patient_id (task, TEXT (4));
  cl_escort_task_set_kind (task, TEXT (5));
  cl_escort_task_set_place_from (task, TEXT (6));
  cl_escort_task_set_place_to (task, TEXT (7));
  cl_escort_task_set_start_at (task, sqlite3_column_int64 (stmt, 8));
  cl_escort_task_set_end_at (task, sqlite3_column_int64 (stmt, 9));
  cl_escort_task_set_escort_id (task, TEXT (10));
  cl_escort_task_set_status (task, TEXT (11));
  cl_escort_task_set_handover_ward (task, TEXT (12));
  cl_escort_task_set_handover_to (task, TEXT (13));
  cl_escort_task_set_handover_at (task, sqlite3_column_int64 (stmt, 14));
  cl_escort_task_set_note (task, TEXT (15));
  return task;
}

static gpointer
booking_from_row (sqlite3_stmt *stmt)
{
  CLVipBooking *booking = g_object_new (CL_TYPE_VIP_BOOKING, NULL);

  record_from_row (CL_RECORD (booking), stmt);
  cl_vip_booking_set_room_id (booking, TEXT (4));
  cl_vip_booking_set_patient_id (booking, TEXT (5));
  cl_vip_booking_set_purpose (booking, TEXT (6));
  cl_vip_booking_set_start_at (booking, sqlite3_column_int64 (stmt, 7));
  cl_vip_booking_set_end_at (booking, sqlite3_column_int64 (stmt, 8));
  cl_vip_booking_set_booked_by (booking, TEXT (9));
  cl_vip_booking_set_note (booking, TEXT (10));
  cl_vip_booking_set_status (booking, TEXT (11));
  return booking;
}

#undef TEXT

GListStore *
cl_schedule_query_range (CLStore    *store,
                         GType       type,
                         gint64      from,
                         gint64      to,
                         const char *condition,
                         const char *param,
                         const char *order)
{
  static const char task_sql[] =
    "SELECT id, rev, updated_at, updated_by, patient_id, kind, place_from, place_to,"
    " start_at, end_at, escort_id, status, handover_ward, handover_to, handover_at, note"
    " FROM escort_task";
  static const char booking_sql[] =
    "SELECT id, rev, updated_at, updated_by, room_id, patient_id, purpose,"
    " start_at, end_at, booked_by, note, status FROM vip_booking";
  gboolean tasks = type == CL_TYPE_ESCORT_TASK;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  GListStore *list = g_list_store_new (type);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (type == CL_TYPE_ESCORT_TASK || type == CL_TYPE_VIP_BOOKING, list);

  sql = g_strdup_printf ("%s WHERE deleted = 0 AND start_at >= ?1 AND start_at < ?2"
                         " AND coalesce (status, '') != 'cancelled'%s%s ORDER BY %s",
                         tasks ? task_sql : booking_sql,
                         condition ? " AND " : "", condition ? condition : "",
                         order ? order : "start_at, id");
  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, sql, NULL)))
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      if (param)
        sqlite3_bind_text (stmt, 3, param, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (rows, tasks ? task_from_row (stmt) : booking_from_row (stmt));
      if (rc != SQLITE_DONE)
        g_warning ("schedule query failed: %s", sqlite3_errmsg (cl_store_get_db (store)));
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return list;
}
