#define G_LOG_DOMAIN "cl-surveys-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-export.h"
#include "cl-survey-print-operation.h"
#include "cl-surveys-page-private.h"

/* The Surveys page's CSV export of the results shown, and the printed
 * report of the department selected in them. */

void
cl_surveys_page_update_export (CLSurveysPage *self)
{
  gboolean shown = self->results != NULL && cl_survey_results_get_template (self->results) != NULL;

  gtk_widget_set_sensitive (self->export_button, shown);
  gtk_widget_set_sensitive (self->print_button, shown);
}

static gboolean
write_csv (gpointer     data,
           const char  *path,
           GError     **error)
{
  return g_file_set_contents (path, data, -1, error);
}

void
cl_surveys_page_export_clicked_cb (CLSurveysPage *self)
{
  CLSurveyTemplate *template;
  g_autofree char *name = NULL;

  if (self->results == NULL || (template = cl_survey_results_get_template (self->results)) == NULL)
    return;
  /* TRANSLATORS: the CSV file proposed; the survey's id and the quarter */
  name = g_strdup_printf (_("survey-%s-%s.csv"), cl_survey_template_get_id (template), self->quarter);
  cl_export_run (GTK_WIDGET (self), _("Export Survey Results"), name, _("CSV files"), "text/csv",
                 _("The results could not be exported"), write_csv,
                 cl_survey_results_to_csv (self->results), g_free);
}

void
cl_surveys_page_print_clicked_cb (CLSurveysPage *self)
{
  CLSurveyTemplate *template;
  g_autoptr(GError) error = NULL;

  if (self->results == NULL || (template = cl_survey_results_get_template (self->results)) == NULL)
    return;
  if (!cl_survey_print_run (cl_survey_report_new (self->store, cl_survey_template_get_id (template), self->quarter,
                                                  self->department_key, cl_context_get_now (self->context)),
                            GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error) && error)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}
