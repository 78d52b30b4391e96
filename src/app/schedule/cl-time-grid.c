#define G_LOG_DOMAIN "cl-time-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-time-grid-private.h"

/* Data, geometry and drawing of the time grid; pointer and keyboard
 * are in cl-time-grid-input.c. */

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

guint cl_time_grid_signals[N_TIME_GRID_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (CLTimeGrid, cl_time_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->id);
  g_free (column->title);
  g_free (column->subtitle);
  g_array_unref (column->unavailable);
  g_ptr_array_unref (column->blocks);
  g_clear_object (&column->layout);
  g_free (column);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->id);
  g_free (block->title);
  g_free (block->subtitle);
  g_clear_object (&block->layout);
  g_free (block);
}

static void
cl_time_grid_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  CLTimeGrid *self = CL_TIME_GRID (widget);

  GTK_WIDGET_CLASS (cl_time_grid_parent_class)->css_changed (widget, change);
  /* Colours follow the style (dark mode too); the text is laid out
   * again in the new font. */
  cl_time_grid_load_colors (self);
  cl_time_grid_drop_layouts (self);
  gtk_widget_queue_draw (widget);
}

/* ---- size and scrolling --------------------------------------------- */

static int
content_height (CLTimeGrid *self)
{
  return CL_TIME_GRID_HEADER_HEIGHT + (self->last_min - self->first_min) * self->hour_height / 60 + 12;
}

static void
cl_time_grid_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  CLTimeGrid *self = CL_TIME_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = CL_TIME_GRID_AXIS_WIDTH + self->min_column_width;
      *natural = CL_TIME_GRID_AXIS_WIDTH + self->min_column_width * MAX (self->columns->len, 1);
    }
  else
    {
      *minimum = CL_TIME_GRID_HEADER_HEIGHT + self->hour_height;
      *natural = content_height (self);
    }
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         upper,
                      double         page,
                      double         step)
{
  if (adjustment == NULL)
    return;
  gtk_adjustment_configure (adjustment,
                            CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (upper - page, 0)),
                            0, MAX (upper, page), step, page * 0.9, page);
}

static void
cl_time_grid_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  CLTimeGrid *self = CL_TIME_GRID (widget);
  guint n = MAX (self->columns->len, 1);
  int column_width = MAX (self->min_column_width, (width - CL_TIME_GRID_AXIS_WIDTH) / (int) n);

  self->column_width = column_width;
  /* A popover on a block (the views' status menus) is the grid's child. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
  configure_adjustment (self->hadjustment, CL_TIME_GRID_AXIS_WIDTH + (double) column_width * n, width, column_width / 2.0);
  configure_adjustment (self->vadjustment, content_height (self), height, self->hour_height / 2.0);
  if (self->pending_scroll >= 0 && self->vadjustment && height > 0)
    {
      int minute = self->pending_scroll;

      self->pending_scroll = -1;
      cl_time_grid_scroll_to_minute (self, minute);
    }
}

static void
adjustment_changed_cb (CLTimeGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (CLTimeGrid     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed_cb, self);
  g_clear_object (slot);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
cl_time_grid_scroll_to_minute (CLTimeGrid *self,
                               int         minute)
{
  g_return_if_fail (CL_IS_TIME_GRID (self));

  /* Before the first allocation the adjustment has no range yet. */
  if (self->vadjustment == NULL || gtk_adjustment_get_page_size (self->vadjustment) <= 0)
    {
      self->pending_scroll = minute;
      return;
    }
  gtk_adjustment_set_value (self->vadjustment, MAX (minute - self->first_min, 0) * self->hour_height / 60.0);
}

/* ---- GObject -------------------------------------------------------- */

static gboolean
now_tick_cb (gpointer user_data)
{
  gtk_widget_queue_draw (user_data);
  return G_SOURCE_CONTINUE;
}

static void
cl_time_grid_map (GtkWidget *widget)
{
  CLTimeGrid *self = CL_TIME_GRID (widget);

  GTK_WIDGET_CLASS (cl_time_grid_parent_class)->map (widget);
  /* The "now" line and the grey past move on. */
  if (self->now_timeout == 0)
    self->now_timeout = g_timeout_add_seconds (30, now_tick_cb, self);
}

static void
cl_time_grid_unmap (GtkWidget *widget)
{
  CLTimeGrid *self = CL_TIME_GRID (widget);

  g_clear_handle_id (&self->now_timeout, g_source_remove);
  GTK_WIDGET_CLASS (cl_time_grid_parent_class)->unmap (widget);
}

static void
cl_time_grid_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CLTimeGrid *self = CL_TIME_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_time_grid_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CLTimeGrid *self = CL_TIME_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_time_grid_dispose (GObject *object)
{
  CLTimeGrid *self = CL_TIME_GRID (object);

  g_clear_handle_id (&self->now_timeout, g_source_remove);
  while (gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (gtk_widget_get_first_child (GTK_WIDGET (self)));
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed_cb, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  cl_time_grid_drop_layouts (self);

  G_OBJECT_CLASS (cl_time_grid_parent_class)->dispose (object);
}

static void
cl_time_grid_finalize (GObject *object)
{
  CLTimeGrid *self = CL_TIME_GRID (object);

  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->columns);
  g_free (self->cursor_block);
  g_free (self->cursor_column_id);
  g_free (self->drag_block);
  g_free (self->place);

  G_OBJECT_CLASS (cl_time_grid_parent_class)->finalize (object);
}

static void
cl_time_grid_class_init (CLTimeGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cl_time_grid_get_property;
  object_class->set_property = cl_time_grid_set_property;
  object_class->dispose = cl_time_grid_dispose;
  object_class->finalize = cl_time_grid_finalize;

  widget_class->snapshot = cl_time_grid_snapshot;
  widget_class->measure = cl_time_grid_measure;
  widget_class->size_allocate = cl_time_grid_size_allocate;
  widget_class->css_changed = cl_time_grid_css_changed;
  widget_class->query_tooltip = cl_time_grid_query_tooltip;
  widget_class->map = cl_time_grid_map;
  widget_class->unmap = cl_time_grid_unmap;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  cl_time_grid_signals[SIGNAL_BLOCK_ACTIVATED] =
    g_signal_new ("block-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  cl_time_grid_signals[SIGNAL_CREATE_REQUESTED] =
    g_signal_new ("create-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_INT64, G_TYPE_INT64);
  cl_time_grid_signals[SIGNAL_BLOCK_MOVED] =
    g_signal_new ("block-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_INT64, G_TYPE_INT64);
  cl_time_grid_signals[SIGNAL_COLUMN_ACTIVATED] =
    g_signal_new ("column-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "timegrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
cl_time_grid_init (CLTimeGrid *self)
{
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->first_min = 7 * 60;
  self->last_min = 18 * 60;
  self->slot_min = 30;
  self->hour_height = 80;
  self->min_column_width = 132;
  self->cursor_min = self->first_min;
  self->cursor_span = self->slot_min;
  self->pending_scroll = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  cl_time_grid_load_colors (self);
  cl_time_grid_init_input (self);
}

/* ---- public API ----------------------------------------------------- */

GtkWidget *
cl_time_grid_new (void)
{
  return g_object_new (CL_TYPE_TIME_GRID, NULL);
}

void
cl_time_grid_set_range (CLTimeGrid *self,
                        int         first_minute,
                        int         last_minute)
{
  g_return_if_fail (CL_IS_TIME_GRID (self));
  g_return_if_fail (first_minute >= 0 && last_minute <= 24 * 60 && first_minute < last_minute);

  self->first_min = first_minute;
  self->last_min = last_minute;
  self->cursor_min = CLAMP (self->cursor_min, first_minute, last_minute - self->slot_min);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cl_time_grid_set_slot_minutes (CLTimeGrid *self,
                               int         minutes)
{
  g_return_if_fail (CL_IS_TIME_GRID (self));
  g_return_if_fail (minutes >= 5 && minutes <= 240);

  self->slot_min = minutes;
  self->cursor_span = minutes;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cl_time_grid_set_now (CLTimeGrid *self,
                      gint64      now)
{
  g_return_if_fail (CL_IS_TIME_GRID (self));
  /* Kept as an offset from the clock, so the now line still moves on
   * when "now" comes from a fixed day (CARELINE_TODAY). */
  self->now_offset = now ? now - g_get_real_time () / G_USEC_PER_SEC : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
cl_time_grid_get_now (CLTimeGrid *self)
{
  g_return_val_if_fail (CL_IS_TIME_GRID (self), 0);
  return g_get_real_time () / G_USEC_PER_SEC + self->now_offset;
}

void
cl_time_grid_clear (CLTimeGrid *self)
{
  Column *column;

  g_return_if_fail (CL_IS_TIME_GRID (self));

  column = cl_time_grid_column (self, self->cursor_column);
  if (column)
    {
      g_free (self->cursor_column_id);
      self->cursor_column_id = g_strdup (column->id);
    }
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->columns, 0);
  self->columns_dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
cl_time_grid_add_column (CLTimeGrid *self,
                         const char *id,
                         const char *title,
                         const char *subtitle,
                         gint64      day_start)
{
  Column *column;

  g_return_val_if_fail (CL_IS_TIME_GRID (self), 0);
  g_return_val_if_fail (title != NULL, 0);

  column = g_new0 (Column, 1);
  column->id = g_strdup (id);
  column->title = g_strdup (title);
  column->subtitle = g_strdup (subtitle);
  column->day_start = day_start;
  column->unavailable = g_array_new (FALSE, FALSE, sizeof (int));
  column->blocks = g_ptr_array_new ();
  g_ptr_array_add (self->columns, column);
  if (self->cursor_column_id && g_strcmp0 (self->cursor_column_id, id) == 0)
    self->cursor_column = self->columns->len - 1;
  else if (self->cursor_column >= self->columns->len)
    self->cursor_column = 0;
  self->columns_dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return self->columns->len - 1;
}

void
cl_time_grid_add_unavailable (CLTimeGrid *self,
                              guint       column,
                              int         from_minute,
                              int         to_minute)
{
  Column *c;

  g_return_if_fail (CL_IS_TIME_GRID (self));
  c = cl_time_grid_column (self, column);
  g_return_if_fail (c != NULL);

  if (to_minute <= from_minute)
    return;
  g_array_append_val (c->unavailable, from_minute);
  g_array_append_val (c->unavailable, to_minute);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cl_time_grid_get_n_columns (CLTimeGrid *self)
{
  g_return_val_if_fail (CL_IS_TIME_GRID (self), 0);
  return self->columns->len;
}

const char *
cl_time_grid_get_column_id (CLTimeGrid *self,
                            guint       column)
{
  Column *c;

  g_return_val_if_fail (CL_IS_TIME_GRID (self), NULL);
  c = cl_time_grid_column (self, column);
  return c ? c->id : NULL;
}

gint64
cl_time_grid_get_column_day (CLTimeGrid *self,
                             guint       column)
{
  Column *c;

  g_return_val_if_fail (CL_IS_TIME_GRID (self), 0);
  c = cl_time_grid_column (self, column);
  return c ? c->day_start : 0;
}

void
cl_time_grid_add_block (CLTimeGrid      *self,
                        const char      *id,
                        guint            column,
                        gint64           start,
                        gint64           end,
                        const char      *title,
                        const char      *subtitle,
                        ClTimeGridState  state,
                        gboolean         movable)
{
  Column *c;
  Block *block;

  g_return_if_fail (CL_IS_TIME_GRID (self));
  g_return_if_fail (id != NULL && title != NULL);
  c = cl_time_grid_column (self, column);
  g_return_if_fail (c != NULL);

  block = g_new0 (Block, 1);
  block->id = g_strdup (id);
  block->title = g_strdup (title);
  block->subtitle = g_strdup (subtitle);
  block->column = column;
  block->start_min = (int) ((start - c->day_start) / 60);
  block->end_min = MAX ((int) ((end - c->day_start) / 60), block->start_min + 1);
  block->state = state;
  block->movable = movable;
  g_ptr_array_add (self->blocks, block);
  g_hash_table_replace (self->by_id, block->id, block);
  if (g_strcmp0 (id, self->cursor_block) == 0)
    {
      self->cursor_column = column;
      self->cursor_min = block->start_min;
    }
  self->columns_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cl_time_grid_get_n_blocks (CLTimeGrid *self)
{
  g_return_val_if_fail (CL_IS_TIME_GRID (self), 0);
  return self->blocks->len;
}

gboolean
cl_time_grid_get_block_area (CLTimeGrid   *self,
                             const char   *id,
                             GdkRectangle *area)
{
  Block *block;
  graphene_rect_t rect;

  g_return_val_if_fail (CL_IS_TIME_GRID (self), FALSE);

  block = cl_time_grid_block (self, id);
  if (block == NULL)
    return FALSE;
  cl_time_grid_ensure_columns (self);
  cl_time_grid_block_rect (self, block, &rect);
  area->x = rect.origin.x;
  area->y = rect.origin.y;
  area->width = rect.size.width;
  area->height = rect.size.height;
  return area->x + area->width > CL_TIME_GRID_AXIS_WIDTH && area->x < gtk_widget_get_width (GTK_WIDGET (self)) &&
         area->y + area->height > CL_TIME_GRID_HEADER_HEIGHT && area->y < gtk_widget_get_height (GTK_WIDGET (self));
}

gboolean
cl_time_grid_get_point (CLTimeGrid *self,
                        guint       column,
                        gint64      when,
                        double     *x,
                        double     *y)
{
  Column *c;

  g_return_val_if_fail (CL_IS_TIME_GRID (self), FALSE);
  c = cl_time_grid_column (self, column);
  if (c == NULL)
    return FALSE;
  *x = cl_time_grid_x_of_column (self, column) + self->column_width / 2.0;
  *y = cl_time_grid_y_of_minute (self, (when - c->day_start) / 60.0);
  return TRUE;
}
