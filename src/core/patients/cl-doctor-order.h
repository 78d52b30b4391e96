#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A doctor's order in the pregnancy archive (医嘱档案).  The rules
 * (required fields, date order, stopping) live in cl-order-store.c. */
#define CL_TYPE_DOCTOR_ORDER (cl_doctor_order_get_type ())
G_DECLARE_FINAL_TYPE (CLDoctorOrder, cl_doctor_order, CL, DOCTOR_ORDER, CLRecord)

CLDoctorOrder *cl_doctor_order_new (void);

/* the patient */
const char *cl_doctor_order_get_patient_id (CLDoctorOrder *self);
void        cl_doctor_order_set_patient_id (CLDoctorOrder *self,
                                       const char *value);
/* the pregnancy, may be NULL */
const char *cl_doctor_order_get_pregnancy_id (CLDoctorOrder *self);
void        cl_doctor_order_set_pregnancy_id (CLDoctorOrder *self,
                                         const char *value);
/* ISO date of the order */
const char *cl_doctor_order_get_date (CLDoctorOrder *self);
void        cl_doctor_order_set_date (CLDoctorOrder *self,
                                 const char *value);
/* nutrition, medication, care or other */
const char *cl_doctor_order_get_category (CLDoctorOrder *self);
void        cl_doctor_order_set_category (CLDoctorOrder *self,
                                     const char *value);
/* the order as the doctor gave it */
const char *cl_doctor_order_get_text (CLDoctorOrder *self);
void        cl_doctor_order_set_text (CLDoctorOrder *self,
                                 const char *value);
/* who gave it */
const char *cl_doctor_order_get_doctor (CLDoctorOrder *self);
void        cl_doctor_order_set_doctor (CLDoctorOrder *self,
                                   const char *value);
/* ISO date to remind her, may be NULL */
const char *cl_doctor_order_get_reminder_date (CLDoctorOrder *self);
void        cl_doctor_order_set_reminder_date (CLDoctorOrder *self,
                                          const char *value);
/* active, stopped or done */
const char *cl_doctor_order_get_status (CLDoctorOrder *self);
void        cl_doctor_order_set_status (CLDoctorOrder *self,
                                   const char *value);
/* Is the order still to be followed (status "active")?  Only such an
 * order may be stopped or marked done, and it lists first. */
gboolean    cl_doctor_order_is_active  (CLDoctorOrder *self);
gboolean    cl_doctor_order_may_stop   (CLDoctorOrder *self);
/* ISO date it was stopped or done */
const char *cl_doctor_order_get_stop_date (CLDoctorOrder *self);
void        cl_doctor_order_set_stop_date (CLDoctorOrder *self,
                                      const char *value);

G_END_DECLS
