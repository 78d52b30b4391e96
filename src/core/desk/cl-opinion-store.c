#define G_LOG_DOMAIN "cl-opinion-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-complaint.h"
#include "cl-date.h"
#include "cl-department.h"
#include "cl-opinion-store.h"
#include "cl-schedule.h"
#include "cl-store-save.h"
#include "cl-util.h"

/* Today at the desk or the server, by the same clock as every other
 * rule (cl_schedule_now()). */
static void
today_of_clock (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (cl_schedule_now ());

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
merge (GHashTable *into,
       GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (into, key))
      g_hash_table_insert (into, g_strdup (key), g_strdup (value));
}

void
cl_opinion_store_validate (CLStore        *store,
                           CLOpinionEntry *entry,
                           GHashTable     *errors)
{
  g_autoptr(GHashTable) own = NULL;
  const char *department_id, *complaint_id;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_OPINION_ENTRY (entry));

  own = cl_opinion_entry_validate (entry);
  merge (errors, own);
  department_id = cl_opinion_entry_get_department_id (entry);
  complaint_id = cl_opinion_entry_get_complaint_id (entry);
  if (!cl_str_empty (department_id) && !cl_store_has_live (store, CL_TYPE_DEPARTMENT, department_id)
      && !g_hash_table_contains (errors, "department_id"))
    g_hash_table_insert (errors, g_strdup ("department_id"),
                         g_strdup (_("Choose a department from the hospital’s list")));
  if (!cl_str_empty (complaint_id) && !cl_store_has_live (store, CL_TYPE_COMPLAINT, complaint_id)
      && !g_hash_table_contains (errors, "complaint_id"))
    g_hash_table_insert (errors, g_strdup ("complaint_id"), g_strdup (_("There is no such complaint ticket")));
}

gboolean
cl_opinion_store_save (CLStore         *store,
                       CLOpinionEntry  *entry,
                       const char      *role,
                       GHashTable     **field_errors,
                       GError         **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GDate today;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_OPINION_ENTRY (entry), FALSE);

  cl_opinion_store_validate (store, entry, errors);
  today_of_clock (&today);
  cl_opinion_entry_check_day (entry, &today, errors);
  return cl_store_save_checked (store, CL_RECORD (entry), role, errors, field_errors, error);
}

gboolean
cl_opinion_store_link_complaint (CLStore        *store,
                                 CLOpinionEntry *entry,
                                 const char     *complaint_id,
                                 const char     *role,
                                 GError        **error)
{
  g_autoptr(CLOpinionEntry) linked = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_OPINION_ENTRY (entry), FALSE);

  linked = CL_OPINION_ENTRY (cl_record_dup (CL_RECORD (entry)));
  cl_opinion_entry_set_kind (linked, "complaint");
  cl_opinion_entry_set_complaint_id (linked, complaint_id);
  if (!cl_opinion_store_save (store, linked, role, NULL, error))
    return FALSE;
  cl_record_assign (CL_RECORD (entry), CL_RECORD (linked));
  return TRUE;
}

gboolean
cl_opinion_store_check_change (CLStore     *store,
                               CLRecord    *incoming,
                               CLRecord    *current,
                               const char  *username,
                               const char  *role,
                               CLRecord   **conflict,
                               GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GDate today;

  g_return_val_if_fail (CL_IS_OPINION_ENTRY (incoming), FALSE);

  /* A tombstone is the table's permission's business. */
  if (cl_record_get_deleted (incoming))
    return TRUE;
  today_of_clock (&today);
  cl_opinion_entry_check_day (CL_OPINION_ENTRY (incoming), &today, errors);
  if (g_hash_table_size (errors) == 0)
    return TRUE;
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "date: %s",
               (const char *) g_hash_table_lookup (errors, "date"));
  return FALSE;
}
