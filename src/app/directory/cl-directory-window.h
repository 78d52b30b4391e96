#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The Hospital Directory window of the main menu: an administrator
 * keeps the departments, the doctors with their weekly sessions, the
 * prices and the procedures the service desk answers from; every other
 * role reads them here.  A row opens its form (CLDoctorDialog,
 * CLDirectoryEntryDialog); New… (Ctrl+N) adds to the page shown. */
#define CL_TYPE_DIRECTORY_WINDOW (cl_directory_window_get_type ())
G_DECLARE_FINAL_TYPE (CLDirectoryWindow, cl_directory_window, CL, DIRECTORY_WINDOW, AdwWindow)

CLDirectoryWindow *cl_directory_window_new (GtkWindow *parent,
                                            CLContext *context);

void       cl_directory_window_reload       (CLDirectoryWindow *self);
/* For tests: shows the page "departments", "doctors", "prices" or
 * "procedures"; how many records it lists; opens the form of a new one
 * or of the record at @position, returned. */
void       cl_directory_window_show_page    (CLDirectoryWindow *self,
                                             const char        *page);
guint      cl_directory_window_get_n_rows   (CLDirectoryWindow *self,
                                             const char        *page);
GtkWidget *cl_directory_window_open_form    (CLDirectoryWindow *self,
                                             int                position);

G_END_DECLS
