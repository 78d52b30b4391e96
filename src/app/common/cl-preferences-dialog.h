#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_PREFERENCES_DIALOG (cl_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLPreferencesDialog, cl_preferences_dialog, CL, PREFERENCES_DIALOG, AdwPreferencesWindow)

CLPreferencesDialog *cl_preferences_dialog_new (GtkWindow *parent);

/* Checks a server address as typed: empty (no server) or an http(s)
 * URL with a host.  Returns the normalised address (no trailing slash)
 * or NULL with a translated message in @error. */
char *cl_preferences_check_server_url (const char  *text,
                                       GError     **error);

G_END_DECLS
