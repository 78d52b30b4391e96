#define G_LOG_DOMAIN "cl-session-check"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-session-check.h"
#include "cl-date.h"
#include "cl-doctor-session.h"
#include "cl-util.h"

struct _CLSessionCheck
{
  CLRecord parent_instance;

  char      *session_id;
  char      *doctor_id;
  char      *date;
  char      *half_day;
  gint64     marked_at;
  char      *phoned;
  gint64     phoned_at;
  gint64     arrived_at;
  char      *note;
};

G_DEFINE_FINAL_TYPE (CLSessionCheck, cl_session_check, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SESSION_ID,
  PROP_DOCTOR_ID,
  PROP_DATE,
  PROP_HALF_DAY,
  PROP_MARKED_AT,
  PROP_PHONED,
  PROP_PHONED_AT,
  PROP_ARRIVED_AT,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_session_check_class_init (CLSessionCheckClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_SESSION_ID] = { "session-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSessionCheck, session_id) },
    [PROP_DOCTOR_ID] = { "doctor-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSessionCheck, doctor_id) },
    [PROP_DATE] = { "date", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSessionCheck, date) },
    [PROP_HALF_DAY] = { "half-day", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSessionCheck, half_day) },
    [PROP_MARKED_AT] = { "marked-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLSessionCheck, marked_at) },
    [PROP_PHONED] = { "phoned", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSessionCheck, phoned) },
    [PROP_PHONED_AT] = { "phoned-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLSessionCheck, phoned_at) },
    [PROP_ARRIVED_AT] = { "arrived-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLSessionCheck, arrived_at) },
    [PROP_NOTE] = { "note", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSessionCheck, note) },
  };

  CL_RECORD_CLASS (klass)->table_name = "session_check";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_session_check_init (CLSessionCheck *self)
{
}

CLSessionCheck *
cl_session_check_new (void)
{
  CLSessionCheck *self = CL_SESSION_CHECK (cl_record_new (CL_TYPE_SESSION_CHECK));


  return self;
}

const char *
cl_session_check_get_session_id (CLSessionCheck *self)
{
  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), NULL);
  return self->session_id;
}

void
cl_session_check_set_session_id (CLSessionCheck *self,
                                 const char *value)
{
  g_return_if_fail (CL_IS_SESSION_CHECK (self));
  cl_record_set_text_column (self, properties[PROP_SESSION_ID], value);
}

const char *
cl_session_check_get_doctor_id (CLSessionCheck *self)
{
  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), NULL);
  return self->doctor_id;
}

void
cl_session_check_set_doctor_id (CLSessionCheck *self,
                                const char *value)
{
  g_return_if_fail (CL_IS_SESSION_CHECK (self));
  cl_record_set_text_column (self, properties[PROP_DOCTOR_ID], value);
}

const char *
cl_session_check_get_date (CLSessionCheck *self)
{
  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), NULL);
  return self->date;
}

void
cl_session_check_set_date (CLSessionCheck *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_SESSION_CHECK (self));
  cl_record_set_text_column (self, properties[PROP_DATE], value);
}

const char *
cl_session_check_get_half_day (CLSessionCheck *self)
{
  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), NULL);
  return self->half_day;
}

void
cl_session_check_set_half_day (CLSessionCheck *self,
                               const char *value)
{
  g_return_if_fail (CL_IS_SESSION_CHECK (self));
  cl_record_set_text_column (self, properties[PROP_HALF_DAY], value);
}

gint64
cl_session_check_get_marked_at (CLSessionCheck *self)
{
  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), 0);
  return self->marked_at;
}

void
cl_session_check_set_marked_at (CLSessionCheck *self,
                                gint64 value)
{
  g_return_if_fail (CL_IS_SESSION_CHECK (self));
  cl_record_set_int_column (self, properties[PROP_MARKED_AT], value);
}

const char *
cl_session_check_get_phoned (CLSessionCheck *self)
{
  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), NULL);
  return self->phoned;
}

void
cl_session_check_set_phoned (CLSessionCheck *self,
                             const char *value)
{
  g_return_if_fail (CL_IS_SESSION_CHECK (self));
  cl_record_set_text_column (self, properties[PROP_PHONED], value);
}

gint64
cl_session_check_get_phoned_at (CLSessionCheck *self)
{
  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), 0);
  return self->phoned_at;
}

void
cl_session_check_set_phoned_at (CLSessionCheck *self,
                                gint64 value)
{
  g_return_if_fail (CL_IS_SESSION_CHECK (self));
  cl_record_set_int_column (self, properties[PROP_PHONED_AT], value);
}

gint64
cl_session_check_get_arrived_at (CLSessionCheck *self)
{
  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), 0);
  return self->arrived_at;
}

void
cl_session_check_set_arrived_at (CLSessionCheck *self,
                                 gint64 value)
{
  g_return_if_fail (CL_IS_SESSION_CHECK (self));
  cl_record_set_int_column (self, properties[PROP_ARRIVED_AT], value);
}

const char *
cl_session_check_get_note (CLSessionCheck *self)
{
  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), NULL);
  return self->note;
}

void
cl_session_check_set_note (CLSessionCheck *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_SESSION_CHECK (self));
  cl_record_set_text_column (self, properties[PROP_NOTE], value);
}

static gboolean
blank (const char *text)
{
  for (; text && *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

gboolean
cl_session_check_get_arrived (CLSessionCheck *self)
{
  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), FALSE);
  return self->arrived_at > 0;
}

gint64
cl_session_check_minutes_late (CLSessionCheck *self,
                               gint64          now)
{
  gint64 until;

  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), 0);

  until = self->arrived_at > 0 ? self->arrived_at : now;
  return until > self->marked_at ? (until - self->marked_at) / 60 : 0;
}

GHashTable *
cl_session_check_validate (CLSessionCheck *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GDate date;

  g_return_val_if_fail (CL_IS_SESSION_CHECK (self), errors);

  if (cl_str_empty (self->session_id))
    refuse (errors, "session_id", _("Choose the session"));
  if (cl_str_empty (self->doctor_id))
    refuse (errors, "doctor_id", _("Choose the doctor"));
  if (cl_str_empty (self->date) || !cl_date_parse (self->date, &date, NULL))
    refuse (errors, "date", _("Enter a date such as 2024-03-01"));
  if (self->half_day == NULL || !g_strv_contains (cl_doctor_session_half_days (), self->half_day))
    refuse (errors, "half_day", _("Choose morning, afternoon or evening"));
  if (self->marked_at <= 0)
    refuse (errors, "marked_at", _("Enter when the session was marked"));
  if (!blank (self->phoned) && self->phoned_at <= 0)
    refuse (errors, "phoned_at", _("Enter when you phoned"));
  if (blank (self->phoned) && self->phoned_at > 0)
    refuse (errors, "phoned", _("Enter whom you phoned"));
  if (self->arrived_at < 0 || (self->arrived_at > 0 && self->arrived_at < self->marked_at))
    refuse (errors, "arrived_at", _("The arrival is before the session was marked"));
  return errors;
}
