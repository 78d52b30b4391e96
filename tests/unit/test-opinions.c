/* test-opinions.c
 *
 * The opinion box and book's daily log in a real SQLite file: an entry
 * refused at its field writes nothing (a bad or future date, no
 * content, a department or ticket that does not exist, a ticket for
 * what is no complaint), only the service desk and an administrator
 * write; an entry made a complaint ticket links to it and becomes a
 * complaint; a day's list puts complaints first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-complaint-store.h"
#include "cl-directory-store.h"
#include "cl-opinion-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-opinions.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

static char *
save_department (CLStore *store)
{
  g_autoptr(CLDepartment) department = cl_department_new ();
  g_autoptr(GError) error = NULL;

  cl_department_set_name (department, "产科门诊");
  g_assert_true (cl_directory_store_save_department (store, department, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (cl_record_get_id (CL_RECORD (department)));
}

static CLOpinionEntry *
new_entry (const char *date,
           const char *kind,
           const char *department_id)
{
  CLOpinionEntry *entry = cl_opinion_entry_new ();

  cl_opinion_entry_set_date (entry, date);
  cl_opinion_entry_set_source (entry, "box");
  cl_opinion_entry_set_kind (entry, kind);
  cl_opinion_entry_set_department_id (entry, department_id);
  cl_opinion_entry_set_content (entry, "候诊时间太长");
  return entry;
}

static void
refused_at (CLStore        *store,
            CLOpinionEntry *entry,
            const char     *field,
            const char     *message)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_opinion_store_save (store, entry, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (errors);
  g_assert_cmpstr (g_hash_table_lookup (errors, field), ==, message);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM opinion_entry"), ==, 0);
}

static void
test_rules (CLTestStoreFixture *f,
            gconstpointer       data)
{
  g_autofree char *department = save_department (f->store);
  g_autoptr(CLOpinionEntry) entry = new_entry ("2026-11-24", "opinion", department);
  g_autoptr(GError) error = NULL;

  /* Now is 2026-11-23 09:15 in Asia/Shanghai. */
  refused_at (f->store, entry, "date", "The date lies in the future");
  cl_opinion_entry_set_date (entry, "2026-11-23 ");
  refused_at (f->store, entry, "date", "Enter the date as YYYY-MM-DD");
  cl_opinion_entry_set_date (entry, "2026-11-23");
  cl_opinion_entry_set_content (entry, " ");
  refused_at (f->store, entry, "content", "Enter what was written");
  cl_opinion_entry_set_content (entry, "候诊时间太长");
  cl_opinion_entry_set_department_id (entry, "e1000000-0000-0000-0000-000000000aa1");
  refused_at (f->store, entry, "department_id", "Choose a department from the hospital’s list");
  cl_opinion_entry_set_department_id (entry, department);
  cl_opinion_entry_set_complaint_id (entry, "e1000000-0000-0000-0000-000000000aa2");
  refused_at (f->store, entry, "complaint_id", "Only a complaint is made a complaint ticket");
  cl_opinion_entry_set_kind (entry, "complaint");
  refused_at (f->store, entry, "complaint_id", "There is no such complaint ticket");
  cl_opinion_entry_set_complaint_id (entry, NULL);
  cl_opinion_entry_set_source (entry, "wall");
  refused_at (f->store, entry, "source", "Choose the opinion box or the opinion book");
  cl_opinion_entry_set_source (entry, "book");

  /* A case manager may not write the log. */
  g_assert_false (cl_opinion_store_save (f->store, entry, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cl_opinion_store_save (f->store, entry, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM opinion_entry"), ==, 1);
}

static void
test_complaint_and_day (CLTestStoreFixture *f,
                        gconstpointer       data)
{
  g_autofree char *department = save_department (f->store);
  g_autoptr(CLOpinionEntry) praise = new_entry ("2026-11-22", "commendation", NULL);
  g_autoptr(CLOpinionEntry) opinion = new_entry ("2026-11-22", "opinion", department);
  g_autoptr(CLComplaint) ticket = cl_complaint_new (cl_schedule_now (), "u-desk");
  g_autoptr(GPtrArray) day = NULL;
  g_autoptr(CLRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  cl_opinion_entry_set_content (praise, "李护士很耐心");
  g_assert_true (cl_opinion_store_save (f->store, praise, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_opinion_store_save (f->store, opinion, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  day = cl_store_opinions_of_day (f->store, "2026-11-22");
  g_assert_cmpuint (day->len, ==, 2);
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (day, 0)), ==, cl_record_get_id (CL_RECORD (praise)));
  g_clear_pointer (&day, g_ptr_array_unref);

  /* The opinion made a complaint ticket: linked, a complaint now, and
   * listed first. */
  cl_complaint_set_complainant_name (ticket, "匿名");
  cl_complaint_set_department_id (ticket, department);
  cl_complaint_set_description (ticket, "候诊时间太长");
  cl_complaint_set_severity (ticket, "moderate");
  cl_complaint_store_promise (f->store, ticket);
  g_assert_true (cl_complaint_store_save (f->store, ticket, CL_ROLE_SERVICE_DESK, "u-desk", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_opinion_store_link_complaint (f->store, opinion, cl_record_get_id (CL_RECORD (ticket)),
                                                  CL_ROLE_SERVICE_DESK, &error));
  g_assert_no_error (error);
  stored = cl_store_load_record (f->store, CL_TYPE_OPINION_ENTRY, cl_record_get_id (CL_RECORD (opinion)), NULL);
  g_assert_cmpstr (cl_opinion_entry_get_kind (CL_OPINION_ENTRY (stored)), ==, "complaint");
  g_assert_cmpstr (cl_opinion_entry_get_complaint_id (CL_OPINION_ENTRY (stored)), ==,
                   cl_record_get_id (CL_RECORD (ticket)));
  day = cl_store_opinions_of_day (f->store, "2026-11-22");
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (day, 0)), ==, cl_record_get_id (CL_RECORD (opinion)));
  g_clear_pointer (&day, g_ptr_array_unref);
  day = cl_store_opinions_of_day (f->store, "2026-11-23");
  g_assert_cmpuint (day->len, ==, 0);

  /* A ticket that does not exist is not linked; the entry stays. */
  g_assert_false (cl_opinion_store_link_complaint (f->store, praise, "e1000000-0000-0000-0000-000000000aa3",
                                                   CL_ROLE_SERVICE_DESK, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (cl_opinion_entry_get_kind (praise), ==, "commendation");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  cl_test_store_add ("/opinions/rules", test_rules);
  cl_test_store_add ("/opinions/complaint-and-day", test_complaint_and_day);
  return g_test_run ();
}
