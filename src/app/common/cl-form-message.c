#define G_LOG_DOMAIN "cl-form-message"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-form-message.h"

GtkWidget *
cl_form_message_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-error");
  return label;
}

GtkLabel *
cl_form_message_attach (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *label = cl_form_message_new ();
  GtkWidget *message_row = gtk_list_box_row_new ();

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_widget_set_visible (message_row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);

  /* Screen readers read the message with the field. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                  -1);
  return GTK_LABEL (label);
}

static void
field_changed_cb (GObject    *field,
                  GParamSpec *pspec,
                  GtkLabel   *message)
{
  cl_form_message_set (message, NULL);
}

void
cl_form_message_clear_on (gpointer    field,
                          const char *property,
                          GtkLabel   *message)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_signal_connect_object (field, signal, G_CALLBACK (field_changed_cb), message, 0);
}

GtkLabel *
cl_form_row_add (GtkWidget  *group,
                 GtkWidget  *row,
                 const char *title)
{
  GtkLabel *message;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  message = cl_form_message_attach (row);
  if (ADW_IS_ENTRY_ROW (row))
    {
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
      cl_form_message_clear_on (row, "text", message);
    }
  else
    cl_form_message_clear_on (row, "selected", message);
  return message;
}

AdwEntryRow *
cl_form_entry_row_add (GtkWidget   *group,
                       const char  *title,
                       GtkLabel   **message)
{
  GtkWidget *row = adw_entry_row_new ();

  g_return_val_if_fail (message != NULL, NULL);

  *message = cl_form_row_add (group, row, title);
  return ADW_ENTRY_ROW (row);
}

GtkSwitch *
cl_form_switch_row_add (GtkWidget  *group,
                        const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *on = gtk_switch_new ();

  gtk_widget_set_valign (on, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), on);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), on);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return GTK_SWITCH (on);
}

void
cl_form_message_set (GtkLabel   *label,
                     const char *message)
{
  GtkWidget *parent;

  /* A form may leave out fields in one of its modes. */
  if (label == NULL)
    return;

  parent = gtk_widget_get_parent (GTK_WIDGET (label));
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_IS_LIST_BOX_ROW (parent) ? parent : GTK_WIDGET (label),
                          message != NULL);
}

GtkWidget *
cl_form_header_bar_new (const char  *save_label,
                        GCallback    save_cb,
                        gpointer     data,
                        GtkWidget  **save_button)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (save_label);

  /* A form dialog is left by Cancel or by saving, not by the title
   * buttons. */
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", save_cb, data);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);

  if (save_button)
    *save_button = save;
  return header;
}

void
cl_form_dialog_make_destructive (GtkWindow *window,
                                 GtkWidget *save_button)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_BUTTON (save_button));

  /* An act that cannot be taken back (a refund) is red and never the
   * default: Enter in a field must not take it. */
  gtk_widget_remove_css_class (save_button, "suggested-action");
  gtk_widget_add_css_class (save_button, "destructive-action");
  if (gtk_window_get_default_widget (window) == save_button)
    gtk_window_set_default_widget (window, NULL);
}

void
cl_form_row_set_required_title (GtkWidget  *row,
                                const char *title)
{
  g_autofree char *marked = NULL;

  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));
  g_return_if_fail (title != NULL);

  g_object_set_data (G_OBJECT (row), "cl-form-required", GINT_TO_POINTER (TRUE));
  /* Translators: the title of a field that must be filled in; the
   * form's note says what the mark means */
  marked = g_strdup_printf (C_("required field", "%s *"), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), marked);
  /* The mark is for the eye; a screen reader hears "required". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
}

void
cl_form_row_set_required (GtkWidget *row)
{
  g_autofree char *title = NULL;

  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  if (cl_form_row_get_required (row))
    return;
  title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  cl_form_row_set_required_title (row, title);
}

gboolean
cl_form_row_get_required (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cl-form-required") != NULL;
}

const char *
cl_form_required_note (void)
{
  return _("Fields marked * are required.");
}

gboolean
cl_form_message_check (GtkLabel  *message,
                       gboolean   ok,
                       GError   **error)
{
  if (!ok)
    {
      g_return_val_if_fail (error != NULL && *error != NULL, FALSE);
      cl_form_message_set (message, (*error)->message);
      g_clear_error (error);
    }
  return ok;
}

const char *
cl_form_message_get (GtkLabel *label)
{
  if (label == NULL || *gtk_label_get_label (label) == '\0')
    return NULL;
  return gtk_label_get_label (label);
}

void
cl_form_messages_clear (GtkLabel **messages,
                        guint      n,
                        GtkLabel  *form_message)
{
  for (guint i = 0; i < n; i++)
    cl_form_message_set (messages[i], NULL);
  cl_form_message_set (form_message, NULL);
}

int
cl_form_field_find (const char * const *names,
                    guint               n,
                    const char         *field)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (field, names[i]) == 0)
      return i;
  return -1;
}

const char *
cl_form_message_lookup (const char * const *names,
                        GtkLabel          **messages,
                        guint               n,
                        GtkLabel           *form_message,
                        const char         *field)
{
  int i;

  if (g_strcmp0 (field, "") == 0)
    return cl_form_message_get (form_message);
  i = cl_form_field_find (names, n, field);
  return i < 0 ? NULL : cl_form_message_get (messages[i]);
}

guint
cl_form_show_field_errors (GHashTable         *field_errors,
                           const char * const *keys,
                           GtkLabel          **messages,
                           guint               n)
{
  guint placed = 0;

  for (guint i = 0; i < n && field_errors; i++)
    {
      const char *message = keys[i] ? g_hash_table_lookup (field_errors, keys[i]) : NULL;

      if (message && messages[i])
        {
          cl_form_message_set (messages[i], message);
          placed++;
        }
    }
  return placed;
}

guint
cl_form_dialog_class_setup (GtkWidgetClass *klass,
                            gboolean        with_id)
{
  guint saved;

  if (with_id)
    saved = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  else
    saved = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (klass, GDK_KEY_Escape, 0, "window.close", NULL);
  return saved;
}

GtkLabel *
cl_form_dialog_build (AdwWindow     *window,
                      const char    *save_label,
                      GCallback      save_cb,
                      GtkWidget    **save_button,
                      CLFormLayout   layout,
                      int            spacing,
                      GtkWidget    **groups)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);
  GtkWidget *form_message = cl_form_message_new ();
  GtkWidget *save = NULL;

  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (save_label)
    gtk_box_append (GTK_BOX (toolbar), cl_form_header_bar_new (save_label, save_cb, window, &save));

  gtk_widget_set_visible (form_message, FALSE);
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 18);
  for (guint i = 0; groups[i]; i++)
    gtk_box_append (GTK_BOX (body), groups[i]);
  gtk_box_append (GTK_BOX (body), form_message);

  if (layout == CL_FORM_FIXED)
    gtk_box_append (GTK_BOX (toolbar), body);
  else
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      /* The form grows as messages appear under its fields: the window
       * may follow it up to a screen's height, then scroll. */
      if (layout == CL_FORM_SCROLLED_NATURAL)
        {
          gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
          gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 640);
        }
      gtk_widget_set_vexpand (scrolled, TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), body);
      gtk_box_append (GTK_BOX (toolbar), scrolled);
    }
  adw_window_set_content (window, toolbar);
  if (save)
    gtk_window_set_default_widget (GTK_WINDOW (window), save);
  if (save_button)
    *save_button = save;
  return GTK_LABEL (form_message);
}

void
cl_form_dialog_saved (GtkWindow  *window,
                      guint       saved_signal,
                      const char *id)
{
  /* A signal without arguments does not read @id. */
  g_signal_emit (window, saved_signal, 0, id);
  gtk_window_destroy (window);
}
