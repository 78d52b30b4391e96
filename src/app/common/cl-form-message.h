#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Messages shown where a value was typed (README, "Using Careline":
 * bad input "gets a message under the field").  A field's message
 * lives in a row of its own right under the field's row, hidden until
 * needed.
 *
 * Also what the app's small form dialogs (order, package, deduction,
 * share rate, enrolment, escort task, VIP room and booking) have in
 * common: their fields with messages, their layout and header bar,
 * their "saved" signal and Escape, and closing once saved. */

/* A wrapping label styled as a field message. */
GtkWidget *cl_form_message_new    (void);

/* Adds a hidden message row under @row (a row of a list, such as a
 * preferences group) and returns its label. */
GtkLabel  *cl_form_message_attach (GtkWidget  *row);

/* Changing @field (its @property, such as "text" or "selected")
 * hides @message: the field is being fixed. */
void       cl_form_message_clear_on (gpointer    field,
                                     const char *property,
                                     GtkLabel   *message);

/* Adds @row (an entry or combo row) to @group (an AdwPreferencesGroup)
 * titled @title, with its message row right under it, returned.
 * An entry row's Enter activates the window's default; changing the
 * row hides its message. */
GtkLabel  *cl_form_row_add        (GtkWidget   *group,
                                   GtkWidget   *row,
                                   const char  *title);

/* cl_form_row_add() of a new entry row, returned; its message in
 * @message. */
AdwEntryRow *cl_form_entry_row_add (GtkWidget   *group,
                                    const char  *title,
                                    GtkLabel   **message);

/* Adds an on/off row titled @title to @group; returns its switch. */
GtkSwitch *cl_form_switch_row_add (GtkWidget   *group,
                                   const char  *title);

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

/* For a form whose save cannot be taken back (a refund): the save
 * button returned by cl_form_dialog_build() becomes destructive and is
 * no longer the window's default, so Enter does not press it. */
void       cl_form_dialog_make_destructive (GtkWindow *window,
                                            GtkWidget *save_button);

/* Marks @row (titled already) as a field that must be filled in: its
 * title gets the form's mark (" *"), and assistive technologies are
 * told it is required.  The form says what the mark means with
 * cl_form_required_note().  Marking twice marks once. */
void       cl_form_row_set_required (GtkWidget *row);
/* Titles @row @title, marked as required: for a row whose title
 * changes. */
void       cl_form_row_set_required_title (GtkWidget  *row,
                                           const char *title);
gboolean   cl_form_row_get_required (GtkWidget *row);
/* "Fields marked * are required.", translated. */
const char *cl_form_required_note  (void);

/* For what a parser said of a field: unless @ok, shows @error's
 * message in @message and clears @error.  Returns @ok. */
gboolean   cl_form_message_check  (GtkLabel   *message,
                                   gboolean    ok,
                                   GError    **error);

/* The text @label shows, NULL when it is hidden or empty. */
const char *cl_form_message_get   (GtkLabel   *label);

/* Hides the @n @messages (NULL ones are skipped) and @form_message. */
void       cl_form_messages_clear (GtkLabel  **messages,
                                   guint       n,
                                   GtkLabel   *form_message);

/* The index of @field in @names (as many as @n), or -1. */
int        cl_form_field_find     (const char * const *names,
                                   guint               n,
                                   const char         *field);

/* For a dialog's tests: the message shown under the field named @field
 * (one of @names, as many as @messages), or @form_message's for "";
 * NULL when none is shown. */
const char *cl_form_message_lookup (const char * const *names,
                                    GtkLabel          **messages,
                                    guint               n,
                                    GtkLabel           *form_message,
                                    const char         *field);

/* Shows each message of @field_errors (a field's key → its message,
 * as core's stores give them) under the field whose key in @keys (as
 * many as @messages) it is; a field with a NULL message is not shown.
 * Returns how many it placed. */
guint      cl_form_show_field_errors (GHashTable         *field_errors,
                                      const char * const *keys,
                                      GtkLabel          **messages,
                                      guint               n);

/* Form dialogs (AdwWindow subclasses). */

/* In class_init: adds the "saved" signal, with the saved record's id
 * (a string) when @with_id, else without arguments, and Escape to
 * close.  Returns the signal's id. */
guint      cl_form_dialog_class_setup (GtkWidgetClass *klass,
                                       gboolean        with_id);

typedef enum {
  CL_FORM_FIXED,             /* the form as tall as it is */
  CL_FORM_SCROLLED,          /* scrolled within the window */
  CL_FORM_SCROLLED_NATURAL,  /* the window follows the form, then scrolls */
} CLFormLayout;

/* Lays out a modal form dialog: a header bar with Cancel and
 * @save_label (calling @save_cb with @window, the default widget,
 * returned in @save_button if not NULL), unless @save_label is NULL;
 * under it @groups (NULL-terminated) @spacing apart and the form's own
 * message, returned. */
GtkLabel  *cl_form_dialog_build   (AdwWindow     *window,
                                   const char    *save_label,
                                   GCallback      save_cb,
                                   GtkWidget    **save_button,
                                   CLFormLayout   layout,
                                   int            spacing,
                                   GtkWidget    **groups);

/* After a save: emits @saved_signal (with @id if the signal takes it)
 * and closes @window. */
void       cl_form_dialog_saved   (GtkWindow     *window,
                                   guint          saved_signal,
                                   const char    *id);

G_END_DECLS
