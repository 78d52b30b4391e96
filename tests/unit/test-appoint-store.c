/* test-appoint-store.c
 *
 * Appointments and referrals in a real SQLite file: a slot's places
 * counted (an every-day number, a weekday's overriding it, none = no
 * limit), the overbook reason asked only past the capacity and never of
 * a community referral's booking, the state changes (booked → arrived,
 * no-show, cancelled with a reason; final states stay), the day's order
 * (referred, then flagged patients first), the referral's waiting time
 * and the Referrals list's order (open, urgent, oldest first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-appoint-store.h"
#include "cl-directory-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-appoint.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* Wednesday 2 December 2026, 09:00 */
#define NOW_ISO "2026-12-02T09:00:00"
#define TODAY "2026-12-02"
#define THURSDAY "2026-12-03"

typedef struct
{
  char    *dir;
  CLStore *store;
  char    *patients[4];
  char    *department;
  char    *closed_department;
  char    *hospital;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const names[] = { "张小梅", "李小红", "王芳", "赵敏" };
  g_autoptr(CLDepartment) department = cl_department_new ();
  g_autoptr(CLDepartment) closed = cl_department_new ();
  g_autoptr(CLReferringHospital) hospital = cl_referring_hospital_new ();
  g_autoptr(GError) error = NULL;

  g_setenv ("CARELINE_NOW", NOW_ISO, TRUE);
  g_setenv ("CARELINE_TODAY", TODAY, TRUE);
  f->dir = cl_test_make_tmp_dir ("test-appoint-store");
  f->store = cl_test_store_open (f->dir);
  cl_store_set_actor (f->store, "desk1");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *digits = g_strdup_printf ("1101051993040200%u", i);
      g_autofree char *phone = g_strdup_printf ("1380013800%u", i);
      g_autoptr(CLPatient) patient = cl_test_patient_new (names[i], digits, phone);

      /* 王芳 is a priority patient. */
      if (i == 2)
        cl_patient_set_priority (patient, "military");
      cl_test_patient_save (f->store, patient, NULL);
      f->patients[i] = g_strdup (cl_record_get_id (CL_RECORD (patient)));
    }
  cl_department_set_name (department, "产科门诊");
  g_assert_true (cl_directory_store_save_department (f->store, department, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  f->department = g_strdup (cl_record_get_id (CL_RECORD (department)));
  cl_department_set_name (closed, "旧门诊");
  cl_department_set_active (closed, FALSE);
  g_assert_true (cl_directory_store_save_department (f->store, closed, CL_ROLE_ADMIN, NULL, &error));
  f->closed_department = g_strdup (cl_record_get_id (CL_RECORD (closed)));
  cl_referring_hospital_set_name (hospital, "湖里社区卫生服务中心");
  g_assert_true (cl_appoint_store_save_hospital (f->store, hospital, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  f->hospital = g_strdup (cl_record_get_id (CL_RECORD (hospital)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (f->patients); i++)
    g_free (f->patients[i]);
  g_free (f->department);
  g_free (f->closed_department);
  g_free (f->hospital);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
  g_unsetenv ("CARELINE_NOW");
  g_unsetenv ("CARELINE_TODAY");
}

static CLAppointment *
appointment_new (Fixture    *f,
                 guint       patient,
                 const char *date,
                 const char *slot)
{
  CLAppointment *appointment = cl_appointment_new ();

  cl_appointment_set_patient_id (appointment, f->patients[patient]);
  cl_appointment_set_kind (appointment, "clinic");
  cl_appointment_set_department_id (appointment, f->department);
  cl_appointment_set_date (appointment, date);
  cl_appointment_set_slot (appointment, slot);
  cl_appointment_set_source (appointment, "hotline");
  return appointment;
}

static gboolean
book (Fixture        *f,
      CLAppointment  *appointment,
      GHashTable    **field_errors,
      GError        **error)
{
  return cl_appoint_store_save_appointment (f->store, appointment, CL_ROLE_SERVICE_DESK, "desk1",
                                            field_errors, error);
}

static void
set_places (Fixture    *f,
            const char *slot,
            gint        weekday,
            gint        places)
{
  g_autoptr(CLSlotCapacity) capacity = cl_slot_capacity_new ();
  g_autoptr(GError) error = NULL;

  cl_slot_capacity_set_department_id (capacity, f->department);
  cl_slot_capacity_set_slot (capacity, slot);
  cl_slot_capacity_set_weekday (capacity, weekday);
  cl_slot_capacity_set_places (capacity, places);
  g_assert_true (cl_appoint_store_save_capacity (f->store, capacity, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
}

static void
test_capacity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CLAppointment) first = appointment_new (f, 0, TODAY, CL_SLOT_AM);
  g_autoptr(CLAppointment) second = appointment_new (f, 1, TODAY, CL_SLOT_AM);
  g_autoptr(CLAppointment) third = appointment_new (f, 3, TODAY, CL_SLOT_AM);
  g_autoptr(CLAppointment) thursday = appointment_new (f, 1, THURSDAY, CL_SLOT_AM);
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  guint used;
  gint places;

  /* No places set: no limit. */
  cl_appoint_store_slot_usage (f->store, f->department, TODAY, CL_SLOT_AM, &used, &places);
  g_assert_cmpint (places, ==, -1);
  g_assert_true (book (f, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_appointment_get_booked_by (first), ==, "desk1");
  g_assert_cmpint (cl_appointment_get_booked_at (first), ==, cl_schedule_now ());

  /* Two places every morning, one on Thursdays. */
  set_places (f, CL_SLOT_AM, 0, 2);
  set_places (f, CL_SLOT_AM, G_DATE_THURSDAY, 1);
  cl_appoint_store_slot_usage (f->store, f->department, TODAY, CL_SLOT_AM, &used, &places);
  g_assert_cmpuint (used, ==, 1);
  g_assert_cmpint (places, ==, 2);
  cl_appoint_store_slot_usage (f->store, f->department, THURSDAY, CL_SLOT_AM, &used, &places);
  g_assert_cmpint (places, ==, 1);
  cl_appoint_store_slot_usage (f->store, f->department, TODAY, CL_SLOT_PM, &used, &places);
  g_assert_cmpint (places, ==, -1);

  g_assert_true (book (f, second, NULL, &error));
  g_assert_no_error (error);

  /* The morning is full: the third asks for a reason and nothing is
   * written. */
  g_assert_false (book (f, third, &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "overbook_reason"), ==,
                   "Morning: all 2 places are booked; give a reason to book over");
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT COUNT(*) FROM appointment"), ==, 2);
  cl_appointment_set_overbook_reason (third, "   ");
  g_assert_false (book (f, third, NULL, &error));
  g_clear_error (&error);
  cl_appointment_set_overbook_reason (third, "产科主任同意加号");
  g_assert_true (book (f, third, NULL, &error));
  g_assert_no_error (error);
  cl_appoint_store_slot_usage (f->store, f->department, TODAY, CL_SLOT_AM, &used, &places);
  g_assert_cmpuint (used, ==, 3);

  /* A cancelled booking gives its place back. */
  g_assert_true (cl_appoint_store_set_state (f->store, second, CL_APPOINTMENT_CANCELLED, "她改约了",
                                             CL_ROLE_SERVICE_DESK, "desk1", NULL, &error));
  g_assert_no_error (error);
  cl_appoint_store_slot_usage (f->store, f->department, TODAY, CL_SLOT_AM, &used, &places);
  g_assert_cmpuint (used, ==, 2);

  /* Thursday's own number overrides the every-day one. */
  g_assert_true (book (f, thursday, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CLAppointment) more = appointment_new (f, 0, THURSDAY, CL_SLOT_AM);

    g_assert_false (book (f, more, &field_errors, &error));
    g_assert_true (g_hash_table_contains (field_errors, "overbook_reason"));
    g_clear_error (&error);
    g_clear_pointer (&field_errors, g_hash_table_unref);
  }

  /* Recording an arrival takes no second place. */
  g_assert_true (cl_appoint_store_set_state (f->store, first, CL_APPOINTMENT_ARRIVED, NULL,
                                             CL_ROLE_SERVICE_DESK, "desk1", NULL, &error));
  g_assert_no_error (error);
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CLAppointment) appointment = appointment_new (f, 0, TODAY, CL_SLOT_PM);
  g_autoptr(CLAppointment) twice = appointment_new (f, 0, TODAY, CL_SLOT_PM);
  g_autoptr(CLAppointment) past = appointment_new (f, 1, "2026-12-01", CL_SLOT_AM);
  g_autoptr(CLAppointment) closed = appointment_new (f, 1, TODAY, CL_SLOT_AM);
  g_autoptr(CLAppointment) empty = cl_appointment_new ();
  g_autoptr(CLSlotCapacity) clash = cl_slot_capacity_new ();
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (book (f, empty, &field_errors, &error));
  for (guint i = 0; i < 5; i++)
    g_assert_true (g_hash_table_contains (field_errors,
                                          ((const char *[]) { "patient_id", "kind", "department_id",
                                                              "date", "slot" })[i]));
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  g_assert_false (book (f, past, &field_errors, &error));
  g_assert_cmpstr (error->message, ==, "This day is over; book today or a later day");
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  cl_appointment_set_department_id (closed, f->closed_department);
  g_assert_false (book (f, closed, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "department_id"));
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  /* Only the service desk books. */
  g_assert_false (cl_appoint_store_save_appointment (f->store, appointment, CL_ROLE_CASE_MANAGER, "cm",
                                                     NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (book (f, appointment, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (book (f, twice, &field_errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "patient_id"), ==,
                   "She is already booked in this department at this time");
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  /* A cancel says why. */
  g_assert_false (cl_appoint_store_set_state (f->store, appointment, CL_APPOINTMENT_CANCELLED, " ",
                                              CL_ROLE_SERVICE_DESK, "desk1", &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "cancel_reason"));
  g_assert_cmpstr (cl_appointment_get_state (appointment), ==, CL_APPOINTMENT_BOOKED);
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  /* A no-show is final. */
  g_assert_true (cl_appoint_store_set_state (f->store, appointment, CL_APPOINTMENT_NO_SHOW, NULL,
                                             CL_ROLE_SERVICE_DESK, "desk1", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_appointment_get_state_at (appointment), ==, cl_schedule_now ());
  g_assert_false (cl_appoint_store_set_state (f->store, appointment, CL_APPOINTMENT_ARRIVED, NULL,
                                              CL_ROLE_SERVICE_DESK, "desk1", NULL, &error));
  g_assert_cmpstr (error->message, ==, "This appointment is already “No-show”; it can no longer change");
  g_clear_error (&error);

  /* Arrival is recorded on the day, not before. */
  {
    g_autoptr(CLAppointment) later = appointment_new (f, 2, THURSDAY, CL_SLOT_AM);

    g_assert_true (book (f, later, NULL, &error));
    g_assert_false (cl_appoint_store_set_state (f->store, later, CL_APPOINTMENT_ARRIVED, NULL,
                                                CL_ROLE_SERVICE_DESK, "desk1", NULL, &error));
    g_assert_cmpstr (error->message, ==, "Arrival and no-show are recorded on the day of the appointment");
    g_clear_error (&error);
  }

  /* One number per department, slot and day. */
  set_places (f, CL_SLOT_PM, 0, 5);
  cl_slot_capacity_set_department_id (clash, f->department);
  cl_slot_capacity_set_slot (clash, CL_SLOT_PM);
  cl_slot_capacity_set_places (clash, 6);
  g_assert_false (cl_appoint_store_save_capacity (f->store, clash, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "weekday"));
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);
  /* An administrator keeps the places. */
  cl_slot_capacity_set_weekday (clash, G_DATE_FRIDAY);
  g_assert_false (cl_appoint_store_save_capacity (f->store, clash, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_clear_error (&error);
  cl_slot_capacity_set_places (clash, 1000);
  g_assert_false (cl_appoint_store_save_capacity (f->store, clash, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "places"));
}

static CLReferral *
referral_new (Fixture    *f,
              guint       patient,
              const char *priority,
              gint64      received_at)
{
  CLReferral *referral = cl_referral_new (received_at);

  cl_referral_set_patient_id (referral, f->patients[patient]);
  cl_referral_set_hospital_id (referral, f->hospital);
  cl_referral_set_reason (referral, "妊娠期高血压，请上级医院评估");
  cl_referral_set_department_id (referral, f->department);
  cl_referral_set_priority (referral, priority);
  return referral;
}

static void
test_referrals (Fixture       *f,
                gconstpointer  data)
{
  gint64 now = cl_schedule_now ();
  g_autoptr(CLReferral) old = referral_new (f, 0, CL_REFERRAL_ROUTINE, now - 3 * 86400 - 2 * 3600);
  g_autoptr(CLReferral) urgent = referral_new (f, 1, CL_REFERRAL_URGENT, now - 3600);
  g_autoptr(CLReferral) recent = referral_new (f, 3, CL_REFERRAL_ROUTINE, now - 1800);
  g_autoptr(CLReferral) future = referral_new (f, 3, CL_REFERRAL_ROUTINE, now + 86400);
  g_autoptr(CLAppointment) ordinary = appointment_new (f, 2, THURSDAY, CL_SLOT_AM);
  g_autoptr(CLAppointment) referred = appointment_new (f, 0, THURSDAY, CL_SLOT_AM);
  g_autoptr(CLAppointment) forged = appointment_new (f, 3, THURSDAY, CL_SLOT_AM);
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *waiting = NULL;
  CLReferralRow *row;

  g_assert_false (cl_appoint_store_save_referral (f->store, future, CL_ROLE_SERVICE_DESK, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "received_at"));
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);
  cl_referral_set_reason (future, "");
  cl_referral_set_hospital_id (future, "e1000000-0000-0000-0000-000000000799");
  g_assert_false (cl_appoint_store_save_referral (f->store, future, CL_ROLE_SERVICE_DESK, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "reason"));
  g_assert_true (g_hash_table_contains (field_errors, "hospital_id"));
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  g_assert_true (cl_appoint_store_save_referral (f->store, old, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_appoint_store_save_referral (f->store, recent, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_appoint_store_save_referral (f->store, urgent, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);

  /* Urgent first, then the longest waiting. */
  rows = cl_appoint_store_referrals (f->store, TRUE, now, NULL);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (((CLReferralRow *) g_ptr_array_index (rows, 0))->referral != NULL);
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (((CLReferralRow *) g_ptr_array_index (rows, 0))->referral)), ==,
                   cl_record_get_id (CL_RECORD (urgent)));
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (((CLReferralRow *) g_ptr_array_index (rows, 1))->referral)), ==,
                   cl_record_get_id (CL_RECORD (old)));
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->waiting, ==, 3 * 86400 + 2 * 3600);
  waiting = cl_referral_format_waiting (row->waiting);
  g_assert_cmpstr (waiting, ==, "3 d 2 h");
  g_assert_cmpstr (row->hospital_name, ==, "湖里社区卫生服务中心");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Thursday morning has one place, taken by an ordinary booking. */
  set_places (f, CL_SLOT_AM, 0, 1);
  g_assert_true (book (f, ordinary, NULL, &error));
  g_assert_no_error (error);

  /* A referral's booking names a referral of hers. */
  cl_appointment_set_source (forged, CL_APPOINTMENT_SOURCE_REFERRAL);
  cl_appointment_set_referral_id (forged, cl_record_get_id (CL_RECORD (old)));
  g_assert_false (book (f, forged, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "referral_id"));
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  /* Booked from the referral: past the capacity without a reason, and
   * the referral records it. */
  g_assert_true (cl_appoint_store_book_referral (f->store, referred, old, CL_ROLE_SERVICE_DESK, "desk1",
                                                 NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_referral_get_appointment_id (old), ==, cl_record_get_id (CL_RECORD (referred)));
  g_assert_cmpstr (cl_appointment_get_source (referred), ==, CL_APPOINTMENT_SOURCE_REFERRAL);

  /* Her wait ends at the appointment: Thursday 08:00. */
  rows = cl_appoint_store_referrals (f->store, TRUE, now, NULL);
  row = g_ptr_array_index (rows, 1);
  g_assert_true (row->referral != NULL && row->appointment != NULL);
  g_assert_cmpint (row->waiting, ==, cl_appointment_get_start (referred) - cl_referral_get_received_at (old));
  g_assert_cmpint (row->waiting, ==, 3 * 86400 + 2 * 3600 + 23 * 3600);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The day's order: the referred patient first, then the flagged one
   * (王芳, military), though both were booked after. */
  {
    g_autoptr(CLAppointment) plain = appointment_new (f, 1, THURSDAY, CL_SLOT_AM);
    g_autoptr(GPtrArray) day = NULL;

    cl_appointment_set_overbook_reason (plain, "加号");
    /* Booked an hour before anyone else. */
    g_setenv ("CARELINE_NOW", "2026-12-02T08:00:00", TRUE);
    g_assert_true (book (f, plain, NULL, &error));
    g_setenv ("CARELINE_NOW", NOW_ISO, TRUE);
    g_assert_no_error (error);
    day = cl_appoint_store_day (f->store, THURSDAY, f->department, NULL);
    g_assert_cmpuint (day->len, ==, 3);
    g_assert_cmpstr (((CLAppointmentRow *) g_ptr_array_index (day, 0))->patient_name, ==, "张小梅");
    g_assert_cmpstr (((CLAppointmentRow *) g_ptr_array_index (day, 1))->patient_name, ==, "王芳");
    g_assert_cmpstr (((CLAppointmentRow *) g_ptr_array_index (day, 1))->flags, ==, "military");
    g_assert_cmpstr (((CLAppointmentRow *) g_ptr_array_index (day, 2))->patient_name, ==, "李小红");
  }

  /* An outcome closes it: off the open list. */
  cl_referral_set_outcome (old, "seen");
  g_assert_true (cl_appoint_store_save_referral (f->store, old, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  rows = cl_appoint_store_referrals (f->store, TRUE, now, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = cl_appoint_store_referrals (f->store, FALSE, now, NULL);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (((CLReferralRow *) g_ptr_array_index (rows, 2))->referral)), ==,
                   cl_record_get_id (CL_RECORD (old)));
}

static void
test_waiting (void)
{
  g_autofree char *minutes = cl_referral_format_waiting (40 * 60 + 59);
  g_autofree char *hours = cl_referral_format_waiting (5 * 3600 + 10);

  g_assert_cmpint (cl_referral_waiting (1000, 0, 5000), ==, 4000);
  g_assert_cmpint (cl_referral_waiting (1000, 3000, 5000), ==, 2000);
  /* An appointment before the receipt (entered late) waits nothing. */
  g_assert_cmpint (cl_referral_waiting (5000, 3000, 9000), ==, 0);
  g_assert_cmpstr (minutes, ==, "40 min");
  g_assert_cmpstr (hours, ==, "5 h");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/appoint/capacity", Fixture, NULL, fixture_set_up, test_capacity, fixture_tear_down);
  g_test_add ("/appoint/rules", Fixture, NULL, fixture_set_up, test_rules, fixture_tear_down);
  g_test_add ("/appoint/referrals", Fixture, NULL, fixture_set_up, test_referrals, fixture_tear_down);
  g_test_add_func ("/appoint/waiting", test_waiting);
  return g_test_run ();
}
