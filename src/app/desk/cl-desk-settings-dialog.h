#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The administrator's Service Desk Settings: every known key of
 * cl_desk_setting_infos() (the critical-value limit, a complaint's
 * promised times…) as a number within its range, saved with
 * cl_desk_settings_set_int(); synced to every desk and the server. */
#define CL_TYPE_DESK_SETTINGS_DIALOG (cl_desk_settings_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLDeskSettingsDialog, cl_desk_settings_dialog, CL, DESK_SETTINGS_DIALOG, AdwWindow)

CLDeskSettingsDialog *cl_desk_settings_dialog_new       (GtkWindow            *parent,
                                                         CLContext            *context);

gboolean              cl_desk_settings_dialog_save      (CLDeskSettingsDialog *self);

/* For tests: the spin button of @key, and the message at it. */
GtkSpinButton        *cl_desk_settings_dialog_get_spin  (CLDeskSettingsDialog *self,
                                                         const char           *key);
const char           *cl_desk_settings_dialog_get_error (CLDeskSettingsDialog *self,
                                                         const char           *key);

G_END_DECLS
