#define G_LOG_DOMAIN "cl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-context.h"
#include "cl-desk-view.h"
#include "cl-enrolment-store.h"
#include "cl-escort-view.h"
#include "cl-archive-view.h"
#include "cl-login-dialog.h"
#include "cl-new-patient-dialog.h"
#include "cl-packages-dialog.h"
#include "cl-patient-page.h"
#include "cl-preferences-dialog.h"
#include "cl-quality-view.h"
#include "cl-staff-window.h"
#include "cl-roster-view.h"
#include "cl-settlement-view.h"
#include "cl-staff.h"
#include "cl-sync-indicator.h"
#include "cl-today-view.h"
#include "cl-window-desk.h"
#include "cl-window-directory.h"
#include "cl-window-duty.h"
#include "cl-window-followup.h"
#include "cl-vip-view.h"
#include "cl-window-new.h"
#include "cl-window-private.h"
#include "cl-window.h"


G_DEFINE_FINAL_TYPE (CLWindow, cl_window, ADW_TYPE_APPLICATION_WINDOW)

static void
cl_window_dispose (GObject *object)
{
  CLWindow *self = CL_WINDOW (object);

  g_clear_handle_id (&self->present_timeout, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cl_window_parent_class)->dispose (object);
}

static gboolean
cl_window_close_request (GtkWindow *window)
{
  CLWindow *self = CL_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  /* The patient page asks before dropping unsaved edits. */
  if (self->patient_page && !cl_patient_page_can_leave (self->patient_page))
    return TRUE;

  return GTK_WINDOW_CLASS (cl_window_parent_class)->close_request (window);
}

static void
on_patient_activated_cb (CLWindow   *self,
                         const char *patient_id)
{
  cl_window_show_patient (self, patient_id);
}

/* The switcher shows how many items wait on the worklist. */
static void
today_count_cb (CLWindow *self)
{
  guint count = cl_today_view_get_count (self->today_view);

  adw_view_stack_page_set_badge_number (self->today_page, count);
  adw_view_stack_page_set_needs_attention (self->today_page, count > 0);
}

static void
on_patient_saved_cb (CLWindow *self)
{
  cl_window_show_toast (self, _("Saved"));
}

static void
on_patient_removed_cb (CLWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  cl_window_show_toast (self, _("Patient removed from the roster"));
}

static void
new_patient_saved_cb (CLWindow   *self,
                      const char *patient_id)
{
  cl_window_show_toast (self, _("Patient added"));
  cl_window_show_patient (self, patient_id);
}

static void
new_patient_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CLWindow *self = CL_WINDOW (widget);
  CLNewPatientDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = cl_new_patient_dialog_new (GTK_WINDOW (self), self->context);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (new_patient_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CLWindow *self = CL_WINDOW (widget);

  if (self->patient_page && !cl_patient_page_can_leave (self->patient_page))
    return;
  /* In the Archive, Ctrl+F stays there (when the focus is outside the
   * view, on the view switcher say). */
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "views") == 0 &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "archive") == 0)
    {
      cl_archive_view_find (self->archive_view);
      return;
    }
  /* At the Service Desk, Ctrl+F searches the contact log. */
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "views") == 0 &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "desk") == 0)
    {
      gtk_widget_grab_focus (cl_desk_view_get_widget (self->desk_view, "search"));
      return;
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "views");
  adw_view_stack_set_visible_child_name (self->view_stack, "roster");
  cl_roster_view_focus_search (self->roster_view);
}

/* The Archive's zoom keys with the focus outside the view (on its tab
 * in the header, say); inside it the view's own shortcuts take them
 * first.  Elsewhere they go on. */
static gboolean
archive_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   data)
{
  CLWindow *self = CL_WINDOW (widget);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "views") != 0 ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "archive") != 0)
    return FALSE;
  return cl_archive_view_report_action (self->archive_view, g_variant_get_string (args, NULL));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CLWindow *self = CL_WINDOW (widget);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "patient") == 0 &&
      (self->patient_page == NULL || cl_patient_page_can_leave (self->patient_page)))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* (patient id, document id or ""): her archive, that report open. */
static void
open_archive_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CLWindow *self = CL_WINDOW (widget);
  const char *patient_id, *document_id;

  if (self->store == NULL ||
      (self->patient_page && !cl_patient_page_can_leave (self->patient_page)))
    return;
  g_variant_get (param, "(&s&s)", &patient_id, &document_id);
  adw_leaflet_set_visible_child_name (self->leaflet, "views");
  adw_view_stack_set_visible_child_name (self->view_stack, "archive");
  cl_archive_view_show_patient (self->archive_view, patient_id, document_id);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  gtk_window_present (GTK_WINDOW (cl_preferences_dialog_new (GTK_WINDOW (widget))));
}

static void
login_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CLWindow *self = CL_WINDOW (widget);

  if (self->sync)
    gtk_window_present (GTK_WINDOW (cl_login_dialog_new (GTK_WINDOW (self), self->sync)));
}

static void
sync_rejected_cb (CLWindow   *self,
                  const char *table,
                  const char *record_id,
                  const char *reason,
                  const char *message)
{
  /* The change was undone here; the person who made it must know. */
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
sync_state_cb (CLWindow *self)
{
  ClSyncState state = cl_sync_client_get_state (self->sync);
  ClSyncState before = self->sync_state;

  self->sync_state = state;
  /* Once per new server address (and at start): the first time the
   * server asks who we are, ask the person.  Later it waits for a
   * click on the header's "Log in to sync". */
  if (self->login_wanted && state == CL_SYNC_STATE_AUTH_NEEDED)
    {
      self->login_wanted = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.login", NULL);
    }
  /* A session that worked has ended under the person (their roles
   * changed, they were deactivated, their password was reset): the
   * header alone is easy to miss, and the views still show what their
   * old role allowed until they log in again. */
  else if (state == CL_SYNC_STATE_AUTH_NEEDED &&
           (before == CL_SYNC_STATE_ONLINE || before == CL_SYNC_STATE_SYNCING ||
            before == CL_SYNC_STATE_OFFLINE))
    {
      AdwToast *toast = adw_toast_new (_("Your session has ended; log in again"));

      adw_toast_set_button_label (toast, _("_Log In"));
      adw_toast_set_action_name (toast, "win.login");
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
packages_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CLWindow *self = CL_WINDOW (widget);

  if (self->store)
    gtk_window_present (GTK_WINDOW (cl_packages_dialog_new (GTK_WINDOW (self), self->context)));
}

static void
staff_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CLWindow *self = CL_WINDOW (widget);

  if (self->store && cl_context_may (self->context, CL_WRITE, "staff"))
    gtk_window_present (GTK_WINDOW (cl_staff_window_new (GTK_WINDOW (self), self->context)));
}

/* Only who may manage staff sees Staff: an administrator, or a desk's
 * local user without a server (CL_CONTEXT_LOCAL_ROLE). */
static void
update_staff_action (CLWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.staff",
                                 self->store && cl_context_may (self->context, CL_WRITE, "staff"));
}

/* The Service Desk is for whoever writes the contact log: the desk's
 * staff, an administrator, and a desk working on its own store. */
static void
update_desk_page (CLWindow *self)
{
  adw_view_stack_page_set_visible (self->desk_page,
                                   self->store && cl_context_may (self->context, CL_WRITE, "contact"));
}

/* Quality is the back office of the service contract: for whoever runs
 * its surveys (the desk's staff and an administrator). */
static void
update_quality_page (CLWindow *self)
{
  adw_view_stack_page_set_visible (self->quality_page,
                                   self->store && cl_context_may (self->context, CL_WRITE, "survey_campaign"));
}

/* The statement's names are this desk's preferences. */
static void
parties_changed_cb (CLWindow *self)
{
  g_autofree char *hospital = g_settings_get_string (self->settings, "hospital-name");
  g_autofree char *vendor = g_settings_get_string (self->settings, "vendor-name");

  cl_enrolment_store_set_parties (self->store, g_strstrip (hospital), g_strstrip (vendor));
  cl_settlement_view_queue_reload (self->settlement_view);
}

static void
server_url_changed_cb (CLWindow *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "server-url");
  g_autofree char *ca_file = g_settings_get_string (self->settings, "server-ca-file");

  self->login_wanted = *url != '\0';
  cl_sync_client_set_ca_file (self->sync, ca_file);
  cl_sync_client_set_server_url (self->sync, url);
  sync_state_cb (self);
}

/* Built when first asked for, not at start: it is a whole window of
 * widgets that most sessions never open. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/careline/Careline/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
leaflet_child_cb (CLWindow *self)
{
  /* Escape on the patient page goes back; on the roster it is the
   * search entry's to handle. */
  gboolean on_patient = g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "patient") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", on_patient);
  if (!on_patient)
    cl_roster_view_focus_list (self->roster_view);
}

static void
cl_window_class_init (CLWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cl_window_dispose;
  window_class->close_request = cl_window_close_request;

  g_type_ensure (CL_TYPE_ROSTER_VIEW);
  g_type_ensure (CL_TYPE_ARCHIVE_VIEW);
  g_type_ensure (CL_TYPE_SETTLEMENT_VIEW);
  g_type_ensure (CL_TYPE_ESCORT_VIEW);
  g_type_ensure (CL_TYPE_VIP_VIEW);
  g_type_ensure (CL_TYPE_TODAY_VIEW);
  g_type_ensure (CL_TYPE_DESK_VIEW);
  g_type_ensure (CL_TYPE_QUALITY_VIEW);
  g_type_ensure (CL_TYPE_SYNC_INDICATOR);
  g_type_ensure (CL_TYPE_CONTEXT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/cl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CLWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, today_view);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, desk_view);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, desk_page);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, quality_view);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, quality_page);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, roster_view);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, settlement_view);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, escort_view);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, vip_view);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, patient_bin);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, archive_view);
  gtk_widget_class_bind_template_child (widget_class, CLWindow, context);
  gtk_widget_class_bind_template_callback (widget_class, on_patient_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_count_cb);

  gtk_widget_class_install_action (widget_class, "win.new-patient", NULL, new_patient_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, cl_window_new_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.open-archive", "(ss)", open_archive_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.login", NULL, login_action);
  gtk_widget_class_install_action (widget_class, "win.packages", NULL, packages_action);
  gtk_widget_class_install_action (widget_class, "win.staff", NULL, staff_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  cl_window_followup_class_init (widget_class);
  cl_window_desk_class_init (widget_class);
  cl_window_directory_class_init (widget_class);
  cl_window_duty_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, archive_key_cb, "s", "viewer.zoom-in");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, archive_key_cb, "s", "viewer.zoom-in");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, archive_key_cb, "s", "viewer.zoom-out");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, archive_key_cb, "s", "viewer.fit-width");
}

static void
cl_window_init (CLWindow *self)
{
  self->created_at = g_get_monotonic_time ();
  cl_application_load_resources ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_debug ("window template built in %.1f ms (t=%" G_GINT64_FORMAT ")", (g_get_monotonic_time () - self->created_at) / 1000.0, g_get_monotonic_time ());

  self->cancellable = g_cancellable_new ();
  self->settings = g_object_ref (cl_context_get_settings (self->context));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (leaflet_child_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-patient", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.packages", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.staff", FALSE);
  g_signal_connect_object (self->context, "notify::role",
                           G_CALLBACK (update_staff_action), self, G_CONNECT_SWAPPED);
  cl_window_followup_init (self);
  cl_window_desk_init (self);
  cl_window_directory_init (self);
  cl_window_duty_init (self);
  g_signal_connect_object (self->context, "notify::role",
                           G_CALLBACK (update_desk_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role",
                           G_CALLBACK (update_quality_page), self, G_CONNECT_SWAPPED);
  /* What "new" is follows the view, and whether it may be used follows
   * who works and the view's state. */
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (cl_window_update_new_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (cl_window_update_new_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role",
                           G_CALLBACK (cl_window_update_new_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::store",
                           G_CALLBACK (cl_window_update_new_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->archive_view, "notify::can-import",
                           G_CALLBACK (cl_window_update_new_action), self, G_CONNECT_SWAPPED);
  cl_window_update_new_action (self);
}

CLWindow *
cl_window_new (CLApplication *app)
{
  return g_object_new (CL_TYPE_WINDOW, "application", app, NULL);
}

static void
present_now (CLWindow *self)
{
  g_clear_handle_id (&self->present_timeout, g_source_remove);
  if (self->present_pending)
    {
      self->present_pending = FALSE;
      gtk_window_present (GTK_WINDOW (self));
    }
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  CLWindow *self = user_data;

  self->present_timeout = 0;
  present_now (self);
  return G_SOURCE_REMOVE;
}

static void
roster_loaded_cb (CLWindow *self)
{
  present_now (self);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CLWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  self->store = cl_store_open_finish (result, &error);
  if (self->store == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      present_now (self);
      return;
    }

  g_debug ("store open at %.1f ms (t=%" G_GINT64_FORMAT ")", (g_get_monotonic_time () - self->created_at) / 1000.0, g_get_monotonic_time ());
  dir = g_path_get_dirname (cl_store_get_path (self->store));
  g_settings_set_string (self->settings, "last-data-dir", dir);

  /* Without a server the desk works on its own store, and the header
   * says so, so no one assumes others can see what is typed here. */
  self->sync = cl_sync_client_new (self->store);
  g_signal_connect_object (self->sync, "rejected", G_CALLBACK (sync_rejected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::state", G_CALLBACK (sync_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::server-url",
                           G_CALLBACK (server_url_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::server-ca-file",
                           G_CALLBACK (server_url_changed_cb), self, G_CONNECT_SWAPPED);
  server_url_changed_cb (self);
  cl_sync_indicator_set_client (self->sync_indicator, self->sync);

  /* The statement's names are set before the views read the store. */
  g_signal_connect_object (self->settings, "changed::hospital-name",
                           G_CALLBACK (parties_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::vendor-name",
                           G_CALLBACK (parties_changed_cb), self, G_CONNECT_SWAPPED);
  parties_changed_cb (self);

  /* Every view follows the context: one call hands them the store, the
   * sync client and whoever is working. */
  cl_context_set_sync_client (self->context, self->sync);
  cl_context_set_store (self->context, self->store);
  g_signal_connect_object (cl_roster_view_get_model (self->roster_view), "notify::loaded",
                           G_CALLBACK (roster_loaded_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-patient", TRUE);
  cl_window_update_new_action (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.packages", TRUE);
  update_staff_action (self);
  update_desk_page (self);
  update_quality_page (self);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  cl_roster_view_focus_search (self->roster_view);
}

void
cl_window_open_data_dir (CLWindow   *self,
                         const char *dir)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CL_IS_WINDOW (self));
  g_return_if_fail (dir != NULL);

  path = g_build_filename (dir, "careline.db", NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "opening");
  cl_store_open_async (path, self->cancellable, store_opened_cb, g_object_ref (self));
}

/* Shows the window once the roster has its rows, so the first frame a
 * person sees is the roster and not a spinner that flashes past; a
 * slow disk still gets the spinner after a moment. */
void
cl_window_present_when_ready (CLWindow *self)
{
  g_return_if_fail (CL_IS_WINDOW (self));

  if (self->store && cl_roster_model_get_loaded (cl_roster_view_get_model (self->roster_view)))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  self->present_pending = TRUE;
  if (self->present_timeout == 0)
    self->present_timeout = g_timeout_add (300, present_timeout_cb, self);
}

CLStore *
cl_window_get_store (CLWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->store;
}

CLContext *
cl_window_get_context (CLWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->context;
}

CLSyncClient *
cl_window_get_sync_client (CLWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->sync;
}

GtkWidget *
cl_window_get_roster_view (CLWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->roster_view);
}

GtkWidget *
cl_window_get_today_view (CLWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->today_view);
}

GtkWidget *
cl_window_get_desk_view (CLWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->desk_view);
}

GtkWidget *
cl_window_get_quality_view (CLWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->quality_view);
}

GtkWidget *
cl_window_get_escort_view (CLWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->escort_view);
}

GtkWidget *
cl_window_get_vip_view (CLWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->vip_view);
}

void
cl_window_show_view (CLWindow   *self,
                     const char *name)
{
  g_return_if_fail (CL_IS_WINDOW (self));
  adw_leaflet_set_visible_child_name (self->leaflet, "views");
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* The patient page is built on first use: a form of twenty rows that
 * the roster's first frame should not wait for. */
static CLPatientPage *
ensure_patient_page (CLWindow *self)
{
  if (self->patient_page == NULL)
    {
      self->patient_page = g_object_new (CL_TYPE_PATIENT_PAGE, "context", self->context, NULL);
      g_signal_connect_object (self->patient_page, "saved",
                               G_CALLBACK (on_patient_saved_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->patient_page, "removed",
                               G_CALLBACK (on_patient_removed_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->patient_bin, GTK_WIDGET (self->patient_page));
    }
  return self->patient_page;
}

void
cl_window_show_patient (CLWindow   *self,
                        const char *patient_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CL_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);

  ensure_patient_page (self);

  if (!cl_patient_page_load (self->patient_page, patient_id, &error))
    {
      cl_window_show_toast (self, error->message);
      return;
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "patient");
}

void
cl_window_show_toast (CLWindow   *self,
                      const char *message)
{
  g_return_if_fail (CL_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
