#define G_LOG_DOMAIN "cl-duty-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-duty-posts-dialog.h"
#include "cl-duty-print-operation.h"
#include "cl-duty-store.h"
#include "cl-duty-window-private.h"

G_DEFINE_FINAL_TYPE (CLDutyWindow, cl_duty_window, ADW_TYPE_WINDOW)

gboolean
cl_duty_window_may_edit (CLDutyWindow *self)
{
  return self->store && cl_context_may (self->context, CL_WRITE, "duty_assignment");
}

void
cl_duty_window_show_message (CLDutyWindow *self,
                             const char   *message)
{
  AdwToast *toast = adw_toast_new (message);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self->grid), ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
fill_grid (CLDutyWindow *self)
{
  GtkWidget *child;
  gboolean had_focus = FALSE;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid)))
    had_focus = TRUE;
  /* The popover lives on a cell: keep it, closed, while the cells go. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (gtk_widget_get_parent (GTK_WIDGET (self->popover)))
    gtk_widget_unparent (GTK_WIDGET (self->popover));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);

  if (self->week == NULL)
    return;

  gtk_grid_attach (self->grid, gtk_label_new (NULL), 0, 0, 1, 1);
  for (guint d = 0; d < N_DAYS; d++)
    {
      GDate day = self->week->monday;
      g_autofree char *words = NULL;
      GtkWidget *label;

      g_date_add_days (&day, d);
      words = cl_duty_format_day (&day);
      label = gtk_label_new (words);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->grid, label, d + 1, 0, 1, 1);
    }
  {
    GtkWidget *label = gtk_label_new (_("Hours"));

    gtk_widget_add_css_class (label, "heading");
    gtk_grid_attach (self->grid, label, N_DAYS + 1, 0, 1, 1);
  }

  for (guint r = 0; r < self->week->staff->len; r++)
    {
      CLStaff *staff = g_ptr_array_index (self->week->staff, r);
      GtkWidget *name = gtk_label_new (cl_staff_get_display_name (staff));
      gint minutes = cl_duty_week_minutes (self->week, r);
      g_autofree char *hours = cl_duty_format_hours (minutes);
      GtkWidget *total = gtk_label_new (hours);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 8);
      gtk_grid_attach (self->grid, name, 0, r + 1, 1, 1);
      for (guint d = 0; d < N_DAYS; d++)
        {
          GtkWidget *cell = cl_duty_window_new_cell (self, r, d);

          gtk_grid_attach (self->grid, cell, d + 1, r + 1, 1, 1);
          g_ptr_array_add (self->cells, cell);
        }
      gtk_widget_add_css_class (total, "numeric");
      if (minutes > self->week->rules.week_minutes)
        gtk_widget_add_css_class (total, "error");
      gtk_grid_attach (self->grid, total, N_DAYS + 1, r + 1, 1, 1);
    }
  if (self->week->staff->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("Nobody to put on duty: add guides or escorts in the Staff window"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_grid_attach (self->grid, empty, 0, 1, N_DAYS + 2, 1);
    }
  self->cursor_row = MIN (self->cursor_row, self->week->staff->len ? self->week->staff->len - 1 : 0);
  if (had_focus)
    cl_duty_window_focus_cell (self, self->cursor_row, self->cursor_day);
}

static void
fill_warnings (CLDutyWindow *self)
{
  GtkWidget *child;
  g_autofree char *title = NULL;
  guint n = self->week ? self->week->warnings->len : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings))))
    gtk_list_box_remove (self->warnings, child);
  if (n == 0)
    title = g_strdup (_("Coverage: every post is covered this week"));
  else
    title = g_strdup_printf (g_dngettext (NULL, "Coverage: %u warning", "Coverage: %u warnings", n), n);
  gtk_label_set_text (self->coverage_title, title);
  for (guint i = 0; i < n; i++)
    {
      CLDutyWarning *w = g_ptr_array_index (self->week->warnings, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (w->message);

      gtk_widget_add_css_class (icon, "warning");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_append (self->warnings, box);
    }
}

void
cl_duty_window_reload (CLDutyWindow *self)
{
  g_autofree char *range = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_pending = FALSE;
  g_clear_pointer (&self->week, cl_duty_week_free);
  if (self->store)
    self->week = cl_duty_week_load (self->store, &self->shown);
  if (self->week)
    {
      range = cl_duty_week_format_range (self->week);
      adw_window_title_set_subtitle (self->week_title, range);
    }
  gtk_widget_set_visible (self->posts_button, self->store && cl_context_may (self->context, CL_WRITE, "duty_post"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duty.copy-last-week", cl_duty_window_may_edit (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duty.print", self->week != NULL);
  fill_grid (self);
  fill_warnings (self);
}

static gboolean
reload_idle (gpointer data)
{
  CLDutyWindow *self = data;

  self->reload_id = 0;
  cl_duty_window_reload (self);
  return G_SOURCE_REMOVE;
}

/* Another desk's change, or one of ours: redone once the writes of the
 * moment are through. */
static void
store_changed_cb (CLDutyWindow *self)
{
  /* Not under an open popover: the cell being assigned stays until it
   * closes (popover_closed_cb()). */
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    {
      self->reload_pending = TRUE;
      return;
    }
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle, self);
}

static void
popover_closed_cb (CLDutyWindow *self)
{
  if (self->reload_pending)
    {
      self->reload_pending = FALSE;
      store_changed_cb (self);
    }
}

static void
context_store_cb (CLDutyWindow *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store)
    {
      const char * const tables[] = { "duty_assignment", "duty_post", "staff", "desk_setting" };

      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);

          g_signal_connect_object (store, signal, G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
        }
    }
  cl_duty_window_reload (self);
}

static void
move_week (CLDutyWindow *self,
           gint          days)
{
  if (days == 0)
    cl_date_today (&self->shown);
  else if (days > 0)
    g_date_add_days (&self->shown, days);
  else
    g_date_subtract_days (&self->shown, -days);
  cl_duty_window_reload (self);
}

static void
week_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CLDutyWindow *self = CL_DUTY_WINDOW (widget);

  move_week (self, g_str_equal (action_name, "duty.previous-week") ? -7
                   : g_str_equal (action_name, "duty.next-week") ? 7 : 0);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CLDutyWindow *self = CL_DUTY_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  guint copied = 0;

  if (!cl_duty_store_copy_last_week (self->store, &self->week->monday, cl_context_get_role (self->context),
                                     &copied, &error))
    {
      cl_duty_window_show_message (self, error->message);
      return;
    }
  done = g_strdup_printf (g_dngettext (NULL, "%u shift copied from last week", "%u shifts copied from last week",
                                       copied), copied);
  cl_duty_window_show_message (self, done);
  cl_duty_window_reload (self);
}

static void
posts_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CLDutyWindow *self = CL_DUTY_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (cl_duty_posts_dialog_new (GTK_WINDOW (self), self->context)));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CLDutyWindow *self = CL_DUTY_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->week && !cl_duty_print_run (self->store, &self->week->monday, GTK_WINDOW (self), &error))
    cl_duty_window_show_message (self, error->message);
}

static void
popover_saved_cb (CLDutyWindow *self)
{
  cl_duty_window_reload (self);
  cl_duty_window_focus_cell (self, self->cursor_row, self->cursor_day);
}

static void
cl_duty_window_dispose (GObject *object)
{
  CLDutyWindow *self = CL_DUTY_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->popover && gtk_widget_get_parent (GTK_WIDGET (self->popover)))
    gtk_widget_unparent (GTK_WIDGET (self->popover));
  g_clear_object (&self->popover);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->week, cl_duty_week_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_duty_window_parent_class)->dispose (object);
}

static void
cl_duty_window_class_init (CLDutyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_duty_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/duty/cl-duty-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CLDutyWindow, week_title);
  gtk_widget_class_bind_template_child (widget_class, CLDutyWindow, grid);
  gtk_widget_class_bind_template_child (widget_class, CLDutyWindow, warnings);
  gtk_widget_class_bind_template_child (widget_class, CLDutyWindow, coverage_title);
  gtk_widget_class_bind_template_child (widget_class, CLDutyWindow, posts_button);
  gtk_widget_class_install_action (widget_class, "duty.previous-week", NULL, week_action);
  gtk_widget_class_install_action (widget_class, "duty.next-week", NULL, week_action);
  gtk_widget_class_install_action (widget_class, "duty.this-week", NULL, week_action);
  gtk_widget_class_install_action (widget_class, "duty.copy-last-week", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "duty.posts", NULL, posts_action);
  gtk_widget_class_install_action (widget_class, "duty.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "duty.previous-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "duty.next-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "duty.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_duty_window_init (CLDutyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = g_ptr_array_new ();
  self->popover = g_object_ref_sink (cl_duty_assign_popover_new ());
  g_signal_connect_object (self->popover, "saved", G_CALLBACK (popover_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "closed", G_CALLBACK (popover_closed_cb), self, G_CONNECT_SWAPPED);
  cl_date_today (&self->shown);
}

CLDutyWindow *
cl_duty_window_new (GtkWindow *parent,
                    CLContext *context)
{
  CLDutyWindow *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_DUTY_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  cl_context_get_today (context, &self->shown);
  g_signal_connect_object (context, "notify::role", G_CALLBACK (cl_duty_window_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  context_store_cb (self);
  return self;
}

void
cl_duty_window_show_week (CLDutyWindow *self,
                          const char   *day)
{
  g_return_if_fail (CL_IS_DUTY_WINDOW (self));

  if (cl_duty_day_parse (day, &self->shown))
    cl_duty_window_reload (self);
}

CLDutyWeek *
cl_duty_window_get_week (CLDutyWindow *self)
{
  g_return_val_if_fail (CL_IS_DUTY_WINDOW (self), NULL);
  return self->week;
}

GtkWidget *
cl_duty_window_get_cell (CLDutyWindow *self,
                         guint         row,
                         guint         day)
{
  guint i = row * N_DAYS + day;

  g_return_val_if_fail (CL_IS_DUTY_WINDOW (self), NULL);
  return self->cells && day < N_DAYS && i < self->cells->len ? g_ptr_array_index (self->cells, i) : NULL;
}

int
cl_duty_window_find_row (CLDutyWindow *self,
                         const char   *name)
{
  g_return_val_if_fail (CL_IS_DUTY_WINDOW (self), -1);

  for (guint r = 0; self->week && r < self->week->staff->len; r++)
    if (g_strcmp0 (cl_staff_get_display_name (g_ptr_array_index (self->week->staff, r)), name) == 0)
      return (int) r;
  return -1;
}

void
cl_duty_window_get_cursor (CLDutyWindow *self,
                           guint        *row,
                           guint        *day)
{
  g_return_if_fail (CL_IS_DUTY_WINDOW (self));

  *row = self->cursor_row;
  *day = self->cursor_day;
}

CLDutyAssignPopover *
cl_duty_window_get_popover (CLDutyWindow *self)
{
  g_return_val_if_fail (CL_IS_DUTY_WINDOW (self), NULL);
  return self->popover;
}

gboolean
cl_duty_window_drop (CLDutyWindow *self,
                     guint         from_row,
                     guint         from_day,
                     guint         to_row,
                     guint         to_day,
                     gboolean      copy)
{
  g_autoptr(GError) error = NULL;
  CLStaff *from, *to;

  g_return_val_if_fail (CL_IS_DUTY_WINDOW (self), FALSE);

  if (!self->week || from_row >= self->week->staff->len || to_row >= self->week->staff->len
      || from_day >= N_DAYS || to_day >= N_DAYS || !cl_duty_window_may_edit (self))
    return FALSE;
  from = g_ptr_array_index (self->week->staff, from_row);
  to = g_ptr_array_index (self->week->staff, to_row);
  if (!cl_duty_store_move_cell (self->store, cl_record_get_id (CL_RECORD (from)), self->week->days[from_day],
                                cl_record_get_id (CL_RECORD (to)), self->week->days[to_day], copy,
                                cl_context_get_role (self->context), &error))
    {
      cl_duty_window_show_message (self, error->message);
      return FALSE;
    }
  self->cursor_row = to_row;
  self->cursor_day = to_day;
  cl_duty_window_reload (self);
  return TRUE;
}

guint
cl_duty_window_get_n_warnings (CLDutyWindow *self)
{
  g_return_val_if_fail (CL_IS_DUTY_WINDOW (self), 0);
  return self->week ? self->week->warnings->len : 0;
}

const char *
cl_duty_window_get_warning (CLDutyWindow *self,
                            guint         i)
{
  g_return_val_if_fail (CL_IS_DUTY_WINDOW (self), NULL);

  if (self->week == NULL || i >= self->week->warnings->len)
    return NULL;
  return ((CLDutyWarning *) g_ptr_array_index (self->week->warnings, i))->message;
}
