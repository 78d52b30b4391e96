#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* The pain screen and vital signs taken at one of her visits (table
 * visit_vitals): pain on the 0–10 numeric rating scale, temperature in
 * tenths of a degree Celsius, pulse and respiration per minute, blood
 * pressure in mmHg; when they were taken and by whom (a staff id).
 *
 * Each vital has a plausible range, outside which it is refused as a
 * typing or measuring error, and a normal range, outside which it is
 * saved but shown as abnormal (cl_visit_vitals_status()). */
#define CL_TYPE_VISIT_VITALS (cl_visit_vitals_get_type ())
G_DECLARE_FINAL_TYPE (CLVisitVitals, cl_visit_vitals, CL, VISIT_VITALS, CLRecord)

typedef enum
{
  CL_VITAL_PAIN,
  CL_VITAL_TEMPERATURE,
  CL_VITAL_PULSE,
  CL_VITAL_RESPIRATION,
  CL_VITAL_SYSTOLIC,
  CL_VITAL_DIASTOLIC,
  CL_N_VITALS,
} CLVital;

typedef enum
{
  CL_VITAL_NORMAL,
  CL_VITAL_LOW,
  CL_VITAL_HIGH,
} CLVitalStatus;

CLVisitVitals *cl_visit_vitals_new (const char *patient_id);

const char *cl_visit_vitals_get_patient_id (CLVisitVitals *self);
void        cl_visit_vitals_set_patient_id (CLVisitVitals *self, const char *value);
gint64      cl_visit_vitals_get_taken_at (CLVisitVitals *self);
void        cl_visit_vitals_set_taken_at (CLVisitVitals *self, gint64 value);
const char *cl_visit_vitals_get_taken_by (CLVisitVitals *self);
void        cl_visit_vitals_set_taken_by (CLVisitVitals *self, const char *value);
const char *cl_visit_vitals_get_note (CLVisitVitals *self);
void        cl_visit_vitals_set_note (CLVisitVitals *self, const char *value);

/* A vital's value as stored (temperature in tenths of °C). */
gint        cl_visit_vitals_get (CLVisitVitals *self, CLVital vital);
void        cl_visit_vitals_set (CLVisitVitals *self, CLVital vital, gint value);

/* The column of @vital ("pain", "temperature"…). */
const char *cl_vital_column       (CLVital vital);
/* Its name as a form labels it ("Temperature (°C)"), translated. */
const char *cl_vital_label        (CLVital vital);

/* Reads what was typed for @vital (temperature with one decimal: "37.5"
 * is 375) and checks its plausible range; FALSE with the field's
 * message otherwise, the same one cl_visit_vitals_validate() gives. */
gboolean    cl_vital_parse        (CLVital      vital,
                                   const char  *text,
                                   gint        *value,
                                   GError     **error);
/* @value of @vital as a person reads it: "37.5 °C", "128 mmHg"… */
char       *cl_vital_format       (CLVital      vital,
                                   gint         value);

/* Whether @value of @vital is normal, low or high. */
CLVitalStatus cl_vital_status     (CLVital      vital,
                                   gint         value);
CLVitalStatus cl_visit_vitals_status (CLVisitVitals *self,
                                      CLVital        vital);
/* "high" / "low" (translated), NULL for normal. */
const char *cl_vital_status_label (CLVitalStatus status);
/* Whether any vital of @self is abnormal. */
gboolean    cl_visit_vitals_any_abnormal (CLVisitVitals *self);

/* The record's rules, column → translated message; empty when valid. */
GHashTable *cl_visit_vitals_validate (CLVisitVitals *self);

G_END_DECLS
