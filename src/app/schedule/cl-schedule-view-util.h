#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-record.h"

#include "cl-schedule-popover.h"
#include "cl-schedule-sheet.h"
#include "cl-time-grid.h"

G_BEGIN_DECLS

/* Small things the escort and VIP room views share. */

/* The window @widget is in, for dialogs, or NULL. */
GtkWindow *cl_schedule_view_parent        (GtkWidget         *widget);

/* Makes @popover a child of @grid pointing at block @id (or at the
 * grid's middle when the block is off screen). */
void       cl_schedule_view_point_popover (CLSchedulePopover *popover,
                                           CLTimeGrid        *grid,
                                           const char        *id);

/* Shows @message as a toast on @overlay and keeps it in *@last_message
 * (for tests). */
void       cl_schedule_view_show_message  (AdwToastOverlay   *overlay,
                                           char             **last_message,
                                           const char        *message);

/* Prints @sheet from @view's window; a failure is shown as
 * cl_schedule_view_show_message() does. */
void       cl_schedule_view_print_sheet   (GtkWidget         *view,
                                           CLScheduleSheet   *sheet,
                                           AdwToastOverlay   *overlay,
                                           char             **last_message);

/* Offers to save @sheet as a PDF file named by @format, a translated
 * file name in which %s is @day (2026-11-23). */
void       cl_schedule_view_export_sheet  (GtkWidget         *view,
                                           CLScheduleSheet   *sheet,
                                           const char        *format,
                                           const GDate       *day);

/* Where a new task or booking goes: the slot the person chose on
 * @grid (cl_time_grid_get_new_slot()) when @use_selection and there is
 * one; otherwise column G_MAXUINT, from @now on @day (the day shown) or
 * its start when later, and no end (the form's grid gives it). */
void       cl_schedule_view_new_at        (CLTimeGrid        *grid,
                                           gboolean           use_selection,
                                           const GDate       *day,
                                           gint64             now,
                                           guint             *column,
                                           gint64            *start,
                                           gint64            *end);

/* The "step" action of a view whose template has a CLDateNav bound as
 * "date_nav": moves it by the action's int32 (0 for today). */
void       cl_schedule_view_step_action   (GtkWidget         *widget,
                                           const char        *action_name,
                                           GVariant          *param);

/* A pull wrote @table: if it is one of @tables, @reload_cb (@view) runs
 * once when idle, however many tables the pull wrote; *@source holds
 * the idle's id until then (cleared by @reload_cb). */
/* Makes *@store follow @context's store, with @changed_cb (swapped, on
 * @view) connected to its "changed"; TRUE if it moved to another store
 * that the view should load. */
gboolean   cl_schedule_view_follow_store  (GtkWidget         *view,
                                           CLContext         *context,
                                           CLStore          **store,
                                           GCallback          changed_cb);
void       cl_schedule_view_queue_reload  (GtkWidget         *view,
                                           const char        *table,
                                           const char * const *tables,
                                           guint             *source,
                                           GSourceFunc        reload_cb);
/* What a view does when Undo is pressed: bring back @record (as the
 * cancellation left it) to @status, the status it had before. */
typedef void (*ClScheduleUndo) (GtkWidget  *view,
                                CLRecord   *record,
                                const char *status);

/* Shows @title ("Booking cancelled") in @overlay with an Undo button
 * that calls @undo on @view, unless the view is gone by then. */
void       cl_schedule_view_toast_undo    (AdwToastOverlay   *overlay,
                                           GtkWidget         *view,
                                           const char        *title,
                                           CLRecord          *record,
                                           const char        *status,
                                           ClScheduleUndo     undo);

/* After a save: when the entry @id, starting at @start_at, is on a day
 * @shown does not include, says where it went in @overlay (a toast
 * titled by @format, whose "%s" is the day, "Tue 8 Dec 2026") with a
 * Show button that calls @show (@view, @id), and returns TRUE; the
 * title is also kept in *@last_message.  Otherwise does nothing. */
typedef void (*ClScheduleShow) (GtkWidget  *view,
                                const char *id);
gboolean   cl_schedule_view_toast_elsewhere (AdwToastOverlay   *overlay,
                                             GtkWidget         *view,
                                             char             **last_message,
                                             const char        *format,
                                             gboolean           shown,
                                             gint64             start_at,
                                             const char        *id,
                                             ClScheduleShow     show);

G_END_DECLS
