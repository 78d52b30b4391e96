/* Staff qualifications (README, "Staff"), as real GTK widgets under
 * Xvfb on a real demo store at 1024 × 768, today 2026-11-23: a bad
 * licence number or date gets its message at the field and nothing is
 * written; a licence and a CPR certificate that run out within 30
 * days, and one already expired, are named in words on their rows and
 * counted on the administrator's line above the list. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-roster-view.h"
#include "cl-staff-dialog.h"
#include "cl-staff-quals.h"
#include "cl-staff-window.h"
#include "cl-store-staff.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static char *data_dir;

static CLStaff *
load (CLWindow   *window,
      const char *username)
{
  g_autofree char *id = cl_store_staff_find_username (cl_window_get_store (window), username);

  return CL_STAFF (cl_store_load_record (cl_window_get_store (window), CL_TYPE_STAFF, id, NULL));
}

static CLStaffDialog *
open_escort (CLStaffWindow *staff,
             guint          index,
             char         **username)
{
  CLStaffDialog *dialog;

  cl_staff_window_set_filter (staff, NULL, CL_ROLE_ESCORT);
  dialog = CL_STAFF_DIALOG (cl_staff_window_open (staff, index));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 740);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  *username = g_strdup (gtk_editable_get_text (cl_staff_dialog_get_entry (dialog, "username")));
  return dialog;
}

static void
test_quals (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLStaffWindow *staff;
  CLStaffDialog *dialog;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *soon_text = NULL;
  g_autofree char *gone_text = NULL;
  g_autofree char *line = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.staff", NULL));
  staff = CL_STAFF_WINDOW (cl_test_ui_find_toplevel (CL_TYPE_STAFF_WINDOW));
  gtk_window_set_default_size (GTK_WINDOW (staff), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, staff);
  /* Nobody has a qualification on record yet: no line. */
  g_assert_null (cl_staff_window_get_expiry_line (staff));

  /* Bad input: each message at its field, nothing written. */
  dialog = open_escort (staff, 0, &first);
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "licence_number"), "202135000123");
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "licence_expires"), "2026-02-30");
  g_assert_false (cl_staff_dialog_save (dialog));
  g_assert_nonnull (cl_staff_dialog_get_error (dialog, "licence_expires"));
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "licence_number"), "12-34");
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "licence_expires"), "1999-12-31");
  cl_staff_dialog_set_language (dialog, "minnan", TRUE);
  g_assert_false (cl_staff_dialog_save (dialog));
  g_assert_cmpstr (cl_staff_dialog_get_error (dialog, "licence_number"), ==,
                   _("A licence number has 6 to 20 Latin letters and digits"));
  g_assert_cmpstr (cl_staff_dialog_get_error (dialog, "licence_expires"), ==,
                   _("The date is before 2000; please check the year"));
  {
    g_autoptr(CLStaff) stored = load (window, first);

    g_assert_null (cl_staff_get_licence_number (stored));
    g_assert_null (cl_staff_get_languages (stored));
  }
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "quals-dialog-errors");

  /* Fixed: a licence to 10 December, a CPR certificate of 1 December
   * 2024 (valid to 30 November 2026), two languages, a degree. */
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "licence_number"), "202135000123");
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "licence_expires"), "2026/12/10");
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "cpr_date"), "2024-12-01");
  cl_staff_dialog_set_language (dialog, "mandarin", TRUE);
  cl_staff_dialog_set_education (dialog, 3);
  g_assert_true (cl_staff_dialog_save (dialog));
  {
    g_autoptr(CLStaff) stored = load (window, first);

    g_assert_cmpstr (cl_staff_get_licence_number (stored), ==, "202135000123");
    g_assert_cmpstr (cl_staff_get_licence_expires (stored), ==, "2026-12-10");
    g_assert_cmpstr (cl_staff_get_cpr_date (stored), ==, "2024-12-01");
    g_assert_cmpstr (cl_staff_get_languages (stored), ==, "mandarin minnan");
    g_assert_cmpstr (cl_staff_get_education (stored), ==, "bachelor");
  }

  /* A second escort whose licence ran out on 1 November. */
  dialog = open_escort (staff, 1, &second);
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "licence_number"), "202035000777");
  gtk_editable_set_text (cl_staff_dialog_get_entry (dialog, "licence_expires"), "2026-11-01");
  g_assert_true (cl_staff_dialog_save (dialog));

  cl_staff_window_set_filter (staff, NULL, NULL);
  {
    g_autofree char *soon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u qualification expires within %d days",
                                                          "%u qualifications expire within %d days", 2),
                                             2, CL_STAFF_EXPIRY_WARN_DAYS);
    g_autofree char *gone = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u has expired",
                                                          "%u have expired", 1), 1);

    line = g_strconcat (soon, _("; "), gone, NULL);
  }
  g_assert_cmpstr (cl_staff_window_get_expiry_line (staff), ==, line);
  {
    g_autoptr(GPtrArray) all = cl_store_staff_list_all (cl_window_get_store (window));
    g_autoptr(GPtrArray) expiring = NULL;
    GDate today;

    cl_date_today (&today);
    expiring = cl_staff_list_expiring (all, &today, CL_STAFF_EXPIRY_WARN_DAYS);
    g_assert_cmpuint (expiring->len, ==, 3);
    gone_text = cl_staff_expiry_describe (g_ptr_array_index (expiring, 0), &today);
    soon_text = cl_staff_expiry_describe (g_ptr_array_index (expiring, 1), &today);
  }
  cl_test_ui_settle (200);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (staff), line));
  /* The row's badge is the person's lines, joined; the expired one
   * stands alone on the second escort's row. */
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (staff), gone_text));
  g_assert_true (cl_test_ui_has_non_ascii (soon_text) == cl_test_ui_is_chinese ());
  cl_test_ui_save_screenshot (GTK_WIDGET (staff), "quals-staff");

  gtk_window_destroy (GTK_WINDOW (staff));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-quals", 50, 7);

  g_test_add_func ("/ui/quals/staff", test_quals);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
