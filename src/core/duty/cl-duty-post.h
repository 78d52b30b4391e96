#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A post of the guide-desk contract that staff are put on (table
 * duty_post), synced: the outpatient service centre, a guide desk, the
 * inpatient hall…  An administrator keeps them.
 *
 * Opening hours are minutes after local midnight: a morning session
 * and an afternoon one (both 0: none).  A 24-hour post is open round
 * the clock; its hours are then those of its day shifts, and its night
 * shift covers the rest (cl-duty-shift.h).  @headcount is how many
 * people the post needs on each day.  A post given up is switched
 * off, never deleted, so the weeks that named it still read. */
#define CL_TYPE_DUTY_POST (cl_duty_post_get_type ())
G_DECLARE_FINAL_TYPE (CLDutyPost, cl_duty_post, CL, DUTY_POST, CLRecord)

CLDutyPost *cl_duty_post_new (void);

const char *cl_duty_post_get_name             (CLDutyPost *self);
void        cl_duty_post_set_name             (CLDutyPost *self, const char *value);
const char *cl_duty_post_get_name_en          (CLDutyPost *self);
void        cl_duty_post_set_name_en          (CLDutyPost *self, const char *value);
gint        cl_duty_post_get_morning_opens    (CLDutyPost *self);
void        cl_duty_post_set_morning_opens    (CLDutyPost *self, gint value);
gint        cl_duty_post_get_morning_closes   (CLDutyPost *self);
void        cl_duty_post_set_morning_closes   (CLDutyPost *self, gint value);
gint        cl_duty_post_get_afternoon_opens  (CLDutyPost *self);
void        cl_duty_post_set_afternoon_opens  (CLDutyPost *self, gint value);
gint        cl_duty_post_get_afternoon_closes (CLDutyPost *self);
void        cl_duty_post_set_afternoon_closes (CLDutyPost *self, gint value);
gboolean    cl_duty_post_get_all_day          (CLDutyPost *self);
void        cl_duty_post_set_all_day          (CLDutyPost *self, gboolean value);
gint        cl_duty_post_get_headcount        (CLDutyPost *self);
void        cl_duty_post_set_headcount        (CLDutyPost *self, gint value);
gboolean    cl_duty_post_get_active           (CLDutyPost *self);
void        cl_duty_post_set_active           (CLDutyPost *self, gboolean value);
gint        cl_duty_post_get_sort_order       (CLDutyPost *self);
void        cl_duty_post_set_sort_order       (CLDutyPost *self, gint value);

/* The name for the desk's language: the English one on an English desk
 * when there is one. */
const char *cl_duty_post_get_display_name     (CLDutyPost *self);

/* FALSE when both afternoon times are 0: a morning session only. */
gboolean    cl_duty_post_has_afternoon        (CLDutyPost *self);

/* "08:00–12:00, 14:30–17:30", or "24 h, day 08:00–17:30" (translated). */
char       *cl_duty_post_format_hours         (CLDutyPost *self);

/* The most people a post may need on a day. */
#define CL_DUTY_POST_MAX_HEADCOUNT 50

/* The post's own rules, column → translated message, empty when valid:
 * a name, a headcount of 1 to CL_DUTY_POST_MAX_HEADCOUNT, a morning
 * session that ends after it starts, an afternoon one (if any) after
 * the morning. */
GHashTable *cl_duty_post_validate             (CLDutyPost *self);

G_END_DECLS
