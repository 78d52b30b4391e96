#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-doctor.h"

G_BEGIN_DECLS

/* An administrator's form for a doctor of the hospital directory: the
 * name, title, department, specialty, whether they still see patients,
 * and their weekly clinic sessions (added and removed here, saved with
 * the doctor).  Core's refusals (cl_directory_store_save_doctor(),
 * _save_session()) show under their field and nothing is saved.
 * "saved" (const char *id). */
#define CL_TYPE_DOCTOR_DIALOG (cl_doctor_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLDoctorDialog, cl_doctor_dialog, CL, DOCTOR_DIALOG, AdwWindow)

/* @doctor NULL: a new doctor. */
CLDoctorDialog *cl_doctor_dialog_new         (GtkWindow      *parent,
                                              CLContext      *context,
                                              CLDoctor       *doctor);
gboolean        cl_doctor_dialog_save        (CLDoctorDialog *self);
/* Adds the session the "New session" rows describe, as the Add
 * Session button does; FALSE with a message under the field when its
 * own rules refuse it. */
gboolean        cl_doctor_dialog_add_session (CLDoctorDialog *self);
guint           cl_doctor_dialog_get_n_sessions (CLDoctorDialog *self);

/* For tests: "name", "specialty", "room" (entry rows), "title",
 * "department_id", "weekday", "half_day" (combo rows), "active" (a
 * switch); "" for the dialog's own message. */
GtkWidget      *cl_doctor_dialog_get_field   (CLDoctorDialog *self,
                                              const char     *field);
const char     *cl_doctor_dialog_get_error   (CLDoctorDialog *self,
                                              const char     *field);

G_END_DECLS
