/* test-directory-store.c
 *
 * The hospital's departments in a real SQLite file: a name is needed
 * and no two live departments share one; only an administrator keeps
 * the list, and a refused save writes nothing; a closed department is
 * kept, out of the open list; the list reads in pinyin order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-directory-store.h"
#include "cl-staff.h"
#include "cl-store-directory.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

static CLDepartment *
department_new (const char *name)
{
  CLDepartment *department = cl_department_new ();

  cl_department_set_name (department, name);
  return department;
}

static void
test_rules (CLTestStoreFixture *f,
            gconstpointer       data)
{
  g_autoptr(CLDepartment) empty = department_new ("  ");
  g_autoptr(CLDepartment) obstetrics = department_new (" 产科门诊 ");
  g_autoptr(CLDepartment) twin = department_new ("产科门诊");
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_directory_store_save_department (f->store, empty, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_true (g_hash_table_contains (field_errors, "name"));
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  /* Only an administrator keeps the directory. */
  g_assert_false (cl_directory_store_save_department (f->store, obstetrics, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  all = cl_store_departments (f->store, FALSE);
  g_assert_cmpuint (all->len, ==, 0);
  g_clear_pointer (&all, g_ptr_array_unref);

  g_assert_true (cl_directory_store_save_department (f->store, obstetrics, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_department_get_name (obstetrics), ==, "产科门诊");
  all = cl_store_departments (f->store, FALSE);
  g_assert_cmpuint (all->len, ==, 1);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* The same name twice would make a complaint's department a guess. */
  g_assert_false (cl_directory_store_save_department (f->store, twin, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_true (g_hash_table_contains (field_errors, "name"));
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  /* Saving it again under its own name is no clash. */
  cl_department_set_room (obstetrics, "305");
  g_assert_true (cl_directory_store_save_department (f->store, obstetrics, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
}

static void
test_list (CLTestStoreFixture *f,
           gconstpointer       data)
{
  static const char * const names[] = { "妇科", "儿科", "产科门诊", "超声科" };
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CLDepartment) department = department_new (names[i]);

      if (i == 1)
        cl_department_set_active (department, FALSE);
      if (i == 2)
        {
          cl_department_set_building (department, "门诊楼");
          cl_department_set_floor (department, "3");
          cl_department_set_room (department, "305");
          location = cl_department_dup_location (department);
        }
      g_assert_true (cl_directory_store_save_department (f->store, department, CL_ROLE_ADMIN, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (location, ==, "门诊楼, 3F, Room 305");

  open = cl_store_departments (f->store, TRUE);
  g_assert_cmpuint (open->len, ==, 3);
  /* Pinyin: chan, chao, fu; code points would put 妇 before 超. */
  g_assert_cmpstr (cl_department_get_name (g_ptr_array_index (open, 0)), ==, "产科门诊");
  g_assert_cmpstr (cl_department_get_name (g_ptr_array_index (open, 1)), ==, "超声科");
  g_assert_cmpstr (cl_department_get_name (g_ptr_array_index (open, 2)), ==, "妇科");
  all = cl_store_departments (f->store, FALSE);
  g_assert_cmpuint (all->len, ==, 4);
  /* The closed one last, still there. */
  g_assert_cmpstr (cl_department_get_name (g_ptr_array_index (all, 3)), ==, "儿科");
  g_assert_false (cl_department_get_active (g_ptr_array_index (all, 3)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cl_test_store_add ("/directory/department/rules", test_rules);
  cl_test_store_add ("/directory/department/list", test_list);
  return g_test_run ();
}
