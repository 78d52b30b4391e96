#pragma once

#include "cl-course-assignment.h"
#include "cl-course.h"
#include "cl-event-registration.h"
#include "cl-health-event.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The reads of courses and health events (cl-store-events.c).  The
 * rules over them are in src/core/followup/ (cl-course-store.h,
 * cl-event-store.h). */

/* The live CLCourses of the catalogue, by stage then title; with
 * @active_only, only those still offered. */
GPtrArray *cl_store_courses                     (CLStore    *store,
                                                 gboolean    active_only);

/* The live CLCourseAssignments of a patient, the latest assigned first. */
GPtrArray *cl_store_course_assignments_for_patient (CLStore    *store,
                                                    const char *patient_id);

/* The live CLHealthEvents on or after @from (YYYY-MM-DD), by date and
 * start time. */
GPtrArray *cl_store_health_events_from          (CLStore    *store,
                                                 const char *from);

/* The live CLEventRegistrations of an event in waiting-list order
 * (cl_event_registration_compare()), cancelled ones included. */
GPtrArray *cl_store_event_registrations         (CLStore    *store,
                                                 const char *event_id);

/* The live CLEventRegistrations of a patient, by when she registered. */
GPtrArray *cl_store_event_registrations_for_patient (CLStore    *store,
                                                     const char *patient_id);

G_END_DECLS
