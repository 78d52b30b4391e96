#pragma once

#include <adwaita.h>

#include "cl-patient-section.h"

G_BEGIN_DECLS

/* A patient's health-event registrations on her page: each event with
 * its day and hours, whether she has a place or waits (and where in
 * the line), and whether she attended; "Register…" (CLRegisterDialog)
 * for who may register her. */

#define CL_TYPE_REGISTRATION_LIST (cl_registration_list_get_type ())
G_DECLARE_FINAL_TYPE (CLRegistrationList, cl_registration_list, CL, REGISTRATION_LIST, CLPatientSection)

/* Context and patient: cl_patient_section_set_context() and
 * cl_patient_section_set_patient_id(). */
void   cl_registration_list_reload         (CLRegistrationList *self);

/* For tests: registrations listed. */
guint  cl_registration_list_get_n_rows     (CLRegistrationList *self);

G_END_DECLS
