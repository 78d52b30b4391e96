#define G_LOG_DOMAIN "cl-desk-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-desk-store.h"
#include "cl-desk-view-private.h"
#include "cl-escort-task-dialog.h"
#include "cl-schedule.h"
#include "cl-store-patients.h"

/* The Service Desk's actions beyond the quick-entry bar's own Save:
 * the window's "new" (a new contact: the bar, ready) and booking an
 * escort for the patient at hand. */

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  cl_desk_view_focus_entry (CL_DESK_VIEW (widget));
}

static void
escort_booked_cb (CLDeskView *self,
                  const char *id)
{
  g_autoptr(CLEscortTask) task = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  const char *ids[] = { NULL, NULL };
  AdwToast *toast;

  if (self->store == NULL ||
      !(task = (CLEscortTask *) cl_store_load_record (self->store, CL_TYPE_ESCORT_TASK, id, NULL)))
    return;
  ids[0] = cl_escort_task_get_patient_id (task);
  names = cl_store_patients_names (self->store, ids);
  when = cl_schedule_format_interval (cl_escort_task_get_start_at (task), cl_escort_task_get_end_at (task));
  /* Translators: a toast on the Service Desk; the kind of escort, the
   * patient's name and when, e.g. "Wheelchair for 陈阿婆 booked,
   * 14:00–14:30" */
  text = g_strdup_printf (_("%s for %s booked, %s"), cl_escort_task_kind_label (cl_escort_task_get_kind (task)),
                          ids[0] && g_hash_table_lookup (names, ids[0]) ? (char *) g_hash_table_lookup (names, ids[0]) : "",
                          when);
  /* A toast's title is markup; a name is text. */
  markup = g_markup_escape_text (text, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
book_escort_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CLDeskView *self = CL_DESK_VIEW (widget);
  CLEscortTaskDialog *dialog;

  if (self->store == NULL || !cl_context_may (self->context, CL_WRITE, "escort_task"))
    return;
  dialog = cl_escort_task_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context, NULL, NULL, 0, 0);
  /* The desk's own kinds come first; her package's are there too, for
   * a woman who has one. */
  cl_escort_task_dialog_set_kind (dialog, CL_ESCORT_KIND_WHEELCHAIR);
  /* The patient the call is about, when one is chosen; else the
   * chooser searches everyone. */
  cl_escort_task_dialog_set_patient (dialog, self->chooser ? cl_patient_chooser_get_patient_id (self->chooser) : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (escort_booked_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cl_desk_view_update_actions (CLDeskView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "desk.book-escort",
                                 self->store != NULL && cl_context_may (self->context, CL_WRITE, "escort_task"));
}

void
cl_desk_view_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "desk.new-contact", NULL, new_contact_action);
  gtk_widget_class_install_action (widget_class, "desk.book-escort", NULL, book_escort_action);
}
