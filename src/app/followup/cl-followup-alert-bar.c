#define G_LOG_DOMAIN "cl-followup-alert-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-followup-alert-bar.h"
#include "cl-followup-alert.h"
#include "cl-followup-outcome.h"
#include "cl-tables.h"

struct _CLFollowupAlertBar
{
  CLPatientSection  parent_instance;

  /* template widgets */
  GtkRevealer      *revealer;
  GtkLabel         *label;
  GtkWidget        *button;

  /* owned */
  CLFollowupRecord *item;   /* the one the warning is about */
  char             *text;
};

G_DEFINE_FINAL_TYPE (CLFollowupAlertBar, cl_followup_alert_bar, CL_TYPE_PATIENT_SECTION)

void
cl_followup_alert_bar_reload (CLFollowupAlertBar *self)
{
  CLContext *context = cl_patient_section_get_context (CL_PATIENT_SECTION (self));
  CLStore *store = cl_patient_section_get_store (CL_PATIENT_SECTION (self));
  const char *patient_id = cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self));

  g_return_if_fail (CL_IS_FOLLOWUP_ALERT_BAR (self));

  g_clear_object (&self->item);
  g_clear_pointer (&self->text, g_free);
  if (store && patient_id)
    self->text = cl_followup_alert_for_patient (store, patient_id, &self->item);
  gtk_label_set_label (self->label, self->text ? self->text : "");
  /* Read out with the page: it is the first thing to act on. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->text ? self->text : "", -1);
  gtk_widget_set_sensitive (self->button, context &&
                            cl_tables_can_write (cl_context_get_role (context), "followup_item"));
  gtk_widget_set_visible (GTK_WIDGET (self), self->text != NULL);
  gtk_revealer_set_reveal_child (self->revealer, self->text != NULL);
}

const char *
cl_followup_alert_bar_get_text (CLFollowupAlertBar *self)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_ALERT_BAR (self), NULL);
  return self->text;
}

static void
record_clicked_cb (CLFollowupAlertBar *self)
{
  AdwMessageDialog *dialog;

  if (self->item == NULL)
    return;
  dialog = cl_followup_outcome_ask (GTK_WIDGET (self), cl_patient_section_get_context (CL_PATIENT_SECTION (self)),
                                    self->item);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cl_followup_alert_bar_reload), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
cl_followup_alert_bar_dispose (GObject *object)
{
  CLFollowupAlertBar *self = CL_FOLLOWUP_ALERT_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_FOLLOWUP_ALERT_BAR);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (cl_followup_alert_bar_parent_class)->dispose (object);
}

static void
cl_followup_alert_bar_finalize (GObject *object)
{
  CLFollowupAlertBar *self = CL_FOLLOWUP_ALERT_BAR (object);

  g_free (self->text);
  G_OBJECT_CLASS (cl_followup_alert_bar_parent_class)->finalize (object);
}

static void
cl_followup_alert_bar_class_init (CLFollowupAlertBarClass *klass)
{
  static const char * const tables[] = { "followup_item", "scale_result", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CLPatientSectionClass *section_class = CL_PATIENT_SECTION_CLASS (klass);

  object_class->dispose = cl_followup_alert_bar_dispose;
  object_class->finalize = cl_followup_alert_bar_finalize;
  section_class->reload = (void (*) (CLPatientSection *)) cl_followup_alert_bar_reload;
  /* Recorded from Today or another desk: the warning goes. */
  section_class->tables = tables;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/followup/cl-followup-alert-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CLFollowupAlertBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, CLFollowupAlertBar, label);
  gtk_widget_class_bind_template_child (widget_class, CLFollowupAlertBar, button);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
cl_followup_alert_bar_init (CLFollowupAlertBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
