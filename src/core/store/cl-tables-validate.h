#pragma once

#include "cl-record.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Each synced table's rules, for its row of the permission table
 * (cl-tables.c): the record's own rules and those the store checks
 * with other records, column → message added to @errors, the same the
 * desk's form and the server's write transaction use. */
void cl_tables_validate_patient (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_pregnancy (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_document (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_package (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_enrolment (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_share_rate (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_deduction (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_contract (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_doctor_order (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_vip_room (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_followup_item (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_contact (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_nursing_assessment (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_visit_vitals (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_complaint (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_opinion_entry (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_survey_campaign (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_survey_answer (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_equipment_fault (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_discharge (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_discharge_call (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_critical_value (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_scale_result (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_course (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_department (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_desk_setting (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_appointment (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_slot_capacity (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_referring_hospital (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_referral (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_doctor (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_doctor_session (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_service_price (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_procedure_guide (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_session_check (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_course_assignment (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_health_event (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_event_registration (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_handout (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_duty_post (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);
void cl_tables_validate_duty_assignment (CLStore *store, CLRecord *record, const char *role, GHashTable *errors);

G_END_DECLS
