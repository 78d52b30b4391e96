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

/* ---- geometry ------------------------------------------------------- */

static double
hscroll (CLTimeGrid *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vscroll (CLTimeGrid *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

Column *
cl_time_grid_column (CLTimeGrid *self,
                     guint       column)
{
  return column < self->columns->len ? g_ptr_array_index (self->columns, column) : NULL;
}

Block *
cl_time_grid_block (CLTimeGrid *self,
                    const char *id)
{
  return id ? g_hash_table_lookup (self->by_id, id) : NULL;
}

double
cl_time_grid_x_of_column (CLTimeGrid *self,
                          guint       column)
{
  return CL_TIME_GRID_AXIS_WIDTH + (double) column * self->column_width - hscroll (self);
}

double
cl_time_grid_y_of_minute (CLTimeGrid *self,
                          double      minute)
{
  return CL_TIME_GRID_HEADER_HEIGHT + (minute - self->first_min) * self->hour_height / 60.0 - vscroll (self);
}

double
cl_time_grid_minute_at (CLTimeGrid *self,
                        double      y)
{
  return self->first_min + (y - CL_TIME_GRID_HEADER_HEIGHT + vscroll (self)) * 60.0 / self->hour_height;
}

int
cl_time_grid_column_at (CLTimeGrid *self,
                        double      x)
{
  double offset = x - CL_TIME_GRID_AXIS_WIDTH + hscroll (self);

  if (self->columns->len == 0 || offset < 0 || self->column_width <= 0)
    return -1;
  return MIN ((guint) (offset / self->column_width), self->columns->len - 1);
}

int
cl_time_grid_snap (CLTimeGrid *self,
                   double      minute)
{
  double slots = (minute - self->first_min) / self->slot_min;

  return self->first_min + (int) floor (slots + 0.5) * self->slot_min;
}

int
cl_time_grid_snap_down (CLTimeGrid *self,
                        double      minute)
{
  return self->first_min + (int) floor ((minute - self->first_min) / self->slot_min) * self->slot_min;
}

gint64
cl_time_grid_instant (CLTimeGrid *self,
                      guint       column,
                      int         minute)
{
  Column *c = cl_time_grid_column (self, column);

  return (c ? c->day_start : 0) + (gint64) minute * 60;
}

char *
cl_time_grid_format_minute (int minute)
{
  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const Block *x = *(Block * const *) a, *y = *(Block * const *) b;

  if (x->start_min != y->start_min)
    return x->start_min < y->start_min ? -1 : 1;
  return (x->end_min > y->end_min) - (x->end_min < y->end_min);
}

/* Overlapping blocks (the unassigned lane has them) share the column
 * side by side, as in a calendar: each cluster of overlaps gets as many
 * lanes as it needs at most at once. */
static void
assign_lanes (Column *column)
{
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (int));
  guint cluster = 0;
  int cluster_end = G_MININT;

  column->max_minutes = 0;
  for (guint i = 0; i <= column->blocks->len; i++)
    {
      Block *block = i < column->blocks->len ? g_ptr_array_index (column->blocks, i) : NULL;
      guint lane;

      if (block == NULL || block->start_min >= cluster_end)
        {
          for (guint j = cluster; j < i; j++)
            ((Block *) g_ptr_array_index (column->blocks, j))->n_lanes = lane_ends->len;
          g_array_set_size (lane_ends, 0);
          cluster = i;
        }
      if (block == NULL)
        break;
      for (lane = 0; lane < lane_ends->len; lane++)
        if (g_array_index (lane_ends, int, lane) <= block->start_min)
          break;
      if (lane == lane_ends->len)
        g_array_append_val (lane_ends, block->end_min);
      else
        g_array_index (lane_ends, int, lane) = block->end_min;
      block->lane = lane;
      cluster_end = i == cluster ? block->end_min : MAX (cluster_end, block->end_min);
      column->max_minutes = MAX (column->max_minutes, block->end_min - block->start_min);
    }
}

void
cl_time_grid_ensure_columns (CLTimeGrid *self)
{
  if (!self->columns_dirty)
    return;
  self->columns_dirty = FALSE;

  for (guint i = 0; i < self->columns->len; i++)
    g_ptr_array_set_size (((Column *) g_ptr_array_index (self->columns, i))->blocks, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      Column *column = cl_time_grid_column (self, block->column);

      if (column)
        g_ptr_array_add (column->blocks, block);
    }
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      g_ptr_array_sort (column->blocks, compare_blocks);
      assign_lanes (column);
    }
}

void
cl_time_grid_block_rect (CLTimeGrid      *self,
                         Block           *block,
                         graphene_rect_t *rect)
{
  double x = cl_time_grid_x_of_column (self, block->column) + 3;
  double width = (self->column_width - 6.0) / MAX (block->n_lanes, 1);
  double y = cl_time_grid_y_of_minute (self, block->start_min);
  double y2 = cl_time_grid_y_of_minute (self, block->end_min);

  graphene_rect_init (rect, x + block->lane * width, y + 1, width - 2, MAX (y2 - y - 2, 14));
}

/* Index of the first block of @column that may reach @minute. */
static guint
first_block_reaching (Column *column,
                      int     minute)
{
  int from = minute - column->max_minutes;
  guint lo = 0, hi = column->blocks->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (((Block *) g_ptr_array_index (column->blocks, mid))->start_min < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

Block *
cl_time_grid_block_at (CLTimeGrid *self,
                       double      x,
                       double      y)
{
  int index = cl_time_grid_column_at (self, x);
  double minute = cl_time_grid_minute_at (self, y);
  Column *column;

  if (index < 0 || y < CL_TIME_GRID_HEADER_HEIGHT)
    return NULL;
  cl_time_grid_ensure_columns (self);
  column = cl_time_grid_column (self, index);
  for (guint i = first_block_reaching (column, (int) minute); i < column->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (column->blocks, i);
      graphene_rect_t rect;

      if (block->start_min > minute)
        break;
      cl_time_grid_block_rect (self, block, &rect);
      if (graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        return block;
    }
  return NULL;
}

char *
cl_time_grid_describe_block (CLTimeGrid *self,
                             Block      *block)
{
  g_autofree char *from = cl_time_grid_format_minute (block->start_min);
  g_autofree char *to = cl_time_grid_format_minute (block->end_min);
  Column *column = cl_time_grid_column (self, block->column);

  /* Translators: a block of the schedule: its title (a patient), its
   * subtitle (what and where), the times and the column (an escort, a
   * room or a day), one per line */
  return g_strdup_printf (_("%s\n%s\n%s–%s · %s"), block->title, block->subtitle ? block->subtitle : "",
                          from, to, column ? column->title : "");
}

void
cl_time_grid_place_block (CLTimeGrid *self,
                          Block      *block,
                          guint       column,
                          int         start_min,
                          int         end_min)
{
  if (block->column == column && block->start_min == start_min && block->end_min == end_min)
    return;
  block->column = column;
  block->start_min = start_min;
  block->end_min = end_min;
  g_clear_object (&block->layout);
  self->columns_dirty = TRUE;
  if (block->id && g_strcmp0 (block->id, self->cursor_block) == 0)
    {
      self->cursor_column = column;
      self->cursor_min = start_min;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- colours -------------------------------------------------------- */

static void
lookup (GtkStyleContext *context,
        const char      *name,
        const char      *fallback,
        GdkRGBA         *out)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
}

static void
load_colors (CLTimeGrid *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg;
  static const char *states[] = { "#3584e4", "#e66100", "#2ec27e", "#9a9996", "#e01b24" };

  gtk_style_context_get_color (context, &fg);
  self->colors[COLOR_FG] = fg;
  lookup (context, "view_bg_color", "#ffffff", &self->colors[COLOR_BG]);
  lookup (context, "headerbar_shade_color", "rgba(0,0,0,0.07)", &self->colors[COLOR_HEADER_BG]);
  self->colors[COLOR_HEADER_BG] = self->colors[COLOR_BG];
  lookup (context, "accent_color", "#1c71d8", &self->colors[COLOR_ACCENT]);
  lookup (context, "destructive_bg_color", "#e01b24", &self->colors[COLOR_NOW]);
  self->colors[COLOR_LINE] = (GdkRGBA) { fg.red, fg.green, fg.blue, 0.15 };
  self->colors[COLOR_HALF_LINE] = (GdkRGBA) { fg.red, fg.green, fg.blue, 0.06 };
  self->colors[COLOR_PAST] = (GdkRGBA) { fg.red, fg.green, fg.blue, 0.06 };
  self->colors[COLOR_UNAVAILABLE] = (GdkRGBA) { fg.red, fg.green, fg.blue, 0.11 };
  self->colors[COLOR_DIM_FG] = (GdkRGBA) { fg.red, fg.green, fg.blue, 0.6 };
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    gdk_rgba_parse (&self->state_colors[i], states[i]);
}

static void
drop_layouts (CLTimeGrid *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->hour_layouts); i++)
    g_clear_object (&self->hour_layouts[i]);
  for (guint i = 0; i < self->columns->len; i++)
    g_clear_object (&((Column *) g_ptr_array_index (self->columns, i))->layout);
  for (guint i = 0; i < self->blocks->len; i++)
    g_clear_object (&((Block *) g_ptr_array_index (self->blocks, i))->layout);
}

static void
cl_time_grid_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  CLTimeGrid *self = CL_TIME_GRID (widget);

  GTK_WIDGET_CLASS (cl_time_grid_parent_class)->css_changed (widget, change);
  load_colors (self);
  drop_layouts (self);
  gtk_widget_queue_draw (widget);
}

/* ---- drawing -------------------------------------------------------- */

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  if (width > 0 && height > 0)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
append_outline (GtkSnapshot           *snapshot,
                const GdkRGBA         *color,
                const graphene_rect_t *rect,
                float                  width)
{
  GskRoundedRect outline;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, rect, 4);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static PangoLayout *
block_layout (CLTimeGrid *self,
              Block      *block,
              int         width,
              int         height)
{
  if (block->layout && block->layout_width == width && block->layout_height == height)
    return block->layout;

  if (block->layout == NULL)
    {
      g_autofree char *text = g_strconcat (block->title, "\n", block->subtitle ? block->subtitle : "", NULL);
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *attr;
      guint title_len = strlen (block->title);

      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->end_index = title_len;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_scale_new (0.85);
      attr->start_index = title_len + 1;
      pango_attr_list_insert (attrs, attr);
      if (block->state == CL_TIME_GRID_CANCELLED || block->state == CL_TIME_GRID_MISSED)
        {
          attr = pango_attr_strikethrough_new (TRUE);
          attr->end_index = title_len;
          pango_attr_list_insert (attrs, attr);
        }
      block->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_layout_set_attributes (block->layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_ellipsize (block->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD);
    }
  pango_layout_set_width (block->layout, MAX (width, 1) * PANGO_SCALE);
  /* A short block shows the name and the subtitle on one line each; a
   * tall one lets them wrap. */
  pango_layout_set_height (block->layout, height < 64 ? -1 : height * PANGO_SCALE);
  block->layout_width = width;
  block->layout_height = height;
  return block->layout;
}

static void
draw_block (CLTimeGrid  *self,
            GtkSnapshot *snapshot,
            Block       *block,
            gboolean     focused)
{
  graphene_rect_t rect;
  const GdkRGBA *state = &self->state_colors[block->state];
  GdkRGBA fill = { state->red, state->green, state->blue, block->state == CL_TIME_GRID_CANCELLED ? 0.14 : 0.24 };
  const GdkRGBA *text = block->state == CL_TIME_GRID_CANCELLED ? &self->colors[COLOR_DIM_FG] : &self->colors[COLOR_FG];
  PangoLayout *layout;

  cl_time_grid_block_rect (self, block, &rect);
  append_rect (snapshot, &self->colors[COLOR_BG], rect.origin.x, rect.origin.y, rect.size.width, rect.size.height);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  append_rect (snapshot, state, rect.origin.x, rect.origin.y, 4, rect.size.height);

  if (rect.size.width > 14)
    {
      layout = block_layout (self, block, rect.size.width - 12, rect.size.height - 4);
      gtk_snapshot_push_clip (snapshot, &rect);
      gtk_snapshot_save (snapshot);
      /* A block scrolled half under the header keeps its name in view. */
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + 8,
                                                              MAX (rect.origin.y, MIN (CL_TIME_GRID_HEADER_HEIGHT,
                                                                                       rect.origin.y + rect.size.height - 36)) + 2));
      gtk_snapshot_append_layout (snapshot, layout, text);
      gtk_snapshot_restore (snapshot);
      gtk_snapshot_pop (snapshot);
    }
  if (focused)
    append_outline (snapshot, &self->colors[COLOR_ACCENT], &rect, 2);
}

static void
draw_preview (CLTimeGrid  *self,
              GtkSnapshot *snapshot,
              guint        column,
              int          start_min,
              int          end_min,
              const char  *label)
{
  double x = cl_time_grid_x_of_column (self, column) + 3;
  double y = cl_time_grid_y_of_minute (self, start_min) + 1;
  double y2 = cl_time_grid_y_of_minute (self, end_min) - 1;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x, y, self->column_width - 8, MAX (y2 - y, 8));
  GdkRGBA fill = self->colors[COLOR_ACCENT];

  fill.alpha = 0.2;
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  append_outline (snapshot, &self->colors[COLOR_ACCENT], &rect, 2);
  if (label)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);

      gtk_snapshot_push_clip (snapshot, &rect);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 8, y + 2));
      gtk_snapshot_append_layout (snapshot, layout, &self->colors[COLOR_FG]);
      gtk_snapshot_restore (snapshot);
      gtk_snapshot_pop (snapshot);
      g_object_unref (layout);
    }
}

static void
draw_column_background (CLTimeGrid  *self,
                        GtkSnapshot *snapshot,
                        guint        index,
                        gint64       now,
                        double       top,
                        double       bottom)
{
  Column *column = g_ptr_array_index (self->columns, index);
  double x = cl_time_grid_x_of_column (self, index);
  double past_until;

  /* The past is greyed: whole days before today, and today until now. */
  if (now >= column->day_start + 86400)
    past_until = bottom;
  else if (now > column->day_start)
    past_until = MIN (bottom, cl_time_grid_y_of_minute (self, (now - column->day_start) / 60.0));
  else
    past_until = top;
  append_rect (snapshot, &self->colors[COLOR_PAST], x, top, self->column_width, past_until - top);

  for (guint i = 0; i + 1 < column->unavailable->len; i += 2)
    {
      double y = MAX (top, cl_time_grid_y_of_minute (self, g_array_index (column->unavailable, int, i)));
      double y2 = MIN (bottom, cl_time_grid_y_of_minute (self, g_array_index (column->unavailable, int, i + 1)));

      append_rect (snapshot, &self->colors[COLOR_UNAVAILABLE], x, y, self->column_width, y2 - y);
    }
  append_rect (snapshot, &self->colors[COLOR_LINE], x + self->column_width - 1, top, 1, bottom - top);
}

static void
draw_header (CLTimeGrid  *self,
             GtkSnapshot *snapshot,
             guint        first,
             guint        last,
             gint64       now,
             int          width)
{
  append_rect (snapshot, &self->colors[COLOR_HEADER_BG], 0, 0, width, CL_TIME_GRID_HEADER_HEIGHT);
  for (guint i = first; i <= last && i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      double x = cl_time_grid_x_of_column (self, i);
      gboolean today = now >= column->day_start && now < column->day_start + 86400;
      int text_width = self->column_width - 12;

      if (column->layout == NULL || column->layout_width != text_width)
        {
          g_autofree char *text = g_strconcat (column->title, "\n", column->subtitle ? column->subtitle : "", NULL);
          PangoAttrList *attrs = pango_attr_list_new ();
          PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

          attr->end_index = strlen (column->title);
          pango_attr_list_insert (attrs, attr);
          attr = pango_attr_scale_new (0.85);
          attr->start_index = strlen (column->title) + 1;
          pango_attr_list_insert (attrs, attr);
          g_clear_object (&column->layout);
          column->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
          pango_layout_set_attributes (column->layout, attrs);
          pango_attr_list_unref (attrs);
          pango_layout_set_width (column->layout, text_width * PANGO_SCALE);
          pango_layout_set_ellipsize (column->layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_alignment (column->layout, PANGO_ALIGN_CENTER);
          column->layout_width = text_width;
        }
      if (today)
        {
          GdkRGBA tint = self->colors[COLOR_ACCENT];

          tint.alpha = 0.12;
          append_rect (snapshot, &tint, x, 0, self->column_width, CL_TIME_GRID_HEADER_HEIGHT);
          append_rect (snapshot, &self->colors[COLOR_ACCENT], x, CL_TIME_GRID_HEADER_HEIGHT - 3, self->column_width, 3);
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 6, 8));
      gtk_snapshot_append_layout (snapshot, column->layout, today ? &self->colors[COLOR_ACCENT] : &self->colors[COLOR_FG]);
      gtk_snapshot_restore (snapshot);
      append_rect (snapshot, &self->colors[COLOR_LINE], x + self->column_width - 1, 0, 1, CL_TIME_GRID_HEADER_HEIGHT);
    }
  append_rect (snapshot, &self->colors[COLOR_LINE], 0, CL_TIME_GRID_HEADER_HEIGHT - 1, width, 1);
}

static void
draw_axis (CLTimeGrid  *self,
           GtkSnapshot *snapshot,
           int          height)
{
  append_rect (snapshot, &self->colors[COLOR_HEADER_BG], 0, 0, CL_TIME_GRID_AXIS_WIDTH, height);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, CL_TIME_GRID_HEADER_HEIGHT, CL_TIME_GRID_AXIS_WIDTH, height));
  for (int minute = (self->first_min + 59) / 60 * 60; minute <= self->last_min; minute += 60)
    {
      int hour = minute / 60;
      double y = cl_time_grid_y_of_minute (self, minute);

      if (y < CL_TIME_GRID_HEADER_HEIGHT - 20 || y > height + 20 || hour > 24)
        continue;
      if (self->hour_layouts[hour] == NULL)
        {
          g_autofree char *text = cl_time_grid_format_minute (minute);

          self->hour_layouts[hour] = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (10, MAX (y - 8, CL_TIME_GRID_HEADER_HEIGHT + 2)));
      gtk_snapshot_append_layout (snapshot, self->hour_layouts[hour], &self->colors[COLOR_DIM_FG]);
      gtk_snapshot_restore (snapshot);
    }
  gtk_snapshot_pop (snapshot);
  append_rect (snapshot, &self->colors[COLOR_LINE], CL_TIME_GRID_AXIS_WIDTH - 1, 0, 1, height);
}

static void
cl_time_grid_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CLTimeGrid *self = CL_TIME_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double top = CL_TIME_GRID_HEADER_HEIGHT;
  double bottom = MIN (height, cl_time_grid_y_of_minute (self, self->last_min));
  double min_top = cl_time_grid_minute_at (self, top);
  double min_bottom = cl_time_grid_minute_at (self, bottom);
  gint64 now = cl_time_grid_get_now (self);
  gboolean focus = gtk_widget_has_focus (widget);
  int first_col, last_col;

  cl_time_grid_ensure_columns (self);
  append_rect (snapshot, &self->colors[COLOR_BG], 0, 0, width, height);
  first_col = MAX (cl_time_grid_column_at (self, CL_TIME_GRID_AXIS_WIDTH), 0);
  last_col = cl_time_grid_column_at (self, width - 1);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (CL_TIME_GRID_AXIS_WIDTH, top, width - CL_TIME_GRID_AXIS_WIDTH, height - top));

  for (int i = first_col; i <= last_col; i++)
    draw_column_background (self, snapshot, i, now, top, bottom);

  /* Hour lines, and fainter lines at each slot between them. */
  for (int minute = cl_time_grid_snap_down (self, min_top); minute <= min_bottom + self->slot_min; minute += self->slot_min)
    {
      double y = floor (cl_time_grid_y_of_minute (self, minute));

      if (minute > self->last_min)
        break;
      append_rect (snapshot, &self->colors[minute % 60 == 0 ? COLOR_LINE : COLOR_HALF_LINE],
                   CL_TIME_GRID_AXIS_WIDTH, y, width - CL_TIME_GRID_AXIS_WIDTH, 1);
    }

  /* Only the blocks on screen get render nodes. */
  for (int i = first_col; i <= last_col; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      for (guint j = first_block_reaching (column, min_top); j < column->blocks->len; j++)
        {
          Block *block = g_ptr_array_index (column->blocks, j);

          if (block->start_min > min_bottom)
            break;
          if (block->end_min < min_top)
            continue;
          draw_block (self, snapshot, block, focus && g_strcmp0 (block->id, self->cursor_block) == 0);
        }
    }

  if (self->dragging && self->drag_mode != DRAG_HEADER)
    {
      g_autofree char *from = cl_time_grid_format_minute (self->preview_start);
      g_autofree char *to = cl_time_grid_format_minute (self->preview_end);
      g_autofree char *label = g_strdup_printf ("%s–%s", from, to);

      draw_preview (self, snapshot, self->preview_column, self->preview_start, self->preview_end, label);
    }
  else if (focus && self->cursor_block == NULL && self->cursor_column < self->columns->len)
    draw_preview (self, snapshot, self->cursor_column, self->cursor_min,
                  self->cursor_min + self->cursor_span, NULL);

  /* The "now" line, on today's columns. */
  for (int i = first_col; i <= last_col; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (now >= column->day_start && now < column->day_start + 86400)
        {
          double y = cl_time_grid_y_of_minute (self, (now - column->day_start) / 60.0);

          if (y >= top && y <= bottom)
            {
              double x = cl_time_grid_x_of_column (self, i);

              append_rect (snapshot, &self->colors[COLOR_NOW], x, y - 1, self->column_width, 2);
              append_rect (snapshot, &self->colors[COLOR_NOW], x, y - 4, 4, 8);
            }
        }
    }
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (CL_TIME_GRID_AXIS_WIDTH, 0, width - CL_TIME_GRID_AXIS_WIDTH, top));
  draw_header (self, snapshot, first_col, last_col, now, width);
  gtk_snapshot_pop (snapshot);
  draw_axis (self, snapshot, height);
  append_rect (snapshot, &self->colors[COLOR_HEADER_BG], 0, 0, CL_TIME_GRID_AXIS_WIDTH - 1, top - 1);
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
  drop_layouts (self);

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
  load_colors (self);
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

int
cl_time_grid_get_slot_minutes (CLTimeGrid *self)
{
  g_return_val_if_fail (CL_IS_TIME_GRID (self), 30);
  return self->slot_min;
}

void
cl_time_grid_set_hour_height (CLTimeGrid *self,
                              int         pixels)
{
  g_return_if_fail (CL_IS_TIME_GRID (self));
  self->hour_height = MAX (pixels, 24);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cl_time_grid_set_min_column_width (CLTimeGrid *self,
                                   int         pixels)
{
  g_return_if_fail (CL_IS_TIME_GRID (self));
  self->min_column_width = MAX (pixels, 40);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cl_time_grid_set_now (CLTimeGrid *self,
                      gint64      now)
{
  g_return_if_fail (CL_IS_TIME_GRID (self));
  self->now_fixed = now;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
cl_time_grid_get_now (CLTimeGrid *self)
{
  g_return_val_if_fail (CL_IS_TIME_GRID (self), 0);
  return self->now_fixed ? self->now_fixed : g_get_real_time () / G_USEC_PER_SEC;
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
