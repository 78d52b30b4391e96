#define G_LOG_DOMAIN "cl-desk-settings-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-desk-setting.h"
#include "cl-desk-settings-dialog.h"
#include "cl-form-message.h"

struct _CLDeskSettingsDialog
{
  AdwWindow parent_instance;

  GPtrArray *spins;      /* GtkSpinButton, one per known key */
  GPtrArray *errors;     /* GtkLabel, parallel */
  GtkLabel  *form_error;

  CLContext *context;
};

G_DEFINE_FINAL_TYPE (CLDeskSettingsDialog, cl_desk_settings_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_desk_settings_dialog_save (CLDeskSettingsDialog *self)
{
  const CLDeskSettingInfo *infos = cl_desk_setting_infos ();
  CLStore *store;
  gboolean ok = TRUE;

  g_return_val_if_fail (CL_IS_DESK_SETTINGS_DIALOG (self), FALSE);

  store = cl_context_get_store (self->context);
  cl_form_messages_clear ((GtkLabel **) self->errors->pdata, self->errors->len, self->form_error);
  /* Each setting is its own record: the valid ones are kept, a wrong
   * one is said at its field. */
  for (guint i = 0; infos[i].key; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->spins, i);
      g_autoptr(GError) error = NULL;
      gint64 value;

      gtk_spin_button_update (spin);
      value = gtk_spin_button_get_value_as_int (spin);
      if (value == cl_desk_settings_get_int (store, infos[i].key))
        continue;
      if (!cl_desk_settings_set_int (store, infos[i].key, value, cl_context_get_role (self->context), &error))
        {
          cl_form_message_set (g_ptr_array_index (self->errors, i), error->message);
          ok = FALSE;
        }
    }
  if (ok)
    cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], NULL);
  return ok;
}

static void
save_clicked_cb (CLDeskSettingsDialog *self)
{
  cl_desk_settings_dialog_save (self);
}

static void
cl_desk_settings_dialog_finalize (GObject *object)
{
  CLDeskSettingsDialog *self = CL_DESK_SETTINGS_DIALOG (object);

  g_clear_object (&self->context);
  g_ptr_array_unref (self->spins);
  g_ptr_array_unref (self->errors);
  G_OBJECT_CLASS (cl_desk_settings_dialog_parent_class)->finalize (object);
}

static void
cl_desk_settings_dialog_class_init (CLDeskSettingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_desk_settings_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), FALSE);
}

static void
cl_desk_settings_dialog_init (CLDeskSettingsDialog *self)
{
  self->spins = g_ptr_array_new ();
  self->errors = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Service Desk Settings"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);
}

CLDeskSettingsDialog *
cl_desk_settings_dialog_new (GtkWindow *parent,
                             CLContext *context)
{
  const CLDeskSettingInfo *infos = cl_desk_setting_infos ();
  CLDeskSettingsDialog *self;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };
  CLStore *store;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_DESK_SETTINGS_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  store = cl_context_get_store (context);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The same on every desk and on the server once saved."));
  for (guint i = 0; infos[i].key; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (infos[i].min, infos[i].max, 1);
      GtkWidget *unit = gtk_label_new (_(infos[i].unit));
      g_autofree char *range = g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " %s",
                                                infos[i].min, infos[i].max, _(infos[i].unit));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(infos[i].label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), range);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), cl_desk_settings_get_int (store, infos[i].key));
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _(infos[i].label), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->spins, spin);
      g_ptr_array_add (self->errors, cl_form_message_attach (row));
    }
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_SCROLLED_NATURAL, 12, groups);
  return self;
}

static int
index_of (const char *key)
{
  const CLDeskSettingInfo *infos = cl_desk_setting_infos ();

  for (int i = 0; infos[i].key; i++)
    if (g_strcmp0 (infos[i].key, key) == 0)
      return i;
  return -1;
}

GtkSpinButton *
cl_desk_settings_dialog_get_spin (CLDeskSettingsDialog *self,
                                  const char           *key)
{
  int i = index_of (key);

  g_return_val_if_fail (CL_IS_DESK_SETTINGS_DIALOG (self), NULL);
  return i < 0 ? NULL : g_ptr_array_index (self->spins, i);
}

const char *
cl_desk_settings_dialog_get_error (CLDeskSettingsDialog *self,
                                   const char           *key)
{
  int i = index_of (key);

  g_return_val_if_fail (CL_IS_DESK_SETTINGS_DIALOG (self), NULL);
  return i < 0 ? NULL : cl_form_message_get (g_ptr_array_index (self->errors, i));
}
