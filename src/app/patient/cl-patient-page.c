#define G_LOG_DOMAIN "cl-patient-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-allergy-line.h"
#include "cl-context.h"
#include "cl-date.h"
#include "cl-dating.h"
#include "cl-document-list.h"
#include "cl-enrolment-dialog.h"
#include "cl-enrolment-store.h"
#include "cl-export.h"
#include "cl-followup-alert-bar.h"
#include "cl-followup-list.h"
#include "cl-money.h"
#include "cl-nursing-section.h"
#include "cl-order-list.h"
#include "cl-course-list.h"
#include "cl-registration-list.h"
#include "cl-scale-list.h"
#include "cl-usage-list.h"
#include "cl-patient-page.h"
#include "cl-staff-store.h"
#include "cl-patient-store.h"
#include "cl-risk-event.h"
#include "cl-risk-history.h"
#include "cl-pregnancy-timeline.h"
#include "cl-print-settings.h"
#include "cl-summary-print-operation.h"
#include "cl-util.h"
#include "cl-visit-plan-view.h"

struct _CLPatientPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget      *box;
  AdwWindowTitle *title_widget;
  GtkWidget      *save_button;
  CLPatientForm  *form;
  GtkListBox     *history_list;
  GtkListBox     *enrolment_list;
  GtkButton      *enrol_button;
  CLPregnancyTimeline *timeline;
  CLVisitPlanView *visit_plan;
  CLOrderList    *order_list;
  CLScaleList    *scale_list;
  CLCourseList   *course_list;
  CLRegistrationList *registration_list;
  CLUsageList    *usage_list;
  CLFollowupList *followup_list;
  CLFollowupAlertBar *alert_bar;
  CLDocumentList *document_list;  /* the archive's reports (issue #4) */
  CLAllergyLine  *allergy_line;   /* under her name, always */
  CLNursingSection *nursing_section;

  /* owned */
  CLContext      *context;
  CLStore        *store;        /* the context's, while it has one */
  CLPatient      *patient;
  CLPregnancy    *pregnancy;    /* may be NULL */
  gboolean        dirty;
};

G_DEFINE_FINAL_TYPE (CLPatientPage, cl_patient_page, GTK_TYPE_WIDGET)

enum {
  SAVED,
  REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_dirty (CLPatientPage *self,
           gboolean       dirty)
{
  self->dirty = dirty;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save", dirty);
}

static void
update_title (CLPatientPage *self)
{
  g_autofree char *subtitle = NULL;
  GDate edd, today;

  adw_window_title_set_title (self->title_widget, cl_patient_get_name (self->patient));

  cl_context_get_today (self->context, &today);
  if (self->pregnancy &&
      cl_pregnancy_is_ongoing (self->pregnancy) &&
      cl_date_parse (cl_pregnancy_get_effective_edd (self->pregnancy), &edd, NULL))
    {
      g_autofree char *risk = cl_risk_format (cl_store_get_risk_scale (self->store),
                                              cl_pregnancy_get_risk (self->pregnancy));
      g_autofree char *ga = cl_dating_format_ga_display (cl_dating_gestational_days (&edd, &today));

      subtitle = g_strdup_printf ("%s · %s", ga ? ga : "—", risk);
    }
  else if (self->pregnancy)
    subtitle = g_strdup (cl_pregnancy_status_label (cl_pregnancy_get_status (self->pregnancy)));

  adw_window_title_set_subtitle (self->title_widget, subtitle ? subtitle : "");
}

static void
update_history (CLPatientPage *self)
{
  cl_risk_history_fill (self->history_list, self->store, self->pregnancy);
}

/* A second enrolment while one is live is refused (core's rule): the
 * button says so, and an administrator, who may override it with a
 * reason, is offered that by name. */
static void
update_enrol_button (CLPatientPage *self)
{
  g_autoptr(CLEnrolment) live = NULL;
  g_autofree char *already = NULL;
  g_autofree char *tooltip = NULL;
  gboolean may_override = cl_enrolment_role_may_override (cl_context_get_role (self->context));

  if (self->patient && self->store)
    live = cl_enrolment_store_find_live (self->store, cl_record_get_id (CL_RECORD (self->patient)), NULL);
  if (live)
    already = cl_enrolment_store_already_enrolled (self->store, live);
  if (live && may_override)
    tooltip = g_strdup_printf (_("%s. An administrator may enrol her again, with a reason."), already);
  else if (live)
    tooltip = g_strdup_printf (_("%s. Cancel that enrolment to enrol her again."), already);
  gtk_button_set_label (self->enrol_button, live && may_override ? _("Enrol _Again (Override)…") : _("_Enrol in Package…"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->enrol_button), tooltip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.enrol",
                                 cl_context_may (self->context, CL_WRITE, "enrolment") && (live == NULL || may_override));
}

static void
update_enrolments (CLPatientPage *self)
{
  g_autoptr(GPtrArray) enrolments = NULL;
  GtkWidget *child;

  update_enrol_button (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->enrolment_list))))
    gtk_list_box_remove (self->enrolment_list, child);

  enrolments = self->patient
    ? cl_enrolment_store_list_for_patient (self->store, cl_record_get_id (CL_RECORD (self->patient)))
    : g_ptr_array_new ();

  if (enrolments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not enrolled in a service package"));
      gtk_list_box_append (self->enrolment_list, row);
      return;
    }

  for (guint i = 0; i < enrolments->len; i++)
    {
      CLEnrolment *enrolment = g_ptr_array_index (enrolments, i);
      g_autoptr(CLRecord) package = cl_store_load_record (self->store, CL_TYPE_PACKAGE,
                                                          cl_enrolment_get_package_id (enrolment), NULL);
      g_autofree char *paid = cl_money_format_display (cl_enrolment_get_paid_fen (enrolment));
      g_autofree char *paid_on = cl_date_format_iso_display (cl_enrolment_get_paid_date (enrolment));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: package name · enrolment status, e.g. 全孕期 · 进行中 */
      title = g_strdup_printf (_("%s · %s"),
                               package ? cl_package_get_display_name (CL_PACKAGE (package)) : "—",
                               cl_enrolment_status_label (cl_enrolment_get_status (enrolment)));
      /* Translators: amount, date and the hospital's receipt number */
      subtitle = g_strdup_printf (_("Paid %s on %s · receipt %s"), paid, paid_on,
                                  cl_enrolment_get_receipt_no (enrolment)
                                  ? cl_enrolment_get_receipt_no (enrolment) : "—");
      if (cl_enrolment_is_cancelled (enrolment))
        {
          g_autofree char *refund = cl_money_format_display (cl_enrolment_get_refund_fen (enrolment));
          g_autofree char *refund_on = cl_date_format_iso_display (cl_enrolment_get_cancel_date (enrolment));
          g_autofree char *line = NULL;
          g_autofree char *paid_line = g_steal_pointer (&subtitle);

          /* Translators: refund amount and date */
          line = g_strdup_printf (_("Refunded %s on %s"), refund, refund_on);
          subtitle = g_strdup_printf ("%s\n%s", paid_line, line);
        }
      if (!cl_str_empty (cl_enrolment_get_override_reason (enrolment)))
        {
          g_autofree char *before = g_steal_pointer (&subtitle);

          /* Translators: why an administrator overrode the enrolment rules */
          subtitle = g_strdup_printf (_("%s\nOverride: %s"), before, cl_enrolment_get_override_reason (enrolment));
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (cl_enrolment_is_live (enrolment))
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Cancel…"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Cancel the enrolment and record the refund"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.cancel-enrolment");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                            cl_record_get_id (CL_RECORD (enrolment)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->enrolment_list, row);
    }
}

/* The pregnancy archive's parts (issue #4): they read the store
 * themselves; the page only tells them whose. */
static void
update_archive (CLPatientPage *self)
{
  const char *patient_id = self->patient ? cl_record_get_id (CL_RECORD (self->patient)) : NULL;

  cl_pregnancy_timeline_load (self->timeline, self->store, self->pregnancy);
  cl_visit_plan_view_set_pregnancy (self->visit_plan, self->pregnancy);
  cl_order_list_set_pregnancy_id (self->order_list,
                                  self->pregnancy ? cl_record_get_id (CL_RECORD (self->pregnancy)) : NULL);
  cl_order_list_set_patient_id (self->order_list, patient_id);
  cl_scale_list_set_pregnancy_id (self->scale_list,
                                  self->pregnancy ? cl_record_get_id (CL_RECORD (self->pregnancy)) : NULL);
  cl_patient_section_set_patient_id (CL_PATIENT_SECTION (self->scale_list), patient_id);
  cl_patient_section_set_patient_id (CL_PATIENT_SECTION (self->course_list), patient_id);
  cl_patient_section_set_patient_id (CL_PATIENT_SECTION (self->registration_list), patient_id);
  cl_patient_section_set_patient_id (CL_PATIENT_SECTION (self->usage_list), patient_id);
  cl_patient_section_set_patient_id (CL_PATIENT_SECTION (self->followup_list), patient_id);
  cl_patient_section_set_patient_id (CL_PATIENT_SECTION (self->alert_bar), patient_id);
  cl_patient_section_set_patient_id (CL_PATIENT_SECTION (self->nursing_section), patient_id);
  cl_allergy_line_set_patient_id (self->allergy_line, patient_id);
}

static void
on_visits_changed_cb (CLPatientPage *self)
{
  cl_pregnancy_timeline_load (self->timeline, self->store, self->pregnancy);
  /* The roster's next-visit column changed with it. */
  g_signal_emit (self, signals[SAVED], 0);
}

static ClPatientSummary *
new_summary (CLPatientPage  *self,
             GError        **error)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *hospital = g_settings_get_string (settings, "hospital-name");

  return cl_patient_summary_new (self->store, cl_record_get_id (CL_RECORD (self->patient)),
                                 hospital, error);
}

gboolean
cl_patient_page_export_pdf (CLPatientPage  *self,
                            const char     *path,
                            GError        **error)
{
  g_autoptr(ClPatientSummary) summary = NULL;

  g_return_val_if_fail (CL_IS_PATIENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->patient != NULL, FALSE);

  if (!(summary = new_summary (self, error)))
    return FALSE;
  return cl_patient_summary_export_pdf (summary, path, error);
}

static void
show_error (CLPatientPage *self,
            const char    *heading,
            const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CLPatientPage *self = CL_PATIENT_PAGE (widget);
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  ClPatientSummary *summary;

  if (self->patient == NULL)
    return;
  if (!(summary = new_summary (self, &error)) ||
      !cl_print_settings_run ((op = cl_summary_print_operation_new (summary)),
                              GTK_WINDOW (gtk_widget_get_root (widget)), &error))
    show_error (self, _("Summary Not Printed"), error->message);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CLPatientPage *self = CL_PATIENT_PAGE (widget);
  g_autoptr(ClPatientSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (self->patient == NULL)
    return;
  if (!(summary = new_summary (self, &error)))
    {
      show_error (self, _("Summary Not Exported"), error->message);
      return;
    }
  /* Her name and today's date: "Summary 张小梅 2026-11-23.pdf". */
  name = cl_patient_summary_file_name (summary);
  cl_export_run (widget, _("Export Summary as PDF"), name, _("PDF documents"), "application/pdf",
                 _("Summary Not Exported"), (ClExportFunc) cl_patient_page_export_pdf,
                 g_object_ref (self), g_object_unref);
}

CLVisitPlanView *
cl_patient_page_get_visit_plan (CLPatientPage *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_PAGE (self), NULL);
  return self->visit_plan;
}

CLOrderList *
cl_patient_page_get_order_list (CLPatientPage *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_PAGE (self), NULL);
  return self->order_list;
}

CLPregnancyTimeline *
cl_patient_page_get_timeline (CLPatientPage *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_PAGE (self), NULL);
  return self->timeline;
}

static void
on_form_changed_cb (CLPatientPage *self)
{
  set_dirty (self, TRUE);
}

gboolean
cl_patient_page_save (CLPatientPage *self)
{
  g_autoptr(CLPatient) patient = NULL;
  g_autoptr(CLPregnancy) pregnancy = NULL;

  g_return_val_if_fail (CL_IS_PATIENT_PAGE (self), FALSE);

  if (self->patient == NULL)
    return FALSE;

  /* Our own earlier save may have been acknowledged meanwhile. */
  cl_store_adopt_acknowledged_rev (self->store, CL_RECORD (self->patient));
  if (self->pregnancy)
    cl_store_adopt_acknowledged_rev (self->store, CL_RECORD (self->pregnancy));

  /* Edit copies, so a refused save leaves the loaded records as they
   * are in the store. */
  patient = CL_PATIENT (cl_record_dup (CL_RECORD (self->patient)));
  if (self->pregnancy)
    pregnancy = CL_PREGNANCY (cl_record_dup (CL_RECORD (self->pregnancy)));
  else if (cl_patient_form_has_pregnancy (self->form))
    pregnancy = cl_pregnancy_new (cl_record_get_id (CL_RECORD (patient)));

  if (!cl_patient_form_save (self->form, patient, pregnancy))
    return FALSE;

  g_set_object (&self->patient, patient);
  g_set_object (&self->pregnancy, pregnancy);
  set_dirty (self, FALSE);
  update_title (self);
  update_history (self);
  update_archive (self);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  cl_patient_page_save (CL_PATIENT_PAGE (widget));
}

static void
enrolment_saved_cb (CLPatientPage *self)
{
  update_enrolments (self);
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CLPatientPage *self = CL_PATIENT_PAGE (widget);
  CLEnrolmentDialog *dialog;

  if (self->patient == NULL)
    return;

  dialog = cl_enrolment_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                    cl_record_get_id (CL_RECORD (self->patient)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (enrolment_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_enrolment_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  CLPatientPage *self = CL_PATIENT_PAGE (widget);
  g_autoptr(CLRecord) enrolment = NULL;
  g_autoptr(GError) error = NULL;
  CLEnrolmentDialog *dialog;

  enrolment = cl_store_load_record (self->store, CL_TYPE_ENROLMENT,
                                    g_variant_get_string (param, NULL), &error);
  if (enrolment == NULL)
    {
      show_error (self, _("Enrolment Not Opened"), error->message);
      return;
    }

  dialog = cl_enrolment_dialog_new_cancel (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                           CL_ENROLMENT (enrolment));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (enrolment_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CLPatientPage    *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || self->patient == NULL)
    return;

  if (!cl_store_delete_record (self->store, CL_RECORD (self->patient), &error))
    {
      show_error (self, _("Patient Not Removed"), error->message);
      return;
    }
  set_dirty (self, FALSE);
  g_signal_emit (self, signals[REMOVED], 0);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CLPatientPage *self = CL_PATIENT_PAGE (widget);
  GtkWidget *dialog;

  if (self->patient == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Remove Patient?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s will no longer be listed in the roster. Her records are kept and an administrator can restore them."),
                                  cl_patient_get_name (self->patient));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cl_patient_page_dispose (GObject *object)
{
  CLPatientPage *self = CL_PATIENT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PATIENT_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->patient);
  g_clear_object (&self->pregnancy);

  G_OBJECT_CLASS (cl_patient_page_parent_class)->dispose (object);
}

/* Enrolling writes an enrolment: only whoever may write one. */
static void
context_role_cb (CLPatientPage *self)
{
  gboolean may = cl_context_may (self->context, CL_WRITE, "enrolment");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel-enrolment", may);
  update_enrol_button (self);
}

/* A scale filled on her page or elsewhere shows on her timeline. */
static void
scale_results_changed_cb (CLPatientPage *self)
{
  if (self->patient)
    cl_pregnancy_timeline_load (self->timeline, self->store, self->pregnancy);
}

static void
context_store_cb (CLPatientPage *self)
{
  cl_allergy_line_set_store (self->allergy_line, cl_context_get_store (self->context));
  if (g_set_object (&self->store, cl_context_get_store (self->context)) && self->store)
    g_signal_connect_object (self->store, "changed::scale_result", G_CALLBACK (scale_results_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
cl_patient_page_constructed (GObject *object)
{
  CLPatientPage *self = CL_PATIENT_PAGE (object);

  G_OBJECT_CLASS (cl_patient_page_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (context_role_cb), self, G_CONNECT_SWAPPED);
  /* Its parts follow the same context. */
  cl_patient_form_set_context (self->form, self->context);
  cl_document_list_set_context (self->document_list, self->context);
  cl_visit_plan_view_set_context (self->visit_plan, self->context);
  cl_order_list_set_context (self->order_list, self->context);
  cl_patient_section_set_context (CL_PATIENT_SECTION (self->scale_list), self->context);
  cl_patient_section_set_context (CL_PATIENT_SECTION (self->course_list), self->context);
  cl_patient_section_set_context (CL_PATIENT_SECTION (self->registration_list), self->context);
  cl_patient_section_set_context (CL_PATIENT_SECTION (self->usage_list), self->context);
  cl_patient_section_set_context (CL_PATIENT_SECTION (self->followup_list), self->context);
  cl_patient_section_set_context (CL_PATIENT_SECTION (self->alert_bar), self->context);
  cl_patient_section_set_context (CL_PATIENT_SECTION (self->nursing_section), self->context);
  context_store_cb (self);
  context_role_cb (self);
}

static void
cl_patient_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, CL_PATIENT_PAGE (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_patient_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      CL_PATIENT_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_patient_page_class_init (CLPatientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_patient_page_dispose;
  object_class->constructed = cl_patient_page_constructed;
  object_class->get_property = cl_patient_page_get_property;
  object_class->set_property = cl_patient_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CL_TYPE_PATIENT_FORM);
  g_type_ensure (CL_TYPE_PREGNANCY_TIMELINE);
  g_type_ensure (CL_TYPE_VISIT_PLAN_VIEW);
  g_type_ensure (CL_TYPE_ORDER_LIST);
  g_type_ensure (CL_TYPE_SCALE_LIST);
  g_type_ensure (CL_TYPE_COURSE_LIST);
  g_type_ensure (CL_TYPE_REGISTRATION_LIST);
  g_type_ensure (CL_TYPE_USAGE_LIST);
  g_type_ensure (CL_TYPE_FOLLOWUP_LIST);
  g_type_ensure (CL_TYPE_FOLLOWUP_ALERT_BAR);
  g_type_ensure (CL_TYPE_DOCUMENT_LIST);
  g_type_ensure (CL_TYPE_ALLERGY_LINE);
  g_type_ensure (CL_TYPE_NURSING_SECTION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/patient/cl-patient-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, box);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, title_widget);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, form);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, document_list);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, enrolment_list);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, enrol_button);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, visit_plan);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, order_list);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, scale_list);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, course_list);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, registration_list);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, usage_list);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, followup_list);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, alert_bar);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, allergy_line);
  gtk_widget_class_bind_template_child (widget_class, CLPatientPage, nursing_section);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visits_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "page.enrol", NULL, enrol_action);
  gtk_widget_class_install_action (widget_class, "page.cancel-enrolment", "s", cancel_enrolment_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "page.save", NULL);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "page.print", NULL);
}

static void
cl_patient_page_init (CLPatientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_dirty (self, FALSE);
  /* Reports open in the Archive view; PDFs dropped anywhere on the
   * page are filed for her. */
  cl_document_list_set_opens_archive (self->document_list, TRUE);
  cl_document_list_attach_drop_target (self->document_list, GTK_WIDGET (self));
}

gboolean
cl_patient_page_load (CLPatientPage  *self,
                      const char     *patient_id,
                      GError        **error)
{
  g_autoptr(CLRecord) patient = NULL;

  g_return_val_if_fail (CL_IS_PATIENT_PAGE (self), FALSE);
  g_return_val_if_fail (patient_id != NULL, FALSE);

  patient = cl_store_load_record (self->store, CL_TYPE_PATIENT, patient_id, error);
  if (patient == NULL)
    return FALSE;

  g_set_object (&self->patient, CL_PATIENT (patient));
  g_clear_object (&self->pregnancy);
  self->pregnancy = cl_patient_store_current_pregnancy (self->store, patient_id);

  cl_patient_form_load (self->form, self->patient, self->pregnancy);
  set_dirty (self, FALSE);
  update_title (self);
  update_history (self);
  update_enrolments (self);
  update_archive (self);
  cl_document_list_set_patient (self->document_list, patient_id);
  return TRUE;
}

const char *
cl_patient_page_get_patient_id (CLPatientPage *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_PAGE (self), NULL);
  return self->patient ? cl_record_get_id (CL_RECORD (self->patient)) : NULL;
}

CLPatientForm *
cl_patient_page_get_form (CLPatientPage *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_PAGE (self), NULL);
  return self->form;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CLPatientPage    *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      cl_patient_form_load (self->form, self->patient, self->pregnancy);
      set_dirty (self, FALSE);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
    }
  else if (g_strcmp0 (response, "save") == 0 && cl_patient_page_save (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
}

gboolean
cl_patient_page_can_leave (CLPatientPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (CL_IS_PATIENT_PAGE (self), TRUE);

  if (!self->dirty || self->patient == NULL)
    return TRUE;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Save Changes?"),
                                   _("The changes to this patient have not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

CLNursingSection *
cl_patient_page_get_nursing_section (CLPatientPage *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_PAGE (self), NULL);
  return self->nursing_section;
}

CLAllergyLine *
cl_patient_page_get_allergy_line (CLPatientPage *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_PAGE (self), NULL);
  return self->allergy_line;
}
