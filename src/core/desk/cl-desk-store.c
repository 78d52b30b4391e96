#define G_LOG_DOMAIN "cl-desk-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-desk-store.h"
#include "cl-schedule.h"
#include "cl-store-staff.h"
#include "cl-tables.h"
#include "cl-util.h"

char *
cl_desk_store_actor_id (CLStore    *store,
                        const char *username)
{
  char *id;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (cl_str_empty (username))
    return NULL;
  id = cl_store_staff_find_username (store, username);
  return id ? id : g_strdup (username);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The first field's message, by field name, so the same record always
 * gets the same answer. */
static const char *
first_field (GHashTable *errors)
{
  g_autofree gpointer *fields = NULL;
  guint n;

  fields = g_hash_table_get_keys_as_array (errors, &n);
  qsort (fields, n, sizeof (gpointer), compare_strings);
  return n ? fields[0] : NULL;
}

/* Every rule of @contact over the stored version: column → message. */
static GHashTable *
check (CLStore    *store,
       CLContact  *contact,
       CLContact  *current,
       const char *role,
       const char *actor_id)
{
  GHashTable *errors = cl_contact_validate (contact);

  cl_contact_check_change (contact, current, cl_schedule_now (), actor_id, role, errors);
  return errors;
}

gboolean
cl_desk_store_save (CLStore     *store,
                    CLContact   *contact,
                    const char  *role,
                    const char  *actor_id,
                    GHashTable **field_errors,
                    GError     **error)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(CLContact) copy = NULL;
  g_autoptr(CLRecord) current = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_CONTACT (contact), FALSE);

  if (!cl_tables_can_write (role, "contact"))
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           _("Your role may not make this change; nothing was saved"));
      return FALSE;
    }

  current = cl_store_load_record (store, CL_TYPE_CONTACT, cl_record_get_id (CL_RECORD (contact)), NULL);
  errors = check (store, contact, current ? CL_CONTACT (current) : NULL, role, actor_id);
  if (g_hash_table_size (errors) > 0)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           g_hash_table_size (errors) == 1
                           ? g_hash_table_lookup (errors, first_field (errors))
                           : _("Some fields need attention before saving"));
      if (field_errors)
        *field_errors = g_steal_pointer (&errors);
      return FALSE;
    }

  /* Written from a copy: a failed write leaves the caller's as it was. */
  copy = CL_CONTACT (cl_record_dup (CL_RECORD (contact)));
  if (!cl_store_save_record (store, CL_RECORD (copy), error))
    return FALSE;
  cl_record_assign (CL_RECORD (contact), CL_RECORD (copy));
  return TRUE;
}

gboolean
cl_desk_store_close (CLStore     *store,
                     CLContact   *contact,
                     const char  *note,
                     const char  *role,
                     const char  *actor_id,
                     GHashTable **field_errors,
                     GError     **error)
{
  g_autoptr(CLContact) closed = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_CONTACT (contact), FALSE);

  closed = CL_CONTACT (cl_record_dup (CL_RECORD (contact)));
  cl_contact_set_state (closed, cl_contact_state_to_string (CL_CONTACT_STATE_CLOSED));
  cl_contact_set_closed_at (closed, cl_schedule_now ());
  cl_contact_set_closed_by (closed, actor_id);
  cl_contact_set_close_note (closed, note);
  if (!cl_desk_store_save (store, closed, role, actor_id, field_errors, error))
    return FALSE;
  cl_record_assign (CL_RECORD (contact), CL_RECORD (closed));
  return TRUE;
}

gboolean
cl_desk_store_check_change (CLStore     *store,
                            CLRecord    *incoming,
                            CLRecord    *current,
                            const char  *username,
                            const char  *role,
                            CLRecord   **conflict,
                            GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *actor_id = NULL;
  const char *field;

  g_return_val_if_fail (CL_IS_CONTACT (incoming), FALSE);

  /* A tombstone is the table's permission's business. */
  if (cl_record_get_deleted (incoming))
    return TRUE;
  actor_id = cl_desk_store_actor_id (store, username);
  cl_contact_check_change (CL_CONTACT (incoming), current ? CL_CONTACT (current) : NULL,
                           cl_schedule_now (), actor_id, role, errors);
  if ((field = first_field (errors)) == NULL)
    return TRUE;
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "%s: %s", field,
               (const char *) g_hash_table_lookup (errors, field));
  return FALSE;
}
