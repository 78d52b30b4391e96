/* The first-visit nursing assessment and the visits' vitals on screen,
 * as real GTK widgets under Xvfb on a real store at 1024 × 768, in
 * English and in Chinese: her page says "Allergies not assessed"; the
 * first-visit dialog refuses allergies left unsaid, at the field, and
 * writes nothing; with her allergies saved the line under her name
 * shows them; vitals out of range get the field's message and nothing
 * is written; BP 150/95 is saved and marked high; an update is a new
 * version whose change the history shows; the Service Desk's patient
 * field and an escort task's show the same line, and the desk opens her
 * assessment from it. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cl-allergy-line.h"
#include "cl-assessment-dialog.h"
#include "cl-assessment-history.h"
#include "cl-desk-view.h"
#include "cl-escort-task-dialog.h"
#include "cl-nursing-section.h"
#include "cl-nursing-window.h"
#include "cl-patient-chooser.h"
#include "cl-patient-page.h"
#include "cl-store-nursing.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-vitals-dialog.h"
#include "cl-window.h"

static char *data_dir;

static gboolean
gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Opens the section's @action and returns the window it showed. */
static GtkWindow *
open_from (CLNursingSection *section,
           const char       *action)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), action, NULL));
  dialog = cl_nursing_section_get_dialog (section);
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  cl_test_ui_settle (300);
  return dialog;
}

static void
set_text (GtkEditable *editable,
          const char  *text)
{
  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
}

static void
fill_vitals (CLVitalsDialog *dialog,
             const char     *temperature,
             const char     *systolic,
             const char     *diastolic)
{
  set_text (cl_vitals_dialog_get_entry (dialog, "temperature"), temperature);
  set_text (cl_vitals_dialog_get_entry (dialog, "pulse"), "88");
  set_text (cl_vitals_dialog_get_entry (dialog, "respiration"), "18");
  set_text (cl_vitals_dialog_get_entry (dialog, "systolic"), systolic);
  set_text (cl_vitals_dialog_get_entry (dialog, "diastolic"), diastolic);
  set_text (cl_vitals_dialog_get_entry (dialog, "pain"), "3");
}

static gboolean
abnormal_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "vital-abnormal") &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
line_says (gpointer data)
{
  CLAllergyLine *line = data;
  const char *text = cl_allergy_line_get_text (line);

  return text && strstr (text, cl_nursing_word_label ("penicillin")) != NULL;
}

/* The first visit: nothing said of allergies is refused; then her
 * allergies are saved. */
static void
first_visit (CLWindow         *window,
             CLPatientPage    *page,
             CLNursingSection *section)
{
  CLStore *store = cl_window_get_store (window);
  CLAllergyLine *line = cl_patient_page_get_allergy_line (page);
  CLAssessmentDialog *dialog;
  g_autofree char *text = cl_nursing_section_get_text (section);
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpstr (cl_allergy_line_get_text (line), ==, _("Allergies not assessed"));
  g_assert_false (cl_allergy_line_get_alert (line));
  g_assert_nonnull (strstr (text, "Not assessed yet"));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "assessment-page-empty");

  dialog = CL_ASSESSMENT_DIALOG (open_from (section, "nursing.update"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, _("First-Visit Nursing Assessment"));
  set_text (cl_assessment_dialog_get_entry (dialog, "medical_history"),
            cl_test_ui_is_chinese () ? "妊娠期高血压家族史" : "Family history of gestational hypertension");
  gtk_check_button_set_active (cl_assessment_dialog_get_check (dialog, "food_allergies", CL_NURSING_NONE), TRUE);
  /* Drug allergies left unsaid: refused at the field, nothing written. */
  g_assert_false (cl_assessment_dialog_save (dialog));
  g_assert_cmpstr (cl_assessment_dialog_get_error (dialog, "drug_allergies"), ==,
                   _("Choose her drug allergies, or “No known drug allergies”"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM nursing_assessment"), ==, 0);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "assessment-first-visit-error");

  /* Penicillin and seafood: ticking an allergy clears "none". */
  gtk_check_button_set_active (cl_assessment_dialog_get_check (dialog, "drug_allergies", "penicillin"), TRUE);
  gtk_check_button_set_active (cl_assessment_dialog_get_check (dialog, "food_allergies", "seafood"), TRUE);
  g_assert_false (gtk_check_button_get_active (cl_assessment_dialog_get_check (dialog, "food_allergies",
                                                                                CL_NURSING_NONE)));
  g_assert_null (cl_assessment_dialog_get_error (dialog, "drug_allergies"));
  g_assert_true (cl_assessment_dialog_save (dialog));
  cl_test_ui_wait_until (gone, &dialog);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM nursing_assessment"
                                               " WHERE version = 1 AND drug_allergies = 'penicillin'"
                                               " AND food_allergies = 'seafood'"), ==, 1);

  /* The line under her name says so, in words. */
  cl_test_ui_wait_until (line_says, line);
  g_assert_true (cl_allergy_line_get_alert (line));
  expected = g_strdup_printf (_("⚠ Allergies: %s"), "");
  shown = g_strdup (cl_allergy_line_get_text (line));
  g_assert_true (g_str_has_prefix (shown, expected));
  g_assert_nonnull (strstr (shown, cl_nursing_word_label ("seafood")));
}

static void
vitals (CLWindow         *window,
        CLNursingSection *section)
{
  CLStore *store = cl_window_get_store (window);
  CLVitalsDialog *dialog = CL_VITALS_DIALOG (open_from (section, "nursing.record-vitals"));
  g_autofree char *text = NULL;
  g_autofree char *high = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* 46 °C is no temperature a woman walks in with: refused at the field. */
  fill_vitals (dialog, "46", "120", "80");
  g_assert_false (cl_vitals_dialog_save (dialog));
  g_assert_cmpstr (cl_vitals_dialog_get_error (dialog, "temperature"), ==,
                   _("Enter a temperature between 30.0 and 45.0 °C"));
  g_assert_null (cl_vitals_dialog_get_error (dialog, "pulse"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM visit_vitals"), ==, 0);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "assessment-vitals-error");

  /* BP 150/95: possible, abnormal, saved and marked high. */
  fill_vitals (dialog, "36.8", "150", "95");
  g_assert_true (cl_vitals_dialog_save (dialog));
  cl_test_ui_wait_until (gone, &dialog);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM visit_vitals"
                                               " WHERE temperature = 368 AND systolic = 150 AND diastolic = 95"),
                   ==, 1);
  g_assert_cmpuint (cl_nursing_section_get_n_abnormal (section), ==, 1);
  text = cl_nursing_section_get_text (section);
  high = g_strdup (cl_vital_status_label (CL_VITAL_HIGH));
  g_assert_nonnull (strstr (text, "150/95 mmHg"));
  g_assert_nonnull (strstr (text, high));
  /* Painted by class, and said in words: not colour alone. */
  {
    GtkWidget *label = cl_test_ui_find_widget_where (GTK_WIDGET (section), abnormal_label, "150/95 mmHg");

    g_assert_nonnull (label);
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), high));
    g_assert_null (cl_test_ui_find_widget_where (GTK_WIDGET (section), abnormal_label, "36.8"));
  }
}

static void
update (CLWindow         *window,
        CLPatientPage    *page,
        CLNursingSection *section)
{
  CLAssessmentDialog *dialog = CL_ASSESSMENT_DIALOG (open_from (section, "nursing.update"));
  CLAssessmentHistory *history;
  g_autofree char *text = NULL;
  g_autofree char *version = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, _("Update Nursing Assessment"));
  /* Prefilled from her latest version. */
  g_assert_true (gtk_check_button_get_active (cl_assessment_dialog_get_check (dialog, "drug_allergies", "penicillin")));
  gtk_check_button_set_active (cl_assessment_dialog_get_check (dialog, "risks", "fall"), TRUE);
  g_assert_true (cl_assessment_dialog_save (dialog));
  cl_test_ui_wait_until (gone, &dialog);
  g_assert_cmpint (cl_test_store_count (cl_window_get_store (window),
                                        "SELECT count(*) FROM nursing_assessment"), ==, 2);
  g_assert_nonnull (strstr (cl_allergy_line_get_text (cl_patient_page_get_allergy_line (page)),
                            cl_nursing_word_label ("fall")));
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "assessment-page");

  history = CL_ASSESSMENT_HISTORY (open_from (section, "nursing.history"));
  text = cl_assessment_history_get_text (history);
  version = g_strdup_printf (_("Version %d"), 2);
  g_assert_true (g_str_has_prefix (text, version));
  g_assert_nonnull (strstr (text, cl_nursing_field_label (CL_NURSING_RISKS)));
  g_assert_nonnull (strstr (text, cl_nursing_word_label ("fall")));
  /* Version 2 lists what it changed, and only that. */
  {
    g_autofree char *one = g_strdup_printf (_("Version %d"), 1);
    g_autofree char *marker = g_strdup_printf ("\n%s", one);
    const char *end = strstr (text, marker);
    g_autofree char *block = NULL;

    g_assert_nonnull (end);
    block = g_strndup (text, end - text);
    g_assert_nonnull (strstr (block, cl_nursing_field_label (CL_NURSING_RISKS)));
    g_assert_null (strstr (block, cl_nursing_field_label (CL_NURSING_DRUG_ALLERGIES)));
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (history), "assessment-history");
  gtk_window_destroy (GTK_WINDOW (history));
}

/* Wherever the desk picks her, the same line; the desk opens her
 * assessment from it. */
static void
elsewhere (CLWindow   *window,
           const char *patient_id,
           const char *name)
{
  CLDeskView *desk = CL_DESK_VIEW (cl_window_get_desk_view (window));
  CLPatientChooser *chooser;
  CLAllergyLine *line;
  GtkWidget *button;
  CLNursingWindow *nursing;
  CLEscortTaskDialog *task;

  cl_window_show_view (window, "desk");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, desk);
  chooser = CL_PATIENT_CHOOSER (cl_desk_view_get_widget (desk, "patient"));
  line = CL_ALLERGY_LINE (cl_patient_chooser_get_allergy_line (chooser));
  g_assert_null (cl_allergy_line_get_text (line));
  cl_patient_chooser_set_patient (chooser, patient_id, name);
  cl_test_ui_wait_until (line_says, line);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "assessment-desk");

  button = cl_test_ui_find_widget (GTK_WIDGET (line), GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  nursing = CL_NURSING_WINDOW (cl_test_ui_find_toplevel (CL_TYPE_NURSING_WINDOW));
  g_assert_nonnull (nursing);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, nursing);
  cl_test_ui_settle (300);
  g_assert_cmpuint (cl_nursing_section_get_n_abnormal (CL_NURSING_SECTION (cl_nursing_window_get_section (nursing))),
                    ==, 1);
  cl_test_ui_save_screenshot (GTK_WIDGET (nursing), "assessment-desk-window");
  gtk_window_destroy (GTK_WINDOW (nursing));

  /* An escort task for her: the escort sees her allergies too. */
  task = cl_escort_task_dialog_new (GTK_WINDOW (window), cl_window_get_context (window), NULL, NULL, 0, 0);
  gtk_window_present (GTK_WINDOW (task));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, task);
  chooser = CL_PATIENT_CHOOSER (gtk_widget_get_ancestor (cl_escort_task_dialog_get_field (task, "patient"),
                                                        CL_TYPE_PATIENT_CHOOSER));
  line = CL_ALLERGY_LINE (cl_patient_chooser_get_allergy_line (chooser));
  cl_patient_chooser_set_patient (chooser, patient_id, name);
  cl_test_ui_wait_until (line_says, line);
  /* No assessment button there: the task is the dialog's business. */
  g_assert_false (gtk_widget_get_visible (cl_test_ui_find_widget (GTK_WIDGET (line), GTK_TYPE_BUTTON)));
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (task), "assessment-escort-task");
  gtk_window_destroy (GTK_WINDOW (task));
}

static void
test_assessment (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLStore *store = cl_window_get_store (window);
  g_autoptr(CLPatient) patient = cl_test_patient_new ("林晓燕", "11010519930402002", "13900139401");
  const char *patient_id;
  CLPatientPage *page;
  CLNursingSection *section;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_patient_save (store, patient, NULL);
  patient_id = cl_record_get_id (CL_RECORD (patient));
  cl_window_show_patient (window, patient_id);
  page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  g_assert_nonnull (page);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  cl_test_ui_settle (300);
  section = cl_patient_page_get_nursing_section (page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));

  first_visit (window, page, section);
  vitals (window, section);
  update (window, page, section);
  elsewhere (window, patient_id, "林晓燕");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-assessment", 20, 23);

  g_test_add_func ("/ui/assessment/first-visit", test_assessment);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
