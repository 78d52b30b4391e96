#define G_LOG_DOMAIN "cl-order-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-form-message.h"
#include "cl-order-dialog.h"
#include "cl-order-store.h"

/* Entry fields, named as the order's properties so the rules' field
 * messages land under them. */
enum { F_DATE, F_TEXT, F_DOCTOR, F_REMINDER, N_FIELDS };
/* The category, a combo row, has a message too. */
enum { F_CATEGORY = N_FIELDS, N_MESSAGES };

static const char * const field_names[N_MESSAGES] = { "date", "text", "doctor", "reminder-date", "category" };

struct _CLOrderDialog
{
  AdwWindow parent_instance;

  AdwEntryRow   *rows[N_FIELDS];
  GtkLabel      *errors[N_MESSAGES];
  AdwComboRow   *category_row;
  GtkLabel      *form_error;

  CLStore       *store;
  CLDoctorOrder *order;   /* the one edited, or a new one */
  CLContext     *context;
};

G_DEFINE_FINAL_TYPE (CLOrderDialog, cl_order_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_order_dialog_save (CLOrderDialog *self)
{
  g_autoptr(CLDoctorOrder) order = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  guint category;

  g_return_val_if_fail (CL_IS_ORDER_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_MESSAGES, self->form_error);

  /* An edit copy: a refused save leaves the order as it is stored. */
  order = CL_DOCTOR_ORDER (cl_record_dup (CL_RECORD (self->order)));
  for (guint i = 0; i < N_FIELDS; i++)
    g_object_set (order, field_names[i], gtk_editable_get_text (GTK_EDITABLE (self->rows[i])), NULL);
  category = adw_combo_row_get_selected (self->category_row);
  cl_doctor_order_set_category (order, category < g_strv_length ((GStrv) cl_order_category_codes ())
                                       ? cl_order_category_codes ()[category] : NULL);

  if (!cl_order_store_save (self->store, order, cl_context_get_role (self->context), &field_errors, &error))
    {
      if (cl_form_show_field_errors (field_errors, field_names, self->errors, N_MESSAGES) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }

  g_set_object (&self->order, order);
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], NULL);
  return TRUE;
}

static void
save_clicked_cb (CLOrderDialog *self)
{
  cl_order_dialog_save (self);
}

static void
cl_order_dialog_finalize (GObject *object)
{
  CLOrderDialog *self = CL_ORDER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->order);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_order_dialog_parent_class)->finalize (object);
}

static void
cl_order_dialog_class_init (CLOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_order_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), FALSE);
}

static void
cl_order_dialog_init (CLOrderDialog *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *when = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, when, NULL };

  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);

  for (const char * const *code = cl_order_category_codes (); *code; code++)
    gtk_string_list_append (categories, cl_order_category_label (*code));
  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("Category"));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->category_row));
  self->errors[F_CATEGORY] = cl_form_message_attach (GTK_WIDGET (self->category_row));

  self->rows[F_TEXT] = cl_form_entry_row_add (group, _("Order"), &self->errors[F_TEXT]);
  self->rows[F_DOCTOR] = cl_form_entry_row_add (group, _("Doctor"), &self->errors[F_DOCTOR]);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (when),
                                         _("Dates as 2026-11-23. The reminder date brings the order back to her case manager."));
  self->rows[F_DATE] = cl_form_entry_row_add (when, _("Date of the order"), &self->errors[F_DATE]);
  self->rows[F_REMINDER] = cl_form_entry_row_add (when, _("Reminder date (optional)"), &self->errors[F_REMINDER]);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows[F_DATE]), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->rows[F_REMINDER]), "numeric");
  /* The core's rules (cl_order_store_validate()); the category always
   * has a choice. */
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_TEXT]));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_DOCTOR]));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_DATE]));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), cl_form_required_note ());

  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 18, groups);
}

CLOrderDialog *
cl_order_dialog_new (GtkWindow     *parent,
                     CLContext     *context,
                     const char    *patient_id,
                     const char    *pregnancy_id,
                     CLDoctorOrder *order)
{
  CLOrderDialog *self;
  const char * const *codes = cl_order_category_codes ();

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_ORDER_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));

  if (order)
    {
      self->order = CL_DOCTOR_ORDER (cl_record_dup (CL_RECORD (order)));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Doctor’s Order"));
      for (guint i = 0; i < N_FIELDS; i++)
        {
          g_autofree char *value = NULL;

          g_object_get (order, field_names[i], &value, NULL);
          gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value ? value : "");
        }
    }
  else
    {
      g_autofree char *today_iso = NULL;
      GDate today;

      self->order = cl_doctor_order_new ();
      cl_doctor_order_set_patient_id (self->order, patient_id);
      cl_doctor_order_set_pregnancy_id (self->order, pregnancy_id);
      cl_doctor_order_set_category (self->order, "nutrition");
      cl_doctor_order_set_status (self->order, "active");
      gtk_window_set_title (GTK_WINDOW (self), _("Add Doctor’s Order"));
      cl_context_get_today (context, &today);
      today_iso = cl_date_to_iso (&today);
      gtk_editable_set_text (GTK_EDITABLE (self->rows[F_DATE]), today_iso);
    }

  for (guint i = 0; codes[i]; i++)
    if (g_strcmp0 (codes[i], cl_doctor_order_get_category (self->order)) == 0)
      adw_combo_row_set_selected (self->category_row, i);
  gtk_widget_grab_focus (GTK_WIDGET (self->rows[F_TEXT]));
  return self;
}

GtkEditable *
cl_order_dialog_get_entry (CLOrderDialog *self,
                           const char    *field)
{
  int i = cl_form_field_find (field_names, N_FIELDS, field);

  g_return_val_if_fail (CL_IS_ORDER_DIALOG (self), NULL);
  return i < 0 ? NULL : GTK_EDITABLE (self->rows[i]);
}

void
cl_order_dialog_set_category (CLOrderDialog *self,
                              const char    *code)
{
  const char * const *codes = cl_order_category_codes ();

  g_return_if_fail (CL_IS_ORDER_DIALOG (self));

  for (guint i = 0; codes[i]; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      adw_combo_row_set_selected (self->category_row, i);
}

const char *
cl_order_dialog_get_error (CLOrderDialog *self,
                           const char    *field)
{
  g_return_val_if_fail (CL_IS_ORDER_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_MESSAGES, self->form_error, field);
}
