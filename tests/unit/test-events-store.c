/* test-events-store.c
 *
 * Courses and health events in a real SQLite file.  An event takes as
 * many registrations as its capacity; the next wait in the order they
 * came; cancelling a place gives it to the first waiter in the same
 * commit (both changes in the outbox, in that order); a raised capacity
 * lets waiters in; a place is never taken past the capacity or ahead of
 * a waiter, nor a capacity lowered below those registered.  Courses:
 * the catalogue's words and links are checked, an assignment is once
 * at a time and completed after it was assigned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-course-store.h"
#include "cl-event-store.h"
#include "cl-staff.h"
#include "cl-store-events.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

typedef struct
{
  char          *dir;
  CLStore       *store;
  char          *patients[4];
  CLHealthEvent *event;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const names[] = { "张小梅", "李小红", "王芳", "赵敏" };
  g_autoptr(GError) error = NULL;

  f->dir = cl_test_make_tmp_dir ("test-events-store");
  f->store = cl_test_store_open (f->dir);
  cl_store_set_actor (f->store, "wang");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *digits = g_strdup_printf ("1101051993040200%u", i);
      g_autofree char *phone = g_strdup_printf ("1380013800%u", i);
      g_autoptr(CLPatient) patient = cl_test_patient_new (names[i], digits, phone);

      cl_test_patient_save (f->store, patient, NULL);
      f->patients[i] = g_strdup (cl_record_get_id (CL_RECORD (patient)));
    }
  f->event = cl_health_event_new ();
  cl_health_event_set_title (f->event, "孕期营养讲座");
  cl_health_event_set_kind (f->event, "lecture");
  cl_health_event_set_date (f->event, "2026-11-28");
  cl_health_event_set_starts (f->event, 14 * 60);
  cl_health_event_set_ends (f->event, 15 * 60 + 30);
  cl_health_event_set_place (f->event, "门诊楼 3 楼会议室");
  cl_health_event_set_capacity (f->event, 2);
  g_assert_true (cl_event_store_save_event (f->store, f->event, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->event);
  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (f->patients); i++)
    g_free (f->patients[i]);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
}

static CLEventRegistration *
reg (Fixture *f,
     guint    patient)
{
  g_autoptr(GError) error = NULL;
  CLEventRegistration *one = cl_event_store_register (f->store, cl_record_get_id (CL_RECORD (f->event)),
                                                      f->patients[patient], CL_ROLE_CASE_MANAGER, &error);

  g_assert_no_error (error);
  g_assert_nonnull (one);
  return one;
}

static void
test_waitlist_promotion (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CLEventRegistration) a = NULL;
  g_autoptr(CLEventRegistration) b = NULL;
  g_autoptr(CLEventRegistration) c = NULL;
  g_autoptr(CLEventRegistration) d = NULL;
  g_autoptr(CLEventRegistration) promoted = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  a = reg (f, 0);
  b = reg (f, 1);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:16:00", TRUE);
  c = reg (f, 2);
  /* In the same second as c: one second later in the line, so the
   * order is the order they came in. */
  d = reg (f, 3);
  g_assert_cmpint (cl_event_registration_get_registered_at (d), ==, cl_event_registration_get_registered_at (c) + 1);
  g_assert_true (cl_event_registration_is_registered (a));
  g_assert_true (cl_event_registration_is_registered (b));
  g_assert_true (cl_event_registration_is_waitlisted (c));
  g_assert_true (cl_event_registration_is_waitlisted (d));
  g_assert_cmpstr (cl_event_registration_get_registered_by (a), ==, "wang");

  /* Twice for one event: refused. */
  g_assert_null (cl_event_store_register (f->store, cl_record_get_id (CL_RECORD (f->event)),
                                          f->patients[0], CL_ROLE_CASE_MANAGER, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "She is already registered for this event");
  g_clear_error (&error);

  /* Cancelling a place: the first waiter has it, in one commit. */
  g_assert_true (cl_event_store_cancel (f->store, a, CL_ROLE_CASE_MANAGER, &promoted, &error));
  g_assert_no_error (error);
  g_assert_nonnull (promoted);
  {
    CLEventRegistration *first = c;
    CLEventRegistration *second = d;
    g_autofree char *state_first = NULL;
    g_autofree char *state_second = NULL;
    g_autofree char *q1 = g_strdup_printf ("SELECT state FROM event_registration WHERE id = '%s'",
                                           cl_record_get_id (CL_RECORD (first)));
    g_autofree char *q2 = g_strdup_printf ("SELECT state FROM event_registration WHERE id = '%s'",
                                           cl_record_get_id (CL_RECORD (second)));

    g_assert_cmpstr (cl_record_get_id (CL_RECORD (promoted)), ==, cl_record_get_id (CL_RECORD (first)));
    state_first = cl_test_store_text (f->store, q1);
    state_second = cl_test_store_text (f->store, q2);
    g_assert_cmpstr (state_first, ==, "registered");
    g_assert_cmpstr (state_second, ==, "waitlisted");
  }
  g_assert_cmpstr (cl_event_registration_get_state (a), ==, "cancelled");
  /* The cancel, then the promotion: the server applies them in that
   * order and so never sees three places taken. */
  outbox = cl_test_store_rows (f->store, "SELECT record_id FROM outbox WHERE tbl = 'event_registration'"
                                         " ORDER BY seq DESC LIMIT 2");
  g_assert_cmpstr (g_ptr_array_index (outbox, 1), ==, cl_record_get_id (CL_RECORD (a)));
  g_assert_cmpstr (g_ptr_array_index (outbox, 0), ==, cl_record_get_id (CL_RECORD (promoted)));

  /* A raised capacity lets the next waiter in. */
  cl_health_event_set_capacity (f->event, 3);
  g_assert_true (cl_event_store_save_event (f->store, f->event, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM event_registration"
                                                  " WHERE state = 'registered'"), ==, 3);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM event_registration"
                                                  " WHERE state = 'waitlisted'"), ==, 0);

  /* And may not fall below those registered. */
  {
    g_autoptr(GHashTable) field_errors = NULL;

    cl_health_event_set_capacity (f->event, 2);
    g_assert_false (cl_event_store_save_event (f->store, f->event, CL_ROLE_CASE_MANAGER, &field_errors, &error));
    g_assert_cmpstr (g_hash_table_lookup (field_errors, "capacity"), ==,
                     "3 patients are already registered; the capacity cannot be less");
    g_clear_error (&error);
    g_assert_cmpint (cl_test_store_count (f->store, "SELECT capacity FROM health_event"), ==, 3);
  }
}

/* A place taken past the capacity, or ahead of a waiter, is refused by
 * the same function the server's check runs. */
static void
test_capacity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CLEventRegistration) a = reg (f, 0);
  g_autoptr(CLEventRegistration) b = reg (f, 1);
  g_autoptr(CLEventRegistration) c = reg (f, 2);
  g_autoptr(CLEventRegistration) forced = cl_event_registration_new ();
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rows = cl_test_store_count (f->store, "SELECT count(*) FROM event_registration");

  cl_event_registration_set_event_id (forced, cl_record_get_id (CL_RECORD (f->event)));
  cl_event_registration_set_patient_id (forced, f->patients[3]);
  cl_event_registration_set_state (forced, CL_REGISTRATION_REGISTERED);
  cl_event_registration_set_registered_at (forced, cl_event_registration_get_registered_at (c) + 60);
  g_assert_false (cl_event_store_save_registration (f->store, forced, CL_ROLE_CASE_MANAGER, &field_errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "state"), ==,
                   "The event is full (2 places); she can join the waiting list");
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM event_registration"), ==, rows);

  /* A place freed without the promotion (a raw cancel): the late one
   * still may not jump the queue. */
  cl_event_registration_set_state (a, CL_REGISTRATION_CANCELLED);
  g_assert_true (cl_event_store_save_registration (f->store, a, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cl_event_store_save_registration (f->store, forced, CL_ROLE_CASE_MANAGER, &field_errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "state"), ==,
                   "Others are waiting; the first on the waiting list takes a free place");
  g_clear_error (&error);

  /* Attendance: a registered patient, not a waiter. */
  g_assert_true (cl_event_store_set_attended (f->store, b, TRUE, CL_ROLE_CASE_MANAGER, &error));
  g_assert_no_error (error);
  g_assert_true (cl_event_registration_get_attended (b));
  g_assert_false (cl_event_store_set_attended (f->store, c, TRUE, CL_ROLE_CASE_MANAGER, &error));
  g_assert_cmpstr (error->message, ==, "Only a registered patient can be marked as attended");
  g_clear_error (&error);

  /* Roles: the escort may not register anyone. */
  g_assert_null (cl_event_store_register (f->store, cl_record_get_id (CL_RECORD (f->event)),
                                          f->patients[3], CL_ROLE_ESCORT, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
}

static void
test_event_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CLHealthEvent) event = cl_health_event_new ();
  g_autoptr(GHashTable) errors = NULL;
  gint minutes = -1;

  cl_health_event_set_title (event, " ");
  cl_health_event_set_kind (event, "live_stream");
  cl_health_event_set_date (event, "2026-11-31");
  cl_health_event_set_starts (event, 600);
  cl_health_event_set_ends (event, 540);
  cl_health_event_set_capacity (event, 0);
  errors = cl_health_event_validate (event);
  g_assert_cmpstr (g_hash_table_lookup (errors, "title"), ==, "Enter the event’s title");
  g_assert_cmpstr (g_hash_table_lookup (errors, "date"), ==, "Enter the date as YYYY-MM-DD");
  g_assert_cmpstr (g_hash_table_lookup (errors, "ends"), ==, "The end time must be after the start time, on the same day");
  g_assert_cmpstr (g_hash_table_lookup (errors, "link"), ==, "A live stream needs its link");
  g_assert_cmpstr (g_hash_table_lookup (errors, "capacity"), ==, "The capacity is 1 to 10000 people");
  g_clear_pointer (&errors, g_hash_table_unref);
  cl_health_event_set_link (event, "ftp://example.org/live");
  errors = cl_health_event_validate (event);
  g_assert_cmpstr (g_hash_table_lookup (errors, "link"), ==, "Enter a web address starting with http:// or https://");

  g_assert_true (cl_health_event_parse_minutes ("9:30", &minutes));
  g_assert_cmpint (minutes, ==, 570);
  g_assert_true (cl_health_event_parse_minutes ("１４：００", &minutes));
  g_assert_cmpint (minutes, ==, 840);
  g_assert_true (cl_health_event_parse_minutes ("0930", &minutes));
  g_assert_cmpint (minutes, ==, 570);
  g_assert_false (cl_health_event_parse_minutes ("24:00", &minutes));
  g_assert_false (cl_health_event_parse_minutes ("9.30", &minutes));
}

static void
test_courses (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CLCourse) course = cl_course_new ();
  g_autoptr(CLCourseAssignment) assignment = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GPtrArray) hers = NULL;
  g_autoptr(GError) error = NULL;

  cl_course_set_title (course, "母乳喂养");
  cl_course_set_stage (course, "newborn");
  cl_course_set_duration_min (course, 0);
  cl_course_set_link (course, "www.example.org/breastfeeding");
  /* Only an administrator keeps the catalogue. */
  g_assert_false (cl_course_store_save (f->store, course, CL_ROLE_CASE_MANAGER, &field_errors, &error));
  g_assert_null (field_errors);
  g_clear_error (&error);
  g_assert_false (cl_course_store_save (f->store, course, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "stage"), ==,
                   "Choose the stage: pregnancy, birth, postpartum or parenting");
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "duration_min"), ==, "The length is 1 to 600 minutes");
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "link"), ==,
                   "Enter a web address starting with http:// or https://");
  g_clear_error (&error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM course"), ==, 0);

  cl_course_set_stage (course, "postpartum");
  cl_course_set_duration_min (course, 45);
  cl_course_set_link (course, "https://www.example.org/breastfeeding");
  g_assert_true (cl_course_store_save (f->store, course, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);

  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  assignment = cl_course_store_assign (f->store, f->patients[0], cl_record_get_id (CL_RECORD (course)),
                                       CL_ROLE_CASE_MANAGER, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_course_assignment_get_assigned_by (assignment), ==, "wang");
  /* Once at a time. */
  g_assert_null (cl_course_store_assign (f->store, f->patients[0], cl_record_get_id (CL_RECORD (course)),
                                         CL_ROLE_CASE_MANAGER, &error));
  g_assert_cmpstr (error->message, ==, "This course is already assigned to her");
  g_clear_error (&error);

  g_setenv ("CARELINE_NOW", "2026-11-25T20:00:00", TRUE);
  g_assert_true (cl_course_store_complete (f->store, assignment, CL_ROLE_CASE_MANAGER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_course_assignment_get_completed_at (assignment), >,
                   cl_course_assignment_get_assigned_at (assignment));
  hers = cl_store_course_assignments_for_patient (f->store, f->patients[0]);
  g_assert_cmpuint (hers->len, ==, 1);
  g_assert_cmpint (cl_course_assignment_get_completed_at (g_ptr_array_index (hers, 0)), ==,
                   cl_course_assignment_get_completed_at (assignment));

  /* Switched off: no longer assigned, still read where it was. */
  cl_course_set_active (course, FALSE);
  g_assert_true (cl_course_store_save (f->store, course, CL_ROLE_ADMIN, NULL, &error));
  g_assert_null (cl_course_store_assign (f->store, f->patients[1], cl_record_get_id (CL_RECORD (course)),
                                         CL_ROLE_CASE_MANAGER, &error));
  g_assert_cmpstr (error->message, ==, "This course is no longer offered");
  g_clear_error (&error);
  g_clear_pointer (&hers, g_ptr_array_unref);
  hers = cl_store_courses (f->store, TRUE);
  g_assert_cmpuint (hers->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/events/waitlist-promotion", Fixture, NULL, fixture_set_up, test_waitlist_promotion, fixture_tear_down);
  g_test_add ("/events/capacity", Fixture, NULL, fixture_set_up, test_capacity, fixture_tear_down);
  g_test_add ("/events/event-rules", Fixture, NULL, fixture_set_up, test_event_rules, fixture_tear_down);
  g_test_add ("/events/courses", Fixture, NULL, fixture_set_up, test_courses, fixture_tear_down);
  return g_test_run ();
}
