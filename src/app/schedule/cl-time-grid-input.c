#define G_LOG_DOMAIN "cl-time-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-time-grid-private.h"

/* Pointer and keyboard of the time grid (tooltips and what it says to
 * a screen reader: cl-time-grid-access.c).  Every pointer action has a
 * key: see cl-time-grid.h. */

#define RESIZE_EDGE 10

static void
emit_moved (CLTimeGrid *self,
            Block      *block,
            guint       column,
            int         start_min,
            int         end_min)
{
  g_autofree char *id = g_strdup (block->id);

  if (block->column == column && block->start_min == start_min && block->end_min == end_min)
    return;
  cl_time_grid_place_block (self, block, column, start_min, end_min);
  cl_time_grid_update_accessible (self);
  /* The view may rebuild the grid in the handler: only the copy of the
   * id is used after this. */
  g_signal_emit (self, cl_time_grid_signals[SIGNAL_BLOCK_MOVED], 0, id, column,
                 cl_time_grid_instant (self, column, start_min),
                 cl_time_grid_instant (self, column, end_min));
}

static void
emit_create (CLTimeGrid *self,
             guint       column,
             int         start_min,
             int         end_min)
{
  g_signal_emit (self, cl_time_grid_signals[SIGNAL_CREATE_REQUESTED], 0, column,
                 cl_time_grid_instant (self, column, start_min),
                 cl_time_grid_instant (self, column, end_min));
}

static void
emit_activated (CLTimeGrid *self,
                const char *id)
{
  g_autofree char *copy = g_strdup (id);

  g_signal_emit (self, cl_time_grid_signals[SIGNAL_BLOCK_ACTIVATED], 0, copy);
}

/* ---- cursor --------------------------------------------------------- */

static void
scroll_into_view (CLTimeGrid *self,
                  double      x,
                  double      y,
                  double      width,
                  double      height)
{
  int view_width = gtk_widget_get_width (GTK_WIDGET (self));
  int view_height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->vadjustment)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (y < CL_TIME_GRID_HEADER_HEIGHT)
        gtk_adjustment_set_value (self->vadjustment, value - (CL_TIME_GRID_HEADER_HEIGHT - y));
      else if (y + height > view_height)
        gtk_adjustment_set_value (self->vadjustment, value + MIN (y + height - view_height,
                                                                  y - CL_TIME_GRID_HEADER_HEIGHT));
    }
  if (self->hadjustment)
    {
      double value = gtk_adjustment_get_value (self->hadjustment);

      if (x < CL_TIME_GRID_AXIS_WIDTH)
        gtk_adjustment_set_value (self->hadjustment, value - (CL_TIME_GRID_AXIS_WIDTH - x));
      else if (x + width > view_width)
        gtk_adjustment_set_value (self->hadjustment, value + (x + width - view_width));
    }
}

static void
cursor_changed (CLTimeGrid *self)
{
  Block *block = cl_time_grid_block (self, self->cursor_block);

  self->cursor_placed = TRUE;
  if (block)
    {
      graphene_rect_t rect;

      cl_time_grid_block_rect (self, block, &rect);
      scroll_into_view (self, rect.origin.x, rect.origin.y, rect.size.width, MIN (rect.size.height, self->hour_height));
    }
  else if (self->cursor_column < self->columns->len)
    {
      double y = cl_time_grid_y_of_minute (self, self->cursor_min);

      scroll_into_view (self, cl_time_grid_x_of_column (self, self->cursor_column), y, self->column_width,
                        cl_time_grid_y_of_minute (self, self->cursor_min + self->cursor_span) - y);
    }
  cl_time_grid_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_block (CLTimeGrid *self,
             Block      *block)
{
  g_free (self->cursor_block);
  self->cursor_block = g_strdup (block->id);
  self->cursor_placed = TRUE;
  self->cursor_column = block->column;
  self->cursor_min = block->start_min;
  self->cursor_span = self->slot_min;
}

static void
focus_slot (CLTimeGrid *self,
            guint       column,
            int         minute)
{
  g_clear_pointer (&self->cursor_block, g_free);
  self->cursor_placed = TRUE;
  self->cursor_column = column;
  self->cursor_min = CLAMP (cl_time_grid_snap_down (self, minute), self->first_min,
                            self->last_min - self->slot_min);
  self->cursor_span = self->slot_min;
}

/* Moves the cursor to @block, or to the free slot at (@column, @minute)
 * when there is none. */
static void
focus_block_or_slot (CLTimeGrid *self,
                     Block      *block,
                     guint       column,
                     int         minute)
{
  if (block)
    focus_block (self, block);
  else
    focus_slot (self, column, minute);
  cursor_changed (self);
}

/* The first (@forward) or last block of @column overlapping
 * [from, to), or NULL. */
static Block *
block_in (CLTimeGrid *self,
          guint       column,
          int         from,
          int         to,
          gboolean    forward)
{
  Column *c = cl_time_grid_column (self, column);
  Block *found = NULL;

  if (c == NULL)
    return NULL;
  for (guint i = 0; i < c->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (c->blocks, i);

      if (block->start_min >= to)
        break;
      if (block->end_min > from)
        {
          found = block;
          if (forward)
            break;
        }
    }
  return found;
}

static void
move_cursor_vertically (CLTimeGrid *self,
                        int         direction)
{
  Block *current = cl_time_grid_block (self, self->cursor_block);
  Column *column = cl_time_grid_column (self, self->cursor_column);
  Block *next = NULL;
  int minute;

  if (column == NULL)
    return;
  if (current)
    {
      guint index;

      /* Through overlapping blocks one by one, then on to free time. */
      g_ptr_array_find (column->blocks, current, &index);
      if (direction > 0 && index + 1 < column->blocks->len)
        {
          Block *after = g_ptr_array_index (column->blocks, index + 1);
          if (after->start_min < current->end_min + self->slot_min)
            next = after;
        }
      else if (direction < 0 && index > 0)
        {
          Block *before = g_ptr_array_index (column->blocks, index - 1);
          if (before->end_min > current->start_min - self->slot_min)
            next = before;
        }
      minute = direction > 0 ? current->end_min : current->start_min - self->slot_min;
    }
  else
    minute = self->cursor_min + (direction > 0 ? self->cursor_span : -self->slot_min);

  if (next == NULL)
    {
      minute = CLAMP (cl_time_grid_snap_down (self, minute), self->first_min, self->last_min - self->slot_min);
      next = block_in (self, self->cursor_column, minute, minute + self->slot_min, direction > 0);
      if (next == current && current)
        next = NULL;
    }
  focus_block_or_slot (self, next, self->cursor_column, minute);
}

static void
move_cursor_to_column (CLTimeGrid *self,
                       int         target)
{
  Block *current = cl_time_grid_block (self, self->cursor_block);
  int minute = current ? current->start_min : self->cursor_min;

  target = CLAMP (target, 0, (int) self->columns->len - 1);
  focus_block_or_slot (self, block_in (self, target, minute, minute + self->slot_min, TRUE), target, minute);
}

static void
move_cursor_to_minute (CLTimeGrid *self,
                       int         minute)
{
  focus_block_or_slot (self, block_in (self, self->cursor_column, minute, minute + self->slot_min, TRUE),
                       self->cursor_column, minute);
}

/* Shift+arrows and Ctrl+Up/Down on a focused block: the keyboard's drag. */
static void
move_focused_block (CLTimeGrid *self,
                    int         d_column,
                    int         d_start,
                    int         d_end)
{
  Block *block = cl_time_grid_block (self, self->cursor_block);
  int column, start, end;

  if (block == NULL || !block->movable)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  column = (int) block->column + d_column;
  start = block->start_min + d_start;
  end = block->end_min + d_end;
  if (column < 0 || column >= (int) self->columns->len || start < self->first_min ||
      end > self->last_min || end - start < self->slot_min)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  emit_moved (self, block, column, start, end);
  block = cl_time_grid_block (self, self->cursor_block);
  if (block)
    cursor_changed (self);
}

/* Tab / Shift+Tab: the next or previous block in reading order (by
 * column, then start), so every block is reached by Tab too; FALSE
 * past the last or the first, and the focus moves on out of the grid
 * rather than being trapped in it. */
static gboolean
step_block (CLTimeGrid *self,
            int         direction)
{
  Block *current = cl_time_grid_block (self, self->cursor_block);
  int column = current ? (int) current->column : (int) self->cursor_column;
  Column *c = cl_time_grid_column (self, column);
  int i = 0;

  if (c == NULL)
    return FALSE;
  if (current)
    {
      guint index = 0;

      g_ptr_array_find (c->blocks, current, &index);
      i = (int) index + direction;
    }
  else
    {
      /* From a free slot: the first block starting there or later. */
      while (i < (int) c->blocks->len &&
             ((Block *) g_ptr_array_index (c->blocks, i))->start_min < self->cursor_min)
        i++;
      if (direction < 0)
        i--;
    }
  while (i < 0 || i >= (int) c->blocks->len)
    {
      column += direction;
      if (column < 0 || column >= (int) self->columns->len)
        return FALSE;
      c = cl_time_grid_column (self, column);
      i = direction > 0 ? 0 : (int) c->blocks->len - 1;
    }
  focus_block (self, g_ptr_array_index (c->blocks, i));
  cursor_changed (self);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CLTimeGrid            *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  Block *block;

  if (state & GDK_ALT_MASK)
    return FALSE;
  if (self->columns->len == 0)
    return FALSE;
  cl_time_grid_ensure_columns (self);
  self->cursor_column = MIN (self->cursor_column, self->columns->len - 1);
  block = cl_time_grid_block (self, self->cursor_block);

  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (self->drag_mode == DRAG_NONE)
        return FALSE;
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (g_object_get_data (G_OBJECT (self), "drag")));
      self->drag_mode = DRAG_NONE;
      self->dragging = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      {
        int direction = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1;

        if (block && shift)
          move_focused_block (self, 0, direction * self->slot_min, direction * self->slot_min);
        else if (block && ctrl)
          move_focused_block (self, 0, 0, direction * self->slot_min);
        else if (shift)
          {
            /* Widen or narrow the selection: the keyboard's drag to create. */
            int span = self->cursor_span + direction * self->slot_min;

            if (span >= self->slot_min && self->cursor_min + span <= self->last_min)
              self->cursor_span = span;
            cursor_changed (self);
          }
        else
          move_cursor_vertically (self, direction);
        return TRUE;
      }

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        int direction = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;

        if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
          direction = -direction;
        if (block && shift)
          move_focused_block (self, direction, 0, 0);
        else if (ctrl)
          move_cursor_to_column (self, direction < 0 ? 0 : (int) self->columns->len - 1);
        else
          move_cursor_to_column (self, (int) self->cursor_column + direction);
        return TRUE;
      }

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      /* Ctrl+Tab leaves at once, as in any widget that uses Tab. */
      if (ctrl)
        return FALSE;
      return step_block (self, shift || keyval == GDK_KEY_ISO_Left_Tab ? -1 : 1);

    case GDK_KEY_Page_Up:
    case GDK_KEY_Page_Down:
      move_cursor_to_minute (self, CLAMP (self->cursor_min + (keyval == GDK_KEY_Page_Up ? -60 : 60),
                                          self->first_min, self->last_min - self->slot_min));
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_End:
      move_cursor_to_minute (self, keyval == GDK_KEY_Home ? self->first_min : self->last_min - self->slot_min);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_Menu:
      if (block)
        emit_activated (self, block->id);
      else
        emit_create (self, self->cursor_column, self->cursor_min, self->cursor_min + self->cursor_span);
      return TRUE;

    case GDK_KEY_F10:
      if (shift && block)
        {
          emit_activated (self, block->id);
          return TRUE;
        }
      return FALSE;

    default:
      return FALSE;
    }
}

/* ---- pointer -------------------------------------------------------- */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CLTimeGrid     *self)
{
  int column = cl_time_grid_column_at (self, x);
  Block *block;

  GdkEvent *event = gtk_gesture_get_last_event (GTK_GESTURE (gesture),
                                                gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture)));
  GdkDevice *device = event ? gdk_event_get_device (event) : NULL;

  self->drag_mode = DRAG_NONE;
  self->dragging = FALSE;
  self->touch = device && gdk_device_get_source (device) == GDK_SOURCE_TOUCHSCREEN;
  self->drag_x = x;
  self->drag_y = y;
  g_clear_pointer (&self->drag_block, g_free);
  if (column < 0 || x < CL_TIME_GRID_AXIS_WIDTH)
    return;
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (y < CL_TIME_GRID_HEADER_HEIGHT)
    {
      self->drag_mode = DRAG_HEADER;
      self->drag_column = column;
      return;
    }

  block = cl_time_grid_block_at (self, x, y);
  if (block)
    {
      graphene_rect_t rect;

      cl_time_grid_block_rect (self, block, &rect);
      self->drag_block = g_strdup (block->id);
      self->drag_column = block->column;
      self->drag_start_min = block->start_min;
      self->drag_end_min = block->end_min;
      self->drag_mode = block->movable && rect.size.height >= 3 * RESIZE_EDGE &&
                        y > rect.origin.y + rect.size.height - RESIZE_EDGE ? DRAG_RESIZE : DRAG_MOVE;
      focus_block (self, block);
    }
  else
    {
      double minute = cl_time_grid_minute_at (self, y);

      if (minute >= self->last_min)
        return;
      self->drag_mode = DRAG_CREATE;
      self->drag_column = column;
      self->drag_start_min = cl_time_grid_snap_down (self, minute);
      focus_slot (self, column, minute);
    }
  cl_time_grid_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_preview (CLTimeGrid *self,
                double      offset_x,
                double      offset_y)
{
  double delta = offset_y * 60.0 / self->hour_height;
  int length;

  switch (self->drag_mode)
    {
    case DRAG_CREATE:
      {
        int here = cl_time_grid_snap_down (self, cl_time_grid_minute_at (self, self->drag_y + offset_y));

        self->preview_column = self->drag_column;
        self->preview_start = CLAMP (MIN (here, self->drag_start_min), self->first_min, self->last_min - self->slot_min);
        self->preview_end = CLAMP (MAX (here, self->drag_start_min) + self->slot_min, self->first_min + self->slot_min, self->last_min);
        break;
      }
    case DRAG_MOVE:
      {
        int column = cl_time_grid_column_at (self, MAX (self->drag_x + offset_x, CL_TIME_GRID_AXIS_WIDTH));

        length = self->drag_end_min - self->drag_start_min;
        self->preview_column = column < 0 ? self->drag_column : (guint) column;
        self->preview_start = CLAMP (cl_time_grid_snap (self, self->drag_start_min + delta),
                                     self->first_min, MAX (self->last_min - length, self->first_min));
        self->preview_end = self->preview_start + length;
        break;
      }
    case DRAG_RESIZE:
      self->preview_column = self->drag_column;
      self->preview_start = self->drag_start_min;
      self->preview_end = CLAMP (cl_time_grid_snap (self, self->drag_end_min + delta),
                                 self->drag_start_min + self->slot_min, self->last_min);
      break;
    case DRAG_NONE:
    case DRAG_HEADER:
    default:
      break;
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                CLTimeGrid     *self)
{
  Block *block = cl_time_grid_block (self, self->drag_block);
  int threshold = 8;

  if (self->drag_mode == DRAG_NONE || self->drag_mode == DRAG_HEADER)
    return;
  if (!self->dragging)
    {
      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
      if (hypot (offset_x, offset_y) < threshold)
        return;
      if (self->drag_mode != DRAG_CREATE && (block == NULL || !block->movable))
        return;
      /* A finger swiping over free time scrolls the calendar (a tap
       * still creates); on a block it moves the block. */
      if (self->touch && self->drag_mode == DRAG_CREATE)
        {
          self->drag_mode = DRAG_NONE;
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
          return;
        }
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  update_preview (self, offset_x, offset_y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             CLTimeGrid     *self)
{
  DragMode mode = self->drag_mode;
  Block *block = cl_time_grid_block (self, self->drag_block);
  gboolean dragged = self->dragging;

  self->drag_mode = DRAG_NONE;
  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (!dragged)
    {
      /* A click: open the block or the column, or create at the slot. */
      if (mode == DRAG_HEADER)
        g_signal_emit (self, cl_time_grid_signals[SIGNAL_COLUMN_ACTIVATED], 0, self->drag_column);
      else if ((mode == DRAG_MOVE || mode == DRAG_RESIZE) && block)
        emit_activated (self, block->id);
      else if (mode == DRAG_CREATE)
        emit_create (self, self->drag_column, self->drag_start_min, self->drag_start_min + self->slot_min);
      return;
    }

  update_preview (self, offset_x, offset_y);
  if (mode == DRAG_CREATE)
    {
      self->cursor_min = self->preview_start;
      self->cursor_span = self->preview_end - self->preview_start;
      emit_create (self, self->preview_column, self->preview_start, self->preview_end);
    }
  else if (block)
    emit_moved (self, block, self->preview_column, self->preview_start, self->preview_end);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                CLTimeGrid       *self)
{
  self->drag_mode = DRAG_NONE;
  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CLTimeGrid               *self)
{
  Block *block;
  const char *cursor = NULL;

  if (self->dragging)
    cursor = self->drag_mode == DRAG_RESIZE ? "ns-resize" : self->drag_mode == DRAG_MOVE ? "grabbing" : "cell";
  else if (y < CL_TIME_GRID_HEADER_HEIGHT)
    cursor = x >= CL_TIME_GRID_AXIS_WIDTH ? "pointer" : NULL;
  else if ((block = cl_time_grid_block_at (self, x, y)) != NULL)
    {
      graphene_rect_t rect;

      cl_time_grid_block_rect (self, block, &rect);
      cursor = block->movable && rect.size.height >= 3 * RESIZE_EDGE &&
               y > rect.origin.y + rect.size.height - RESIZE_EDGE ? "ns-resize" : "pointer";
    }
  else if (x >= CL_TIME_GRID_AXIS_WIDTH)
    cursor = "cell";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
focus_changed_cb (CLTimeGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cl_time_grid_init_input (CLTimeGrid *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  /* Escape finds the drag here to cancel it. */
  g_object_set_data (G_OBJECT (self), "drag", drag);

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

const char *
cl_time_grid_get_focused_block (CLTimeGrid *self)
{
  g_return_val_if_fail (CL_IS_TIME_GRID (self), NULL);
  return cl_time_grid_block (self, self->cursor_block) ? self->cursor_block : NULL;
}

gboolean
cl_time_grid_get_selection (CLTimeGrid *self,
                            guint      *column,
                            gint64     *start,
                            gint64     *end)
{
  g_return_val_if_fail (CL_IS_TIME_GRID (self), FALSE);

  if (self->cursor_column >= self->columns->len)
    return FALSE;
  *column = self->cursor_column;
  *start = cl_time_grid_instant (self, self->cursor_column, self->cursor_min);
  *end = cl_time_grid_instant (self, self->cursor_column, self->cursor_min + self->cursor_span);
  return cl_time_grid_get_focused_block (self) == NULL;
}

gboolean
cl_time_grid_get_new_slot (CLTimeGrid *self,
                           guint      *column,
                           gint64     *start,
                           gint64     *end)
{
  Block *block;

  g_return_val_if_fail (CL_IS_TIME_GRID (self), FALSE);

  if (!self->cursor_placed || self->cursor_column >= self->columns->len)
    return FALSE;
  block = cl_time_grid_block (self, self->cursor_block);
  *column = self->cursor_column;
  if (block)
    {
      /* Right after the focused block, where the next one would go. */
      *start = cl_time_grid_instant (self, block->column, block->end_min);
      *end = cl_time_grid_instant (self, block->column, block->end_min + self->slot_min);
      *column = block->column;
      return TRUE;
    }
  *start = cl_time_grid_instant (self, self->cursor_column, self->cursor_min);
  *end = cl_time_grid_instant (self, self->cursor_column, self->cursor_min + self->cursor_span);
  return TRUE;
}

void
cl_time_grid_focus_block (CLTimeGrid *self,
                          const char *id)
{
  Block *block;

  g_return_if_fail (CL_IS_TIME_GRID (self));
  block = cl_time_grid_block (self, id);
  if (block == NULL)
    return;
  cl_time_grid_ensure_columns (self);
  focus_block (self, block);
  cursor_changed (self);
}

void
cl_time_grid_select_slot (CLTimeGrid *self,
                          guint       column,
                          gint64      start)
{
  g_return_if_fail (CL_IS_TIME_GRID (self));
  if (column >= self->columns->len)
    return;
  focus_slot (self, column, (int) ((start - cl_time_grid_get_column_day (self, column)) / 60));
  cursor_changed (self);
}
