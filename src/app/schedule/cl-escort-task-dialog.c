#define G_LOG_DOMAIN "cl-escort-task-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-escort-store.h"
#include "cl-escort-task-dialog.h"
#include "cl-form-message.h"
#include "cl-package-usage.h"
#include "cl-patient-chooser.h"
#include "cl-schedule-form.h"
#include "cl-schedule-times.h"
#include "cl-store-patients.h"

enum { F_PATIENT, F_KIND, F_FROM, F_TO, F_DAY, F_START, F_END, F_ESCORT, F_NOTE, F_OVER_REASON, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "patient", "kind", "from", "to", "day", "start", "end", "escort", "note", "over-reason",
};
/* The columns core names in its errors, by field. */
static const char * const field_columns[N_FIELDS] = {
  "patient_id", "kind", "place_from", "place_to", NULL, "start_at", "end_at", "escort_id", "note", "over_reason",
};

struct _CLEscortTaskDialog
{
  AdwWindow         parent_instance;

  CLPatientChooser *patient;
  AdwComboRow      *kind;
  AdwEntryRow      *from;
  AdwEntryRow      *to;
  AdwComboRow      *escort;
  AdwEntryRow      *note;
  AdwEntryRow      *over_reason;
  GtkLabel         *errors[N_FIELDS];
  GtkLabel         *form_error;
  GtkWidget        *free_row;   /* the escorts free then, one click each */
  GtkBox           *free_box;

  CLScheduleTimes  *times;
  CLStore          *store;
  CLContext        *context;
  CLEscortTask     *task;   /* the one edited, or NULL */
};

G_DEFINE_FINAL_TYPE (CLEscortTaskDialog, cl_escort_task_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
hide_free_escorts (CLEscortTaskDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->free_box))) != NULL)
    gtk_box_remove (self->free_box, child);
  gtk_widget_set_visible (self->free_row, FALSE);
}

static void
free_escort_clicked_cb (GtkButton          *button,
                        CLEscortTaskDialog *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "escort-id"));

  /* Gives the task to her: the times follow her hours, the message
   * goes, and Save is one click away. */
  cl_schedule_form_combo_set (self->escort, id);
  hide_free_escorts (self);
}

/* The escort is busy then: the message says so under the escort, names
 * who is free (core's answer) and offers each as a button. */
static void
offer_free_escorts (CLEscortTaskDialog *self,
                    const char         *busy,
                    gint64              start_at,
                    gint64              end_at)
{
  g_autoptr(GListStore) free = cl_escort_store_free_escorts (self->store, start_at, end_at,
                                                             self->task ? cl_record_get_id (CL_RECORD (self->task)) : NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (free));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;
  g_autofree char *message = NULL;

  hide_free_escorts (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLStaff) escort = g_list_model_get_item (G_LIST_MODEL (free), i);
      GtkWidget *button = gtk_button_new_with_label (cl_staff_get_display_name (escort));
      g_autofree char *tip = g_strdup_printf (_("Give the task to %s"), cl_staff_get_display_name (escort));

      g_ptr_array_add (names, (char *) cl_staff_get_display_name (escort));
      gtk_widget_set_tooltip_text (button, tip);
      g_object_set_data_full (G_OBJECT (button), "escort-id",
                              g_strdup (cl_record_get_id (CL_RECORD (escort))), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (free_escort_clicked_cb), self);
      gtk_box_append (self->free_box, button);
    }
  g_ptr_array_add (names, NULL);
  /* Translators: joins the names of the escorts free at a time */
  list = g_strjoinv (_(", "), (char **) names->pdata);
  if (n > 0)
    /* Translators: an escort is busy; %s is why (core's message), then
     * the names of those free at that time */
    message = g_strdup_printf (_("%s. Free at that time: %s"), busy, list);
  else
    message = g_strdup_printf (_("%s. No other escort is free at that time."), busy);
  cl_form_message_set (self->errors[F_ESCORT], message);
  gtk_widget_set_visible (self->free_row, n > 0);
}

gboolean
cl_escort_task_dialog_save (CLEscortTaskDialog *self)
{
  g_autoptr(CLEscortTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *note = NULL;
  g_autofree char *over_reason = NULL;
  gint64 start_at, end_at;

  g_return_val_if_fail (CL_IS_ESCORT_TASK_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  if (!cl_schedule_times_get (self->times, &start_at, &end_at))
    return FALSE;

  task = self->task ? CL_ESCORT_TASK (cl_record_dup (CL_RECORD (self->task))) : cl_escort_task_new ();
  from = cl_schedule_form_text (self->from);
  to = cl_schedule_form_text (self->to);
  note = cl_schedule_form_text (self->note);
  cl_escort_task_set_patient_id (task, cl_patient_chooser_get_patient_id (self->patient));
  cl_escort_task_set_kind (task, cl_schedule_form_combo_get (self->kind));
  cl_escort_task_set_place_from (task, from);
  cl_escort_task_set_place_to (task, to);
  cl_escort_task_set_start_at (task, start_at);
  cl_escort_task_set_end_at (task, end_at);
  cl_escort_task_set_escort_id (task, cl_schedule_form_combo_get (self->escort));
  cl_escort_task_set_note (task, note);
  /* A reason for going over her package only where it applies: the
   * desk's kinds keep none. */
  if (cl_escort_task_kind_is_package (cl_escort_task_get_kind (task)))
    over_reason = cl_schedule_form_text (self->over_reason);
  cl_escort_task_set_over_reason (task, over_reason);

  if (!cl_escort_store_save (self->store, task, cl_context_get_role (self->context), &error))
    {
      cl_schedule_form_ask_over_reason (self->over_reason, error);
      if (g_error_matches (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVERLAP) && cl_escort_task_get_escort_id (task))
        offer_free_escorts (self, error->message, start_at, end_at);
      else
        cl_schedule_form_show_error (error, field_columns, self->errors, N_FIELDS, self->form_error);
      return FALSE;
    }

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (task)));
  return TRUE;
}

static void
save_clicked_cb (CLEscortTaskDialog *self)
{
  cl_escort_task_dialog_save (self);
}

static void
cl_escort_task_dialog_finalize (GObject *object)
{
  CLEscortTaskDialog *self = CL_ESCORT_TASK_DIALOG (object);

  g_clear_object (&self->times);
  g_clear_object (&self->store);
  g_clear_object (&self->task);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_escort_task_dialog_parent_class)->finalize (object);
}

static void
cl_escort_task_dialog_class_init (CLEscortTaskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_escort_task_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_escort_task_dialog_init (CLEscortTaskDialog *self)
{
}

/* The chosen escort's working hours that day (the default hours for
 * an unassigned task), as core has them. */
static GArray *
escort_times (gpointer     data,
              const GDate *day,
              gboolean     ends,
              char       **hint)
{
  CLEscortTaskDialog *self = data;
  const char *escort = self->escort ? cl_schedule_form_combo_get (self->escort) : NULL;

  if (hint)
    {
      int opens, closes;

      cl_schedule_escort_hours (self->store, escort, day, &opens, &closes);
      if (opens == closes)
        *hint = g_strdup (_("Off on that day"));
      else
        /* Translators: under an escort task's Start: the escort's
         * working hours that day */
        *hint = g_strdup_printf (_("Working hours %02d:%02d–%02d:%02d"), opens / 60, opens % 60,
                                 closes / 60, closes % 60);
    }
  return cl_schedule_escort_times (self->store, escort, day, ends);
}

/* Her package's allowance is asked about only for its own kinds. */
static void
kind_changed_cb (CLEscortTaskDialog *self)
{
  cl_schedule_form_over_reason_set_applies (self->over_reason,
                                            cl_escort_task_kind_is_package (cl_schedule_form_combo_get (self->kind)));
}

static void
build (CLEscortTaskDialog *self)
{
  GtkWidget *groups[5] = { NULL, NULL, adw_preferences_group_new (), adw_preferences_group_new (), NULL };
  AdwPreferencesGroup *what = ADW_PREFERENCES_GROUP (groups[2]);
  AdwPreferencesGroup *when = ADW_PREFERENCES_GROUP (groups[3]);
  g_autoptr(GListStore) escorts = cl_escort_store_list_escorts (self->store);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (escorts));
  g_autofree const char **ids = g_new0 (const char *, n + 1);
  g_autofree const char **names = g_new0 (const char *, n + 1);

  groups[0] = cl_schedule_form_patient_group (self->store, &self->patient, &self->errors[F_PATIENT]);
  /* Right under her: it is about her package. */
  groups[1] = cl_schedule_form_over_reason_group (self->patient, self->store, CL_USAGE_ESCORT, self->task != NULL,
                                                  self->task ? cl_escort_task_get_over_reason (self->task) : NULL,
                                                  &self->over_reason, &self->errors[F_OVER_REASON]);
  self->kind = cl_schedule_form_combo (what, _("Kind"), cl_escort_task_kinds (), NULL,
                                       cl_escort_task_kind_label, NULL, &self->errors[F_KIND]);
  self->from = cl_form_entry_row_add (groups[2], _("From"), &self->errors[F_FROM]);
  self->to = cl_form_entry_row_add (groups[2], _("To"), &self->errors[F_TO]);

  for (guint i = 0; i < n; i++)
    {
      CLStaff *staff = g_list_model_get_item (G_LIST_MODEL (escorts), i);

      ids[i] = cl_record_get_id (CL_RECORD (staff));
      names[i] = cl_staff_get_display_name (staff);
      g_object_unref (staff);  /* the list keeps it */
    }
  self->escort = cl_schedule_form_combo (when, _("Escort"), ids, names, NULL, _("Unassigned"),
                                         &self->errors[F_ESCORT]);
  /* Under the escort's message: who is free instead, when she is not. */
  self->free_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_widget_set_margin_start (GTK_WIDGET (self->free_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->free_box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->free_box), 8);
  self->free_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->free_row), GTK_WIDGET (self->free_box));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->free_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self->free_row), FALSE);
  gtk_widget_set_visible (self->free_row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self->escort))), self->free_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->escort)) + 2);
  g_signal_connect_object (self->escort, "notify::selected", G_CALLBACK (hide_free_escorts), self, G_CONNECT_SWAPPED);
  self->times = cl_schedule_times_new (when, escort_times, self, &self->errors[F_DAY],
                                       &self->errors[F_START], &self->errors[F_END]);
  /* Another escort, other hours: the times follow. */
  g_signal_connect_object (self->escort, "notify::selected", G_CALLBACK (cl_schedule_times_refresh),
                           self->times, G_CONNECT_SWAPPED);
  /* Another time, other escorts free: the offer goes. */
  g_signal_connect_object (cl_schedule_times_get_start (self->times), "notify::selected", G_CALLBACK (hide_free_escorts),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cl_schedule_times_get_end (self->times), "notify::selected", G_CALLBACK (hide_free_escorts),
                           self, G_CONNECT_SWAPPED);
  /* What the escort must know: a wheelchair, an interpreter… */
  self->note = cl_form_entry_row_add (groups[3], _("Note: Mobility or Language Needs"), &self->errors[F_NOTE]);
  g_signal_connect_object (self->kind, "notify::selected", G_CALLBACK (kind_changed_cb), self, G_CONNECT_SWAPPED);
  self->form_error = cl_schedule_form_build_window (ADW_WINDOW (self), self->task ? _("Edit Escort Task") : _("New Escort Task"),
                                                    _("_Save"), G_CALLBACK (save_clicked_cb), groups);
}

CLEscortTaskDialog *
cl_escort_task_dialog_new (GtkWindow    *parent,
                           CLContext    *context,
                           CLEscortTask *task,
                           const char   *escort_id,
                           gint64        start_at,
                           gint64        end_at)
{
  CLEscortTaskDialog *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_ESCORT_TASK_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->task = task ? g_object_ref (task) : NULL;
  build (self);

  if (task)
    {
      cl_schedule_form_show_patient (self->patient, self->store, CL_RECORD (task), cl_escort_task_get_patient_id (task));
      cl_schedule_form_combo_set (self->kind, cl_escort_task_get_kind (task));
      gtk_editable_set_text (GTK_EDITABLE (self->from), cl_escort_task_get_place_from (task) ? cl_escort_task_get_place_from (task) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->to), cl_escort_task_get_place_to (task) ? cl_escort_task_get_place_to (task) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->note), cl_escort_task_get_note (task) ? cl_escort_task_get_note (task) : "");
      escort_id = cl_escort_task_get_escort_id (task);
      start_at = cl_escort_task_get_start_at (task);
      end_at = cl_escort_task_get_end_at (task);
    }
  cl_schedule_form_combo_set (self->escort, escort_id);
  if (start_at == 0)
    {
      /* Nothing chosen on screen: the next quarter from now. */
      start_at = cl_context_get_now (self->context);
      end_at = 0;
    }
  cl_schedule_times_set (self->times, start_at, end_at, task != NULL);
  kind_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (cl_patient_chooser_get_entry (self->patient)));
  return self;
}

void
cl_escort_task_dialog_set_patient (CLEscortTaskDialog *self,
                                   const char         *patient_id)
{
  const char *ids[] = { patient_id, NULL };
  g_autoptr(GHashTable) names = NULL;

  g_return_if_fail (CL_IS_ESCORT_TASK_DIALOG (self));

  if (patient_id == NULL)
    return;
  names = cl_store_patients_names (self->store, ids);
  cl_patient_chooser_set_patient (self->patient, patient_id, g_hash_table_lookup (names, patient_id));
  gtk_widget_grab_focus (GTK_WIDGET (self->kind));
}

void
cl_escort_task_dialog_set_kind (CLEscortTaskDialog *self,
                                const char         *kind)
{
  g_return_if_fail (CL_IS_ESCORT_TASK_DIALOG (self));
  cl_schedule_form_combo_set (self->kind, kind);
}

GtkWidget *
cl_escort_task_dialog_get_field (CLEscortTaskDialog *self,
                                 const char         *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (cl_patient_chooser_get_entry (self->patient)), GTK_WIDGET (self->kind),
    GTK_WIDGET (self->from), GTK_WIDGET (self->to), cl_schedule_times_get_day (self->times),
    cl_schedule_times_get_start (self->times), cl_schedule_times_get_end (self->times),
    GTK_WIDGET (self->escort), GTK_WIDGET (self->note), GTK_WIDGET (self->over_reason),
  };
  int i;

  g_return_val_if_fail (CL_IS_ESCORT_TASK_DIALOG (self), NULL);
  if (g_strcmp0 (field, "free") == 0)
    return GTK_WIDGET (self->free_box);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_escort_task_dialog_get_error (CLEscortTaskDialog *self,
                                 const char         *field)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
