#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A day planner drawn with GtkSnapshot: columns (escorts, rooms or
 * days) side by side over a vertical time axis, and blocks (tasks,
 * bookings) placed by column, start and end.  It holds no business
 * rule: it shows what the view gives it and reports what the person
 * asked for (create, move, open); the view asks core whether that is
 * allowed and rebuilds the grid from the store.
 *
 * Times are instants (UTC seconds).  Each column has the instant of
 * its local midnight; the axis shows minutes from it, so a week view
 * is seven columns with seven midnights.
 *
 * It implements GtkScrollable: put it straight into a
 * GtkScrolledWindow.  Column headers and the time axis stay put while
 * the body scrolls, and only what is on screen is drawn.
 *
 * Pointer: drag over empty time asks to create, drag a block to move
 * it (to another column too), drag its bottom edge to resize it, click
 * a block to open it, click a column header to open the column.
 * Keyboard: arrows move the cursor over slots and blocks, Shift+Up/Down
 * on an empty slot widens the selection, Tab / Shift+Tab go to the
 * next / previous block (by column, then time; past the last or first
 * the focus leaves the grid), Enter opens the block or asks
 * to create at the selection, Shift+arrows move the focused block,
 * Ctrl+Up/Down make it shorter/longer, Home/End jump to the first/last
 * hour, Ctrl+Left/Right go to the first/last column. */

typedef enum
{
  CL_TIME_GRID_SCHEDULED,   /* planned, booked */
  CL_TIME_GRID_ACTIVE,      /* in progress, checked in */
  CL_TIME_GRID_DONE,
  CL_TIME_GRID_CANCELLED,
  CL_TIME_GRID_MISSED,      /* no-show */
} ClTimeGridState;

#define CL_TYPE_TIME_GRID (cl_time_grid_get_type ())
G_DECLARE_FINAL_TYPE (CLTimeGrid, cl_time_grid, CL, TIME_GRID, GtkWidget)

GtkWidget  *cl_time_grid_new              (void);

/* The hours shown, as minutes from midnight (default 7:00–18:00), and
 * the slot length that drags and keys snap to (default 30). */
void        cl_time_grid_set_range        (CLTimeGrid  *self,
                                           int          first_minute,
                                           int          last_minute);
void        cl_time_grid_set_slot_minutes (CLTimeGrid  *self,
                                           int          minutes);
/* Pixels per hour (default 64) and the narrowest column (default 132). */

/* The instant the "now" line is drawn at and before which time is
 * greyed, as it is at this moment (the grid's clock runs on from it);
 * 0 (the default) means the computer's clock. */
void        cl_time_grid_set_now          (CLTimeGrid  *self,
                                           gint64       now);
gint64      cl_time_grid_get_now          (CLTimeGrid  *self);

/* Drops every column and block.  The keyboard cursor is kept by block
 * id and column id, so a rebuild after a save keeps the focus. */
void        cl_time_grid_clear            (CLTimeGrid  *self);

/* Appends a column and returns its index.  @day_start is the instant of
 * the column's local midnight. */
guint       cl_time_grid_add_column       (CLTimeGrid  *self,
                                           const char  *id,
                                           const char  *title,
                                           const char  *subtitle,
                                           gint64       day_start);
/* Shades a stretch of a column where nothing may be planned (outside
 * working or opening hours), in minutes from its midnight. */
void        cl_time_grid_add_unavailable  (CLTimeGrid  *self,
                                           guint        column,
                                           int          from_minute,
                                           int          to_minute);
guint       cl_time_grid_get_n_columns    (CLTimeGrid  *self);
const char *cl_time_grid_get_column_id    (CLTimeGrid  *self,
                                           guint        column);
gint64      cl_time_grid_get_column_day   (CLTimeGrid  *self,
                                           guint        column);

/* Adds a block.  @title is the first line (a patient), @subtitle the
 * second (kind, place, status); @movable blocks can be dragged. */
void        cl_time_grid_add_block        (CLTimeGrid     *self,
                                           const char     *id,
                                           guint           column,
                                           gint64          start,
                                           gint64          end,
                                           const char     *title,
                                           const char     *subtitle,
                                           ClTimeGridState state,
                                           gboolean        movable);
guint       cl_time_grid_get_n_blocks     (CLTimeGrid  *self);

/* Where block @id is drawn now, in the grid's coordinates (for
 * pointing a popover at it, and for tests that drag it).  FALSE when
 * it is not on screen. */
gboolean    cl_time_grid_get_block_area   (CLTimeGrid   *self,
                                           const char   *id,
                                           GdkRectangle *area);
/* Where (column, instant) is, in the grid's coordinates. */
gboolean    cl_time_grid_get_point        (CLTimeGrid  *self,
                                           guint        column,
                                           gint64       when,
                                           double      *x,
                                           double      *y);

/* The keyboard cursor: a focused block (its id), or an empty selection
 * in @column from @start to @end. */
const char *cl_time_grid_get_focused_block (CLTimeGrid *self);
gboolean    cl_time_grid_get_selection    (CLTimeGrid  *self,
                                           guint       *column,
                                           gint64      *start,
                                           gint64      *end);
/* Where a new entry would go from the cursor the person placed (by a
 * key, a click, or cl_time_grid_focus_block() / _select_slot()): the
 * empty selection, or the slot right after the focused block, in its
 * column.  FALSE while the cursor has not been placed. */
gboolean    cl_time_grid_get_new_slot     (CLTimeGrid  *self,
                                           guint       *column,
                                           gint64      *start,
                                           gint64      *end);
void        cl_time_grid_focus_block      (CLTimeGrid  *self,
                                           const char  *id);
void        cl_time_grid_select_slot      (CLTimeGrid  *self,
                                           guint        column,
                                           gint64       start);
/* The accessible label of block @id (transfer full), which the grid
 * carries while the keyboard cursor is on the block: "patient,
 * 09:30–10:00, escort or room or day, what · status". */
char       *cl_time_grid_get_block_label  (CLTimeGrid  *self,
                                           const char  *id);
/* What every block's label names besides its column, when the columns
 * are days (the room of a room's week); NULL for none. */
void        cl_time_grid_set_place        (CLTimeGrid  *self,
                                           const char  *place);
/* Scrolls so that @minute (from midnight) is near the top. */
void        cl_time_grid_scroll_to_minute (CLTimeGrid  *self,
                                           int          minute);

/* Signals:
 *   "block-activated" (const char *id): a click or Enter on a block.
 *   "create-requested" (guint column, gint64 start, gint64 end): a drag
 *      over empty time, a click on an empty slot, or Enter on the
 *      keyboard selection.
 *   "block-moved" (const char *id, guint column, gint64 start, gint64 end):
 *      a block was dragged or moved by keys to a new place or length.
 *      The grid shows it there until the view rebuilds it.
 *   "column-activated" (guint column): a click or Enter on a header. */

G_END_DECLS
