#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* "Staff" (main menu; an administrator's, and on a desk without a
 * server its local user's): everyone on the staff with a search and a
 * role filter; add a person, open one to edit or deactivate them
 * (CLStaffDialog).  Deactivated people stay listed, marked, at the
 * end: their history is kept. */

#define CL_TYPE_STAFF_WINDOW (cl_staff_window_get_type ())
G_DECLARE_FINAL_TYPE (CLStaffWindow, cl_staff_window, CL, STAFF_WINDOW, AdwWindow)

CLStaffWindow *cl_staff_window_new         (GtkWindow     *parent,
                                            CLContext     *context);

/* For tests: the people listed now, the search and filter (@role NULL
 * for all), and opening a person's dialog (or a new one). */
guint          cl_staff_window_get_n_rows  (CLStaffWindow *self);
GtkWidget     *cl_staff_window_get_row     (CLStaffWindow *self,
                                            guint          index);
void           cl_staff_window_set_filter  (CLStaffWindow *self,
                                            const char    *search,
                                            const char    *role);
GtkWindow     *cl_staff_window_open        (CLStaffWindow *self,
                                            guint          index);
GtkWindow     *cl_staff_window_open_new    (CLStaffWindow *self);

/* For tests: the administrator's line of expiring qualifications, NULL
 * while it is hidden. */
const char    *cl_staff_window_get_expiry_line (CLStaffWindow *self);

G_END_DECLS
