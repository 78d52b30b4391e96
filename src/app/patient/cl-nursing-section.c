#define G_LOG_DOMAIN "cl-nursing-section"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-assessment-dialog.h"
#include "cl-assessment-history.h"
#include "cl-date.h"
#include "cl-nursing-section.h"
#include "cl-store-nursing.h"
#include "cl-vitals-dialog.h"

/* Visits shown on the page; her whole record is in the store. */
#define MAX_VISITS 20

struct _CLNursingSection
{
  CLPatientSection     parent_instance;

  /* template widgets */
  GtkWidget           *box;
  AdwPreferencesGroup *assessment_group;
  GtkListBox          *assessment_list;
  GtkButton           *update_button;
  AdwPreferencesGroup *vitals_group;
  GtkListBox          *vitals_list;

  GString             *text;
  guint                n_abnormal;
  GtkWindow           *dialog;     /* weak */
};

G_DEFINE_FINAL_TYPE (CLNursingSection, cl_nursing_section, CL_TYPE_PATIENT_SECTION)

static void
clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
placeholder (GtkListBox *list,
             const char *title,
             const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (list, row);
}

static void
show_assessment (CLNursingSection *self,
                 CLStore          *store,
                 const char       *patient_id)
{
  g_autoptr(CLNursingAssessment) latest = cl_store_nursing_latest (store, patient_id);
  g_autofree char *when = NULL;
  g_autofree char *who = NULL;
  g_autofree char *description = NULL;

  gtk_button_set_label (self->update_button, latest ? _("_Update Assessment…") : _("Record First-Visit Assessme_nt…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nursing.history", latest != NULL);
  if (latest == NULL)
    {
      adw_preferences_group_set_description (self->assessment_group, NULL);
      placeholder (self->assessment_list, _("Not assessed yet"),
                   _("Record her first-visit assessment: history, allergies, screening"));
      g_string_append (self->text, "Not assessed yet\n");
      return;
    }

  when = cl_date_format_time (cl_nursing_assessment_get_recorded_at (latest), CL_DATE_FULL, NULL);
  who = cl_assessment_history_name_of (store, cl_nursing_assessment_get_recorded_by (latest));
  /* Translators: her assessment's version, when and by whom it was recorded */
  description = g_strdup_printf (_("Version %d, recorded %s by %s. Read only: an update records a new version."),
                                 cl_nursing_assessment_get_version (latest), when, who);
  adw_preferences_group_set_description (self->assessment_group, description);
  for (guint i = 0; i < CL_NURSING_N_FIELDS; i++)
    {
      g_autofree char *value = cl_nursing_assessment_field_text (latest, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_nursing_field_label (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->assessment_list, row);
      g_string_append_printf (self->text, "%s: %s\n", cl_nursing_field_label (i), value);
    }
}

/* One vital as read, "Pulse 112/min (high)"; abnormal ones in the
 * error colour, the word "high" or "low" saying what the colour does. */
static GtkWidget *
vital_label (CLNursingSection *self,
             const char       *name,
             const char       *value,
             CLVitalStatus     status)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (status != CL_VITAL_NORMAL)
    /* Translators: a vital sign, its value, and "high" or "low" */
    text = g_strdup_printf (_("%s %s (%s)"), name, value, cl_vital_status_label (status));
  else
    /* Translators: a vital sign and its value, "Pulse 80/min" */
    text = g_strdup_printf (_("%s %s"), name, value);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (status != CL_VITAL_NORMAL)
    {
      gtk_widget_add_css_class (label, "vital-abnormal");
      self->n_abnormal++;
    }
  g_string_append_printf (self->text, "%s%s", text, "  ");
  return label;
}

static GtkWidget *
vitals_row (CLNursingSection *self,
            CLStore          *store,
            CLVisitVitals    *vitals)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *values = gtk_flow_box_new ();
  g_autofree char *when = cl_date_format_time (cl_visit_vitals_get_taken_at (vitals), CL_DATE_FULL, NULL);
  g_autofree char *who = cl_assessment_history_name_of (store, cl_visit_vitals_get_taken_by (vitals));
  g_autofree char *heading = NULL;
  g_autofree char *bp = NULL;
  GtkWidget *title;
  CLVitalStatus bp_status;
  static const CLVital singles[] = { CL_VITAL_TEMPERATURE, CL_VITAL_PULSE, CL_VITAL_RESPIRATION };
  static const char * const names[] = { N_("Temperature"), N_("Pulse"), N_("Respiration") };

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  /* Translators: when vital signs were taken, and by whom */
  heading = g_strdup_printf (_("%s · %s"), when, who);
  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  g_string_append_printf (self->text, "%s: ", heading);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (values), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (values), 5);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (values), 12);
  for (guint i = 0; i < G_N_ELEMENTS (singles); i++)
    {
      g_autofree char *value = cl_vital_format (singles[i], cl_visit_vitals_get (vitals, singles[i]));

      gtk_flow_box_append (GTK_FLOW_BOX (values),
                           vital_label (self, _(names[i]), value, cl_visit_vitals_status (vitals, singles[i])));
    }
  /* The pressure is read as one value: abnormal if either half is. */
  bp_status = cl_visit_vitals_status (vitals, CL_VITAL_SYSTOLIC);
  if (bp_status == CL_VITAL_NORMAL)
    bp_status = cl_visit_vitals_status (vitals, CL_VITAL_DIASTOLIC);
  bp = g_strdup_printf ("%d/%d mmHg", cl_visit_vitals_get (vitals, CL_VITAL_SYSTOLIC),
                        cl_visit_vitals_get (vitals, CL_VITAL_DIASTOLIC));
  /* Translators: blood pressure */
  gtk_flow_box_append (GTK_FLOW_BOX (values), vital_label (self, _("BP"), bp, bp_status));
  {
    g_autofree char *pain = cl_vital_format (CL_VITAL_PAIN, cl_visit_vitals_get (vitals, CL_VITAL_PAIN));

    gtk_flow_box_append (GTK_FLOW_BOX (values),
                         vital_label (self, _("Pain"), pain, cl_visit_vitals_status (vitals, CL_VITAL_PAIN)));
  }
  gtk_box_append (GTK_BOX (box), values);
  if (cl_visit_vitals_get_note (vitals) && *cl_visit_vitals_get_note (vitals))
    {
      GtkWidget *note = gtk_label_new (cl_visit_vitals_get_note (vitals));

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (box), note);
    }
  g_string_append_c (self->text, '\n');
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
show_vitals (CLNursingSection *self,
             CLStore          *store,
             const char       *patient_id)
{
  g_autoptr(GPtrArray) visits = cl_store_visit_vitals (store, patient_id);

  for (guint i = 0; i < visits->len && i < MAX_VISITS; i++)
    gtk_list_box_append (self->vitals_list, vitals_row (self, store, g_ptr_array_index (visits, i)));
  if (visits->len == 0)
    placeholder (self->vitals_list, _("No vital signs recorded yet"), NULL);
}

static void
cl_nursing_section_reload (CLPatientSection *section)
{
  CLNursingSection *self = CL_NURSING_SECTION (section);
  CLContext *context = cl_patient_section_get_context (section);
  CLStore *store = cl_patient_section_get_store (section);
  const char *patient_id = cl_patient_section_get_patient_id (section);
  gboolean may_read = context && cl_context_may (context, CL_READ, "nursing_assessment");
  gboolean may_read_vitals = context && cl_context_may (context, CL_READ, "visit_vitals");

  clear (self->assessment_list);
  clear (self->vitals_list);
  g_string_truncate (self->text, 0);
  self->n_abnormal = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), may_read);
  gtk_widget_set_visible (GTK_WIDGET (self->vitals_group), may_read_vitals);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nursing.update",
                                 store && patient_id && cl_context_may (context, CL_WRITE, "nursing_assessment"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nursing.record-vitals",
                                 store && patient_id && cl_context_may (context, CL_WRITE, "visit_vitals"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nursing.history", FALSE);
  if (store == NULL || patient_id == NULL || !may_read)
    return;
  show_assessment (self, store, patient_id);
  if (may_read_vitals)
    show_vitals (self, store, patient_id);
}

static void
present (CLNursingSection *self,
         GtkWindow        *window)
{
  g_set_weak_pointer (&self->dialog, window);
  gtk_window_present (window);
}

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
update_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CLPatientSection *section = CL_PATIENT_SECTION (widget);
  CLAssessmentDialog *dialog = cl_assessment_dialog_new (parent_window (widget),
                                                         cl_patient_section_get_context (section),
                                                         cl_patient_section_get_patient_id (section));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_patient_section_reload), section, G_CONNECT_SWAPPED);
  present (CL_NURSING_SECTION (widget), GTK_WINDOW (dialog));
}

static void
record_vitals_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CLPatientSection *section = CL_PATIENT_SECTION (widget);
  CLVitalsDialog *dialog = cl_vitals_dialog_new (parent_window (widget), cl_patient_section_get_context (section),
                                                 cl_patient_section_get_patient_id (section));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_patient_section_reload), section, G_CONNECT_SWAPPED);
  present (CL_NURSING_SECTION (widget), GTK_WINDOW (dialog));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CLPatientSection *section = CL_PATIENT_SECTION (widget);

  present (CL_NURSING_SECTION (widget),
           GTK_WINDOW (cl_assessment_history_new (parent_window (widget), cl_patient_section_get_store (section),
                                                  cl_patient_section_get_patient_id (section))));
}

GtkWindow *
cl_nursing_section_get_dialog (CLNursingSection *self)
{
  g_return_val_if_fail (CL_IS_NURSING_SECTION (self), NULL);
  return self->dialog;
}

char *
cl_nursing_section_get_text (CLNursingSection *self)
{
  g_return_val_if_fail (CL_IS_NURSING_SECTION (self), NULL);
  return g_strdup (self->text->str);
}

guint
cl_nursing_section_get_n_abnormal (CLNursingSection *self)
{
  g_return_val_if_fail (CL_IS_NURSING_SECTION (self), 0);
  return self->n_abnormal;
}

static void
cl_nursing_section_dispose (GObject *object)
{
  CLNursingSection *self = CL_NURSING_SECTION (object);

  g_clear_weak_pointer (&self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (object), CL_TYPE_NURSING_SECTION);
  G_OBJECT_CLASS (cl_nursing_section_parent_class)->dispose (object);
}

static void
cl_nursing_section_finalize (GObject *object)
{
  g_string_free (CL_NURSING_SECTION (object)->text, TRUE);
  G_OBJECT_CLASS (cl_nursing_section_parent_class)->finalize (object);
}

static void
cl_nursing_section_class_init (CLNursingSectionClass *klass)
{
  /* A pull of another desk's update, or a colleague's name, changes
   * what she shows. */
  static const char * const tables[] = { "nursing_assessment", "visit_vitals", "staff", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CLPatientSectionClass *section_class = CL_PATIENT_SECTION_CLASS (klass);

  object_class->dispose = cl_nursing_section_dispose;
  object_class->finalize = cl_nursing_section_finalize;
  section_class->reload = cl_nursing_section_reload;
  section_class->tables = tables;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/patient/cl-nursing-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CLNursingSection, box);
  gtk_widget_class_bind_template_child (widget_class, CLNursingSection, assessment_group);
  gtk_widget_class_bind_template_child (widget_class, CLNursingSection, assessment_list);
  gtk_widget_class_bind_template_child (widget_class, CLNursingSection, update_button);
  gtk_widget_class_bind_template_child (widget_class, CLNursingSection, vitals_group);
  gtk_widget_class_bind_template_child (widget_class, CLNursingSection, vitals_list);
  gtk_widget_class_install_action (widget_class, "nursing.update", NULL, update_action);
  gtk_widget_class_install_action (widget_class, "nursing.record-vitals", NULL, record_vitals_action);
  gtk_widget_class_install_action (widget_class, "nursing.history", NULL, history_action);
}

static void
cl_nursing_section_init (CLNursingSection *self)
{
  self->text = g_string_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_button_set_label (self->update_button, _("Record First-Visit Assessme_nt…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nursing.update", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nursing.record-vitals", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nursing.history", FALSE);
}
