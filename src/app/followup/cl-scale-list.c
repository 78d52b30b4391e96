#define G_LOG_DOMAIN "cl-scale-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-scale-catalog.h"
#include "cl-scale-dialog.h"
#include "cl-scale-link-dialog.h"
#include "cl-scale-list.h"
#include "cl-scale-record.h"
#include "cl-scale-trend.h"
#include "cl-store-followup.h"
#include "cl-sync-client.h"
#include "cl-tables.h"

struct _CLScaleList
{
  CLPatientSection     parent_instance;

  /* template widgets */
  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkWidget           *link_button;
  GtkBox              *trends_box;

  /* owned */
  char                *pregnancy_id;
  guint                n_results;
  guint                n_trends;
};

G_DEFINE_FINAL_TYPE (CLScaleList, cl_scale_list, CL_TYPE_PATIENT_SECTION)

static GtkWidget *
result_row (CLScaleRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  CLScale *scale = cl_scale_lookup (cl_scale_record_get_scale_id (record));
  g_autoptr(CLScaleResult) result = cl_scale_record_score (record, NULL);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (cl_scale_record_get_filled_at (record));
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  /* Translators: a date as g_date_time_format() takes it */
  g_autofree char *date = local ? g_date_time_format (local, C_("scale result", "%d %b %Y")) : g_strdup ("");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a scale's title and the total of her answers */
  title = g_strdup_printf (_("%s: %d"), scale ? cl_scale_get_title (scale, NULL) : cl_scale_record_get_scale_id (record),
                           cl_scale_record_get_total (record));
  /* Translators: a result's band, the day it was filled and how */
  subtitle = g_strdup_printf (_("%s · %s · %s"),
                              result ? cl_scale_result_get_band_label (result, NULL) : "",
                              date, cl_scale_source_label (cl_scale_record_get_source (record)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  for (guint i = 0; result && i < cl_scale_result_get_n_flags (result); i++)
    {
      const CLScaleFlag *flag = cl_scale_result_get_flag (result, i);
      GtkWidget *label = gtk_label_new (cl_local_text_get (flag->rule->label, NULL));

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (result && cl_scale_result_get_positive (result))
    {
      GtkWidget *label = gtk_label_new (_("Positive screen"));

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

/* Her link comes from the server: offered with one, to who may fill
 * her scales, and saying why not otherwise. */
static void
update_link_action (CLScaleList *self)
{
  CLContext *context = cl_patient_section_get_context (CL_PATIENT_SECTION (self));
  CLSyncClient *client = context ? cl_context_get_sync_client (context) : NULL;
  gboolean has_server = client != NULL && cl_sync_client_get_server_url (client) != NULL;
  gboolean may = context != NULL && cl_tables_can_write (cl_context_get_role (context), "scale_result");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scales.send-link",
                                 cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self)) != NULL &&
                                 has_server && may);
  gtk_widget_set_tooltip_text (self->link_button,
                               !has_server ? _("Links for her phone come from a server, and this desk works without one")
                               : _("Make a link she opens on her phone to fill in a scale herself"));
}

/* One chart per scale she filled more than once, in the order of the
 * scales in force. */
static void
show_trends (CLScaleList *self,
             GPtrArray   *results)
{
  g_autoptr(GHashTable) by_scale = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  const char * const *ids = cl_scale_catalog_ids ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trends_box))))
    gtk_box_remove (self->trends_box, child);
  self->n_trends = 0;
  for (guint i = 0; results && i < results->len; i++)
    {
      CLScaleRecord *record = g_ptr_array_index (results, i);
      const char *id = cl_scale_record_get_scale_id (record);
      GPtrArray *records;

      if (id == NULL)
        continue;
      if (!(records = g_hash_table_lookup (by_scale, id)))
        g_hash_table_insert (by_scale, (gpointer) id, records = g_ptr_array_new ());
      g_ptr_array_add (records, record);
    }
  for (guint i = 0; ids[i]; i++)
    {
      GPtrArray *records = g_hash_table_lookup (by_scale, ids[i]);
      GtkWidget *trend;

      if (records == NULL || records->len < 2)
        continue;
      trend = cl_scale_trend_new (cl_scale_lookup (ids[i]), records);
      gtk_widget_add_css_class (trend, "card");
      gtk_box_append (self->trends_box, trend);
      self->n_trends++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->trends_box), self->n_trends > 0);
}

void
cl_scale_list_reload (CLScaleList *self)
{
  CLContext *context = cl_patient_section_get_context (CL_PATIENT_SECTION (self));
  CLStore *store = cl_patient_section_get_store (CL_PATIENT_SECTION (self));
  const char *patient_id = cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self));
  g_autoptr(GPtrArray) results = NULL;
  GtkWidget *child;

  g_return_if_fail (CL_IS_SCALE_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  self->n_results = 0;
  show_trends (self, NULL);
  /* Only who may write a result is offered the form. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scales.fill",
                                 store != NULL && patient_id != NULL &&
                                 cl_tables_can_write (cl_context_get_role (context), "scale_result"));
  update_link_action (self);
  if (store == NULL || patient_id == NULL)
    return;

  results = cl_store_scale_results_for_patient (store, patient_id);
  self->n_results = results->len;
  if (results->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No scale filled yet"));
      gtk_list_box_append (self->list, row);
      return;
    }
  for (guint i = 0; i < results->len; i++)
    gtk_list_box_append (self->list, result_row (g_ptr_array_index (results, i)));
  show_trends (self, results);
}

guint
cl_scale_list_get_n_trends (CLScaleList *self)
{
  g_return_val_if_fail (CL_IS_SCALE_LIST (self), 0);
  return self->n_trends;
}

guint
cl_scale_list_get_n_results (CLScaleList *self)
{
  g_return_val_if_fail (CL_IS_SCALE_LIST (self), 0);
  return self->n_results;
}

static void
fill_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CLScaleList *self = CL_SCALE_LIST (widget);
  CLScaleDialog *dialog;

  dialog = cl_scale_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                cl_patient_section_get_context (CL_PATIENT_SECTION (self)),
                                cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self)), self->pregnancy_id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_scale_list_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
send_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CLScaleList *self = CL_SCALE_LIST (widget);
  CLScaleLinkDialog *dialog;

  dialog = cl_scale_link_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                     cl_patient_section_get_context (CL_PATIENT_SECTION (self)),
                                     cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
context_sync_client_cb (CLScaleList *self)
{
  CLSyncClient *client = cl_context_get_sync_client (cl_patient_section_get_context (CL_PATIENT_SECTION (self)));

  if (client)
    g_signal_connect_object (client, "notify::server-url", G_CALLBACK (update_link_action), self, G_CONNECT_SWAPPED);
  update_link_action (self);
}

/* Besides the base's: the server (for her link) comes and goes with
 * the sync client. */
static void
cl_scale_list_context_changed (CLPatientSection *section)
{
  g_signal_connect_object (cl_patient_section_get_context (section), "notify::sync-client",
                           G_CALLBACK (context_sync_client_cb), section, G_CONNECT_SWAPPED);
  context_sync_client_cb (CL_SCALE_LIST (section));
}

void
cl_scale_list_set_pregnancy_id (CLScaleList *self,
                                const char  *pregnancy_id)
{
  g_return_if_fail (CL_IS_SCALE_LIST (self));

  g_free (self->pregnancy_id);
  self->pregnancy_id = g_strdup (pregnancy_id);
}

static void
cl_scale_list_dispose (GObject *object)
{
  CLScaleList *self = CL_SCALE_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SCALE_LIST);
  G_OBJECT_CLASS (cl_scale_list_parent_class)->dispose (object);
}

static void
cl_scale_list_finalize (GObject *object)
{
  CLScaleList *self = CL_SCALE_LIST (object);

  g_free (self->pregnancy_id);
  G_OBJECT_CLASS (cl_scale_list_parent_class)->finalize (object);
}

static void
cl_scale_list_class_init (CLScaleListClass *klass)
{
  static const char * const tables[] = { "scale_result", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CLPatientSectionClass *section_class = CL_PATIENT_SECTION_CLASS (klass);

  object_class->dispose = cl_scale_list_dispose;
  object_class->finalize = cl_scale_list_finalize;
  section_class->reload = (void (*) (CLPatientSection *)) cl_scale_list_reload;
  section_class->context_changed = cl_scale_list_context_changed;
  /* A result pulled from the server (another desk's, or hers by link)
   * shows while her page is open. */
  section_class->tables = tables;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/followup/cl-scale-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CLScaleList, group);
  gtk_widget_class_bind_template_child (widget_class, CLScaleList, list);
  gtk_widget_class_bind_template_child (widget_class, CLScaleList, link_button);
  gtk_widget_class_bind_template_child (widget_class, CLScaleList, trends_box);
  gtk_widget_class_install_action (widget_class, "scales.fill", NULL, fill_action);
  gtk_widget_class_install_action (widget_class, "scales.send-link", NULL, send_link_action);
}

static void
cl_scale_list_init (CLScaleList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scales.fill", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scales.send-link", FALSE);
}
