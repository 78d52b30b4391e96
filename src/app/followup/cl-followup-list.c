#define G_LOG_DOMAIN "cl-followup-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-followup-dialog.h"
#include "cl-followup-list.h"
#include "cl-followup-outcome.h"
#include "cl-followup-record.h"
#include "cl-store-followup.h"
#include "cl-tables.h"

struct _CLFollowupList
{
  CLPatientSection     parent_instance;

  /* template widgets */
  AdwPreferencesGroup *group;
  GtkListBox          *list;

  /* owned */
  GPtrArray           *items;       /* CLFollowupRecord shown, for the row actions */
  gboolean             show_all;
  guint                n_shown;
};

G_DEFINE_FINAL_TYPE (CLFollowupList, cl_followup_list, CL_TYPE_PATIENT_SECTION)

static char *
describe (CLFollowupRecord *item)
{
  g_autofree char *due = cl_date_format_iso (cl_followup_record_get_due_date (item), CL_DATE_SHORT, NULL);
  const char *state = cl_followup_record_get_state (item);
  GString *text = g_string_new (NULL);
  CLFollowupState value;

  /* Translators: a follow-up item's due date, channel and state */
  g_string_printf (text, _("Due %s · %s · %s"), due ? due : "—",
                   cl_followup_channel_label (cl_followup_record_get_channel (item)),
                   cl_followup_state_label (state));
  if (cl_followup_state_from_string (state, &value) && value == CL_FOLLOWUP_STATE_CANCELLED)
    /* Translators: why a follow-up item was cancelled, after its state */
    g_string_append_printf (text, _(": %s"), cl_followup_cancel_reason_label (cl_followup_record_get_cancel_reason (item)));
  else if (cl_followup_state_from_string (state, &value) && value == CL_FOLLOWUP_STATE_DONE &&
           *cl_followup_outcome_label (cl_followup_record_get_outcome (item)))
    /* Translators: what came of a follow-up item, after its state */
    g_string_append_printf (text, _(": %s"), cl_followup_outcome_label (cl_followup_record_get_outcome (item)));
  if (cl_followup_record_get_outcome_note (item) && *cl_followup_record_get_outcome_note (item))
    /* Translators: the note of what was done, after the outcome */
    g_string_append_printf (text, _(" — “%s”"), cl_followup_record_get_outcome_note (item));
  g_string_append_c (text, '\n');
  g_string_append (text, cl_followup_record_get_content (item) ? cl_followup_record_get_content (item) : "");
  return g_string_free (text, FALSE);
}

static GtkWidget *
item_row (CLFollowupList   *self,
          CLFollowupRecord *item,
          guint             index)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe (item);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_followup_kind_label (cl_followup_record_get_kind (item)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  if (cl_followup_record_is_open (item))
    {
      /* No mnemonic: every open row has one. */
      GtkWidget *button = gtk_button_new_with_label (_("Record Outcome…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "followup.record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

void
cl_followup_list_reload (CLFollowupList *self)
{
  CLContext *context = cl_patient_section_get_context (CL_PATIENT_SECTION (self));
  CLStore *store = cl_patient_section_get_store (CL_PATIENT_SECTION (self));
  const char *patient_id = cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self));
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *child;
  guint shown;

  g_return_if_fail (CL_IS_FOLLOWUP_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->n_shown = 0;
  {
    gboolean may = store && patient_id &&
                   cl_tables_can_write (cl_context_get_role (context), "followup_item");

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.add", may);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.record", may);
  }
  if (store == NULL || patient_id == NULL)
    return;

  items = cl_store_followup_for_patient (store, patient_id);
  if (items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No follow-up planned yet"));
      gtk_list_box_append (self->list, row);
      self->items = g_steal_pointer (&items);
      return;
    }
  shown = self->show_all ? items->len : MIN (items->len, CL_FOLLOWUP_LIST_CAP);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->list, item_row (self, g_ptr_array_index (items, i), i));
  self->n_shown = shown;
  if (shown < items->len)
    {
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a button that shows the rest of her follow-up items */
      g_autofree char *label = g_strdup_printf (_("Show All (%u)"), items->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "followup.show-all");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
      gtk_list_box_append (self->list, row);
    }
  self->items = g_steal_pointer (&items);
}

guint
cl_followup_list_get_n_items (CLFollowupList *self)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_LIST (self), 0);
  return self->items ? self->items->len : 0;
}

guint
cl_followup_list_get_n_shown (CLFollowupList *self)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_LIST (self), 0);
  return self->n_shown;
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CLFollowupList *self = CL_FOLLOWUP_LIST (widget);

  self->show_all = TRUE;
  cl_followup_list_reload (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CLFollowupList *self = CL_FOLLOWUP_LIST (widget);
  CLFollowupDialog *dialog;

  dialog = cl_followup_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   cl_patient_section_get_context (CL_PATIENT_SECTION (self)),
                                   cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self)));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_followup_list_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CLFollowupList *self = CL_FOLLOWUP_LIST (widget);
  guint index = g_variant_get_uint32 (param);
  AdwMessageDialog *dialog;

  if (self->items == NULL || index >= self->items->len)
    return;
  dialog = cl_followup_outcome_ask (widget, cl_patient_section_get_context (CL_PATIENT_SECTION (self)),
                                    g_ptr_array_index (self->items, index));
  g_signal_connect_object (dialog, "response", G_CALLBACK (cl_followup_list_reload), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* Another patient's list starts short again. */
static void
cl_followup_list_patient_changed (CLPatientSection *section)
{
  CL_FOLLOWUP_LIST (section)->show_all = FALSE;
}

static void
cl_followup_list_dispose (GObject *object)
{
  CLFollowupList *self = CL_FOLLOWUP_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_FOLLOWUP_LIST);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_followup_list_parent_class)->dispose (object);
}

static void
cl_followup_list_class_init (CLFollowupListClass *klass)
{
  static const char * const tables[] = { "followup_item", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CLPatientSectionClass *section_class = CL_PATIENT_SECTION_CLASS (klass);

  object_class->dispose = cl_followup_list_dispose;
  section_class->reload = (void (*) (CLPatientSection *)) cl_followup_list_reload;
  section_class->patient_changed = cl_followup_list_patient_changed;
  /* Today, another desk or a scale may change her items. */
  section_class->tables = tables;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/followup/cl-followup-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CLFollowupList, group);
  gtk_widget_class_bind_template_child (widget_class, CLFollowupList, list);
  gtk_widget_class_install_action (widget_class, "followup.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "followup.record", "u", record_action);
  gtk_widget_class_install_action (widget_class, "followup.show-all", NULL, show_all_action);
}

static void
cl_followup_list_init (CLFollowupList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.record", FALSE);
}
