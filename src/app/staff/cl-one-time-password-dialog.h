#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows a one-time password once (README, "Log-ins"), with a Copy
 * button, for the administrator to hand to the person.  Nothing keeps
 * it: the label is cleared when the dialog closes. */

#define CL_TYPE_ONE_TIME_PASSWORD_DIALOG (cl_one_time_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLOneTimePasswordDialog, cl_one_time_password_dialog, CL, ONE_TIME_PASSWORD_DIALOG, AdwWindow)

CLOneTimePasswordDialog *cl_one_time_password_dialog_new (GtkWindow  *parent,
                                                          const char *display_name,
                                                          const char *username,
                                                          const char *password);

/* The password shown (tests). */
const char *cl_one_time_password_dialog_get_password (CLOneTimePasswordDialog *self);

G_END_DECLS
