#define G_LOG_DOMAIN "test-staff"

#include "config.h"

#include <string.h>

#include "cl-escort-store.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-staff-store.h"
#include "cl-store-accounts.h"
#include "cl-store-staff.h"
#include "cl-tables.h"
#include "cl-test-desk.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* Staff administration (README, "Staff"): roles, working hours, the
 * field rules and the rules against the other staff, the escort
 * checks by a person's own hours, and the server's hook.
 * TZ=Asia/Shanghai, now 2026-11-23 08:00, a Monday. */

#define at(day, hour, minute) cl_test_nov_2026 ((day), (hour), (minute))

typedef struct
{
  char    *dir;
  CLStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cl_test_make_tmp_dir ("test-staff");
  f->store = cl_test_store_open (f->dir);
  cl_store_set_actor (f->store, "admin");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
test_roles (void)
{
  g_autoptr(CLStaff) staff = cl_staff_new ("wangfang", "王芳", CL_ROLE_ESCORT);
  const char *roles[] = { CL_ROLE_FINANCE, CL_ROLE_ESCORT, NULL };
  g_auto(GStrv) got = NULL;
  g_autoptr(GHashTable) errors = NULL;

  g_assert_true (cl_staff_has_role (staff, CL_ROLE_ESCORT));
  g_assert_false (cl_staff_has_role (staff, CL_ROLE_ADMIN));

  /* Kept in the fixed order; "role" is the first of them. */
  cl_staff_set_roles (staff, roles);
  got = cl_staff_dup_roles (staff);
  g_assert_cmpstr (got[0], ==, CL_ROLE_ESCORT);
  g_assert_cmpstr (got[1], ==, CL_ROLE_FINANCE);
  g_assert_null (got[2]);
  g_assert_cmpstr (cl_staff_get_role (staff), ==, CL_ROLE_ESCORT);

  /* The log-in role: the first in the fixed order, however a push
   * lists them; an administrator logs in as one. */
  {
    g_autofree char *login = cl_staff_dup_login_role (staff);

    g_assert_cmpstr (login, ==, CL_ROLE_ESCORT);
  }
  g_object_set (staff, "roles", "finance vip_steward admin", NULL);
  {
    g_autofree char *login = cl_staff_dup_login_role (staff);

    g_assert_cmpstr (login, ==, CL_ROLE_ADMIN);
  }
  g_object_set (staff, "roles", "surgeon", NULL);
  g_assert_null (cl_staff_dup_login_role (staff));

  /* A row from before "roles": its one role stands. */
  g_object_set (staff, "roles", NULL, "role", CL_ROLE_CASE_MANAGER, NULL);
  g_assert_true (cl_staff_has_role (staff, CL_ROLE_CASE_MANAGER));
  {
    g_autofree char *login = cl_staff_dup_login_role (staff);

    g_assert_cmpstr (login, ==, CL_ROLE_CASE_MANAGER);
  }

  g_object_set (staff, "roles", "", "role", NULL, NULL);
  errors = cl_staff_validate (staff);
  g_assert_true (g_hash_table_contains (errors, "roles"));
  g_clear_pointer (&errors, g_hash_table_unref);

  g_object_set (staff, "roles", "escort surgeon", NULL);
  errors = cl_staff_validate (staff);
  g_assert_true (strstr (g_hash_table_lookup (errors, "roles"), "surgeon") != NULL);
}

static void
test_hours (void)
{
  g_autoptr(CLStaff) staff = cl_staff_new ("wangfang", "王芳", CL_ROLE_ESCORT);
  g_autoptr(GHashTable) errors = NULL;
  gint opens, closes;

  g_assert_true (cl_staff_get_day_hours (staff, G_DATE_SUNDAY, &opens, &closes));
  g_assert_cmpint (opens, ==, 7 * 60 + 30);
  g_assert_cmpint (closes, ==, 17 * 60 + 30);

  cl_staff_set_day_hours (staff, G_DATE_SATURDAY, -1, -1);
  cl_staff_set_day_hours (staff, G_DATE_TUESDAY, 9 * 60, 12 * 60);
  g_assert_false (cl_staff_get_day_hours (staff, G_DATE_SATURDAY, &opens, &closes));
  g_assert_true (cl_staff_get_day_hours (staff, G_DATE_TUESDAY, &opens, &closes));
  g_assert_cmpint (opens, ==, 9 * 60);
  g_assert_cmpint (closes, ==, 12 * 60);
  errors = cl_staff_validate (staff);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
  g_clear_pointer (&errors, g_hash_table_unref);

  /* Back to the default everywhere: the column is empty again. */
  cl_staff_set_day_hours (staff, G_DATE_SATURDAY, 7 * 60 + 30, 17 * 60 + 30);
  cl_staff_set_day_hours (staff, G_DATE_TUESDAY, 7 * 60 + 30, 17 * 60 + 30);
  {
    g_autofree char *hours = NULL;

    g_object_get (staff, "hours", &hours, NULL);
    g_assert_null (hours);
  }

  /* Hours that end before they start. */
  cl_staff_set_day_hours (staff, G_DATE_WEDNESDAY, 17 * 60, 9 * 60);
  errors = cl_staff_validate (staff);
  g_assert_true (g_hash_table_contains (errors, "hours"));
  g_clear_pointer (&errors, g_hash_table_unref);

  g_object_set (staff, "hours", "07:30-17:30 nonsense", NULL);
  errors = cl_staff_validate (staff);
  g_assert_true (g_hash_table_contains (errors, "hours"));
}

static void
test_fields (void)
{
  g_autoptr(CLStaff) staff = cl_staff_new ("wangfang", "王芳", CL_ROLE_ESCORT);
  g_autoptr(GHashTable) errors = NULL;

  g_object_set (staff, "phone", "13800138000", NULL);
  errors = cl_staff_validate (staff);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
  g_clear_pointer (&errors, g_hash_table_unref);

  /* A landline is not a mobile number. */
  g_object_set (staff, "phone", "010-12345678", "username", "wang fang", "display-name", "", NULL);
  errors = cl_staff_validate (staff);
  g_assert_true (g_hash_table_contains (errors, "phone"));
  g_assert_true (g_hash_table_contains (errors, "username"));
  g_assert_true (g_hash_table_contains (errors, "display-name"));
}

static CLStaff *
add (Fixture    *f,
     const char *username,
     const char *role)
{
  CLStaff *staff = cl_staff_new (username, username, role);
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_staff_store_save (f->store, staff, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  return staff;
}

static void
test_store_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CLStaff) admin = add (f, "zhaomin", CL_ROLE_ADMIN);
  g_autoptr(CLStaff) escort = add (f, "wangfang", CL_ROLE_ESCORT);
  g_autoptr(CLStaff) twin = cl_staff_new ("wangfang", "另一个王芳", CL_ROLE_ESCORT);
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  const char *only_escort[] = { CL_ROLE_ESCORT, NULL };
  const char *both[] = { CL_ROLE_ADMIN, CL_ROLE_ESCORT, NULL };

  /* A user name once; nothing saved. */
  g_assert_false (cl_staff_store_save (f->store, twin, CL_ROLE_ADMIN, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_true (g_hash_table_contains (errors, "username"));
  g_assert_null (cl_store_load_record (f->store, CL_TYPE_STAFF, cl_record_get_id (CL_RECORD (twin)), NULL));
  g_clear_pointer (&errors, g_hash_table_unref);
  g_clear_error (&error);

  /* Only an administrator saves staff. */
  g_assert_false (cl_staff_store_save (f->store, escort, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_clear_error (&error);

  /* The last active administrator stays one, and active. */
  cl_staff_set_active (admin, FALSE);
  g_assert_false (cl_staff_store_save (f->store, admin, CL_ROLE_ADMIN, &errors, &error));
  g_assert_true (g_hash_table_contains (errors, "active"));
  g_clear_pointer (&errors, g_hash_table_unref);
  g_clear_error (&error);
  cl_staff_set_active (admin, TRUE);
  cl_staff_set_roles (admin, only_escort);
  g_assert_false (cl_staff_store_save (f->store, admin, CL_ROLE_ADMIN, &errors, &error));
  g_assert_true (g_hash_table_contains (errors, "roles"));
  g_clear_pointer (&errors, g_hash_table_unref);
  g_clear_error (&error);

  /* With a second one, the first may go. */
  cl_staff_set_roles (escort, both);
  g_assert_true (cl_staff_store_save (f->store, escort, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_staff_store_save (f->store, admin, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cl_store_staff_count_admins (f->store, NULL), ==, 1);
}

/* People read in pinyin order, as the roster sorts them, not in the
 * order of their characters' code points (吴 U+5434 before 张 U+5F20
 * before 曹 U+66F9 before 陈 U+9648 by code point). */
static void
test_pinyin_order (Fixture       *f,
                   gconstpointer  data)
{
  const char *names[][2] = {
    { "wuhui", "吴慧" }, { "zhangling", "张玲" }, { "caojing", "曹静" }, { "chenchen", "陈晨" },
  };
  const char *expected[] = { "曹静", "陈晨", "吴慧", "张玲" };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) escorts = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CLStaff) staff = cl_staff_new (names[i][0], names[i][1], CL_ROLE_ESCORT);
      g_autoptr(GError) error = NULL;

      g_assert_true (cl_staff_store_save (f->store, staff, CL_ROLE_ADMIN, NULL, &error));
      g_assert_no_error (error);
    }

  all = cl_store_staff_list_all (f->store);
  escorts = cl_store_staff_list_escorts (f->store);
  g_assert_cmpuint (escorts->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0, j = 0; i < all->len; i++)
    {
      const char *name = cl_staff_get_display_name (g_ptr_array_index (all, i));

      if (!cl_staff_has_role (g_ptr_array_index (all, i), CL_ROLE_ESCORT))
        continue;
      g_assert_cmpstr (name, ==, expected[j]);
      g_assert_cmpstr (cl_staff_get_display_name (g_ptr_array_index (escorts, j)), ==, expected[j]);
      j++;
    }
}

/* Lists say who did something by name; a user without a staff row
 * (the command line, a system user) by user name. */
static void
test_name_of_user (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CLStaff) staff = cl_staff_new ("wangfang", "王芳", CL_ROLE_ESCORT);
  g_autoptr(GError) error = NULL;
  g_autofree char *named = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *nobody = NULL;

  g_assert_true (cl_staff_store_save (f->store, staff, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  named = cl_staff_store_name_of_user (f->store, "wangfang");
  unknown = cl_staff_store_name_of_user (f->store, "root");
  nobody = cl_staff_store_name_of_user (f->store, NULL);
  g_assert_cmpstr (named, ==, "王芳");
  g_assert_cmpstr (unknown, ==, "root");
  g_assert_cmpstr (nobody, ==, "");
}

static void
test_escort_hours (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CLStaff) escort = add (f, "wangfang", CL_ROLE_ESCORT);
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autofree char *patient_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) escorts = NULL;
  const char *id = cl_record_get_id (CL_RECORD (escort));

  cl_patient_set_name (patient, "张小梅");
  patient_id = cl_test_save (f->store, patient);

  /* Tuesdays 13:00–17:00 only, Wednesdays off. */
  cl_staff_set_day_hours (escort, G_DATE_TUESDAY, 13 * 60, 17 * 60);
  cl_staff_set_day_hours (escort, G_DATE_WEDNESDAY, -1, -1);
  g_assert_true (cl_staff_store_save (f->store, escort, CL_ROLE_ADMIN, NULL, &error));

  for (guint i = 0; i < 2; i++)
    {
      ClScheduleCheckFlags flags = i ? CL_SCHEDULE_CHECK_SERVER : CL_SCHEDULE_CHECK_ALL;
      g_autoptr(CLEscortTask) morning = cl_test_new_task (patient_id, id, at (24, 9, 0), at (24, 10, 0));
      g_autoptr(CLEscortTask) afternoon = cl_test_new_task (patient_id, id, at (24, 14, 0), at (24, 15, 0));
      g_autoptr(CLEscortTask) wednesday = cl_test_new_task (patient_id, id, at (25, 14, 0), at (25, 15, 0));
      g_autoptr(CLEscortTask) thursday = cl_test_new_task (patient_id, id, at (26, 8, 0), at (26, 9, 0));

      g_assert_false (cl_schedule_check_task (f->store, morning, NULL, at (23, 8, 0), flags, NULL, &error));
      g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS);
      g_assert_nonnull (strstr (error->message, "13:00"));
      g_clear_error (&error);
      g_assert_false (cl_schedule_check_task (f->store, wednesday, NULL, at (23, 8, 0), flags, NULL, &error));
      g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS);
      g_clear_error (&error);
      g_assert_true (cl_schedule_check_task (f->store, afternoon, NULL, at (23, 8, 0), flags, NULL, &error));
      g_assert_no_error (error);
      /* Other days keep the default 07:30–17:30. */
      g_assert_true (cl_schedule_check_task (f->store, thursday, NULL, at (23, 8, 0), flags, NULL, &error));
      g_assert_no_error (error);
    }

  /* Deactivated: no new task, not offered, still there. */
  cl_staff_set_active (escort, FALSE);
  g_assert_true (cl_staff_store_save (f->store, escort, CL_ROLE_ADMIN, NULL, &error));
  escorts = cl_store_staff_list_escorts (f->store);
  g_assert_cmpuint (escorts->len, ==, 0);
  {
    g_autoptr(CLEscortTask) task = cl_test_new_task (patient_id, id, at (26, 9, 0), at (26, 10, 0));
    g_autoptr(GPtrArray) all = cl_store_staff_list_all (f->store);

    g_assert_false (cl_schedule_check_task (f->store, task, NULL, at (23, 8, 0), CL_SCHEDULE_CHECK_SERVER, NULL, &error));
    g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ESCORT);
    g_assert_cmpuint (all->len, ==, 1);
  }
}

typedef struct
{
  guint  n;
  char  *detail;
  char  *username;
} AuditSeen;

static void
collect_audit (const CLAuditLine *line,
               gpointer           user_data)
{
  AuditSeen *seen = user_data;

  if (g_strcmp0 (line->action, "staff-roles") != 0)
    return;
  seen->n++;
  g_free (seen->detail);
  seen->detail = g_strdup (line->detail);
  g_free (seen->username);
  seen->username = g_strdup (line->username);
}

static void
test_server_hook (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CLStaff) admin = add (f, "zhaomin", CL_ROLE_ADMIN);
  g_autoptr(CLStaff) changed = CL_STAFF (cl_record_dup (CL_RECORD (admin)));
  g_autoptr(CLStaff) escort = cl_staff_new ("wangfang", "王芳", CL_ROLE_ESCORT);
  const char *roles[] = { CL_ROLE_ESCORT, CL_ROLE_CASE_MANAGER, NULL };
  g_autoptr(GError) error = NULL;
  AuditSeen seen = { 0 };

  /* The last administrator, demoted by a push: refused at the field. */
  cl_staff_set_roles (changed, roles);
  g_assert_false (cl_tables_check_change (f->store, CL_RECORD (changed), CL_RECORD (admin),
                                          "zhaomin", CL_ROLE_ADMIN, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "roles: "));
  g_clear_error (&error);

  /* A bad phone number. */
  g_object_set (escort, "phone", "12345", NULL);
  g_assert_false (cl_tables_check_change (f->store, CL_RECORD (escort), NULL,
                                          "zhaomin", CL_ROLE_ADMIN, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "phone: "));
  g_clear_error (&error);

  /* A new escort: audited with who gave the roles. */
  g_object_set (escort, "phone", "13900139000", NULL);
  g_assert_true (cl_tables_check_change (f->store, CL_RECORD (escort), NULL,
                                         "zhaomin", CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_read_audit (f->store, NULL, collect_audit, &seen, &error));
  g_assert_cmpuint (seen.n, ==, 1);
  g_assert_cmpstr (seen.username, ==, "zhaomin");
  g_assert_cmpstr (seen.detail, ==, "wangfang: - → escort");
  g_free (seen.detail);
  g_free (seen.username);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/staff/roles", test_roles);
  g_test_add_func ("/staff/hours", test_hours);
  g_test_add_func ("/staff/fields", test_fields);
  g_test_add ("/staff/store-rules", Fixture, NULL, fixture_set_up, test_store_rules, fixture_tear_down);
  g_test_add ("/staff/pinyin-order", Fixture, NULL, fixture_set_up, test_pinyin_order, fixture_tear_down);
  g_test_add ("/staff/name-of-user", Fixture, NULL, fixture_set_up, test_name_of_user, fixture_tear_down);
  g_test_add ("/staff/escort-hours", Fixture, NULL, fixture_set_up, test_escort_hours, fixture_tear_down);
  g_test_add ("/staff/server-hook", Fixture, NULL, fixture_set_up, test_server_hook, fixture_tear_down);

  return g_test_run ();
}
