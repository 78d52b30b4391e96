#define G_LOG_DOMAIN "cl-time-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-time-grid-private.h"

/* What the time grid tells beyond its drawing: tooltips, and its
 * accessible label and description for screen readers. */

/* ---- tooltips and accessibility ------------------------------------- */

gboolean
cl_time_grid_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  CLTimeGrid *self = CL_TIME_GRID (widget);
  Block *block;
  g_autofree char *text = NULL;

  if (self->dragging)
    return FALSE;
  if (keyboard)
    block = cl_time_grid_block (self, self->cursor_block);
  else
    block = cl_time_grid_block_at (self, x, y);
  if (block)
    {
      graphene_rect_t rect;

      cl_time_grid_block_rect (self, block, &rect);
      text = cl_time_grid_describe_block (self, block);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { rect.origin.x, rect.origin.y,
                                                           rect.size.width, rect.size.height });
    }
  else if (!keyboard && y < CL_TIME_GRID_HEADER_HEIGHT && cl_time_grid_column_at (self, x) >= 0 &&
           x >= CL_TIME_GRID_AXIS_WIDTH)
    {
      Column *column = cl_time_grid_column (self, cl_time_grid_column_at (self, x));

      text = g_strconcat (column->title, "\n", column->subtitle ? column->subtitle : "", NULL);
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, g_strstrip (text));
  return TRUE;
}

/* The blocks are drawn, not widgets, and GTK 4.8 has no accessible
 * objects but widgets: the grid is one accessible whose label is the
 * item under the keyboard cursor (the block, one line: patient, times,
 * escort or room, what and status; or the free slot), and whose
 * description has the block's lines, so a screen reader reads each
 * block as the cursor reaches it. */
void
cl_time_grid_update_accessible (CLTimeGrid *self)
{
  Block *block = cl_time_grid_block (self, self->cursor_block);
  Column *column = cl_time_grid_column (self, self->cursor_column);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  if (block)
    {
      text = cl_time_grid_describe_block (self, block);
      label = cl_time_grid_label_block (self, block);
    }
  else if (column)
    {
      g_autofree char *from = cl_time_grid_format_minute (self->cursor_min);
      g_autofree char *to = cl_time_grid_format_minute (self->cursor_min + self->cursor_span);

      /* Translators: the keyboard cursor on an empty stretch of the
       * schedule: a column (an escort, a room, a day) and the times */
      text = g_strdup_printf (_("Free: %s, %s–%s"), column->title, from, to);
      label = g_strdup (text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : "",
                                  -1);
}

char *
cl_time_grid_get_block_label (CLTimeGrid *self,
                              const char *id)
{
  Block *block;

  g_return_val_if_fail (CL_IS_TIME_GRID (self), NULL);

  block = cl_time_grid_block (self, id);
  return block ? cl_time_grid_label_block (self, block) : NULL;
}

void
cl_time_grid_set_place (CLTimeGrid *self,
                        const char *place)
{
  g_return_if_fail (CL_IS_TIME_GRID (self));

  g_free (self->place);
  self->place = g_strdup (place);
  cl_time_grid_update_accessible (self);
}
