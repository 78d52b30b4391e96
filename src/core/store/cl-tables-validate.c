#define G_LOG_DOMAIN "cl-tables"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-complaint-store.h"
#include "cl-appoint-store.h"
#include "cl-course-store.h"
#include "cl-contact.h"
#include "cl-critical-store.h"
#include "cl-deduction.h"
#include "cl-inspection-rules.h"
#include "cl-desk-setting.h"
#include "cl-desk-store.h"
#include "cl-directory-store.h"
#include "cl-discharge-store.h"
#include "cl-doctor-order.h"
#include "cl-document-access.h"
#include "cl-document-store.h"
#include "cl-document.h"
#include "cl-enrolment-store.h"
#include "cl-enrolment.h"
#include "cl-escort-task.h"
#include "cl-fault-store.h"
#include "cl-followup-delivery.h"
#include "cl-event-store.h"
#include "cl-followup-record.h"
#include "cl-handout.h"
#include "cl-nursing-store.h"
#include "cl-duty-store.h"
#include "cl-opinion-store.h"
#include "cl-survey-store.h"
#include "cl-package-usage.h"
#include "cl-followup-store.h"
#include "cl-scale-record.h"
#include "cl-order-store.h"
#include "cl-package.h"
#include "cl-patient-store.h"
#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-risk-event.h"
#include "cl-schedule.h"
#include "cl-settlement-month.h"
#include "cl-share-rate.h"
#include "cl-staff-store.h"
#include "cl-staff.h"
#include "cl-contract-store.h"
#include "cl-tables-validate.h"
#include "cl-tables.h"
#include "cl-util.h"
#include "cl-vip-booking.h"
#include "cl-vip-room.h"
#include "cl-visit-mark.h"

/* Adds @more's messages to @errors, a column already there keeping its
 * own. */
static void
merge_errors (GHashTable *errors,
              GHashTable *more)
{
  GHashTableIter iter;
  gpointer field, message;

  if (more == NULL)
    return;
  g_hash_table_iter_init (&iter, more);
  while (g_hash_table_iter_next (&iter, &field, &message))
    if (!g_hash_table_contains (errors, field))
      g_hash_table_insert (errors, g_strdup (field), g_strdup (message));
}

void
cl_tables_validate_patient (CLStore    *store,
                            CLRecord   *record,
                            const char *role,
                            GHashTable *errors)
{
  g_autoptr(GHashTable) own = cl_patient_validate (CL_PATIENT (record));

  merge_errors (errors, own);
  /* Inside the server's write transaction: what another desk pushed a
   * moment ago counts. */
  cl_patient_store_check_unique (store, CL_PATIENT (record), errors);
}

void
cl_tables_validate_pregnancy (CLStore    *store,
                              CLRecord   *record,
                              const char *role,
                              GHashTable *errors)
{
  g_autoptr(GHashTable) own = cl_pregnancy_validate (CL_PREGNANCY (record), cl_store_get_risk_scale (store));

  merge_errors (errors, own);
  /* The desk makes a pregnancy from a patient's page; a pushed one must
   * name her. */
  if (cl_str_empty (cl_pregnancy_get_patient_id (CL_PREGNANCY (record))) &&
      !g_hash_table_contains (errors, "patient_id"))
    g_hash_table_insert (errors, g_strdup ("patient_id"),
                         g_strdup (_("A pregnancy must belong to a patient")));
}

void
cl_tables_validate_document (CLStore    *store,
                             CLRecord   *record,
                             const char *role,
                             GHashTable *errors)
{
  g_autoptr(GHashTable) own = NULL;
  const char *sha256 = cl_document_get_sha256 (CL_DOCUMENT (record));

  cl_document_validate (CL_DOCUMENT (record), &own, NULL);
  merge_errors (errors, own);
  /* The desk computes it from the file; a pushed one must be an
   * address the blob store can hold. */
  if ((sha256 == NULL || strlen (sha256) != 64 || strspn (sha256, "0123456789abcdef") != 64) &&
      !g_hash_table_contains (errors, "sha256"))
    g_hash_table_insert (errors, g_strdup ("sha256"),
                         g_strdup (_("A document is addressed by the SHA-256 of its content, in lower-case hex")));
}

void
cl_tables_validate_package (CLStore    *store,
                            CLRecord   *record,
                            const char *role,
                            GHashTable *errors)
{
  cl_enrolment_store_validate_package (store, CL_PACKAGE (record), errors);
}

void
cl_tables_validate_enrolment (CLStore    *store,
                              CLRecord   *record,
                              const char *role,
                              GHashTable *errors)
{
  cl_enrolment_store_validate (store, CL_ENROLMENT (record), role, errors);
}

void
cl_tables_validate_share_rate (CLStore    *store,
                               CLRecord   *record,
                               const char *role,
                               GHashTable *errors)
{
  cl_enrolment_store_validate_rate (store, CL_SHARE_RATE (record), errors);
}

void
cl_tables_validate_deduction (CLStore    *store,
                              CLRecord   *record,
                              const char *role,
                              GHashTable *errors)
{
  cl_enrolment_store_validate_deduction (store, CL_DEDUCTION (record), errors);
  cl_inspection_rules_validate_deduction (store, CL_DEDUCTION (record), errors);
}

void
cl_tables_validate_contract (CLStore    *store,
                             CLRecord   *record,
                             const char *role,
                             GHashTable *errors)
{
  cl_contract_store_validate (store, CL_CONTRACT (record), errors);
}

void
cl_tables_validate_doctor_order (CLStore    *store,
                                 CLRecord   *record,
                                 const char *role,
                                 GHashTable *errors)
{
  g_autoptr(GHashTable) by_property = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer property, message;

  cl_order_store_validate (CL_DOCTOR_ORDER (record), by_property);
  /* The order's rules speak of properties ("stop-date"); a pushed
   * change names columns ("stop_date"). */
  g_hash_table_iter_init (&iter, by_property);
  while (g_hash_table_iter_next (&iter, &property, &message))
    {
      char *column = g_strdelimit (g_strdup (property), "-", '_');

      if (!g_hash_table_contains (errors, column))
        g_hash_table_insert (errors, column, g_strdup (message));
      else
        g_free (column);
    }
}

void
cl_tables_validate_vip_room (CLStore    *store,
                             CLRecord   *record,
                             const char *role,
                             GHashTable *errors)
{
  g_autoptr(GError) error = NULL;

  if (!cl_schedule_check_room (CL_VIP_ROOM (record), &error) &&
      !g_hash_table_contains (errors, cl_schedule_error_field (error)))
    g_hash_table_insert (errors, g_strdup (cl_schedule_error_field (error)), g_strdup (error->message));
}

void
cl_tables_validate_followup_item (CLStore    *store,
                                  CLRecord   *record,
                                  const char *role,
                                  GHashTable *errors)
{
  g_autoptr(GHashTable) own = cl_followup_record_validate (CL_FOLLOWUP_RECORD (record));

  /* The store's rules (owner, a new item's date) once the record's own
   * hold, so a pushed change is answered with its first mistake. */
  if (g_hash_table_size (own) == 0)
    cl_followup_store_validate (store, CL_FOLLOWUP_RECORD (record), role, own);
  merge_errors (errors, own);
}

void
cl_tables_validate_contact (CLStore    *store,
                            CLRecord   *record,
                            const char *role,
                            GHashTable *errors)
{
  g_autoptr(GHashTable) own = cl_contact_validate (CL_CONTACT (record));

  merge_errors (errors, own);
}

void
cl_tables_validate_nursing_assessment (CLStore    *store,
                                       CLRecord   *record,
                                       const char *role,
                                       GHashTable *errors)
{
  /* Inside the server's write transaction: a version another desk
   * recorded a moment ago counts, so two updates cannot both follow
   * the same one. */
  cl_nursing_store_validate_assessment (store, CL_NURSING_ASSESSMENT (record), errors);
}

void
cl_tables_validate_visit_vitals (CLStore    *store,
                                 CLRecord   *record,
                                 const char *role,
                                 GHashTable *errors)
{
  g_autoptr(GHashTable) own = cl_visit_vitals_validate (CL_VISIT_VITALS (record));

  merge_errors (errors, own);
}

void
cl_tables_validate_complaint (CLStore    *store,
                              CLRecord   *record,
                              const char *role,
                              GHashTable *errors)
{
  if (cl_record_get_deleted (record))
    return;
  cl_complaint_store_validate (store, CL_COMPLAINT (record), errors);
}

void
cl_tables_validate_opinion_entry (CLStore    *store,
                                  CLRecord   *record,
                                  const char *role,
                                  GHashTable *errors)
{
  if (cl_record_get_deleted (record))
    return;
  cl_opinion_store_validate (store, CL_OPINION_ENTRY (record), errors);
}

void
cl_tables_validate_survey_campaign (CLStore    *store,
                                    CLRecord   *record,
                                    const char *role,
                                    GHashTable *errors)
{
  if (cl_record_get_deleted (record))
    return;
  cl_survey_store_validate_campaign (store, CL_SURVEY_CAMPAIGN (record), errors);
}

void
cl_tables_validate_survey_answer (CLStore    *store,
                                  CLRecord   *record,
                                  const char *role,
                                  GHashTable *errors)
{
  if (cl_record_get_deleted (record))
    return;
  cl_survey_store_validate_answer (store, CL_SURVEY_ANSWER (record), errors);
}

void
cl_tables_validate_equipment_fault (CLStore    *store,
                                    CLRecord   *record,
                                    const char *role,
                                    GHashTable *errors)
{
  g_autoptr(GHashTable) own = NULL;

  if (cl_record_get_deleted (record))
    return;
  own = cl_equipment_fault_validate (CL_EQUIPMENT_FAULT (record));
  merge_errors (errors, own);
}

void
cl_tables_validate_discharge (CLStore    *store,
                              CLRecord   *record,
                              const char *role,
                              GHashTable *errors)
{
  if (cl_record_get_deleted (record))
    return;
  cl_discharge_store_validate (store, CL_DISCHARGE (record), errors);
}

void
cl_tables_validate_discharge_call (CLStore    *store,
                                   CLRecord   *record,
                                   const char *role,
                                   GHashTable *errors)
{
  if (cl_record_get_deleted (record))
    return;
  cl_discharge_store_validate_call (store, CL_DISCHARGE_CALL (record), errors);
}

void
cl_tables_validate_critical_value (CLStore    *store,
                                   CLRecord   *record,
                                   const char *role,
                                   GHashTable *errors)
{
  if (cl_record_get_deleted (record))
    return;
  cl_critical_store_validate (store, CL_CRITICAL_VALUE (record), errors);
}

void
cl_tables_validate_scale_result (CLStore    *store,
                                 CLRecord   *record,
                                 const char *role,
                                 GHashTable *errors)
{
  g_autoptr(GHashTable) own = cl_scale_record_validate (CL_SCALE_RECORD (record));

  merge_errors (errors, own);
}

static GHashTable *
own_errors (CLRecord *record)
{
  if (CL_IS_COURSE (record))
    return cl_course_validate (CL_COURSE (record));
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
cl_tables_validate_course (CLStore    *store,
                           CLRecord   *record,
                           const char *role,
                           GHashTable *errors)
{
  g_autoptr(GHashTable) own = own_errors (record);

  merge_errors (errors, own);
}

void
cl_tables_validate_department (CLStore    *store,
                               CLRecord   *record,
                               const char *role,
                               GHashTable *errors)
{
  cl_directory_store_validate_department (store, CL_DEPARTMENT (record), errors);
}

void
cl_tables_validate_desk_setting (CLStore    *store,
                                 CLRecord   *record,
                                 const char *role,
                                 GHashTable *errors)
{
  g_autoptr(GHashTable) own = NULL;

  if (cl_record_get_deleted (record))
    return;
  own = cl_desk_setting_validate (CL_DESK_SETTING (record));
  merge_errors (errors, own);
}

void
cl_tables_validate_appointment (CLStore    *store,
                                CLRecord   *record,
                                const char *role,
                                GHashTable *errors)
{
  /* Inside the server's write transaction: a place another desk took a
   * moment ago counts, so the second desk to take a slot's last place
   * is asked for the overbook reason. */
  cl_appoint_store_validate_appointment (store, CL_APPOINTMENT (record), errors);
}

void
cl_tables_validate_slot_capacity (CLStore    *store,
                                  CLRecord   *record,
                                  const char *role,
                                  GHashTable *errors)
{
  cl_appoint_store_validate_capacity (store, CL_SLOT_CAPACITY (record), errors);
}

void
cl_tables_validate_referring_hospital (CLStore    *store,
                                       CLRecord   *record,
                                       const char *role,
                                       GHashTable *errors)
{
  cl_appoint_store_validate_hospital (store, CL_REFERRING_HOSPITAL (record), errors);
}

void
cl_tables_validate_referral (CLStore    *store,
                             CLRecord   *record,
                             const char *role,
                             GHashTable *errors)
{
  cl_appoint_store_validate_referral (store, CL_REFERRAL (record), errors);
}

void
cl_tables_validate_doctor (CLStore    *store,
                           CLRecord   *record,
                           const char *role,
                           GHashTable *errors)
{
  cl_directory_store_validate_doctor (store, CL_DOCTOR (record), errors);
}

void
cl_tables_validate_doctor_session (CLStore    *store,
                                   CLRecord   *record,
                                   const char *role,
                                   GHashTable *errors)
{
  cl_directory_store_validate_session (store, CL_DOCTOR_SESSION (record), errors);
}

void
cl_tables_validate_service_price (CLStore    *store,
                                  CLRecord   *record,
                                  const char *role,
                                  GHashTable *errors)
{
  cl_directory_store_validate_price (store, CL_SERVICE_PRICE (record), errors);
}

void
cl_tables_validate_procedure_guide (CLStore    *store,
                                    CLRecord   *record,
                                    const char *role,
                                    GHashTable *errors)
{
  g_autoptr(GHashTable) own = cl_procedure_guide_validate (CL_PROCEDURE_GUIDE (record));

  merge_errors (errors, own);
}

void
cl_tables_validate_session_check (CLStore    *store,
                                  CLRecord   *record,
                                  const char *role,
                                  GHashTable *errors)
{
  cl_directory_store_validate_check (store, CL_SESSION_CHECK (record), errors);
}

void
cl_tables_validate_course_assignment (CLStore    *store,
                                      CLRecord   *record,
                                      const char *role,
                                      GHashTable *errors)
{
  cl_course_store_validate_assignment (store, CL_COURSE_ASSIGNMENT (record), errors);
}

void
cl_tables_validate_health_event (CLStore    *store,
                                 CLRecord   *record,
                                 const char *role,
                                 GHashTable *errors)
{
  cl_event_store_validate_event (store, CL_HEALTH_EVENT (record), errors);
}

void
cl_tables_validate_event_registration (CLStore    *store,
                                       CLRecord   *record,
                                       const char *role,
                                       GHashTable *errors)
{
  /* Inside the server's write transaction: a place another desk took a
   * moment ago counts, so no event is registered past its capacity. */
  cl_event_store_validate_registration (store, CL_EVENT_REGISTRATION (record), errors);
}

void
cl_tables_validate_handout (CLStore    *store,
                            CLRecord   *record,
                            const char *role,
                            GHashTable *errors)
{
  cl_package_usage_validate_handout (store, CL_HANDOUT (record), errors);
}

void
cl_tables_validate_duty_post (CLStore    *store,
                              CLRecord   *record,
                              const char *role,
                              GHashTable *errors)
{
  g_autoptr(GHashTable) own = NULL;

  if (cl_record_get_deleted (record))
    return;
  own = cl_duty_post_validate (CL_DUTY_POST (record));
  merge_errors (errors, own);
}

void
cl_tables_validate_duty_assignment (CLStore    *store,
                                    CLRecord   *record,
                                    const char *role,
                                    GHashTable *errors)
{
  if (cl_record_get_deleted (record))
    return;
  cl_duty_store_validate_assignment (store, CL_DUTY_ASSIGNMENT (record), errors);
}
