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

AdwEntryRow *
cl_form_entry_row_add (GtkWidget   *group,
                       const char  *title,
                       GCallback    changed_cb,
                       gpointer     data,
                       GtkLabel   **message)
{
  GtkWidget *row = adw_entry_row_new ();

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "notify::text", changed_cb, data);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  *message = cl_form_message_attach (row);
  return ADW_ENTRY_ROW (row);
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
