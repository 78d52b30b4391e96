#define G_LOG_DOMAIN "cl-nursing-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-allergy-line.h"
#include "cl-nursing-section.h"
#include "cl-nursing-window.h"
#include "cl-patient.h"

struct _CLNursingWindow
{
  AdwWindow  parent_instance;

  GtkWidget *section;
};

G_DEFINE_FINAL_TYPE (CLNursingWindow, cl_nursing_window, ADW_TYPE_WINDOW)

static void
cl_nursing_window_class_init (CLNursingWindowClass *klass)
{
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_nursing_window_init (CLNursingWindow *self)
{
}

CLNursingWindow *
cl_nursing_window_new (GtkWindow  *parent,
                       CLContext  *context,
                       const char *patient_id)
{
  CLNursingWindow *self;
  g_autoptr(CLRecord) patient = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = NULL;
  GtkWidget *line = cl_allergy_line_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  self = g_object_new (CL_TYPE_NURSING_WINDOW, "transient-for", parent, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Nursing Assessment"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 680);
  if (cl_context_get_store (context))
    patient = cl_store_load_record (cl_context_get_store (context), CL_TYPE_PATIENT, patient_id, NULL);
  title = adw_window_title_new (_("Nursing Assessment"), patient ? cl_patient_get_name (CL_PATIENT (patient)) : "");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  cl_allergy_line_set_store (CL_ALLERGY_LINE (line), cl_context_get_store (context));
  cl_allergy_line_set_patient_id (CL_ALLERGY_LINE (line), patient_id);
  gtk_widget_set_margin_start (line, 12);
  gtk_widget_set_margin_end (line, 12);
  gtk_widget_set_margin_top (line, 6);
  gtk_box_append (GTK_BOX (box), line);

  self->section = g_object_new (CL_TYPE_NURSING_SECTION, NULL);
  cl_patient_section_set_context (CL_PATIENT_SECTION (self->section), context);
  cl_patient_section_set_patient_id (CL_PATIENT_SECTION (self->section), patient_id);
  gtk_widget_set_margin_top (self->section, 12);
  gtk_widget_set_margin_bottom (self->section, 24);
  gtk_widget_set_margin_start (self->section, 12);
  gtk_widget_set_margin_end (self->section, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->section);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}

GtkWidget *
cl_nursing_window_get_section (CLNursingWindow *self)
{
  g_return_val_if_fail (CL_IS_NURSING_WINDOW (self), NULL);
  return self->section;
}
