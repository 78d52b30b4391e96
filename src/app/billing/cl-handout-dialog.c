#define G_LOG_DOMAIN "cl-handout-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-form-message.h"
#include "cl-handout-dialog.h"
#include "cl-package-usage.h"

enum { F_SERVICE, F_DATE, F_NOTE, F_OVER_REASON, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "service", "date", "note", "over-reason" };
/* The columns core names in its errors, by field. */
static const char * const field_columns[N_FIELDS] = { "service", "date", "note", "over_reason" };

struct _CLHandoutDialog
{
  AdwWindow    parent_instance;

  AdwComboRow *service;
  AdwEntryRow *date;
  AdwEntryRow *note;
  AdwEntryRow *over_reason;
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;

  CLStore     *store;
  CLContext   *context;
  CLEnrolment *enrolment;
  GPtrArray   *usages;    /* CLServiceUsage, the hand-out services */
};

G_DEFINE_FINAL_TYPE (CLHandoutDialog, cl_handout_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const CLServiceUsage *
chosen (CLHandoutDialog *self)
{
  guint i = adw_combo_row_get_selected (self->service);

  return i < self->usages->len ? g_ptr_array_index (self->usages, i) : NULL;
}

static CLHandout *
handout_of_form (CLHandoutDialog *self,
                 const char      *date)
{
  const CLServiceUsage *usage = chosen (self);
  CLHandout *handout = cl_handout_new ();
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note))));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->over_reason))));

  cl_handout_set_patient_id (handout, cl_enrolment_get_patient_id (self->enrolment));
  cl_handout_set_enrolment_id (handout, cl_record_get_id (CL_RECORD (self->enrolment)));
  cl_handout_set_service (handout, usage ? usage->service : NULL);
  cl_handout_set_date (handout, date);
  cl_handout_set_note (handout, *note ? note : NULL);
  cl_handout_set_over_reason (handout, *reason ? reason : NULL);
  return handout;
}

/* The count of the chosen service, and core's word on whether one more
 * needs a reason: asked before Save, not after. */
static void
service_changed_cb (CLHandoutDialog *self)
{
  const CLServiceUsage *usage = chosen (self);
  g_autoptr(CLHandout) probe = NULL;
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *count = NULL;
  const char *ask;

  if (usage == NULL)
    return;
  /* Translators: under the service of a hand-out: how many were handed
   * out, of how many her package includes */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u handed out", "%u of %u handed out",
                                        usage->included),
                           usage->used, usage->included);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->service), count);

  probe = handout_of_form (self, NULL);
  cl_handout_set_over_reason (probe, NULL);
  cl_handout_set_handed_by (probe, cl_store_get_actor (self->store));
  cl_package_usage_validate_handout (self->store, probe, errors);
  ask = g_hash_table_lookup (errors, "over_reason");
  gtk_widget_set_visible (GTK_WIDGET (self->over_reason), ask != NULL);
  cl_form_message_set (self->errors[F_OVER_REASON], ask);
}

gboolean
cl_handout_dialog_save (CLHandoutDialog *self)
{
  g_autoptr(CLHandout) handout = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GDate date;

  g_return_val_if_fail (CL_IS_HANDOUT_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  if (!cl_form_message_check (self->errors[F_DATE],
                              cl_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date)), &date, &error),
                              &error))
    return FALSE;
  iso = cl_date_to_iso (&date);
  handout = handout_of_form (self, iso);
  if (!cl_package_usage_save_handout (self->store, handout, cl_context_get_role (self->context),
                                      &field_errors, &error))
    {
      guint placed = field_errors ? cl_form_show_field_errors (field_errors, field_columns, self->errors, N_FIELDS) : 0;

      if (field_errors && g_hash_table_contains (field_errors, "over_reason"))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->over_reason), TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->over_reason));
        }
      if (field_errors == NULL || placed < g_hash_table_size (field_errors))
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (handout)));
  return TRUE;
}

static void
save_clicked_cb (CLHandoutDialog *self)
{
  cl_handout_dialog_save (self);
}

static void
cl_handout_dialog_finalize (GObject *object)
{
  CLHandoutDialog *self = CL_HANDOUT_DIALOG (object);

  g_clear_pointer (&self->usages, g_ptr_array_unref);
  g_clear_object (&self->enrolment);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_handout_dialog_parent_class)->finalize (object);
}

static void
cl_handout_dialog_class_init (CLHandoutDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_handout_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_handout_dialog_init (CLHandoutDialog *self)
{
}

static void
build (CLHandoutDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) usages = cl_package_usage_of_enrolment (self->store, self->enrolment);

  gtk_window_set_title (GTK_WINDOW (self), _("Record Hand-out"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), cl_form_required_note ());

  self->usages = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_service_usage_free);
  /* Only the services without a booking of their own are handed out. */
  for (guint i = 0; i < usages->len;)
    {
      CLServiceUsage *usage = g_ptr_array_index (usages, i);

      if (usage->kind != CL_USAGE_HANDOUT)
        {
          i++;
          continue;
        }
      gtk_string_list_append (labels, cl_service_usage_label (usage));
      g_ptr_array_add (self->usages, g_ptr_array_steal_index (usages, i));
    }
  self->service = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_combo_row_set_model (self->service, G_LIST_MODEL (labels));
  self->errors[F_SERVICE] = cl_form_row_add (group, GTK_WIDGET (self->service), _("Service"));
  self->date = cl_form_entry_row_add (group, _("Date"), &self->errors[F_DATE]);
  self->note = cl_form_entry_row_add (group, _("Note"), &self->errors[F_NOTE]);
  self->over_reason = cl_form_entry_row_add (group, _("Reason for Going Over the Package"),
                                             &self->errors[F_OVER_REASON]);
  cl_form_row_set_required (GTK_WIDGET (self->service));
  cl_form_row_set_required (GTK_WIDGET (self->date));
  cl_form_row_set_required (GTK_WIDGET (self->over_reason));
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Record"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 12, groups);
  g_signal_connect_object (self->service, "notify::selected", G_CALLBACK (service_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

CLHandoutDialog *
cl_handout_dialog_new (GtkWindow   *parent,
                       CLContext   *context,
                       CLEnrolment *enrolment,
                       const char  *service)
{
  CLHandoutDialog *self;
  g_autofree char *today_iso = NULL;
  GDate today;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);
  g_return_val_if_fail (CL_IS_ENROLMENT (enrolment), NULL);

  self = g_object_new (CL_TYPE_HANDOUT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->enrolment = g_object_ref (enrolment);
  build (self);

  cl_context_get_today (context, &today);
  today_iso = cl_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date), today_iso);
  cl_handout_dialog_choose (self, service);
  service_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->service));
  return self;
}

void
cl_handout_dialog_choose (CLHandoutDialog *self,
                          const char      *service)
{
  g_return_if_fail (CL_IS_HANDOUT_DIALOG (self));

  for (guint i = 0; service && i < self->usages->len; i++)
    if (g_strcmp0 (((CLServiceUsage *) g_ptr_array_index (self->usages, i))->service, service) == 0)
      adw_combo_row_set_selected (self->service, i);
}

const char *
cl_handout_dialog_get_count (CLHandoutDialog *self)
{
  g_return_val_if_fail (CL_IS_HANDOUT_DIALOG (self), NULL);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (self->service));
}

GtkWidget *
cl_handout_dialog_get_field (CLHandoutDialog *self,
                             const char      *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (self->service), GTK_WIDGET (self->date), GTK_WIDGET (self->note), GTK_WIDGET (self->over_reason),
  };
  int i;

  g_return_val_if_fail (CL_IS_HANDOUT_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_handout_dialog_get_error (CLHandoutDialog *self,
                             const char      *field)
{
  g_return_val_if_fail (CL_IS_HANDOUT_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
