#define G_LOG_DOMAIN "cl-event-registration"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-event-registration.h"
#include "cl-util.h"

enum {
  F_EVENT_ID,
  F_PATIENT_ID,
  F_STATE,
  F_REGISTERED_BY,
  N_TEXT
};

static const char * const text_names[N_TEXT] = {
  "event-id", "patient-id", "state", "registered-by",
};

enum {
  N_REGISTERED_AT,
  N_ATTENDED,
  N_NUM
};

struct _CLEventRegistration
{
  CLRecord parent_instance;

  char   *text[N_TEXT];
  gint64  num[N_NUM];
};

G_DEFINE_FINAL_TYPE (CLEventRegistration, cl_event_registration, CL_TYPE_RECORD)

/* Properties: the texts from 1, then the numbers. */
#define PROP_NUM(i) (N_TEXT + 1 + (i))
#define N_PROPS     (N_TEXT + 1 + N_NUM)

static GParamSpec *properties[N_PROPS];

static void
cl_event_registration_finalize (GObject *object)
{
  CLEventRegistration *self = (CLEventRegistration *) object;

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (cl_event_registration_parent_class)->finalize (object);
}

static void
cl_event_registration_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CLEventRegistration *self = (CLEventRegistration *) object;

  if (prop_id >= 1 && prop_id <= N_TEXT)
    g_value_set_string (value, self->text[prop_id - 1]);
  else if (prop_id == PROP_NUM (0))
    g_value_set_int64 (value, self->num[0]);
  else if (prop_id == PROP_NUM (1))
    g_value_set_boolean (value, self->num[1] != 0);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_event_registration_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CLEventRegistration *self = (CLEventRegistration *) object;

  if (prop_id >= 1 && prop_id <= N_TEXT)
    {
      if (cl_set_str (&self->text[prop_id - 1], g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      return;
    }
  if (prop_id == PROP_NUM (0))
    {
      gint64 v = g_value_get_int64 (value);

      if (self->num[0] != v)
        {
          self->num[0] = v;
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }
  if (prop_id == PROP_NUM (1))
    {
      gint64 v = (g_value_get_boolean (value) ? 1 : 0);

      if (self->num[1] != v)
        {
          self->num[1] = v;
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }
  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_event_registration_class_init (CLEventRegistrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cl_event_registration_finalize;
  object_class->get_property = cl_event_registration_get_property;
  object_class->set_property = cl_event_registration_set_property;
  CL_RECORD_CLASS (klass)->table_name = "event_registration";

  for (guint i = 0; i < N_TEXT; i++)
    properties[i + 1] = g_param_spec_string (text_names[i], NULL, NULL, NULL, flags);
  properties[PROP_NUM (0)] = g_param_spec_int64 ("registered-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NUM (1)] = g_param_spec_boolean ("attended", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  return self->text[F_EVENT_ID];
}

void
cl_event_registration_set_event_id (CLEventRegistration *self,
                                   const char *value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (cl_set_str (&self->text[F_EVENT_ID], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_EVENT_ID + 1]);
}

const char *
cl_event_registration_get_patient_id (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), NULL);
  return self->text[F_PATIENT_ID];
}

void
cl_event_registration_set_patient_id (CLEventRegistration *self,
                                     const char *value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (cl_set_str (&self->text[F_PATIENT_ID], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_PATIENT_ID + 1]);
}

const char *
cl_event_registration_get_state (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), NULL);
  return self->text[F_STATE];
}

void
cl_event_registration_set_state (CLEventRegistration *self,
                                const char *value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (cl_set_str (&self->text[F_STATE], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_STATE + 1]);
}

const char *
cl_event_registration_get_registered_by (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), NULL);
  return self->text[F_REGISTERED_BY];
}

void
cl_event_registration_set_registered_by (CLEventRegistration *self,
                                        const char *value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (cl_set_str (&self->text[F_REGISTERED_BY], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_REGISTERED_BY + 1]);
}

gint64
cl_event_registration_get_registered_at (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), 0);
  return self->num[0];
}

void
cl_event_registration_set_registered_at (CLEventRegistration *self,
                                        gint64 value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (self->num[0] == value)
    return;
  self->num[0] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUM (0)]);
}

gboolean
cl_event_registration_get_attended (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), 0);
  return self->num[1] != 0;
}

void
cl_event_registration_set_attended (CLEventRegistration *self,
                                   gboolean value)
{
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (self));
  if (self->num[1] == (value ? 1 : 0))
    return;
  self->num[1] = (value ? 1 : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUM (1)]);
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
  return g_strcmp0 (self->text[F_STATE], CL_REGISTRATION_REGISTERED) == 0;
}

gboolean
cl_event_registration_is_waitlisted (CLEventRegistration *self)
{
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), FALSE);
  return g_strcmp0 (self->text[F_STATE], CL_REGISTRATION_WAITLISTED) == 0;
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

  if (x->num[N_REGISTERED_AT] != y->num[N_REGISTERED_AT])
    return x->num[N_REGISTERED_AT] < y->num[N_REGISTERED_AT] ? -1 : 1;
  return g_strcmp0 (cl_record_get_id (CL_RECORD (x)), cl_record_get_id (CL_RECORD (y)));
}

GHashTable *
cl_event_registration_validate (CLEventRegistration *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (self), errors);

  if (cl_str_empty (self->text[F_EVENT_ID]))
    refuse (errors, "event_id", _("Choose the event"));
  if (cl_str_empty (self->text[F_PATIENT_ID]))
    refuse (errors, "patient_id", _("A registration must belong to a patient"));
  if (self->text[F_STATE] == NULL || !g_strv_contains (states, self->text[F_STATE]))
    refuse (errors, "state", _("A registration is registered, on the waiting list or cancelled"));
  else if (self->num[N_ATTENDED] && !cl_event_registration_is_registered (self))
    refuse (errors, "attended", _("Only a registered patient can be marked as attended"));
  if (self->num[N_REGISTERED_AT] <= 0)
    refuse (errors, "registered_at", _("Say when she was registered"));
  return errors;
}
