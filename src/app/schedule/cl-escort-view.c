#define G_LOG_DOMAIN "cl-escort-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date-nav.h"
#include "cl-date.h"
#include "cl-escort-store.h"
#include "cl-escort-task-dialog.h"
#include "cl-escort-view-private.h"
#include "cl-schedule-form.h"
#include "cl-schedule-view-util.h"
#include "cl-schedule-print.h"
#include "cl-sheet-print-operation.h"


G_DEFINE_FINAL_TYPE (CLEscortView, cl_escort_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_MODE, N_PROPS };
static GParamSpec *properties[N_PROPS];


void
cl_escort_view_show_message (CLEscortView *self,
                             const char   *message)
{
  cl_schedule_view_show_message (self->toast_overlay, &self->last_message, message);
}

static ClTimeGridState
grid_state (const char *status)
{
  if (g_strcmp0 (status, CL_ESCORT_STATUS_IN_PROGRESS) == 0)
    return CL_TIME_GRID_ACTIVE;
  if (g_strcmp0 (status, CL_ESCORT_STATUS_DONE) == 0)
    return CL_TIME_GRID_DONE;
  if (g_strcmp0 (status, CL_ESCORT_STATUS_CANCELLED) == 0)
    return CL_TIME_GRID_CANCELLED;
  if (g_strcmp0 (status, CL_ESCORT_STATUS_NO_SHOW) == 0)
    return CL_TIME_GRID_MISSED;
  return CL_TIME_GRID_SCHEDULED;
}

const char *
cl_escort_view_patient_name (CLEscortView *self,
                             CLEscortTask *task)
{
  const char *name = self->names ? g_hash_table_lookup (self->names, cl_escort_task_get_patient_id (task)) : NULL;

  return name ? name : _("Unknown patient");
}

/* "Ultrasound · Clinic hall → Ultrasound · Planned" */
char *
cl_escort_view_task_subtitle (CLEscortTask *task)
{
  GString *text = g_string_new (cl_escort_task_kind_label (cl_escort_task_get_kind (task)));
  const char *from = cl_escort_task_get_place_from (task);
  const char *to = cl_escort_task_get_place_to (task);

  if ((from && *from) || (to && *to))
    g_string_append_printf (text, " · %s → %s", from ? from : "", to ? to : "");
  g_string_append_printf (text, " · %s", cl_escort_task_status_label (cl_escort_task_get_status (task)));
  return g_string_free (text, FALSE);
}

static gboolean
may_plan (CLEscortView *self)
{
  /* Escorts move their own tasks on; planning is the desk's. */
  return !cl_escort_task_role_works_own (cl_context_get_role (self->context));
}

/* ---- day ------------------------------------------------------------ */

static void
reload_day (CLEscortView *self)
{
  const GDate *day = cl_date_nav_get_date (self->date_nav);
  g_autoptr(GListStore) escorts = cl_escort_store_list_escorts (self->store);
  g_autoptr(GListStore) tasks = cl_escort_store_tasks_of_day (self->store, day);
  g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 day_start = cl_schedule_day_start (day);
  guint n_escorts = g_list_model_get_n_items (G_LIST_MODEL (escorts));

  cl_escort_view_keep_tasks (self, G_LIST_MODEL (tasks));
  g_hash_table_remove_all (self->escorts);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tasks)); i++)
    {
      g_autoptr(CLEscortTask) task = g_list_model_get_item (G_LIST_MODEL (tasks), i);
      const char *escort = cl_escort_task_get_escort_id (task) ? cl_escort_task_get_escort_id (task) : "";

      g_hash_table_insert (counts, (char *) escort,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, escort)) + 1));
    }

  cl_time_grid_clear (self->grid);
  for (guint i = 0; i <= n_escorts; i++)
    {
      g_autoptr(CLStaff) staff = i < n_escorts ? g_list_model_get_item (G_LIST_MODEL (escorts), i) : NULL;
      const char *id = staff ? cl_record_get_id (CL_RECORD (staff)) : "";
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n), n);
      guint column = cl_time_grid_add_column (self->grid, id, staff ? cl_staff_get_display_name (staff) : _("Unassigned"),
                                              subtitle, day_start);

      g_hash_table_insert (columns, (char *) cl_time_grid_get_column_id (self->grid, column), GUINT_TO_POINTER (column));
      if (staff)
        {
          int opens, closes;

          g_hash_table_replace (self->escorts, g_strdup (id), g_strdup (cl_staff_get_display_name (staff)));
          cl_schedule_escort_hours (self->store, id, day, &opens, &closes);
          cl_time_grid_add_unavailable (self->grid, column, 0, opens);
          cl_time_grid_add_unavailable (self->grid, column, closes, 24 * 60);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tasks)); i++)
    {
      g_autoptr(CLEscortTask) task = g_list_model_get_item (G_LIST_MODEL (tasks), i);
      const char *escort = cl_escort_task_get_escort_id (task) ? cl_escort_task_get_escort_id (task) : "";
      g_autofree char *subtitle = cl_escort_view_task_subtitle (task);
      gpointer column;

      /* A task of someone no longer an escort still shows, unassigned. */
      if (!g_hash_table_lookup_extended (columns, escort, NULL, &column))
        column = g_hash_table_lookup (columns, "");
      cl_time_grid_add_block (self->grid, cl_record_get_id (CL_RECORD (task)), GPOINTER_TO_UINT (column),
                              cl_escort_task_get_start_at (task), cl_escort_task_get_end_at (task),
                              cl_escort_view_patient_name (self, task), subtitle,
                              grid_state (cl_escort_task_get_status (task)),
                              may_plan (self) && cl_escort_task_is_planned (task));
    }
  cl_time_grid_set_now (self->grid, cl_context_get_now (self->context));
}

/* The toast's Show: the day of task @id, with it focused. */
static void
show_task (GtkWidget  *widget,
           const char *id)
{
  CLEscortView *self = CL_ESCORT_VIEW (widget);
  g_autoptr(CLEscortTask) task = NULL;
  g_autofree char *keep = g_strdup (id);
  GDate day;

  if (self->store == NULL)
    return;
  task = (CLEscortTask *) cl_store_load_record (self->store, CL_TYPE_ESCORT_TASK, keep, NULL);
  if (task == NULL)
    return;
  cl_schedule_day_of (cl_escort_task_get_start_at (task), &day);
  cl_date_nav_set_date (self->date_nav, &day);
  cl_escort_view_set_mode (self, "day");
  cl_time_grid_focus_block (self->grid, keep);
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

static void
task_saved_cb (CLEscortView *self,
               const char   *id)
{
  g_autoptr(CLEscortTask) task = NULL;
  g_autofree char *keep = g_strdup (id);
  GDate day, first;
  gboolean shown;

  cl_escort_view_reload (self);
  task = (CLEscortTask *) cl_store_load_record (self->store, CL_TYPE_ESCORT_TASK, keep, NULL);
  if (task == NULL)
    return;
  cl_schedule_day_of (cl_escort_task_get_start_at (task), &day);
  if (g_strcmp0 (self->mode, "week") == 0)
    {
      cl_date_nav_week_start (cl_date_nav_get_date (self->date_nav), &first);
      shown = g_date_days_between (&first, &day) >= 0 && g_date_days_between (&first, &day) < 7;
    }
  else
    shown = g_date_compare (&day, cl_date_nav_get_date (self->date_nav)) == 0;
  /* Translators: a toast after planning an escort task for a day not
   * on screen; %s is the day, "Tue 8 Dec 2026" */
  if (!cl_schedule_view_toast_elsewhere (self->toast_overlay, GTK_WIDGET (self), &self->last_message,
                                         _("Escort task planned for %s"), shown,
                                         cl_escort_task_get_start_at (task), keep, show_task))
    cl_time_grid_focus_block (self->grid, keep);
}

static void
create_requested_cb (CLEscortView *self,
                     guint         column,
                     gint64        start,
                     gint64        end)
{
  const char *escort = cl_time_grid_get_column_id (self->grid, column);
  CLEscortTaskDialog *dialog;

  if (self->store == NULL || !may_plan (self))
    return;
  dialog = cl_escort_task_dialog_new (cl_schedule_view_parent (GTK_WIDGET (self)), self->context,
                                      NULL, escort && *escort ? escort : NULL, start, end);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (task_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
block_moved_cb (CLEscortView *self,
                const char   *id,
                guint         column,
                gint64        start,
                gint64        end)
{
  CLEscortTask *task = g_hash_table_lookup (self->tasks, id);
  const char *escort = cl_time_grid_get_column_id (self->grid, column);
  g_autoptr(GError) error = NULL;

  if (task == NULL)
    return;
  if (!cl_escort_store_move (self->store, task, start, end, escort && *escort ? escort : NULL, cl_context_get_role (self->context), &error))
    cl_escort_view_show_message (self, error->message);
  /* Either way the grid shows what the store holds. */
  cl_escort_view_reload (self);
  cl_time_grid_focus_block (self->grid, id);
}

/* ---- the popover on a task ------------------------------------------ */

/* The toast's Undo: back to the status it had, or why not. */
static void
undo_cancel (GtkWidget  *widget,
             CLRecord   *record,
             const char *status)
{
  CLEscortView *self = CL_ESCORT_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!cl_escort_store_restore (self->store, CL_ESCORT_TASK (record), status, cl_context_get_role (self->context), &error))
    {
      cl_escort_view_show_message (self, error->message);
      return;
    }
  cl_escort_view_reload (self);
  cl_time_grid_focus_block (self->grid, cl_record_get_id (record));
}

static void
task_action_cb (CLSchedulePopover *popover,
                const char        *action,
                CLEscortView      *self)
{
  CLEscortTask *task = g_hash_table_lookup (self->tasks, g_object_get_data (G_OBJECT (popover), "task-id"));
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (task == NULL)
    return;
  g_object_ref (task);
  if (g_str_equal (action, "edit"))
    {
      CLEscortTaskDialog *dialog = cl_escort_task_dialog_new (cl_schedule_view_parent (GTK_WIDGET (self)), self->context,
                                                              task, NULL, 0, 0);

      gtk_popover_popdown (GTK_POPOVER (popover));
      g_signal_connect_object (dialog, "saved", G_CALLBACK (task_saved_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      g_object_unref (task);
      return;
    }
  if (g_str_equal (action, "hand-over"))
    {
      GtkEditable *ward = g_object_get_data (G_OBJECT (popover), "ward");
      GtkEditable *to = g_object_get_data (G_OBJECT (popover), "received-by");
      GtkEditable *at = g_object_get_data (G_OBJECT (popover), "at");
      int minutes = 0;
      GDate day;

      if (!cl_schedule_form_parse_time (gtk_editable_get_text (at), &minutes, &error))
        {
          cl_schedule_popover_set_message (popover, error->message);
          g_object_unref (task);
          return;
        }
      cl_schedule_day_of (cl_escort_task_get_start_at (task), &day);
      ok = cl_escort_store_hand_over (self->store, task, gtk_editable_get_text (ward), gtk_editable_get_text (to),
                                      cl_schedule_at (&day, minutes), cl_context_get_role (self->context), &error);
    }
  else if (g_str_equal (action, CL_ESCORT_STATUS_CANCELLED))
    {
      before = g_strdup (cl_escort_task_get_status (task));
      ok = cl_escort_store_cancel (self->store, task, cl_context_get_role (self->context), &error);
    }
  else
    ok = cl_escort_store_set_status (self->store, task, action, cl_context_get_role (self->context), &error);

  if (ok)
    {
      gtk_popover_popdown (GTK_POPOVER (popover));
      cl_escort_view_reload (self);
      if (before)
        cl_schedule_view_toast_undo (self->toast_overlay, GTK_WIDGET (self), _("Escort task cancelled"),
                                     CL_RECORD (task), before, undo_cancel);
    }
  else
    cl_schedule_popover_set_message (popover, error->message);
  g_object_unref (task);
}

static GtkEditable *
hand_over_entry (GtkBox     *box,
                 const char *label,
                 const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_box_append (box, entry);
  return GTK_EDITABLE (entry);
}

CLSchedulePopover *
cl_escort_view_task_popover (CLEscortView *self,
                             CLEscortTask *task)
{
  CLSchedulePopover *popover = cl_schedule_popover_new (cl_escort_view_patient_name (self, task));
  const char *escort = cl_escort_task_get_escort_id (task);
  g_autofree char *when = cl_schedule_format_interval (cl_escort_task_get_start_at (task), cl_escort_task_get_end_at (task));
  g_autofree char *subtitle = cl_escort_view_task_subtitle (task);
  g_autofree char *who = g_strdup_printf (_("Escort: %s"), escort && g_hash_table_lookup (self->escorts, escort)
                                          ? (char *) g_hash_table_lookup (self->escorts, escort) : _("Unassigned"));
  gboolean transfer = cl_escort_task_ends_with_hand_over (task);

  cl_schedule_popover_add_line (popover, when, "heading");
  cl_schedule_popover_add_line (popover, subtitle, NULL);
  cl_schedule_popover_add_line (popover, who, "dim-label");
  cl_schedule_popover_add_line (popover, cl_escort_task_get_note (task), "dim-label");
  if (cl_escort_task_get_handover_at (task))
    {
      g_autofree char *at = cl_schedule_format_time (cl_escort_task_get_handover_at (task));
      /* Translators: the hand-over of a delivery transfer: ward, who received her, time */
      g_autofree char *line = g_strdup_printf (_("Handed over on %s to %s at %s"), cl_escort_task_get_handover_ward (task),
                                               cl_escort_task_get_handover_to (task), at);
      cl_schedule_popover_add_line (popover, line, NULL);
    }
  g_object_set_data_full (G_OBJECT (popover), "task-id", g_strdup (cl_record_get_id (CL_RECORD (task))), g_free);

  /* The next steps first, the big one on top. */
  if (cl_escort_task_is_planned (task))
    {
      cl_schedule_popover_add_action (popover, CL_ESCORT_STATUS_IN_PROGRESS, _("_Start"), CL_SCHEDULE_ACTION_SUGGESTED);
      cl_schedule_popover_add_action (popover, CL_ESCORT_STATUS_NO_SHOW, _("_No-Show"), CL_SCHEDULE_ACTION_NORMAL);
      if (may_plan (self))
        cl_schedule_popover_add_action (popover, "edit", _("_Edit…"), CL_SCHEDULE_ACTION_NORMAL);
    }
  else if (cl_escort_task_is_under_way (task) && transfer)
    {
      GtkBox *extra = cl_schedule_popover_get_extra (popover);
      g_autofree char *now = cl_schedule_format_time (cl_context_get_now (self->context));

      g_object_set_data (G_OBJECT (popover), "ward", hand_over_entry (extra, _("Ward"), cl_escort_task_get_place_to (task)));
      g_object_set_data (G_OBJECT (popover), "received-by", hand_over_entry (extra, _("Received by"), NULL));
      g_object_set_data (G_OBJECT (popover), "at", hand_over_entry (extra, _("Time"), now));
      cl_schedule_popover_add_action (popover, "hand-over", _("_Hand Over and Done"), CL_SCHEDULE_ACTION_SUGGESTED);
    }
  else if (cl_escort_task_is_under_way (task))
    cl_schedule_popover_add_action (popover, CL_ESCORT_STATUS_DONE, _("_Done"), CL_SCHEDULE_ACTION_SUGGESTED);
  if (cl_escort_task_may_cancel (task))
    cl_schedule_popover_add_action (popover, CL_ESCORT_STATUS_CANCELLED, _("_Cancel Task"), CL_SCHEDULE_ACTION_DESTRUCTIVE);

  g_signal_connect_object (popover, "action", G_CALLBACK (task_action_cb), self, 0);
  return popover;
}

CLSchedulePopover *
cl_escort_view_open_task (CLEscortView *self,
                          const char   *id)
{
  CLEscortTask *task;
  g_return_val_if_fail (CL_IS_ESCORT_VIEW (self), NULL);

  task = g_hash_table_lookup (self->tasks, id);
  if (task == NULL)
    return NULL;
  if (self->popover)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  self->popover = cl_escort_view_task_popover (self, task);
  cl_schedule_view_point_popover (self->popover, self->grid, id);
  g_object_add_weak_pointer (G_OBJECT (self->popover), (gpointer *) &self->popover);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  return self->popover;
}

static void
block_activated_cb (CLEscortView *self,
                    const char   *id)
{
  cl_escort_view_open_task (self, id);
}

/* ---- reloading ------------------------------------------------------ */

void
cl_escort_view_reload (CLEscortView *self)
{
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->store == NULL)
    return;
  if (g_strcmp0 (self->mode, "week") == 0)
    cl_escort_view_reload_week (self);
  else if (g_strcmp0 (self->mode, "mine") == 0)
    cl_escort_view_reload_mine (self);
  else
    reload_day (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  CLEscortView *self = data;

  self->reload_idle = 0;
  cl_escort_view_reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CLEscortView *self,
                  const char   *table)
{
  static const char * const tables[] = { "escort_task", "staff", "patient", NULL };

  /* A task pulled from another desk shows as soon as it lands. */
  cl_schedule_view_queue_reload (GTK_WIDGET (self), table, tables, &self->reload_idle, reload_idle_cb);
}

/* ---- actions -------------------------------------------------------- */

/* The day a printed sheet is of: today in My Tasks, else the day shown. */
static void
sheet_day (CLEscortView *self,
           GDate        *day)
{
  if (g_strcmp0 (self->mode, "mine") == 0)
    cl_context_get_today (self->context, day);
  else
    *day = *cl_date_nav_get_date (self->date_nav);
}

static CLScheduleSheet *
day_sheet (CLEscortView *self)
{
  g_autoptr(CLStaff) me = NULL;
  GDate day;

  sheet_day (self, &day);
  if (g_strcmp0 (self->mode, "mine") != 0)
    return cl_escort_store_day_sheet (self->store, &day, NULL);
  if (cl_context_get_username (self->context))
    me = cl_escort_store_find_staff (self->store, cl_context_get_username (self->context));
  return cl_escort_store_day_sheet (self->store, &day, me ? cl_record_get_id (CL_RECORD (me)) : NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CLEscortView *self = CL_ESCORT_VIEW (widget);
  guint column;
  gint64 start, end;

  /* At the day grid's selection, when it has one. */
  cl_schedule_view_new_at (self->grid, g_strcmp0 (self->mode, "day") == 0, cl_date_nav_get_date (self->date_nav),
                           cl_context_get_now (self->context), &column, &start, &end);
  create_requested_cb (self, column, start, end);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CLEscortView *self = CL_ESCORT_VIEW (widget);
  g_autoptr(CLScheduleSheet) sheet = NULL;

  if (self->store == NULL)
    return;
  sheet = day_sheet (self);
  cl_schedule_view_print_sheet (widget, sheet, self->toast_overlay, &self->last_message);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CLEscortView *self = CL_ESCORT_VIEW (widget);
  g_autoptr(CLScheduleSheet) sheet = NULL;
  GDate day;

  if (self->store == NULL)
    return;
  sheet = day_sheet (self);
  sheet_day (self, &day);
  /* Translators: the suggested file name of an exported escort day
   * sheet; %s is the day (2026-11-23) */
  cl_schedule_view_export_sheet (widget, sheet, _("escort-sheet-%s.pdf"), &day);
}

/* ---- the context ---------------------------------------------------- */

static void
context_store_cb (CLEscortView *self)
{
  if (!cl_schedule_view_follow_store (GTK_WIDGET (self), self->context, &self->store,
                                      G_CALLBACK (store_changed_cb)))
    return;
  cl_escort_view_reload (self);
  /* Open on the coming hours, with the last one for context. */
  cl_time_grid_scroll_to_minute (self->grid, cl_schedule_minutes_of_day (cl_context_get_now (self->context)) - 60);
}

/* Who is working decides what they may do, and an escort opens on
 * their own tasks. */
static void
context_user_cb (CLEscortView *self)
{
  gboolean was_own = self->works_own;

  self->works_own = cl_escort_task_role_works_own (cl_context_get_role (self->context));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "escorts.new", may_plan (self));
  if (!was_own && self->works_own)
    cl_escort_view_set_mode (self, "mine");
  else
    cl_escort_view_reload (self);
}

static void
cl_escort_view_constructed (GObject *object)
{
  CLEscortView *self = CL_ESCORT_VIEW (object);

  G_OBJECT_CLASS (cl_escort_view_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (context_user_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::username", G_CALLBACK (context_user_cb), self, G_CONNECT_SWAPPED);
  context_store_cb (self);
  context_user_cb (self);
}

/* ---- GObject -------------------------------------------------------- */

static void
cl_escort_view_dispose (GObject *object)
{
  CLEscortView *self = CL_ESCORT_VIEW (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_ESCORT_VIEW);
  G_OBJECT_CLASS (cl_escort_view_parent_class)->dispose (object);
}

static void
cl_escort_view_finalize (GObject *object)
{
  CLEscortView *self = CL_ESCORT_VIEW (object);

  g_clear_object (&self->store);
  g_hash_table_unref (self->tasks);
  g_hash_table_unref (self->escorts);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->flags, g_hash_table_unref);
  g_clear_object (&self->context);
  g_free (self->mode);
  g_free (self->last_message);
  G_OBJECT_CLASS (cl_escort_view_parent_class)->finalize (object);
}

static void
cl_escort_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, CL_ESCORT_VIEW (object)->context);
      break;
    case PROP_MODE:
      g_value_set_string (value, CL_ESCORT_VIEW (object)->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_escort_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      CL_ESCORT_VIEW (object)->context = g_value_dup_object (value);
      break;
    case PROP_MODE:
      cl_escort_view_set_mode (CL_ESCORT_VIEW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_escort_view_class_init (CLEscortViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_escort_view_dispose;
  object_class->finalize = cl_escort_view_finalize;
  object_class->get_property = cl_escort_view_get_property;
  object_class->set_property = cl_escort_view_set_property;
  object_class->constructed = cl_escort_view_constructed;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] = g_param_spec_string ("mode", NULL, NULL, "day",
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_DATE_NAV);
  g_type_ensure (CL_TYPE_TIME_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/schedule/cl-escort-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CLEscortView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLEscortView, date_nav);
  gtk_widget_class_bind_template_child (widget_class, CLEscortView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, CLEscortView, grid);
  gtk_widget_class_bind_template_child (widget_class, CLEscortView, week_grid);
  gtk_widget_class_bind_template_child (widget_class, CLEscortView, mine_title);
  gtk_widget_class_bind_template_child (widget_class, CLEscortView, mine_list);
  gtk_widget_class_bind_template_child (widget_class, CLEscortView, mine_empty);

  gtk_widget_class_install_property_action (widget_class, "escorts.mode", "mode");
  gtk_widget_class_install_action (widget_class, "escorts.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "escorts.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "escorts.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "escorts.step", "i", cl_schedule_view_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "escorts.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "escorts.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "escorts.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "escorts.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "escorts.step", "i", 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_escort_view_init (CLEscortView *self)
{
  self->tasks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->escorts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->mode = g_strdup ("day");
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->date_nav, "notify::date", G_CALLBACK (cl_escort_view_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "create-requested", G_CALLBACK (create_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "block-moved", G_CALLBACK (block_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "block-activated", G_CALLBACK (block_activated_cb), self, G_CONNECT_SWAPPED);
  cl_time_grid_set_range (self->grid, 7 * 60, 18 * 60);
}

void
cl_escort_view_set_date (CLEscortView *self,
                         const GDate  *date)
{
  g_return_if_fail (CL_IS_ESCORT_VIEW (self));
  cl_date_nav_set_date (self->date_nav, date);
}

void
cl_escort_view_set_mode (CLEscortView *self,
                         const char   *mode)
{
  g_return_if_fail (CL_IS_ESCORT_VIEW (self));

  if (g_strcmp0 (mode, "week") != 0 && g_strcmp0 (mode, "mine") != 0)
    mode = "day";
  if (g_strcmp0 (mode, self->mode) != 0)
    {
      g_free (self->mode);
      self->mode = g_strdup (mode);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
  cl_date_nav_set_step (self->date_nav, g_str_equal (mode, "week") ? 7 : 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_nav), !g_str_equal (mode, "mine"));
  gtk_stack_set_visible_child_name (self->mode_stack, mode);
  cl_escort_view_reload (self);
}

const char *
cl_escort_view_get_mode (CLEscortView *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_VIEW (self), NULL);
  return self->mode;
}

CLTimeGrid *
cl_escort_view_get_grid (CLEscortView *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_VIEW (self), NULL);
  return self->grid;
}

GtkListBox *
cl_escort_view_get_my_list (CLEscortView *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_VIEW (self), NULL);
  return self->mine_list;
}

gboolean
cl_escort_view_export_pdf (CLEscortView *self,
                           const char   *path,
                           GError      **error)
{
  g_autoptr(CLScheduleSheet) sheet = NULL;

  g_return_val_if_fail (CL_IS_ESCORT_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  sheet = day_sheet (self);
  return cl_schedule_print_export_pdf (sheet, path, error);
}

gboolean
cl_escort_view_can_new (CLEscortView *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_VIEW (self), FALSE);
  return self->store != NULL && may_plan (self);
}

const char *
cl_escort_view_get_last_message (CLEscortView *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_VIEW (self), NULL);
  return self->last_message;
}
