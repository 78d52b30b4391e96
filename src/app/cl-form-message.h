#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Messages shown where a value was typed (DESIGN.md: "a clear,
 * translated error where it was typed").  A field's message lives in a
 * row of its own right under the field's row, hidden until needed. */

/* A wrapping label styled as a field message. */
GtkWidget *cl_form_message_new    (void);

/* Adds a hidden message row under @row (a row of a list, such as a
 * preferences group) and returns its label. */
GtkLabel  *cl_form_message_attach (GtkWidget  *row);

/* Adds a field to @group (an AdwPreferencesGroup): an entry row titled
 * @title whose Enter activates the window's default, with @changed_cb
 * connected to its "notify::text" and its message row right under it
 * (the label in @message). */
AdwEntryRow *cl_form_entry_row_add (GtkWidget   *group,
                                    const char  *title,
                                    GCallback    changed_cb,
                                    gpointer     data,
                                    GtkLabel   **message);

/* Shows @message (NULL hides it) in @label and its row, if any.
 * A NULL @label (a field the form does not show) is ignored. */
void       cl_form_message_set    (GtkLabel   *label,
                                   const char *message);

/* The header bar of a small form dialog: Cancel (closes the window) on
 * the left, the suggested @save_label button on the right, calling
 * @save_cb with @data.  The save button is returned in @save_button, to
 * be made the window's default widget. */
GtkWidget *cl_form_header_bar_new (const char  *save_label,
                                   GCallback    save_cb,
                                   gpointer     data,
                                   GtkWidget  **save_button);

G_END_DECLS
