#define G_LOG_DOMAIN "cl-visit-mark"

#include "config.h"

#include "cl-visit-mark.h"
#include "cl-util.h"

struct _CLVisitMark
{
  CLRecord parent_instance;

  char *patient_id;
  char *pregnancy_id;
  char *visit;
  char *done_date;
  char *done_by;
  char *note;
};

G_DEFINE_FINAL_TYPE (CLVisitMark, cl_visit_mark, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_PREGNANCY_ID,
  PROP_VISIT,
  PROP_DONE_DATE,
  PROP_DONE_BY,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
field_for_prop (CLVisitMark *self,
                guint prop_id)
{
  char **fields[] = { NULL, &self->patient_id, &self->pregnancy_id, &self->visit, &self->done_date, &self->done_by, &self->note };

  g_assert (prop_id > 0 && prop_id < N_PROPS);
  return fields[prop_id];
}

static void
cl_visit_mark_finalize (GObject *object)
{
  CLVisitMark *self = CL_VISIT_MARK (object);

  for (guint i = 1; i < N_PROPS; i++)
    g_clear_pointer (field_for_prop (self, i), g_free);

  G_OBJECT_CLASS (cl_visit_mark_parent_class)->finalize (object);
}

static void
cl_visit_mark_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *field_for_prop (CL_VISIT_MARK (object), prop_id));
}

static void
cl_visit_mark_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (cl_set_str (field_for_prop (CL_VISIT_MARK (object), prop_id),
                       g_value_get_string (value)))
    g_object_notify_by_pspec (object, pspec);
}

static void
cl_visit_mark_class_init (CLVisitMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[] = { NULL, "patient-id", "pregnancy-id", "visit", "done-date", "done-by", "note" };

  object_class->finalize = cl_visit_mark_finalize;
  object_class->get_property = cl_visit_mark_get_property;
  object_class->set_property = cl_visit_mark_set_property;

  CL_RECORD_CLASS (klass)->table_name = "visit_mark";

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE |
                                         G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_visit_mark_init (CLVisitMark *self)
{
}

CLVisitMark *
cl_visit_mark_new (void)
{
  return CL_VISIT_MARK (cl_record_new (CL_TYPE_VISIT_MARK));
}

const char *
cl_visit_mark_get_patient_id (CLVisitMark *self)
{
  g_return_val_if_fail (CL_IS_VISIT_MARK (self), NULL);
  return self->patient_id;
}

void
cl_visit_mark_set_patient_id (CLVisitMark *self,
                             const char *value)
{
  g_return_if_fail (CL_IS_VISIT_MARK (self));

  if (cl_set_str (&self->patient_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_ID]);
}

const char *
cl_visit_mark_get_pregnancy_id (CLVisitMark *self)
{
  g_return_val_if_fail (CL_IS_VISIT_MARK (self), NULL);
  return self->pregnancy_id;
}

void
cl_visit_mark_set_pregnancy_id (CLVisitMark *self,
                               const char *value)
{
  g_return_if_fail (CL_IS_VISIT_MARK (self));

  if (cl_set_str (&self->pregnancy_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREGNANCY_ID]);
}

const char *
cl_visit_mark_get_visit (CLVisitMark *self)
{
  g_return_val_if_fail (CL_IS_VISIT_MARK (self), NULL);
  return self->visit;
}

void
cl_visit_mark_set_visit (CLVisitMark *self,
                        const char *value)
{
  g_return_if_fail (CL_IS_VISIT_MARK (self));

  if (cl_set_str (&self->visit, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIT]);
}

const char *
cl_visit_mark_get_done_date (CLVisitMark *self)
{
  g_return_val_if_fail (CL_IS_VISIT_MARK (self), NULL);
  return self->done_date;
}

void
cl_visit_mark_set_done_date (CLVisitMark *self,
                            const char *value)
{
  g_return_if_fail (CL_IS_VISIT_MARK (self));

  if (cl_set_str (&self->done_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_DATE]);
}

const char *
cl_visit_mark_get_done_by (CLVisitMark *self)
{
  g_return_val_if_fail (CL_IS_VISIT_MARK (self), NULL);
  return self->done_by;
}

void
cl_visit_mark_set_done_by (CLVisitMark *self,
                          const char *value)
{
  g_return_if_fail (CL_IS_VISIT_MARK (self));

  if (cl_set_str (&self->done_by, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_BY]);
}

const char *
cl_visit_mark_get_note (CLVisitMark *self)
{
  g_return_val_if_fail (CL_IS_VISIT_MARK (self), NULL);
  return self->note;
}

void
cl_visit_mark_set_note (CLVisitMark *self,
                       const char *value)
{
  g_return_if_fail (CL_IS_VISIT_MARK (self));

  if (cl_set_str (&self->note, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
