#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a printed schedule sheet says, as text, so the drawing
 * (src/print/cl-schedule-print.h) needs no store and no rules: a
 * title, a subtitle (the day), the column headings with their relative
 * widths, and sections (one escort, one room), each starting on a new
 * page, holding rows of cells and an optional detail line under a row
 * (the hand-over line).  Built by cl_escort_store_day_sheet() and
 * cl_vip_store_day_sheet(). */

#define CL_TYPE_SCHEDULE_SHEET (cl_schedule_sheet_get_type ())
G_DECLARE_FINAL_TYPE (CLScheduleSheet, cl_schedule_sheet, CL, SCHEDULE_SHEET, GObject)

/* @headers: NULL-terminated column headings; @widths: one relative
 * width per column (they are scaled to the page). */
CLScheduleSheet    *cl_schedule_sheet_new               (const char         *title,
                                                         const char         *subtitle,
                                                         const char * const *headers,
                                                         const double       *widths);

/* Starts a section (a new page when printed). */
void                cl_schedule_sheet_add_section       (CLScheduleSheet    *self,
                                                         const char         *heading);
/* Appends a row to the last section: one cell per column; @detail
 * (may be NULL) is printed under it across the row. */
void                cl_schedule_sheet_add_row           (CLScheduleSheet    *self,
                                                         const char * const *cells,
                                                         const char         *detail);
/* Text printed at the end of every section (a signature line), or
 * NULL. */
void                cl_schedule_sheet_set_footer        (CLScheduleSheet    *self,
                                                         const char         *footer);
/* Shown in a section without rows ("No tasks"). */
void                cl_schedule_sheet_set_empty_text    (CLScheduleSheet    *self,
                                                         const char         *text);

const char         *cl_schedule_sheet_get_title         (CLScheduleSheet    *self);
const char         *cl_schedule_sheet_get_subtitle      (CLScheduleSheet    *self);
const char         *cl_schedule_sheet_get_footer        (CLScheduleSheet    *self);
const char         *cl_schedule_sheet_get_empty_text    (CLScheduleSheet    *self);
guint               cl_schedule_sheet_get_n_columns     (CLScheduleSheet    *self);
const char         *cl_schedule_sheet_get_header        (CLScheduleSheet    *self,
                                                         guint               column);
/* Relative width of @column: its share of the whole, 0–1. */
double              cl_schedule_sheet_get_width         (CLScheduleSheet    *self,
                                                         guint               column);
guint               cl_schedule_sheet_get_n_sections    (CLScheduleSheet    *self);
const char         *cl_schedule_sheet_get_heading       (CLScheduleSheet    *self,
                                                         guint               section);
guint               cl_schedule_sheet_get_n_rows        (CLScheduleSheet    *self,
                                                         guint               section);
const char         *cl_schedule_sheet_get_cell          (CLScheduleSheet    *self,
                                                         guint               section,
                                                         guint               row,
                                                         guint               column);
const char         *cl_schedule_sheet_get_detail        (CLScheduleSheet    *self,
                                                         guint               section,
                                                         guint               row);

/* The least height of a row, in points, when printed: room for a
 * signature on a sign-in sheet.  0 (the default) for the text's own. */
void                cl_schedule_sheet_set_row_min_height (CLScheduleSheet   *self,
                                                          double             points);
double              cl_schedule_sheet_get_row_min_height (CLScheduleSheet   *self);

G_END_DECLS
