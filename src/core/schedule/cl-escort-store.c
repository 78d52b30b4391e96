/* cl-escort-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-escort-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-escort-store.h"
#include "cl-patient.h"
#include "cl-schedule-private.h"
#include "cl-store-schedule.h"
#include "cl-store-staff.h"
#include "cl-util.h"

static gboolean
check_task (CLStore     *store,
            CLRecord    *record,
            CLRecord    *stored,
            const char  *role,
            GError     **error)
{
  CLEscortTask *task = CL_ESCORT_TASK (record);

  if (stored == NULL && cl_str_empty (cl_escort_task_get_status (task)))
    cl_escort_task_set_status (task, CL_ESCORT_STATUS_PLANNED);
  if (cl_str_empty (cl_escort_task_get_escort_id (task)))
    cl_escort_task_set_escort_id (task, NULL);

  if (g_strcmp0 (role, CL_ROLE_ESCORT) == 0)
    {
      g_autofree char *me = cl_schedule_staff_id_of (store, cl_store_get_actor (store));

      if (!cl_schedule_check_escort_edit (task, (CLEscortTask *) stored, me, error))
        return FALSE;
    }

  return cl_schedule_check_task (store, task, (CLEscortTask *) stored,
                                 cl_schedule_now (), CL_SCHEDULE_CHECK_ALL, NULL, error);
}

gboolean
cl_escort_store_save (CLStore       *store,
                      CLEscortTask  *task,
                      const char    *role,
                      GError       **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_ESCORT_TASK (task), FALSE);

  return cl_schedule_save_record (store, CL_RECORD (task), NULL, role, check_task, error);
}

gboolean
cl_escort_store_move (CLStore       *store,
                      CLEscortTask  *task,
                      gint64         start_at,
                      gint64         end_at,
                      const char    *escort_id,
                      const char    *role,
                      GError       **error)
{
  g_autoptr(CLEscortTask) copy = NULL;

  g_return_val_if_fail (CL_IS_ESCORT_TASK (task), FALSE);

  copy = CL_ESCORT_TASK (cl_record_dup (CL_RECORD (task)));
  cl_escort_task_set_start_at (copy, start_at);
  cl_escort_task_set_end_at (copy, end_at);
  cl_escort_task_set_escort_id (copy, cl_str_empty (escort_id) ? NULL : escort_id);
  return cl_schedule_save_record (store, CL_RECORD (task), CL_RECORD (copy), role, check_task, error);
}

gboolean
cl_escort_store_set_status (CLStore       *store,
                            CLEscortTask  *task,
                            const char    *status,
                            const char    *role,
                            GError       **error)
{
  g_autoptr(CLEscortTask) copy = NULL;

  g_return_val_if_fail (CL_IS_ESCORT_TASK (task), FALSE);

  copy = CL_ESCORT_TASK (cl_record_dup (CL_RECORD (task)));
  cl_escort_task_set_status (copy, status);
  return cl_schedule_save_record (store, CL_RECORD (task), CL_RECORD (copy), role, check_task, error);
}

gboolean
cl_escort_store_cancel (CLStore       *store,
                        CLEscortTask  *task,
                        const char    *role,
                        GError       **error)
{
  return cl_escort_store_set_status (store, task, CL_ESCORT_STATUS_CANCELLED, role, error);
}

gboolean
cl_escort_store_restore (CLStore       *store,
                         CLEscortTask  *task,
                         const char    *status,
                         const char    *role,
                         GError       **error)
{
  g_return_val_if_fail (status != NULL, FALSE);

  return cl_escort_store_set_status (store, task, status, role, error);
}

gboolean
cl_escort_store_hand_over (CLStore       *store,
                           CLEscortTask  *task,
                           const char    *ward,
                           const char    *received_by,
                           gint64         at,
                           const char    *role,
                           GError       **error)
{
  g_autoptr(CLEscortTask) copy = NULL;
  g_autofree char *ward_text = g_strstrip (g_strdup (ward ? ward : ""));
  g_autofree char *to_text = g_strstrip (g_strdup (received_by ? received_by : ""));

  g_return_val_if_fail (CL_IS_ESCORT_TASK (task), FALSE);

  copy = CL_ESCORT_TASK (cl_record_dup (CL_RECORD (task)));
  cl_escort_task_set_handover_ward (copy, *ward_text ? ward_text : NULL);
  cl_escort_task_set_handover_to (copy, *to_text ? to_text : NULL);
  cl_escort_task_set_handover_at (copy, at > 0 ? at : cl_schedule_now ());
  cl_escort_task_set_status (copy, CL_ESCORT_STATUS_DONE);
  if (*ward_text == '\0' || *to_text == '\0')
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_HANDOVER,
                           *ward_text == '\0' ? _("Enter the ward she was handed over to")
                                              : _("Enter who received her on the ward"));
      return FALSE;
    }
  return cl_schedule_save_record (store, CL_RECORD (task), CL_RECORD (copy), role, check_task, error);
}

GListStore *
cl_escort_store_list_escorts (CLStore *store)
{
  g_autoptr(GPtrArray) rows = NULL;
  GListStore *list = g_list_store_new (CL_TYPE_STAFF);

  g_return_val_if_fail (CL_IS_STORE (store), list);

  rows = cl_store_staff_list_escorts (store);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return list;
}

GListStore *
cl_escort_store_free_escorts (CLStore    *store,
                              gint64      start_at,
                              gint64      end_at,
                              const char *except_id)
{
  g_autoptr(GListStore) escorts = NULL;
  GListStore *free = g_list_store_new (CL_TYPE_STAFF);
  GDate day;

  g_return_val_if_fail (CL_IS_STORE (store), free);

  if (!cl_schedule_check_interval (start_at, end_at, NULL))
    return free;
  escorts = cl_escort_store_list_escorts (store);
  cl_schedule_day_of (start_at, &day);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (escorts)); i++)
    {
      g_autoptr(CLStaff) escort = g_list_model_get_item (G_LIST_MODEL (escorts), i);
      const char *id = cl_record_get_id (CL_RECORD (escort));
      g_autoptr(CLEscortTask) busy = NULL;
      gint opens, closes;

      cl_schedule_escort_hours (store, id, &day, &opens, &closes);
      if (opens == closes || !cl_schedule_check_hours (start_at, end_at, opens, closes, FALSE, NULL))
        continue;
      busy = cl_schedule_find_task_overlap (store, id, start_at, end_at, except_id, NULL);
      if (busy == NULL)
        g_list_store_append (free, escort);
    }
  return free;
}

CLStaff *
cl_escort_store_find_staff (CLStore    *store,
                            const char *username)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  id = cl_schedule_staff_id_of (store, username);
  return id ? (CLStaff *) cl_store_load_record (store, CL_TYPE_STAFF, id, NULL) : NULL;
}

/* [start of @day, start of the day @n_days later) in UTC seconds. */
static void
days_range (const GDate *day,
            guint        n_days,
            gint64      *from,
            gint64      *to)
{
  GDate end = *day;

  g_date_add_days (&end, n_days);
  *from = cl_schedule_day_start (day);
  *to = cl_schedule_day_start (&end);
}

GListStore *
cl_escort_store_tasks_of_day (CLStore     *store,
                              const GDate *day)
{
  gint64 from, to;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  days_range (day, 1, &from, &to);
  return cl_store_schedule_tasks (store, from, to);
}

GListStore *
cl_escort_store_tasks_of_escort (CLStore     *store,
                                 const GDate *day,
                                 const char  *escort_id)
{
  gint64 from, to;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  days_range (day, 1, &from, &to);
  return cl_store_schedule_tasks_of_escort (store, from, to, escort_id);
}

GListStore *
cl_escort_store_my_tasks_today (CLStore    *store,
                                const char *escort_id)
{
  GDate today;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (!cl_str_empty (escort_id), NULL);

  cl_date_today (&today);
  return cl_escort_store_tasks_of_escort (store, &today, escort_id);
}

typedef struct
{
  GHashTable   *counts;
  const gint64 *starts;
  guint         n_days;
} CountData;

static void
count_task (const char *escort,
            gint64      start,
            gpointer    user_data)
{
  CountData *data = user_data;
  GArray *days = g_hash_table_lookup (data->counts, escort);
  guint i = 0;

  if (days == NULL)
    {
      days = g_array_sized_new (FALSE, TRUE, sizeof (guint), data->n_days);
      g_array_set_size (days, data->n_days);
      g_hash_table_insert (data->counts, g_strdup (escort), days);
    }
  while (i + 1 < data->n_days && start >= data->starts[i + 1])
    i++;
  g_array_index (days, guint, i)++;
}

GHashTable *
cl_escort_store_count_by_day (CLStore     *store,
                              const GDate *first_day,
                              guint        n_days)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_array_unref);
  g_autofree gint64 *starts = NULL;
  CountData data;

  g_return_val_if_fail (CL_IS_STORE (store), counts);
  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), counts);

  starts = g_new (gint64, n_days + 1);
  for (guint i = 0; i <= n_days; i++)
    {
      GDate d = *first_day;

      g_date_add_days (&d, i);
      starts[i] = cl_schedule_day_start (&d);
    }

  data = (CountData) { counts, starts, n_days };
  cl_store_schedule_foreach_task_start (store, starts[0], starts[n_days], count_task, &data);
  return counts;
}

/* ---- the printed day sheet ----------------------------------------- */

static char *
handover_text (CLEscortTask *task)
{
  if (cl_escort_task_get_handover_at (task) > 0)
    {
      g_autofree char *at = cl_schedule_format_time (cl_escort_task_get_handover_at (task));

      return g_strdup_printf (_("Handed over to %s, received by %s at %s"),
                              cl_escort_task_get_handover_ward (task),
                              cl_escort_task_get_handover_to (task), at);
    }
  /* Blanks to fill in by hand on the ward. */
  return g_strdup (_("Hand-over: ward ____________  received by ____________  time ________"));
}

/* Under a task's row: its note (what the escort must know: a
 * wheelchair, an interpreter), then for a task that ends on a ward its
 * hand-over. */
static char *
handover_line (CLEscortTask *task)
{
  const char *note = cl_escort_task_get_note (task);
  g_autofree char *handover = NULL;

  if (!cl_escort_task_ends_with_hand_over (task))
    return cl_str_empty (note) ? NULL : g_strdup (note);
  handover = handover_text (task);
  if (cl_str_empty (note))
    return g_steal_pointer (&handover);
  /* Translators: under an escort task on the day sheet: its note, then
   * the hand-over on the ward */
  return g_strdup_printf (_("%s — %s"), note, handover);
}

static void
add_task_rows (CLScheduleSheet *sheet,
               GListStore      *tasks,
               GHashTable      *names,
               GHashTable      *flags)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tasks)); i++)
    {
      g_autoptr(CLEscortTask) task = g_list_model_get_item (G_LIST_MODEL (tasks), i);
      g_autofree char *when = cl_schedule_format_interval (cl_escort_task_get_start_at (task),
                                                           cl_escort_task_get_end_at (task));
      g_autofree char *route = g_strdup_printf ("%s → %s",
                                                cl_escort_task_get_place_from (task) ? cl_escort_task_get_place_from (task) : "",
                                                cl_escort_task_get_place_to (task) ? cl_escort_task_get_place_to (task) : "");
      g_autofree char *detail = handover_line (task);
      const char *patient_id = cl_escort_task_get_patient_id (task) ? cl_escort_task_get_patient_id (task) : "";
      /* Her badge wherever her name is, on paper too. */
      g_autofree char *name = cl_patient_badged_name (g_hash_table_lookup (names, patient_id),
                                                      g_hash_table_lookup (flags, patient_id));
      const char *kind = cl_escort_task_kind_label (cl_escort_task_get_kind (task));
      const char *status = cl_escort_task_status_label (cl_escort_task_get_status (task));
      const char *cells[] = { when, name, kind ? kind : "", route, status ? status : "", NULL };

      cl_schedule_sheet_add_row (sheet, cells, detail);
    }
}

CLScheduleSheet *
cl_escort_store_day_sheet (CLStore     *store,
                           const GDate *day,
                           const char  *escort_id)
{
  const char *headers[] = {
    C_("escort sheet", "Time"), C_("escort sheet", "Patient"), C_("escort sheet", "Kind"),
    C_("escort sheet", "From → to"), C_("escort sheet", "Status"), NULL
  };
  static const double widths[] = { 1.6, 1.6, 1.9, 3.6, 1.3 };
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GListStore) escorts = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) flags = NULL;
  g_autofree char *date = NULL;
  CLScheduleSheet *sheet;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  date = cl_date_format_display (day);
  sheet = cl_schedule_sheet_new (_("Escort day sheet"), date, headers, widths);
  cl_schedule_sheet_set_footer (sheet, _("Escort’s signature: ________________    Checked by: ________________"));
  cl_schedule_sheet_set_empty_text (sheet, _("No tasks on this day."));

  all = cl_escort_store_tasks_of_day (store, day);
  names = cl_schedule_patient_names (store, G_LIST_MODEL (all));
  flags = cl_schedule_patient_flags (store, G_LIST_MODEL (all), day);
  escorts = cl_escort_store_list_escorts (store);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (escorts)); i++)
    {
      g_autoptr(CLStaff) escort = g_list_model_get_item (G_LIST_MODEL (escorts), i);
      const char *id = cl_record_get_id (CL_RECORD (escort));
      g_autoptr(GListStore) tasks = NULL;
      g_autofree char *heading = NULL;

      if (escort_id && g_strcmp0 (escort_id, id) != 0)
        continue;
      tasks = cl_escort_store_tasks_of_escort (store, day, id);
      /* Every escort's own sheet prints, even an empty one; the whole
       * day's print skips escorts without tasks. */
      if (escort_id == NULL && g_list_model_get_n_items (G_LIST_MODEL (tasks)) == 0)
        continue;
      heading = g_strdup_printf (_("Escort: %s"), cl_staff_get_display_name (escort));
      cl_schedule_sheet_add_section (sheet, heading);
      add_task_rows (sheet, tasks, names, flags);
    }

  if (escort_id == NULL)
    {
      g_autoptr(GListStore) tasks = cl_escort_store_tasks_of_escort (store, day, NULL);

      if (g_list_model_get_n_items (G_LIST_MODEL (tasks)) > 0 ||
          cl_schedule_sheet_get_n_sections (sheet) == 0)
        {
          cl_schedule_sheet_add_section (sheet, _("Unassigned tasks"));
          add_task_rows (sheet, tasks, names, flags);
        }
    }
  else if (cl_schedule_sheet_get_n_sections (sheet) == 0)
    {
      /* Not (or no longer) an active escort: still print their tasks. */
      g_autoptr(GListStore) tasks = cl_escort_store_tasks_of_escort (store, day, escort_id);
      g_autoptr(CLStaff) staff = (CLStaff *) cl_store_load_record (store, CL_TYPE_STAFF, escort_id, NULL);
      g_autofree char *heading = g_strdup_printf (_("Escort: %s"),
                                                  staff ? cl_staff_get_display_name (staff) : escort_id);

      cl_schedule_sheet_add_section (sheet, heading);
      add_task_rows (sheet, tasks, names, flags);
    }

  return sheet;
}
