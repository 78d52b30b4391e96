#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Registers a patient for a health event: from the event's page, the
 * patient is chosen (the roster's search); from her page, one of the
 * upcoming events, each with the places left.  Core decides whether
 * she has a place or joins the waiting list (cl_event_store_register())
 * and its refusals show in the dialog; nothing is saved then.  "saved"
 * (const char *id of the registration). */

#define CL_TYPE_REGISTER_DIALOG (cl_register_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLRegisterDialog, cl_register_dialog, CL, REGISTER_DIALOG, AdwWindow)

/* Exactly one of @event_id and @patient_id is given; the other is
 * chosen in the dialog. */
CLRegisterDialog *cl_register_dialog_new   (GtkWindow        *parent,
                                            CLContext        *context,
                                            const char       *event_id,
                                            const char       *patient_id);
gboolean          cl_register_dialog_save  (CLRegisterDialog *self);

/* For tests: the dialog's message ("" the form's, "patient" or
 * "event"), NULL when none shows; the events offered (ids), and
 * choosing one. */
const char       *cl_register_dialog_get_error  (CLRegisterDialog *self,
                                                 const char       *field);
guint             cl_register_dialog_get_n_events (CLRegisterDialog *self);
void              cl_register_dialog_choose_event (CLRegisterDialog *self,
                                                   const char       *event_id);

G_END_DECLS
