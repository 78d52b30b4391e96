#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-staff-login-group.h"
#include "cl-staff.h"

G_BEGIN_DECLS

/* "Person": one member of staff as an administrator edits them: name,
 * user name, mobile phone, active, roles (one or more of the six) and
 * working hours per weekday.  Core validates (cl_staff_store_save());
 * a refused field gets its message right under it and nothing is
 * saved.  Emits "saved". */

#define CL_TYPE_STAFF_DIALOG (cl_staff_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLStaffDialog, cl_staff_dialog, CL, STAFF_DIALOG, AdwWindow)

/* @staff NULL adds a person; an existing one is edited on a copy. */
CLStaffDialog *cl_staff_dialog_new       (GtkWindow     *parent,
                                          CLContext     *context,
                                          CLStaff       *staff);

/* For tests: what Save does, and the fields and their messages.
 * Fields: "display-name", "username", "phone", "licence_number",
 * "licence_expires", "cpr_date", "opens.N", "closes.N"
 * (N = 0 for Monday … 6); messages also "active", "roles", "hours"
 * and "" for the whole form. */
gboolean       cl_staff_dialog_save      (CLStaffDialog *self);
GtkEditable   *cl_staff_dialog_get_entry (CLStaffDialog *self,
                                          const char    *field);
void           cl_staff_dialog_set_role  (CLStaffDialog *self,
                                          const char    *role,
                                          gboolean       held);
/* Checks @code of cl_staff_language_codes(); picks education @index
 * (0 none, then cl_staff_educations()). */
void           cl_staff_dialog_set_language (CLStaffDialog *self,
                                             const char    *code,
                                             gboolean       spoken);
void           cl_staff_dialog_set_education (CLStaffDialog *self,
                                              guint          index);
void           cl_staff_dialog_set_works (CLStaffDialog *self,
                                          guint          day,
                                          gboolean       works);
void           cl_staff_dialog_set_active (CLStaffDialog *self,
                                           gboolean       active);
const char    *cl_staff_dialog_get_error (CLStaffDialog *self,
                                          const char    *field);
/* The person's server log-in (cl-staff-login-group.h). */
CLStaffLoginGroup *cl_staff_dialog_get_login_group (CLStaffDialog *self);

G_END_DECLS
