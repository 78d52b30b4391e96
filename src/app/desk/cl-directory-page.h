#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The Service Desk view's Directory page: one search over the hospital
 * directory (departments with where they are, doctors with their title
 * and today's sessions, prices in yuan, the procedures' steps), today's
 * clinic sessions (all, or one half of the day), where the desk marks a
 * doctor who has not come to the room and then their arrival, and the
 * day's late sessions. */
#define CL_TYPE_DIRECTORY_PAGE (cl_directory_page_get_type ())
G_DECLARE_FINAL_TYPE (CLDirectoryPage, cl_directory_page, CL, DIRECTORY_PAGE, GtkWidget)

GtkWidget  *cl_directory_page_new          (CLContext       *context);

/* Reads the directory and the day's sessions again. */
void        cl_directory_page_reload       (CLDirectoryPage *self);
/* Puts the focus in the search, its text selected. */
void        cl_directory_page_focus_search (CLDirectoryPage *self);

/* For tests: "search", "half_day", "phoned", "mark_popover",
 * "mark", "mark_message" (the mark's popover and its widgets); how many results and sessions are
 * listed and how many sessions are late; the button of the session at
 * @position ("Not Arrived…" or "Arrived"), NULL if it has none. */
GtkWidget  *cl_directory_page_get_widget   (CLDirectoryPage *self,
                                            const char      *name);
guint       cl_directory_page_get_n_results  (CLDirectoryPage *self);
guint       cl_directory_page_get_n_sessions (CLDirectoryPage *self);
guint       cl_directory_page_get_n_late     (CLDirectoryPage *self);
GtkWidget  *cl_directory_page_get_session_button (CLDirectoryPage *self,
                                                  guint            position);

G_END_DECLS
