#pragma once

#include <gtk/gtk.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The week view's small form for one cell: a post and a shift for one
 * person on one day, saved through cl_duty_store_set_cell(), with a
 * refusal said at its field.  Emits "saved" after a write. */
#define CL_TYPE_DUTY_ASSIGN_POPOVER (cl_duty_assign_popover_get_type ())
G_DECLARE_FINAL_TYPE (CLDutyAssignPopover, cl_duty_assign_popover, CL, DUTY_ASSIGN_POPOVER, GtkPopover)

CLDutyAssignPopover *cl_duty_assign_popover_new   (void);

/* Sets the popover up for @staff_id on @day (YYYY-MM-DD) over @posts
 * (the active CLDutyPosts), preselecting @post_id and @shift (either
 * may be NULL: the first). */
void        cl_duty_assign_popover_setup     (CLDutyAssignPopover *self,
                                              CLContext           *context,
                                              GPtrArray           *posts,
                                              const char          *staff_id,
                                              const char          *staff_name,
                                              const char          *day,
                                              const char          *post_id,
                                              const char          *shift);

/* Saves; FALSE with the message at its field when refused. */
gboolean    cl_duty_assign_popover_save      (CLDutyAssignPopover *self);

/* The form's widgets by column ("post_id", "shift"), and the message
 * shown at one, or NULL. */
GtkWidget  *cl_duty_assign_popover_get_field (CLDutyAssignPopover *self,
                                              const char          *column);
const char *cl_duty_assign_popover_get_error (CLDutyAssignPopover *self,
                                              const char          *column);

G_END_DECLS
