#define G_LOG_DOMAIN "cl-rectify-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-equipment-fault.h"
#include "cl-form-message.h"
#include "cl-inspection-store.h"
#include "cl-rectify-dialog.h"
#include "cl-schedule.h"

enum { F_DONE_AT, F_DONE_BY, F_NOTE, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "done_at", "done_by", "note" };

struct _CLRectifyDialog
{
  AdwWindow parent_instance;

  GtkWidget       *group;
  AdwEntryRow     *at_row;
  AdwEntryRow     *by_row;
  AdwEntryRow     *note_row;
  GtkLabel        *errors[N_FIELDS];
  GtkLabel        *form_error;

  CLContext       *context;
  CLRectification *rectification;
};

G_DEFINE_FINAL_TYPE (CLRectifyDialog, cl_rectify_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_rectify_dialog_save (CLRectifyDialog *self)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 at = 0;

  g_return_val_if_fail (CL_IS_RECTIFY_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  /* The same time entry as the fault log's: rectifications, too, are
   * often recorded days after they were done. */
  if (!cl_equipment_fault_time_parse (gtk_editable_get_text (GTK_EDITABLE (self->at_row)),
                                      cl_context_get_now (self->context), &at))
    {
      cl_form_message_set (self->errors[F_DONE_AT], _("Enter the time as HH:MM or YYYY-MM-DD HH:MM"));
      gtk_widget_grab_focus (GTK_WIDGET (self->at_row));
      return FALSE;
    }
  if (!cl_inspection_store_mark_rectified (cl_context_get_store (self->context), self->rectification, at,
                                           gtk_editable_get_text (GTK_EDITABLE (self->by_row)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                                           cl_context_get_role (self->context), &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (self->rectification)));
  return TRUE;
}

static void
save_clicked_cb (CLRectifyDialog *self)
{
  cl_rectify_dialog_save (self);
}

static void
cl_rectify_dialog_finalize (GObject *object)
{
  CLRectifyDialog *self = CL_RECTIFY_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->rectification);
  G_OBJECT_CLASS (cl_rectify_dialog_parent_class)->finalize (object);
}

static void
cl_rectify_dialog_class_init (CLRectifyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_rectify_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_rectify_dialog_init (CLRectifyDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };

  self->group = group;
  gtk_window_set_title (GTK_WINDOW (self), _("Mark Rectified"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  self->at_row = cl_form_entry_row_add (group, _("Put right at (HH:MM or YYYY-MM-DD HH:MM)"),
                                        &self->errors[F_DONE_AT]);
  cl_form_row_set_required (GTK_WIDGET (self->at_row));
  self->by_row = cl_form_entry_row_add (group, _("Put right by"), &self->errors[F_DONE_BY]);
  cl_form_row_set_required (GTK_WIDGET (self->by_row));
  self->note_row = cl_form_entry_row_add (group, _("Note"), &self->errors[F_NOTE]);
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Mark Rectified"), G_CALLBACK (save_clicked_cb),
                                           NULL, CL_FORM_FIXED, 12, groups);
}

CLRectifyDialog *
cl_rectify_dialog_new (GtkWindow       *parent,
                       CLContext       *context,
                       CLRectification *rectification)
{
  CLRectifyDialog *self;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CL_IS_RECTIFICATION (rectification), NULL);

  self = g_object_new (CL_TYPE_RECTIFY_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  self->rectification = g_object_ref (rectification);
  {
    g_autofree char *deadline = cl_date_format_iso (cl_rectification_get_deadline (rectification), CL_DATE_FULL,
                                                    NULL);
    /* TRANSLATORS: what a rectification asks and its deadline, above the form that marks it done */
    g_autofree char *what = g_strdup_printf (_("%s — due %s"), cl_rectification_get_task (rectification),
                                             deadline ? deadline : "");

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), what);
  }
  now = cl_schedule_format_time (cl_context_get_now (context));
  gtk_editable_set_text (GTK_EDITABLE (self->at_row), now);
  gtk_widget_grab_focus (GTK_WIDGET (self->by_row));
  return self;
}

GtkWidget *
cl_rectify_dialog_get_field (CLRectifyDialog *self,
                             const char      *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (self->at_row), GTK_WIDGET (self->by_row), GTK_WIDGET (self->note_row),
  };
  int i;

  g_return_val_if_fail (CL_IS_RECTIFY_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_rectify_dialog_get_error (CLRectifyDialog *self,
                             const char      *field)
{
  g_return_val_if_fail (CL_IS_RECTIFY_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
