#pragma once

#include <adwaita.h>

#include "cl-allergy-line.h"
#include "cl-context.h"
#include "cl-nursing-section.h"
#include "cl-order-list.h"
#include "cl-patient-form.h"
#include "cl-pregnancy-timeline.h"
#include "cl-store.h"
#include "cl-visit-plan-view.h"

G_BEGIN_DECLS

#define CL_TYPE_PATIENT_PAGE (cl_patient_page_get_type ())
G_DECLARE_FINAL_TYPE (CLPatientPage, cl_patient_page, CL, PATIENT_PAGE, GtkWidget)

/* Made with a "context" (CLContext): its store, and who is working,
 * whose role decides whether she may be enrolled here and whether an
 * administrator's window override is offered. */

gboolean       cl_patient_page_load      (CLPatientPage *self,
                                          const char    *patient_id,
                                          GError       **error);
const char    *cl_patient_page_get_patient_id (CLPatientPage *self);
CLPatientForm *cl_patient_page_get_form  (CLPatientPage *self);

/* Saves the form; FALSE (with messages at the fields) when a rule
 * refused it. */
gboolean       cl_patient_page_save      (CLPatientPage *self);

/* TRUE when there are no unsaved edits.  Otherwise asks whether to
 * discard them and returns FALSE; when the person discards, the page
 * reloads and activates win.back. */
gboolean       cl_patient_page_can_leave (CLPatientPage *self);

/* Writes her printed summary (the Ctrl+P drawing) as a PDF to @path. */
gboolean       cl_patient_page_export_pdf (CLPatientPage  *self,
                                           const char     *path,
                                           GError        **error);

/* The pregnancy archive's parts, for tests. */
CLVisitPlanView     *cl_patient_page_get_visit_plan (CLPatientPage *self);
CLOrderList         *cl_patient_page_get_order_list (CLPatientPage *self);
CLPregnancyTimeline *cl_patient_page_get_timeline   (CLPatientPage *self);
/* Her nursing assessment and vitals, and the allergy line under her
 * name (for tests). */
CLNursingSection    *cl_patient_page_get_nursing_section (CLPatientPage *self);
CLAllergyLine       *cl_patient_page_get_allergy_line    (CLPatientPage *self);

G_END_DECLS
