#define G_LOG_DOMAIN "cl-event-registration"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-event-registration.h"
#include "cl-util.h"

struct _CLEventRegistration
{
  CLRecord parent_instance;

  char     *event_id;
  char     *patient_id;
  char     *state;
  char     *registered_by;
  gint64   registered_at;
  gboolean attended;
};

G_DEFINE_FINAL_TYPE (CLEventRegistration, cl_event_registration, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_EVENT_ID,
  PROP_PATIENT_ID,
  PROP_STATE,
  PROP_REGISTERED_BY,
  PROP_REGISTERED_AT,
  PROP_ATTENDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_event_registration_class_init (CLEventRegistrationClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_EVENT_ID]      = { "event-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEventRegistration, event_id) },
    [PROP_PATIENT_ID]    = { "patient-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEventRegistration, patient_id) },
    [PROP_STATE]         = { "state", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEventRegistration, state) },
    [PROP_REGISTERED_BY] = { "registered-by", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEventRegistration, registered_by) },
    [PROP_REGISTERED_AT] = { "registered-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLEventRegistration, registered_at), 0, CL_COLUMN_NON_NEGATIVE },
    [PROP_ATTENDED]      = { "attended", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLEventRegistration, attended) },
  };

  CL_RECORD_CLASS (klass)->table_name = "event_registration";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_event_registration_init (CLEventRegistration *self)
{
}

CLEventRegistration *
cl_event_registration_new (void)
{
  return CL_EVENT_REGISTRATION (cl_record_new (CL_TYPE_EVENT_REGISTRATION));
}

const char *
cl_event_registration_get_event_id (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), NULL);
  return self->event_id;
}

void
cl_event_registration_set_event_id (CLEventRegistration *self,
                                   const char *value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (cl_set_str (&self->event_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

const char *
cl_event_registration_get_patient_id (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), NULL);
  return self->patient_id;
}

void
cl_event_registration_set_patient_id (CLEventRegistration *self,
                                     const char *value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (cl_set_str (&self->patient_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_ID]);
}

const char *
cl_event_registration_get_state (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), NULL);
  return self->state;
}

void
cl_event_registration_set_state (CLEventRegistration *self,
                                const char *value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (cl_set_str (&self->state, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
cl_event_registration_get_registered_by (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), NULL);
  return self->registered_by;
}

void
cl_event_registration_set_registered_by (CLEventRegistration *self,
                                        const char *value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (cl_set_str (&self->registered_by, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTERED_BY]);
}

gint64
cl_event_registration_get_registered_at (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), 0);
  return self->registered_at;
}

void
cl_event_registration_set_registered_at (CLEventRegistration *self,
                                        gint64 value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (self->registered_at == value)
    return;
  self->registered_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTERED_AT]);
}

gboolean
cl_event_registration_get_attended (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), 0);
  return self->attended != 0;
}

void
cl_event_registration_set_attended (CLEventRegistration *self,
                                   gboolean value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (self->attended == (value ? 1 : 0))
    return;
  self->attended = (value ? 1 : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDED]);
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static const char * const states[] = {
  CL_REGISTRATION_REGISTERED, CL_REGISTRATION_WAITLISTED, CL_REGISTRATION_CANCELLED, NULL,
};

gboolean
cl_event_registration_is_registered (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), FALSE);
  return g_strcmp0 (self->state, CL_REGISTRATION_REGISTERED) == 0;
}

gboolean
cl_event_registration_is_waitlisted (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), FALSE);
  return g_strcmp0 (self->state, CL_REGISTRATION_WAITLISTED) == 0;
}

gboolean
cl_event_registration_is_live (CLEventRegistration *self)
{
  return cl_event_registration_is_registered (self) || cl_event_registration_is_waitlisted (self);
}

const char *
cl_event_registration_state_label (const char *state)
{
  static const char * const labels[] = { N_("Registered"), N_("Waiting list"), N_("Cancelled") };

  for (guint i = 0; state && states[i]; i++)
    if (g_str_equal (state, states[i]))
      return _(labels[i]);
  return state ? state : "";
}

gint
cl_event_registration_compare (gconstpointer a,
                               gconstpointer b)
{
  CLEventRegistration *x = *(CLEventRegistration **) a;
  CLEventRegistration *y = *(CLEventRegistration **) b;

  if (x->registered_at != y->registered_at)
    return x->registered_at < y->registered_at ? -1 : 1;
  return g_strcmp0 (cl_record_get_id (CL_RECORD (x)), cl_record_get_id (CL_RECORD (y)));
}

GHashTable *
cl_event_registration_validate (CLEventRegistration *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), errors);

  if (cl_str_empty (self->event_id))
    refuse (errors, "event_id", _("Choose the event"));
  if (cl_str_empty (self->patient_id))
    refuse (errors, "patient_id", _("A registration must belong to a patient"));
  if (self->state == NULL || !g_strv_contains (states, self->state))
    refuse (errors, "state", _("A registration is registered, on the waiting list or cancelled"));
  else if (self->attended && !cl_event_registration_is_registered (self))
    refuse (errors, "attended", _("Only a registered patient can be marked as attended"));
  if (self->registered_at <= 0)
    refuse (errors, "registered_at", _("Say when she was registered"));
  return errors;
}
