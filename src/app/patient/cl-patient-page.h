#pragma once

#include <adwaita.h>

#include "cl-order-list.h"
#include "cl-patient-form.h"
#include "cl-pregnancy-timeline.h"
#include "cl-store.h"
#include "cl-visit-plan-view.h"

G_BEGIN_DECLS

#define CL_TYPE_PATIENT_PAGE (cl_patient_page_get_type ())
G_DECLARE_FINAL_TYPE (CLPatientPage, cl_patient_page, CL, PATIENT_PAGE, GtkWidget)

void           cl_patient_page_set_store (CLPatientPage *self,
                                          CLStore       *store);
gboolean       cl_patient_page_load      (CLPatientPage *self,
                                          const char    *patient_id,
                                          GError       **error);
const char    *cl_patient_page_get_patient_id (CLPatientPage *self);
CLPatientForm *cl_patient_page_get_form  (CLPatientPage *self);

/* The role the page acts as (the logged-in user's; a case manager on a
 * store without a server): it decides whether she may be enrolled here
 * and whether an administrator's window override is offered. */
void           cl_patient_page_set_role  (CLPatientPage *self,
                                          const char    *role);
const char    *cl_patient_page_get_role  (CLPatientPage *self);

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

G_END_DECLS
