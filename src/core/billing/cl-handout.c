#define G_LOG_DOMAIN "cl-handout"

#include "config.h"

#include "cl-handout.h"

struct _CLHandout
{
  CLRecord parent_instance;

  char *patient_id;
  char *enrolment_id;
  char *service;
  char *date;
  char *handed_by;
  char *note;
  char *over_reason;
};

G_DEFINE_FINAL_TYPE (CLHandout, cl_handout, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_ENROLMENT_ID,
  PROP_SERVICE,
  PROP_DATE,
  PROP_HANDED_BY,
  PROP_NOTE,
  PROP_OVER_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_handout_class_init (CLHandoutClass *klass)
{
  const char *names[N_PROPS] = {
    NULL, "patient-id", "enrolment-id", "service", "date", "handed-by", "note", "over-reason",
  };
  const gsize offsets[N_PROPS] = {
    0, G_STRUCT_OFFSET (CLHandout, patient_id), G_STRUCT_OFFSET (CLHandout, enrolment_id),
    G_STRUCT_OFFSET (CLHandout, service), G_STRUCT_OFFSET (CLHandout, date),
    G_STRUCT_OFFSET (CLHandout, handed_by), G_STRUCT_OFFSET (CLHandout, note),
    G_STRUCT_OFFSET (CLHandout, over_reason),
  };

  CL_RECORD_CLASS (klass)->table_name = "handout";
  cl_record_class_install_text_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, names, offsets);
}

static void
cl_handout_init (CLHandout *self)
{
}

CLHandout *
cl_handout_new (void)
{
  return CL_HANDOUT (cl_record_new (CL_TYPE_HANDOUT));
}

#define ACCESSORS(name, PROP) \
  const char * \
  cl_handout_get_##name (CLHandout *self) \
  { \
    g_return_val_if_fail (CL_IS_HANDOUT (self), NULL); \
    return self->name; \
  } \
  void \
  cl_handout_set_##name (CLHandout  *self, \
                         const char *value) \
  { \
    g_return_if_fail (CL_IS_HANDOUT (self)); \
    g_object_set (self, g_param_spec_get_name (properties[PROP]), value, NULL); \
  }

ACCESSORS (patient_id, PROP_PATIENT_ID)
ACCESSORS (enrolment_id, PROP_ENROLMENT_ID)
ACCESSORS (service, PROP_SERVICE)
ACCESSORS (date, PROP_DATE)
ACCESSORS (handed_by, PROP_HANDED_BY)
ACCESSORS (note, PROP_NOTE)
ACCESSORS (over_reason, PROP_OVER_REASON)
