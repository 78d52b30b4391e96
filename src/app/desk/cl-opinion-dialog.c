#define G_LOG_DOMAIN "cl-opinion-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-department.h"
#include "cl-form-message.h"
#include "cl-opinion-dialog.h"
#include "cl-opinion-store.h"
#include "cl-store-directory.h"

enum { F_DATE, F_SOURCE, F_DEPARTMENT_ID, F_KIND, F_CONTENT, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "date", "source", "department_id", "kind", "content",
};

struct _CLOpinionDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *date_row;
  AdwComboRow *source_row;
  AdwComboRow *department_row;
  AdwComboRow *kind_row;
  AdwEntryRow *content_row;
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;

  CLContext   *context;
  GPtrArray   *department_ids;   /* parallel to department_row, after "None" */
};

G_DEFINE_FINAL_TYPE (CLOpinionDialog, cl_opinion_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_opinion_dialog_save (CLOpinionDialog *self)
{
  g_autoptr(CLOpinionEntry) entry = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *content = NULL;
  guint department;

  g_return_val_if_fail (CL_IS_OPINION_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  content = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->content_row))));
  entry = cl_opinion_entry_new ();
  cl_opinion_entry_set_date (entry, date);
  cl_opinion_entry_set_source (entry, cl_opinion_entry_sources ()[adw_combo_row_get_selected (self->source_row)]);
  cl_opinion_entry_set_kind (entry, cl_opinion_entry_kinds ()[adw_combo_row_get_selected (self->kind_row)]);
  cl_opinion_entry_set_content (entry, content);
  department = adw_combo_row_get_selected (self->department_row);
  if (department > 0 && department <= self->department_ids->len)
    cl_opinion_entry_set_department_id (entry, g_ptr_array_index (self->department_ids, department - 1));
  if (!cl_opinion_store_save (cl_context_get_store (self->context), entry, cl_context_get_role (self->context),
                              &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (entry)));
  return TRUE;
}

static void
save_clicked_cb (CLOpinionDialog *self)
{
  cl_opinion_dialog_save (self);
}

static AdwComboRow *
combo_add (GtkWidget     *group,
           const char    *title,
           GtkStringList *model,
           GtkLabel     **message)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  *message = cl_form_row_add (group, row, title);
  return ADW_COMBO_ROW (row);
}

static void
cl_opinion_dialog_finalize (GObject *object)
{
  CLOpinionDialog *self = CL_OPINION_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->department_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_opinion_dialog_parent_class)->finalize (object);
}

static void
cl_opinion_dialog_class_init (CLOpinionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_opinion_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_opinion_dialog_init (CLOpinionDialog *self)
{
  self->department_ids = g_ptr_array_new_with_free_func (g_free);
}

CLOpinionDialog *
cl_opinion_dialog_new (GtkWindow  *parent,
                       CLContext  *context,
                       const char *date)
{
  CLOpinionDialog *self;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) departments = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_OPINION_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  gtk_window_set_title (GTK_WINDOW (self), _("Add Opinion Entry"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  self->date_row = cl_form_entry_row_add (group, _("Date (YYYY-MM-DD)"), &self->errors[F_DATE]);
  cl_form_row_set_required (GTK_WIDGET (self->date_row));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  for (const char * const *s = cl_opinion_entry_sources (); *s; s++)
    gtk_string_list_append (sources, cl_opinion_entry_source_label (*s));
  self->source_row = combo_add (group, _("Source"), sources, &self->errors[F_SOURCE]);
  gtk_string_list_append (departments, C_("department", "None"));
  list = cl_store_departments (cl_context_get_store (context), TRUE);
  for (guint i = 0; i < list->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (list, i);

      g_ptr_array_add (self->department_ids, g_strdup (cl_record_get_id (CL_RECORD (department))));
      gtk_string_list_append (departments, cl_department_get_display_name (department));
    }
  self->department_row = combo_add (group, _("Department"), departments, &self->errors[F_DEPARTMENT_ID]);
  for (const char * const *k = cl_opinion_entry_kinds (); *k; k++)
    gtk_string_list_append (kinds, cl_opinion_entry_kind_label (*k));
  self->kind_row = combo_add (group, _("Kind"), kinds, &self->errors[F_KIND]);
  self->content_row = cl_form_entry_row_add (group, _("What was written"), &self->errors[F_CONTENT]);
  cl_form_row_set_required (GTK_WIDGET (self->content_row));
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Add Entry"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 12, groups);
  gtk_widget_grab_focus (GTK_WIDGET (self->content_row));
  return self;
}

GtkWidget *
cl_opinion_dialog_get_field (CLOpinionDialog *self,
                             const char      *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->source_row), GTK_WIDGET (self->department_row),
    GTK_WIDGET (self->kind_row), GTK_WIDGET (self->content_row),
  };
  int i;

  g_return_val_if_fail (CL_IS_OPINION_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_opinion_dialog_get_error (CLOpinionDialog *self,
                             const char      *field)
{
  g_return_val_if_fail (CL_IS_OPINION_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
