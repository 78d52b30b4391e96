#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every invalid record the desk's forms refuse, once, as the JSON of a
 * pushed change, for the server test (tests/server/test-server-rules.c):
 * a rule added to a form's core function gets a case here, and the
 * server must refuse it with the same message.
 *
 * @data may name the fixtures the test pushes first, as @PATIENT@,
 * @PREGNANCY@, @PACKAGE@ (window 0+0–12+0), @PACKAGE_OFF@ (no longer
 * offered), @ROOM@ (08:00–17:30, 30-minute slots), @ROOM_OFF@ (closed
 * for bookings), @ESCORT@, and @PATIENT_ENROLLED@ (with
 * @PREGNANCY_ENROLLED@ and @ENROLMENT_LIVE@, a live enrolment in
 * @PACKAGE_WIDE@ agreed 2026-11-10), @COURSE@ and @COURSE_OFF@ (no
 * longer offered), @EVENT_FULL@ (on 2026-11-28, one place, held by
 * @PATIENT_ENROLLED@'s @REG_FULL@), @EVENT_PAST@ (on 2026-11-20),
 * @PATIENT_COUNTED@ (with @PREGNANCY_COUNTED@ and @ENROLMENT_COUNTED@ in @PACKAGE_COUNTED@,
 * which includes one escort, one VIP room visit and one breakfast,
 * taken by @TASK_AHEAD@ on 25 November, @BOOKING_AHEAD@ that day and
 * @HANDOUT_GIVEN@),
 * @CASE_MANAGER@ (an active case
 * manager), @ASSESSMENT@ (@PATIENT@'s nursing assessment, version 1,
 * no known allergies), @CPL_DEPARTMENT@ (a department, 投诉测试科),
 * @DEPT_CRITICAL@ (a department, 产科门诊), @DEPARTMENT@ and
 * @DEPARTMENT_OFF@ (closed), @SLOT_AM@ (one
 * place every morning in @DEPARTMENT@, taken on 24 November by
 * @APPT_FULL@ of @PATIENT_ENROLLED@), @HOSPITAL@ and her urgent
 * @REFERRAL@ from it, @DEPARTMENT_DIR@ with @DOCTOR_DIR@ and @DOCTOR_DIR@'s
 * @SESSION_DIR@ on Monday mornings, which @CHECK_DIR@ marks late on
 * 23 November, @PRICE_DIR@ (code DIR-FY), the survey campaigns
 * @SURVEY_OPEN@ (outpatients, asking @PATIENT@), @SURVEY_ANON@
 * (anonymous, of the staff) and @SURVEY_CLOSED@, @STAFF_LEFT@ (a guide no longer
 * active), @DEPT_DC@ (a department,
 * 出院随访科) with @DISCHARGE_DC@ (350203199005120046 discharged on
 * 20 November) and @DISCHARGE_DC_DONE@ (350203199502200063, the same
 * day), whose call @CALL_DC_DONE@ reached her, and local instants as @T2026-11-24T03:00@
 * (UTC seconds).  The clock is CARELINE_NOW 2026-11-23T09:15 in
 * Asia/Shanghai. */
typedef struct
{
  const char *table;
  const char *role;      /* who pushes it */
  const char *data;
  const char *field;     /* the column the message is at */
  const char *message;   /* the desk's message, in English */
} CLTestInvalidCase;

extern const CLTestInvalidCase cl_test_invalid_cases[];
extern const guint cl_test_n_invalid_cases;

/* @data with the fixtures' ids and the instants filled in. */
char *cl_test_invalid_case_expand (const char *data);

G_END_DECLS
