#pragma once

#include <gtk/gtk.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* Picks a patient for a task or a booking: a search entry over the
 * roster's own search (CLRosterModel: name, pinyin, initials, phone),
 * with the matches listed under it.  Enter takes the first match,
 * Down goes into the list; "notify::patient-id" when one is chosen or
 * the choice is typed away.  Her allergies and risks show under the
 * entry once she is chosen. */

#define CL_TYPE_PATIENT_CHOOSER (cl_patient_chooser_get_type ())
G_DECLARE_FINAL_TYPE (CLPatientChooser, cl_patient_chooser, CL, PATIENT_CHOOSER, GtkWidget)

GtkWidget   *cl_patient_chooser_new            (CLStore          *store);

/* The chosen patient's id, or NULL. */
const char  *cl_patient_chooser_get_patient_id (CLPatientChooser *self);
void         cl_patient_chooser_set_patient    (CLPatientChooser *self,
                                                const char       *patient_id,
                                                const char       *name);
GtkEditable *cl_patient_chooser_get_entry      (CLPatientChooser *self);
/* The line under the entry with the chosen patient's allergies and
 * risks (CLAllergyLine), hidden while none is chosen. */
GtkWidget   *cl_patient_chooser_get_allergy_line (CLPatientChooser *self);
/* TRUE while a search runs (for tests). */
gboolean     cl_patient_chooser_get_searching  (CLPatientChooser *self);

G_END_DECLS
