#define G_LOG_DOMAIN "cl-contract-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-contract-dialog.h"
#include "cl-contract-store.h"
#include "cl-form-message.h"

enum { F_TITLE, F_VENDOR, F_KIND, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "title", "vendor", "kind" };

struct _CLContractDialog
{
  AdwWindow parent_instance;

  GtkWidget   *rows[N_FIELDS];
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;

  CLStore     *store;
  CLContext   *context;
  CLContract  *contract;
};

G_DEFINE_FINAL_TYPE (CLContractDialog, cl_contract_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_contract_dialog_save (CLContractDialog *self)
{
  static const char * const keys[N_FIELDS] = { "title", "vendor", "kind" };
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  guint kind;

  g_return_val_if_fail (CL_IS_CONTRACT_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[F_KIND]));
  cl_contract_set_title (self->contract, gtk_editable_get_text (GTK_EDITABLE (self->rows[F_TITLE])));
  cl_contract_set_vendor (self->contract, gtk_editable_get_text (GTK_EDITABLE (self->rows[F_VENDOR])));
  cl_contract_set_kind (self->contract, kind < g_strv_length ((char **) cl_contract_kinds ())
                                        ? cl_contract_kinds ()[kind] : NULL);
  if (!cl_contract_store_save (self->store, self->contract, cl_context_get_role (self->context),
                               &field_errors, &error))
    {
      if (field_errors == NULL || cl_form_show_field_errors (field_errors, keys, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (self->contract)));
  return TRUE;
}

static void
save_clicked_cb (CLContractDialog *self)
{
  cl_contract_dialog_save (self);
}

static void
cl_contract_dialog_finalize (GObject *object)
{
  CLContractDialog *self = CL_CONTRACT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->contract);
  G_OBJECT_CLASS (cl_contract_dialog_parent_class)->finalize (object);
}

static void
cl_contract_dialog_class_init (CLContractDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_contract_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_contract_dialog_init (CLContractDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *description = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Contract"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);

  description = g_strdup_printf ("%s %s", _("Each contract has its own rates or fee, deductions, closed months and statement."),
                                 cl_form_required_note ());
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  self->rows[F_TITLE] = GTK_WIDGET (cl_form_entry_row_add (group, _("Title"), &self->errors[F_TITLE]));
  self->rows[F_VENDOR] = GTK_WIDGET (cl_form_entry_row_add (group, _("Vendor"), &self->errors[F_VENDOR]));
  for (const char * const *k = cl_contract_kinds (); *k; k++)
    gtk_string_list_append (kinds, cl_contract_kind_label (*k));
  self->rows[F_KIND] = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[F_KIND]), G_LIST_MODEL (kinds));
  self->errors[F_KIND] = cl_form_row_add (group, self->rows[F_KIND], _("Paid by"));
  cl_form_row_set_required (self->rows[F_TITLE]);
  cl_form_row_set_required (self->rows[F_KIND]);
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 12, groups);
}

CLContractDialog *
cl_contract_dialog_new (GtkWindow  *parent,
                        CLContext  *context,
                        const char *contract_id)
{
  CLContractDialog *self;
  const char * const *kinds = cl_contract_kinds ();

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_CONTRACT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  if (contract_id)
    self->contract = cl_contract_store_load (self->store, contract_id);
  if (self->contract == NULL)
    {
      self->contract = cl_contract_new ();
      cl_contract_set_kind (self->contract, CL_CONTRACT_FIXED_MONTHLY_FEE);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_TITLE]), cl_contract_get_title (self->contract) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_VENDOR]), cl_contract_get_vendor (self->contract) ?: "");
  for (guint i = 0; kinds[i]; i++)
    if (g_strcmp0 (kinds[i], cl_contract_get_kind (self->contract)) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[F_KIND]), i);
  gtk_widget_grab_focus (self->rows[F_TITLE]);
  return self;
}

GtkEditable *
cl_contract_dialog_get_entry (CLContractDialog *self,
                              const char       *field)
{
  int i = cl_form_field_find (field_names, N_FIELDS, field);

  g_return_val_if_fail (CL_IS_CONTRACT_DIALOG (self), NULL);
  return i < 0 || i == F_KIND ? NULL : GTK_EDITABLE (self->rows[i]);
}

void
cl_contract_dialog_set_kind (CLContractDialog *self,
                             guint             index)
{
  g_return_if_fail (CL_IS_CONTRACT_DIALOG (self));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[F_KIND]), index);
}

const char *
cl_contract_dialog_get_error (CLContractDialog *self,
                              const char       *field)
{
  g_return_val_if_fail (CL_IS_CONTRACT_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
