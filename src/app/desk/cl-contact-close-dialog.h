#pragma once

#include <adwaita.h>

#include "cl-contact.h"
#include "cl-context.h"

G_BEGIN_DECLS

/* Closes a handed-over contact: how it was settled, under the rules
 * of cl_desk_store_close() (only whoever took it, or an
 * administrator).  "saved" once it is closed. */
#define CL_TYPE_CONTACT_CLOSE_DIALOG (cl_contact_close_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLContactCloseDialog, cl_contact_close_dialog, CL, CONTACT_CLOSE_DIALOG, AdwWindow)

CLContactCloseDialog *cl_contact_close_dialog_new       (GtkWindow            *parent,
                                                         CLContext            *context,
                                                         CLContact            *contact,
                                                         const char           *description);
gboolean              cl_contact_close_dialog_save      (CLContactCloseDialog *self);
/* For tests: the note's entry ("close_note"), and a field's message
 * ("" for the form's own). */
GtkEditable          *cl_contact_close_dialog_get_entry (CLContactCloseDialog *self);
const char           *cl_contact_close_dialog_get_error (CLContactCloseDialog *self,
                                                         const char           *field);

G_END_DECLS
