/* test-faults.c
 *
 * The kiosk and equipment fault log: the overdue flag table-driven at
 * a fixed now; saving in a real SQLite file (a refusal at its field
 * writes nothing, only the service desk and an administrator write),
 * marking fixed, and the list's order (open first, oldest report
 * first, then the latest fixes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-fault-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-faults.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* 2026-11-23 09:00 in Asia/Shanghai */
#define T0 G_GINT64_CONSTANT (1795395600)
#define DAY (24 * 3600)

static const struct
{
  gint64   reported_ago;  /* seconds before now */
  gint64   fixed_after;   /* seconds after the report, or -1: open */
  gboolean overdue;
} overdue_cases[] = {
  { DAY + 1,     -1,  TRUE },
  { DAY,         -1,  FALSE },  /* a day to the second is not more */
  { 3600,        -1,  FALSE },
  { 3 * DAY,     -1,  TRUE },
  { 3 * DAY,     600, FALSE },  /* fixed: never flagged */
  { -60,         -1,  FALSE },  /* another desk's clock ahead */
};

static void
test_overdue (void)
{
  const gint64 now = T0;

  for (guint i = 0; i < G_N_ELEMENTS (overdue_cases); i++)
    {
      g_autoptr(CLEquipmentFault) fault = cl_equipment_fault_new ();
      gint64 reported = now - overdue_cases[i].reported_ago;

      cl_equipment_fault_set_reported_at (fault, reported);
      if (overdue_cases[i].fixed_after >= 0)
        cl_equipment_fault_set_fixed_at (fault, reported + overdue_cases[i].fixed_after);
      g_test_message ("case %u", i);
      g_assert_cmpint (cl_equipment_fault_is_overdue (fault, now), ==, overdue_cases[i].overdue);
    }
}

static void
test_time_parse (void)
{
  gint64 at = 0;

  /* Now is 2026-11-23 09:15 in Asia/Shanghai. */
  g_assert_true (cl_equipment_fault_time_parse ("09:00", cl_schedule_now (), &at));
  g_assert_cmpint (at, ==, T0);
  g_assert_true (cl_equipment_fault_time_parse (" 2026-11-21 09:00 ", cl_schedule_now (), &at));
  g_assert_cmpint (at, ==, T0 - 2 * DAY);
  g_assert_false (cl_equipment_fault_time_parse ("2026-11-31 09:00", cl_schedule_now (), &at));
  g_assert_false (cl_equipment_fault_time_parse ("2026-11-21 25:00", cl_schedule_now (), &at));
  g_assert_false (cl_equipment_fault_time_parse ("2026-11-21", cl_schedule_now (), &at));
  g_assert_false (cl_equipment_fault_time_parse ("昨天", cl_schedule_now (), &at));
}

static CLEquipmentFault *
new_fault (const char *machine,
           gint64      reported_at)
{
  CLEquipmentFault *fault = cl_equipment_fault_new ();

  cl_equipment_fault_set_machine (fault, machine);
  cl_equipment_fault_set_location (fault, "门诊大厅");
  cl_equipment_fault_set_fault (fault, "不出凭条");
  cl_equipment_fault_set_reported_at (fault, reported_at);
  cl_equipment_fault_set_reported_to (fault, "vendor");
  return fault;
}

static void
test_save_and_fix (CLTestStoreFixture *f,
                   gconstpointer       data)
{
  g_autoptr(CLEquipmentFault) fault = new_fault ("  ", T0 - 2 * DAY);
  g_autoptr(CLEquipmentFault) recent = new_fault ("住院大厅自助机 1号", T0 - 3600);
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CLRecord) stored = NULL;

  /* No machine: refused at its field, nothing written. */
  g_assert_false (cl_fault_store_save (f->store, fault, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (g_hash_table_lookup (errors, "machine"), ==, "Enter the machine");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM equipment_fault"), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);

  /* Reported in the future (now is 09:15): refused. */
  cl_equipment_fault_set_machine (fault, "门诊大厅自助机 3号");
  cl_equipment_fault_set_reported_at (fault, T0 + 3600);
  g_assert_false (cl_fault_store_save (f->store, fault, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "reported_at"), ==, "The report lies in the future");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);

  /* A case manager may not write the log. */
  cl_equipment_fault_set_reported_at (fault, T0 - 2 * DAY);
  g_assert_false (cl_fault_store_save (f->store, fault, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM equipment_fault"), ==, 0);

  g_assert_true (cl_fault_store_save (f->store, fault, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_fault_store_save (f->store, recent, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);

  /* Both open, the older (and overdue) one first. */
  list = cl_store_faults_list (f->store, T0 - 7 * DAY);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (list, 0)), ==, cl_record_get_id (CL_RECORD (fault)));
  g_assert_true (cl_equipment_fault_is_overdue (g_ptr_array_index (list, 0), cl_schedule_now ()));
  g_assert_false (cl_equipment_fault_is_overdue (g_ptr_array_index (list, 1), cl_schedule_now ()));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Fixed before it was reported, without a time, in the future:
   * refused, the fault still open. */
  g_assert_false (cl_fault_store_mark_fixed (f->store, fault, T0 - 3 * DAY, "", CL_ROLE_SERVICE_DESK,
                                             &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "fixed_at"), ==, "The fix is before the report");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_assert_false (cl_fault_store_mark_fixed (f->store, fault, 0, "", CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "fixed_at"), ==, "Enter when it was fixed");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_assert_false (cl_fault_store_mark_fixed (f->store, fault, T0 + 3600, "", CL_ROLE_SERVICE_DESK,
                                             &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "fixed_at"), ==, "The fix lies in the future");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_assert_cmpint (cl_equipment_fault_get_fixed_at (fault), ==, 0);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM equipment_fault WHERE fixed_at <> 0"),
                   ==, 0);

  g_assert_true (cl_fault_store_mark_fixed (f->store, fault, T0, " 更换打印头 ", CL_ROLE_SERVICE_DESK,
                                            NULL, &error));
  g_assert_no_error (error);
  stored = cl_store_load_record (f->store, CL_TYPE_EQUIPMENT_FAULT, cl_record_get_id (CL_RECORD (fault)), NULL);
  g_assert_cmpint (cl_equipment_fault_get_fixed_at (CL_EQUIPMENT_FAULT (stored)), ==, T0);
  g_assert_cmpstr (cl_equipment_fault_get_note (CL_EQUIPMENT_FAULT (stored)), ==, "更换打印头");
  g_assert_false (cl_equipment_fault_is_overdue (CL_EQUIPMENT_FAULT (stored), cl_schedule_now ()));

  /* Open first now; the fixed one follows while within the window. */
  list = cl_store_faults_list (f->store, T0 - 7 * DAY);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (list, 0)), ==, cl_record_get_id (CL_RECORD (recent)));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cl_store_faults_list (f->store, T0 + 60);
  g_assert_cmpuint (list->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/overdue", test_overdue);
  g_test_add_func ("/faults/time-parse", test_time_parse);
  cl_test_store_add ("/faults/save-and-fix", test_save_and_fix);
  return g_test_run ();
}
