#define G_LOG_DOMAIN "test-status"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cl-doctor-order.h"
#include "cl-enrolment.h"
#include "cl-escort-task.h"
#include "cl-pregnancy.h"
#include "cl-staff.h"
#include "cl-vip-booking.h"

/* The status questions views ask core instead of comparing strings:
 * each answer follows the record's status, and nothing else. */

static void
test_status_pregnancy (void)
{
  g_autoptr(CLPregnancy) pregnancy = cl_pregnancy_new ("p1");
  const char * const *statuses = cl_pregnancy_statuses ();

  g_assert_cmpstr (statuses[0], ==, "ongoing");
  g_assert_cmpstr (statuses[1], ==, "delivered");
  g_assert_cmpstr (statuses[2], ==, "ended");
  g_assert_null (statuses[3]);

  cl_pregnancy_set_status (pregnancy, "ongoing");
  g_assert_true (cl_pregnancy_is_ongoing (pregnancy));
  cl_pregnancy_set_status (pregnancy, "delivered");
  g_assert_false (cl_pregnancy_is_ongoing (pregnancy));

  g_assert_true (cl_pregnancy_status_has_delivery ("delivered"));
  g_assert_false (cl_pregnancy_status_has_delivery ("ongoing"));
  g_assert_false (cl_pregnancy_status_has_delivery ("ended"));
  g_assert_false (cl_pregnancy_status_has_delivery (NULL));
}

static void
test_status_enrolment (void)
{
  g_autoptr(CLEnrolment) enrolment = cl_enrolment_new ();

  cl_enrolment_set_status (enrolment, "active");
  g_assert_true (cl_enrolment_is_live (enrolment));
  g_assert_false (cl_enrolment_is_cancelled (enrolment));
  cl_enrolment_set_status (enrolment, "cancelled");
  g_assert_false (cl_enrolment_is_live (enrolment));
  g_assert_true (cl_enrolment_is_cancelled (enrolment));
  cl_enrolment_set_status (enrolment, "completed");
  g_assert_false (cl_enrolment_is_live (enrolment));
  g_assert_false (cl_enrolment_is_cancelled (enrolment));

  g_assert_cmpstr (cl_enrolment_status_label ("active"), ==, "Active");
  g_assert_cmpstr (cl_enrolment_status_label ("completed"), ==, "Completed");
  g_assert_cmpstr (cl_enrolment_status_label ("cancelled"), ==, "Cancelled");
  g_assert_cmpstr (cl_enrolment_status_label ("paused"), ==, "paused");
  g_assert_cmpstr (cl_enrolment_status_label (NULL), ==, "");

  /* Only an administrator enrols outside the package's window. */
  g_assert_true (cl_enrolment_role_may_override (CL_ROLE_ADMIN));
  g_assert_false (cl_enrolment_role_may_override (CL_ROLE_CASE_MANAGER));
  g_assert_false (cl_enrolment_role_may_override (CL_ROLE_FINANCE));
  g_assert_false (cl_enrolment_role_may_override (NULL));
}

static void
test_status_doctor_order (void)
{
  g_autoptr(CLDoctorOrder) order = cl_doctor_order_new ();

  cl_doctor_order_set_status (order, "active");
  g_assert_true (cl_doctor_order_is_active (order));
  g_assert_true (cl_doctor_order_may_stop (order));
  for (guint i = 0; i < 2; i++)
    {
      cl_doctor_order_set_status (order, i == 0 ? "stopped" : "done");
      g_assert_false (cl_doctor_order_is_active (order));
      g_assert_false (cl_doctor_order_may_stop (order));
    }
}

static void
test_status_escort_task (void)
{
  static const struct
  {
    const char *status;
    gboolean    planned, under_way, may_cancel;
  } cases[] = {
    { CL_ESCORT_STATUS_PLANNED,     TRUE,  FALSE, TRUE },
    { CL_ESCORT_STATUS_IN_PROGRESS, FALSE, TRUE,  TRUE },
    { CL_ESCORT_STATUS_DONE,        FALSE, FALSE, FALSE },
    { CL_ESCORT_STATUS_CANCELLED,   FALSE, FALSE, FALSE },
    { CL_ESCORT_STATUS_NO_SHOW,     FALSE, FALSE, FALSE },
  };
  g_autoptr(CLEscortTask) task = cl_escort_task_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cl_escort_task_set_status (task, cases[i].status);
      g_assert_cmpint (cl_escort_task_is_planned (task), ==, cases[i].planned);
      g_assert_cmpint (cl_escort_task_is_under_way (task), ==, cases[i].under_way);
      g_assert_cmpint (cl_escort_task_may_cancel (task), ==, cases[i].may_cancel);
    }

  cl_escort_task_set_kind (task, CL_ESCORT_KIND_DELIVERY_TRANSFER);
  g_assert_true (cl_escort_task_ends_with_hand_over (task));
  cl_escort_task_set_kind (task, CL_ESCORT_KIND_EXAMINATION);
  g_assert_false (cl_escort_task_ends_with_hand_over (task));

  /* An escort works on their own tasks; the desk plans everyone's. */
  g_assert_true (cl_escort_task_role_works_own (CL_ROLE_ESCORT));
  g_assert_false (cl_escort_task_role_works_own (CL_ROLE_ADMIN));
  g_assert_false (cl_escort_task_role_works_own (CL_ROLE_CASE_MANAGER));
  g_assert_false (cl_escort_task_role_works_own (NULL));
}

static void
test_status_vip_booking (void)
{
  g_autoptr(CLVipBooking) booking = cl_vip_booking_new ();

  cl_vip_booking_set_status (booking, CL_VIP_STATUS_BOOKED);
  g_assert_true (cl_vip_booking_is_pending (booking));
  g_assert_false (cl_vip_booking_is_in_room (booking));
  cl_vip_booking_set_status (booking, CL_VIP_STATUS_CHECKED_IN);
  g_assert_false (cl_vip_booking_is_pending (booking));
  g_assert_true (cl_vip_booking_is_in_room (booking));
  cl_vip_booking_set_status (booking, CL_VIP_STATUS_DONE);
  g_assert_false (cl_vip_booking_is_pending (booking));
  g_assert_false (cl_vip_booking_is_in_room (booking));
  cl_vip_booking_set_status (booking, CL_VIP_STATUS_CANCELLED);
  g_assert_false (cl_vip_booking_is_pending (booking));
  g_assert_false (cl_vip_booking_is_in_room (booking));
}

static void
test_status_vip_check_in (void)
{
  g_autoptr(CLVipBooking) booking = cl_vip_booking_new ();
  gint64 now = 1795363200 + 9 * 3600;   /* a morning */

  /* Check In is offered from the booking's day on, only while booked. */
  cl_vip_booking_set_start_at (booking, now + 3600);
  cl_vip_booking_set_end_at (booking, now + 7200);
  cl_vip_booking_set_status (booking, CL_VIP_STATUS_BOOKED);
  g_assert_true (cl_vip_booking_may_check_in (booking, now));
  g_assert_true (cl_vip_booking_may_check_in (booking, now + 8 * 3600));
  cl_vip_booking_set_start_at (booking, now + 3 * 86400);
  cl_vip_booking_set_end_at (booking, now + 3 * 86400 + 3600);
  g_assert_false (cl_vip_booking_may_check_in (booking, now));
  g_assert_false (cl_vip_booking_may_check_in (booking, now + 2 * 86400));
  g_assert_true (cl_vip_booking_may_check_in (booking, now + 3 * 86400 - 3600));
  for (guint i = 1; cl_vip_booking_statuses ()[i]; i++)
    {
      cl_vip_booking_set_status (booking, cl_vip_booking_statuses ()[i]);
      g_assert_false (cl_vip_booking_may_check_in (booking, now + 3 * 86400));
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The labels are checked untranslated. */
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/status/pregnancy", test_status_pregnancy);
  g_test_add_func ("/status/enrolment", test_status_enrolment);
  g_test_add_func ("/status/doctor-order", test_status_doctor_order);
  g_test_add_func ("/status/escort-task", test_status_escort_task);
  g_test_add_func ("/status/vip-check-in", test_status_vip_check_in);
  g_test_add_func ("/status/vip-booking", test_status_vip_booking);

  return g_test_run ();
}
