#pragma once

#include "cl-time-grid.h"

G_BEGIN_DECLS

/* Shared by cl-time-grid.c (data, geometry, drawing),
 * cl-time-grid-input.c (pointer, keyboard) and cl-time-grid-access.c
 * (tooltips, accessibility). */

#define CL_TIME_GRID_HEADER_HEIGHT 52
#define CL_TIME_GRID_AXIS_WIDTH    60

typedef struct
{
  char        *id;
  char        *title;
  char        *subtitle;
  gint64       day_start;
  GArray      *unavailable;   /* int pairs: from, to (minutes) */
  GPtrArray   *blocks;        /* Block *, borrowed, sorted by start */
  int          max_minutes;   /* the longest block, to find those reaching into view */
  PangoLayout *layout;
  int          layout_width;
} Column;

typedef struct
{
  char            *id;
  char            *title;
  char            *subtitle;
  guint            column;
  int              start_min;  /* from the column's midnight */
  int              end_min;
  ClTimeGridState  state;
  gboolean         movable;
  guint            lane;       /* side by side when blocks overlap */
  guint            n_lanes;
  PangoLayout     *layout;
  int              layout_width;
  int              layout_height;
} Block;

typedef enum
{
  DRAG_NONE,
  DRAG_CREATE,
  DRAG_MOVE,
  DRAG_RESIZE,
  DRAG_HEADER,
} DragMode;

typedef enum
{
  COLOR_FG,
  COLOR_BG,
  COLOR_HEADER_BG,
  COLOR_LINE,
  COLOR_HALF_LINE,
  COLOR_PAST,
  COLOR_UNAVAILABLE,
  COLOR_ACCENT,
  COLOR_NOW,
  COLOR_DIM_FG,
  N_COLORS
} GridColor;

struct _CLTimeGrid
{
  GtkWidget      parent_instance;

  /* owned */
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GPtrArray     *columns;      /* Column * */
  GPtrArray     *blocks;       /* Block * */
  GHashTable    *by_id;        /* id → Block *, borrowed */
  PangoLayout   *hour_layouts[25];
  GdkRGBA        colors[N_COLORS];
  GdkRGBA        state_colors[CL_TIME_GRID_MISSED + 1];
  char          *cursor_block;   /* focused block id, or NULL for the slot */
  char          *cursor_column_id;
  char          *place;          /* named in every block's label, or NULL */
  guint          now_timeout;

  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  guint          columns_dirty : 1;  /* per-column lists and lanes to rebuild */
  guint          cursor_placed : 1;  /* by a key, a click or a call, not the default */
  int            first_min;
  int            last_min;
  int            slot_min;
  int            hour_height;
  int            min_column_width;
  int            column_width;
  gint64         now_offset;     /* seconds from the clock to "now" */
  int            pending_scroll;  /* minute to scroll to once allocated, or -1 */

  /* keyboard cursor (a slot selection when cursor_block is NULL) */
  guint          cursor_column;
  int            cursor_min;
  int            cursor_span;

  /* pointer drag */
  DragMode       drag_mode;
  gboolean       dragging;       /* past the threshold */
  gboolean       touch;          /* a finger, not a mouse */
  char          *drag_block;
  guint          drag_column;    /* where it started */
  int            drag_start_min;
  int            drag_end_min;
  double         drag_x;
  double         drag_y;
  guint          preview_column; /* where it would land */
  int            preview_start;
  int            preview_end;
};

/* cl-time-grid-draw.c: geometry */
void    cl_time_grid_ensure_columns (CLTimeGrid *self);
Column *cl_time_grid_column         (CLTimeGrid *self,
                                     guint       column);
Block  *cl_time_grid_block          (CLTimeGrid *self,
                                     const char *id);
double  cl_time_grid_x_of_column    (CLTimeGrid *self,
                                     guint       column);
double  cl_time_grid_y_of_minute    (CLTimeGrid *self,
                                     double      minute);
double  cl_time_grid_minute_at      (CLTimeGrid *self,
                                     double      y);
/* -1 left of the first column or when there are none. */
int     cl_time_grid_column_at      (CLTimeGrid *self,
                                     double      x);
void    cl_time_grid_block_rect     (CLTimeGrid      *self,
                                     Block           *block,
                                     graphene_rect_t *rect);
Block  *cl_time_grid_block_at       (CLTimeGrid *self,
                                     double      x,
                                     double      y);
int     cl_time_grid_snap           (CLTimeGrid *self,
                                     double      minute);
int     cl_time_grid_snap_down      (CLTimeGrid *self,
                                     double      minute);
gint64  cl_time_grid_instant        (CLTimeGrid *self,
                                     guint       column,
                                     int         minute);
/* "09:30" */
char   *cl_time_grid_format_minute  (int         minute);
/* Title, subtitle and times of @block, one per line. */
char   *cl_time_grid_describe_block (CLTimeGrid *self,
                                     Block      *block);
/* "Title, 09:30–10:00, column, subtitle": its accessible label. */
char   *cl_time_grid_label_block    (CLTimeGrid *self,
                                     Block      *block);
/* Moves a block to (column, start, end) until the next rebuild. */
void    cl_time_grid_place_block    (CLTimeGrid *self,
                                     Block      *block,
                                     guint       column,
                                     int         start_min,
                                     int         end_min);

/* cl-time-grid-draw.c */
void    cl_time_grid_load_colors    (CLTimeGrid *self);
void    cl_time_grid_drop_layouts   (CLTimeGrid *self);
void    cl_time_grid_snapshot       (GtkWidget   *widget,
                                     GtkSnapshot *snapshot);

/* cl-time-grid-input.c */
void    cl_time_grid_init_input     (CLTimeGrid *self);

/* cl-time-grid-access.c */
void    cl_time_grid_update_accessible (CLTimeGrid *self);
gboolean cl_time_grid_query_tooltip (GtkWidget  *widget,
                                     int         x,
                                     int         y,
                                     gboolean    keyboard,
                                     GtkTooltip *tooltip);

enum {
  SIGNAL_BLOCK_ACTIVATED,
  SIGNAL_CREATE_REQUESTED,
  SIGNAL_BLOCK_MOVED,
  SIGNAL_COLUMN_ACTIVATED,
  N_TIME_GRID_SIGNALS
};
extern guint cl_time_grid_signals[N_TIME_GRID_SIGNALS];

G_END_DECLS
