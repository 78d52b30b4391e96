#pragma once

#include <adwaita.h>

#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-context.h"

G_BEGIN_DECLS

/* The patient and pregnancy fields, shared by the "New patient" dialog
 * and the patient page.  It only moves values between widgets and
 * records and shows the messages core's rules return; the rules
 * themselves live in core. */
#define CL_TYPE_PATIENT_FORM (cl_patient_form_get_type ())
G_DECLARE_FINAL_TYPE (CLPatientForm, cl_patient_form, CL, PATIENT_FORM, GtkWidget)

/* Once: the context whose store the form saves to and lists its
 * choices (case managers, risk levels) from. */
void       cl_patient_form_set_context    (CLPatientForm *self,
                                           CLContext     *context);

/* Fills the fields; @pregnancy may be NULL (fields cleared). */
void       cl_patient_form_load           (CLPatientForm *self,
                                           CLPatient     *patient,
                                           CLPregnancy   *pregnancy);

/* Copies the fields into the records. */
void       cl_patient_form_apply          (CLPatientForm *self,
                                           CLPatient     *patient,
                                           CLPregnancy   *pregnancy);

/* Copies the fields into the records and saves them as one user
 * action.  A refused field gets its message in place; any other failure
 * is shown in a dialog.  Returns TRUE when saved. */
gboolean   cl_patient_form_save           (CLPatientForm *self,
                                           CLPatient     *patient,
                                           CLPregnancy   *pregnancy);

/* TRUE when any pregnancy field was filled in. */
gboolean   cl_patient_form_has_pregnancy  (CLPatientForm *self);

/* Shows each message under its field (keys are column names as
 * returned by core); NULL clears them.  Focuses the first field with a
 * message. */
void       cl_patient_form_show_errors    (CLPatientForm *self,
                                           GHashTable    *errors);

/* The message shown under @field, or NULL: for tests. */
const char *cl_patient_form_get_error     (CLPatientForm *self,
                                           const char    *field);

/* The entry row of a text field ("name", "phone", …): for tests. */
GtkWidget *cl_patient_form_get_field      (CLPatientForm *self,
                                           const char    *field);

void       cl_patient_form_focus_first    (CLPatientForm *self);

G_END_DECLS
