#define G_LOG_DOMAIN "cl-duty-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-desk-setting.h"
#include "cl-duty-store.h"
#include "cl-staff.h"
#include "cl-store-duty.h"
#include "cl-store-save.h"
#include "cl-util.h"

void
cl_duty_store_rules (CLStore     *store,
                     CLDutyRules *rules)
{
  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (rules != NULL);

  rules->early_lead = cl_desk_settings_get_int (store, CL_DUTY_EARLY_KEY);
  rules->late_tail = cl_desk_settings_get_int (store, CL_DUTY_LATE_KEY);
  rules->week_minutes = cl_desk_settings_get_int (store, CL_DUTY_WEEK_KEY) * 60;
}

gboolean
cl_duty_store_save_post (CLStore     *store,
                         CLDutyPost  *post,
                         const char  *role,
                         GHashTable **field_errors,
                         GError     **error)
{
  g_autoptr(GHashTable) errors = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DUTY_POST (post), FALSE);

  errors = cl_duty_post_validate (post);
  return cl_store_save_checked (store, CL_RECORD (post), role, errors, field_errors, error);
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

void
cl_duty_store_validate_assignment (CLStore          *store,
                                   CLDutyAssignment *assignment,
                                   GHashTable       *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLStaff) staff = NULL;
  const char *staff_id, *post_id;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_DUTY_ASSIGNMENT (assignment));
  g_return_if_fail (errors != NULL);

  own = cl_duty_assignment_validate (assignment);
  g_hash_table_iter_init (&iter, own);
  while (g_hash_table_iter_next (&iter, &key, &value))
    refuse (errors, key, value);

  staff_id = cl_duty_assignment_get_staff_id (assignment);
  post_id = cl_duty_assignment_get_post_id (assignment);
  if (!cl_str_empty (staff_id))
    {
      staff = cl_store_load_live (store, CL_TYPE_STAFF, staff_id);
      if (staff == NULL)
        refuse (errors, "staff_id", _("There is no such member of staff"));
      else if (!cl_staff_get_active (staff))
        refuse (errors, "staff_id", _("This person no longer works here"));
    }
  if (!cl_str_empty (post_id) && !cl_store_has_live (store, CL_TYPE_DUTY_POST, post_id))
    refuse (errors, "post_id", _("There is no such post"));
}

gboolean
cl_duty_store_save_assignment (CLStore           *store,
                               CLDutyAssignment  *assignment,
                               const char        *role,
                               GHashTable       **field_errors,
                               GError           **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DUTY_ASSIGNMENT (assignment), FALSE);

  cl_duty_store_validate_assignment (store, assignment, errors);
  return cl_store_save_checked (store, CL_RECORD (assignment), role, errors, field_errors, error);
}

gboolean
cl_duty_store_clear_assignment (CLStore           *store,
                                CLDutyAssignment  *assignment,
                                const char        *role,
                                GError           **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DUTY_ASSIGNMENT (assignment), FALSE);

  if (cl_store_refuse_role (role, "duty_assignment", error))
    return FALSE;
  return cl_store_delete_record (store, CL_RECORD (assignment), error);
}

/* Inside a transaction: tombstones for everything @staff_id has on
 * @day. */
static gboolean
clear_in_transaction (CLStore    *store,
                      const char *staff_id,
                      const char *day,
                      GError    **error)
{
  g_autoptr(GPtrArray) cell = cl_store_duty_assignments_of (store, staff_id, day);

  for (guint i = 0; i < cell->len; i++)
    {
      CLRecord *record = g_ptr_array_index (cell, i);

      cl_record_set_deleted (record, TRUE);
      if (!cl_store_write_record (store, record, 0, error))
        return FALSE;
    }
  return TRUE;
}

/* Inside a transaction: @assignment's rules, then its write. */
static gboolean
write_checked (CLStore           *store,
               CLDutyAssignment  *assignment,
               GHashTable       **field_errors,
               GError           **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  cl_duty_store_validate_assignment (store, assignment, errors);
  if (!cl_store_accept_errors (errors, field_errors, error))
    return FALSE;
  return cl_store_write_record (store, CL_RECORD (assignment), 0, error);
}

gboolean
cl_duty_store_set_cell (CLStore     *store,
                        const char  *staff_id,
                        const char  *day,
                        const char  *post_id,
                        const char  *shift,
                        const char  *role,
                        GHashTable **field_errors,
                        GError     **error)
{
  g_autoptr(CLDutyAssignment) assignment = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (cl_store_refuse_role (role, "duty_assignment", error))
    return FALSE;
  assignment = cl_duty_assignment_new (staff_id, day, post_id, shift);
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!clear_in_transaction (store, staff_id, day, error)
      || !write_checked (store, assignment, field_errors, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  return cl_store_commit (store, error);
}

gboolean
cl_duty_store_clear_cell (CLStore     *store,
                          const char  *staff_id,
                          const char  *day,
                          const char  *role,
                          GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (cl_store_refuse_role (role, "duty_assignment", error))
    return FALSE;
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!clear_in_transaction (store, staff_id, day, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  return cl_store_commit (store, error);
}

gboolean
cl_duty_store_move_cell (CLStore     *store,
                         const char  *from_staff,
                         const char  *from_day,
                         const char  *to_staff,
                         const char  *to_day,
                         gboolean     copy,
                         const char  *role,
                         GError     **error)
{
  g_autoptr(GPtrArray) cell = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (cl_store_refuse_role (role, "duty_assignment", error))
    return FALSE;
  if (g_strcmp0 (from_staff, to_staff) == 0 && g_strcmp0 (from_day, to_day) == 0)
    return TRUE;
  if (!cl_store_begin (store, error))
    return FALSE;
  cell = cl_store_duty_assignments_of (store, from_staff, from_day);
  if (cell->len > 0 && !clear_in_transaction (store, to_staff, to_day, error))
    goto failed;
  for (guint i = 0; i < cell->len; i++)
    {
      CLDutyAssignment *from = g_ptr_array_index (cell, i);
      g_autoptr(CLDutyAssignment) to = NULL;

      if (copy)
        to = cl_duty_assignment_new (to_staff, to_day, cl_duty_assignment_get_post_id (from),
                                     cl_duty_assignment_get_shift (from));
      else
        {
          /* The same record moved, so another desk sees a move. */
          to = g_object_ref (from);
          cl_duty_assignment_set_staff_id (to, to_staff);
          cl_duty_assignment_set_day (to, to_day);
        }
      if (!write_checked (store, to, NULL, error))
        goto failed;
    }
  return cl_store_commit (store, error);

failed:
  cl_store_rollback (store);
  return FALSE;
}

void
cl_duty_week_monday (const GDate *day,
                     GDate       *monday)
{
  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (monday != NULL);

  *monday = *day;
  g_date_subtract_days (monday, g_date_get_weekday (day) - G_DATE_MONDAY);
}

static char *
iso_plus (const GDate *day,
          gint         days)
{
  GDate d = *day;

  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return cl_date_to_iso (&d);
}

gboolean
cl_duty_store_copy_last_week (CLStore     *store,
                              const GDate *monday,
                              const char  *role,
                              guint       *copied,
                              GError     **error)
{
  g_autofree char *from = NULL, *to = NULL, *first = NULL, *last = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (monday != NULL && g_date_valid (monday), FALSE);

  if (copied)
    *copied = 0;
  if (cl_store_refuse_role (role, "duty_assignment", error))
    return FALSE;
  from = iso_plus (monday, -7);
  to = iso_plus (monday, -1);
  first = iso_plus (monday, 0);
  last = iso_plus (monday, 6);

  if (!cl_store_begin (store, error))
    return FALSE;
  before = cl_store_duty_assignments (store, from, to);
  now = cl_store_duty_assignments (store, first, last);
  /* A day someone already has is theirs as it stands. */
  for (guint i = 0; i < now->len; i++)
    {
      CLDutyAssignment *a = g_ptr_array_index (now, i);

      g_hash_table_add (taken, g_strconcat (cl_duty_assignment_get_staff_id (a), " ",
                                            cl_duty_assignment_get_day (a), NULL));
    }
  for (guint i = 0; i < before->len; i++)
    {
      CLDutyAssignment *a = g_ptr_array_index (before, i);
      g_autoptr(CLDutyAssignment) copy = NULL;
      g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autofree char *day = NULL, *key = NULL;
      GDate d;

      if (!cl_duty_day_parse (cl_duty_assignment_get_day (a), &d))
        continue;
      g_date_add_days (&d, 7);
      day = cl_date_to_iso (&d);
      key = g_strconcat (cl_duty_assignment_get_staff_id (a), " ", day, NULL);
      if (g_hash_table_contains (taken, key))
        continue;
      copy = cl_duty_assignment_new (cl_duty_assignment_get_staff_id (a), day,
                                     cl_duty_assignment_get_post_id (a), cl_duty_assignment_get_shift (a));
      /* Someone who has left, or a post given up, is not copied. */
      cl_duty_store_validate_assignment (store, copy, errors);
      if (g_hash_table_size (errors) > 0)
        continue;
      if (!cl_store_write_record (store, CL_RECORD (copy), 0, error))
        {
          cl_store_rollback (store);
          return FALSE;
        }
      n++;
    }
  if (!cl_store_commit (store, error))
    return FALSE;
  if (copied)
    *copied = n;
  return TRUE;
}

GPtrArray *
cl_duty_store_check_week (CLStore     *store,
                          const GDate *monday)
{
  g_autofree char *first = NULL, *last = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  CLDutyRules rules;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (monday != NULL && g_date_valid (monday), NULL);

  first = iso_plus (monday, -1);
  last = iso_plus (monday, 6);
  cl_store_begin_read (store);
  cl_duty_store_rules (store, &rules);
  posts = cl_store_duty_posts (store, FALSE);
  assignments = cl_store_duty_assignments (store, first, last);
  staff = cl_store_duty_staff (store, first, last);
  cl_store_end_read (store);
  for (guint i = 0; i < staff->len; i++)
    {
      CLStaff *s = g_ptr_array_index (staff, i);

      g_hash_table_insert (names, (gpointer) cl_record_get_id (CL_RECORD (s)),
                           (gpointer) cl_staff_get_display_name (s));
    }
  return cl_duty_check_week (monday, posts, assignments, names, &rules);
}

gboolean
cl_duty_store_hours_of (CLStore     *store,
                        const char  *staff_id,
                        const GDate *day,
                        gint        *opens,
                        gint        *closes)
{
  g_autofree char *iso = NULL;
  g_autoptr(GPtrArray) shifts = NULL;
  CLDutyRules rules;
  gint o = G_MAXINT, c = G_MININT;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  if (cl_str_empty (staff_id))
    return FALSE;
  iso = cl_date_to_iso (day);
  shifts = cl_store_duty_assignments_of (store, staff_id, iso);
  if (shifts->len == 0)
    return FALSE;
  cl_duty_store_rules (store, &rules);
  for (guint i = 0; i < shifts->len; i++)
    {
      CLDutyAssignment *a = g_ptr_array_index (shifts, i);
      g_autoptr(CLDutyPost) post = cl_store_load_live (store, CL_TYPE_DUTY_POST,
                                                       cl_duty_assignment_get_post_id (a));
      CLDutySpan spans[2];
      guint n;

      if (post == NULL)
        continue;
      n = cl_duty_shift_spans (post, cl_duty_assignment_get_shift (a), &rules, spans);
      for (guint k = 0; k < n; k++)
        {
          o = MIN (o, spans[k].start);
          c = MAX (c, MIN (spans[k].end, 24 * 60));
        }
    }
  if (o >= c)
    return FALSE;
  if (opens)
    *opens = o;
  if (closes)
    *closes = c;
  return TRUE;
}
