#pragma once

#include "cl-complaint.h"
#include "cl-contact.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Complaint tickets, at the desk and on the server, with one set of
 * rules and messages (cl_complaint_validate(),
 * cl_complaint_check_change(), a live department).  Reads are
 * cl-store-complaints.h's. */

/* The promised hours of @severity (a word) in @store's settings; 0 for
 * an unknown severity. */
gint64       cl_complaint_store_hours          (CLStore     *store,
                                                const char  *severity);

/* Sets @complaint's promised time from its opening and its severity's
 * hours in @store's settings (nothing for an unknown severity). */
void         cl_complaint_store_promise        (CLStore     *store,
                                                CLComplaint *complaint);

/* A new open complaint made from @contact (a contact of the category
 * "complaint"): the complainant, the patient and what happened are
 * the contact's; opened at @now by @owner_id. */
CLComplaint *cl_complaint_new_from_contact     (CLContact   *contact,
                                                gint64       now,
                                                const char  *owner_id);

/* Moves @complaint to @state at @now, by @actor_id, stamping the step
 * (started, resolved or closed) and any before it not yet stamped: the
 * dialog's Start, Resolve and Close.  Nothing is saved. */
void         cl_complaint_step                 (CLComplaint      *complaint,
                                                CLComplaintState  state,
                                                gint64            now,
                                                const char       *actor_id);

/* A new ticket settled on the spot: resolved, by @actor_id, at the
 * moment it was opened (its resolution is the caller's to set).
 * Nothing is saved. */
void         cl_complaint_settle_on_spot       (CLComplaint      *complaint,
                                                const char       *actor_id);

/* Every rule of @complaint over the stored version, the settings and
 * the clock, column → message (adds to @errors). */
void         cl_complaint_store_check          (CLStore     *store,
                                                CLComplaint *complaint,
                                                const char  *role,
                                                const char  *actor_id,
                                                GHashTable  *errors);

/* Checks every rule, then saves @complaint for @actor_id with @role.
 * On a refusal CL_STORE_ERROR_INVALID and, if given, @field_errors
 * (column → message); nothing is written and @complaint is left as it
 * was. */
gboolean     cl_complaint_store_save           (CLStore      *store,
                                                CLComplaint  *complaint,
                                                const char   *role,
                                                const char   *actor_id,
                                                GHashTable  **field_errors,
                                                GError      **error);

/* The table's hooks (cl-tables.c): the record's own rules and a live
 * department (validate), and the change's rules with the server's
 * settings and the pusher (check). */
void         cl_complaint_store_validate       (CLStore     *store,
                                                CLComplaint *complaint,
                                                GHashTable  *errors);
gboolean     cl_complaint_store_check_change   (CLStore     *store,
                                                CLRecord    *incoming,
                                                CLRecord    *current,
                                                const char  *username,
                                                const char  *role,
                                                CLRecord   **conflict,
                                                GError     **error);

G_END_DECLS
