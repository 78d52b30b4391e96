/* test-desk-settings.c
 *
 * The service desk's settings in a real SQLite file: a default until an
 * administrator sets one; only a known key, a whole number within its
 * range and an administrator are accepted, and a refusal writes
 * nothing; setting a key again updates its one record, whose id
 * follows from the key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-desk-setting.h"
#include "cl-staff.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

#define LIMIT "critical.limit_minutes"

static void
test_default_and_set (CLTestStoreFixture *f,
                      gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cl_desk_setting_id_for_key (LIMIT);
  g_autofree char *again = cl_desk_setting_id_for_key (LIMIT);
  g_autofree char *other = cl_desk_setting_id_for_key ("complaint.hours.minor");
  g_autoptr(CLRecord) record = NULL;

  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (id, ==, again);
  g_assert_cmpstr (id, !=, other);

  g_assert_cmpint (cl_desk_settings_get_int (f->store, LIMIT), ==, 15);

  g_assert_true (cl_desk_settings_set_int (f->store, LIMIT, 20, CL_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_desk_settings_get_int (f->store, LIMIT), ==, 20);
  g_assert_true (cl_desk_settings_set_int (f->store, LIMIT, 10, CL_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_desk_settings_get_int (f->store, LIMIT), ==, 10);
  record = cl_store_load_record (f->store, CL_TYPE_DESK_SETTING, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_cmpstr (cl_desk_setting_get_value (CL_DESK_SETTING (record)), ==, "10");
}

static void
test_refused (CLTestStoreFixture *f,
              gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CLDeskSetting) unknown = cl_desk_setting_new ("complaint.nonsense");
  g_autoptr(CLDeskSetting) forged = cl_desk_setting_new (LIMIT);
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *id = cl_desk_setting_id_for_key (LIMIT);

  /* Out of range either way, and not an administrator. */
  g_assert_false (cl_desk_settings_set_int (f->store, LIMIT, 0, CL_ROLE_ADMIN, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1"));
  g_assert_nonnull (strstr (error->message, "120"));
  g_clear_error (&error);
  g_assert_false (cl_desk_settings_set_int (f->store, LIMIT, 121, CL_ROLE_ADMIN, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_desk_settings_set_int (f->store, LIMIT, 30, CL_ROLE_SERVICE_DESK, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cl_desk_settings_get_int (f->store, LIMIT), ==, 15);

  cl_desk_setting_set_value (unknown, "5");
  errors = cl_desk_setting_validate (unknown);
  g_assert_true (g_hash_table_contains (errors, "key"));
  g_clear_pointer (&errors, g_hash_table_unref);

  /* A record for the key under another id would be a second value. */
  cl_record_set_id (CL_RECORD (forged), "e1000000-0000-0000-0000-000000000300");
  cl_desk_setting_set_value (forged, "5");
  errors = cl_desk_setting_validate (forged);
  g_assert_true (g_hash_table_contains (errors, "key"));
  g_clear_pointer (&errors, g_hash_table_unref);

  cl_record_set_id (CL_RECORD (forged), id);
  cl_desk_setting_set_value (forged, "15 minutes");
  errors = cl_desk_setting_validate (forged);
  g_assert_true (g_hash_table_contains (errors, "value"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cl_test_store_add ("/desk-settings/default-and-set", test_default_and_set);
  cl_test_store_add ("/desk-settings/refused", test_refused);
  return g_test_run ();
}
