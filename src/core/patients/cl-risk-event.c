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

static void
cl_risk_event_class_init (CLRiskEventClass *klass)
{
  const char *names[N_PROPS] = { NULL, "pregnancy-id", "date", "risk", "note" };
  const gsize offsets[N_PROPS] = {
    0, G_STRUCT_OFFSET (CLRiskEvent, pregnancy_id), G_STRUCT_OFFSET (CLRiskEvent, date),
    G_STRUCT_OFFSET (CLRiskEvent, risk), G_STRUCT_OFFSET (CLRiskEvent, note),
  };

  CL_RECORD_CLASS (klass)->table_name = "risk_event";
  cl_record_class_install_text_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, names, offsets);
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

