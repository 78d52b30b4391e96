#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <json-glib/json-glib.h>

#include "cl-directory-keys.h"
#include "cl-store-directory.h"
#include "cl-store-private.h"

/* The keys read per kind: a one-letter query matches thousands, and
 * sorting them all by pinyin for the first 20 would cost more than a
 * keystroke; a longer one, which the desk types next, is exact. */
#define CANDIDATES "400"

/* Morning, afternoon, evening, as stored. */
#define HALF_DAY_ORDER \
  "CASE half_day WHEN 'morning' THEN 0 WHEN 'afternoon' THEN 1 ELSE 2 END"

GPtrArray *
cl_store_departments (CLStore  *store,
                      gboolean  active_only)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_DEPARTMENT,
                                 active_only
                                 ? "deleted = 0 AND active = 1 ORDER BY name COLLATE pinyin, id"
                                 : "deleted = 0 ORDER BY active DESC, name COLLATE pinyin, id",
                                 NULL);
}

char *
cl_store_department_named (CLStore    *store,
                           const char *name,
                           const char *except_id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  found = cl_store_query_records (store, CL_TYPE_DEPARTMENT,
                                  "deleted = 0 AND name = ?1 AND id <> ?2 LIMIT 1",
                                  name ? name : "", except_id ? except_id : "", NULL);
  if (found->len == 0)
    return NULL;
  return g_strdup (cl_record_get_id (g_ptr_array_index (found, 0)));
}

GPtrArray *
cl_store_doctors (CLStore  *store,
                  gboolean  active_only)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_DOCTOR,
                                 active_only
                                 ? "deleted = 0 AND active = 1 ORDER BY name COLLATE pinyin, id"
                                 : "deleted = 0 ORDER BY active DESC, name COLLATE pinyin, id",
                                 NULL);
}

GPtrArray *
cl_store_doctor_sessions (CLStore    *store,
                          const char *doctor_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_DOCTOR_SESSION,
                                 "deleted = 0 AND doctor_id = ?1"
                                 " ORDER BY weekday, " HALF_DAY_ORDER ", id",
                                 doctor_id ? doctor_id : "", NULL);
}

GPtrArray *
cl_store_sessions_on (CLStore    *store,
                      const char *iso_date,
                      gint        weekday)
{
  g_autofree char *day = g_strdup_printf ("%d", weekday);

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (iso_date != NULL, NULL);

  /* doctor_session_day finds the day's few rows. */
  return cl_store_query_records (store, CL_TYPE_DOCTOR_SESSION,
                                 "deleted = 0 AND weekday = CAST (?1 AS INTEGER)"
                                 " AND coalesce (valid_from, '') <= ?2"
                                 " AND (coalesce (valid_until, '') = '' OR valid_until >= ?2)"
                                 " AND EXISTS (SELECT 1 FROM doctor WHERE doctor.id = doctor_session.doctor_id"
                                 "  AND doctor.deleted = 0 AND doctor.active = 1)"
                                 " ORDER BY " HALF_DAY_ORDER ", room, id",
                                 day, iso_date, NULL);
}

GPtrArray *
cl_store_session_checks_on (CLStore    *store,
                            const char *iso_date)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_SESSION_CHECK,
                                 "deleted = 0 AND date = ?1 ORDER BY marked_at, id",
                                 iso_date ? iso_date : "", NULL);
}

char *
cl_store_session_check_for (CLStore    *store,
                            const char *session_id,
                            const char *iso_date,
                            const char *except_id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  found = cl_store_query_records (store, CL_TYPE_SESSION_CHECK,
                                  "deleted = 0 AND date = ?1 AND session_id = ?2 AND id <> ?3 LIMIT 1",
                                  iso_date ? iso_date : "", session_id ? session_id : "",
                                  except_id ? except_id : "", NULL);
  if (found->len == 0)
    return NULL;
  return g_strdup (cl_record_get_id (g_ptr_array_index (found, 0)));
}

GPtrArray *
cl_store_service_prices (CLStore  *store,
                         gboolean  active_only)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_SERVICE_PRICE,
                                 active_only
                                 ? "deleted = 0 AND active = 1 ORDER BY code, name COLLATE pinyin, id"
                                 : "deleted = 0 ORDER BY active DESC, code, name COLLATE pinyin, id",
                                 NULL);
}

GPtrArray *
cl_store_procedure_guides (CLStore  *store,
                           gboolean  active_only)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* The seeded ones' ids sort in the order they were written. */
  return cl_store_query_records (store, CL_TYPE_PROCEDURE_GUIDE,
                                 active_only
                                 ? "deleted = 0 AND active = 1 ORDER BY updated_at, id"
                                 : "deleted = 0 ORDER BY active DESC, updated_at, id",
                                 NULL);
}

GPtrArray *
cl_store_directory_search (CLStore    *store,
                           const char *key,
                           guint       limit)
{
  static const struct { GType (*type) (void); const char *condition; } kinds[] = {
    { cl_department_get_type,
      "deleted = 0 AND active = 1 AND id IN (SELECT record_id FROM directory_key"
      " WHERE key >= ?1 AND key < ?2 AND kind = 'department' LIMIT " CANDIDATES ")"
      " ORDER BY name COLLATE pinyin, id LIMIT CAST (?3 AS INTEGER)" },
    { cl_doctor_get_type,
      "deleted = 0 AND active = 1 AND id IN (SELECT record_id FROM directory_key"
      " WHERE key >= ?1 AND key < ?2 AND kind = 'doctor' LIMIT " CANDIDATES ")"
      " ORDER BY name COLLATE pinyin, id LIMIT CAST (?3 AS INTEGER)" },
    { cl_service_price_get_type,
      "deleted = 0 AND active = 1 AND id IN (SELECT record_id FROM directory_key"
      " WHERE key >= ?1 AND key < ?2 AND kind = 'service_price' LIMIT " CANDIDATES ")"
      " ORDER BY code, name COLLATE pinyin, id LIMIT CAST (?3 AS INTEGER)" },
    { cl_procedure_guide_get_type,
      "deleted = 0 AND active = 1 AND id IN (SELECT record_id FROM directory_key"
      " WHERE key >= ?1 AND key < ?2 AND kind = 'procedure_guide' LIMIT " CANDIDATES ")"
      " ORDER BY updated_at, id LIMIT CAST (?3 AS INTEGER)" },
  };
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *upper = NULL;
  g_autofree char *n = g_strdup_printf ("%u", limit);

  g_return_val_if_fail (CL_IS_STORE (store), found);

  if (key == NULL || *key == '\0')
    return found;
  /* U+10FFFF sorts after every character a key can hold. */
  upper = g_strconcat (key, "\xf4\x8f\xbf\xbf", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GPtrArray) some = cl_store_query_records (store, kinds[i].type (), kinds[i].condition,
                                                          key, upper, n, NULL);

      for (guint j = 0; j < some->len; j++)
        g_ptr_array_add (found, g_object_ref (g_ptr_array_index (some, j)));
    }
  return found;
}

/* cl_directory_keys (text, …): the keys as a JSON array, for the
 * triggers of migration 22 to read with json_each(). */
static void
directory_keys_function (sqlite3_context *context,
                         int              argc,
                         sqlite3_value  **argv)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  for (int i = 0; i < argc; i++)
    if (sqlite3_value_type (argv[i]) == SQLITE_TEXT)
      g_ptr_array_add (texts, (gpointer) sqlite3_value_text (argv[i]));
  g_ptr_array_add (texts, NULL);
  keys = cl_directory_keys ((const char * const *) texts->pdata);

  json_builder_begin_array (builder);
  for (guint i = 0; i < keys->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (keys, i));
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  sqlite3_result_text (context, json_to_string (root, FALSE), -1, g_free);
}

int
cl_store_register_directory_functions (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "cl_directory_keys", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                     NULL, directory_keys_function, NULL, NULL, NULL);
}
