#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Previous / Today / Next and a calendar popover on the shown day, for
 * the escort schedule and the VIP room calendar.  Previous and Next
 * step by a day or, in a week view, by a week (Alt+Left/Right are
 * the views' keys for them). */

#define CL_TYPE_DATE_NAV (cl_date_nav_get_type ())
G_DECLARE_FINAL_TYPE (CLDateNav, cl_date_nav, CL, DATE_NAV, GtkWidget)

/* The day shown ("notify::date" when it changes). */
const GDate *cl_date_nav_get_date  (CLDateNav   *self);
void         cl_date_nav_set_date  (CLDateNav   *self,
                                    const GDate *date);
void         cl_date_nav_today     (CLDateNav   *self);
/* Moves by ± one step; 0 goes to today. */
void         cl_date_nav_step      (CLDateNav   *self,
                                    int          direction);
/* Days per step: 1 (a day view) or 7 (a week view). */
void         cl_date_nav_set_step  (CLDateNav   *self,
                                    guint        days);

/* The weekday of @date: "Monday" (@abbreviated: "Mon"), 星期一 / 周一. */
char        *cl_date_nav_weekday   (const GDate *date,
                                    gboolean     abbreviated);

/* The Monday of the week holding @date. */
void         cl_date_nav_week_start (const GDate *date,
                                     GDate       *monday);

G_END_DECLS
