#pragma once

#include "cl-staff.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The staff rules that need the other staff, and saving a member of
 * staff at a desk (the Staff window) or on the server (a push, the
 * command line): one set of rules and messages for all three. */

/* Adds to @errors (property name → message) what breaks a rule
 * against the store for @staff, whose stored version is @stored (NULL
 * if new): a user name another live member of staff has, and taking
 * away the administrator role or the active flag (or deleting) from
 * the last active administrator. */
void      cl_staff_store_check        (CLStore     *store,
                                       CLStaff     *staff,
                                       CLStaff     *stored,
                                       GHashTable  *errors);

/* Every rule (cl_staff_validate(), cl_staff_store_check()), then saves
 * @staff for a user with @role.  On a refusal CL_STORE_ERROR_INVALID
 * and, if given, @field_errors (property name → message); nothing is
 * written. */
gboolean  cl_staff_store_save         (CLStore     *store,
                                       CLStaff     *staff,
                                       const char  *role,
                                       GHashTable **field_errors,
                                       GError     **error);

/* Who @username is, for a person reading a list: the staff member's
 * name, or @username itself when no staff row has it (a command-line
 * or system user).  "" for NULL or "". */
char     *cl_staff_store_name_of_user (CLStore     *store,
                                       const char  *username);

/* The first message of @errors, by field name, as "field: message"
 * (the server's answer to a refused push), or NULL if empty. */
char     *cl_staff_store_first_error  (GHashTable  *errors);

/* The server's hook for the staff table (cl-tables.c), inside the
 * write transaction of a pushed change: every rule, as
 * CL_STORE_ERROR_INVALID "field: message"; a change of a person's
 * roles goes to the audit log with who made it; and deactivating a
 * person's roles or active flag changes their log-in account's (the
 * role from cl_staff_dup_login_role(), disabled while inactive), ends
 * its sessions when that takes rights away, refuses to leave no
 * administrator who can log in, and audits the account's change with
 * who made it. */
gboolean  cl_staff_store_check_change (CLStore     *store,
                                       CLRecord    *incoming,
                                       CLRecord    *current,
                                       const char  *username,
                                       const char  *role,
                                       CLRecord   **conflict,
                                       GError     **error);

/* Writes "roles" audit line for @staff if its roles differ from
 * @stored's (NULL: new), by @username with @role. */
gboolean  cl_staff_store_audit_roles  (CLStore     *store,
                                       CLStaff     *staff,
                                       CLStaff     *stored,
                                       const char  *username,
                                       const char  *role,
                                       GError     **error);

G_END_DECLS
