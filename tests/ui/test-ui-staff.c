/* The Staff window, as real GTK widgets under Xvfb on a real demo
 * store (24 staff, one administrator), at 1024 × 768: only who may
 * manage staff gets it; search and role filter; adding a person with
 * bad input gets each message at its field and saves nothing; a good
 * one is saved and listed; the last active administrator cannot be
 * deactivated; a deactivated escort is no longer offered. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-escort-store.h"
#include "cl-roster-view.h"
#include "cl-staff-dialog.h"
#include "cl-staff-window.h"
#include "cl-store-staff.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static char *data_dir;

static CLWindow *
open_window (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));

  /* The smallest screen a desk has. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  return window;
}

static guint
count_staff (CLWindow *window)
{
  g_autoptr(GPtrArray) all = cl_store_staff_list_all (cl_window_get_store (window));

  return all->len;
}

/* Drawn whole on a 1024 × 768 screen. */
static void
assert_fits (GtkWidget *widget)
{
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, widget);
  g_assert_cmpint (gtk_widget_get_width (widget), <=, 1024);
  g_assert_cmpint (gtk_widget_get_height (widget), <=, 768);
}

static CLStaffWindow *
open_staff (CLWindow *window)
{
  CLStaffWindow *staff;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.staff", NULL));
  staff = CL_STAFF_WINDOW (cl_test_ui_find_toplevel (CL_TYPE_STAFF_WINDOW));
  g_assert_nonnull (staff);
  assert_fits (GTK_WIDGET (staff));
  return staff;
}

static void
test_list (void)
{
  CLWindow *window = open_window ();
  CLContext *context = cl_window_get_context (window);
  CLStaffWindow *staff;

  /* A case manager has no Staff; the desk's own user does. */
  cl_context_set_user (context, NULL, CL_ROLE_CASE_MANAGER);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.staff", NULL);
  g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_STAFF_WINDOW));
  cl_context_set_user (context, NULL, NULL);

  staff = open_staff (window);
  g_assert_cmpuint (cl_staff_window_get_n_rows (staff), ==, 24);
  cl_test_ui_save_screenshot (GTK_WIDGET (staff), "staff");

  cl_staff_window_set_filter (staff, NULL, CL_ROLE_ESCORT);
  g_assert_cmpuint (cl_staff_window_get_n_rows (staff), ==, 6);
  cl_staff_window_set_filter (staff, "zzzz", NULL);
  g_assert_cmpuint (cl_staff_window_get_n_rows (staff), ==, 0);
  cl_test_ui_settle (100);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (staff), _("Nobody matches the search.")));
  cl_staff_window_set_filter (staff, NULL, CL_ROLE_ADMIN);
  g_assert_cmpuint (cl_staff_window_get_n_rows (staff), ==, 1);

  gtk_window_destroy (GTK_WINDOW (staff));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_add (void)
{
  CLWindow *window = open_window ();
  CLStaffWindow *staff = open_staff (window);
  guint before = count_staff (window);
  CLStaffDialog *dialog;

  {
    g_autoptr(GPtrArray) all = cl_store_staff_list_all (cl_window_get_store (window));
    const char *taken = cl_staff_get_username (g_ptr_array_index (all, 0));

    dialog = CL_STAFF_DIALOG (cl_staff_window_open_new (staff));
    assert_fits (GTK_WIDGET (dialog));
    gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "display-name"), "刘新");
    gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "username"), taken);
    gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "phone"), "010-62345678");
    gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "opens.1"), "17:00");
    gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "closes.1"), "09:00");
  }
  cl_staff_dialog_set_role (dialog, CL_ROLE_ESCORT, TRUE);
  g_assert_false (cl_staff_dialog_save (dialog));
  g_assert_nonnull (cl_staff_dialog_get_error (dialog, "username"));
  g_assert_nonnull (cl_staff_dialog_get_error (dialog, "phone"));
  g_assert_nonnull (cl_staff_dialog_get_error (dialog, "hours"));
  g_assert_null (cl_staff_dialog_get_error (dialog, "roles"));
  g_assert_cmpuint (count_staff (window), ==, before);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "staff-dialog-errors");
  assert_fits (GTK_WIDGET (dialog));
  /* The working hours, further down: with the rest right, the save
   * shows their message under the day that is wrong. */
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "username"), "liuxin");
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "phone"), "13900139000");
  g_assert_false (cl_staff_dialog_save (dialog));
  g_assert_nonnull (cl_staff_dialog_get_error (dialog, "hours"));
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "staff-dialog-hours");

  /* No role at all. */
  cl_staff_dialog_set_role (dialog, CL_ROLE_ESCORT, FALSE);
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "username"), "liuxin");
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "phone"), "139 0013 9000");
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "closes.1"), "21:00");
  g_assert_false (cl_staff_dialog_save (dialog));
  g_assert_nonnull (cl_staff_dialog_get_error (dialog, "roles"));
  g_assert_cmpuint (count_staff (window), ==, before);

  /* Fixed: saved, listed, an escort with her Tuesday hours. */
  cl_staff_dialog_set_role (dialog, CL_ROLE_ESCORT, TRUE);
  cl_staff_dialog_set_role (dialog, CL_ROLE_CASE_MANAGER, TRUE);
  cl_staff_dialog_set_works (dialog, 5, FALSE);
  g_assert_true (cl_staff_dialog_save (dialog));
  g_assert_cmpuint (count_staff (window), ==, before + 1);
  g_assert_cmpuint (cl_staff_window_get_n_rows (staff), ==, before + 1);
  {
    g_autofree char *id = cl_store_staff_find_username (cl_window_get_store (window), "liuxin");
    g_autoptr(CLStaff) saved = CL_STAFF (cl_store_load_record (cl_window_get_store (window), CL_TYPE_STAFF, id, NULL));
    gint opens, closes;

    g_assert_true (cl_staff_has_role (saved, CL_ROLE_ESCORT));
    g_assert_true (cl_staff_has_role (saved, CL_ROLE_CASE_MANAGER));
    g_assert_cmpstr (cl_staff_get_phone (saved), ==, "13900139000");
  g_assert_true (cl_staff_get_day_hours (saved, G_DATE_TUESDAY, &opens, &closes));
    g_assert_cmpint (opens, ==, 17 * 60);
    g_assert_cmpint (closes, ==, 21 * 60);
    g_assert_false (cl_staff_get_day_hours (saved, G_DATE_SATURDAY, &opens, &closes));
  }

  gtk_window_destroy (GTK_WINDOW (staff));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
offered (CLWindow   *window,
         const char *username)
{
  g_autoptr(GListStore) escorts = cl_escort_store_list_escorts (cl_window_get_store (window));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (escorts)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (escorts), i);

      if (CL_IS_STAFF (item) && g_strcmp0 (cl_staff_get_username (CL_STAFF (item)), username) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_deactivate (void)
{
  CLWindow *window = open_window ();
  CLStaffWindow *staff = open_staff (window);
  CLStaffDialog *dialog;
  g_autofree char *escort_name = NULL;
  guint n_escorts;

  /* The one administrator stays active. */
  cl_staff_window_set_filter (staff, NULL, CL_ROLE_ADMIN);
  dialog = CL_STAFF_DIALOG (cl_staff_window_open (staff, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  cl_staff_dialog_set_active (dialog, FALSE);
  g_assert_false (cl_staff_dialog_save (dialog));
  g_assert_nonnull (cl_staff_dialog_get_error (dialog, "active"));
  cl_staff_dialog_set_active (dialog, TRUE);
  cl_staff_dialog_set_role (dialog, CL_ROLE_ADMIN, FALSE);
  cl_staff_dialog_set_role (dialog, CL_ROLE_FINANCE, TRUE);
  g_assert_false (cl_staff_dialog_save (dialog));
  g_assert_nonnull (cl_staff_dialog_get_error (dialog, "roles"));
  g_assert_cmpuint (cl_store_staff_count_admins (cl_window_get_store (window), NULL), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* An escort deactivated: kept, marked, no longer offered. */
  cl_staff_window_set_filter (staff, NULL, CL_ROLE_ESCORT);
  n_escorts = cl_staff_window_get_n_rows (staff);
  dialog = CL_STAFF_DIALOG (cl_staff_window_open (staff, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  escort_name = g_strdup (gtk_editable_get_text (cl_staff_dialog_get_entry (dialog, "username")));
  g_assert_true (offered (window, escort_name));
  cl_staff_dialog_set_active (dialog, FALSE);
  g_assert_true (cl_staff_dialog_save (dialog));
  g_assert_false (offered (window, escort_name));
  g_assert_cmpuint (cl_staff_window_get_n_rows (staff), ==, n_escorts);
  cl_test_ui_settle (100);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (staff), _("Deactivated")));
  cl_test_ui_save_screenshot (GTK_WIDGET (staff), "staff-deactivated");

  gtk_window_destroy (GTK_WINDOW (staff));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-staff", 50, 7);

  g_test_add_func ("/ui/staff/list", test_list);
  g_test_add_func ("/ui/staff/add", test_add);
  g_test_add_func ("/ui/staff/deactivate", test_deactivate);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
