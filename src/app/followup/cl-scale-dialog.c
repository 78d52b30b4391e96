#define G_LOG_DOMAIN "cl-scale-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-scale-catalog.h"
#include "cl-scale-dialog.h"
#include "cl-scale-record.h"
#include "cl-scale-store.h"

/* The sources a desk takes a scale down by; "link" is a patient's own
 * filling, which no desk form makes. */
static const char * const sources[] = { "desk", "phone" };

struct _CLScaleDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkWidget   *save_button;
  GtkBox      *items_box;
  AdwComboRow *scale_row;
  AdwComboRow *source_row;
  GtkLabel    *instructions;
  GtkLabel    *hint;

  /* owned */
  CLContext   *context;
  char        *patient_id;
  char        *pregnancy_id;
  CLScale     *scale;       /* the one shown */
  GPtrArray   *groups;      /* the items' AdwPreferencesGroups */
  GArray      *answers;     /* gint per item, CL_SCALE_UNANSWERED until chosen */
  GPtrArray   *checks;      /* per item: a GPtrArray of its GtkCheckButtons */
};

G_DEFINE_FINAL_TYPE (CLScaleDialog, cl_scale_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static guint
n_unanswered (CLScaleDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->answers->len; i++)
    n += g_array_index (self->answers, gint, i) == CL_SCALE_UNANSWERED;
  return n;
}

static void
update_hint (CLScaleDialog *self)
{
  guint left = n_unanswered (self);
  g_autofree char *text = NULL;

  if (left > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item left to answer", "%u items left to answer", left),
                            left);
  else
    text = g_strdup (_("Every item is answered"));
  gtk_label_set_text (self->hint, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->hint), "error");
  gtk_widget_set_sensitive (self->save_button, left == 0);
}

static void
option_toggled_cb (GtkCheckButton *check,
                   CLScaleDialog  *self)
{
  if (!gtk_check_button_get_active (check))
    return;
  g_array_index (self->answers, gint, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "item"))) =
    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "option"));
  update_hint (self);
}

static void
show_scale (CLScaleDialog *self)
{
  const char * const *ids = cl_scale_catalog_ids ();
  guint selected = adw_combo_row_get_selected (self->scale_row);

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->items_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->checks, 0);
  g_array_set_size (self->answers, 0);

  self->scale = cl_scale_lookup (ids[selected < g_strv_length ((char **) ids) ? selected : 0]);
  gtk_label_set_text (self->instructions, cl_scale_get_instructions (self->scale, NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->instructions), cl_scale_get_instructions (self->scale, NULL) != NULL);

  for (guint i = 0; i < cl_scale_get_n_items (self->scale); i++)
    {
      const CLScaleItem *item = cl_scale_get_item (self->scale, i);
      GtkWidget *group = adw_preferences_group_new ();
      GPtrArray *checks = g_ptr_array_new ();
      GtkCheckButton *first = NULL;
      gint unanswered = CL_SCALE_UNANSWERED;
      g_autofree char *title = g_strdup_printf ("%u. %s", item->number, cl_local_text_get (item->text, NULL));
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
      for (guint o = 0; o < item->n_options; o++)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          if (first)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
          else
            first = GTK_CHECK_BUTTON (check);
          g_object_set_data (G_OBJECT (check), "item", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (check), "option", GINT_TO_POINTER (o));
          g_signal_connect (check, "toggled", G_CALLBACK (option_toggled_cb), self);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_local_text_get (item->options[o].text, NULL));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          g_ptr_array_add (checks, check);
        }
      gtk_box_append (self->items_box, group);
      g_ptr_array_add (self->groups, group);
      g_ptr_array_add (self->checks, checks);
      g_array_append_val (self->answers, unanswered);
    }
  update_hint (self);
}

static void
scale_changed_cb (CLScaleDialog *self)
{
  if (self->groups)
    show_scale (self);
}

void
cl_scale_dialog_answer (CLScaleDialog *self,
                        guint          item,
                        guint          option)
{
  GPtrArray *checks;

  g_return_if_fail (CL_IS_SCALE_DIALOG (self));
  g_return_if_fail (item < self->checks->len);
  checks = g_ptr_array_index (self->checks, item);
  g_return_if_fail (option < checks->len);
  gtk_check_button_set_active (g_ptr_array_index (checks, option), TRUE);
}

static void
save_clicked_cb (CLScaleDialog *self)
{
  g_autoptr(CLScaleRecord) record = cl_scale_record_new ();
  g_autoptr(CLScaleResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint source = adw_combo_row_get_selected (self->source_row);
  const gint *answers = (const gint *) self->answers->data;

  if (cl_scale_score (self->scale, answers, self->answers->len, &result, &error))
    {
      cl_scale_record_set_patient_id (record, self->patient_id);
      cl_scale_record_set_pregnancy_id (record, self->pregnancy_id);
      cl_scale_record_set_result (record, result, answers, self->answers->len);
      cl_scale_record_set_source (record, sources[source < G_N_ELEMENTS (sources) ? source : 0]);
      cl_scale_record_set_filled_at (record, cl_context_get_now (self->context));
      cl_scale_record_set_filled_by (record, cl_context_get_username (self->context));
      if (cl_scale_store_save (cl_context_get_store (self->context), record,
                               cl_context_get_role (self->context), NULL, NULL, &error))
        {
          g_signal_emit (self, signals[SAVED], 0);
          gtk_window_close (GTK_WINDOW (self));
          return;
        }
    }
  /* Nothing was written: say why where she is looking. */
  gtk_label_set_text (self->hint, error->message);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint), "error");
}

static void
cl_scale_dialog_dispose (GObject *object)
{
  CLScaleDialog *self = CL_SCALE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SCALE_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->answers, g_array_unref);
  G_OBJECT_CLASS (cl_scale_dialog_parent_class)->dispose (object);
}

static void
cl_scale_dialog_finalize (GObject *object)
{
  CLScaleDialog *self = CL_SCALE_DIALOG (object);

  g_free (self->patient_id);
  g_free (self->pregnancy_id);
  G_OBJECT_CLASS (cl_scale_dialog_parent_class)->finalize (object);
}

static void
cl_scale_dialog_class_init (CLScaleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_scale_dialog_dispose;
  object_class->finalize = cl_scale_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/followup/cl-scale-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CLScaleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CLScaleDialog, items_box);
  gtk_widget_class_bind_template_child (widget_class, CLScaleDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, CLScaleDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, CLScaleDialog, instructions);
  gtk_widget_class_bind_template_child (widget_class, CLScaleDialog, hint);
  gtk_widget_class_bind_template_callback (widget_class, scale_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_scale_dialog_init (CLScaleDialog *self)
{
  g_autoptr(GtkStringList) scales = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) taken = gtk_string_list_new (NULL);
  const char * const *ids = cl_scale_catalog_ids ();

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; ids[i]; i++)
    gtk_string_list_append (scales, cl_scale_get_title (cl_scale_lookup (ids[i]), NULL));
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    gtk_string_list_append (taken, cl_scale_source_label (sources[i]));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (taken));
  self->groups = g_ptr_array_new ();
  self->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->answers = g_array_new (FALSE, FALSE, sizeof (gint));
  adw_combo_row_set_model (self->scale_row, G_LIST_MODEL (scales));
  show_scale (self);
}

CLScaleDialog *
cl_scale_dialog_new (GtkWindow  *parent,
                     CLContext  *context,
                     const char *patient_id,
                     const char *pregnancy_id)
{
  CLScaleDialog *self = g_object_new (CL_TYPE_SCALE_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  self->patient_id = g_strdup (patient_id);
  self->pregnancy_id = g_strdup (pregnancy_id);
  return self;
}
