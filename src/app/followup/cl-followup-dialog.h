#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Adds a follow-up item by hand: the patient (chosen here when none is
 * given), the kind, due date, channel, what to do or say, and who does
 * it (her case manager; an administrator may choose another).  The
 * rules are core's (cl_followup_store_save()); their messages show
 * under the fields and nothing is written until they pass.  Emits
 * "saved" with the new item's id and closes. */

#define CL_TYPE_FOLLOWUP_DIALOG (cl_followup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLFollowupDialog, cl_followup_dialog, CL, FOLLOWUP_DIALOG, AdwWindow)

/* @patient_id may be NULL: the dialog asks whom. */
CLFollowupDialog *cl_followup_dialog_new       (GtkWindow        *parent,
                                                CLContext        *context,
                                                const char       *patient_id);

gboolean          cl_followup_dialog_save      (CLFollowupDialog *self);

/* For tests: a field's widget (patient, kind, due_date, channel,
 * content, owner_id), the message under a field ("" for the form's
 * own) and choosing a kind or owner by its word or staff id. */
GtkWidget        *cl_followup_dialog_get_field (CLFollowupDialog *self,
                                                const char       *field);
const char       *cl_followup_dialog_get_error (CLFollowupDialog *self,
                                                const char       *field);
void              cl_followup_dialog_set_kind  (CLFollowupDialog *self,
                                                const char       *kind);
gboolean          cl_followup_dialog_set_owner (CLFollowupDialog *self,
                                                const char       *owner_id);

G_END_DECLS
