#define G_LOG_DOMAIN "cl-allergy-line"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-allergy-line.h"
#include "cl-nursing-window.h"
#include "cl-store-nursing.h"

struct _CLAllergyLine
{
  GtkWidget  parent_instance;

  /* children */
  GtkWidget *box;
  GtkLabel  *label;
  GtkWidget *button;

  /* owned */
  CLStore   *store;
  CLContext *context;
  char      *patient_id;
  gboolean   alert;
};

G_DEFINE_FINAL_TYPE (CLAllergyLine, cl_allergy_line, GTK_TYPE_WIDGET)

static void
update (CLAllergyLine *self)
{
  g_autoptr(CLNursingAssessment) latest = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), self->store && self->patient_id);
  if (self->store == NULL || self->patient_id == NULL)
    return;

  latest = cl_store_nursing_latest (self->store, self->patient_id);
  text = cl_nursing_assessment_describe_alerts (latest, &self->alert);
  gtk_label_set_label (self->label, text);
  /* The text says it all; the colours only make it stand out. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  if (self->alert)
    gtk_widget_add_css_class (GTK_WIDGET (self), "allergy-alert");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "allergy-alert");
  if (latest == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
  gtk_widget_set_visible (self->button,
                          self->context && cl_context_may (self->context, CL_READ, "nursing_assessment"));
}

void
cl_allergy_line_set_store (CLAllergyLine *self,
                           CLStore       *store)
{
  g_return_if_fail (CL_IS_ALLERGY_LINE (self));

  if (self->store == store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store)
    g_signal_connect_object (store, "changed::nursing_assessment", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
context_store_cb (CLAllergyLine *self)
{
  cl_allergy_line_set_store (self, cl_context_get_store (self->context));
}

void
cl_allergy_line_set_context (CLAllergyLine *self,
                             CLContext     *context)
{
  g_return_if_fail (CL_IS_ALLERGY_LINE (self));

  if (self->context == context)
    return;
  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context)
    {
      g_signal_connect_object (context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::role", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      context_store_cb (self);
    }
  update (self);
}

void
cl_allergy_line_set_patient_id (CLAllergyLine *self,
                                const char    *patient_id)
{
  g_return_if_fail (CL_IS_ALLERGY_LINE (self));

  g_free (self->patient_id);
  self->patient_id = g_strdup (patient_id);
  update (self);
}

const char *
cl_allergy_line_get_text (CLAllergyLine *self)
{
  g_return_val_if_fail (CL_IS_ALLERGY_LINE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_label (self->label) : NULL;
}

gboolean
cl_allergy_line_get_alert (CLAllergyLine *self)
{
  g_return_val_if_fail (CL_IS_ALLERGY_LINE (self), FALSE);
  return self->alert;
}

static void
open_clicked_cb (CLAllergyLine *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CLNursingWindow *window;

  if (self->context == NULL || self->patient_id == NULL)
    return;
  window = cl_nursing_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context, self->patient_id);
  gtk_window_present (GTK_WINDOW (window));
}

static void
cl_allergy_line_dispose (GObject *object)
{
  CLAllergyLine *self = CL_ALLERGY_LINE (object);

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (cl_allergy_line_parent_class)->dispose (object);
}

static void
cl_allergy_line_finalize (GObject *object)
{
  g_free (CL_ALLERGY_LINE (object)->patient_id);
  G_OBJECT_CLASS (cl_allergy_line_parent_class)->finalize (object);
}

static void
cl_allergy_line_class_init (CLAllergyLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_allergy_line_dispose;
  object_class->finalize = cl_allergy_line_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "allergyline");
}

static void
cl_allergy_line_init (CLAllergyLine *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Allergies and risks"), -1);
  /* No icon: the text begins with its own "⚠". */
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_selectable (self->label, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->label));
  self->button = gtk_button_new_with_mnemonic (_("Nursing _Assessment…"));
  gtk_widget_set_tooltip_text (self->button, _("Her nursing assessment, its history and her vital signs"));
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->button, FALSE);
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (open_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->button);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
cl_allergy_line_new (void)
{
  return g_object_new (CL_TYPE_ALLERGY_LINE, NULL);
}
