/* Server log-ins at the desk, as real GTK widgets under Xvfb against
 * the real careline-server: on a desk without a server the Staff
 * dialog's log-in buttons are insensitive and say why; an
 * administrator's desk makes a person's log-in and shows its one-time
 * password once, with Copy; the person logs in with it, the login
 * dialog asks for their own password, refuses a short one and a
 * mismatch at their fields, then takes a good one and the desk is
 * logged in; a session ended by a change of roles is told, with a
 * button to log in again.  Screenshots: accounts-local,
 * accounts-one-time, accounts-staff, accounts-reset, accounts-change,
 * accounts-ended. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cl-login-dialog.h"
#include "cl-one-time-password-dialog.h"
#include "cl-roster-view.h"
#include "cl-staff-dialog.h"
#include "cl-staff-login-group.h"
#include "cl-staff-store.h"
#include "cl-staff-window.h"
#include "cl-store-staff.h"
#include "cl-sync-client.h"
#include "cl-test-server.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

#define PASSWORD "correct horse battery staple"

static char *data_dir;

static CLWindow *
open_window (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  return window;
}

/* The Staff dialog of the person listed first after a search for
 * @search. */
static CLStaffDialog *
open_person (CLWindow   *window,
             const char *search)
{
  CLStaffWindow *staff;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.staff", NULL));
  staff = CL_STAFF_WINDOW (cl_test_ui_find_toplevel (CL_TYPE_STAFF_WINDOW));
  g_assert_nonnull (staff);
  cl_staff_window_set_filter (staff, search, NULL);
  g_assert_cmpuint (cl_staff_window_get_n_rows (staff), >=, 1);
  return CL_STAFF_DIALOG (cl_staff_window_open (staff, 0));
}

static void
close_all (GType type)
{
  GtkWindow *window;

  while ((window = cl_test_ui_find_toplevel (type)))
    gtk_window_destroy (window);
}

static gboolean
group_ready (gpointer data)
{
  return cl_staff_login_group_is_ready (data);
}

static gboolean
password_shown (gpointer data)
{
  return cl_staff_login_group_get_shown_dialog (data) != NULL;
}

static GtkWidget *
child (gpointer    widget,
       const char *type_name,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), g_type_from_name (type_name), name));
}

static gboolean
change_page_shown (gpointer data)
{
  GtkStack *stack = GTK_STACK (child (data, "CLLoginDialog", "page_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "change") == 0 &&
         cl_test_ui_widget_drawn (stack);
}

static gboolean
logged_in_as_nurse (gpointer data)
{
  return g_strcmp0 (cl_sync_client_get_username (data), "newnurse") == 0 &&
         cl_sync_client_get_state (data) == CL_SYNC_STATE_ONLINE &&
         cl_test_ui_find_toplevel (CL_TYPE_LOGIN_DIALOG) == NULL;
}

static void
test_local_desk (void)
{
  CLWindow *window = open_window ();
  CLStaffDialog *dialog = open_person (window, "");
  CLStaffLoginGroup *group = cl_staff_dialog_get_login_group (dialog);
  GtkButton *button;

  cl_test_ui_wait_until (group_ready, group);
  button = cl_staff_login_group_get_button (group);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (button)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  /* It says why, rather than promising what this desk cannot do. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==,
                   _("Log-ins are kept on a server, and this desk works without one"));
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "accounts-local");
  close_all (CL_TYPE_STAFF_DIALOG);
  close_all (CL_TYPE_STAFF_WINDOW);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_one_time_password (void)
{
  const char *server_binary = g_getenv ("CARELINE_SERVER");
  g_autofree char *server_dir = cl_test_make_tmp_dir ("ui-accounts-server");
  g_autofree char *server_db = g_build_filename (server_dir, "server.db", NULL);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CLStaff) nurse = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *one_time = NULL;
  CLStaffLoginGroup *group;
  CLStaffDialog *dialog;
  GtkWindow *shown;
  GtkWindow *login;
  CLSyncClient *client;
  CLWindow *window;

  g_assert_nonnull (server_binary);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "boss",
                                           "--role", "admin", "--db", server_db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, server_db, &url);

  window = open_window ();
  client = cl_window_get_sync_client (window);
  cl_test_ui_log_in (GTK_WIDGET (window), url, "boss", PASSWORD);

  /* The administrator adds a person at the desk; the push takes them
   * to the server. */
  nurse = cl_staff_new ("newnurse", "钱新", CL_ROLE_CASE_MANAGER);
  g_assert_true (cl_staff_store_save (cl_window_get_store (window), nurse, CL_ROLE_ADMIN, &field_errors, &error));
  cl_sync_client_sync_now (client);
  cl_test_ui_wait_until (cl_test_ui_sync_idle, client);
  g_assert_cmpint (cl_test_db_count (server_db, "SELECT count(*) FROM staff WHERE username = 'newnurse'"), ==, 1);

  /* Their dialog offers to make the log-in. */
  dialog = open_person (window, "newnurse");
  group = cl_staff_dialog_get_login_group (dialog);
  cl_test_ui_wait_until (group_ready, group);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (cl_staff_login_group_get_button (group))));
  g_assert_cmpstr (gtk_button_get_label (cl_staff_login_group_get_button (group)), ==, _("C_reate Log-in…"));
  gtk_widget_activate (GTK_WIDGET (cl_staff_login_group_get_button (group)));
  cl_test_ui_wait_until (password_shown, group);

  /* The one-time password, once: on the server only as a hash that
   * must be changed. */
  shown = cl_staff_login_group_get_shown_dialog (group);
  one_time = g_strdup (cl_one_time_password_dialog_get_password (CL_ONE_TIME_PASSWORD_DIALOG (shown)));
  g_assert_cmpint (strlen (one_time), ==, 12);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (shown), one_time));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (shown),
                                        _("This password is shown only once: Careline does not keep it and cannot show it again. They must choose their own password when they first log in. If it is lost, reset the password again.")));
  g_assert_cmpint (cl_test_db_count (server_db, "SELECT count(*) FROM account WHERE username = 'newnurse'"
                                                " AND must_change = 1 AND password_hash LIKE '$argon2id$%'"), ==, 1);
  g_signal_emit_by_name (child (shown, "CLOneTimePasswordDialog", "copy_button"), "clicked");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (shown, "CLOneTimePasswordDialog", "copy_button"))), ==,
                   _("Copied"));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, shown);
  cl_test_ui_save_screenshot (GTK_WIDGET (shown), "accounts-one-time");
  gtk_window_close (shown);
  cl_test_ui_settle (200);
  /* The group now offers a reset, and says the password is not yet
   * chosen. */
  cl_test_ui_wait_until (group_ready, group);
  g_assert_cmpstr (gtk_button_get_label (cl_staff_login_group_get_button (group)), ==, _("R_eset Password…"));
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "accounts-staff");

  /* A reset is asked first; cancelled, nothing changes. */
  {
    AdwMessageDialog *confirm;
    g_autofree char *second = NULL;

    g_signal_emit_by_name (cl_staff_login_group_get_button (group), "clicked");
    confirm = ADW_MESSAGE_DIALOG (cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (confirm);
    adw_message_dialog_response (confirm, "cancel");
    cl_test_ui_settle (300);
    g_assert_null (cl_staff_login_group_get_shown_dialog (group));
    g_assert_cmpint (cl_test_db_count (server_db, "SELECT count(*) FROM audit WHERE action = 'account-reset'"), ==, 0);

    /* Confirmed: a new one-time password, shown once. */
    g_signal_emit_by_name (cl_staff_login_group_get_button (group), "clicked");
    confirm = ADW_MESSAGE_DIALOG (cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    cl_test_ui_wait_until (cl_test_ui_widget_drawn, confirm);
    cl_test_ui_save_screenshot (GTK_WIDGET (confirm), "accounts-reset");
    adw_message_dialog_response (confirm, "reset");
    cl_test_ui_wait_until (password_shown, group);
    shown = cl_staff_login_group_get_shown_dialog (group);
    second = g_strdup (cl_one_time_password_dialog_get_password (CL_ONE_TIME_PASSWORD_DIALOG (shown)));
    g_assert_cmpint (strlen (second), ==, 12);
    g_assert_cmpstr (second, !=, one_time);
    g_assert_cmpint (cl_test_db_count (server_db, "SELECT count(*) FROM audit WHERE action = 'account-reset'"
                                                  " AND username = 'boss' AND detail = 'newnurse'"), ==, 1);
    gtk_window_close (shown);
    cl_test_ui_settle (200);
    g_free (one_time);
    one_time = g_steal_pointer (&second);
  }
  close_all (CL_TYPE_STAFF_DIALOG);
  close_all (CL_TYPE_STAFF_WINDOW);

  /* The person at this desk: the one-time password lets them only
   * choose their own. */
  cl_sync_client_logout (client);
  g_settings_set_string (settings, "last-username", "newnurse");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.login", NULL);
  login = cl_test_ui_find_toplevel (CL_TYPE_LOGIN_DIALOG);
  g_assert_nonnull (login);
  gtk_editable_set_text (GTK_EDITABLE (child (login, "CLLoginDialog", "username_row")), "newnurse");
  gtk_editable_set_text (GTK_EDITABLE (child (login, "CLLoginDialog", "password_row")), one_time);
  gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL);
  cl_test_ui_wait_until (change_page_shown, login);
  g_assert_null (cl_sync_client_get_username (client));

  /* Too short, and not the same twice: each at its field. */
  gtk_editable_set_text (GTK_EDITABLE (child (login, "CLLoginDialog", "new_row")), "short");
  gtk_editable_set_text (GTK_EDITABLE (child (login, "CLLoginDialog", "confirm_row")), "shorter");
  gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL);
  cl_test_ui_settle (200);
  g_assert_true (gtk_widget_get_visible (child (login, "CLLoginDialog", "new_message")));
  g_assert_true (gtk_widget_get_visible (child (login, "CLLoginDialog", "confirm_message")));
  {
    g_autofree char *expected = g_strdup_printf (_("Use at least %d characters"), 10);

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (login, "CLLoginDialog", "new_message"))), ==, expected);
  }
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (login, "CLLoginDialog", "confirm_message"))), ==,
                   _("The two passwords are not the same"));
  cl_test_ui_save_screenshot (GTK_WIDGET (login), "accounts-change");

  /* The one-time password itself is refused too; nothing reached the
   * server. */
  gtk_editable_set_text (GTK_EDITABLE (child (login, "CLLoginDialog", "new_row")), one_time);
  gtk_editable_set_text (GTK_EDITABLE (child (login, "CLLoginDialog", "confirm_row")), one_time);
  gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL);
  cl_test_ui_settle (200);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (login, "CLLoginDialog", "new_message"))), ==,
                   _("The new password must differ from the current one"));
  g_assert_false (gtk_widget_get_visible (child (login, "CLLoginDialog", "confirm_message")));
  g_assert_cmpint (cl_test_db_count (server_db, "SELECT must_change FROM account WHERE username = 'newnurse'"), ==, 1);

  /* A good one: the desk is logged in as them, and the one-time
   * password is over. */
  gtk_editable_set_text (GTK_EDITABLE (child (login, "CLLoginDialog", "new_row")), "my own long password");
  gtk_editable_set_text (GTK_EDITABLE (child (login, "CLLoginDialog", "confirm_row")), "my own long password");
  gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL);
  cl_test_ui_wait_until (logged_in_as_nurse, client);
  g_assert_cmpint (cl_test_db_count (server_db, "SELECT must_change FROM account WHERE username = 'newnurse'"), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, NULL, "audit", "--db", server_db, NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "server-url");
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  cl_test_remove_tree (server_dir);
}

static gboolean
auth_needed (gpointer data)
{
  return cl_sync_client_get_state (data) == CL_SYNC_STATE_AUTH_NEEDED;
}

static gboolean
toast_shown (gpointer data)
{
  return cl_test_ui_find_label (data, _("Your session has ended; log in again"));
}

static gboolean
logged_in_as_case_manager (gpointer data)
{
  return g_strcmp0 (cl_sync_client_get_role (data), CL_ROLE_CASE_MANAGER) == 0 &&
         cl_sync_client_get_state (data) == CL_SYNC_STATE_ONLINE;
}

/* An administrator demoted while at their desk (here by themselves, in
 * the Staff window, while another administrator remains): the server
 * ends their session, the desk says so with a button to log in again,
 * and logged in again they work as a case manager, without Staff.
 * Screenshot: accounts-ended. */
static void
test_session_ended (void)
{
  const char *server_binary = g_getenv ("CARELINE_SERVER");
  g_autofree char *server_dir = cl_test_make_tmp_dir ("ui-accounts-ended");
  g_autofree char *server_db = g_build_filename (server_dir, "server.db", NULL);
  g_autofree char *own_dir = cl_test_ui_make_demo_store ("ui-accounts-ended-desk", 5, 4);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CLStaff) chen = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *chen_id = NULL;
  const char *case_manager[] = { CL_ROLE_CASE_MANAGER, NULL };
  CLSyncClient *client;
  CLWindow *window;
  GtkWindow *login;

  g_assert_nonnull (server_binary);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "boss",
                                           "--role", "admin", "--db", server_db, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "chen",
                                           "--role", "admin", "--name", "陈静", "--db", server_db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, server_db, &url);

  window = CL_WINDOW (cl_test_ui_open_window (own_dir));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  client = cl_window_get_sync_client (window);
  cl_test_ui_log_in (GTK_WIDGET (window), url, "chen", PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.staff", NULL));
  close_all (CL_TYPE_STAFF_WINDOW);

  /* Chen makes herself a case manager; the push is applied, and her
   * session ends with it. */
  chen_id = cl_store_staff_find_username (cl_window_get_store (window), "chen");
  g_assert_nonnull (chen_id);
  chen = (CLStaff *) cl_store_load_record (cl_window_get_store (window), CL_TYPE_STAFF, chen_id, NULL);
  cl_staff_set_roles (chen, case_manager);
  g_assert_true (cl_staff_store_save (cl_window_get_store (window), chen, CL_ROLE_ADMIN, &field_errors, &error));
  cl_sync_client_sync_now (client);
  cl_test_ui_wait_until (auth_needed, client);
  g_assert_cmpint (cl_test_db_count (server_db, "SELECT count(*) FROM account WHERE username = 'chen'"
                                                " AND role = 'case_manager'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (server_db, "SELECT count(*) FROM staff WHERE username = 'chen'"
                                                " AND roles = 'case_manager'"), ==, 1);
  g_assert_cmpstr (cl_sync_client_get_last_error (client), ==, _("Your session has ended; log in again"));

  /* The desk says so, with a button that logs in again. */
  cl_test_ui_wait_until (toast_shown, window);
  g_assert_nonnull (cl_test_ui_find_action_button (GTK_WIDGET (window), "win.login"));
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "accounts-ended");
  gtk_widget_activate (cl_test_ui_find_action_button (GTK_WIDGET (window), "win.login"));
  cl_test_ui_wait_until (cl_test_ui_login_shown, NULL);
  login = cl_test_ui_find_toplevel (CL_TYPE_LOGIN_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (child (login, "CLLoginDialog", "username_row")), "chen");
  gtk_editable_set_text (GTK_EDITABLE (child (login, "CLLoginDialog", "password_row")), PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL);
  cl_test_ui_wait_until (logged_in_as_case_manager, client);

  /* A case manager's desk: no Staff window. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.staff", NULL);
  cl_test_ui_settle (200);
  g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_STAFF_WINDOW));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "server-url");
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  cl_test_remove_tree (server_dir);
  cl_test_remove_tree (own_dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-accounts", 5, 3);

  g_test_add_func ("/ui/accounts/local-desk", test_local_desk);
  g_test_add_func ("/ui/accounts/one-time-password", test_one_time_password);
  g_test_add_func ("/ui/accounts/session-ended", test_session_ended);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
