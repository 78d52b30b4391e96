#define G_LOG_DOMAIN "cl-tables"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-complaint-store.h"
#include "cl-appoint-store.h"
#include "cl-course-store.h"
#include "cl-contact.h"
#include "cl-contract.h"
#include "cl-critical-store.h"
#include "cl-deduction.h"
#include "cl-desk-setting.h"
#include "cl-desk-store.h"
#include "cl-directory-store.h"
#include "cl-discharge-store.h"
#include "cl-doctor-order.h"
#include "cl-duty-store.h"
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
#include "cl-inspection-store.h"
#include "cl-nursing-store.h"
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
#include "cl-tables-validate.h"
#include "cl-tables.h"
#include "cl-util.h"
#include "cl-vip-booking.h"
#include "cl-vip-room.h"
#include "cl-visit-mark.h"

typedef struct
{
  const char *table;
  GType     (*get_type) (void);
  /* Roles, space separated; admin may always read and write. */
  const char *readers;
  const char *writers;
  /* Invariants across records, checked by the server inside the write
   * transaction of a pushed change (cl_tables_check_change()); NULL
   * for none. */
  ClTablesCheckFunc check;
  /* The record's own rules, those of the desk's form, in its words
   * (cl_tables_validate()); NULL for none beyond cl-record-rules.h. */
  ClTablesValidateFunc validate;
} TableInfo;

/* The desk's save functions' rules, as the tables' validate hooks. */

/* The permission table (README, "Roles"): the escort, the VIP steward
 * and finance see patients to serve them but do not edit their
 * records; only an administrator manages staff, and the staff rules
 * (a user name once, the last administrator stays) hold on the server
 * too, where a change of roles is audited (cl-staff-store.c). */
static const TableInfo tables[] = {
  { "staff", cl_staff_get_type,
    "case_manager escort vip_steward service_desk finance",
    "",
    cl_staff_store_check_change },
  { "patient", cl_patient_get_type,
    "case_manager escort vip_steward service_desk finance",
    "case_manager service_desk",
    NULL, cl_tables_validate_patient },
  { "pregnancy", cl_pregnancy_get_type,
    "case_manager escort vip_steward service_desk",
    "case_manager",
    NULL, cl_tables_validate_pregnancy },
  { "risk_event", cl_risk_event_get_type,
    "case_manager service_desk",
    "case_manager" },
  /* The pregnancy archive: the service desk reads a patient's orders
   * and visit plan to answer her calls; only her case manager writes
   * them. */
  { "visit_mark", cl_visit_mark_get_type,
    "case_manager service_desk",
    "case_manager" },
  { "doctor_order", cl_doctor_order_get_type,
    "case_manager service_desk",
    "case_manager",
    NULL, cl_tables_validate_doctor_order },
  /* Packages are the hospital's price list: everyone sees it, only an
   * administrator changes it.  Money tables are finance's; a closed
   * settlement month, and every amount it settled, never changes
   * again, whichever desk asks and whatever it knew when it made the
   * change (cl_enrolment_store_check_change()). */
  { "package", cl_package_get_type,
    "case_manager escort vip_steward service_desk finance",
    "",
    NULL, cl_tables_validate_package },
  { "enrolment", cl_enrolment_get_type,
    "case_manager service_desk finance",
    "case_manager",
    cl_enrolment_store_check_change, cl_tables_validate_enrolment },
  { "share_rate", cl_share_rate_get_type,
    "finance",
    "finance",
    cl_enrolment_store_check_change, cl_tables_validate_share_rate },
  { "deduction", cl_deduction_get_type,
    "finance",
    "finance",
    cl_enrolment_store_check_change, cl_tables_validate_deduction },
  { "settlement_month", cl_settlement_month_get_type,
    "finance",
    "finance",
    cl_enrolment_store_check_change },
  /* The contracts settled (the obstetric and the guide desk's shipped):
   * finance reads them to settle; an administrator keeps them. */
  { "contract", cl_contract_get_type,
    "finance",
    "",
    NULL, cl_tables_validate_contract },
  /* Escort tasks are booked by case managers and the service desk; an
   * escort updates the status and hand-over of their own tasks (the
   * finer rule is cl_schedule_check_escort_edit()).  No escort gets two
   * overlapping tasks, no room two overlapping bookings: checked by the
   * server in the write transaction. */
  { "escort_task", cl_escort_task_get_type,
    "case_manager escort vip_steward service_desk",
    "case_manager escort service_desk",
    cl_schedule_check_change },
  /* Rooms are configured by an administrator; VIP stewards and case
   * managers book them. */
  { "vip_room", cl_vip_room_get_type,
    "case_manager escort vip_steward service_desk",
    "",
    NULL, cl_tables_validate_vip_room },
  { "vip_booking", cl_vip_booking_get_type,
    "case_manager vip_steward service_desk",
    "case_manager vip_steward",
    cl_schedule_check_change },
  /* The archive's check reports: the same roles as the server's
   * GET/PUT /documents, so whoever sees a record can open its file and
   * whoever files one can upload it.  Access records only go up: the
   * server audits each, nobody but an administrator reads them back. */
  { "document", cl_document_get_type,
    "case_manager service_desk",
    "case_manager",
    NULL, cl_tables_validate_document },
  { "document_access", cl_document_access_get_type,
    "",
    "case_manager service_desk" },
  /* Follow-up items: her case manager works them; the service desk
   * reads them to answer her calls, like her visit plan and orders.
   * The server's gateway records an item it sent as done. */
  { "followup_item", cl_followup_record_get_type,
    "case_manager service_desk",
    "case_manager " CL_ROLE_GATEWAY,
    NULL, cl_tables_validate_followup_item },
  /* What became of a message the server's gateway sent for an item:
   * read where the item is read; written by the server's sender alone
   * (CL_ROLE_GATEWAY, no account's role), so no desk, not even an
   * administrator's, can make a message look sent. */
  { "followup_delivery", cl_followup_delivery_get_type,
    "case_manager service_desk",
    CL_ROLE_GATEWAY },
  /* Scale results: what she answered about her mood is her case
   * manager's to read, nobody else's. */
  { "scale_result", cl_scale_record_get_type,
    "case_manager",
    "case_manager",
    NULL, cl_tables_validate_scale_result },
  /* The course catalogue is the hospital's, like its packages: an
   * administrator keeps it.  Case managers assign courses and run
   * health events; the service desk reads them to answer her calls and
   * registers a caller for an event. */
  { "course", cl_course_get_type,
    "case_manager service_desk",
    "",
    NULL, cl_tables_validate_course },
  { "course_assignment", cl_course_assignment_get_type,
    "case_manager service_desk",
    "case_manager",
    NULL, cl_tables_validate_course_assignment },
  { "health_event", cl_health_event_get_type,
    "case_manager service_desk",
    "case_manager",
    NULL, cl_tables_validate_health_event },
  { "event_registration", cl_event_registration_get_type,
    "case_manager service_desk",
    "case_manager service_desk",
    NULL, cl_tables_validate_event_registration },
  /* Hand-outs of a package's breakfasts and gift pack: given at the
   * case manager's or the service desk; finance reads them with the
   * enrolments.  The count against the package is checked inside the
   * write transaction (cl_package_usage_validate_handout()). */
  { "handout", cl_handout_get_type,
    "case_manager service_desk finance",
    "case_manager service_desk",
    NULL, cl_tables_validate_handout },
  /* The service desk's contact log: the desk writes it; case managers
   * read what was asked about their patients.  Whoever took a contact
   * stays its owner, a hand-over leaves time to settle it, and only the
   * owner or an administrator closes it (cl_desk_store_check_change()). */
  { "contact", cl_contact_get_type,
    "case_manager service_desk",
    "service_desk",
    cl_desk_store_check_change, cl_tables_validate_contact },
  /* The hospital directory is the hospital's: an administrator keeps
   * it; every desk reads it (a complaint, an appointment or a critical
   * value names a department). */
  { "department", cl_department_get_type,
    "case_manager escort vip_steward service_desk finance",
    "",
    NULL, cl_tables_validate_department },
  /* The service desk's settings (a complaint's promised time, the
   * critical-value limit): an administrator's; every desk reads them. */
  { "desk_setting", cl_desk_setting_get_type,
    "case_manager escort vip_steward service_desk finance",
    "",
    NULL, cl_tables_validate_desk_setting },
  /* Her nursing assessment and her visits' vital signs: the service
   * desk's triage nurses and case managers record them; escorts and VIP
   * stewards read the assessment for her allergies and risks, which
   * show wherever she does.  An assessment is never changed, only
   * followed by a new version (cl_nursing_store_validate_assessment()). */
  { "nursing_assessment", cl_nursing_assessment_get_type,
    "case_manager escort vip_steward service_desk",
    "case_manager service_desk",
    NULL, cl_tables_validate_nursing_assessment },
  { "visit_vitals", cl_visit_vitals_get_type,
    "case_manager service_desk",
    "case_manager service_desk",
    NULL, cl_tables_validate_visit_vitals },
  /* Complaint tickets: the service desk's (the customer-service lead
   * and the quality office read them there); a ticket moves one step
   * at a time, its promised time follows from the severity's setting,
   * and only its owner or an administrator hands it over
   * (cl_complaint_store_check_change()). */
  { "complaint", cl_complaint_get_type,
    "service_desk",
    "service_desk",
    cl_complaint_store_check_change, cl_tables_validate_complaint },
  /* The critical-value register (tuberculosis results too): the desk
   * takes the call and reports it; case managers read their patients'.
   * Neither receipt nor report lies in the future, and a report made
   * stays (cl_critical_store_check_change()). */
  { "critical_value", cl_critical_value_get_type,
    "case_manager service_desk",
    "service_desk",
    cl_critical_store_check_change, cl_tables_validate_critical_value },
  /* Appointments and referrals: the service desk books and receives
   * them; case managers read what is booked for their patients.  A
   * slot's places and the referring hospitals are the hospital's
   * settings, kept by an administrator. */
  { "appointment", cl_appointment_get_type,
    "case_manager service_desk",
    "service_desk",
    NULL, cl_tables_validate_appointment },
  { "slot_capacity", cl_slot_capacity_get_type,
    "case_manager service_desk",
    "",
    NULL, cl_tables_validate_slot_capacity },
  { "referring_hospital", cl_referring_hospital_get_type,
    "case_manager service_desk",
    "",
    NULL, cl_tables_validate_referring_hospital },
  { "referral", cl_referral_get_type,
    "case_manager service_desk",
    "service_desk",
    NULL, cl_tables_validate_referral },
  { "doctor", cl_doctor_get_type,
    "case_manager escort vip_steward service_desk finance",
    "",
    NULL, cl_tables_validate_doctor },
  { "doctor_session", cl_doctor_session_get_type,
    "case_manager escort vip_steward service_desk finance",
    "",
    NULL, cl_tables_validate_doctor_session },
  { "service_price", cl_service_price_get_type,
    "case_manager escort vip_steward service_desk finance",
    "",
    NULL, cl_tables_validate_service_price },
  { "procedure_guide", cl_procedure_guide_get_type,
    "case_manager escort vip_steward service_desk finance",
    "",
    NULL, cl_tables_validate_procedure_guide },
  /* The desk's checks that a doctor came to their session: the service
   * desk marks and reads them (one a session a day, of a session the
   * doctor has that day). */
  { "session_check", cl_session_check_get_type,
    "service_desk",
    "service_desk",
    NULL, cl_tables_validate_session_check },
  /* The kiosk and equipment fault log: the service desk reports and
   * marks them fixed; neither the report nor the fix in the future
   * (cl_fault_store_check_change()). */
  { "equipment_fault", cl_equipment_fault_get_type,
    "service_desk",
    "service_desk",
    cl_fault_store_check_change, cl_tables_validate_equipment_fault },
  /* Inspections of the guide desk's posts and what a failed one asks
   * to put right: the service desk (the quality office's clerk) writes
   * them; finance reads them beside the deductions they cause
   * (cl-inspection-rules.h).  Their photos and PDFs are the service
   * desk's alone, as files like archive reports. */
  { "inspection", cl_inspection_get_type,
    "service_desk finance",
    "service_desk",
    NULL, cl_inspection_store_validate_record },
  { "rectification", cl_rectification_get_type,
    "service_desk finance",
    "service_desk",
    NULL, cl_inspection_store_validate_record },
  { "inspection_attachment", cl_inspection_attachment_get_type,
    "service_desk",
    "service_desk",
    NULL, cl_inspection_store_validate_record },
  /* The opinion box and book's daily log: the service desk enters and
   * reads it; no day after today (cl_opinion_store_check_change()). */
  { "opinion_entry", cl_opinion_entry_get_type,
    "service_desk",
    "service_desk",
    cl_opinion_store_check_change, cl_tables_validate_opinion_entry },
  /* Quarterly satisfaction surveys: the service desk runs the campaigns;
   * a case manager, who rings her patients, may also record their
   * answers.  An anonymous campaign's answer names no one, a closed one
   * takes none (cl-survey-store.h); none is answered in the future
   * (cl_survey_store_check_answer_change()). */
  { "survey_campaign", cl_survey_campaign_get_type,
    "service_desk case_manager",
    "service_desk",
    NULL, cl_tables_validate_survey_campaign },
  { "survey_answer", cl_survey_answer_get_type,
    "service_desk case_manager",
    "service_desk case_manager",
    cl_survey_store_check_answer_change, cl_tables_validate_survey_answer },
  /* The duty roster: an administrator keeps the posts; the service
   * desk's lead builds the weeks; escorts read them, since their shifts
   * are their working hours for the escort schedule, which case
   * managers book (cl_schedule_escort_hours()). */
  { "duty_post", cl_duty_post_get_type,
    "case_manager escort service_desk",
    "",
    NULL, cl_tables_validate_duty_post },
  { "duty_assignment", cl_duty_assignment_get_type,
    "case_manager escort service_desk",
    "service_desk",
    NULL, cl_tables_validate_duty_assignment },
  /* Discharges from the hospital system (its CSV export at the desk, or
   * HL7 messages that careline-server's listener stores as an
   * administrator) and the attempts at each one's follow-up call: the
   * service desk's.  No discharge twice (same ID number and day), no
   * date in the future, no attempt at a closed call
   * (cl-discharge-store.h). */
  { "discharge", cl_discharge_get_type,
    "service_desk",
    "service_desk",
    cl_discharge_store_check_change, cl_tables_validate_discharge },
  { "discharge_call", cl_discharge_call_get_type,
    "service_desk",
    "service_desk",
    cl_discharge_store_check_call_change, cl_tables_validate_discharge_call },
};

static const TableInfo *
find (const char *table)
{
  for (guint i = 0; table && i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].table, table))
      return &tables[i];
  return NULL;
}

GType
cl_tables_lookup (const char *table)
{
  const TableInfo *info = find (table);

  return info ? info->get_type () : G_TYPE_INVALID;
}

const char * const *
cl_tables_list (void)
{
  static const char *names[G_N_ELEMENTS (tables) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      names[i] = tables[i].table;
  return names;
}

static gboolean
role_in (const char *role,
         const char *roles)
{
  g_auto(GStrv) list = g_strsplit (roles, " ", -1);

  return g_strv_contains ((const char * const *) list, role);
}

gboolean
cl_tables_role_may (const char *role,
                    ClAccess    access,
                    const char *table)
{
  const TableInfo *info = find (table);

  g_return_val_if_fail (access == CL_READ || access == CL_WRITE, FALSE);

  if (info == NULL || role == NULL)
    return FALSE;
  /* The server's sender writes what it is listed for and reads
   * nothing through the feed. */
  if (g_str_equal (role, CL_ROLE_GATEWAY))
    return access == CL_WRITE && role_in (role, info->writers);
  /* A table the server alone writes: nobody else, administrators
   * included. */
  if (access == CL_WRITE && g_str_equal (info->writers, CL_ROLE_GATEWAY))
    return FALSE;
  if (g_str_equal (role, CL_ROLE_ADMIN))
    return TRUE;
  return role_in (role, access == CL_READ ? info->readers : info->writers);
}

gboolean
cl_tables_can_read (const char *role,
                    const char *table)
{
  return cl_tables_role_may (role, CL_READ, table);
}

gboolean
cl_tables_can_write (const char *role,
                     const char *table)
{
  return cl_tables_role_may (role, CL_WRITE, table);
}

gboolean
cl_tables_check_change (CLStore     *store,
                        CLRecord    *incoming,
                        CLRecord    *current,
                        const char  *username,
                        const char  *role,
                        CLRecord   **conflict,
                        GError     **error)
{
  const TableInfo *info;

  g_return_val_if_fail (CL_IS_RECORD (incoming), FALSE);

  info = find (cl_record_get_table_name (incoming));
  if (info == NULL || info->check == NULL)
    return TRUE;
  return info->check (store, incoming, current, username, role, conflict, error);
}

void
cl_tables_validate (CLStore    *store,
                    CLRecord   *record,
                    const char *role,
                    GHashTable *errors)
{
  const TableInfo *info;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_RECORD (record));
  g_return_if_fail (errors != NULL);

  info = find (cl_record_get_table_name (record));
  if (info && info->validate)
    info->validate (store, record, role, errors);
}
