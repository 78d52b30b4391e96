#pragma once

#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-staff.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Saves a patient and (optionally) her current pregnancy as one user
 * action: validation first, then one transaction writing both records,
 * a risk-history entry when the risk colour changed, and the outbox.
 * When a rule refuses a field, returns FALSE with CL_STORE_ERROR_INVALID
 * and, if @field_errors is given, a table of field → translated
 * message (fields are the column names: name, id_number, phone, lmp …);
 * nothing is written then. */
gboolean     cl_patient_store_save               (CLStore      *store,
                                                  CLPatient    *patient,
                                                  CLPregnancy  *pregnancy,
                                                  GHashTable  **field_errors,
                                                  GError      **error);

/* Adds to @errors (field → translated message) an "id_number" or
 * "mrn" entry when another live patient already has that ID number or
 * record number.  The server calls it inside the write transaction, so
 * two desks cannot register one woman twice. */
void         cl_patient_store_check_unique       (CLStore      *store,
                                                  CLPatient    *patient,
                                                  GHashTable   *errors);
/* The latest pregnancy by LMP that is not deleted, or NULL. */
CLPregnancy *cl_patient_store_current_pregnancy  (CLStore      *store,
                                                  const char   *patient_id);

/* CLRiskEvent of a pregnancy, oldest first. */
GPtrArray   *cl_patient_store_risk_history       (CLStore      *store,
                                                  const char   *pregnancy_id);

/* Active staff, by display name; all roles when @role is NULL. */
GPtrArray   *cl_patient_store_list_staff         (CLStore      *store,
                                                  const char   *role);

/* Live (not deleted) patients. */
gint64       cl_patient_store_count              (CLStore      *store);

G_END_DECLS
