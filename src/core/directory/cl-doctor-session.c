#define G_LOG_DOMAIN "cl-doctor-session"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-doctor-session.h"
#include "cl-choice.h"
#include "cl-date.h"
#include "cl-util.h"

struct _CLDoctorSession
{
  CLRecord parent_instance;

  char      *doctor_id;
  gint       weekday;
  char      *half_day;
  char      *room;
  char      *valid_from;
  char      *valid_until;
};

G_DEFINE_FINAL_TYPE (CLDoctorSession, cl_doctor_session, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DOCTOR_ID,
  PROP_WEEKDAY,
  PROP_HALF_DAY,
  PROP_ROOM,
  PROP_VALID_FROM,
  PROP_VALID_UNTIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_doctor_session_class_init (CLDoctorSessionClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_DOCTOR_ID] = { "doctor-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDoctorSession, doctor_id) },
    [PROP_WEEKDAY] = { "weekday", CL_COLUMN_INT, G_STRUCT_OFFSET (CLDoctorSession, weekday) },
    [PROP_HALF_DAY] = { "half-day", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDoctorSession, half_day) },
    [PROP_ROOM] = { "room", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDoctorSession, room) },
    [PROP_VALID_FROM] = { "valid-from", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDoctorSession, valid_from) },
    [PROP_VALID_UNTIL] = { "valid-until", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDoctorSession, valid_until) },
  };

  CL_RECORD_CLASS (klass)->table_name = "doctor_session";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_doctor_session_init (CLDoctorSession *self)
{
}

CLDoctorSession *
cl_doctor_session_new (void)
{
  CLDoctorSession *self = CL_DOCTOR_SESSION (cl_record_new (CL_TYPE_DOCTOR_SESSION));

  self->weekday = 1;
  cl_record_set_text_column (self, properties[PROP_HALF_DAY], "morning");
  return self;
}

const char *
cl_doctor_session_get_doctor_id (CLDoctorSession *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_SESSION (self), NULL);
  return self->doctor_id;
}

void
cl_doctor_session_set_doctor_id (CLDoctorSession *self,
                                 const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_SESSION (self));
  cl_record_set_text_column (self, properties[PROP_DOCTOR_ID], value);
}

gint
cl_doctor_session_get_weekday (CLDoctorSession *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_SESSION (self), 0);
  return self->weekday;
}

void
cl_doctor_session_set_weekday (CLDoctorSession *self,
                               gint value)
{
  g_return_if_fail (CL_IS_DOCTOR_SESSION (self));
  cl_record_set_int_column (self, properties[PROP_WEEKDAY], value);
}

const char *
cl_doctor_session_get_half_day (CLDoctorSession *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_SESSION (self), NULL);
  return self->half_day;
}

void
cl_doctor_session_set_half_day (CLDoctorSession *self,
                                const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_SESSION (self));
  cl_record_set_text_column (self, properties[PROP_HALF_DAY], value);
}

const char *
cl_doctor_session_get_room (CLDoctorSession *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_SESSION (self), NULL);
  return self->room;
}

void
cl_doctor_session_set_room (CLDoctorSession *self,
                            const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_SESSION (self));
  cl_record_set_text_column (self, properties[PROP_ROOM], value);
}

const char *
cl_doctor_session_get_valid_from (CLDoctorSession *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_SESSION (self), NULL);
  return self->valid_from;
}

void
cl_doctor_session_set_valid_from (CLDoctorSession *self,
                                  const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_SESSION (self));
  cl_record_set_text_column (self, properties[PROP_VALID_FROM], value);
}

const char *
cl_doctor_session_get_valid_until (CLDoctorSession *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_SESSION (self), NULL);
  return self->valid_until;
}

void
cl_doctor_session_set_valid_until (CLDoctorSession *self,
                                   const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_SESSION (self));
  cl_record_set_text_column (self, properties[PROP_VALID_UNTIL], value);
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static const ClChoice half_days[] = {
  { "morning", "half-day", NC_("half-day", "Morning") },
  { "afternoon", "half-day", NC_("half-day", "Afternoon") },
  { "evening", "half-day", NC_("half-day", "Evening") },
};

const char * const *
cl_doctor_session_half_days (void)
{
  static const char **cache;

  return cl_choice_values (half_days, G_N_ELEMENTS (half_days), &cache);
}

const char *
cl_doctor_session_half_day_label (const char *half_day)
{
  const char *label = cl_choice_label (half_days, G_N_ELEMENTS (half_days), half_day);

  return label ? label : (half_day ? half_day : "");
}

const char *
cl_doctor_session_half_day_at (GDateTime *time)
{
  gint hour;

  g_return_val_if_fail (time != NULL, "morning");

  hour = g_date_time_get_hour (time);
  if (hour < 12)
    return "morning";
  if (hour < 18)
    return "afternoon";
  return "evening";
}

const char *
cl_doctor_session_weekday_label (gint weekday)
{
  static const char * const labels[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday"),
  };

  if (weekday < 1 || weekday > 7)
    return "";
  return _(labels[weekday - 1]);
}

gboolean
cl_doctor_session_runs_on (CLDoctorSession *self,
                           const GDate     *date)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (CL_IS_DOCTOR_SESSION (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if ((gint) g_date_get_weekday (date) != self->weekday)
    return FALSE;
  iso = cl_date_to_iso (date);
  if (!cl_str_empty (self->valid_from) && g_strcmp0 (iso, self->valid_from) < 0)
    return FALSE;
  if (!cl_str_empty (self->valid_until) && g_strcmp0 (iso, self->valid_until) > 0)
    return FALSE;
  return TRUE;
}

static gboolean
date_ok (const char *text)
{
  GDate date;

  return cl_str_empty (text) || cl_date_parse (text, &date, NULL);
}

GHashTable *
cl_doctor_session_validate (CLDoctorSession *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_DOCTOR_SESSION (self), errors);

  if (cl_str_empty (self->doctor_id))
    refuse (errors, "doctor_id", _("Choose the doctor"));
  if (self->weekday < 1 || self->weekday > 7)
    refuse (errors, "weekday", _("Choose the day of the week"));
  if (cl_choice_label (half_days, G_N_ELEMENTS (half_days), self->half_day) == NULL)
    refuse (errors, "half_day", _("Choose morning, afternoon or evening"));
  if (!date_ok (self->valid_from))
    refuse (errors, "valid_from", _("Enter a date such as 2024-03-01"));
  if (!date_ok (self->valid_until))
    refuse (errors, "valid_until", _("Enter a date such as 2024-03-01"));
  else if (!cl_str_empty (self->valid_from) && !cl_str_empty (self->valid_until) &&
           g_strcmp0 (self->valid_until, self->valid_from) < 0)
    refuse (errors, "valid_until", _("The last date is before the first"));
  return errors;
}
