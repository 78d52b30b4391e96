#define G_LOG_DOMAIN "cl-visit-vitals"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-util.h"
#include "cl-visit-vitals.h"

struct _CLVisitVitals
{
  CLRecord parent_instance;

  char    *patient_id;
  gint64   taken_at;
  char    *taken_by;
  gint     values[CL_N_VITALS];
  char    *note;
};

G_DEFINE_FINAL_TYPE (CLVisitVitals, cl_visit_vitals, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_TAKEN_AT,
  PROP_TAKEN_BY,
  PROP_PAIN,
  PROP_TEMPERATURE,
  PROP_PULSE,
  PROP_RESPIRATION,
  PROP_SYSTOLIC,
  PROP_DIASTOLIC,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The vitals' ranges: what a form accepts at all, and what is normal
 * for an adult outpatient (at or above high_from is high, below
 * low_below low).  Temperature in tenths of °C. */
static const struct
{
  const char *column;
  gint        min, max;
  gint        low_below, high_from;
} ranges[CL_N_VITALS] = {
  [CL_VITAL_PAIN]        = { "pain", 0, 10, 0, 7 },
  [CL_VITAL_TEMPERATURE] = { "temperature", 300, 450, 360, 373 },
  [CL_VITAL_PULSE]       = { "pulse", 20, 250, 60, 101 },
  [CL_VITAL_RESPIRATION] = { "respiration", 4, 80, 12, 25 },
  [CL_VITAL_SYSTOLIC]    = { "systolic", 50, 300, 90, 140 },
  [CL_VITAL_DIASTOLIC]   = { "diastolic", 20, 200, 60, 90 },
};

static void
cl_visit_vitals_class_init (CLVisitVitalsClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_PATIENT_ID]  = { "patient-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLVisitVitals, patient_id) },
    [PROP_TAKEN_AT]    = { "taken-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLVisitVitals, taken_at) },
    [PROP_TAKEN_BY]    = { "taken-by", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLVisitVitals, taken_by) },
    [PROP_PAIN]        = { "pain", CL_COLUMN_INT, G_STRUCT_OFFSET (CLVisitVitals, values[CL_VITAL_PAIN]) },
    [PROP_TEMPERATURE] = { "temperature", CL_COLUMN_INT, G_STRUCT_OFFSET (CLVisitVitals, values[CL_VITAL_TEMPERATURE]) },
    [PROP_PULSE]       = { "pulse", CL_COLUMN_INT, G_STRUCT_OFFSET (CLVisitVitals, values[CL_VITAL_PULSE]) },
    [PROP_RESPIRATION] = { "respiration", CL_COLUMN_INT, G_STRUCT_OFFSET (CLVisitVitals, values[CL_VITAL_RESPIRATION]) },
    [PROP_SYSTOLIC]    = { "systolic", CL_COLUMN_INT, G_STRUCT_OFFSET (CLVisitVitals, values[CL_VITAL_SYSTOLIC]) },
    [PROP_DIASTOLIC]   = { "diastolic", CL_COLUMN_INT, G_STRUCT_OFFSET (CLVisitVitals, values[CL_VITAL_DIASTOLIC]) },
    [PROP_NOTE]        = { "note", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLVisitVitals, note) },
  };

  CL_RECORD_CLASS (klass)->table_name = "visit_vitals";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_visit_vitals_init (CLVisitVitals *self)
{
}

CLVisitVitals *
cl_visit_vitals_new (const char *patient_id)
{
  CLVisitVitals *self = CL_VISIT_VITALS (cl_record_new (CL_TYPE_VISIT_VITALS));

  self->patient_id = g_strdup (patient_id);
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_visit_vitals_get_##field (CLVisitVitals *self) \
  { \
    g_return_val_if_fail (CL_IS_VISIT_VITALS (self), NULL); \
    return self->field; \
  } \
  void \
  cl_visit_vitals_set_##field (CLVisitVitals *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_VISIT_VITALS (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (patient_id, PROP_PATIENT_ID)
TEXT_ACCESSORS (taken_by, PROP_TAKEN_BY)
TEXT_ACCESSORS (note, PROP_NOTE)

gint64
cl_visit_vitals_get_taken_at (CLVisitVitals *self)
{
  g_return_val_if_fail (CL_IS_VISIT_VITALS (self), 0);
  return self->taken_at;
}

void
cl_visit_vitals_set_taken_at (CLVisitVitals *self,
                              gint64         value)
{
  g_return_if_fail (CL_IS_VISIT_VITALS (self));
  cl_record_set_int_column (self, properties[PROP_TAKEN_AT], value);
}

gint
cl_visit_vitals_get (CLVisitVitals *self,
                     CLVital        vital)
{
  g_return_val_if_fail (CL_IS_VISIT_VITALS (self), 0);
  g_return_val_if_fail (vital < CL_N_VITALS, 0);
  return self->values[vital];
}

void
cl_visit_vitals_set (CLVisitVitals *self,
                     CLVital        vital,
                     gint           value)
{
  g_return_if_fail (CL_IS_VISIT_VITALS (self));
  g_return_if_fail (vital < CL_N_VITALS);
  cl_record_set_int_column (self, properties[PROP_PAIN + vital], value);
}

const char *
cl_vital_column (CLVital vital)
{
  g_return_val_if_fail (vital < CL_N_VITALS, NULL);
  return ranges[vital].column;
}

const char *
cl_vital_label (CLVital vital)
{
  static const char * const labels[CL_N_VITALS] = {
    N_("Pain (0–10)"), N_("Temperature (°C)"), N_("Pulse (/min)"), N_("Respiration (/min)"),
    N_("Systolic BP (mmHg)"), N_("Diastolic BP (mmHg)"),
  };

  g_return_val_if_fail (vital < CL_N_VITALS, NULL);
  return _(labels[vital]);
}

static const char *
range_message (CLVital vital)
{
  switch (vital)
    {
    case CL_VITAL_PAIN: return _("Enter a pain score from 0 to 10");
    case CL_VITAL_TEMPERATURE: return _("Enter a temperature between 30.0 and 45.0 °C");
    case CL_VITAL_PULSE: return _("Enter a pulse between 20 and 250 per minute");
    case CL_VITAL_RESPIRATION: return _("Enter a respiratory rate between 4 and 80 per minute");
    case CL_VITAL_SYSTOLIC: return _("Enter a systolic pressure between 50 and 300 mmHg");
    case CL_VITAL_DIASTOLIC: return _("Enter a diastolic pressure between 20 and 200 mmHg");
    case CL_N_VITALS:
    default: return NULL;
    }
}

gboolean
cl_vital_parse (CLVital      vital,
                const char  *text,
                gint        *value,
                GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  char *end = NULL;
  gint64 parsed;

  g_return_val_if_fail (vital < CL_N_VITALS, FALSE);

  if (vital == CL_VITAL_TEMPERATURE)
    {
      /* Whole tenths, read as typed ("37", "37.5", "37,5"), never
       * through a double. */
      g_auto(GStrv) parts = g_strsplit_set (trimmed, ".,", -1);
      guint n = g_strv_length (parts);
      gint64 whole, tenth = 0;

      if (n >= 1 && n <= 2 && *parts[0] && strspn (parts[0], "0123456789") == strlen (parts[0]) &&
          strlen (parts[0]) <= 3 &&
          (n == 1 || (strlen (parts[1]) == 1 && g_ascii_isdigit (parts[1][0]))))
        {
          whole = g_ascii_strtoll (parts[0], NULL, 10);
          if (n == 2)
            tenth = parts[1][0] - '0';
          parsed = whole * 10 + tenth;
          end = (char *) "";
        }
      else
        parsed = -1;
    }
  else
    {
      parsed = *trimmed && strspn (trimmed, "0123456789") == strlen (trimmed) && strlen (trimmed) <= 4
        ? g_ascii_strtoll (trimmed, &end, 10) : -1;
    }
  if (parsed < ranges[vital].min || parsed > ranges[vital].max)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, range_message (vital));
      return FALSE;
    }
  *value = (gint) parsed;
  return TRUE;
}

char *
cl_vital_format (CLVital vital,
                 gint    value)
{
  switch (vital)
    {
    case CL_VITAL_TEMPERATURE:
      return g_strdup_printf ("%d.%d °C", value / 10, abs (value % 10));
    case CL_VITAL_PAIN:
      return g_strdup_printf ("%d/10", value);
    case CL_VITAL_SYSTOLIC:
    case CL_VITAL_DIASTOLIC:
      return g_strdup_printf (_("%d mmHg"), value);
    case CL_VITAL_PULSE:
    case CL_VITAL_RESPIRATION:
      return g_strdup_printf (_("%d/min"), value);
    case CL_N_VITALS:
    default:
      return g_strdup ("");
    }
}

CLVitalStatus
cl_vital_status (CLVital vital,
                 gint    value)
{
  g_return_val_if_fail (vital < CL_N_VITALS, CL_VITAL_NORMAL);

  if (value >= ranges[vital].high_from)
    return CL_VITAL_HIGH;
  if (value < ranges[vital].low_below)
    return CL_VITAL_LOW;
  return CL_VITAL_NORMAL;
}

CLVitalStatus
cl_visit_vitals_status (CLVisitVitals *self,
                        CLVital        vital)
{
  g_return_val_if_fail (CL_IS_VISIT_VITALS (self), CL_VITAL_NORMAL);
  return cl_vital_status (vital, cl_visit_vitals_get (self, vital));
}

const char *
cl_vital_status_label (CLVitalStatus status)
{
  switch (status)
    {
    case CL_VITAL_LOW: return _("low");
    case CL_VITAL_HIGH: return _("high");
    case CL_VITAL_NORMAL:
    default: return NULL;
    }
}

gboolean
cl_visit_vitals_any_abnormal (CLVisitVitals *self)
{
  g_return_val_if_fail (CL_IS_VISIT_VITALS (self), FALSE);

  for (guint i = 0; i < CL_N_VITALS; i++)
    if (cl_visit_vitals_status (self, i) != CL_VITAL_NORMAL)
      return TRUE;
  return FALSE;
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

GHashTable *
cl_visit_vitals_validate (CLVisitVitals *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_VISIT_VITALS (self), errors);

  if (cl_str_empty (self->patient_id))
    refuse (errors, "patient_id", _("Vital signs must belong to a patient"));
  for (guint i = 0; i < CL_N_VITALS; i++)
    if (self->values[i] < ranges[i].min || self->values[i] > ranges[i].max)
      refuse (errors, ranges[i].column, range_message (i));
  if (!g_hash_table_contains (errors, "systolic") && !g_hash_table_contains (errors, "diastolic") &&
      self->values[CL_VITAL_SYSTOLIC] <= self->values[CL_VITAL_DIASTOLIC])
    refuse (errors, "systolic", _("The systolic pressure must be higher than the diastolic"));
  if (self->taken_at == 0)
    refuse (errors, "taken_at", _("Say when the vital signs were taken"));
  if (cl_str_empty (self->taken_by))
    refuse (errors, "taken_by", _("Say who took the vital signs"));
  return errors;
}
