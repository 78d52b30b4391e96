#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A patient discharged from a ward, as the hospital system (HIS) told
 * the desk (table discharge), synced: her name, phone and resident ID
 * number, the HIS's own patient number, the department she left
 * (department_id, matched by name against the hospital's list), the
 * admission and discharge dates (civil "YYYY-MM-DD"), the diagnosis as
 * the HIS wrote it, where it came from ("csv" for the HIS's export,
 * "hl7" for an ADT^A03 message, with the message's control id as
 * source_id), the desk's patient with the same ID number if there is
 * one, and the day her follow-up call is due. */
#define CL_TYPE_DISCHARGE (cl_discharge_get_type ())
G_DECLARE_FINAL_TYPE (CLDischarge, cl_discharge, CL, DISCHARGE, CLRecord)

CLDischarge *cl_discharge_new (void);

const char *cl_discharge_get_name          (CLDischarge *self);
void        cl_discharge_set_name          (CLDischarge *self, const char *value);
const char *cl_discharge_get_phone         (CLDischarge *self);
void        cl_discharge_set_phone         (CLDischarge *self, const char *value);
const char *cl_discharge_get_id_number     (CLDischarge *self);
void        cl_discharge_set_id_number     (CLDischarge *self, const char *value);
const char *cl_discharge_get_his_id        (CLDischarge *self);
void        cl_discharge_set_his_id        (CLDischarge *self, const char *value);
const char *cl_discharge_get_department_id (CLDischarge *self);
void        cl_discharge_set_department_id (CLDischarge *self, const char *value);
const char *cl_discharge_get_admitted_on   (CLDischarge *self);
void        cl_discharge_set_admitted_on   (CLDischarge *self, const char *value);
const char *cl_discharge_get_discharged_on (CLDischarge *self);
void        cl_discharge_set_discharged_on (CLDischarge *self, const char *value);
const char *cl_discharge_get_diagnosis     (CLDischarge *self);
void        cl_discharge_set_diagnosis     (CLDischarge *self, const char *value);
const char *cl_discharge_get_source        (CLDischarge *self);
void        cl_discharge_set_source        (CLDischarge *self, const char *value);
const char *cl_discharge_get_source_id     (CLDischarge *self);
void        cl_discharge_set_source_id     (CLDischarge *self, const char *value);
const char *cl_discharge_get_patient_id    (CLDischarge *self);
void        cl_discharge_set_patient_id    (CLDischarge *self, const char *value);
const char *cl_discharge_get_call_due_on   (CLDischarge *self);
void        cl_discharge_set_call_due_on   (CLDischarge *self, const char *value);

/* The sources as stored: "csv", "hl7"; NULL-terminated. */
const char * const *cl_discharge_sources (void);

/* The discharge's own rules, column → translated message: a name, a
 * mobile phone and a resident ID number that pass the desk's checks
 * (cl-phone.h, cl-id-card.h), a department, real admission and
 * discharge dates with the discharge not before the admission, a known
 * source, and the call not due before the discharge.  Empty when
 * valid. */
GHashTable *cl_discharge_validate  (CLDischarge *self);

/* The rules against the clock: neither date after @today.  Adds
 * column → message to @errors. */
void        cl_discharge_check_day (CLDischarge *self,
                                    const GDate *today,
                                    GHashTable  *errors);

/* @discharged_on ("YYYY-MM-DD") plus @days, as "YYYY-MM-DD"; NULL when
 * it is not a date. */
char       *cl_discharge_due_on    (const char  *discharged_on,
                                    gint         days);

G_END_DECLS
