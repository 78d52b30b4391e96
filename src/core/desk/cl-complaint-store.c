#define G_LOG_DOMAIN "cl-complaint-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-complaint-store.h"
#include "cl-department.h"
#include "cl-desk-setting.h"
#include "cl-desk-store.h"
#include "cl-store-save.h"
#include "cl-util.h"

gint64
cl_complaint_store_hours (CLStore    *store,
                          const char *severity)
{
  CLComplaintSeverity value;

  g_return_val_if_fail (CL_IS_STORE (store), 0);

  if (!cl_complaint_severity_from_string (severity, &value))
    return 0;
  return cl_desk_settings_get_int (store, cl_complaint_hours_key (value));
}

void
cl_complaint_store_promise (CLStore     *store,
                            CLComplaint *complaint)
{
  gint64 hours;

  g_return_if_fail (CL_IS_COMPLAINT (complaint));

  hours = cl_complaint_store_hours (store, cl_complaint_get_severity (complaint));
  if (hours > 0)
    cl_complaint_set_promised_at (complaint, cl_complaint_get_opened_at (complaint) + hours * 3600);
}

CLComplaint *
cl_complaint_new_from_contact (CLContact  *contact,
                               gint64      now,
                               const char *owner_id)
{
  CLComplaint *complaint;

  g_return_val_if_fail (CL_IS_CONTACT (contact), NULL);

  complaint = cl_complaint_new (now, owner_id);
  cl_complaint_set_contact_id (complaint, cl_record_get_id (CL_RECORD (contact)));
  cl_complaint_set_complainant_name (complaint, cl_contact_get_caller_name (contact));
  cl_complaint_set_complainant_phone (complaint, cl_contact_get_caller_phone (contact));
  cl_complaint_set_patient_id (complaint, cl_contact_get_patient_id (contact));
  cl_complaint_set_description (complaint, cl_contact_get_summary (contact));
  return complaint;
}

void
cl_complaint_step (CLComplaint      *complaint,
                   CLComplaintState  state,
                   gint64            now,
                   const char       *actor_id)
{
  g_return_if_fail (CL_IS_COMPLAINT (complaint));
  g_return_if_fail (state < CL_COMPLAINT_N_STATES);

  if (state >= CL_COMPLAINT_STATE_IN_PROGRESS && cl_complaint_get_started_at (complaint) == 0)
    cl_complaint_set_started_at (complaint, now);
  if (state >= CL_COMPLAINT_STATE_RESOLVED && cl_complaint_get_resolved_at (complaint) == 0)
    {
      cl_complaint_set_resolved_at (complaint, now);
      cl_complaint_set_resolved_by (complaint, actor_id);
    }
  if (state == CL_COMPLAINT_STATE_CLOSED && cl_complaint_get_closed_at (complaint) == 0)
    {
      cl_complaint_set_closed_at (complaint, MAX (now, cl_complaint_get_resolved_at (complaint)));
      cl_complaint_set_closed_by (complaint, actor_id);
    }
  cl_complaint_set_state (complaint, cl_complaint_state_to_string (state));
}

void
cl_complaint_settle_on_spot (CLComplaint *complaint,
                             const char  *actor_id)
{
  g_return_if_fail (CL_IS_COMPLAINT (complaint));

  /* Every step up to resolved is its opening. */
  cl_complaint_set_settled_on_spot (complaint, TRUE);
  cl_complaint_step (complaint, CL_COMPLAINT_STATE_RESOLVED, cl_complaint_get_opened_at (complaint), actor_id);
}

void
cl_complaint_store_validate (CLStore     *store,
                             CLComplaint *complaint,
                             GHashTable  *errors)
{
  g_autoptr(GHashTable) own = NULL;
  GHashTableIter iter;
  gpointer column, message;
  const char *department_id;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_COMPLAINT (complaint));

  own = cl_complaint_validate (complaint);
  g_hash_table_iter_init (&iter, own);
  while (g_hash_table_iter_next (&iter, &column, &message))
    if (!g_hash_table_contains (errors, column))
      g_hash_table_insert (errors, g_strdup (column), g_strdup (message));

  /* A department switched off still reads, so a ticket about it may
   * still be worked on; one that never was is a mistake. */
  department_id = cl_complaint_get_department_id (complaint);
  if (!cl_str_empty (department_id) && !g_hash_table_contains (errors, "department_id") &&
      !cl_store_has_live (store, CL_TYPE_DEPARTMENT, department_id))
    g_hash_table_insert (errors, g_strdup ("department_id"), g_strdup (_("There is no such department")));
}

void
cl_complaint_store_check (CLStore     *store,
                          CLComplaint *complaint,
                          const char  *role,
                          const char  *actor_id,
                          GHashTable  *errors)
{
  g_autoptr(CLRecord) current = NULL;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_COMPLAINT (complaint));

  cl_complaint_store_validate (store, complaint, errors);
  current = cl_store_load_record (store, CL_TYPE_COMPLAINT, cl_record_get_id (CL_RECORD (complaint)), NULL);
  cl_complaint_check_change (complaint, current ? CL_COMPLAINT (current) : NULL, actor_id, role,
                             cl_complaint_store_hours (store, cl_complaint_get_severity (complaint)), errors);
}

gboolean
cl_complaint_store_save (CLStore      *store,
                         CLComplaint  *complaint,
                         const char   *role,
                         const char   *actor_id,
                         GHashTable  **field_errors,
                         GError      **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_COMPLAINT (complaint), FALSE);

  cl_complaint_store_check (store, complaint, role, actor_id, errors);
  return cl_store_save_checked (store, CL_RECORD (complaint), role, errors, field_errors, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

gboolean
cl_complaint_store_check_change (CLStore     *store,
                                 CLRecord    *incoming,
                                 CLRecord    *current,
                                 const char  *username,
                                 const char  *role,
                                 CLRecord   **conflict,
                                 GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *actor_id = NULL;
  g_autofree gpointer *fields = NULL;
  guint n;

  g_return_val_if_fail (CL_IS_COMPLAINT (incoming), FALSE);

  /* A tombstone is the table's permission's business. */
  if (cl_record_get_deleted (incoming))
    return TRUE;
  actor_id = cl_desk_store_actor_id (store, username);
  cl_complaint_check_change (CL_COMPLAINT (incoming), current ? CL_COMPLAINT (current) : NULL, actor_id, role,
                             cl_complaint_store_hours (store, cl_complaint_get_severity (CL_COMPLAINT (incoming))),
                             errors);
  fields = g_hash_table_get_keys_as_array (errors, &n);
  if (n == 0)
    return TRUE;
  qsort (fields, n, sizeof (gpointer), compare_strings);
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "%s: %s", (const char *) fields[0],
               (const char *) g_hash_table_lookup (errors, fields[0]));
  return FALSE;
}
