#define G_LOG_DOMAIN "cl-time-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-time-grid-private.h"

/* Geometry (where columns, minutes and blocks are on screen, lanes of
 * overlapping blocks) and drawing of the time grid. */

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

char *
cl_time_grid_label_block (CLTimeGrid *self,
                          Block      *block)
{
  g_autofree char *from = cl_time_grid_format_minute (block->start_min);
  g_autofree char *to = cl_time_grid_format_minute (block->end_min);
  Column *column = cl_time_grid_column (self, block->column);
  g_autofree char *where = NULL;

  /* A week's columns are days: the room they are of goes with them. */
  where = self->place ? g_strdup_printf ("%s · %s", self->place, column ? column->title : "")
                      : g_strdup (column ? column->title : "");
  /* Translators: a block of the schedule read out by a screen reader:
   * its title (a patient), the times, where (an escort, a room or a
   * day) and its subtitle (what, where, the status) */
  return g_strdup_printf (_("%s, %s–%s, %s, %s"), block->title, from, to,
                          where, block->subtitle ? block->subtitle : "");
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

void
cl_time_grid_load_colors (CLTimeGrid *self)
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

void
cl_time_grid_drop_layouts (CLTimeGrid *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->hour_layouts); i++)
    g_clear_object (&self->hour_layouts[i]);
  for (guint i = 0; i < self->columns->len; i++)
    g_clear_object (&((Column *) g_ptr_array_index (self->columns, i))->layout);
  for (guint i = 0; i < self->blocks->len; i++)
    g_clear_object (&((Block *) g_ptr_array_index (self->blocks, i))->layout);
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
  const GdkRGBA *bg = &self->colors[COLOR_BG];
  float a = block->state == CL_TIME_GRID_CANCELLED ? 0.14 : 0.24;
  /* The tint blended here, so a block is one opaque fill. */
  GdkRGBA fill = { bg->red + (state->red - bg->red) * a, bg->green + (state->green - bg->green) * a,
                   bg->blue + (state->blue - bg->blue) * a, 1 };
  const GdkRGBA *text = block->state == CL_TIME_GRID_CANCELLED ? &self->colors[COLOR_DIM_FG] : &self->colors[COLOR_FG];
  PangoLayout *layout;

  cl_time_grid_block_rect (self, block, &rect);
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

void
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

