#define G_LOG_DOMAIN "cl-discharge-calls-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-cells.h"
#include "cl-date.h"
#include "cl-department.h"
#include "cl-discharge-call-dialog.h"
#include "cl-discharge-calls-page.h"
#include "cl-discharge-import-dialog.h"
#include "cl-discharge-store.h"
#include "cl-store-directory.h"
#include "cl-store-discharges.h"
#include "cl-store-save.h"
#include "cl-store-surveys.h"
#include "cl-survey-answer-dialog.h"
#include "cl-survey-store.h"

/* Closed calls stay on the list this long, for the week's review. */
#define DAYS_SHOWN 7

/* What the list shows of a discharge's call, gathered at reload. */
typedef struct
{
  ClDischargeCallState state;
  guint                no_answers;
  gint64               last_at;
  char                *last_by;
  gboolean             surveyed;   /* she gave survey answers */
} CallInfo;

static void
call_info_free (CallInfo *info)
{
  g_free (info->last_by);
  g_free (info);
}

struct _CLDischargeCallsPage
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel        *summary_label;
  GtkWidget       *import_button;
  GtkWidget       *call_button;
  GtkWidget       *survey_button;
  GtkStack        *list_stack;
  GtkColumnView   *column_view;

  /* owned */
  CLContext          *context;
  CLStore            *store;
  GListStore         *discharges;
  GtkSingleSelection *selection;
  GHashTable         *calls;         /* discharge id → CallInfo */
  GHashTable         *departments;   /* id → name */
  GtkWindow          *survey_dialog; /* weak */
};

G_DEFINE_FINAL_TYPE (CLDischargeCallsPage, cl_discharge_calls_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static CallInfo *
info_of (CLDischargeCallsPage *self,
         CLDischarge          *discharge)
{
  return g_hash_table_lookup (self->calls, cl_record_get_id (CL_RECORD (discharge)));
}

static void
reload (CLDischargeCallsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *today_iso = NULL;
  guint open = 0, due = 0;
  GDate today;

  g_hash_table_remove_all (self->calls);
  g_hash_table_remove_all (self->departments);
  if (self->store == NULL || !cl_context_may (self->context, CL_READ, "discharge"))
    {
      g_list_store_remove_all (self->discharges);
      gtk_label_set_label (self->summary_label, "");
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }
  cl_context_get_today (self->context, &today);
  today_iso = cl_date_to_iso (&today);
  departments = cl_store_departments (self->store, FALSE);
  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (departments, i);

      g_hash_table_insert (self->departments, g_strdup (cl_record_get_id (CL_RECORD (department))),
                           g_strdup (cl_department_get_name (department)));
    }
  rows = cl_store_discharge_worklist (self->store, cl_context_get_now (self->context) - DAYS_SHOWN * 86400);
  for (guint i = 0; i < rows->len; i++)
    {
      CLDischarge *discharge = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) attempts = cl_store_discharge_calls_of (self->store,
                                                                   cl_record_get_id (CL_RECORD (discharge)));
      CallInfo *info = g_new0 (CallInfo, 1);

      info->state = cl_discharge_call_state (attempts, NULL, &info->no_answers);
      if (info->state == CL_DISCHARGE_CALL_REACHED)
        {
          g_autoptr(GPtrArray) answers = cl_store_survey_answers_by (self->store, CL_SURVEY_KIND_DISCHARGE,
                                                                     cl_record_get_id (CL_RECORD (discharge)));

          info->surveyed = answers->len > 0;
        }
      if (attempts->len > 0)
        {
          CLDischargeCall *last = g_ptr_array_index (attempts, attempts->len - 1);

          info->last_at = cl_discharge_call_get_called_at (last);
          info->last_by = g_strdup (cl_discharge_call_get_caller (last));
        }
      if (info->state == CL_DISCHARGE_CALL_OPEN)
        {
          open++;
          if (g_strcmp0 (cl_discharge_get_call_due_on (discharge), today_iso) <= 0)
            due++;
        }
      g_hash_table_insert (self->calls, g_strdup (cl_record_get_id (CL_RECORD (discharge))), info);
    }
  g_list_store_splice (self->discharges, 0, g_list_model_get_n_items (G_LIST_MODEL (self->discharges)),
                       rows->pdata, rows->len);
  /* TRANSLATORS: the call list's summary: calls due today or before, and all still open */
  summary = g_strdup_printf (_("Due now: %u · Open: %u"), due, open);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->list_stack, rows->len ? "list" : "empty");
}

/* ---- columns --------------------------------------------------------- */

static char *
cell_text (CLDischargeCallsPage *self,
           CLDischarge          *discharge,
           ClDischargeColumn     column,
           gboolean             *flagged)
{
  CallInfo *info = info_of (self, discharge);
  const char *text = NULL;
  GDate today;

  *flagged = FALSE;
  cl_context_get_today (self->context, &today);
  switch (column)
    {
    case CL_DISCHARGE_COL_DUE:
      {
        g_autofree char *today_iso = cl_date_to_iso (&today);
        g_autofree char *day = cl_date_format_iso (cl_discharge_get_call_due_on (discharge), CL_DATE_SHORT, &today);
        gint order = g_strcmp0 (cl_discharge_get_call_due_on (discharge), today_iso);

        if (info == NULL || info->state != CL_DISCHARGE_CALL_OPEN || order > 0)
          return g_steal_pointer (&day);
        if (order == 0)
          /* TRANSLATORS: a call due today, "23 Nov, due today" */
          return g_strdup_printf (_("%s, due today"), day);
        *flagged = TRUE;
        /* TRANSLATORS: a call past the day it was due, "20 Nov, overdue" */
        return g_strdup_printf (_("%s, overdue"), day);
      }
    case CL_DISCHARGE_COL_NAME:
      text = cl_discharge_get_name (discharge);
      break;
    case CL_DISCHARGE_COL_PHONE:
      text = cl_discharge_get_phone (discharge);
      break;
    case CL_DISCHARGE_COL_DEPARTMENT:
      text = g_hash_table_lookup (self->departments, cl_discharge_get_department_id (discharge) ? cl_discharge_get_department_id (discharge) : "");
      break;
    case CL_DISCHARGE_COL_DISCHARGED:
      return cl_date_format_iso (cl_discharge_get_discharged_on (discharge), CL_DATE_SHORT, &today);
    case CL_DISCHARGE_COL_DIAGNOSIS:
      text = cl_discharge_get_diagnosis (discharge);
      break;
    case CL_DISCHARGE_COL_CALLS:
      if (info == NULL)
        return g_strdup ("");
      {
        g_autofree char *state = cl_discharge_call_state_label (info->state, info->no_answers);

        if (info->state != CL_DISCHARGE_CALL_REACHED)
          return g_steal_pointer (&state);
        /* TRANSLATORS: a reached call and whether she answered the
         * follow-up survey, "Reached · survey answered" */
        return g_strdup_printf (_("%s · %s"), state,
                                info->surveyed ? _("survey answered") : _("no survey answers"));
      }
    case CL_DISCHARGE_COL_LAST_CALL:
    default:
      if (info == NULL || info->last_at == 0)
        return g_strdup ("—");
      {
        g_autofree char *when = cl_date_format_time (info->last_at, CL_DATE_SHORT, &today);

        /* TRANSLATORS: the last call: when and by whom, "23 Nov 09:10 · wang" */
        return g_strdup_printf (_("%s · %s"), when, info->last_by ? info->last_by : "");
      }
    }
  return g_strdup (text ? text : "");
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CLDischargeCallsPage     *self)
{
  ClDischargeColumn column = cl_cells_column_index (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  gboolean flagged;

  text = cell_text (self, gtk_list_item_get_item (item), column, &flagged);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  /* Red, and said in words too ("overdue"). */
  if (flagged)
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_remove_css_class (label, "heading");
    }
}

static void
add_columns (CLDischargeCallsPage *self)
{
  const char *titles[CL_DISCHARGE_N_COLUMNS] = {
    _("Call Due"), _("Name"), _("Phone"), _("Department"), _("Discharged"), _("Diagnosis"), _("Calls"),
    _("Last Call"),
  };

  cl_cells_append_columns (self->column_view, titles, CL_DISCHARGE_N_COLUMNS, G_CALLBACK (cl_cells_setup_text),
                           G_CALLBACK (bind_cb), self, 1u << CL_DISCHARGE_COL_DIAGNOSIS);
}

/* ---- actions --------------------------------------------------------- */

static gboolean
is_open (CLDischargeCallsPage *self,
         CLDischarge          *discharge)
{
  CallInfo *info = discharge ? info_of (self, discharge) : NULL;

  return info != NULL && info->state == CL_DISCHARGE_CALL_OPEN;
}

/* The campaign a reached call's answers go to (the one of her call's
 * quarter), or NULL when she is not reached, answered already or there
 * is none. */
static CLSurveyCampaign *
survey_campaign_of (CLDischargeCallsPage *self,
                    CLDischarge          *discharge)
{
  CallInfo *info = discharge ? info_of (self, discharge) : NULL;

  if (info == NULL || info->state != CL_DISCHARGE_CALL_REACHED || info->surveyed || self->store == NULL)
    return NULL;
  return cl_survey_store_discharge_campaign (self->store, info->last_at);
}

/* Shown only while a follow-up survey is open, so that it is never a
 * button that can do nothing; Record Call… says why otherwise. */
static void
update_survey_button (CLDischargeCallsPage *self,
                      CLDischarge          *discharge)
{
  g_autoptr(CLSurveyCampaign) current = NULL;
  g_autoptr(CLSurveyCampaign) campaign = NULL;
  gboolean may = self->store != NULL && cl_context_may (self->context, CL_WRITE, "survey_answer");

  if (may)
    current = cl_survey_store_discharge_campaign (self->store, cl_context_get_now (self->context));
  if (may)
    campaign = survey_campaign_of (self, discharge);
  gtk_widget_set_visible (self->survey_button, current != NULL);
  gtk_widget_set_sensitive (self->survey_button, campaign != NULL);
}

static void
update_buttons (CLDischargeCallsPage *self)
{
  CLDischarge *discharge = gtk_single_selection_get_selected_item (self->selection);

  gtk_widget_set_sensitive (self->import_button,
                            self->store != NULL && cl_context_may (self->context, CL_WRITE, "discharge"));
  gtk_widget_set_sensitive (self->call_button,
                            cl_context_may (self->context, CL_WRITE, "discharge_call") && is_open (self, discharge));
  update_survey_button (self, discharge);
}

static void
survey_saved_cb (CLDischargeCallsPage *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Survey answers recorded")));
}

static GtkWindow *
open_survey (CLDischargeCallsPage *self,
             CLSurveyCampaign     *campaign,
             const char           *discharge_id)
{
  g_autoptr(CLDischarge) discharge = NULL;
  CLSurveyAnswerDialog *survey;

  if (self->store == NULL || !(discharge = cl_store_load_live (self->store, CL_TYPE_DISCHARGE, discharge_id)))
    return NULL;
  survey = cl_survey_answer_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                        campaign);
  cl_survey_answer_dialog_set_respondent (survey, CL_SURVEY_KIND_DISCHARGE, discharge_id,
                                          cl_discharge_get_department_id (discharge));
  cl_survey_answer_dialog_set_channel (survey, "phone");
  g_signal_connect_object (survey, "saved", G_CALLBACK (survey_saved_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->survey_dialog, GTK_WINDOW (survey));
  gtk_window_present (GTK_WINDOW (survey));
  return GTK_WINDOW (survey);
}

static void
saved_cb (CLDischargeCallDialog *dialog,
          const char            *discharge_id,
          CLDischargeCallsPage  *self)
{
  CLSurveyCampaign *campaign = cl_discharge_call_dialog_get_survey (dialog);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Call recorded")));
  /* Her answers were given on the call just recorded. */
  if (campaign)
    open_survey (self, campaign, discharge_id);
}

GtkWindow *
cl_discharge_calls_page_open_survey (CLDischargeCallsPage *self,
                                     guint                 i)
{
  g_autoptr(CLDischarge) discharge = NULL;
  g_autoptr(CLSurveyCampaign) campaign = NULL;

  g_return_val_if_fail (CL_IS_DISCHARGE_CALLS_PAGE (self), NULL);

  discharge = g_list_model_get_item (G_LIST_MODEL (self->discharges), i);
  if (discharge == NULL || !cl_context_may (self->context, CL_WRITE, "survey_answer") ||
      !(campaign = survey_campaign_of (self, discharge)))
    return NULL;
  return open_survey (self, campaign, cl_record_get_id (CL_RECORD (discharge)));
}

static void
survey_clicked_cb (CLDischargeCallsPage *self)
{
  guint i = gtk_single_selection_get_selected (self->selection);

  if (i != GTK_INVALID_LIST_POSITION)
    cl_discharge_calls_page_open_survey (self, i);
}

GtkWindow *
cl_discharge_calls_page_get_survey_dialog (CLDischargeCallsPage *self)
{
  g_return_val_if_fail (CL_IS_DISCHARGE_CALLS_PAGE (self), NULL);
  return self->survey_dialog;
}

GtkWindow *
cl_discharge_calls_page_open_import (CLDischargeCallsPage *self)
{
  CLDischargeImportDialog *dialog;

  g_return_val_if_fail (CL_IS_DISCHARGE_CALLS_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;
  dialog = cl_discharge_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
cl_discharge_calls_page_open_call (CLDischargeCallsPage *self,
                                   guint                 i)
{
  g_autoptr(CLDischarge) discharge = NULL;
  CLDischargeCallDialog *dialog;

  g_return_val_if_fail (CL_IS_DISCHARGE_CALLS_PAGE (self), NULL);

  discharge = g_list_model_get_item (G_LIST_MODEL (self->discharges), i);
  if (discharge == NULL || !is_open (self, discharge))
    return NULL;
  dialog = cl_discharge_call_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                         discharge);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
import_clicked_cb (CLDischargeCallsPage *self)
{
  cl_discharge_calls_page_open_import (self);
}

static void
call_clicked_cb (CLDischargeCallsPage *self)
{
  guint i = gtk_single_selection_get_selected (self->selection);

  if (i != GTK_INVALID_LIST_POSITION)
    cl_discharge_calls_page_open_call (self, i);
}

static void
row_activated_cb (CLDischargeCallsPage *self,
                  guint                 position)
{
  if (cl_context_may (self->context, CL_WRITE, "discharge_call"))
    cl_discharge_calls_page_open_call (self, position);
}

/* ---- the context ----------------------------------------------------- */

static void
store_changed_cb (CLDischargeCallsPage *self)
{
  reload (self);
  update_buttons (self);
}

static void
context_changed_cb (CLDischargeCallsPage *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (store != self->store)
    {
      if (self->store)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store)
        {
          g_signal_connect_object (store, "changed::discharge", G_CALLBACK (store_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (store, "changed::discharge_call", G_CALLBACK (store_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          /* Whether a reached call's survey was answered, here or synced. */
          g_signal_connect_object (store, "changed::survey_answer", G_CALLBACK (store_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), cl_context_may (self->context, CL_READ, "discharge"));
  store_changed_cb (self);
}

static void
cl_discharge_calls_page_constructed (GObject *object)
{
  CLDischargeCallsPage *self = CL_DISCHARGE_CALLS_PAGE (object);

  G_OBJECT_CLASS (cl_discharge_calls_page_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  context_changed_cb (self);
}

static void
cl_discharge_calls_page_dispose (GObject *object)
{
  CLDischargeCallsPage *self = CL_DISCHARGE_CALLS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_DISCHARGE_CALLS_PAGE);
  g_clear_weak_pointer (&self->survey_dialog);
  g_clear_object (&self->selection);
  g_clear_object (&self->discharges);
  g_clear_pointer (&self->calls, g_hash_table_unref);
  g_clear_pointer (&self->departments, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_discharge_calls_page_parent_class)->dispose (object);
}

static void
cl_discharge_calls_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CLDischargeCallsPage *self = CL_DISCHARGE_CALLS_PAGE (object);

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
cl_discharge_calls_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CLDischargeCallsPage *self = CL_DISCHARGE_CALLS_PAGE (object);

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
cl_discharge_calls_page_class_init (CLDischargeCallsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cl_discharge_calls_page_constructed;
  object_class->dispose = cl_discharge_calls_page_dispose;
  object_class->set_property = cl_discharge_calls_page_set_property;
  object_class->get_property = cl_discharge_calls_page_get_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/careline/Careline/ui/desk/cl-discharge-calls-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CLDischargeCallsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLDischargeCallsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CLDischargeCallsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, CLDischargeCallsPage, call_button);
  gtk_widget_class_bind_template_child (widget_class, CLDischargeCallsPage, survey_button);
  gtk_widget_class_bind_template_child (widget_class, CLDischargeCallsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CLDischargeCallsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, call_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, survey_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_discharge_calls_page_init (CLDischargeCallsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->calls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) call_info_free);
  self->departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->discharges = g_list_store_new (CL_TYPE_DISCHARGE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->discharges)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_buttons), self,
                           G_CONNECT_SWAPPED);
  add_columns (self);
}

GtkWidget *
cl_discharge_calls_page_new (CLContext *context)
{
  return g_object_new (CL_TYPE_DISCHARGE_CALLS_PAGE, "context", context, NULL);
}

guint
cl_discharge_calls_page_get_n_rows (CLDischargeCallsPage *self)
{
  g_return_val_if_fail (CL_IS_DISCHARGE_CALLS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->discharges));
}

char *
cl_discharge_calls_page_dup_cell (CLDischargeCallsPage *self,
                                  guint                 i,
                                  ClDischargeColumn     column,
                                  gboolean             *flagged)
{
  g_autoptr(CLDischarge) discharge = NULL;
  gboolean unused;

  g_return_val_if_fail (CL_IS_DISCHARGE_CALLS_PAGE (self), NULL);

  discharge = g_list_model_get_item (G_LIST_MODEL (self->discharges), i);
  if (discharge == NULL)
    return NULL;
  return cell_text (self, discharge, column, flagged ? flagged : &unused);
}

const char *
cl_discharge_calls_page_get_summary (CLDischargeCallsPage *self)
{
  g_return_val_if_fail (CL_IS_DISCHARGE_CALLS_PAGE (self), NULL);
  return gtk_label_get_label (self->summary_label);
}
