/* Keys and labels across the window as real GTK widgets under Xvfb:
 * Ctrl+N and the header's "+" are the "new" of the view on screen.
 * Run in English and in zh_CN. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-archive-view.h"
#include "cl-context.h"
#include "cl-deduction-dialog.h"
#include "cl-escort-task-dialog.h"
#include "cl-new-patient-dialog.h"
#include "cl-pregnancy.h"
#include "cl-staff.h"
#include "cl-store-private.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-vip-booking-dialog.h"
#include "cl-window.h"

static char *data_dir;
static char *patient_id;

static gboolean
store_open (gpointer data)
{
  return cl_window_get_store (data) != NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  GtkWindow *window = cl_test_ui_find_toplevel (GPOINTER_TO_SIZE (data));

  return window && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static CLWindow *
open_window (int width,
             int height)
{
  CLWindow *window = cl_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_data_dir (window, data_dir);
  cl_test_ui_wait_until (store_open, window);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, window);
  return window;
}

/* ------------------------------------------------------------------ */
/* Ctrl+N and "+"                                                      */

static gboolean
is_new_button (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.new") == 0;
}

/* Shows @view, presses Ctrl+N with the focus in it, and checks that a
 * window of @type came (then closes it) or, for G_TYPE_NONE, that the
 * "+" is insensitive and nothing came. */
static void
check_new (CLWindow   *window,
           GtkWidget  *plus,
           const char *view,
           GType       type,
           const char *tooltip)
{
  GtkWidget *page;
  GtkWindow *made;

  g_test_message ("new in %s", view);
  cl_window_show_view (window, view);
  page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (cl_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                           view);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_ui_settle (100);
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (plus), ==, tooltip);
  if (type == G_TYPE_NONE)
    {
      g_assert_false (gtk_widget_get_sensitive (plus));
      cl_test_ui_press_keys ("ctrl+n");
      cl_test_ui_settle (300);
      g_assert_null (cl_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
      g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_NEW_PATIENT_DIALOG));
      return;
    }
  g_assert_true (gtk_widget_get_sensitive (plus));
  cl_test_ui_press_keys ("ctrl+n");
  cl_test_ui_wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
  made = cl_test_ui_find_toplevel (type);
  g_object_add_weak_pointer (G_OBJECT (made), (gpointer *) &made);
  if (GTK_IS_DIALOG (made))
    gtk_dialog_response (GTK_DIALOG (made), GTK_RESPONSE_CANCEL);
  else
    gtk_window_destroy (made);
  cl_test_ui_settle (100);
  g_assert_null (made);

  /* The "+" does the same. */
  gtk_widget_activate (plus);
  cl_test_ui_wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
  made = cl_test_ui_find_toplevel (type);
  g_object_add_weak_pointer (G_OBJECT (made), (gpointer *) &made);
  if (GTK_IS_DIALOG (made))
    gtk_dialog_response (GTK_DIALOG (made), GTK_RESPONSE_CANCEL);
  else
    gtk_window_destroy (made);
  cl_test_ui_settle (100);
  g_assert_null (made);
}

static void
test_new_follows_view (void)
{
  CLWindow *window = open_window (1280, 800);
  CLContext *context = cl_window_get_context (window);
  GtkWidget *plus = cl_test_ui_find_widget_where (GTK_WIDGET (window), is_new_button, NULL);

  g_assert_nonnull (plus);
  check_new (window, plus, "roster", CL_TYPE_NEW_PATIENT_DIALOG, _("New Patient (Ctrl+N)"));
  /* The Archive imports reports, for a patient shown only. */
  check_new (window, plus, "archive", G_TYPE_NONE, _("Import Reports (Ctrl+N)"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-archive", "(ss)", patient_id, "");
  check_new (window, plus, "archive", GTK_TYPE_FILE_CHOOSER_DIALOG, _("Import Reports (Ctrl+N)"));
  check_new (window, plus, "escorts", CL_TYPE_ESCORT_TASK_DIALOG, _("New Task (Ctrl+N)"));
  check_new (window, plus, "vip-rooms", CL_TYPE_VIP_BOOKING_DIALOG, _("New Booking (Ctrl+N)"));
  check_new (window, plus, "settlement", CL_TYPE_DEDUCTION_DIALOG, _("Add Deduction (Ctrl+N)"));
  check_new (window, plus, "service-desk", G_TYPE_NONE, NULL);

  /* Who works decides: a case manager adds no deduction, an escort
   * plans no task; the "+" says so by being insensitive. */
  cl_context_set_user (context, "cm", CL_ROLE_CASE_MANAGER);
  check_new (window, plus, "settlement", G_TYPE_NONE, _("Add Deduction (Ctrl+N)"));
  check_new (window, plus, "roster", CL_TYPE_NEW_PATIENT_DIALOG, _("New Patient (Ctrl+N)"));
  cl_context_set_user (context, "escort", CL_ROLE_ESCORT);
  check_new (window, plus, "escorts", G_TYPE_NONE, _("New Task (Ctrl+N)"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CLStore) store = NULL;
  int ret;

  cl_test_ui_init (&argc, &argv);

  data_dir = cl_test_make_tmp_dir ("ui-shortcuts");
  store = cl_test_store_new_demo (data_dir, "careline.db", 60, 11);
  {
    g_autoptr(GPtrArray) some = cl_store_query_records (store, CL_TYPE_PREGNANCY,
                                                        "deleted = 0 ORDER BY lmp DESC LIMIT 1", NULL);
    g_assert_cmpuint (some->len, ==, 1);
    patient_id = g_strdup (cl_pregnancy_get_patient_id (g_ptr_array_index (some, 0)));
  }
  g_clear_object (&store);

  g_test_add_func ("/ui-shortcuts/new-follows-view", test_new_follows_view);

  ret = g_test_run ();

  cl_test_remove_tree (data_dir);
  return ret;
}
