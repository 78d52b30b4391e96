#pragma once

#include "cl-doctor-order.h"
#include "cl-pregnancy.h"
#include "cl-store.h"
#include "cl-visit-mark.h"
#include "cl-visit-store.h"

G_BEGIN_DECLS

/* The patients' reads (cl-store-patients.c): her pregnancies, risk
 * history, visits done, reports and doctor's orders.  The rules over
 * them are in src/core/patients/. */

/* Whether another live patient than @patient_id has this ID number, or
 * this record number (FALSE for an empty one). */
gboolean     cl_store_patients_id_number_taken   (CLStore     *store,
                                                  const char  *id_number,
                                                  const char  *patient_id);
gboolean     cl_store_patients_mrn_taken         (CLStore     *store,
                                                  const char  *mrn,
                                                  const char  *patient_id);
/* Number of patients on the roster. */
gint64       cl_store_patients_count             (CLStore     *store);

/* The names of the patients with @ids (NULL-terminated), by id. */
GHashTable  *cl_store_patients_names             (CLStore            *store,
                                                  const char * const *ids);

/* The stored priority flags and birth date of the patients with @ids
 * (NULL-terminated) that have either, by id: a GStrv of two, flags
 * then birth date, either "" when unset (cl_patient_effective_flags()
 * makes her flags of a day from them). */
GHashTable  *cl_store_patients_priority          (CLStore            *store,
                                                  const char * const *ids);

/* Her live pregnancy with the latest LMP, or NULL. */
CLPregnancy *cl_store_patients_current_pregnancy (CLStore     *store,
                                                  const char  *patient_id);
/* The live CLRiskEvents of a pregnancy, by date. */
GPtrArray   *cl_store_patients_risk_events       (CLStore     *store,
                                                  const char  *pregnancy_id);

/* Reports filed against a visit and ticks of a pregnancy, as
 * ClVisitDone entries. */
GPtrArray   *cl_store_patients_visits_done       (CLStore     *store,
                                                  const char  *pregnancy_id);
/* The live reports of a pregnancy (ClReport), by check date. */
GPtrArray   *cl_store_patients_reports           (CLStore     *store,
                                                  const char  *pregnancy_id);
/* The pregnancy's tick of visit @key, live or tombstoned (a live one
 * first, then the latest), or NULL. */
CLVisitMark *cl_store_patients_find_visit_mark   (CLStore     *store,
                                                  const char  *pregnancy_id,
                                                  const char  *key);

/* Her live CLDoctorOrders (only the active ones if @active_only),
 * newest first. */
GPtrArray   *cl_store_patients_orders            (CLStore     *store,
                                                  const char  *patient_id,
                                                  gboolean     active_only);

G_END_DECLS
