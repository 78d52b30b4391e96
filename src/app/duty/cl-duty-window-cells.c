#define G_LOG_DOMAIN "cl-duty-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-duty-store.h"
#include "cl-duty-window-private.h"

static void
cell_position (GtkWidget *cell,
               guint     *row,
               guint     *day)
{
  *row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "duty-row"));
  *day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "duty-day"));
}

void
cl_duty_window_focus_cell (CLDutyWindow *self,
                           guint         row,
                           guint         day)
{
  GtkWidget *cell = cl_duty_window_get_cell (self, row, day);

  if (cell == NULL)
    return;
  self->cursor_row = row;
  self->cursor_day = day;
  gtk_widget_grab_focus (cell);
}

static void
open_popover (CLDutyWindow *self,
              guint         row,
              guint         day,
              const char   *shift)
{
  GtkWidget *cell = cl_duty_window_get_cell (self, row, day);
  g_autoptr(GPtrArray) current = NULL;
  CLDutyAssignment *first = NULL;
  CLStaff *staff;

  if (cell == NULL || !cl_duty_window_may_edit (self) || self->week->active_posts->len == 0)
    return;
  staff = g_ptr_array_index (self->week->staff, row);
  current = cl_duty_week_cell (self->week, row, day);
  if (current->len > 0)
    first = g_ptr_array_index (current, 0);
  cl_duty_assign_popover_setup (self->popover, self->context, self->week->active_posts,
                                cl_record_get_id (CL_RECORD (staff)), cl_staff_get_display_name (staff),
                                self->week->days[day],
                                first ? cl_duty_assignment_get_post_id (first) : NULL,
                                shift ? shift : first ? cl_duty_assignment_get_shift (first) : NULL);
  if (gtk_widget_get_parent (GTK_WIDGET (self->popover)) != cell)
    {
      if (gtk_widget_get_parent (GTK_WIDGET (self->popover)))
        gtk_widget_unparent (GTK_WIDGET (self->popover));
      gtk_widget_set_parent (GTK_WIDGET (self->popover), cell);
    }
  self->cursor_row = row;
  self->cursor_day = day;
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
clear_cell (CLDutyWindow *self,
            guint         row,
            guint         day)
{
  g_autoptr(GError) error = NULL;
  CLStaff *staff;

  if (!cl_duty_window_may_edit (self) || row >= self->week->staff->len)
    return;
  staff = g_ptr_array_index (self->week->staff, row);
  if (!cl_duty_store_clear_cell (self->store, cl_record_get_id (CL_RECORD (staff)), self->week->days[day],
                                 cl_context_get_role (self->context), &error))
    cl_duty_window_show_message (self, error->message);
  cl_duty_window_reload (self);
}

/* A letter typed on a cell opens the form with the shift it starts:
 * e(arly), r(egular), l(ate), n(ight); any other text opens it as it
 * is. */
static const char *
shift_of_key (guint keyval)
{
  gunichar c = g_unichar_tolower (gdk_keyval_to_unicode (keyval));

  for (const char * const *s = cl_duty_shifts (); *s; s++)
    if ((gunichar) (*s)[0] == c)
      return *s;
  return NULL;
}

static gboolean
cell_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             CLDutyWindow          *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint row, day;

  cell_position (cell, &row, &day);
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      cl_duty_window_focus_cell (self, row, day > 0 ? day - 1 : 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      cl_duty_window_focus_cell (self, row, MIN (day + 1, N_DAYS - 1));
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      cl_duty_window_focus_cell (self, row > 0 ? row - 1 : 0, day);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      cl_duty_window_focus_cell (self, MIN (row + 1, self->week->staff->len - 1), day);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      clear_cell (self, row, day);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      open_popover (self, row, day, NULL);
      return TRUE;
    default:
      if (g_unichar_isprint (gdk_keyval_to_unicode (keyval)))
        {
          open_popover (self, row, day, shift_of_key (keyval));
          return TRUE;
        }
      return FALSE;
    }
}

static void
cell_clicked_cb (GtkButton    *cell,
                 CLDutyWindow *self)
{
  guint row, day;

  cell_position (GTK_WIDGET (cell), &row, &day);
  open_popover (self, row, day, NULL);
}

static void
cell_focus_cb (GtkEventControllerFocus *controller,
               CLDutyWindow            *self)
{
  cell_position (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)),
                 &self->cursor_row, &self->cursor_day);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 CLDutyWindow  *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GPtrArray) held = NULL;
  g_autofree char *what = NULL;
  guint row, day;

  cell_position (cell, &row, &day);
  held = cl_duty_week_cell (self->week, row, day);
  if (held->len == 0 || !cl_duty_window_may_edit (self))
    return NULL;
  what = g_strdup_printf ("%u:%u", row, day);
  return gdk_content_provider_new_typed (G_TYPE_STRING, what);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               CLDutyWindow  *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (cell);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CLDutyWindow  *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (target));
  guint from_row, from_day, to_row, to_day;
  gboolean copy;

  if (!G_VALUE_HOLDS_STRING (value) || sscanf (g_value_get_string (value), "%u:%u", &from_row, &from_day) != 2)
    return FALSE;
  cell_position (cell, &to_row, &to_day);
  /* Ctrl held, or a drop that can only copy: a copy. */
  copy = (state & GDK_CONTROL_MASK) != 0 || (drop && gdk_drop_get_actions (drop) == GDK_ACTION_COPY);
  return cl_duty_window_drop (self, from_row, from_day, to_row, to_day, copy);
}

GtkWidget *
cl_duty_window_new_cell (CLDutyWindow *self,
                         guint         row,
                         guint         day)
{
  GtkWidget *cell = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GPtrArray) held = cl_duty_week_cell (self->week, row, day);
  g_autofree char *description = cl_duty_week_cell_description (self->week, row, day);
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE | GDK_ACTION_COPY);

  g_object_set_data (G_OBJECT (cell), "duty-row", GUINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (cell), "duty-day", GUINT_TO_POINTER (day));
  gtk_widget_add_css_class (cell, "duty-cell");
  gtk_widget_add_css_class (cell, "flat");
  if (held->len == 0)
    gtk_widget_add_css_class (cell, "duty-empty");
  if (cl_duty_week_cell_flagged (self->week, row, day))
    gtk_widget_add_css_class (cell, "duty-flagged");
  gtk_widget_set_size_request (cell, 104, 40);
  gtk_widget_set_hexpand (cell, TRUE);
  /* Two lines per shift, the shift over its post (cut short if need
   * be: the tooltip says it whole). */
  for (guint i = 0; i < held->len; i++)
    {
      CLDutyAssignment *a = g_ptr_array_index (held, i);
      CLDutyPost *post = cl_duty_week_find_post (self->week, cl_duty_assignment_get_post_id (a));
      const char *lines[2] = { cl_duty_shift_label (cl_duty_assignment_get_shift (a)),
                               post ? cl_duty_post_get_display_name (post) : "?" };

      for (guint k = 0; k < 2; k++)
        {
          GtkWidget *label = gtk_label_new (lines[k]);

          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, k == 0 ? "heading" : "caption");
          gtk_box_append (GTK_BOX (box), label);
        }
    }
  if (held->len == 0)
    gtk_box_append (GTK_BOX (box), gtk_label_new ("—"));
  gtk_button_set_child (GTK_BUTTON (cell), box);
  gtk_widget_set_tooltip_text (cell, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_signal_connect (cell, "clicked", G_CALLBACK (cell_clicked_cb), self);

  g_signal_connect (key, "key-pressed", G_CALLBACK (cell_key_cb), self);
  gtk_widget_add_controller (cell, key);
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_cb), self);
  gtk_widget_add_controller (cell, focus);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (target));
  return cell;
}

