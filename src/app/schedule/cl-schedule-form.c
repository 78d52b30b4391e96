#define G_LOG_DOMAIN "cl-schedule-form"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-form-message.h"
#include "cl-package-usage.h"
#include "cl-schedule-form.h"
#include "cl-schedule.h"

AdwComboRow *
cl_schedule_form_combo (AdwPreferencesGroup *group,
                        const char          *title,
                        const char * const  *codes,
                        const char * const  *labels,
                        ClLabelFunc          label,
                        const char          *first,
                        GtkLabel           **message)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) shown = gtk_string_list_new (NULL);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);

  if (first)
    {
      gtk_string_list_append (shown, first);
      g_ptr_array_add (kept, NULL);
    }
  for (guint i = 0; codes && codes[i]; i++)
    {
      gtk_string_list_append (shown, labels ? labels[i] : label ? label (codes[i]) : codes[i]);
      g_ptr_array_add (kept, g_strdup (codes[i]));
    }
  g_object_set_data_full (G_OBJECT (row), "codes", kept, (GDestroyNotify) g_ptr_array_unref);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (shown));
  *message = cl_form_row_add (GTK_WIDGET (group), row, title);
  return ADW_COMBO_ROW (row);
}

const char *
cl_schedule_form_combo_get (AdwComboRow *row)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (row), "codes");
  guint selected = adw_combo_row_get_selected (row);

  return codes && selected < codes->len ? g_ptr_array_index (codes, selected) : NULL;
}

void
cl_schedule_form_combo_set (AdwComboRow *row,
                            const char  *code)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (row), "codes");

  for (guint i = 0; codes && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
}

gboolean
cl_schedule_form_parse_time (const char  *text,
                             int         *minutes,
                             GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  int hour = -1, minute = 0;
  char tail = 0;

  if (*t == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Enter a time, like 09:30."));
      return FALSE;
    }
  if (sscanf (t, "%d:%d%c", &hour, &minute, &tail) == 2 ||
      sscanf (t, "%d\xef\xbc\x9a%d%c", &hour, &minute, &tail) == 2)  /* a full-width colon */
    ;
  else if (strlen (t) == 4 && g_ascii_isdigit (t[0]) && sscanf (t, "%2d%2d%c", &hour, &minute, &tail) == 2)
    ;
  else if (strlen (t) <= 2 && sscanf (t, "%d%c", &hour, &tail) == 1)
    minute = 0;
  else
    hour = -1;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a time; enter one like 09:30."), t);
      return FALSE;
    }
  *minutes = hour * 60 + minute;
  return TRUE;
}

char *
cl_schedule_form_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

GtkWidget *
cl_schedule_form_patient_group (CLStore           *store,
                                CLPatientChooser **chooser,
                                GtkLabel         **message)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Patient"));
  *chooser = CL_PATIENT_CHOOSER (cl_patient_chooser_new (store));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (*chooser));
  *message = GTK_LABEL (cl_form_message_new ());
  gtk_widget_set_visible (GTK_WIDGET (*message), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (*message));
  /* Choosing a patient answers the message about her. */
  cl_form_message_clear_on (*chooser, "patient-id", *message);
  return group;
}

void
cl_schedule_form_show_patient (CLPatientChooser *chooser,
                               CLStore          *store,
                               CLRecord         *record,
                               const char       *patient_id)
{
  g_autoptr(GListStore) one = g_list_store_new (G_OBJECT_TYPE (record));
  g_autoptr(GHashTable) names = NULL;

  g_list_store_append (one, record);
  names = cl_schedule_patient_names (store, G_LIST_MODEL (one));
  cl_patient_chooser_set_patient (chooser, patient_id, names ? g_hash_table_lookup (names, patient_id) : NULL);
}

GtkLabel *
cl_schedule_form_build_window (AdwWindow  *window,
                               const char *title,
                               const char *save_label,
                               GCallback   save_cb,
                               GtkWidget **groups)
{
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);
  return cl_form_dialog_build (window, save_label, save_cb, NULL, CL_FORM_SCROLLED, 12, groups);
}

void
cl_schedule_form_show_error (const GError       *error,
                             const char * const *columns,
                             GtkLabel          **messages,
                             guint               n,
                             GtkLabel           *form_message)
{
  const char *field = cl_schedule_error_field (error);
  int i = field ? cl_form_field_find (columns, n, field) : -1;

  cl_form_message_set (i >= 0 && messages[i] ? messages[i] : form_message, error->message);
}

typedef struct
{
  CLStore          *store;
  int               kind;
  GtkWidget        *group;
  AdwEntryRow      *row;
  GtkLabel         *message;
  CLPatientChooser *chooser;
  gboolean          not_applies;
} OverReason;

static void
over_reason_free (gpointer data)
{
  OverReason *over = data;

  g_clear_object (&over->store);
  g_free (over);
}

/* Asked before Save: core's word on her allowance, for a new booking. */
static void
over_reason_patient_cb (CLPatientChooser *chooser,
                        GParamSpec       *pspec,
                        GtkWidget        *group)
{
  OverReason *over = g_object_get_data (G_OBJECT (group), "cl-over-reason");
  const char *patient_id = cl_patient_chooser_get_patient_id (chooser);
  g_autofree char *ask = patient_id && !over->not_applies
                           ? cl_package_usage_booking_over (over->store, over->kind, patient_id, NULL) : NULL;

  gtk_widget_set_visible (over->group, ask != NULL ||
                          (!over->not_applies && *gtk_editable_get_text (GTK_EDITABLE (over->row)) != '\0'));
  cl_form_message_set (over->message, ask);
}

GtkWidget *
cl_schedule_form_over_reason_group (CLPatientChooser  *chooser,
                                    CLStore           *store,
                                    int                kind,
                                    gboolean           editing,
                                    const char        *value,
                                    AdwEntryRow      **row,
                                    GtkLabel         **message)
{
  GtkWidget *group = adw_preferences_group_new ();

  *row = cl_form_entry_row_add (group, _("Reason for Going Over the Package"), message);
  cl_form_row_set_required (GTK_WIDGET (*row));
  gtk_editable_set_text (GTK_EDITABLE (*row), value ? value : "");
  gtk_widget_set_visible (group, value != NULL && *value != '\0');
  if (!editing)
    {
      OverReason *over = g_new0 (OverReason, 1);

      over->store = g_object_ref (store);
      over->kind = kind;
      over->group = group;
      over->row = *row;
      over->message = *message;
      over->chooser = chooser;
      g_object_set_data_full (G_OBJECT (group), "cl-over-reason", over, over_reason_free);
      g_signal_connect_object (chooser, "notify::patient-id", G_CALLBACK (over_reason_patient_cb), group, 0);
    }
  return group;
}

void
cl_schedule_form_over_reason_set_applies (AdwEntryRow *row,
                                          gboolean     applies)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP);
  OverReason *over = group ? g_object_get_data (G_OBJECT (group), "cl-over-reason") : NULL;

  if (over == NULL)
    {
      /* An existing booking asks nothing before Save; it shows the
       * reason it has only where the package applies. */
      if (group)
        gtk_widget_set_visible (group, applies && *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0');
      return;
    }
  over->not_applies = !applies;
  over_reason_patient_cb (over->chooser, NULL, over->group);
}

void
cl_schedule_form_ask_over_reason (AdwEntryRow  *row,
                                  const GError *error)
{
  if (!g_error_matches (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVER_ALLOWANCE))
    return;
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}
