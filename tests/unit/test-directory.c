/* test-directory.c
 *
 * The hospital directory in a real SQLite file: the search by Chinese,
 * pinyin, initials, code and English, kept current as records change;
 * the sessions of a day by weekday and dates; prices in yuan from fen;
 * the forms' rules; the desk's session checks; the seeded procedures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-date.h"
#include "cl-directory-keys.h"
#include "cl-directory-store.h"
#include "cl-directory-text.h"
#include "cl-staff.h"
#include "cl-store-directory.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

typedef struct
{
  CLDepartment    *obstetrics;
  CLDoctor        *zhang;
  CLDoctor        *li;
  CLDoctorSession *zhang_monday;
  CLDoctorSession *li_monday;
  CLServicePrice  *check;
} Directory;

static void
save (CLStore  *store,
      gpointer  record)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (CL_IS_DEPARTMENT (record))
    ok = cl_directory_store_save_department (store, record, CL_ROLE_ADMIN, NULL, &error);
  else if (CL_IS_DOCTOR (record))
    ok = cl_directory_store_save_doctor (store, record, CL_ROLE_ADMIN, NULL, &error);
  else if (CL_IS_DOCTOR_SESSION (record))
    ok = cl_directory_store_save_session (store, record, CL_ROLE_ADMIN, NULL, &error);
  else if (CL_IS_SERVICE_PRICE (record))
    ok = cl_directory_store_save_price (store, record, CL_ROLE_ADMIN, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static CLDoctorSession *
session_new (CLDoctor   *doctor,
             gint        weekday,
             const char *half_day,
             const char *room)
{
  CLDoctorSession *session = cl_doctor_session_new ();

  cl_doctor_session_set_doctor_id (session, cl_record_get_id (CL_RECORD (doctor)));
  cl_doctor_session_set_weekday (session, weekday);
  cl_doctor_session_set_half_day (session, half_day);
  cl_doctor_session_set_room (session, room);
  return session;
}

static void
directory_fill (CLStore   *store,
                Directory *d)
{
  CLDepartment *gynaecology = cl_department_new ();

  d->obstetrics = cl_department_new ();
  cl_department_set_name (d->obstetrics, "产科门诊");
  cl_department_set_name_en (d->obstetrics, "Obstetrics Clinic");
  cl_department_set_building (d->obstetrics, "门诊楼");
  cl_department_set_floor (d->obstetrics, "3");
  cl_department_set_room (d->obstetrics, "305");
  save (store, d->obstetrics);
  cl_department_set_name (gynaecology, "妇科");
  save (store, gynaecology);
  g_object_unref (gynaecology);

  d->zhang = cl_doctor_new ();
  cl_doctor_set_name (d->zhang, "张丽华");
  cl_doctor_set_title (d->zhang, "chief");
  cl_doctor_set_specialty (d->zhang, "高危妊娠");
  cl_doctor_set_department_id (d->zhang, cl_record_get_id (CL_RECORD (d->obstetrics)));
  save (store, d->zhang);
  d->li = cl_doctor_new ();
  cl_doctor_set_name (d->li, "李明");
  cl_doctor_set_title (d->li, "attending");
  cl_doctor_set_department_id (d->li, cl_record_get_id (CL_RECORD (d->obstetrics)));
  save (store, d->li);

  d->zhang_monday = session_new (d->zhang, 1, "afternoon", "305");
  save (store, d->zhang_monday);
  d->li_monday = session_new (d->li, 1, "morning", "306");
  save (store, d->li_monday);
  {
    g_autoptr(CLDoctorSession) tuesday = session_new (d->zhang, 2, "morning", "305");
    save (store, tuesday);
  }

  d->check = cl_service_price_new ();
  cl_service_price_set_code (d->check, "FY0012");
  cl_service_price_set_name (d->check, "产前检查");
  cl_service_price_set_unit (d->check, "次");
  cl_service_price_set_price_fen (d->check, 3550);
  save (store, d->check);
}

static void
directory_clear (Directory *d)
{
  g_clear_object (&d->obstetrics);
  g_clear_object (&d->zhang);
  g_clear_object (&d->li);
  g_clear_object (&d->zhang_monday);
  g_clear_object (&d->li_monday);
  g_clear_object (&d->check);
}

/* The names of what a search for @typed finds, joined by ','. */
static char *
search (CLStore    *store,
        const char *typed)
{
  g_autofree char *key = cl_directory_query_key (typed);
  g_autoptr(GPtrArray) found = cl_store_directory_search (store, key, 20);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      gpointer record = g_ptr_array_index (found, i);
      const char *name = CL_IS_DEPARTMENT (record) ? cl_department_get_name (record)
                         : CL_IS_DOCTOR (record) ? cl_doctor_get_name (record)
                         : CL_IS_SERVICE_PRICE (record) ? cl_service_price_get_name (record)
                         : cl_procedure_guide_get_title (record);

      g_string_append_printf (names, "%s%s", i ? "," : "", name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_search(store, typed, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search (store, typed); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

static void
test_search (CLTestStoreFixture *f,
             gconstpointer       data)
{
  Directory d = { 0 };
  g_autoptr(GError) error = NULL;

  directory_fill (f->store, &d);

  /* Pinyin, initials, Chinese, from any syllable or character on. */
  assert_search (f->store, "zhang", "张丽华");
  assert_search (f->store, "Zhang Li", "张丽华");
  assert_search (f->store, "zlh", "张丽华");
  assert_search (f->store, "ck", "产科门诊");
  assert_search (f->store, "chanke", "产科门诊");
  assert_search (f->store, "menzhen", "产科门诊");
  assert_search (f->store, "门诊", "产科门诊");
  assert_search (f->store, "妇", "妇科");
  assert_search (f->store, "obstetrics", "产科门诊");
  assert_search (f->store, "clinic", "产科门诊");
  /* A doctor by what they specialise in; a price by its code or name
   * ("chan" finds the clinic, the check and the seeded prenatal
   * procedure, each under its kind). */
  assert_search (f->store, "gaowei", "张丽华");
  /* …from its start only: 妊娠 is not a doctor's name. */
  assert_search (f->store, "renshen", "");
  assert_search (f->store, "fy0012", "产前检查");
  assert_search (f->store, "chanqian", "产前检查,产前检查");
  assert_search (f->store, "", "");
  assert_search (f->store, "xyzzy", "");
  /* The seeded procedures, by Chinese and English. */
  assert_search (f->store, "tuiyao", "取药和退药");
  assert_search (f->store, "kiosk", "自助机使用");

  assert_search (f->store, "liming", "李明");
  /* A rename is found by its new name only; a doctor who left is not
   * found; a deleted price neither. */
  cl_doctor_set_name (d.li, "王明");
  save (f->store, d.li);
  assert_search (f->store, "liming", "");
  assert_search (f->store, "wangming", "王明");
  cl_doctor_set_active (d.li, FALSE);
  save (f->store, d.li);
  assert_search (f->store, "wangming", "");
  g_assert_true (cl_store_delete_record (f->store, CL_RECORD (d.check), &error));
  g_assert_no_error (error);
  assert_search (f->store, "fy0012", "");
  directory_clear (&d);
}

static void
test_sessions (CLTestStoreFixture *f,
               gconstpointer       data)
{
  Directory d = { 0 };
  g_autoptr(GPtrArray) monday = NULL;
  g_autoptr(GPtrArray) tuesday = NULL;
  g_autoptr(GPtrArray) wednesday = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GDateTime) at_two = NULL;
  GDate date;

  directory_fill (f->store, &d);

  /* 2024-03-04 is a Monday: morning first. */
  monday = cl_store_sessions_on (f->store, "2024-03-04", 1);
  g_assert_cmpuint (monday->len, ==, 2);
  g_assert_cmpstr (cl_doctor_session_get_room (g_ptr_array_index (monday, 0)), ==, "306");
  g_assert_cmpstr (cl_doctor_session_get_half_day (g_ptr_array_index (monday, 1)), ==, "afternoon");
  tuesday = cl_store_sessions_on (f->store, "2024-03-05", 2);
  g_assert_cmpuint (tuesday->len, ==, 1);
  wednesday = cl_store_sessions_on (f->store, "2024-03-06", 3);
  g_assert_cmpuint (wednesday->len, ==, 0);

  g_date_set_dmy (&date, 4, 3, 2024);
  g_assert_true (cl_doctor_session_runs_on (d.zhang_monday, &date));
  g_date_set_dmy (&date, 5, 3, 2024);
  g_assert_false (cl_doctor_session_runs_on (d.zhang_monday, &date));

  /* A session with dates runs within them only. */
  cl_doctor_session_set_valid_from (d.zhang_monday, "2024-03-11");
  cl_doctor_session_set_valid_until (d.zhang_monday, "2024-03-31");
  save (f->store, d.zhang_monday);
  g_ptr_array_unref (monday);
  monday = cl_store_sessions_on (f->store, "2024-03-04", 1);
  g_assert_cmpuint (monday->len, ==, 1);
  later = cl_store_sessions_on (f->store, "2024-03-11", 1);
  g_assert_cmpuint (later->len, ==, 2);
  g_ptr_array_unref (later);
  later = cl_store_sessions_on (f->store, "2024-04-01", 1);
  g_assert_cmpuint (later->len, ==, 1);
  g_date_set_dmy (&date, 4, 3, 2024);
  g_assert_false (cl_doctor_session_runs_on (d.zhang_monday, &date));

  /* A doctor who left has no sessions on the list. */
  cl_doctor_set_active (d.li, FALSE);
  save (f->store, d.li);
  g_ptr_array_unref (later);
  later = cl_store_sessions_on (f->store, "2024-03-11", 1);
  g_assert_cmpuint (later->len, ==, 1);

  at_two = g_date_time_new_local (2024, 3, 4, 14, 0, 0);
  g_assert_cmpstr (cl_doctor_session_half_day_at (at_two), ==, "afternoon");
  directory_clear (&d);
}

static void
test_price (void)
{
  g_autoptr(CLServicePrice) price = cl_service_price_new ();
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *label = NULL, *bare = NULL;

  cl_service_price_set_name (price, "产前检查");
  cl_service_price_set_unit (price, "次");
  cl_service_price_set_price_fen (price, 123456);
  label = cl_service_price_dup_label (price);
  g_assert_cmpstr (label, ==, "¥1,234.56 / 次");
  cl_service_price_set_unit (price, NULL);
  cl_service_price_set_price_fen (price, 5);
  bare = cl_service_price_dup_label (price);
  g_assert_cmpstr (bare, ==, "¥0.05");

  cl_service_price_set_price_fen (price, -1);
  errors = cl_service_price_validate (price);
  g_assert_true (g_hash_table_contains (errors, "price_fen"));
  g_hash_table_unref (errors);
  cl_service_price_set_price_fen (price, CL_SERVICE_PRICE_MAX_FEN + 1);
  errors = cl_service_price_validate (price);
  g_assert_true (g_hash_table_contains (errors, "price_fen"));
  g_hash_table_unref (errors);
  cl_service_price_set_price_fen (price, 0);
  cl_service_price_set_name (price, "  ");
  errors = cl_service_price_validate (price);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 1);
  g_assert_true (g_hash_table_contains (errors, "name"));
}

static void
test_rules (CLTestStoreFixture *f,
            gconstpointer       data)
{
  Directory d = { 0 };
  g_autoptr(CLDoctor) nameless = cl_doctor_new ();
  g_autoptr(CLDoctorSession) bad = NULL;
  g_autoptr(CLServicePrice) twin = cl_service_price_new ();
  g_autoptr(CLProcedureGuide) guide = cl_procedure_guide_new ();
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 doctors;

  directory_fill (f->store, &d);
  doctors = cl_test_store_count (f->store, "SELECT count(*) FROM doctor");

  /* A doctor needs a name, a title and a department that exists. */
  cl_doctor_set_department_id (nameless, "e1000000-0000-0000-0000-000000000899");
  g_assert_false (cl_directory_store_save_doctor (f->store, nameless, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_true (g_hash_table_contains (field_errors, "name"));
  g_assert_true (g_hash_table_contains (field_errors, "title"));
  g_assert_true (g_hash_table_contains (field_errors, "department_id"));
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_clear_error (&error);
  /* Only an administrator keeps the directory. */
  g_assert_false (cl_directory_store_save_doctor (f->store, d.zhang, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM doctor"), ==, doctors);

  /* A session: a day of the week, a half-day, dates in order, a doctor. */
  bad = session_new (d.zhang, 8, "night", "305");
  cl_doctor_session_set_valid_from (bad, "2024-03-31");
  cl_doctor_session_set_valid_until (bad, "2024-03-01");
  g_assert_false (cl_directory_store_save_session (f->store, bad, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "weekday"));
  g_assert_true (g_hash_table_contains (field_errors, "half_day"));
  g_assert_true (g_hash_table_contains (field_errors, "valid_until"));
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_clear_error (&error);
  cl_doctor_session_set_weekday (bad, 3);
  cl_doctor_session_set_half_day (bad, "evening");
  cl_doctor_session_set_valid_until (bad, "2024-13-01");
  g_assert_false (cl_directory_store_save_session (f->store, bad, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_cmpuint (g_hash_table_size (field_errors), ==, 1);
  g_assert_true (g_hash_table_contains (field_errors, "valid_until"));
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_clear_error (&error);
  cl_doctor_session_set_valid_until (bad, NULL);
  cl_doctor_session_set_doctor_id (bad, "e1000000-0000-0000-0000-000000000898");
  g_assert_false (cl_directory_store_save_session (f->store, bad, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "doctor_id"));
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_clear_error (&error);

  /* Two prices with one code would make the code a guess. */
  cl_service_price_set_code (twin, " FY0012 ");
  cl_service_price_set_name (twin, "别的");
  g_assert_false (cl_directory_store_save_price (f->store, twin, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "code"));
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_clear_error (&error);

  /* A procedure needs a title and its steps. */
  g_assert_false (cl_directory_store_save_guide (f->store, guide, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "title"));
  g_assert_true (g_hash_table_contains (field_errors, "steps"));
  directory_clear (&d);
}

static void
test_checks (CLTestStoreFixture *f,
             gconstpointer       data)
{
  Directory d = { 0 };
  g_autoptr(CLSessionCheck) check = NULL;
  g_autoptr(CLSessionCheck) twice = NULL;
  g_autoptr(CLSessionCheck) wrong_day = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 at = 1709514000; /* 2024-03-04 01:00 UTC */

  directory_fill (f->store, &d);

  /* The desk marks Dr Zhang's Monday afternoon late and phones. */
  check = cl_directory_store_new_check (d.zhang_monday, "2024-03-04", at);
  cl_session_check_set_phoned (check, "科室护士长");
  g_assert_false (cl_directory_store_save_check (f->store, check, CL_ROLE_SERVICE_DESK, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "phoned_at"));
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_clear_error (&error);
  cl_session_check_set_phoned_at (check, at + 120);
  /* A case manager does not check sessions. */
  g_assert_false (cl_directory_store_save_check (f->store, check, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_clear_error (&error);
  g_assert_true (cl_directory_store_save_check (f->store, check, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);

  /* Once a session a day. */
  twice = cl_directory_store_new_check (d.zhang_monday, "2024-03-04", at + 300);
  g_assert_false (cl_directory_store_save_check (f->store, twice, CL_ROLE_SERVICE_DESK, &field_errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "session_id"), ==, "This session is marked already");
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_clear_error (&error);
  /* Not on a day the session does not run. */
  wrong_day = cl_directory_store_new_check (d.zhang_monday, "2024-03-05", at);
  g_assert_false (cl_directory_store_save_check (f->store, wrong_day, CL_ROLE_SERVICE_DESK, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "session_id"));
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_clear_error (&error);

  /* Arrived: not before the mark; then 25 minutes late. */
  cl_session_check_set_arrived_at (check, at - 60);
  g_assert_false (cl_directory_store_save_check (f->store, check, CL_ROLE_SERVICE_DESK, &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "arrived_at"));
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_clear_error (&error);
  g_assert_cmpint (cl_session_check_minutes_late (check, at + 600), ==, 0);
  cl_session_check_set_arrived_at (check, 0);
  g_assert_cmpint (cl_session_check_minutes_late (check, at + 600), ==, 10);
  cl_session_check_set_arrived_at (check, at + 25 * 60);
  g_assert_true (cl_directory_store_save_check (f->store, check, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_session_check_get_arrived (check));
  g_assert_cmpint (cl_session_check_minutes_late (check, at + 3600), ==, 25);

  /* What the desk reads (TZ is Asia/Shanghai: 09:00 is 01:00 UTC). */
  {
    g_autoptr(CLSessionCheck) waiting = cl_directory_store_new_check (d.zhang_monday, "2024-03-04", at);
    g_autofree char *nobody = NULL, *phoned = NULL, *came = NULL;

    nobody = cl_directory_check_label (waiting, at + 600);
    g_assert_cmpstr (nobody, ==, "Not arrived at 09:00; nobody phoned yet");
    cl_session_check_set_phoned (waiting, "护士长");
    cl_session_check_set_phoned_at (waiting, at + 120);
    phoned = cl_directory_check_label (waiting, at + 600);
    g_assert_cmpstr (phoned, ==, "Not arrived at 09:00; phoned 护士长 at 09:02");
    came = cl_directory_check_label (check, at + 3600);
    g_assert_cmpstr (came, ==, "Arrived at 09:25, 25 min late");
  }
  checks = cl_store_session_checks_on (f->store, "2024-03-04");
  g_assert_cmpuint (checks->len, ==, 1);
  g_assert_cmpstr (cl_session_check_get_phoned (g_ptr_array_index (checks, 0)), ==, "科室护士长");
  g_ptr_array_unref (checks);
  checks = cl_store_session_checks_on (f->store, "2024-03-11");
  g_assert_cmpuint (checks->len, ==, 0);
  directory_clear (&d);
}

static void
test_seeded (CLTestStoreFixture *f,
             gconstpointer       data)
{
  g_autoptr(GPtrArray) guides = cl_store_procedure_guides (f->store, TRUE);
  CLProcedureGuide *first;

  /* The ten standard procedures, registration first, at rev 0 (the
   * same rows on every desk and the server), none in the outbox. */
  g_assert_cmpuint (guides->len, ==, 10);
  first = g_ptr_array_index (guides, 0);
  g_assert_cmpstr (cl_procedure_guide_get_title (first), ==, "挂号");
  g_assert_cmpstr (cl_procedure_guide_get_title_en (first), ==, "Registration");
  g_assert_nonnull (strstr (cl_procedure_guide_get_steps (first), "\n2. "));
  g_assert_cmpstr (cl_procedure_guide_get_title (g_ptr_array_index (guides, 9)), ==, "无名氏及无家属患者");
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (first)), ==, 0);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM outbox"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);
  cl_test_store_add ("/directory/search", test_search);
  cl_test_store_add ("/directory/sessions", test_sessions);
  g_test_add_func ("/directory/price", test_price);
  cl_test_store_add ("/directory/rules", test_rules);
  cl_test_store_add ("/directory/checks", test_checks);
  cl_test_store_add ("/directory/seeded", test_seeded);
  return g_test_run ();
}
