#pragma once

#include <adwaita.h>

#include "cl-sync-client.h"

G_BEGIN_DECLS

#define CL_TYPE_LOGIN_DIALOG (cl_login_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLLoginDialog, cl_login_dialog, CL, LOGIN_DIALOG, AdwWindow)

CLLoginDialog *cl_login_dialog_new (GtkWindow    *parent,
                                    CLSyncClient *client);

G_END_DECLS
