#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* A person's server log-in in the Staff dialog (README, "Log-ins"):
 * whether they have one, and a button to make it or to reset its
 * password, each giving a one-time password shown once
 * (CLOneTimePasswordDialog).  On a desk without a server, or not
 * logged in to it, the buttons are insensitive and say why.  A reset
 * is confirmed first (an AdwMessageDialog, response "reset"). */

#define CL_TYPE_STAFF_LOGIN_GROUP (cl_staff_login_group_get_type ())
G_DECLARE_FINAL_TYPE (CLStaffLoginGroup, cl_staff_login_group, CL, STAFF_LOGIN_GROUP, AdwPreferencesGroup)

/* For the saved person @staff (NULL: a new person, not saved yet). */
CLStaffLoginGroup *cl_staff_login_group_new             (CLContext         *context,
                                                         CLStaff           *staff);

/* For tests: the button shown ("create" or "reset"), and whether the
 * state has been asked of the server. */
GtkButton         *cl_staff_login_group_get_button      (CLStaffLoginGroup *self);
gboolean           cl_staff_login_group_is_ready        (CLStaffLoginGroup *self);
/* The one-time password dialog last opened, or NULL. */
GtkWindow         *cl_staff_login_group_get_shown_dialog (CLStaffLoginGroup *self);

G_END_DECLS
