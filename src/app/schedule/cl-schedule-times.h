#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The Day, Start and End rows of the booking and escort forms (issue
 * #14): the pickers offer only the times core allows for the day (a
 * room's slot grid, an escort's working hours), and the end follows
 * the start so that the duration the person last set is kept.  Which
 * times are allowed is core's to say: @choices asks it. */

/* The times (GArray of gint, minutes after local midnight) offered on
 * @day as starts or as ends, in order; and, for the starts, a line that
 * says what they are ("Every 60 minutes from 08:30") into @hint. */
typedef GArray *(*CLScheduleTimesFunc) (gpointer     data,
                                        const GDate *day,
                                        gboolean     ends,
                                        char       **hint);

#define CL_TYPE_SCHEDULE_TIMES (cl_schedule_times_get_type ())
G_DECLARE_FINAL_TYPE (CLScheduleTimes, cl_schedule_times, CL, SCHEDULE_TIMES, GObject)

/* Adds the three rows to @group; their messages go to @day_message,
 * @start_message and @end_message.  @choices is called with @data. */
CLScheduleTimes *cl_schedule_times_new        (AdwPreferencesGroup *group,
                                               CLScheduleTimesFunc  choices,
                                               gpointer             data,
                                               GtkLabel           **day_message,
                                               GtkLabel           **start_message,
                                               GtkLabel           **end_message);

/* Shows [start_at, end_at): its day, and the nearest times offered at
 * or after them; the duration kept is then the one shown.  @own: they
 * are the edited entry's own times, offered on their day even off
 * today's grid or hours (changed since), so that an edit of something
 * else does not move it. */
void             cl_schedule_times_set        (CLScheduleTimes     *self,
                                               gint64               start_at,
                                               gint64               end_at,
                                               gboolean             own);
/* Asks for the times again (the room or the escort changed), keeping
 * the start where it can and the duration. */
void             cl_schedule_times_refresh    (CLScheduleTimes     *self);

/* Reads the interval back; a day that is not a date, or a day without
 * a time to offer, is said under its row and gives FALSE. */
gboolean         cl_schedule_times_get        (CLScheduleTimes     *self,
                                               gint64              *start_at,
                                               gint64              *end_at);

GtkWidget       *cl_schedule_times_get_day    (CLScheduleTimes     *self);
GtkWidget       *cl_schedule_times_get_start  (CLScheduleTimes     *self);
GtkWidget       *cl_schedule_times_get_end    (CLScheduleTimes     *self);

/* The time rows: is @minutes offered, the one chosen (-1: none), and
 * choosing one (the nearest offered at or after it; FALSE when none
 * is offered at all).  What a person does with the drop-down. */
gboolean         cl_schedule_times_offers     (GtkWidget           *row,
                                               int                  minutes);
int              cl_schedule_times_chosen     (GtkWidget           *row);
gboolean         cl_schedule_times_choose     (GtkWidget           *row,
                                               int                  minutes);

G_END_DECLS
