#pragma once

#include "cl-record.h"
#include "cl-risk.h"

G_BEGIN_DECLS

#define CL_TYPE_PREGNANCY (cl_pregnancy_get_type ())
G_DECLARE_FINAL_TYPE (CLPregnancy, cl_pregnancy, CL, PREGNANCY, CLRecord)

CLPregnancy *cl_pregnancy_new                (const char  *patient_id);

const char  *cl_pregnancy_get_patient_id     (CLPregnancy *self);
const char  *cl_pregnancy_get_lmp            (CLPregnancy *self);
void         cl_pregnancy_set_lmp            (CLPregnancy *self,
                                              const char  *lmp);
/* EDD from the LMP (LMP + 280); kept by cl_pregnancy_validate(). */
const char  *cl_pregnancy_get_edd            (CLPregnancy *self);
const char  *cl_pregnancy_get_corrected_edd  (CLPregnancy *self);
void         cl_pregnancy_set_corrected_edd  (CLPregnancy *self,
                                              const char  *edd);
/* The corrected EDD if there is one, else the LMP-derived one. */
const char  *cl_pregnancy_get_effective_edd  (CLPregnancy *self);
gint         cl_pregnancy_get_gravida        (CLPregnancy *self);
void         cl_pregnancy_set_gravida        (CLPregnancy *self,
                                              gint         gravida);
gint         cl_pregnancy_get_para           (CLPregnancy *self);
void         cl_pregnancy_set_para           (CLPregnancy *self,
                                              gint         para);
const char  *cl_pregnancy_get_risk           (CLPregnancy *self);
void         cl_pregnancy_set_risk           (CLPregnancy *self,
                                              const char  *risk);
/* "ongoing", "delivered" or "ended" */
const char  *cl_pregnancy_get_status         (CLPregnancy *self);
void         cl_pregnancy_set_status         (CLPregnancy *self,
                                              const char  *status);
const char  *cl_pregnancy_get_delivery_date  (CLPregnancy *self);
void         cl_pregnancy_set_delivery_date  (CLPregnancy *self,
                                              const char  *date);

/* Column name → translated message, empty when valid.  Normalises the
 * dates to ISO, computes the EDD and normalises the risk value. */
GHashTable  *cl_pregnancy_validate           (CLPregnancy *self,
                                              ClRiskScale *scale);

/* The statuses ("ongoing", "delivered", "ended") in display order,
 * NULL-terminated, and each one's translated label. */
const char * const *cl_pregnancy_statuses    (void);
const char  *cl_pregnancy_status_label       (const char  *status);
/* Is she still pregnant (status "ongoing")?  Then her gestational age
 * and EDD mean something. */
gboolean     cl_pregnancy_is_ongoing         (CLPregnancy *self);
/* Does @status say she gave birth, so a delivery date belongs to it? */
gboolean     cl_pregnancy_status_has_delivery (const char *status);

G_END_DECLS
