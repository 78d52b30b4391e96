#define G_LOG_DOMAIN "cl-risk-event"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-risk-event.h"
#include "cl-util.h"

struct _CLRiskEvent
{
  CLRecord parent_instance;

  char *pregnancy_id;
  char *date;
  char *risk;
  char *note;
};

G_DEFINE_FINAL_TYPE (CLRiskEvent, cl_risk_event, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PREGNANCY_ID,
  PROP_DATE,
  PROP_RISK,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
field_for_prop (CLRiskEvent *self,
                guint        prop_id)
{
  char **fields[] = { NULL, &self->pregnancy_id, &self->date, &self->risk, &self->note };

  g_assert (prop_id > 0 && prop_id < N_PROPS);

  return fields[prop_id];
}

static void
cl_risk_event_finalize (GObject *object)
{
  CLRiskEvent *self = CL_RISK_EVENT (object);

  for (guint i = 1; i < N_PROPS; i++)
    g_clear_pointer (field_for_prop (self, i), g_free);

  G_OBJECT_CLASS (cl_risk_event_parent_class)->finalize (object);
}

static void
cl_risk_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *field_for_prop (CL_RISK_EVENT (object), prop_id));
}

static void
cl_risk_event_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (cl_set_str (field_for_prop (CL_RISK_EVENT (object), prop_id),
                       g_value_get_string (value)))
    g_object_notify_by_pspec (object, pspec);
}

static void
cl_risk_event_class_init (CLRiskEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[] = { NULL, "pregnancy-id", "date", "risk", "note" };

  object_class->finalize = cl_risk_event_finalize;
  object_class->get_property = cl_risk_event_get_property;
  object_class->set_property = cl_risk_event_set_property;

  CL_RECORD_CLASS (klass)->table_name = "risk_event";

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE |
                                         G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_risk_event_init (CLRiskEvent *self)
{
}

CLRiskEvent *
cl_risk_event_new (const char *pregnancy_id,
                   const char *date,
                   const char *risk,
                   const char *note)
{
  CLRiskEvent *self = CL_RISK_EVENT (cl_record_new (CL_TYPE_RISK_EVENT));

  g_object_set (self,
                "pregnancy-id", pregnancy_id,
                "date", date,
                "risk", risk,
                "note", note,
                NULL);

  return self;
}

const char *
cl_risk_event_get_pregnancy_id (CLRiskEvent *self)
{
  g_return_val_if_fail (CL_IS_RISK_EVENT (self), NULL);
  return self->pregnancy_id;
}

const char *
cl_risk_event_get_date (CLRiskEvent *self)
{
  g_return_val_if_fail (CL_IS_RISK_EVENT (self), NULL);
  return self->date;
}

const char *
cl_risk_event_get_risk (CLRiskEvent *self)
{
  g_return_val_if_fail (CL_IS_RISK_EVENT (self), NULL);
  return self->risk;
}

const char *
cl_risk_event_get_note (CLRiskEvent *self)
{
  g_return_val_if_fail (CL_IS_RISK_EVENT (self), NULL);
  return self->note;
}
