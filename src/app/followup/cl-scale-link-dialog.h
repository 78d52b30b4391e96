#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* A link for her phone (README, "Sending her a link"): pick the scale,
 * Create Link asks the server for one (cl_sync_links_issue_async()),
 * and the dialog shows its address with Copy and when it stops
 * working.  It sends nothing to her: the desk gives her the address. */

#define CL_TYPE_SCALE_LINK_DIALOG (cl_scale_link_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLScaleLinkDialog, cl_scale_link_dialog, CL, SCALE_LINK_DIALOG, AdwWindow)

CLScaleLinkDialog *cl_scale_link_dialog_new     (GtkWindow         *parent,
                                                 CLContext         *context,
                                                 const char        *patient_id);

/* The address made, or NULL until one is. */
const char        *cl_scale_link_dialog_get_url (CLScaleLinkDialog *self);
/* Whether a request is under way. */
gboolean           cl_scale_link_dialog_is_busy (CLScaleLinkDialog *self);

G_END_DECLS
