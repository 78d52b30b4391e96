#define G_LOG_DOMAIN "cl-directory-text"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-directory-text.h"
#include "cl-util.h"

static char *
local_time (gint64 at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%H:%M");
}

char *
cl_directory_session_label (CLDoctorSession *session)
{
  const char *room;

  g_return_val_if_fail (CL_IS_DOCTOR_SESSION (session), NULL);

  room = cl_doctor_session_get_room (session);
  if (cl_str_empty (room))
    /* TRANSLATORS: a weekly clinic session: a weekday and a half-day, "Monday afternoon" */
    return g_strdup_printf (C_("session", "%s %s"),
                            cl_doctor_session_weekday_label (cl_doctor_session_get_weekday (session)),
                            cl_doctor_session_half_day_label (cl_doctor_session_get_half_day (session)));
  /* TRANSLATORS: a weekly clinic session: weekday, half-day and room, "Monday afternoon, Room 305" */
  return g_strdup_printf (C_("session", "%s %s, Room %s"),
                          cl_doctor_session_weekday_label (cl_doctor_session_get_weekday (session)),
                          cl_doctor_session_half_day_label (cl_doctor_session_get_half_day (session)),
                          room);
}

char *
cl_directory_doctor_label (CLDoctor *doctor)
{
  g_return_val_if_fail (CL_IS_DOCTOR (doctor), NULL);

  /* TRANSLATORS: a doctor's name and professional title */
  return g_strdup_printf (C_("doctor", "%s · %s"), cl_doctor_get_name (doctor) ? cl_doctor_get_name (doctor) : "",
                          cl_doctor_title_label (cl_doctor_get_title (doctor)));
}

char *
cl_directory_check_label (CLSessionCheck *check,
                          gint64          now)
{
  g_autofree char *marked = NULL;

  g_return_val_if_fail (CL_IS_SESSION_CHECK (check), NULL);

  if (cl_session_check_get_arrived (check))
    {
      g_autofree char *arrived = local_time (cl_session_check_get_arrived_at (check));

      /* TRANSLATORS: "min" is short for minutes, the same for one or many */
      return g_strdup_printf (_("Arrived at %s, %d min late"),
                              arrived, (int) cl_session_check_minutes_late (check, now));
    }
  marked = local_time (cl_session_check_get_marked_at (check));
  if (!cl_str_empty (cl_session_check_get_phoned (check)))
    {
      g_autofree char *phoned = local_time (cl_session_check_get_phoned_at (check));

      return g_strdup_printf (_("Not arrived at %s; phoned %s at %s"), marked,
                              cl_session_check_get_phoned (check), phoned);
    }
  return g_strdup_printf (_("Not arrived at %s; nobody phoned yet"), marked);
}
