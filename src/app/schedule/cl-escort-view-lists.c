#define G_LOG_DOMAIN "cl-escort-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-escort-view-private.h"
#include "cl-patient.h"

/* The escort view's week (counts per escort per day) and an escort's
 * "my tasks today". */

/* ---- the tasks shown ------------------------------------------------- */

void
cl_escort_view_keep_tasks (CLEscortView *self,
                           GListModel   *tasks)
{
  GHashTableIter iter;
  gpointer id, flags;
  GDate today;

  g_hash_table_remove_all (self->tasks);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      CLEscortTask *task = g_list_model_get_item (tasks, i);

      g_hash_table_replace (self->tasks, (char *) cl_record_get_id (CL_RECORD (task)), task);
    }
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->flags, g_hash_table_unref);
  self->names = cl_schedule_patient_names (self->store, tasks);
  cl_context_get_today (self->context, &today);
  self->flags = cl_schedule_patient_flags (self->store, tasks, &today);
  /* Her badge wherever the view names her: the day's blocks, My
   * Tasks, the popover. */
  g_hash_table_iter_init (&iter, self->flags);
  while (g_hash_table_iter_next (&iter, &id, &flags))
    {
      const char *name = g_hash_table_lookup (self->names, id);

      if (name)
        g_hash_table_insert (self->names, g_strdup (id), cl_patient_badged_name (name, flags));
    }
}

/* ---- week ----------------------------------------------------------- */

static void
week_day_clicked_cb (GtkButton    *button,
                     CLEscortView *self)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "julian")));
  cl_date_nav_set_date (self->date_nav, &day);
  cl_escort_view_set_mode (self, "day");
}

static GtkWidget *
week_button (CLEscortView *self,
             const char   *text,
             const GDate  *day,
             const char   *tooltip)
{
  GtkWidget *button = gtk_button_new_with_label (text);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_size_request (button, 96, 40);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "julian", GUINT_TO_POINTER (g_date_get_julian (day)));
  g_signal_connect (button, "clicked", G_CALLBACK (week_day_clicked_cb), self);
  return button;
}

void
cl_escort_view_reload_week (CLEscortView *self)
{
  GDate monday, today;
  g_autoptr(GListStore) escorts = cl_escort_store_list_escorts (self->store);
  g_autoptr(GHashTable) counts = NULL;
  guint n_escorts = g_list_model_get_n_items (G_LIST_MODEL (escorts));
  GtkWidget *child;

  cl_date_nav_week_start (cl_date_nav_get_date (self->date_nav), &monday);
  cl_context_get_today (self->context, &today);
  counts = cl_escort_store_count_by_day (self->store, &monday, 7);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->week_grid))))
    gtk_grid_remove (self->week_grid, child);

  for (guint d = 0; d < 7; d++)
    {
      GDate day = monday;
      g_autofree char *weekday = NULL;
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;
      GtkWidget *button;

      g_date_add_days (&day, d);
      weekday = cl_date_nav_weekday (&day, TRUE);
      date = cl_date_format_short (&day, &today);
      text = g_strdup_printf ("%s %s", weekday, date);
      button = week_button (self, text, &day, _("Open this day"));
      if (g_date_compare (&day, &today) == 0)
        gtk_widget_add_css_class (button, "accent");
      gtk_grid_attach (self->week_grid, button, d + 1, 0, 1, 1);
    }
  for (guint i = 0; i <= n_escorts; i++)
    {
      g_autoptr(CLStaff) staff = i < n_escorts ? g_list_model_get_item (G_LIST_MODEL (escorts), i) : NULL;
      const char *id = staff ? cl_record_get_id (CL_RECORD (staff)) : "";
      GArray *per_day = g_hash_table_lookup (counts, id);
      GtkWidget *name = gtk_label_new (staff ? cl_staff_get_display_name (staff) : _("Unassigned"));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_margin_end (name, 12);
      gtk_grid_attach (self->week_grid, name, 0, i + 1, 1, 1);
      for (guint d = 0; d < 7; d++)
        {
          GDate day = monday;
          guint n = per_day ? g_array_index (per_day, guint, d) : 0;
          g_autofree char *text = n ? g_strdup_printf ("%u", n) : g_strdup ("·");
          g_autofree char *tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n), n);
          GtkWidget *button;

          g_date_add_days (&day, d);
          button = week_button (self, text, &day, tip);
          if (n == 0)
            gtk_widget_add_css_class (button, "dim-label");
          gtk_grid_attach (self->week_grid, button, d + 1, i + 1, 1, 1);
        }
    }
}

/* ---- my tasks today ------------------------------------------------- */

static void
mine_step_cb (GtkButton    *button,
              CLEscortView *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "task-id");
  const char *status = g_object_get_data (G_OBJECT (button), "status");
  CLEscortTask *task = g_hash_table_lookup (self->tasks, id);
  g_autoptr(GError) error = NULL;

  if (task && !cl_escort_store_set_status (self->store, task, status, cl_context_get_role (self->context), &error))
    cl_escort_view_show_message (self, error->message);
  cl_escort_view_reload (self);
}

static void
mine_popover_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  CLEscortView *self = user_data;
  CLEscortTask *task = g_hash_table_lookup (self->tasks, g_object_get_data (G_OBJECT (button), "task-id"));

  if (task)
    gtk_menu_button_set_popover (button, GTK_WIDGET (cl_escort_view_task_popover (self, task)));
}

void
cl_escort_view_reload_mine (CLEscortView *self)
{
  g_autoptr(CLStaff) me = cl_context_get_username (self->context) ? cl_escort_store_find_staff (self->store, cl_context_get_username (self->context)) : NULL;
  g_autoptr(GListStore) tasks = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mine_list))))
    gtk_list_box_remove (self->mine_list, child);
  if (me == NULL)
    {
      gtk_label_set_label (self->mine_title, _("My Tasks Today"));
      adw_status_page_set_description (self->mine_empty, _("You are not on the staff list as an escort."));
      gtk_widget_set_visible (GTK_WIDGET (self->mine_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->mine_empty), TRUE);
      return;
    }
  tasks = cl_escort_store_my_tasks_today (self->store, cl_record_get_id (CL_RECORD (me)));
  cl_escort_view_keep_tasks (self, G_LIST_MODEL (tasks));
  /* Flagged patients first, as everywhere the desk lists them. */
  cl_schedule_sort_flagged_first (tasks, self->flags);
  n = g_list_model_get_n_items (G_LIST_MODEL (tasks));
  {
    g_autofree char *title = g_strdup_printf (_("My Tasks Today — %s"), cl_staff_get_display_name (me));
    gtk_label_set_label (self->mine_title, title);
  }
  adw_status_page_set_description (self->mine_empty, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->mine_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->mine_empty), n == 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLEscortTask) task = g_list_model_get_item (G_LIST_MODEL (tasks), i);
      g_autofree char *when = cl_schedule_format_interval (cl_escort_task_get_start_at (task), cl_escort_task_get_end_at (task));
      g_autofree char *title = g_strdup_printf ("%s  %s", when, cl_escort_view_patient_name (self, task));
      g_autofree char *subtitle = cl_escort_view_task_subtitle (task);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *more = gtk_menu_button_new ();
      const char *next = NULL, *label = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (cl_escort_task_is_planned (task))
        next = CL_ESCORT_STATUS_IN_PROGRESS, label = _("_Start");
      else if (cl_escort_task_is_under_way (task) && !cl_escort_task_ends_with_hand_over (task))
        next = CL_ESCORT_STATUS_DONE, label = _("_Done");
      if (next)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (label);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_size_request (button, 96, 40);
          gtk_widget_add_css_class (button, "suggested-action");
          g_object_set_data_full (G_OBJECT (button), "task-id", g_strdup (cl_record_get_id (CL_RECORD (task))), g_free);
          g_object_set_data (G_OBJECT (button), "status", (gpointer) next);
          g_signal_connect (button, "clicked", G_CALLBACK (mine_step_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      /* Everything else (hand-over, no-show, cancel) is in the popover. */
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
      gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (more, _("More"));
      g_object_set_data_full (G_OBJECT (more), "task-id", g_strdup (cl_record_get_id (CL_RECORD (task))), g_free);
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (more), mine_popover_cb, self, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);
      gtk_list_box_append (self->mine_list, row);
    }
}

