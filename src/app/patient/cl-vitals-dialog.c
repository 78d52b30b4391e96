#define G_LOG_DOMAIN "cl-vitals-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-desk-store.h"
#include "cl-form-message.h"
#include "cl-nursing-store.h"
#include "cl-vitals-dialog.h"

/* The vitals in CLVital order, then the note. */
#define F_NOTE CL_N_VITALS
#define N_FIELDS (CL_N_VITALS + 1)

struct _CLVitalsDialog
{
  AdwWindow    parent_instance;

  AdwEntryRow *rows[N_FIELDS];
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;

  CLContext   *context;
  CLStore     *store;
  char        *patient_id;
};

G_DEFINE_FINAL_TYPE (CLVitalsDialog, cl_vitals_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const *
field_names (void)
{
  static const char *names[N_FIELDS];

  if (names[0] == NULL)
    {
      for (guint i = 0; i < CL_N_VITALS; i++)
        names[i] = cl_vital_column (i);
      names[F_NOTE] = "note";
    }
  return names;
}

gboolean
cl_vitals_dialog_save (CLVitalsDialog *self)
{
  g_autoptr(CLVisitVitals) vitals = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor_id = NULL;
  g_autofree char *note = NULL;
  gboolean typed = TRUE;

  g_return_val_if_fail (CL_IS_VITALS_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  vitals = cl_visit_vitals_new (self->patient_id);
  /* Every field is read, so each wrong one shows its message at once. */
  for (guint i = 0; i < CL_N_VITALS; i++)
    {
      gint value = 0;

      if (cl_form_message_check (self->errors[i],
                                 cl_vital_parse (i, gtk_editable_get_text (GTK_EDITABLE (self->rows[i])), &value, &error),
                                 &error))
        cl_visit_vitals_set (vitals, i, value);
      else
        typed = FALSE;
    }
  if (!typed)
    return FALSE;
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[F_NOTE]))));
  cl_visit_vitals_set_note (vitals, *note ? note : NULL);

  actor_id = cl_desk_store_actor_id (self->store, cl_context_get_username (self->context));
  if (!cl_nursing_store_save_vitals (self->store, vitals, cl_context_get_role (self->context), actor_id,
                                     &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names (), self->errors, N_FIELDS)
          < g_hash_table_size (field_errors))
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (vitals)));
  return TRUE;
}

static void
save_clicked_cb (CLVitalsDialog *self)
{
  cl_vitals_dialog_save (self);
}

static void
cl_vitals_dialog_finalize (GObject *object)
{
  CLVitalsDialog *self = CL_VITALS_DIALOG (object);

  g_free (self->patient_id);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_vitals_dialog_parent_class)->finalize (object);
}

static void
cl_vitals_dialog_class_init (CLVitalsDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_vitals_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_vitals_dialog_init (CLVitalsDialog *self)
{
}

CLVitalsDialog *
cl_vitals_dialog_new (GtkWindow  *parent,
                      CLContext  *context,
                      const char *patient_id)
{
  CLVitalsDialog *self;
  GtkWidget *groups[2] = { adw_preferences_group_new (), NULL };

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  self = g_object_new (CL_TYPE_VITALS_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->patient_id = g_strdup (patient_id);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (groups[0]),
                                         _("Taken now. A value outside the normal range is saved and highlighted."));
  /* The order they are taken in at the triage desk. */
  {
    static const CLVital order[] = {
      CL_VITAL_TEMPERATURE, CL_VITAL_PULSE, CL_VITAL_RESPIRATION, CL_VITAL_SYSTOLIC, CL_VITAL_DIASTOLIC,
      CL_VITAL_PAIN,
    };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        CLVital v = order[i];

        self->rows[v] = cl_form_entry_row_add (groups[0], cl_vital_label (v), &self->errors[v]);
        cl_form_row_set_required (GTK_WIDGET (self->rows[v]));
        gtk_widget_add_css_class (GTK_WIDGET (self->rows[v]), "numeric");
      }
  }
  self->rows[F_NOTE] = cl_form_entry_row_add (groups[0], _("Note"), &self->errors[F_NOTE]);
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_SCROLLED_NATURAL, 12, groups);
  gtk_window_set_title (GTK_WINDOW (self), _("Record Vital Signs"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 620);
  gtk_widget_grab_focus (GTK_WIDGET (self->rows[CL_VITAL_TEMPERATURE]));
  return self;
}

GtkEditable *
cl_vitals_dialog_get_entry (CLVitalsDialog *self,
                            const char     *column)
{
  int i;

  g_return_val_if_fail (CL_IS_VITALS_DIALOG (self), NULL);

  i = cl_form_field_find (field_names (), N_FIELDS, column);
  return i < 0 ? NULL : GTK_EDITABLE (self->rows[i]);
}

const char *
cl_vitals_dialog_get_error (CLVitalsDialog *self,
                            const char     *column)
{
  g_return_val_if_fail (CL_IS_VITALS_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names (), self->errors, N_FIELDS, self->form_error, column);
}
