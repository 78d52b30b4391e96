#define G_LOG_DOMAIN "cl-discharge"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-discharge.h"
#include "cl-id-card.h"
#include "cl-phone.h"
#include "cl-util.h"

struct _CLDischarge
{
  CLRecord parent_instance;

  char *name;
  char *phone;
  char *id_number;
  char *his_id;
  char *department_id;
  char *admitted_on;
  char *discharged_on;
  char *diagnosis;
  char *source;
  char *source_id;
  char *patient_id;
  char *call_due_on;
};

G_DEFINE_FINAL_TYPE (CLDischarge, cl_discharge, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PHONE,
  PROP_ID_NUMBER,
  PROP_HIS_ID,
  PROP_DEPARTMENT_ID,
  PROP_ADMITTED_ON,
  PROP_DISCHARGED_ON,
  PROP_DIAGNOSIS,
  PROP_SOURCE,
  PROP_SOURCE_ID,
  PROP_PATIENT_ID,
  PROP_CALL_DUE_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_discharge_class_init (CLDischargeClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_NAME]          = { "name", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, name) },
    [PROP_PHONE]         = { "phone", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, phone) },
    [PROP_ID_NUMBER]     = { "id-number", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, id_number) },
    [PROP_HIS_ID]        = { "his-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, his_id) },
    [PROP_DEPARTMENT_ID] = { "department-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, department_id) },
    [PROP_ADMITTED_ON]   = { "admitted-on", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, admitted_on) },
    [PROP_DISCHARGED_ON] = { "discharged-on", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, discharged_on) },
    [PROP_DIAGNOSIS]     = { "diagnosis", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, diagnosis) },
    [PROP_SOURCE]        = { "source", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, source) },
    [PROP_SOURCE_ID]     = { "source-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, source_id) },
    [PROP_PATIENT_ID]    = { "patient-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, patient_id) },
    [PROP_CALL_DUE_ON]   = { "call-due-on", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischarge, call_due_on) },
  };

  CL_RECORD_CLASS (klass)->table_name = "discharge";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_discharge_init (CLDischarge *self)
{
}

CLDischarge *
cl_discharge_new (void)
{
  return CL_DISCHARGE (cl_record_new (CL_TYPE_DISCHARGE));
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_discharge_get_##field (CLDischarge *self) \
  { \
    g_return_val_if_fail (CL_IS_DISCHARGE (self), NULL); \
    return self->field; \
  } \
  void \
  cl_discharge_set_##field (CLDischarge *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_DISCHARGE (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (phone, PROP_PHONE)
TEXT_ACCESSORS (id_number, PROP_ID_NUMBER)
TEXT_ACCESSORS (his_id, PROP_HIS_ID)
TEXT_ACCESSORS (department_id, PROP_DEPARTMENT_ID)
TEXT_ACCESSORS (admitted_on, PROP_ADMITTED_ON)
TEXT_ACCESSORS (discharged_on, PROP_DISCHARGED_ON)
TEXT_ACCESSORS (diagnosis, PROP_DIAGNOSIS)
TEXT_ACCESSORS (source, PROP_SOURCE)
TEXT_ACCESSORS (source_id, PROP_SOURCE_ID)
TEXT_ACCESSORS (patient_id, PROP_PATIENT_ID)
TEXT_ACCESSORS (call_due_on, PROP_CALL_DUE_ON)

static const char * const sources[] = { "csv", "hl7", NULL };

const char * const *
cl_discharge_sources (void)
{
  return sources;
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

/* The stored date: exactly "YYYY-MM-DD", a real day. */
static gboolean
parse_date (const char *text,
            GDate      *out)
{
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 10 || !cl_date_parse (text, out, NULL))
    return FALSE;
  iso = cl_date_to_iso (out);
  return g_strcmp0 (iso, text) == 0;
}

GHashTable *
cl_discharge_validate (CLDischarge *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *name = NULL;
  g_autoptr(GError) phone_error = NULL;
  g_autoptr(GError) id_error = NULL;
  GDate admitted, discharged, due;
  gboolean have_admitted, have_discharged;

  g_return_val_if_fail (CL_IS_DISCHARGE (self), errors);

  name = g_strstrip (g_strdup (self->name ? self->name : ""));
  if (*name == '\0')
    refuse (errors, "name", _("Enter the patient’s name"));
  if (!cl_phone_validate (self->phone ? self->phone : "", NULL, &phone_error))
    refuse (errors, "phone", phone_error->message);
  if (!cl_id_card_validate (self->id_number ? self->id_number : "", NULL, NULL, NULL, &id_error))
    refuse (errors, "id_number", id_error->message);
  if (cl_str_empty (self->department_id))
    refuse (errors, "department_id", _("Choose a department from the hospital’s list"));

  have_admitted = parse_date (self->admitted_on, &admitted);
  have_discharged = parse_date (self->discharged_on, &discharged);
  if (!have_admitted)
    refuse (errors, "admitted_on", _("Enter the admission date as YYYY-MM-DD"));
  if (!have_discharged)
    refuse (errors, "discharged_on", _("Enter the discharge date as YYYY-MM-DD"));
  else if (have_admitted && g_date_compare (&discharged, &admitted) < 0)
    refuse (errors, "discharged_on", _("The discharge is before the admission"));

  if (self->source == NULL || !g_strv_contains (sources, self->source))
    refuse (errors, "source", _("A discharge comes from the hospital system’s CSV export or an HL7 message"));
  if (!parse_date (self->call_due_on, &due))
    refuse (errors, "call_due_on", _("Enter the day the call is due as YYYY-MM-DD"));
  else if (have_discharged && g_date_compare (&due, &discharged) < 0)
    refuse (errors, "call_due_on", _("The call is due before the discharge"));
  return errors;
}

void
cl_discharge_check_day (CLDischarge *self,
                        const GDate *today,
                        GHashTable  *errors)
{
  GDate date;

  g_return_if_fail (CL_IS_DISCHARGE (self));

  if (parse_date (self->admitted_on, &date) && g_date_compare (&date, today) > 0)
    refuse (errors, "admitted_on", _("The admission date lies in the future"));
  if (parse_date (self->discharged_on, &date) && g_date_compare (&date, today) > 0)
    refuse (errors, "discharged_on", _("The discharge date lies in the future"));
}

char *
cl_discharge_due_on (const char *discharged_on,
                     gint        days)
{
  GDate date;

  if (!parse_date (discharged_on, &date))
    return NULL;
  g_date_add_days (&date, MAX (days, 0));
  return cl_date_to_iso (&date);
}
