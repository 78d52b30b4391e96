#pragma once

#include "cl-complaint.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The complaint tickets' reads (cl-store-complaints.c).  The rules over
 * them are in src/core/desk/cl-complaint*.c. */

/* The live CLComplaints for the desk's list: the unresolved ones
 * first, the earliest promised first, then the others, the latest
 * opened first, at most @limit of those.  Only those in @state and of
 * @department_id when given (NULL: any). */
GPtrArray *cl_store_complaints_list           (CLStore    *store,
                                               const char *state,
                                               const char *department_id,
                                               guint       limit);

/* The live CLComplaints opened from @from up to @to (UTC seconds, @to
 * excluded), the earliest first. */
GPtrArray *cl_store_complaints_opened_between (CLStore    *store,
                                               gint64      from,
                                               gint64      to);

/* The live CLComplaint made from the contact @contact_id, the latest
 * if there are several, or NULL. */
CLComplaint *cl_store_complaint_for_contact   (CLStore    *store,
                                               const char *contact_id);

G_END_DECLS
