#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A health event (table health_event): a lecture, a live stream or a
 * salon on a civil date (YYYY-MM-DD), from @starts to @ends (minutes
 * after local midnight), at a place or a link, for at most @capacity
 * registered patients; more wait in order (CLEventRegistration). */
#define CL_TYPE_HEALTH_EVENT (cl_health_event_get_type ())
G_DECLARE_FINAL_TYPE (CLHealthEvent, cl_health_event, CL, HEALTH_EVENT, CLRecord)

CLHealthEvent *cl_health_event_new (void);

const char *cl_health_event_get_title (CLHealthEvent *self);
void        cl_health_event_set_title (CLHealthEvent *self, const char *value);
const char *cl_health_event_get_kind (CLHealthEvent *self);
void        cl_health_event_set_kind (CLHealthEvent *self, const char *value);
const char *cl_health_event_get_date (CLHealthEvent *self);
void        cl_health_event_set_date (CLHealthEvent *self, const char *value);
const char *cl_health_event_get_place (CLHealthEvent *self);
void        cl_health_event_set_place (CLHealthEvent *self, const char *value);
const char *cl_health_event_get_link (CLHealthEvent *self);
void        cl_health_event_set_link (CLHealthEvent *self, const char *value);
gint        cl_health_event_get_starts (CLHealthEvent *self);
void        cl_health_event_set_starts (CLHealthEvent *self, gint value);
gint        cl_health_event_get_ends (CLHealthEvent *self);
void        cl_health_event_set_ends (CLHealthEvent *self, gint value);
gint        cl_health_event_get_capacity (CLHealthEvent *self);
void        cl_health_event_set_capacity (CLHealthEvent *self, gint value);

/* The kinds of event, as stored: "lecture", "live_stream", "salon";
 * NULL-terminated. */
const char * const *cl_health_event_kinds      (void);
/* What a person reads for a kind word (translated). */
const char         *cl_health_event_kind_label (const char *kind);

/* The most people an event takes. */
#define CL_HEALTH_EVENT_MAX_CAPACITY 10000

/* The event's own rules, column → translated message; empty when valid.
 * That the capacity holds those already registered is
 * cl_event_store_validate_event()'s. */
GHashTable         *cl_health_event_validate   (CLHealthEvent *self);

/* Its local start as UTC seconds (its date at @starts in the desk's
 * time zone); 0 when the date is not one. */
gint64              cl_health_event_get_start_time (CLHealthEvent *self);

/* "14:00–15:30" */
char               *cl_health_event_format_hours (CLHealthEvent *self);

/* Minutes after midnight as "HH:MM", and back: "9:30", "09:30" and
 * "0930" are read; FALSE for anything else. */
char               *cl_health_event_format_minutes (gint minutes);
gboolean            cl_health_event_parse_minutes  (const char *text,
                                                    gint       *minutes);

G_END_DECLS
