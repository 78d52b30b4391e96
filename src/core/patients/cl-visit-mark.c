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

static void
cl_visit_mark_class_init (CLVisitMarkClass *klass)
{
  const char *names[N_PROPS] = {
    NULL, "patient-id", "pregnancy-id", "visit", "done-date", "done-by", "note",
  };
  const gsize offsets[N_PROPS] = {
    0,
    G_STRUCT_OFFSET (CLVisitMark, patient_id),
    G_STRUCT_OFFSET (CLVisitMark, pregnancy_id),
    G_STRUCT_OFFSET (CLVisitMark, visit),
    G_STRUCT_OFFSET (CLVisitMark, done_date),
    G_STRUCT_OFFSET (CLVisitMark, done_by),
    G_STRUCT_OFFSET (CLVisitMark, note),
  };

  CL_RECORD_CLASS (klass)->table_name = "visit_mark";
  cl_record_class_install_text_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, names, offsets);
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

void
cl_visit_mark_set_patient_id (CLVisitMark *self,
                             const char *value)
{
  g_return_if_fail (CL_IS_VISIT_MARK (self));

  if (cl_set_str (&self->patient_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_ID]);
}

void
cl_visit_mark_set_pregnancy_id (CLVisitMark *self,
                               const char *value)
{
  g_return_if_fail (CL_IS_VISIT_MARK (self));

  if (cl_set_str (&self->pregnancy_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREGNANCY_ID]);
}

void
cl_visit_mark_set_visit (CLVisitMark *self,
                        const char *value)
{
  g_return_if_fail (CL_IS_VISIT_MARK (self));

  if (cl_set_str (&self->visit, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIT]);
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

void
cl_visit_mark_set_note (CLVisitMark *self,
                       const char *value)
{
  g_return_if_fail (CL_IS_VISIT_MARK (self));

  if (cl_set_str (&self->note, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
