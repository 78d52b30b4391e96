#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Exporting a document to a file, the same way from every view: a save
 * chooser proposing a meaningful name (whose, what, when) in the
 * user's Documents folder, then a toast "Exported “name”" whose Open
 * button shows the file, or a message saying why it failed. */

/* Where exports and Print to File are proposed: Documents, else the
 * home folder; never the store's folder nor the working directory. */
GFile *cl_export_folder (void);

/* Writes the document to @path; FALSE with @error if it could not. */
typedef gboolean (*ClExportFunc) (gpointer     data,
                                  const char  *path,
                                  GError     **error);

/* Asks where to export from @widget's window: a chooser titled @title
 * proposing @file_name in cl_export_folder(), filtered to @mime_type
 * (@filter_name), then writes with @func (@data, freed with @destroy
 * when done) and says so in the nearest AdwToastOverlay above
 * @widget, or in a message headed @error_heading.  Returns the chooser
 * (transfer none), which tests answer through its dialog. */
GtkFileChooserNative *cl_export_run (GtkWidget      *widget,
                                     const char     *title,
                                     const char     *file_name,
                                     const char     *filter_name,
                                     const char     *mime_type,
                                     const char     *error_heading,
                                     ClExportFunc    func,
                                     gpointer        data,
                                     GDestroyNotify  destroy);

/* The toast of a written file: "Exported “name”" with an Open button
 * bound to the action export.open with the file's URI, which @overlay
 * provides. */
void   cl_export_show_toast (AdwToastOverlay *overlay,
                             GFile           *file);

G_END_DECLS
