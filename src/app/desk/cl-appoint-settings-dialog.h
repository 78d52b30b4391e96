#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* An administrator's settings for appointments and referrals: each
 * department's places per half-day slot (every day, or one weekday
 * that overrides it; a slot without a number takes any number of
 * bookings) and the community hospitals that refer patients.  Each
 * change is saved at once, under the same rules the server checks. */
#define CL_TYPE_APPOINT_SETTINGS_DIALOG (cl_appoint_settings_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLAppointSettingsDialog, cl_appoint_settings_dialog, CL, APPOINT_SETTINGS_DIALOG, AdwWindow)

GtkWidget  *cl_appoint_settings_dialog_new          (GtkWindow               *parent,
                                                     CLContext               *context);

/* For tests: sets the places as the "Set" button does (department by
 * index in the list, slot and weekday as stored), adds a hospital as
 * "Add" does; the message shown after a refusal, or NULL. */
gboolean    cl_appoint_settings_dialog_set_places   (CLAppointSettingsDialog *self,
                                                     guint                    department,
                                                     guint                    slot,
                                                     gint                     weekday,
                                                     gint                     places);
gboolean    cl_appoint_settings_dialog_add_hospital (CLAppointSettingsDialog *self,
                                                     const char              *name);
const char *cl_appoint_settings_dialog_get_message  (CLAppointSettingsDialog *self);

G_END_DECLS
