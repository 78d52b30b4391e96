#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-enrolment.h"

G_BEGIN_DECLS

/* "Record Hand-out": a breakfast, the gift pack or another service of
 * her package without a booking of its own, handed out under
 * @enrolment.  The chosen service shows how many of it were handed out
 * of how many the package includes; once they are all out, the dialog
 * says so and asks for the reason (core's rule,
 * cl_package_usage_validate_handout()), and nothing is saved without
 * one.  Emits "saved". */

#define CL_TYPE_HANDOUT_DIALOG (cl_handout_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLHandoutDialog, cl_handout_dialog, CL, HANDOUT_DIALOG, AdwWindow)

/* @service (may be NULL: the first) is chosen. */
CLHandoutDialog *cl_handout_dialog_new          (GtkWindow       *parent,
                                                 CLContext       *context,
                                                 CLEnrolment     *enrolment,
                                                 const char      *service);

/* For tests: what the Save button does, the fields ("service", "date",
 * "note", "over-reason"), choosing a service by its code, the count
 * shown, and the messages (under a field, or "" for the form). */
gboolean         cl_handout_dialog_save         (CLHandoutDialog *self);
GtkWidget       *cl_handout_dialog_get_field    (CLHandoutDialog *self,
                                                 const char      *field);
void             cl_handout_dialog_choose       (CLHandoutDialog *self,
                                                 const char      *service);
const char      *cl_handout_dialog_get_count    (CLHandoutDialog *self);
const char      *cl_handout_dialog_get_error    (CLHandoutDialog *self,
                                                 const char      *field);

G_END_DECLS
