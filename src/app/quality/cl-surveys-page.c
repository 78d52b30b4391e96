#define G_LOG_DOMAIN "cl-surveys-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-cells.h"
#include "cl-store-surveys.h"
#include "cl-survey-answer-dialog.h"
#include "cl-survey-campaign-dialog.h"
#include "cl-survey-catalog.h"
#include "cl-survey-chart.h"
#include "cl-survey-link-dialog.h"
#include "cl-survey-store.h"
#include "cl-surveys-page.h"
#include "cl-surveys-page-private.h"

G_DEFINE_FINAL_TYPE (CLSurveysPage, cl_surveys_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- the results of the selected campaign's survey -------------------- */

static void
show_trend (CLSurveysPage *self)
{
  const CLSurveyDepartmentResult *department;
  g_auto(GStrv) quarters = NULL;
  g_autofree char *title = NULL;
  gint means[4];

  if (self->results == NULL || cl_survey_results_get_template (self->results) == NULL)
    return;
  department = cl_survey_results_lookup (self->results, self->department_key ? self->department_key : "");
  cl_survey_results_trend (self->store, cl_survey_template_get_id (cl_survey_results_get_template (self->results)),
                           self->quarter, department ? department->key : "", means, &quarters);
  /* TRANSLATORS: the chart's title: a department, then what is drawn */
  title = g_strdup_printf (_("%s: mean mark, last four quarters"),
                           department ? department->label : _("All departments"));
  cl_survey_chart_set_data (CL_SURVEY_CHART (self->chart), title, means, (const char * const *) quarters);
}

static void
load_results (CLSurveysPage *self)
{
  CLSurveyCampaign *campaign = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_object_unref);
  CLSurveyTemplate *template;

  g_clear_pointer (&self->results, cl_survey_results_free);
  g_list_store_remove_all (self->result_rows);
  template = campaign ? cl_survey_catalog_lookup (cl_survey_campaign_get_template_id (campaign)) : NULL;
  if (campaign == NULL || self->store == NULL || template == NULL)
    {
      gtk_stack_set_visible_child_name (self->results_stack, "none");
      return;
    }
  self->results = cl_survey_results_compute (self->store, cl_survey_template_get_id (template), self->quarter);
  for (guint i = 0; i < cl_survey_results_get_n_departments (self->results); i++)
    g_ptr_array_add (keys, gtk_string_object_new (cl_survey_results_get_department (self->results, i)->key));
  g_list_store_splice (self->result_rows, 0, 0, keys->pdata, keys->len);
  {
    g_autofree char *heading = g_strdup_printf ("%s · %s", cl_survey_template_get_title (template, NULL),
                                                gtk_label_get_label (self->quarter_label));

    gtk_label_set_label (self->results_title, heading);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->anonymity_note), cl_survey_results_get_anonymous (self->results));
  gtk_stack_set_visible_child_name (self->results_stack, "results");
  show_trend (self);
}

static void
result_selected_cb (CLSurveysPage *self)
{
  GtkStringObject *key = gtk_single_selection_get_selected_item (self->result_selection);

  g_free (self->department_key);
  self->department_key = g_strdup (key ? gtk_string_object_get_string (key) : "");
  show_trend (self);
}

/* ---- the campaigns ----------------------------------------------------- */

static void
reload (CLSurveysPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *label = cl_survey_quarter_label (self->quarter);
  g_autofree char *current = cl_survey_quarter_of (cl_context_get_now (self->context));
  g_autofree char *summary = NULL;
  g_autofree char *selected_id = NULL;
  CLSurveyCampaign *selected = gtk_single_selection_get_selected_item (self->selection);
  guint open = 0, position = GTK_INVALID_LIST_POSITION;

  if (selected)
    selected_id = g_strdup (cl_record_get_id (CL_RECORD (selected)));
  gtk_label_set_label (self->quarter_label, label);
  gtk_widget_set_sensitive (self->this_quarter_button, g_strcmp0 (current, self->quarter) != 0);
  g_hash_table_remove_all (self->counts);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->campaigns);
      return;
    }
  rows = cl_store_survey_campaigns_of_quarter (self->store, self->quarter);
  for (guint i = 0; i < rows->len; i++)
    {
      CLSurveyCampaign *campaign = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) answers = cl_store_survey_answers_of_campaign (self->store,
                                                                          cl_record_get_id (CL_RECORD (campaign)));

      g_hash_table_insert (self->counts, g_strdup (cl_record_get_id (CL_RECORD (campaign))),
                           GUINT_TO_POINTER (answers->len));
      open += cl_survey_campaign_is_open (campaign);
      if (selected_id && g_str_equal (selected_id, cl_record_get_id (CL_RECORD (campaign))))
        position = i;
    }
  g_list_store_splice (self->campaigns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)),
                       rows->pdata, rows->len);
  /* TRANSLATORS: a quarter's survey campaigns: how many, how many still open */
  summary = g_strdup_printf (_("Campaigns: %u · Open: %u"), rows->len, open);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->list_stack, rows->len ? "list" : "empty");
  gtk_single_selection_set_selected (self->selection, position != GTK_INVALID_LIST_POSITION ? position
                                                      : rows->len ? 0 : GTK_INVALID_LIST_POSITION);
  load_results (self);
}

typedef enum { COL_TITLE, COL_SURVEY, COL_PROGRESS, COL_ANONYMOUS, COL_STATUS, N_COLUMNS } Column;

static char *
cell_text (CLSurveysPage    *self,
           CLSurveyCampaign *campaign,
           Column            column)
{
  CLSurveyTemplate *template;
  guint answers, target;

  switch (column)
    {
    case COL_TITLE:
      return g_strdup (cl_survey_campaign_get_title (campaign));
    case COL_SURVEY:
      template = cl_survey_catalog_lookup (cl_survey_campaign_get_template_id (campaign));
      return g_strdup (template ? cl_survey_template_get_title (template, NULL)
                                : cl_survey_campaign_get_template_id (campaign));
    case COL_PROGRESS:
      answers = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, cl_record_get_id (CL_RECORD (campaign))));
      target = MAX (cl_survey_campaign_get_target (campaign), 1);
      /* TRANSLATORS: a campaign's progress: answers of the target, and the share */
      return g_strdup_printf (_("%u of %u (%u%%)"), answers, target, answers * 100 / target);
    case COL_ANONYMOUS:
      return g_strdup (cl_survey_campaign_get_anonymous (campaign) ? _("Anonymous") : "—");
    case COL_STATUS:
    default:
      return g_strdup (cl_survey_campaign_status_label (cl_survey_campaign_get_status (campaign)));
    }
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CLSurveysPage            *self)
{
  Column column = cl_cells_column_index (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), column);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

typedef enum { RES_DEPARTMENT, RES_ANSWERS, RES_MEAN, RES_SATISFIED, RES_YES, N_RESULT_COLUMNS } ResultColumn;

static char *
result_text (CLSurveysPage *self,
             const char    *key,
             ResultColumn   column)
{
  const CLSurveyDepartmentResult *department = self->results ? cl_survey_results_lookup (self->results, key) : NULL;

  if (department == NULL)
    return g_strdup ("");
  switch (column)
    {
    case RES_DEPARTMENT:
      return g_strdup (department->label);
    case RES_ANSWERS:
      return g_strdup_printf ("%u", department->n_answers);
    case RES_MEAN:
      if (department->withheld)
        return g_strdup_printf (_("Fewer than %d answers"), CL_SURVEY_MIN_ANONYMOUS);
      return cl_survey_format_tenths (department->mean_tenths);
    case RES_SATISFIED:
      return department->withheld ? g_strdup ("—") : cl_survey_format_permille (department->satisfied_permille);
    case RES_YES:
    default:
      return department->withheld ? g_strdup ("—") : cl_survey_format_permille (department->yes_permille);
    }
}

static void
result_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CLSurveysPage            *self)
{
  ResultColumn column = cl_cells_column_index (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = result_text (self, gtk_string_object_get_string (gtk_list_item_get_item (item)), column);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
add_columns (CLSurveysPage *self)
{
  const char *titles[N_COLUMNS] = {
    _("Title"), _("Survey"), _("Answers"), _("Anonymous"), C_("survey campaign", "Status"),
  };
  const char *result_titles[N_RESULT_COLUMNS] = {
    _("Department"), _("Answers"), _("Mean mark (1–5)"), _("Satisfied (4–5)"), _("Yes"),
  };

  cl_cells_append_columns (self->column_view, titles, N_COLUMNS, G_CALLBACK (cl_cells_setup_text),
                           G_CALLBACK (bind_cb), self, 1u << COL_TITLE);
  cl_cells_append_columns (self->results_view, result_titles, N_RESULT_COLUMNS, G_CALLBACK (cl_cells_setup_text),
                           G_CALLBACK (result_bind_cb), self, 1u << RES_DEPARTMENT);
}

/* ---- actions ----------------------------------------------------------- */

static void
update_buttons (CLSurveysPage *self)
{
  CLSurveyCampaign *campaign = gtk_single_selection_get_selected_item (self->selection);
  gboolean open = campaign && cl_survey_campaign_is_open (campaign);
  CLSyncClient *client = cl_context_get_sync_client (self->context);
  gboolean has_server = client != NULL && cl_sync_client_get_server_url (client) != NULL;

  gtk_widget_set_sensitive (self->new_button,
                            self->store && cl_context_may (self->context, CL_WRITE, "survey_campaign"));
  gtk_widget_set_sensitive (self->answer_button,
                            open && cl_context_may (self->context, CL_WRITE, "survey_answer"));
  /* Links come from the server. */
  gtk_widget_set_sensitive (self->link_button,
                            open && has_server && cl_context_may (self->context, CL_WRITE, "survey_answer"));
  gtk_widget_set_tooltip_text (self->link_button,
                               has_server ? _("Make a link a patient opens on her phone to answer the survey")
                                          : _("Links for her phone come from a server, and this desk works without one"));
  gtk_widget_set_sensitive (self->close_button,
                            open && cl_context_may (self->context, CL_WRITE, "survey_campaign"));
  cl_surveys_page_update_export (self);
}

static void
selection_changed_cb (CLSurveysPage *self)
{
  update_buttons (self);
  load_results (self);
}

static void
saved_cb (CLSurveysPage *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Saved")));
}

GtkWindow *
cl_surveys_page_open_new (CLSurveysPage *self)
{
  CLSurveyCampaignDialog *dialog;

  g_return_val_if_fail (CL_IS_SURVEYS_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;
  dialog = cl_survey_campaign_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                          self->quarter);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
cl_surveys_page_open_answer (CLSurveysPage *self)
{
  CLSurveyCampaign *campaign;
  CLSurveyAnswerDialog *dialog;

  g_return_val_if_fail (CL_IS_SURVEYS_PAGE (self), NULL);

  campaign = gtk_single_selection_get_selected_item (self->selection);
  if (campaign == NULL || self->store == NULL)
    return NULL;
  dialog = cl_survey_answer_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                        campaign);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
cl_surveys_page_open_link (CLSurveysPage *self)
{
  CLSurveyCampaign *campaign;
  CLSurveyLinkDialog *dialog;

  g_return_val_if_fail (CL_IS_SURVEYS_PAGE (self), NULL);

  campaign = gtk_single_selection_get_selected_item (self->selection);
  if (campaign == NULL || self->store == NULL)
    return NULL;
  dialog = cl_survey_link_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                      campaign);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
link_clicked_cb (CLSurveysPage *self)
{
  cl_surveys_page_open_link (self);
}

gboolean
cl_surveys_page_close_selected (CLSurveysPage *self)
{
  g_autoptr(CLSurveyCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CL_IS_SURVEYS_PAGE (self), FALSE);

  /* Held: the save reloads the list, which lets go of its rows. */
  campaign = gtk_single_selection_get_selected_item (self->selection);
  if (campaign)
    g_object_ref (campaign);
  if (campaign == NULL || self->store == NULL)
    return FALSE;
  if (!cl_survey_store_close_campaign (self->store, campaign, cl_context_get_role (self->context), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Campaign closed")));
  return TRUE;
}

static void
new_clicked_cb (CLSurveysPage *self)
{
  cl_surveys_page_open_new (self);
}

static void
answer_clicked_cb (CLSurveysPage *self)
{
  cl_surveys_page_open_answer (self);
}

static void
close_clicked_cb (CLSurveysPage *self)
{
  cl_surveys_page_close_selected (self);
}

static void
row_activated_cb (CLSurveysPage *self,
                  guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (gtk_widget_get_sensitive (self->answer_button))
    cl_surveys_page_open_answer (self);
}

static void
move_quarter (CLSurveysPage *self,
              gint           steps)
{
  g_autofree char *quarter = NULL;

  if (steps == 0)
    quarter = cl_survey_quarter_of (cl_context_get_now (self->context));
  else
    quarter = cl_survey_quarter_add (self->quarter, steps);
  cl_surveys_page_set_quarter (self, quarter);
}

static void
previous_clicked_cb (CLSurveysPage *self)
{
  move_quarter (self, -1);
}

static void
next_clicked_cb (CLSurveysPage *self)
{
  move_quarter (self, 1);
}

static void
this_quarter_clicked_cb (CLSurveysPage *self)
{
  move_quarter (self, 0);
}

/* ---- the context ------------------------------------------------------- */

static void
context_changed_cb (CLSurveysPage *self)
{
  CLStore *store = cl_context_get_store (self->context);
  const char * const tables[] = { "survey_campaign", "survey_answer", "department" };

  if (store != self->store)
    {
      if (self->store)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      for (guint i = 0; store && i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);

          g_signal_connect_object (store, signal, G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
        }
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), cl_context_may (self->context, CL_READ, "survey_campaign"));
  reload (self);
  update_buttons (self);
}

static void
sync_client_changed_cb (CLSurveysPage *self)
{
  CLSyncClient *client = cl_context_get_sync_client (self->context);

  if (client)
    g_signal_connect_object (client, "notify::server-url", G_CALLBACK (update_buttons), self, G_CONNECT_SWAPPED);
  update_buttons (self);
}

static void
cl_surveys_page_constructed (GObject *object)
{
  CLSurveysPage *self = CL_SURVEYS_PAGE (object);

  G_OBJECT_CLASS (cl_surveys_page_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  self->quarter = cl_survey_quarter_of (cl_context_get_now (self->context));
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::sync-client", G_CALLBACK (sync_client_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sync_client_changed_cb (self);
  context_changed_cb (self);
}

static void
cl_surveys_page_dispose (GObject *object)
{
  CLSurveysPage *self = CL_SURVEYS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SURVEYS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->result_selection);
  g_clear_object (&self->result_rows);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->results, cl_survey_results_free);
  g_clear_pointer (&self->quarter, g_free);
  g_clear_pointer (&self->department_key, g_free);
  G_OBJECT_CLASS (cl_surveys_page_parent_class)->dispose (object);
}

static void
cl_surveys_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CLSurveysPage *self = CL_SURVEYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_surveys_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CLSurveysPage *self = CL_SURVEYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_surveys_page_class_init (CLSurveysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cl_surveys_page_constructed;
  object_class->dispose = cl_surveys_page_dispose;
  object_class->set_property = cl_surveys_page_set_property;
  object_class->get_property = cl_surveys_page_get_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_SURVEY_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/quality/cl-surveys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, quarter_label);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, this_quarter_button);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, answer_button);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, link_button);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, results_title);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, anonymity_note);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, CLSurveysPage, chart);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, answer_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, this_quarter_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cl_surveys_page_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cl_surveys_page_print_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_surveys_page_init (CLSurveysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->campaigns = g_list_store_new (CL_TYPE_SURVEY_CAMPAIGN);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->campaigns)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->result_rows = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->result_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->result_rows)));
  gtk_single_selection_set_autoselect (self->result_selection, TRUE);
  gtk_column_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->result_selection));
  g_signal_connect_object (self->result_selection, "selection-changed", G_CALLBACK (result_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->result_selection, "notify::selected", G_CALLBACK (result_selected_cb), self,
                           G_CONNECT_SWAPPED);
  add_columns (self);
}

GtkWidget *
cl_surveys_page_new (CLContext *context)
{
  return g_object_new (CL_TYPE_SURVEYS_PAGE, "context", context, NULL);
}

const char *
cl_surveys_page_get_quarter (CLSurveysPage *self)
{
  g_return_val_if_fail (CL_IS_SURVEYS_PAGE (self), NULL);
  return self->quarter;
}

void
cl_surveys_page_set_quarter (CLSurveysPage *self,
                             const char    *quarter)
{
  g_return_if_fail (CL_IS_SURVEYS_PAGE (self));

  if (!cl_survey_quarter_parse (quarter, NULL, NULL))
    return;
  g_free (self->quarter);
  self->quarter = g_strdup (quarter);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  reload (self);
  update_buttons (self);
}

guint
cl_surveys_page_get_n_rows (CLSurveysPage *self)
{
  g_return_val_if_fail (CL_IS_SURVEYS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->campaigns));
}

CLSurveyCampaign *
cl_surveys_page_get_campaign (CLSurveysPage *self,
                              guint          i)
{
  CLSurveyCampaign *campaign;

  g_return_val_if_fail (CL_IS_SURVEYS_PAGE (self), NULL);
  campaign = g_list_model_get_item (G_LIST_MODEL (self->campaigns), i);
  /* The list holds its own reference. */
  if (campaign)
    g_object_unref (campaign);
  return campaign;
}

guint
cl_surveys_page_get_n_answers (CLSurveysPage *self,
                               guint          i)
{
  CLSurveyCampaign *campaign = cl_surveys_page_get_campaign (self, i);

  return campaign ? GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, cl_record_get_id (CL_RECORD (campaign))))
                  : 0;
}

void
cl_surveys_page_select (CLSurveysPage *self,
                        guint          i)
{
  g_return_if_fail (CL_IS_SURVEYS_PAGE (self));
  gtk_single_selection_set_selected (self->selection, i);
}

CLSurveyResults *
cl_surveys_page_get_results (CLSurveysPage *self)
{
  g_return_val_if_fail (CL_IS_SURVEYS_PAGE (self), NULL);
  return self->results;
}

void
cl_surveys_page_select_department (CLSurveysPage *self,
                                   const char    *key)
{
  g_return_if_fail (CL_IS_SURVEYS_PAGE (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->result_rows)); i++)
    {
      g_autoptr(GtkStringObject) row = g_list_model_get_item (G_LIST_MODEL (self->result_rows), i);

      if (g_strcmp0 (gtk_string_object_get_string (row), key) == 0)
        gtk_single_selection_set_selected (self->result_selection, i);
    }
}

GtkWidget *
cl_surveys_page_get_chart (CLSurveysPage *self)
{
  g_return_val_if_fail (CL_IS_SURVEYS_PAGE (self), NULL);
  return self->chart;
}
