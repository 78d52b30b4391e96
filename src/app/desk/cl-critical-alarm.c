#define G_LOG_DOMAIN "cl-critical-alarm"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-critical-alarm.h"
#include "cl-critical-report-dialog.h"
#include "cl-critical-store.h"

/* Often enough that a value crossing the limit shows within half a
 * minute, rarely enough to cost nothing. */
#define TICK_SECONDS 30

struct _CLCriticalAlarm
{
  GtkWidget parent_instance;

  GtkRevealer     *revealer;
  GtkLabel        *label;

  CLContext       *context;
  CLStore         *store;
  CLCriticalValue *oldest;
  guint            tick;
};

G_DEFINE_FINAL_TYPE (CLCriticalAlarm, cl_critical_alarm, GTK_TYPE_WIDGET)

void
cl_critical_alarm_refresh (CLCriticalAlarm *self)
{
  g_autoptr(GPtrArray) alarms = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  CLCriticalValue *oldest;
  gint64 now, minutes;
  CLCriticalKind kind = CL_CRITICAL_KIND_CRITICAL;

  g_return_if_fail (CL_IS_CRITICAL_ALARM (self));

  g_clear_object (&self->oldest);
  /* Not for those who cannot act on it. */
  if (self->store == NULL || self->context == NULL ||
      !cl_context_may (self->context, CL_WRITE, "critical_value"))
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }
  now = cl_context_get_now (self->context);
  alarms = cl_critical_store_alarms (self->store, now);
  if (alarms->len == 0)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }
  oldest = g_ptr_array_index (alarms, 0);
  self->oldest = g_object_ref (oldest);
  name = cl_critical_patient_name (self->store, oldest);
  minutes = cl_critical_value_minutes (oldest, now);
  cl_critical_kind_from_string (cl_critical_value_get_kind (oldest), &kind);
  if (kind == CL_CRITICAL_KIND_TUBERCULOSIS)
    /* TRANSLATORS: the alarm: a patient's name and minutes */
    text = g_strdup_printf (_("Tuberculosis result for %s unreported for %d min"), name, (int) minutes);
  else
    /* TRANSLATORS: the alarm: a patient's name and minutes */
    text = g_strdup_printf (_("Critical value for %s unreported for %d min"), name, (int) minutes);
  if (alarms->len > 1)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (and %u more)",
                                                            "%s (and %u more)", alarms->len - 1),
                                               text, alarms->len - 1);

      g_free (text);
      text = g_steal_pointer (&more);
    }
  gtk_label_set_label (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

gboolean
cl_critical_alarm_get_active (CLCriticalAlarm *self)
{
  g_return_val_if_fail (CL_IS_CRITICAL_ALARM (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
cl_critical_alarm_get_text (CLCriticalAlarm *self)
{
  g_return_val_if_fail (CL_IS_CRITICAL_ALARM (self), NULL);
  return gtk_revealer_get_reveal_child (self->revealer) ? gtk_label_get_label (self->label) : NULL;
}

GtkWindow *
cl_critical_alarm_open_report (CLCriticalAlarm *self)
{
  g_autofree char *description = NULL;
  CLCriticalReportDialog *dialog;

  g_return_val_if_fail (CL_IS_CRITICAL_ALARM (self), NULL);

  if (self->oldest == NULL)
    return NULL;
  description = cl_critical_describe (self->store, self->oldest);
  dialog = cl_critical_report_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                          self->oldest, description);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
report_clicked_cb (CLCriticalAlarm *self)
{
  cl_critical_alarm_open_report (self);
}

static gboolean
tick_cb (gpointer data)
{
  cl_critical_alarm_refresh (data);
  return G_SOURCE_CONTINUE;
}

static void
context_changed_cb (CLCriticalAlarm *self)
{
  CLStore *store = self->context ? cl_context_get_store (self->context) : NULL;
  const char * const tables[] = { "critical_value", "desk_setting", "patient" };

  if (store != self->store)
    {
      if (self->store)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      /* A report synced from another desk arrives as a change of the
       * register, and the alarm goes. */
      for (guint i = 0; store && i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);

          g_signal_connect_object (store, signal, G_CALLBACK (cl_critical_alarm_refresh), self, G_CONNECT_SWAPPED);
        }
    }
  cl_critical_alarm_refresh (self);
}

void
cl_critical_alarm_set_context (CLCriticalAlarm *self,
                               CLContext       *context)
{
  g_return_if_fail (CL_IS_CRITICAL_ALARM (self));

  if (self->context == context)
    return;
  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context)
    {
      g_signal_connect_object (context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::role", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
    }
  context_changed_cb (self);
}

static void
cl_critical_alarm_dispose (GObject *object)
{
  CLCriticalAlarm *self = CL_CRITICAL_ALARM (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  if (self->revealer)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }
  g_clear_object (&self->oldest);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_critical_alarm_parent_class)->dispose (object);
}

static void
cl_critical_alarm_class_init (CLCriticalAlarmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_critical_alarm_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "criticalalarm");
}

static void
cl_critical_alarm_init (CLCriticalAlarm *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Re_port…"));

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
  gtk_widget_add_css_class (box, "critical-alarm");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Alarm"), -1);
  gtk_box_append (GTK_BOX (box), icon);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (report_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  gtk_revealer_set_child (self->revealer, box);
  self->tick = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

GtkWidget *
cl_critical_alarm_new (CLContext *context)
{
  CLCriticalAlarm *self = g_object_new (CL_TYPE_CRITICAL_ALARM, NULL);

  cl_critical_alarm_set_context (self, context);
  return GTK_WIDGET (self);
}
