#pragma once

#include "cl-duty-assignment.h"
#include "cl-duty-post.h"
#include "cl-staff.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The duty roster's reads (cl-store-duty.c).  The rules over it are in
 * src/core/duty/cl-duty-store.h. */

/* The live CLDutyPosts (only the active ones when @active_only), in
 * the administrator's order, then by name. */
GPtrArray *cl_store_duty_posts           (CLStore    *store,
                                          gboolean    active_only);

/* The live CLDutyAssignments from day @first to day @last (YYYY-MM-DD,
 * both included), by day, then person, then shift start. */
GPtrArray *cl_store_duty_assignments     (CLStore    *store,
                                          const char *first,
                                          const char *last);

/* @staff_id's live CLDutyAssignments on @day. */
GPtrArray *cl_store_duty_assignments_of  (CLStore    *store,
                                          const char *staff_id,
                                          const char *day);

/* The CLStaff rows of the roster from @first to @last: the active
 * guides and escorts (roles service_desk and escort), and anyone else
 * with a shift in those days; by name. */
GPtrArray *cl_store_duty_staff           (CLStore    *store,
                                          const char *first,
                                          const char *last);

G_END_DECLS
