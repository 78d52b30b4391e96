#define G_LOG_DOMAIN "cl-survey-link-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-survey-link-dialog.h"
#include "cl-survey-people.h"
#include "cl-survey-store.h"
#include "cl-sync-links.h"

struct _CLSurveyLinkDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwToastOverlay      *toasts;
  GtkWidget            *create_button;
  AdwComboRow          *patient_row;
  AdwPreferencesGroup  *link_group;
  AdwActionRow         *url_row;
  GtkWidget            *copy_button;
  AdwActionRow         *expiry_row;
  GtkLabel             *hint;

  /* owned */
  CLContext            *context;
  CLSurveyCampaign     *campaign;
  GCancellable         *cancellable;
  GPtrArray            *patient_ids;   /* parallel to patient_row */
  char                 *url;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (CLSurveyLinkDialog, cl_survey_link_dialog, ADW_TYPE_WINDOW)

static void
show_hint (CLSurveyLinkDialog *self,
           const char         *text,
           gboolean            is_error)
{
  gtk_label_set_text (self->hint, text);
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint), "dim-label");
    }
}

static void
issued_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CLSurveyLinkDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *until = NULL;
  gint64 expires_at = 0;

  if (!cl_sync_links_issue_finish (CL_SYNC_CLIENT (source), result, &url, &expires_at, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy = FALSE;
      gtk_widget_set_sensitive (self->create_button, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->patient_row), TRUE);
      show_hint (self, error->message, TRUE);
      return;
    }

  self->busy = FALSE;
  g_free (self->url);
  self->url = g_steal_pointer (&url);
  utc = g_date_time_new_from_unix_utc (expires_at);
  local = utc ? g_date_time_to_local (utc) : NULL;
  until = local ? g_date_time_format (local, C_("link expiry", "%e %b %Y, %H:%M")) : g_strdup ("");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), self->url);
  adw_action_row_set_subtitle (self->expiry_row, g_strstrip (until));
  gtk_widget_set_visible (GTK_WIDGET (self->link_group), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->patient_row), TRUE);
  /* One link per click: another patient makes another link. */
  gtk_widget_set_sensitive (self->create_button, FALSE);
  show_hint (self, _("Careline does not send the link: give it to her yourself, for example in a WeChat chat. "
                     "She can use it once; a new link is needed after it expires."), FALSE);
  gtk_widget_grab_focus (self->copy_button);
}

void
cl_survey_link_dialog_create (CLSurveyLinkDialog *self)
{
  CLSyncClient *client;
  guint i;

  g_return_if_fail (CL_IS_SURVEY_LINK_DIALOG (self));

  client = cl_context_get_sync_client (self->context);
  i = adw_combo_row_get_selected (self->patient_row);
  if (self->busy || client == NULL || i >= self->patient_ids->len)
    return;
  self->busy = TRUE;
  gtk_widget_set_sensitive (self->create_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->patient_row), FALSE);
  show_hint (self, _("Asking the server for a link…"), FALSE);
  cl_sync_links_issue_survey_async (client, g_ptr_array_index (self->patient_ids, i),
                                    cl_record_get_id (CL_RECORD (self->campaign)), self->cancellable,
                                    issued_cb, g_object_ref (self));
}

static void
create_clicked_cb (CLSurveyLinkDialog *self)
{
  cl_survey_link_dialog_create (self);
}

static void
patient_changed_cb (CLSurveyLinkDialog *self)
{
  /* Another patient: the link shown is for the one before. */
  if (self->busy)
    return;
  g_clear_pointer (&self->url, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->link_group), FALSE);
  gtk_widget_set_sensitive (self->create_button, self->patient_ids->len > 0 &&
                                                 cl_context_get_sync_client (self->context) != NULL);
  show_hint (self, _("Careline does not send the link: give it to her yourself, for example in a WeChat chat."),
             FALSE);
}

static void
copy_clicked_cb (CLSurveyLinkDialog *self)
{
  if (self->url == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->url);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Link copied")));
}

guint
cl_survey_link_dialog_get_n_patients (CLSurveyLinkDialog *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_LINK_DIALOG (self), 0);
  return self->patient_ids->len;
}

void
cl_survey_link_dialog_select (CLSurveyLinkDialog *self,
                              guint               i)
{
  g_return_if_fail (CL_IS_SURVEY_LINK_DIALOG (self));
  adw_combo_row_set_selected (self->patient_row, i);
}

const char *
cl_survey_link_dialog_get_url (CLSurveyLinkDialog *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_LINK_DIALOG (self), NULL);
  return self->url;
}

gboolean
cl_survey_link_dialog_is_busy (CLSurveyLinkDialog *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_LINK_DIALOG (self), FALSE);
  return self->busy;
}

static void
cl_survey_link_dialog_dispose (GObject *object)
{
  CLSurveyLinkDialog *self = CL_SURVEY_LINK_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SURVEY_LINK_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->campaign);
  G_OBJECT_CLASS (cl_survey_link_dialog_parent_class)->dispose (object);
}

static void
cl_survey_link_dialog_finalize (GObject *object)
{
  CLSurveyLinkDialog *self = CL_SURVEY_LINK_DIALOG (object);

  g_ptr_array_unref (self->patient_ids);
  g_free (self->url);
  G_OBJECT_CLASS (cl_survey_link_dialog_parent_class)->finalize (object);
}

static void
cl_survey_link_dialog_class_init (CLSurveyLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_survey_link_dialog_dispose;
  object_class->finalize = cl_survey_link_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/careline/Careline/ui/quality/cl-survey-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CLSurveyLinkDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, CLSurveyLinkDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, CLSurveyLinkDialog, patient_row);
  gtk_widget_class_bind_template_child (widget_class, CLSurveyLinkDialog, link_group);
  gtk_widget_class_bind_template_child (widget_class, CLSurveyLinkDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, CLSurveyLinkDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CLSurveyLinkDialog, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, CLSurveyLinkDialog, hint);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, patient_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_survey_link_dialog_init (CLSurveyLinkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->patient_ids = g_ptr_array_new_with_free_func (g_free);
}

CLSurveyLinkDialog *
cl_survey_link_dialog_new (GtkWindow        *parent,
                           CLContext        *context,
                           CLSurveyCampaign *campaign)
{
  CLSurveyLinkDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) people = NULL;
  g_autofree char *message = NULL;
  CLStore *store;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN (campaign), NULL);

  self = g_object_new (CL_TYPE_SURVEY_LINK_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->campaign = g_object_ref (campaign);
  store = cl_context_get_store (context);
  people = cl_survey_people_parse (cl_survey_campaign_get_people (campaign), &message);
  /* Only patients open links: staff answer at the desk. */
  for (guint i = 0; people && store && i < people->len; i++)
    {
      const CLSurveyPerson *person = &g_array_index (people, CLSurveyPerson, i);
      g_autofree char *name = NULL;

      if (g_strcmp0 (person->kind, cl_survey_person_kinds ()[0]) != 0)
        continue;
      name = cl_survey_store_person_name (store, person->kind, person->id);
      g_ptr_array_add (self->patient_ids, g_strdup (person->id));
      gtk_string_list_append (names, name ? name : person->id);
    }
  adw_combo_row_set_model (self->patient_row, G_LIST_MODEL (names));
  patient_changed_cb (self);
  if (self->patient_ids->len == 0)
    show_hint (self, _("The campaign asks no patient: add patients to a campaign to send them links."), TRUE);
  else if (cl_context_get_sync_client (context) == NULL)
    show_hint (self, _("No server is set up; links for her phone come from the server"), TRUE);
  return self;
}
