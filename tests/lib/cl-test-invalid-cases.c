/* cl-test-invalid-cases.c
 *
 * The invalid records of the desk's forms, for the server's test of
 * its rules (cl-test-invalid-cases.h).  The comment of each group
 * names the form test that types the same case into its dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cl-test-invalid-cases.h"

#define ENROL(extra) \
  "{\"patient_id\":\"@PATIENT@\",\"package_id\":\"@PACKAGE@\",\"price_fen\":98000," \
  "\"agreement_date\":\"2026-11-20\",\"explained_by\":\"王护士\",\"status\":\"active\"" extra "}"
#define ENROL_IN_WINDOW(extra) \
  "{\"patient_id\":\"@PATIENT@\",\"package_id\":\"@PACKAGE_WIDE@\",\"price_fen\":298000," \
  "\"agreement_date\":\"2026-11-20\",\"explained_by\":\"王护士\"" extra "}"
#define PACKAGE(code, name, price, from, to, postpartum, services) \
  "{\"code\":\"" code "\",\"name\":\"" name "\",\"price_fen\":" price ",\"enrol_from_day\":" from "," \
  "\"enrol_to_day\":" to ",\"postpartum_days\":" postpartum ",\"services\":\"" services "\",\"active\":true}"
#define ORDER(extra) \
  "{\"patient_id\":\"@PATIENT@\",\"pregnancy_id\":\"@PREGNANCY@\",\"category\":\"nutrition\"," \
  "\"status\":\"active\"" extra "}"
#define BOOKING(room, from, to) \
  "{\"room_id\":\"" room "\",\"patient_id\":\"@PATIENT@\",\"purpose\":\"consultation\"," \
  "\"start_at\":@T" from "@,\"end_at\":@T" to "@,\"booked_by\":\"u-vip_steward\",\"status\":\"booked\"}"
#define TASK(from, to) \
  "{\"patient_id\":\"@PATIENT@\",\"kind\":\"examination\",\"place_from\":\"门诊\",\"place_to\":\"超声科\"," \
  "\"start_at\":@T" from "@,\"end_at\":@T" to "@,\"escort_id\":\"@ESCORT@\",\"status\":\"planned\"}"
#define STAFF(username, name, roles, phone, hours) \
  "{\"username\":\"" username "\",\"display_name\":\"" name "\",\"role\":\"escort\"," \
  "\"roles\":\"" roles "\",\"phone\":\"" phone "\",\"hours\":\"" hours "\",\"active\":true}"
#define ROOM(name, opens, closes, slot) \
  "{\"name\":\"" name "\",\"location\":\"3F\",\"opens\":" opens ",\"closes\":" closes "," \
  "\"slot_minutes\":" slot ",\"active\":true}"

#define FOLLOWUP(kind, channel, due, content, state, extra) \
  "{\"patient_id\":\"@PATIENT@\",\"pregnancy_id\":\"@PREGNANCY@\",\"kind\":\"" kind "\"," \
  "\"channel\":\"" channel "\",\"due_date\":\"" due "\",\"content\":\"" content "\"," \
  "\"state\":\"" state "\"" extra "}"

#define HANDOUT(enrolment, service, date) \
  "{\"patient_id\":\"@PATIENT_COUNTED@\",\"enrolment_id\":\"" enrolment "\",\"service\":\"" service "\"," \
  "\"date\":\"" date "\",\"handed_by\":\"wang\"}"

/* An EPDS filled at the desk: item 10 "Hardly ever" scores 1 and flags
 * self-harm. */
#define SCALE(answers, total, band, flags, source) \
  "{\"patient_id\":\"@PATIENT@\",\"pregnancy_id\":\"@PREGNANCY@\",\"scale_id\":\"epds\"," \
  "\"answers\":\"" answers "\",\"total\":" total ",\"band_id\":\"" band "\",\"flags\":\"" flags "\"," \
  "\"filled_at\":1795400000,\"filled_by\":\"cm-wang\",\"source\":\"" source "\"}"

#define DOCTOR(name, title, department) \
  "{\"name\":\"" name "\",\"title\":\"" title "\",\"department_id\":\"" department "\",\"active\":true}"
#define SESSION(doctor, weekday, half_day, from, until) \
  "{\"doctor_id\":\"" doctor "\",\"weekday\":" weekday ",\"half_day\":\"" half_day "\"," \
  "\"room\":\"305\",\"valid_from\":\"" from "\",\"valid_until\":\"" until "\"}"
#define PRICE(code, name, fen) \
  "{\"code\":\"" code "\",\"name\":\"" name "\",\"unit\":\"次\",\"price_fen\":" fen ",\"active\":true}"
#define CHECK(session, date, half_day, extra) \
  "{\"session_id\":\"" session "\",\"doctor_id\":\"@DOCTOR_DIR@\",\"date\":\"" date "\"," \
  "\"half_day\":\"" half_day "\",\"marked_at\":1795400000" extra "}"

#define COURSE(title, stage, minutes, link) \
  "{\"title\":\"" title "\",\"stage\":\"" stage "\",\"duration_min\":" minutes "," \
  "\"link\":\"" link "\",\"active\":true}"
#define ASSIGN(course, extra) \
  "{\"patient_id\":\"@PATIENT@\",\"course_id\":\"" course "\",\"assigned_by\":\"wang\"," \
  "\"assigned_at\":1795400000" extra "}"
#define EVENT(title, kind, date, starts, ends, place, link, capacity) \
  "{\"title\":\"" title "\",\"kind\":\"" kind "\",\"date\":\"" date "\",\"starts\":" starts "," \
  "\"ends\":" ends ",\"place\":\"" place "\",\"link\":\"" link "\",\"capacity\":" capacity "}"
#define REGISTER(event, patient, state, extra) \
  "{\"event_id\":\"" event "\",\"patient_id\":\"" patient "\",\"state\":\"" state "\"," \
  "\"registered_by\":\"wang\",\"registered_at\":1795400000" extra "}"
/* A booking pushed by the desk, booked at 09:00 on 23 November. */
#define APPOINTMENT(patient, kind, department, date, slot, source, more) \
  "{\"patient_id\":\"" patient "\",\"kind\":\"" kind "\",\"department_id\":\"" department "\"," \
  "\"date\":\"" date "\",\"slot\":\"" slot "\",\"source\":\"" source "\",\"state\":\"booked\"," \
  "\"booked_by\":\"u-service_desk\",\"booked_at\":@T2026-11-23T09:00@" more "}"

/* A referral of @PATIENT@ to @DEPARTMENT@. */
#define REFERRAL(hospital, reason, priority, received) \
  "{\"patient_id\":\"@PATIENT@\",\"hospital_id\":\"" hospital "\",\"reason\":\"" reason "\"," \
  "\"department_id\":\"@DEPARTMENT@\",\"priority\":\"" priority "\",\"received_at\":" received "}"

/* A contact taken at the desk at 09:00 by the pusher, "u-service_desk"
 * (a user without a staff row is named by their user name). */
#define CONTACT(channel, category, caller, summary, state, extra) \
  "{\"contact_at\":@T2026-11-23T09:00@,\"channel\":\"" channel "\",\"caller_name\":\"" caller "\"," \
  "\"caller_phone\":\"\",\"category\":\"" category "\",\"summary\":\"" summary "\"," \
  "\"owner_id\":\"u-service_desk\",\"state\":\"" state "\"" extra "}"

/* Her nursing assessment, recorded at 09:00 by the pusher; @PATIENT@'s
 * version 1 is @ASSESSMENT@ (no known allergies). */
#define ASSESS(version, supersedes, drugs, foods, extra) \
  "{\"patient_id\":\"@PATIENT@\",\"version\":" version ",\"supersedes_id\":\"" supersedes "\"," \
  "\"drug_allergies\":\"" drugs "\",\"food_allergies\":\"" foods "\",\"recorded_by\":\"u-service_desk\"," \
  "\"recorded_at\":@T2026-11-23T09:00@" extra "}"
/* A visit's vital signs, taken at 09:00. */
#define VITALS(pain, temperature, pulse, respiration, systolic, diastolic) \
  "{\"patient_id\":\"@PATIENT@\",\"taken_at\":@T2026-11-23T09:00@,\"taken_by\":\"u-service_desk\"," \
  "\"pain\":" pain ",\"temperature\":" temperature ",\"pulse\":" pulse ",\"respiration\":" respiration "," \
  "\"systolic\":" systolic ",\"diastolic\":" diastolic "}"
/* A complaint taken at the desk at 09:00 by the pusher about
 * @CPL_DEPARTMENT@, moderate: promised 72 hours later. */
#define COMPLAINT(name, department, description, severity, state, extra) \
  "{\"complainant_name\":\"" name "\",\"department_id\":\"" department "\"," \
  "\"description\":\"" description "\",\"severity\":\"" severity "\",\"owner_id\":\"u-service_desk\"," \
  "\"state\":\"" state "\",\"opened_at\":@T2026-11-23T09:00@,\"promised_at\":@T2026-11-26T09:00@" extra "}"
/* Settled on the spot: every step at its opening. */
#define ON_SPOT \
  ",\"settled_on_spot\":true,\"started_at\":@T2026-11-23T09:00@,\"resolved_at\":@T2026-11-23T09:00@," \
  "\"resolved_by\":\"u-service_desk\""
/* A critical value from the lab for @PATIENT@ of @DEPT_CRITICAL@,
 * received at 09:00 and taken by the pusher, read back. */
#define CRITICAL_FROM(source, department, fields, extra) \
  "{\"received_at\":@T2026-11-23T09:00@,\"source\":\"" source "\",\"caller_name\":\"检验科李老师\"," \
  "\"patient_id\":\"@PATIENT@\",\"department_id\":\"" department "\",\"unit\":\"mmol/L\"," \
  "\"taken_by\":\"u-service_desk\"," fields extra "}"
#define CRITICAL(fields, extra) CRITICAL_FROM ("lab", "@DEPT_CRITICAL@", fields, extra)
#define CRITICAL_OK "\"test_name\":\"血钾\",\"result\":\"6.8\",\"kind\":\"critical\",\"read_back\":true"
#define CRITICAL_REPORT(to, role, at, action) \
  ",\"reported_to\":\"" to "\",\"reported_role\":\"" role "\",\"reported_at\":" at ",\"action\":\"" action "\""

/* A kiosk fault reported to the vendor at 09:00 on the test's day. */
#define FAULT(machine, fault, to, name, fixed) \
  "{\"machine\":\"" machine "\",\"location\":\"门诊大厅\",\"fault\":\"" fault "\"," \
  "\"reported_at\":@T2026-11-23T09:00@,\"reported_to\":\"" to "\",\"reported_to_name\":\"" name "\"," \
  "\"fixed_at\":" fixed "}"

/* An entry of the opinion log about @CPL_DEPARTMENT@. */
#define OPINION(date, source, content, kind, complaint) \
  "{\"date\":\"" date "\",\"source\":\"" source "\",\"department_id\":\"@CPL_DEPARTMENT@\"," \
  "\"content\":\"" content "\",\"kind\":\"" kind "\",\"complaint_id\":\"" complaint "\"}"

/* A survey campaign of @template (asking @PATIENT@ unless @people). */
#define CAMPAIGN(template, quarter, target, anonymous, people) \
  "{\"template_id\":\"" template "\",\"quarter\":\"" quarter "\",\"title\":\"满意度\"," \
  "\"target\":" target ",\"anonymous\":" anonymous ",\"status\":\"open\",\"people\":\"" people "\"}"
#define ASK_PATIENT "[{\\\"kind\\\":\\\"patient\\\",\\\"id\\\":\\\"@PATIENT@\\\"}]"
#define ASK_STAFF "[{\\\"kind\\\":\\\"staff\\\",\\\"id\\\":\\\"@CASE_MANAGER@\\\"}]"
#define ASK_NOBODY "[{\\\"kind\\\":\\\"patient\\\",\\\"id\\\":\\\"e1000000-0000-0000-0000-000000000b99\\\"}]"

/* Answers to the outpatients' survey: @guide (the first question's
 * mark, or null for none) and the rest answered. */
#define OUTPATIENT_ANSWERS(guide) \
  "{\\\"guide\\\":" guide ",\\\"registration\\\":4,\\\"wait\\\":3,\\\"doctor\\\":5," \
  "\\\"nurse\\\":5,\\\"tests\\\":4,\\\"clean\\\":4,\\\"privacy\\\":true,\\\"gift\\\":false," \
  "\\\"recommend\\\":true,\\\"overall\\\":5}"
/* An answer to @campaign by @kind @person about @department. */
#define SURVEY_ANSWER(campaign, kind, person, department, answers, at) \
  "{\"campaign_id\":\"" campaign "\",\"person_kind\":\"" kind "\",\"person_id\":\"" person "\"," \
  "\"channel\":\"phone\",\"answered_at\":" at ",\"department_id\":\"" department "\"," \
  "\"answers\":\"" answers "\"}"
#define STAFF_ANSWERS \
  "{\\\"attitude\\\":4,\\\"timely\\\":4,\\\"quality\\\":5,\\\"communication\\\":3," \
  "\\\"critical\\\":true,\\\"rules\\\":4,\\\"overall\\\":4}"
/* A shift of the duty roster at a seeded post (cl-store-duty-seed.h):
 * 01 the outpatient service centre, 07 the paediatric emergency. */
#define DUTY(staff, day, post, shift) \
  "{\"staff_id\":\"" staff "\",\"day\":\"" day "\",\"post_id\":\"5eed0000-0000-4000-8000-00000000d0" post "\"," \
  "\"shift\":\"" shift "\"}"
#define DUTY_POST(name, mo, mc, ao, ac, headcount) \
  "{\"name\":\"" name "\",\"name_en\":\"\",\"morning_opens\":" mo ",\"morning_closes\":" mc "," \
  "\"afternoon_opens\":" ao ",\"afternoon_closes\":" ac ",\"all_day\":false,\"headcount\":" headcount "," \
  "\"active\":true,\"sort_order\":9}"
/* A discharge from @DEPT_DC@ on 20 November, its call due on the 23rd. */
#define DISCHARGE(phone, idno, dept, admitted, discharged, due) \
  "{\"name\":\"林秀英\",\"phone\":\"" phone "\",\"id_number\":\"" idno "\",\"his_id\":\"ZY0001\"," \
  "\"department_id\":\"" dept "\",\"admitted_on\":\"" admitted "\",\"discharged_on\":\"" discharged "\"," \
  "\"diagnosis\":\"足月顺产\",\"source\":\"csv\",\"source_id\":\"\",\"call_due_on\":\"" due "\"}"
#define DISCHARGE_OK(phone, idno) \
  DISCHARGE (phone, idno, "@DEPT_DC@", "2026-11-15", "2026-11-20", "2026-11-23")

/* An attempt at a discharge's call. */
#define DISCHARGE_CALL(discharge, at, outcome) \
  "{\"discharge_id\":\"" discharge "\",\"called_at\":" at ",\"caller\":\"u-service_desk\"," \
  "\"outcome\":\"" outcome "\",\"note\":\"\"}"
/* An inspection of the service centre on 20 November by
 * @CASE_MANAGER@, its four items as JSON text (cl-inspection.h). */
#define ITEMS_PASSED \
  "{\\\"duties\\\":true,\\\"workflows\\\":true,\\\"etiquette\\\":true,\\\"knowledge\\\":true}"
#define ITEMS_FAILED \
  "{\\\"duties\\\":true,\\\"workflows\\\":false,\\\"etiquette\\\":true,\\\"knowledge\\\":true}"
#define INSPECTION(date, inspector, post, items, findings, poor) \
  "{\"date\":\"" date "\",\"inspector_id\":\"" inspector "\",\"post\":\"" post "\"," \
  "\"items\":\"" items "\",\"findings\":\"" findings "\",\"poor_cooperation\":" poor "}"
/* What @INSPECTION_FAILED@ (failed on 20 November) asks to put right,
 * done at @done by @by. */
#define RECTIFY(inspection, task, deadline, done, by) \
  "{\"inspection_id\":\"" inspection "\",\"task\":\"" task "\",\"deadline\":\"" deadline "\"," \
  "\"done_at\":" done ",\"done_by\":\"" by "\"}"

/* A patient registered at the desk. */
#define PATIENT(extra) \
  "{\"name\":\"王秀兰\",\"phone\":\"13800138077\"" extra "}"

const CLTestInvalidCase cl_test_invalid_cases[] = {
  /* The nursing assessment (test-nursing.c, test-ui-assessment.c):
   * allergies said, never left empty; "none" alone; each update the
   * next version after her latest, superseding it. */
  { "nursing_assessment", "service_desk", ASSESS ("2", "@ASSESSMENT@", "", "none", ""), "drug_allergies",
    "Choose her drug allergies, or “No known drug allergies”" },
  { "nursing_assessment", "service_desk", ASSESS ("2", "@ASSESSMENT@", "none", "none,seafood", ""), "food_allergies",
    "“No known allergies” cannot be combined with an allergy" },
  { "nursing_assessment", "case_manager", ASSESS ("2", "@ASSESSMENT@", "penicillin,morphine", "none", ""), "drug_allergies",
    "Unknown allergy; choose from the list" },
  { "nursing_assessment", "service_desk", ASSESS ("2", "@ASSESSMENT@", "none", "none", ",\"risks\":\"fall,diabetes\""), "risks",
    "Unknown risk; choose from the list" },
  { "nursing_assessment", "service_desk", ASSESS ("1", "", "none", "none", ""), "version",
    "A newer version of her assessment was recorded meanwhile; update that one" },
  { "nursing_assessment", "service_desk", ASSESS ("3", "@ASSESSMENT@", "none", "none", ""), "version",
    "A newer version of her assessment was recorded meanwhile; update that one" },

  /* A visit's vital signs (test-nursing.c, test-ui-assessment.c): each
   * within its plausible range. */
  { "visit_vitals", "service_desk", VITALS ("2", "460", "80", "16", "120", "80"), "temperature",
    "Enter a temperature between 30.0 and 45.0 °C" },
  { "visit_vitals", "service_desk", VITALS ("2", "365", "300", "16", "120", "80"), "pulse",
    "Enter a pulse between 20 and 250 per minute" },
  { "visit_vitals", "case_manager", VITALS ("2", "365", "80", "2", "120", "80"), "respiration",
    "Enter a respiratory rate between 4 and 80 per minute" },
  { "visit_vitals", "service_desk", VITALS ("11", "365", "80", "16", "120", "80"), "pain",
    "Enter a pain score from 0 to 10" },
  { "visit_vitals", "service_desk", VITALS ("2", "365", "80", "16", "310", "80"), "systolic",
    "Enter a systolic pressure between 50 and 300 mmHg" },
  { "visit_vitals", "service_desk", VITALS ("2", "365", "80", "16", "120", "10"), "diastolic",
    "Enter a diastolic pressure between 20 and 200 mmHg" },
  { "visit_vitals", "service_desk", VITALS ("2", "365", "80", "16", "80", "90"), "systolic",
    "The systolic pressure must be higher than the diastolic" },

  /* Enrolments (test-ui.c, the enrolment dialog; test-enrolment.c).
   * She is at 15+6 weeks on 20 November. */
  { "enrolment", "case_manager", ENROL (""), "package_id",
    "On the agreement date she is at 15+6 wk, outside the window of 早孕套餐 (0+0–12+0 wk). "
    "An administrator may enrol her with a reason." },
  { "enrolment", "case_manager", ENROL (",\"override_reason\":\"她坚持早签\""), "override_reason",
    "Only an administrator may enrol a patient outside the package’s window" },
  { "enrolment", "case_manager",
    "{\"patient_id\":\"@PATIENT@\",\"package_id\":\"@PACKAGE_OFF@\",\"price_fen\":1,"
    "\"agreement_date\":\"2026-11-20\",\"explained_by\":\"王护士\",\"status\":\"active\"}", "package_id",
    "This package is no longer offered" },
  { "enrolment", "case_manager", ENROL_IN_WINDOW (",\"status\":\"active\",\"paid_date\":\"2026-11-20\",\"paid_fen\":298000"),
    "receipt_no", "Enter the hospital’s receipt or invoice number" },
  { "enrolment", "case_manager",
    ENROL_IN_WINDOW (",\"status\":\"cancelled\",\"paid_date\":\"2026-11-20\",\"paid_fen\":100000,"
                     "\"receipt_no\":\"FP-1\",\"cancel_date\":\"2026-11-21\",\"refund_fen\":200000"),
    "refund_fen", "The refund (2,000.00) cannot be more than the payment (1,000.00)" },
  { "enrolment", "case_manager",
    "{\"patient_id\":\"@PATIENT@\",\"package_id\":\"@PACKAGE_WIDE@\",\"price_fen\":298000,"
    "\"agreement_date\":\"2026-12-01\",\"explained_by\":\"王护士\",\"status\":\"active\"}",
    "agreement_date", "The agreement date is in the future" },
  { "enrolment", "case_manager", "{\"patient_id\":\"@PATIENT@\",\"package_id\":\"@PACKAGE_WIDE@\",\"price_fen\":298000,"
    "\"agreement_date\":\"2026-11-20\",\"explained_by\":\"\",\"status\":\"active\"}",
    "explained_by", "Record who explained the service agreement to her" },

  /* A second enrolment while one is live (test-ui-packages.c, the
   * enrolment dialog): @PATIENT_ENROLLED@ is in 孕期全程 since
   * 10 November. */
  { "enrolment", "case_manager",
    "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"package_id\":\"@PACKAGE_WIDE@\",\"price_fen\":298000,"
    "\"agreement_date\":\"2026-11-20\",\"explained_by\":\"王护士\",\"status\":\"active\"}", "package_id",
    "She is already enrolled in 孕期全程 (signed 2026-11-10). Cancel that enrolment first; "
    "an administrator may enrol her again with a reason." },
  { "enrolment", "case_manager",
    "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"package_id\":\"@PACKAGE_WIDE@\",\"price_fen\":298000,"
    "\"agreement_date\":\"2026-11-20\",\"explained_by\":\"王护士\",\"status\":\"active\","
    "\"override_reason\":\"她要求再买一份\"}", "override_reason",
    "Only an administrator may enrol a patient who is already enrolled" },

  /* Deductions (test-ui.c, the deduction dialog). */
  { "deduction", "finance", "{\"date\":\"2026-11-05\",\"amount_fen\":0,\"reason\":\"投诉\"}",
    "amount_fen", "Enter the amount deducted" },
  { "deduction", "finance", "{\"date\":\"2026-11-05\",\"amount_fen\":-500,\"reason\":\"投诉\"}",
    "amount_fen", "An amount cannot be negative" },
  { "deduction", "finance", "{\"date\":\"2026-11-05\",\"amount_fen\":500,\"reason\":\"  \"}",
    "reason", "Enter the reason for the deduction" },
  { "deduction", "finance", "{\"date\":\"\",\"amount_fen\":500,\"reason\":\"投诉\"}",
    "date", "Enter the date of the deduction" },

  /* Share rates (test-ui.c, the share rate dialog). */
  { "share_rate", "finance", "{\"effective_from\":\"2026-12-01\",\"rate_bp\":10001}",
    "rate_bp", "A rate cannot be more than 100 %" },
  { "share_rate", "finance", "{\"effective_from\":\"2026-12-01\",\"rate_bp\":-1}",
    "rate_bp", "A rate cannot be negative" },
  { "share_rate", "finance", "{\"effective_from\":\"\",\"rate_bp\":3000}",
    "effective_from", "Enter the date from which the rate applies" },

  /* Contracts, their fees and deductions (test-ui-contracts.c, the fee
   * and contract dialogs); the guide desk's contract is shipped. */
  { "share_rate", "finance", "{\"contract_id\":\"7c0e1a10-3b2d-4f5e-8a6c-c0a7ac700002\",\"effective_from\":\"2026-12-01\",\"fee_fen\":-100}",
    "fee_fen", "An amount cannot be negative" },
  { "share_rate", "finance", "{\"contract_id\":\"7c0e1a10-3b2d-4f5e-8a6c-c0a7ac700002\",\"effective_from\":\"2026-12-15\",\"fee_fen\":100}",
    "effective_from", "A monthly fee applies from the first day of a month" },
  { "share_rate", "finance", "{\"contract_id\":\"7c0e1a10-3b2d-4f5e-8a6c-c0a7ac700002\",\"effective_from\":\"2026-12-01\",\"rate_bp\":3000}",
    "rate_bp", "A contract paid a fixed monthly fee has no share rate" },
  { "share_rate", "finance", "{\"effective_from\":\"2026-12-01\",\"rate_bp\":3000,\"fee_fen\":100}",
    "fee_fen", "A contract paid a share of the fees has no monthly fee" },
  { "share_rate", "finance", "{\"contract_id\":\"e1000000-0000-0000-0000-000000000f05\",\"effective_from\":\"2026-12-01\",\"rate_bp\":3000}",
    "contract_id", "Choose the contract" },
  { "deduction", "finance", "{\"contract_id\":\"e1000000-0000-0000-0000-000000000f06\",\"date\":\"2026-11-05\",\"amount_fen\":500,\"reason\":\"投诉\"}",
    "contract_id", "Choose the contract" },
  { "contract", "admin", "{\"title\":\"保洁服务\",\"kind\":\"per_visit\",\"active\":true}",
    "kind", "Choose how the contract is paid: a share of the package fees or a fixed monthly fee" },
  { "contract", "admin", "{\"title\":\"  \",\"kind\":\"fixed_monthly_fee\",\"active\":true}",
    "title", "Enter the contract’s title" },

  /* Packages (test-ui-packages.c, the package dialog). */
  { "package", "admin", PACKAGE ("T-@N@", "测试套餐", "-5", "0", "280", "42", ""), "price_fen", "An amount cannot be negative" },
  { "package", "admin", PACKAGE ("T-@N@", "测试套餐", "100000", "42", "28", "42", ""), "enrol_to_day",
    "The window ends before it starts" },
  { "package", "admin", PACKAGE ("T-@N@", "测试套餐", "100000", "0", "400", "42", ""), "enrol_to_day",
    "The window must lie within the pregnancy (0+0–42+6 wk)" },
  { "package", "admin", PACKAGE ("T-@N@", "  ", "100000", "0", "280", "42", ""), "name", "Enter the package’s name" },
  { "package", "admin", PACKAGE ("T-@N@", "测试套餐", "100000", "0", "280", "400", ""), "postpartum_days",
    "The service period after delivery is 0 to 365 days" },
  { "package", "admin", PACKAGE ("T-@N@", "测试套餐", "100000", "0", "280", "42", "[{\\\"code\\\":\\\"a\\\",\\\"name\\\":\\\"B 超\\\",\\\"quantity\\\":0}]"),
    "services.0", "The quantity is a whole number from 1 to 999" },
  { "package", "admin", PACKAGE ("T-@N@", "测试套餐", "100000", "0", "280", "42", "[{\\\"code\\\":\\\"a\\\",\\\"name\\\":\\\"\\\",\\\"quantity\\\":1}]"),
    "services.0", "Enter the service’s name" },
  { "package", "admin", PACKAGE ("EARLY", "测试套餐", "100000", "0", "280", "42", ""), "code", "Another package already has this code" },

  /* Doctor's orders (test-ui-visits.c, the order dialog). */
  { "doctor_order", "case_manager", ORDER (",\"date\":\"2026-11-20\",\"text\":\"  \",\"doctor\":\"王医生\""),
    "text", "Enter the doctor’s order" },
  { "doctor_order", "case_manager", ORDER (",\"date\":\"2026-11-20\",\"text\":\"补充叶酸\",\"doctor\":\"\""),
    "doctor", "Enter the doctor who gave the order" },
  { "doctor_order", "case_manager",
    ORDER (",\"date\":\"2026-11-20\",\"text\":\"补充叶酸\",\"doctor\":\"王医生\",\"reminder_date\":\"2026-11-10\""),
    "reminder_date", "The reminder cannot be before the order date" },
  { "doctor_order", "case_manager", ORDER (",\"date\":\"2026-12-20\",\"text\":\"补充叶酸\",\"doctor\":\"王医生\""),
    "date", "The order date cannot be in the future" },

  /* VIP bookings (test-ui-schedule.c, the booking dialog). */
  { "vip_booking", "vip_steward", BOOKING ("@ROOM@", "2026-11-24T03:00", "2026-11-24T03:30"),
    "start_at", "The start time is outside the room’s opening hours (08:00–17:30)" },
  { "vip_booking", "vip_steward", BOOKING ("@ROOM@", "2026-11-24T18:00", "2026-11-24T18:30"),
    "start_at", "The start time is outside the room’s opening hours (08:00–17:30)" },
  { "vip_booking", "vip_steward", BOOKING ("@ROOM@", "2026-11-24T17:00", "2026-11-24T18:00"),
    "end_at", "The end time is outside the room’s opening hours (08:00–17:30)" },
  { "vip_booking", "vip_steward", BOOKING ("@ROOM@", "2026-11-24T10:15", "2026-11-24T10:45"),
    "start_at", "The start time must be on the room’s grid: every 30 minutes from 08:00" },
  { "vip_booking", "vip_steward", BOOKING ("@ROOM@", "2026-11-23T08:00", "2026-11-23T08:30"),
    "start_at", "The start time has already passed; choose a later one" },
  { "vip_booking", "vip_steward", BOOKING ("@ROOM@", "2026-11-24T15:00", "2026-11-24T14:00"),
    "end_at", "The end time must be after the start time" },
  { "vip_booking", "vip_steward", BOOKING ("@ROOM_OFF@", "2026-11-24T10:00", "2026-11-24T10:30"),
    "room_id", "VIP 停用室 is closed for bookings" },

  /* VIP rooms (test-ui-schedule.c, the room dialog). */
  { "vip_room", "admin", ROOM ("", "480", "1050", "30"), "name", "Enter the room’s name" },
  { "vip_room", "admin", ROOM ("VIP 测试室 C", "1020", "480", "30"), "closes",
    "The closing time must be after the opening time, within the day" },
  { "vip_room", "admin", ROOM ("VIP 测试室 C", "480", "1050", "45"), "slot_minutes",
    "The slot length must be 5 to 240 minutes and divide the opening hours evenly" },

  /* Escort tasks (test-ui-schedule.c, the escort task dialog). */
  { "escort_task", "case_manager", TASK ("2026-11-24T06:00", "2026-11-24T07:00"),
    "start_at", "The start time is outside working hours (07:30–17:30)" },
  { "escort_task", "case_manager", TASK ("2026-11-24T17:00", "2026-11-24T18:00"),
    "end_at", "The end time is outside working hours (07:30–17:30)" },
  { "escort_task", "case_manager", TASK ("2026-11-23T08:00", "2026-11-23T08:30"),
    "start_at", "The start time has already passed; choose a later one" },
  { "escort_task", "case_manager", TASK ("2026-11-24T15:00", "2026-11-24T14:00"),
    "end_at", "The end time must be after the start time" },

  /* Follow-up items (test-followup-store.c, an item added by hand and
   * outcomes recorded). */
  { "followup_item", "case_manager",
    "{\"kind\":\"other\",\"channel\":\"phone\",\"due_date\":\"2026-11-25\",\"content\":\"问候\"}",
    "patient_id", "A follow-up item must belong to a patient" },
  { "followup_item", "case_manager", FOLLOWUP ("gift", "phone", "2026-11-25", "问产检情况", "due", ""),
    "kind", "Unknown kind of follow-up item" },
  { "followup_item", "case_manager", FOLLOWUP ("other", "fax", "2026-11-25", "问产检情况", "due", ""),
    "channel", "Choose SMS, WeChat, phone or in person" },
  { "followup_item", "case_manager", FOLLOWUP ("other", "phone", "2026/11/25", "问产检情况", "due", ""),
    "due_date", "Enter the due date as YYYY-MM-DD" },
  { "followup_item", "case_manager", FOLLOWUP ("other", "phone", "2026-11-25", "  ", "due", ""),
    "content", "Say what to do or to tell her" },
  { "followup_item", "case_manager", FOLLOWUP ("other", "phone", "2026-11-25", "问产检情况", "done", ""),
    "outcome", "A done item needs its outcome" },
  { "followup_item", "case_manager", FOLLOWUP ("other", "phone", "2026-11-25", "问产检情况", "done", ",\"outcome\":\"maybe\""),
    "outcome", "The outcome is reached, no answer, refused or rescheduled" },
  { "followup_item", "case_manager", FOLLOWUP ("other", "phone", "2026-11-25", "问产检情况", "cancelled", ""),
    "cancel_reason", "A cancelled item needs its reason" },
  { "followup_item", "case_manager", FOLLOWUP ("other", "phone", "2026-11-25", "问产检情况", "due", ",\"outcome\":\"reached\""),
    "outcome", "An item still due has no outcome yet" },
  { "followup_item", "case_manager", FOLLOWUP ("other", "phone", "2026-11-25", "问产检情况", "open", ""),
    "state", "Unknown state of follow-up item" },
  /* Added by hand (test-ui-followup.c, the Add Follow-up dialog): a
   * new item is due today or later, and done by an active case
   * manager. */
  { "followup_item", "case_manager",
    FOLLOWUP ("other", "phone", "2026-11-20", "问产检情况", "due", ",\"owner_id\":\"@CASE_MANAGER@\""),
    "due_date", "The due date has passed; choose today or a later day" },
  { "followup_item", "case_manager", FOLLOWUP ("psychological-support", "phone", "2026-11-25", "问心情", "due", ""),
    "owner_id", "Choose the case manager who will do it" },
  { "followup_item", "case_manager",
    FOLLOWUP ("other", "phone", "2026-11-25", "问产检情况", "due", ",\"owner_id\":\"@ESCORT@\""),
    "owner_id", "The owner must be an active member of staff with the case manager role" },

  /* Scale results (test-scale-store.c; the Fill Scale dialog sends
   * only complete answers).  The server never takes the sender's score. */
  { "scale_result", "case_manager", SCALE ("[0,0,3,0,3,3,3,3,3,2]", "0", "below", "self-harm", "desk"),
    "total", "The total does not agree with the answers" },
  { "scale_result", "case_manager", SCALE ("[0,0,3,0,3,3,3,3,3,2]", "1", "possible", "self-harm", "desk"),
    "band_id", "The band does not agree with the answers" },
  { "scale_result", "case_manager", SCALE ("[0,0,3,0,3,3,3,3,3,2]", "1", "below", "", "desk"),
    "flags", "The flags do not agree with the answers" },
  { "scale_result", "case_manager", SCALE ("[0,0,3,0,3,3,3,3,3]", "1", "below", "self-harm", "desk"),
    "answers", "This scale has 10 items but 9 answers were given." },
  { "scale_result", "case_manager", SCALE ("[0,0,3,0,3,3,3,3,3,7]", "1", "below", "self-harm", "desk"),
    "answers", "Item 10 has no answer number 8." },
  { "scale_result", "case_manager", SCALE ("[0,0,3,0,3,3,3,3,3,2]", "1", "below", "self-harm", "fax"),
    "source", "Say whether it was filled at the desk, by phone or by link" },

  /* Hand-outs and bookings past her package (test-ui-usage.c, the
   * hand-out dialog; test-package-usage.c): @PATIENT_COUNTED@'s
   * package includes one escort, one VIP room visit and one breakfast,
   * and each is taken. */
  { "handout", "case_manager", HANDOUT ("@ENROLMENT_COUNTED@", "nutrition-breakfast", "2026-11-21"),
    "over_reason", "Her package includes Nutrition breakfast × 1; 1 handed out so far. "
    "Give a reason to hand out another." },
  { "handout", "case_manager", HANDOUT ("@ENROLMENT_COUNTED@", "gift-pack", "2026-11-21"),
    "over_reason", "Her package does not include Gift pack. Give a reason to hand it out." },
  { "handout", "case_manager", HANDOUT ("@ENROLMENT_COUNTED@", "escort", "2026-11-21"),
    "service", "Escort is counted from its bookings, not handed out" },
  { "handout", "case_manager", HANDOUT ("@ENROLMENT_LIVE@", "nutrition-breakfast", "2026-11-21"),
    "enrolment_id", "A hand-out is given under one of her enrolments" },
  { "handout", "case_manager", HANDOUT ("@ENROLMENT_COUNTED@", "nutrition-breakfast", "2026-11-24"),
    "date", "A hand-out cannot be dated in the future" },
  { "escort_task", "case_manager",
    "{\"patient_id\":\"@PATIENT_COUNTED@\",\"kind\":\"examination\",\"place_from\":\"门诊\","
    "\"place_to\":\"超声科\",\"start_at\":@T2026-11-26T09:00@,\"end_at\":@T2026-11-26T09:30@,"
    "\"escort_id\":\"@ESCORT@\",\"status\":\"planned\"}",
    "over_reason", "Her package includes 1 escort: 0 done, 1 booked. Give a reason to book another." },
  /* From the service desk too: her package's own kind still asks
   * (the desk's own kinds do not, test-server-rules.c). */
  { "escort_task", "service_desk",
    "{\"patient_id\":\"@PATIENT_COUNTED@\",\"kind\":\"clinic-visit\",\"place_from\":\"门诊大厅\","
    "\"place_to\":\"产科门诊\",\"start_at\":@T2026-11-26T11:00@,\"end_at\":@T2026-11-26T11:30@,"
    "\"status\":\"planned\"}",
    "over_reason", "Her package includes 1 escort: 0 done, 1 booked. Give a reason to book another." },
  { "vip_booking", "vip_steward",
    "{\"room_id\":\"@ROOM@\",\"patient_id\":\"@PATIENT_COUNTED@\",\"purpose\":\"consultation\","
    "\"start_at\":@T2026-11-26T10:00@,\"end_at\":@T2026-11-26T10:30@,\"booked_by\":\"u-vip_steward\","
    "\"status\":\"booked\"}",
    "over_reason", "Her package includes 1 VIP room visit: 0 done, 1 booked. Give a reason to book another." },
  /* Contacts (test-desk-store.c; the Now page's quick-entry bar and
   * its Close dialog, test-ui-desk.c). */
  { "contact", "service_desk", CONTACT ("fax", "consultation", "王女士", "问产检时间", "answered", ""),
    "channel", "Choose hotline, counter, web, WeChat or kiosk" },
  { "contact", "service_desk", CONTACT ("hotline", "gossip", "王女士", "问产检时间", "answered", ""),
    "category", "Choose what the contact was about" },
  { "contact", "service_desk", CONTACT ("hotline", "consultation", "", "问产检时间", "answered", ""),
    "caller_name", "Say who called: a name, a phone number or the patient" },
  { "contact", "service_desk", CONTACT ("hotline", "consultation", "王女士", "  ", "answered", ""),
    "summary", "Say in a few words what was asked and answered" },
  { "contact", "service_desk", CONTACT ("hotline", "consultation", "王女士", "问产检时间", "pending", ""),
    "state", "A contact is answered on the spot, handed over or closed" },
  { "contact", "service_desk",
    "{\"contact_at\":0,\"channel\":\"hotline\",\"caller_name\":\"王女士\",\"category\":\"other\","
    "\"summary\":\"问路\",\"owner_id\":\"u-service_desk\",\"state\":\"answered\"}",
    "contact_at", "A contact needs the time it was taken" },
  { "contact", "service_desk", CONTACT ("hotline", "records_copy", "王女士", "复印病历", "handed_over",
                                        ",\"handover_due_at\":@T2026-11-23T17:00@"),
    "handover_to", "Choose whom to hand it over to" },
  { "contact", "service_desk", CONTACT ("hotline", "records_copy", "王女士", "复印病历", "handed_over",
                                        ",\"handover_to\":\"u-service_desk\",\"handover_due_at\":@T2026-11-23T17:00@"),
    "handover_to", "Hand it over to someone else: you stay responsible for it anyway" },
  { "contact", "service_desk", CONTACT ("hotline", "records_copy", "王女士", "复印病历", "handed_over",
                                        ",\"handover_to\":\"@ESCORT@\""),
    "handover_due_at", "Say by when it must be settled" },
  { "contact", "service_desk", CONTACT ("hotline", "records_copy", "王女士", "复印病历", "handed_over",
                                        ",\"handover_to\":\"@ESCORT@\",\"handover_due_at\":@T2026-11-23T09:10@"),
    "handover_due_at", "The due time has already passed; choose a later one" },
  { "contact", "service_desk", CONTACT ("counter", "report_pickup", "王女士", "取报告", "closed",
                                        ",\"closed_at\":@T2026-11-23T09:05@,\"closed_by\":\"u-service_desk\""),
    "close_note", "Say how it was settled" },
  { "contact", "service_desk",
    "{\"contact_at\":@T2026-11-23T09:00@,\"channel\":\"hotline\",\"caller_name\":\"王女士\","
    "\"category\":\"complaint\",\"summary\":\"投诉等候太久\",\"owner_id\":\"@ESCORT@\","
    "\"state\":\"closed\",\"closed_at\":@T2026-11-23T09:05@,\"closed_by\":\"u-service_desk\","
    "\"close_note\":\"已道歉\"}",
    "state", "Only whoever took the contact, or an administrator, may close it" },

  /* Complaint tickets (test-complaints.c; the ticket dialog,
   * test-ui-complaints.c). */
  { "complaint", "service_desk", COMPLAINT ("王女士", "", "候诊太久", "moderate", "open", ""),
    "department_id", "Choose the department complained of" },
  { "complaint", "service_desk", COMPLAINT ("王女士", "e1000000-0000-0000-0000-0000000006fe", "候诊太久", "moderate", "open", ""),
    "department_id", "There is no such department" },
  { "complaint", "service_desk", COMPLAINT ("王女士", "@CPL_DEPARTMENT@", "候诊太久", "grave", "open", ""),
    "severity", "Choose minor, moderate or serious" },
  { "complaint", "service_desk", COMPLAINT ("王女士", "@CPL_DEPARTMENT@", " ", "moderate", "open", ""),
    "description", "Say what happened" },
  { "complaint", "service_desk", COMPLAINT ("", "@CPL_DEPARTMENT@", "候诊太久", "moderate", "open", ""),
    "complainant_name", "Say who complains: a name, a phone number or the patient" },
  { "complaint", "service_desk", COMPLAINT ("王女士", "@CPL_DEPARTMENT@", "候诊太久", "moderate", "in_progress",
                                            ",\"started_at\":@T2026-11-23T09:05@"),
    "state", "A new complaint is open, or resolved if it was settled on the spot" },
  { "complaint", "service_desk",
    "{\"complainant_name\":\"王女士\",\"department_id\":\"@CPL_DEPARTMENT@\",\"description\":\"候诊太久\","
    "\"severity\":\"serious\",\"owner_id\":\"u-service_desk\",\"state\":\"open\","
    "\"opened_at\":@T2026-11-23T09:00@,\"promised_at\":@T2026-11-26T09:00@}",
    "promised_at", "The promised time follows from the severity; it is not set by hand" },
  { "complaint", "service_desk", COMPLAINT ("王女士", "@CPL_DEPARTMENT@", "候诊太久", "moderate", "resolved", ON_SPOT),
    "resolution", "Say how it was resolved" },
  { "complaint", "service_desk", COMPLAINT ("王女士", "@CPL_DEPARTMENT@", "候诊太久", "moderate", "closed",
                                            ON_SPOT ",\"resolution\":\"当场道歉\",\"closed_at\":@T2026-11-23T09:00@,"
                                            "\"closed_by\":\"u-service_desk\",\"satisfaction\":\"unsatisfied\""),
    "satisfaction_reason", "Say why the complainant is unsatisfied" },
  { "complaint", "service_desk", COMPLAINT ("王女士", "@CPL_DEPARTMENT@", "候诊太久", "moderate", "closed",
                                            ON_SPOT ",\"resolution\":\"当场道歉\",\"closed_at\":@T2026-11-23T09:00@,"
                                            "\"closed_by\":\"u-service_desk\""),
    "satisfaction", "Ask whether the complainant is satisfied with the resolution" },
  { "complaint", "service_desk", COMPLAINT ("王女士", "@CPL_DEPARTMENT@", "候诊太久", "moderate", "resolved",
                                            ",\"settled_on_spot\":true,\"started_at\":@T2026-11-23T09:00@,"
                                            "\"resolved_at\":@T2026-11-23T09:10@,\"resolved_by\":\"u-service_desk\","
                                            "\"resolution\":\"已道歉\""),
    "settled_on_spot", "A complaint settled on the spot is resolved when it is made" },
  /* The critical-value register (test-critical.c, the register and
   * report dialogs): never without read-back; neither time in the
   * future; a report is whole and not before the receipt. */
  { "critical_value", "service_desk",
    CRITICAL ("\"test_name\":\"血钾\",\"result\":\"6.8\",\"kind\":\"critical\",\"read_back\":false", ""),
    "read_back", "Read the value back to the caller and confirm it before registering" },
  { "critical_value", "service_desk",
    "{\"received_at\":@T2026-11-23T10:00@,\"source\":\"radiology\",\"patient_id\":\"@PATIENT@\","
    "\"department_id\":\"@DEPT_CRITICAL@\",\"test_name\":\"胸片\",\"result\":\"疑似活动性肺结核\","
    "\"kind\":\"tuberculosis\",\"taken_by\":\"u-service_desk\",\"read_back\":true}",
    "received_at", "The time received is in the future" },
  { "critical_value", "service_desk", CRITICAL (CRITICAL_OK, CRITICAL_REPORT ("张医生", "doctor", "@T2026-11-23T08:50@", "复查")),
    "reported_at", "It cannot be reported before it was received" },
  { "critical_value", "service_desk", CRITICAL (CRITICAL_OK, CRITICAL_REPORT ("张医生", "doctor", "@T2026-11-23T10:00@", "复查")),
    "reported_at", "The time reported is in the future" },
  { "critical_value", "service_desk", CRITICAL (CRITICAL_OK, CRITICAL_REPORT ("张医生", "doctor", "@T2026-11-23T09:10@", " ")),
    "action", "Say what the doctor or nurse did" },
  { "critical_value", "service_desk", CRITICAL (CRITICAL_OK, CRITICAL_REPORT ("张医生", "intern", "@T2026-11-23T09:10@", "复查")),
    "reported_role", "Choose doctor or nurse" },
  { "critical_value", "service_desk", CRITICAL (CRITICAL_OK, CRITICAL_REPORT ("", "nurse", "@T2026-11-23T09:10@", "复查")),
    "reported_to", "Enter whom it was reported to" },
  { "critical_value", "service_desk", CRITICAL_FROM ("fax", "@DEPT_CRITICAL@", CRITICAL_OK, ""),
    "source", "Choose where the value came from" },
  { "critical_value", "service_desk",
    CRITICAL ("\"test_name\":\"血钾\",\"result\":\"6.8\",\"kind\":\"tb\",\"read_back\":true", ""),
    "kind", "An entry is a critical value or a tuberculosis result" },
  { "critical_value", "service_desk", CRITICAL_FROM ("lab", "e1000000-0000-0000-0000-0000000009ff", CRITICAL_OK, ""),
    "department_id", "Choose a department from the hospital’s list" },
  { "critical_value", "service_desk",
    CRITICAL ("\"test_name\":\" \",\"result\":\"6.8\",\"kind\":\"critical\",\"read_back\":true", ""),
    "test_name", "Enter the test" },
  { "critical_value", "service_desk",
    CRITICAL ("\"test_name\":\"血钾\",\"result\":\"\",\"kind\":\"critical\",\"read_back\":true", ""),
    "result", "Enter the value as the caller read it" },

  /* Patients' priority flags (test-priority.c; the patient form offers
   * only the stored words).  "aged-70" is computed from the date of
   * birth and never stored. */
  { "patient", "service_desk", PATIENT (",\"priority\":\"aged-70\""),
    "priority", "Unknown priority flag" },
  { "patient", "service_desk", PATIENT (",\"priority\":\"retired-cadre,veteran\""),
    "priority", "Unknown priority flag" },
  { "patient", "service_desk", PATIENT (",\"birth_date\":\"1905-11-22\""),
    "birth_date", "The date of birth is more than 120 years ago; please check it" },

  /* Staff (test-ui-staff.c, the person dialog).  "li" is @ESCORT@. */
  { "staff", "admin", STAFF ("li", "李二", "escort", "13900139001", ""),
    "username", "Someone else already logs in as “li”" },
  { "staff", "admin", STAFF ("zhou", "周敏", "escort", "010-62345678", ""),
    "phone", "A mobile number starts with 13 to 19; please check the first digits" },
  { "staff", "admin", STAFF ("zhou", "周敏", "escort", "13900139002",
                             "07:30-17:30 12:00-09:00 07:30-17:30 07:30-17:30 07:30-17:30 off off"),
    "hours", "On Tuesday the working hours end before they start" },
  /* Qualifications (cl-staff-quals.c). */
#define QUALS(fields) \
  "{\"username\":\"zhou\",\"display_name\":\"周敏\",\"role\":\"escort\",\"roles\":\"escort\"," \
  "\"active\":true," fields "}"
  { "staff", "admin", QUALS ("\"licence_number\":\"12-34\",\"licence_expires\":\"2027-06-30\""),
    "licence_number", "A licence number has 6 to 20 Latin letters and digits" },
  { "staff", "admin", QUALS ("\"licence_number\":\"202135000123\",\"licence_expires\":\"2027-02-30\""),
    "licence_expires", "Enter a real date as YYYY-MM-DD" },
  { "staff", "admin", QUALS ("\"licence_number\":\"202135000123\",\"licence_expires\":\"1999-12-31\""),
    "licence_expires", "The date is before 2000; please check the year" },
  { "staff", "admin", QUALS ("\"licence_expires\":\"2027-06-30\""),
    "licence_number", "Enter the licence number of this expiry date" },
  { "staff", "admin", QUALS ("\"languages\":\"mandarin klingon\""),
    "languages", "“klingon” is not a language on the list" },
  { "staff", "admin", QUALS ("\"education\":\"phd\""),
    "education", "“phd” is not a level of education" },
  { "staff", "admin", QUALS ("\"cpr_date\":\"2099-01-01\""),
    "cpr_date", "The CPR certificate date is in the future" },
#undef QUALS

  /* The course catalogue (test-ui-events.c, the course dialog;
   * test-events-store.c). */
  { "course", "admin", COURSE ("  ", "postpartum", "45", "https://example.org/a"), "title",
    "Enter the course’s title" },
  { "course", "admin", COURSE ("母乳喂养", "newborn", "45", "https://example.org/a"), "stage",
    "Choose the stage: pregnancy, birth, postpartum or parenting" },
  { "course", "admin", COURSE ("母乳喂养", "postpartum", "0", "https://example.org/a"), "duration_min",
    "The length is 1 to 600 minutes" },
  { "course", "admin", COURSE ("母乳喂养", "postpartum", "45", "www.example.org/a"), "link",
    "Enter a web address starting with http:// or https://" },
  { "course", "admin", COURSE ("母乳喂养", "postpartum", "45", "ftp://example.org/a"), "link",
    "Enter a web address starting with http:// or https://" },

  /* Courses assigned to her (test-events-store.c; the Assign Course
   * dialog offers only the courses still offered). */
  { "course_assignment", "case_manager", ASSIGN ("@COURSE_OFF@", ""), "course_id",
    "This course is no longer offered" },
  { "course_assignment", "case_manager", ASSIGN ("e1000000-0000-4000-8000-0000000000ff", ""), "course_id",
    "Choose a course from the catalogue" },
  { "course_assignment", "case_manager", ASSIGN ("@COURSE@", ",\"completed_at\":1795300000"), "completed_at",
    "A course cannot be completed before it was assigned" },

  /* Health events (test-ui-events.c, the event dialog). */
  { "health_event", "case_manager", EVENT (" ", "lecture", "2026-11-28", "840", "930", "3F", "", "20"), "title",
    "Enter the event’s title" },
  { "health_event", "case_manager", EVENT ("营养讲座", "webinar", "2026-11-28", "840", "930", "3F", "", "20"), "kind",
    "Choose lecture, live stream or salon" },
  { "health_event", "case_manager", EVENT ("营养讲座", "lecture", "2026/11/28", "840", "930", "3F", "", "20"), "date",
    "Enter the date as YYYY-MM-DD" },
  { "health_event", "case_manager", EVENT ("营养讲座", "lecture", "2026-11-28", "930", "840", "3F", "", "20"), "ends",
    "The end time must be after the start time, on the same day" },
  { "health_event", "case_manager", EVENT ("营养讲座", "live_stream", "2026-11-28", "840", "930", "3F", "", "20"), "link",
    "A live stream needs its link" },
  { "health_event", "case_manager", EVENT ("营养讲座", "salon", "2026-11-28", "840", "930", "  ", "", "20"), "place",
    "Enter the place or the link" },
  { "health_event", "case_manager", EVENT ("营养讲座", "live_stream", "2026-11-28", "840", "930", "", "live.example.org", "20"), "link",
    "Enter a web address starting with http:// or https://" },
  { "health_event", "case_manager", EVENT ("营养讲座", "lecture", "2026-11-28", "840", "930", "3F", "", "0"), "capacity",
    "The capacity is 1 to 10000 people" },

  /* Registrations (test-events-store.c, test-ui-events.c): @EVENT_FULL@
   * has one place, taken by @PATIENT_ENROLLED@; @EVENT_PAST@ was on
   * 20 November.  The desk registers on the waiting list when full, so
   * only a pushed change asks for a place past the capacity. */
  { "event_registration", "case_manager", REGISTER ("@EVENT_FULL@", "@PATIENT@", "registered", ""), "state",
    "The event is full (1 place); she can join the waiting list" },
  { "event_registration", "service_desk", REGISTER ("@EVENT_FULL@", "@PATIENT_ENROLLED@", "waitlisted", ""), "patient_id",
    "She is already registered for this event" },
  { "event_registration", "case_manager", REGISTER ("@EVENT_PAST@", "@PATIENT@", "registered", ""), "event_id",
    "This event is over; she can no longer register" },
  { "event_registration", "case_manager", REGISTER ("e1000000-0000-4000-8000-0000000000fe", "@PATIENT@", "registered", ""), "event_id",
    "There is no such event" },
  { "event_registration", "case_manager", REGISTER ("@EVENT_FULL@", "@PATIENT@", "maybe", ""), "state",
    "A registration is registered, on the waiting list or cancelled" },
  { "event_registration", "case_manager", REGISTER ("@EVENT_FULL@", "@PATIENT@", "waitlisted", ",\"attended\":true"), "attended",
    "Only a registered patient can be marked as attended" },

  /* Appointments (test-appoint-store.c, the Book dialog): @SLOT_AM@
   * gives @DEPARTMENT@ one place every morning, taken on 24 November by
   * @APPT_FULL@ of @PATIENT_ENROLLED@, whose urgent referral from
   * @HOSPITAL@ is @REFERRAL@. */
  { "appointment", "service_desk", APPOINTMENT ("@PATIENT@", "clinic", "@DEPARTMENT@", "2026-11-24", "am", "hotline", ""),
    "overbook_reason", "Morning: the 1 place is booked; give a reason to book over" },
  { "appointment", "service_desk", APPOINTMENT ("@PATIENT_ENROLLED@", "clinic", "@DEPARTMENT@", "2026-11-24", "am", "hotline",
                                                ",\"overbook_reason\":\"加号\""),
    "patient_id", "She is already booked in this department at this time" },
  { "appointment", "service_desk", APPOINTMENT ("@PATIENT@", "clinic", "@DEPARTMENT@", "2026-11-20", "pm", "hotline", ""),
    "date", "This day is over; book today or a later day" },
  { "appointment", "service_desk", APPOINTMENT ("@PATIENT@", "clinic", "@DEPARTMENT_OFF@", "2026-11-24", "pm", "hotline", ""),
    "department_id", "There is no such open department" },
  { "appointment", "service_desk", APPOINTMENT ("@PATIENT@", "surgery", "@DEPARTMENT@", "2026-11-24", "pm", "hotline", ""),
    "kind", "Choose what is booked: a clinic visit, an examination or an admission" },
  { "appointment", "service_desk", APPOINTMENT ("@PATIENT@", "clinic", "@DEPARTMENT@", "2026-11-24", "evening", "hotline", ""),
    "slot", "Choose the morning or the afternoon" },
  { "appointment", "service_desk", APPOINTMENT ("@PATIENT@", "clinic", "@DEPARTMENT@", "2026-11-24", "pm", "fax", ""),
    "source", "Choose how the booking came in" },
  { "appointment", "service_desk",
    "{\"patient_id\":\"@PATIENT@\",\"kind\":\"clinic\",\"department_id\":\"@DEPARTMENT@\","
    "\"date\":\"2026-11-24\",\"slot\":\"pm\",\"source\":\"hotline\",\"state\":\"arrived\"}",
    "state", "A new appointment is booked first" },
  { "appointment", "service_desk", APPOINTMENT ("@PATIENT@", "clinic", "@DEPARTMENT@", "2026-11-24", "am", "referral",
                                                ",\"referral_id\":\"@REFERRAL@\""),
    "referral_id", "The booking names no referral of hers" },
  { "appointment", "service_desk", APPOINTMENT ("@PATIENT@", "clinic", "@DEPARTMENT@", "2026-11-24", "am", "referral", ""),
    "referral_id", "A community referral’s booking is made from the referral" },

  /* The places an administrator sets (test-appoint-store.c). */
  /* The hospital's departments: a name, and one no other department
   * has (@DEPT_CRITICAL@ is 产科门诊). */
  { "department", "admin", "{\"name\":\" \",\"active\":true}",
    "name", "Enter the department’s name" },
  { "department", "admin", "{\"name\":\"产科门诊\",\"active\":true}",
    "name", "Another department has this name" },
  /* A desk setting the core does not know is no setting. */
  { "desk_setting", "admin", "{\"key\":\"critical.nonsense\",\"value\":\"5\"}",
    "key", "This setting does not exist" },
  { "slot_capacity", "admin", "{\"department_id\":\"@DEPARTMENT@\",\"slot\":\"pm\",\"weekday\":0,\"places\":1000}",
    "places", "The places are 0 to 999" },
  { "slot_capacity", "admin", "{\"department_id\":\"@DEPARTMENT@\",\"slot\":\"am\",\"weekday\":0,\"places\":3}",
    "weekday", "This department’s slot has places set for this day already" },
  { "slot_capacity", "admin", "{\"department_id\":\"@DEPARTMENT@\",\"slot\":\"pm\",\"weekday\":8,\"places\":3}",
    "weekday", "Choose every day or one weekday" },
  { "referring_hospital", "admin", "{\"name\":\"  \",\"active\":true}",
    "name", "Enter the hospital’s name" },
  { "referring_hospital", "admin", "{\"name\":\"湖里社区卫生服务中心\",\"active\":true}",
    "name", "Another referring hospital has this name" },

  /* Referrals (test-appoint-store.c, the referral dialog). */
  { "referral", "service_desk", REFERRAL ("@HOSPITAL@", "妊娠期高血压", "urgent", "@T2026-11-24T09:00@"),
    "received_at", "A referral cannot be received in the future" },
  { "referral", "service_desk", REFERRAL ("@HOSPITAL@", "  ", "urgent", "@T2026-11-23T09:00@"),
    "reason", "Enter the reason for the referral" },
  { "referral", "service_desk", REFERRAL ("@HOSPITAL@", "妊娠期高血压", "asap", "@T2026-11-23T09:00@"),
    "priority", "Choose routine or urgent" },
  { "referral", "service_desk", REFERRAL ("e1000000-0000-0000-0000-0000000007ff", "妊娠期高血压", "urgent", "@T2026-11-23T09:00@"),
    "hospital_id", "There is no such referring hospital in the list" },
  /* The hospital directory (test-directory.c): @DEPARTMENT_DIR@ with
   * @DOCTOR_DIR@, who has @SESSION_DIR@ on Monday mornings (23
   * November is a Monday), marked late by @CHECK_DIR@ that day. */
  { "doctor", "admin", DOCTOR ("  ", "chief", "@DEPARTMENT_DIR@"), "name",
    "Enter the doctor’s name" },
  { "doctor", "admin", DOCTOR ("张丽华", "professor", "@DEPARTMENT_DIR@"), "title",
    "Choose the doctor’s title" },
  { "doctor", "admin", DOCTOR ("张丽华", "chief", "e1000000-0000-0000-0000-0000000008ff"), "department_id",
    "Choose the doctor’s department" },
  { "doctor_session", "admin", SESSION ("@DOCTOR_DIR@", "8", "morning", "", ""), "weekday",
    "Choose the day of the week" },
  { "doctor_session", "admin", SESSION ("@DOCTOR_DIR@", "1", "night", "", ""), "half_day",
    "Choose morning, afternoon or evening" },
  { "doctor_session", "admin", SESSION ("@DOCTOR_DIR@", "1", "morning", "2026-12-01", "2026-11-01"), "valid_until",
    "The last date is before the first" },
  { "doctor_session", "admin", SESSION ("e1000000-0000-0000-0000-0000000008fe", "1", "morning", "", ""), "doctor_id",
    "Choose the doctor" },
  { "service_price", "admin", PRICE ("FY0001", "  ", "3550"), "name",
    "Enter what is charged for" },
  { "service_price", "admin", PRICE ("FY0001", "产前检查", "1000000001"), "price_fen",
    "The price is 0 to 10,000,000.00 yuan" },
  { "service_price", "admin", PRICE ("DIR-FY", "别的", "100"), "code",
    "Another price has this code" },
  { "procedure_guide", "admin", "{\"title\":\"挂号\",\"steps\":\" \",\"active\":true}", "steps",
    "Enter the steps, one a line" },
  { "session_check", "service_desk", CHECK ("@SESSION_DIR@", "2026-11-23", "morning", ""), "session_id",
    "This session is marked already" },
  { "session_check", "service_desk", CHECK ("@SESSION_DIR@", "2026-11-24", "morning", ""), "session_id",
    "The doctor has no such session that day" },
  { "session_check", "service_desk", CHECK ("@SESSION_DIR@", "2026-11-30", "morning", ",\"phoned\":\"护士长\""), "phoned_at",
    "Enter when you phoned" },
  { "session_check", "service_desk", CHECK ("@SESSION_DIR@", "2026-11-30", "morning", ",\"arrived_at\":1795300000"), "arrived_at",
    "The arrival is before the session was marked" },
  /* The kiosk and equipment fault log (test-faults.c). */
  { "equipment_fault", "service_desk", FAULT ("  ", "不出凭条", "vendor", "", "0"), "machine",
    "Enter the machine" },
  { "equipment_fault", "service_desk", FAULT ("门诊大厅自助机 3号", " ", "vendor", "", "0"), "fault",
    "Describe the fault" },
  { "equipment_fault", "service_desk", FAULT ("门诊大厅自助机 3号", "不出凭条", "porter", "", "0"), "reported_to",
    "Choose whom it was reported to: the IT room, the kiosk vendor or other" },
  { "equipment_fault", "service_desk", FAULT ("门诊大厅自助机 3号", "不出凭条", "other", " ", "0"),
    "reported_to_name", "Enter whom it was reported to" },
  { "equipment_fault", "service_desk", FAULT ("门诊大厅自助机 3号", "不出凭条", "it", "", "@T2026-11-23T08:00@"),
    "fixed_at", "The fix is before the report" },
  { "equipment_fault", "service_desk", FAULT ("门诊大厅自助机 3号", "不出凭条", "it", "", "@T2026-11-23T10:00@"),
    "fixed_at", "The fix lies in the future" },
  /* The opinion box and book (test-opinions.c). */
  { "opinion_entry", "service_desk", OPINION ("2026-11-31", "box", "候诊时间太长", "opinion", ""), "date",
    "Enter the date as YYYY-MM-DD" },
  { "opinion_entry", "service_desk", OPINION ("2026-11-24", "box", "候诊时间太长", "opinion", ""), "date",
    "The date lies in the future" },
  { "opinion_entry", "service_desk", OPINION ("2026-11-23", "wall", "候诊时间太长", "opinion", ""), "source",
    "Choose the opinion box or the opinion book" },
  { "opinion_entry", "service_desk", OPINION ("2026-11-23", "book", "  ", "opinion", ""), "content",
    "Enter what was written" },
  { "opinion_entry", "service_desk", OPINION ("2026-11-23", "book", "护士很耐心", "praise", ""), "kind",
    "Choose an opinion, a commendation or a complaint" },
  { "opinion_entry", "service_desk",
    OPINION ("2026-11-23", "book", "候诊时间太长", "complaint", "e1000000-0000-0000-0000-000000000aa0"),
    "complaint_id", "There is no such complaint ticket" },
  /* Satisfaction surveys (test-survey-rules.c). */
  { "survey_campaign", "service_desk", CAMPAIGN ("nonesuch", "2026-Q4", "100", "false", ASK_PATIENT),
    "template_id", "Choose a survey" },
  { "survey_campaign", "service_desk", CAMPAIGN ("outpatient", "2026-Q5", "100", "false", ASK_PATIENT),
    "quarter", "Enter the quarter as YYYY-Q1 … YYYY-Q4" },
  { "survey_campaign", "service_desk", CAMPAIGN ("outpatient", "2026-Q4", "0", "false", ASK_PATIENT),
    "target", "Enter how many answers are wanted, at least 1" },
  { "survey_campaign", "service_desk", CAMPAIGN ("outpatient", "2026-Q4", "100", "true", ASK_PATIENT),
    "anonymous", "This survey is not anonymous: its answers name who gave them" },
  { "survey_campaign", "service_desk", CAMPAIGN ("outpatient", "2026-Q4", "100", "false", ASK_STAFF),
    "people", "This survey is for patients: ask patients only" },
  { "survey_campaign", "service_desk", CAMPAIGN ("outpatient", "2026-Q4", "100", "false", ASK_NOBODY),
    "people", "Someone on the list is not a patient or staff member of this hospital" },
  { "survey_answer", "service_desk",
    SURVEY_ANSWER ("@SURVEY_ANON@", "staff", "@CASE_MANAGER@", "@DEPARTMENT@", STAFF_ANSWERS, "1795400000"),
    "person_id", "This survey is anonymous: its answers name no one" },
  { "survey_answer", "case_manager",
    SURVEY_ANSWER ("@SURVEY_CLOSED@", "patient", "@PATIENT@", "@DEPARTMENT@", OUTPATIENT_ANSWERS ("5"), "1795400000"),
    "campaign_id", "This campaign is closed and takes no more answers" },
  { "survey_answer", "service_desk",
    SURVEY_ANSWER ("@SURVEY_OPEN@", "patient", "@PATIENT@", "@DEPARTMENT@", OUTPATIENT_ANSWERS ("6"), "1795400000"),
    "answers", "Answer “The guides' attitude and the help they gave” with a mark from 1 to 5" },
  { "survey_answer", "service_desk",
    SURVEY_ANSWER ("@SURVEY_OPEN@", "patient", "@PATIENT@", "@DEPARTMENT@", OUTPATIENT_ANSWERS ("null"), "1795400000"),
    "answers", "Answer “The guides' attitude and the help they gave”" },
  { "survey_answer", "service_desk",
    SURVEY_ANSWER ("@SURVEY_OPEN@", "patient", "@PATIENT@", "", OUTPATIENT_ANSWERS ("5"), "1795400000"),
    "department_id", "Choose the department the answers are about" },
  { "survey_answer", "service_desk",
    SURVEY_ANSWER ("@SURVEY_OPEN@", "", "", "@DEPARTMENT@", OUTPATIENT_ANSWERS ("5"), "1795400000"),
    "person_id", "Choose who answered" },
  { "survey_answer", "service_desk",
    SURVEY_ANSWER ("@SURVEY_OPEN@", "patient", "@PATIENT@", "@DEPARTMENT@", OUTPATIENT_ANSWERS ("5"),
                   "@T2026-11-23T10:00@"),
    "answered_at", "The answers cannot be given in the future" },
  { "survey_answer", "service_desk",
    SURVEY_ANSWER ("@SURVEY_OPEN@", "discharge", "e1000000-0000-0000-0000-000000000299", "@DEPARTMENT@",
                   OUTPATIENT_ANSWERS ("5"), "1795400000"),
    "person_id", "There is no such discharge" },
  /* The duty roster's posts and shifts (test-duty.c, test-ui-duty.c).
   * @STAFF_LEFT@ is a guide who no longer works here. */
  { "duty_post", "admin", DUTY_POST (" ", "480", "720", "870", "1050", "1"), "name",
    "Enter the post’s name" },
  { "duty_post", "admin", DUTY_POST ("门诊二楼导医台", "480", "720", "870", "1050", "0"), "headcount",
    "Enter how many people the post needs a day, from 1 to 50" },
  { "duty_post", "admin", DUTY_POST ("门诊二楼导医台", "720", "480", "870", "1050", "1"), "morning_closes",
    "The morning session must end after it starts" },
  { "duty_post", "admin", DUTY_POST ("门诊二楼导医台", "480", "720", "1050", "870", "1"), "afternoon_closes",
    "The afternoon session must end after it starts" },
  { "duty_post", "admin", DUTY_POST ("门诊二楼导医台", "480", "720", "660", "1050", "1"), "afternoon_opens",
    "The afternoon session must start after the morning one ends" },
  { "duty_assignment", "service_desk", DUTY ("e1000000-0000-0000-0000-000000000dff", "2026-11-24", "01", "early"),
    "staff_id", "There is no such member of staff" },
  { "duty_assignment", "service_desk", DUTY ("@STAFF_LEFT@", "2026-11-24", "01", "early"), "staff_id",
    "This person no longer works here" },
  { "duty_assignment", "service_desk", DUTY ("@ESCORT@", "2026-11-31", "01", "early"), "day",
    "Enter a real day" },
  { "duty_assignment", "service_desk", DUTY ("@ESCORT@", "2026-11-24", "ff", "early"), "post_id",
    "There is no such post" },
  { "duty_assignment", "service_desk", DUTY ("@ESCORT@", "2026-11-24", "07", "evening"), "shift",
    "Choose a shift: early, regular, late or night" },
  /* The discharged-patient call list (test-discharges.c,
   * test-ui-discharge.c); @DISCHARGE_DC@ is 350203199005120046's
   * discharge of 20 November, @DISCHARGE_DC_DONE@'s call was reached. */
  { "discharge", "service_desk", DISCHARGE_OK ("1380013", "350203198811030024"), "phone",
    "A mobile number must have 11 digits (7 entered)" },
  { "discharge", "service_desk", DISCHARGE_OK ("13800138066", "350203198811030025"), "id_number",
    "The check digit does not match; please re-check the number" },
  { "discharge", "service_desk",
    DISCHARGE ("13800138066", "350203198811030024", "@DEPT_DC@", "2026-11-20", "2026-11-15", "2026-11-23"),
    "discharged_on", "The discharge is before the admission" },
  { "discharge", "service_desk",
    DISCHARGE ("13800138066", "350203198811030024", "@DEPT_DC@", "2026-11-20", "2026-11-24", "2026-11-27"),
    "discharged_on", "The discharge date lies in the future" },
  { "discharge", "service_desk",
    DISCHARGE ("13800138066", "350203198811030024", "e1000000-0000-0000-0000-000000000cff", "2026-11-15",
               "2026-11-20", "2026-11-23"),
    "department_id", "Choose a department from the hospital’s list" },
  { "discharge", "service_desk", DISCHARGE_OK ("13800138066", "350203199005120046"), "discharged_on",
    "This discharge is already on the list: the same ID number and discharge date" },
  { "discharge", "service_desk",
    DISCHARGE ("13800138066", "350203198811030024", "@DEPT_DC@", "2026-11-15", "2026-11-20", "2026-11-19"),
    "call_due_on", "The call is due before the discharge" },
  { "discharge_call", "service_desk", DISCHARGE_CALL ("@DISCHARGE_DC@", "@T2026-11-23T09:00@", "busy"), "outcome",
    "Choose reached, no answer or refused" },
  { "discharge_call", "service_desk", DISCHARGE_CALL ("@DISCHARGE_DC@", "@T2026-11-23T10:00@", "no_answer"),
    "called_at", "The call lies in the future" },
  { "discharge_call", "service_desk", DISCHARGE_CALL ("@DISCHARGE_DC_DONE@", "@T2026-11-23T09:00@", "no_answer"),
    "outcome", "She was already reached; this call is closed" },
  { "discharge_call", "service_desk", DISCHARGE_CALL ("e1000000-0000-0000-0000-000000000cfe", "@T2026-11-23T09:00@",
                                                      "reached"),
    "discharge_id", "There is no such discharge" },
  /* Inspections and their rectifications (test-inspections.c). */
  { "inspection", "service_desk", INSPECTION ("2026-11-31", "@CASE_MANAGER@", "门诊服务中心", ITEMS_PASSED, "", "false"),
    "date", "Enter the date as YYYY-MM-DD" },
  { "inspection", "service_desk", INSPECTION ("2026-11-24", "@CASE_MANAGER@", "门诊服务中心", ITEMS_PASSED, "", "false"),
    "date", "The inspection lies in the future" },
  { "inspection", "service_desk", INSPECTION ("2026-11-20", "@CASE_MANAGER@", " ", ITEMS_PASSED, "", "false"),
    "post", "Enter the post inspected" },
  { "inspection", "service_desk",
    INSPECTION ("2026-11-20", "@CASE_MANAGER@", "门诊服务中心", "{\\\"duties\\\":true}", "", "false"), "items",
    "Record job duties, workflows, etiquette and specialist knowledge, each passed or failed" },
  { "inspection", "service_desk", INSPECTION ("2026-11-20", "@CASE_MANAGER@", "门诊服务中心", ITEMS_FAILED, " ", "false"),
    "findings", "Describe what failed" },
  { "inspection", "service_desk", INSPECTION ("2026-11-20", "@CASE_MANAGER@", "门诊服务中心", ITEMS_PASSED, "", "true"),
    "poor_cooperation", "Poor cooperation applies only to a failed inspection" },
  { "inspection", "service_desk",
    INSPECTION ("2026-11-20", "e1000000-0000-0000-0000-000000000e99", "门诊服务中心", ITEMS_PASSED, "", "false"),
    "inspector_id", "Choose the inspector from the staff list" },
  { "rectification", "service_desk", RECTIFY ("@INSPECTION_FAILED@", " ", "2026-11-27", "@T2026-11-22T10:00@", "王导诊"),
    "task", "Enter what is to be put right" },
  { "rectification", "service_desk",
    RECTIFY ("@INSPECTION_FAILED@", "重新培训", "2026-11-19", "@T2026-11-22T10:00@", "王导诊"),
    "deadline", "The deadline is before the inspection" },
  { "rectification", "service_desk", RECTIFY ("@INSPECTION_FAILED@", "重新培训", "soon", "@T2026-11-22T10:00@", "王导诊"),
    "deadline", "Enter the deadline as YYYY-MM-DD" },
  { "rectification", "service_desk",
    RECTIFY ("@INSPECTION_PASSED@", "重新培训", "2026-11-27", "@T2026-11-22T10:00@", "王导诊"),
    "inspection_id", "There is no such failed inspection" },
  { "rectification", "service_desk",
    RECTIFY ("@INSPECTION_FAILED@", "重新培训", "2026-11-27", "@T2026-11-23T10:00@", "王导诊"),
    "done_at", "The fix lies in the future" },
  { "rectification", "service_desk",
    RECTIFY ("@INSPECTION_FAILED@", "重新培训", "2026-11-27", "@T2026-11-19T10:00@", "王导诊"),
    "done_at", "The fix is before the inspection" },
  { "rectification", "service_desk", RECTIFY ("@INSPECTION_FAILED@", "重新培训", "2026-11-27", "@T2026-11-22T10:00@", " "),
    "done_by", "Enter who put it right" },
};

const guint cl_test_n_invalid_cases = G_N_ELEMENTS (cl_test_invalid_cases);

static const struct { const char *name, *id; } fixtures[] = {
  { "@PATIENT@", "e1000000-0000-4000-8000-000000000001" },
  { "@PREGNANCY@", "e1000000-0000-4000-8000-000000000002" },
  { "@PACKAGE@", "e1000000-0000-4000-8000-000000000003" },
  { "@PACKAGE_OFF@", "e1000000-0000-4000-8000-000000000004" },
  { "@PACKAGE_WIDE@", "e1000000-0000-4000-8000-000000000005" },
  { "@ROOM@", "e1000000-0000-4000-8000-000000000006" },
  { "@ROOM_OFF@", "e1000000-0000-4000-8000-000000000007" },
  { "@ESCORT@", "e1000000-0000-4000-8000-000000000008" },
  { "@PATIENT_ENROLLED@", "e1000000-0000-4000-8000-000000000009" },
  { "@PREGNANCY_ENROLLED@", "e1000000-0000-4000-8000-00000000000a" },
  { "@ENROLMENT_LIVE@", "e1000000-0000-4000-8000-00000000000b" },
  { "@COURSE_OFF@", "e1000000-0000-4000-8000-00000000000c" },
  { "@COURSE@", "e1000000-0000-4000-8000-00000000000d" },
  { "@EVENT_FULL@", "e1000000-0000-4000-8000-00000000000e" },
  { "@EVENT_PAST@", "e1000000-0000-4000-8000-00000000000f" },
  { "@REG_FULL@", "e1000000-0000-4000-8000-000000000010" },
  { "@PACKAGE_COUNTED@", "e1000000-0000-4000-8000-000000000011" },
  { "@PATIENT_COUNTED@", "e1000000-0000-4000-8000-000000000012" },
  { "@PREGNANCY_COUNTED@", "e1000000-0000-4000-8000-000000000013" },
  { "@ENROLMENT_COUNTED@", "e1000000-0000-4000-8000-000000000014" },
  { "@TASK_AHEAD@", "e1000000-0000-4000-8000-000000000015" },
  { "@BOOKING_AHEAD@", "e1000000-0000-4000-8000-000000000016" },
  { "@HANDOUT_GIVEN@", "e1000000-0000-4000-8000-000000000017" },
  { "@CASE_MANAGER@", "e1000000-0000-4000-8000-000000000018" },
  { "@ASSESSMENT@", "e1000000-0000-0000-0000-000000000501" },
  { "@CPL_DEPARTMENT@", "e1000000-0000-0000-0000-000000000601" },
  { "@DEPT_CRITICAL@", "e1000000-0000-0000-0000-000000000901" },
  { "@DEPARTMENT@", "e1000000-0000-0000-0000-000000000701" },
  { "@DEPARTMENT_OFF@", "e1000000-0000-0000-0000-000000000702" },
  { "@SLOT_AM@", "e1000000-0000-0000-0000-000000000703" },
  { "@APPT_FULL@", "e1000000-0000-0000-0000-000000000704" },
  { "@HOSPITAL@", "e1000000-0000-0000-0000-000000000705" },
  { "@REFERRAL@", "e1000000-0000-0000-0000-000000000706" },
  { "@DEPARTMENT_DIR@", "e1000000-0000-0000-0000-000000000801" },
  { "@DOCTOR_DIR@", "e1000000-0000-0000-0000-000000000802" },
  { "@SESSION_DIR@", "e1000000-0000-0000-0000-000000000803" },
  { "@CHECK_DIR@", "e1000000-0000-0000-0000-000000000804" },
  { "@PRICE_DIR@", "e1000000-0000-0000-0000-000000000805" },
  { "@SURVEY_OPEN@", "e1000000-0000-0000-0000-000000000b01" },
  { "@SURVEY_ANON@", "e1000000-0000-0000-0000-000000000b02" },
  { "@SURVEY_CLOSED@", "e1000000-0000-0000-0000-000000000b03" },
  { "@STAFF_LEFT@", "e1000000-0000-0000-0000-000000000d01" },
  { "@DEPT_DC@", "e1000000-0000-0000-0000-000000000c01" },
  { "@DISCHARGE_DC@", "e1000000-0000-0000-0000-000000000c02" },
  { "@DISCHARGE_DC_DONE@", "e1000000-0000-0000-0000-000000000c03" },
  { "@CALL_DC_DONE@", "e1000000-0000-0000-0000-000000000c04" },
  { "@INSPECTION_FAILED@", "e1000000-0000-0000-0000-000000000e01" },
  { "@INSPECTION_PASSED@", "e1000000-0000-0000-0000-000000000e02" },
};

char *
cl_test_invalid_case_expand (const char *data)
{
  static guint n;
  GString *out = g_string_new (NULL);
  const char *p = data;

  while (*p)
    {
      gboolean done = FALSE;

      if (*p == '@')
        {
          for (guint i = 0; i < G_N_ELEMENTS (fixtures) && !done; i++)
            if (g_str_has_prefix (p, fixtures[i].name))
              {
                g_string_append (out, fixtures[i].id);
                p += strlen (fixtures[i].name);
                done = TRUE;
              }
          if (!done && g_str_has_prefix (p, "@N@"))
            {
              g_string_append_printf (out, "%u", ++n);
              p += 3;
              done = TRUE;
            }
          if (!done && p[1] == 'T')
            {
              const char *end = strchr (p + 2, '@');
              /* "2026-11-24T03:00", local, to the second */
              g_autofree char *minutes = g_strndup (p + 2, end - (p + 2));
              g_autofree char *text = g_strconcat (minutes, ":00", NULL);
              g_autoptr(GTimeZone) local = g_time_zone_new_local ();
              g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (text, local);

              g_assert_nonnull (at);
              g_string_append_printf (out, "%" G_GINT64_FORMAT, g_date_time_to_unix (at));
              p = end + 1;
              done = TRUE;
            }
        }
      if (!done)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
