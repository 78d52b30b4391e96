/* The hospital directory, as real GTK widgets under Xvfb on a real demo
 * store, in English and in Chinese: an administrator adds a department
 * and a doctor with a Monday morning session in the Hospital Directory
 * window (a doctor without a name refused at the field, nothing
 * written); the desk opens the directory from the quick-entry bar with
 * Ctrl+D (a real key press), finds the doctor by "zhang" and the
 * department by "ck", sees the doctor among today's sessions, marks
 * them not arrived with whom it phoned, sees the session on the day's
 * late list, and records the arrival.  Screenshots at 1024 × 768 and
 * 1280 × 800. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-desk-view.h"
#include "cl-directory-entry-dialog.h"
#include "cl-directory-page.h"
#include "cl-directory-window.h"
#include "cl-doctor-dialog.h"
#include "cl-roster-model.h"
#include "cl-roster-view.h"
#include "cl-store-directory.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static char *data_dir;

static void
type (GtkWidget  *row,
      const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Chooses the item of @row's model whose text is @text. */
static void
choose (GtkWidget  *row,
        const char *text)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          return;
        }
    }
  g_error ("no “%s” to choose", text);
}

static gboolean
window_shown (gpointer data)
{
  return cl_test_ui_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
late_reaches_one (gpointer page)
{
  return cl_directory_page_get_n_late (page) == 1;
}

static void
admin_adds (CLWindow *window)
{
  CLStore *store = cl_window_get_store (window);
  CLDirectoryWindow *directory;
  CLDirectoryEntryDialog *entry;
  CLDoctorDialog *dialog;
  gint64 doctors;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.directory", NULL);
  cl_test_ui_wait_until (window_shown, GSIZE_TO_POINTER (CL_TYPE_DIRECTORY_WINDOW));
  directory = CL_DIRECTORY_WINDOW (cl_test_ui_find_toplevel (CL_TYPE_DIRECTORY_WINDOW));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, directory);

  /* A department, with where it is. */
  cl_directory_window_show_page (directory, "departments");
  entry = CL_DIRECTORY_ENTRY_DIALOG (cl_directory_window_open_form (directory, -1));
  g_assert_nonnull (entry);
  type (cl_directory_entry_dialog_get_field (entry, "name"), "测试产科");
  type (cl_directory_entry_dialog_get_field (entry, "name_en"), "Test Obstetrics");
  type (cl_directory_entry_dialog_get_field (entry, "building"), "门诊楼");
  type (cl_directory_entry_dialog_get_field (entry, "floor"), "3");
  type (cl_directory_entry_dialog_get_field (entry, "room"), "305");
  g_assert_true (cl_directory_entry_dialog_save (entry));
  cl_test_ui_settle (200);

  /* A doctor without a name is refused at the field; nothing written. */
  cl_directory_window_show_page (directory, "doctors");
  doctors = cl_test_store_count (store, "SELECT count(*) FROM doctor");
  dialog = CL_DOCTOR_DIALOG (cl_directory_window_open_form (directory, -1));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  choose (cl_doctor_dialog_get_field (dialog, "department_id"),
          cl_test_ui_is_chinese () ? "测试产科" : "Test Obstetrics");
  g_assert_false (cl_doctor_dialog_save (dialog));
  g_assert_cmpstr (cl_doctor_dialog_get_error (dialog, "name"), ==, _("Enter the doctor’s name"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM doctor"), ==, doctors);

  type (cl_doctor_dialog_get_field (dialog, "name"), "张丽华");
  type (cl_doctor_dialog_get_field (dialog, "specialty"), "高危妊娠");
  choose (cl_doctor_dialog_get_field (dialog, "title"), C_("doctor", "Chief Physician"));
  /* 23 November 2026, the desk's today, is a Monday. */
  choose (cl_doctor_dialog_get_field (dialog, "weekday"), _("Monday"));
  choose (cl_doctor_dialog_get_field (dialog, "half_day"), C_("half-day", "Morning"));
  type (cl_doctor_dialog_get_field (dialog, "room"), "305");
  g_assert_true (cl_doctor_dialog_add_session (dialog));
  choose (cl_doctor_dialog_get_field (dialog, "weekday"), _("Wednesday"));
  choose (cl_doctor_dialog_get_field (dialog, "half_day"), C_("half-day", "Afternoon"));
  type (cl_doctor_dialog_get_field (dialog, "room"), "306");
  g_assert_true (cl_doctor_dialog_add_session (dialog));
  g_assert_cmpuint (cl_doctor_dialog_get_n_sessions (dialog), ==, 2);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "doctor-dialog");
  g_assert_true (cl_doctor_dialog_save (dialog));
  cl_test_ui_settle (300);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM doctor"), ==, doctors + 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM doctor_session WHERE deleted = 0"
                                               " AND doctor_id = (SELECT id FROM doctor WHERE name = '张丽华')"), ==, 2);
  g_assert_cmpuint (cl_directory_window_get_n_rows (directory, "doctors"), ==, doctors + 1);
  gtk_window_set_default_size (GTK_WINDOW (directory), 760, 600);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (directory), "directory-window");
  /* A price typed in yuan: a negative one refused at the field. */
  cl_directory_window_show_page (directory, "prices");
  entry = CL_DIRECTORY_ENTRY_DIALOG (cl_directory_window_open_form (directory, -1));
  type (cl_directory_entry_dialog_get_field (entry, "code"), "TEST01");
  type (cl_directory_entry_dialog_get_field (entry, "name"), "加急检查");
  type (cl_directory_entry_dialog_get_field (entry, "unit"), "次");
  type (cl_directory_entry_dialog_get_field (entry, "price_fen"), "-5");
  g_assert_false (cl_directory_entry_dialog_save (entry));
  g_assert_nonnull (cl_directory_entry_dialog_get_error (entry, "price_fen"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM service_price WHERE code = 'TEST01'"), ==, 0);
  type (cl_directory_entry_dialog_get_field (entry, "price_fen"), "35.5");
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (entry), "price-dialog");
  g_assert_true (cl_directory_entry_dialog_save (entry));
  g_assert_cmpint (cl_test_store_count (store, "SELECT price_fen FROM service_price WHERE code = 'TEST01'"), ==, 3550);

  /* A seeded procedure edited to the hospital's own place. */
  cl_directory_window_show_page (directory, "procedures");
  g_assert_cmpuint (cl_directory_window_get_n_rows (directory, "procedures"), ==, 10);
  entry = CL_DIRECTORY_ENTRY_DIALOG (cl_directory_window_open_form (directory, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_directory_entry_dialog_get_field (entry, "title"))), ==, "挂号");
  type (cl_directory_entry_dialog_get_field (entry, "place"), "门诊楼1F 东侧挂号处");
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (entry), "procedure-dialog");
  g_assert_true (cl_directory_entry_dialog_save (entry));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM procedure_guide WHERE title = '挂号'"
                                               " AND place = '门诊楼1F 东侧挂号处' AND steps LIKE '1. %'"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (directory));
}

static void
desk_answers (CLWindow *window)
{
  CLDeskView *view = CL_DESK_VIEW (cl_window_get_desk_view (window));
  GtkStack *stack = GTK_STACK (cl_desk_view_get_widget (view, "stack"));
  CLDirectoryPage *page = CL_DIRECTORY_PAGE (cl_desk_view_get_widget (view, "directory"));
  GtkEditable *search = GTK_EDITABLE (cl_directory_page_get_widget (page, "search"));
  g_autofree char *doctor = g_strdup_printf ("张丽华 · %s", C_("doctor", "Chief Physician"));
  GtkWidget *button;
  g_autofree char *late_title = NULL;

  cl_window_show_view (window, "desk");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);
  cl_desk_view_focus_entry (view);
  cl_test_ui_settle (200);
  /* From the quick-entry bar, the caller asking who is in today. */
  cl_test_ui_press_keys ("ctrl+d");
  cl_test_ui_settle (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "directory");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (search)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (search))),
                                         GTK_WIDGET (search)));

  gtk_editable_set_text (search, "zhang");
  cl_test_ui_settle (400);
  g_assert_cmpuint (cl_directory_page_get_n_results (page), >=, 1);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), doctor));
  gtk_editable_set_text (search, "cesh");
  cl_test_ui_settle (400);
  g_assert_cmpuint (cl_directory_page_get_n_results (page), ==, 1);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), cl_test_ui_is_chinese () ? "测试产科" : "Test Obstetrics"));
  gtk_editable_set_text (search, "guahao");
  cl_test_ui_settle (400);
  g_assert_cmpuint (cl_directory_page_get_n_results (page), >=, 1);
  gtk_editable_set_text (search, "test01");
  cl_test_ui_settle (400);
  g_assert_cmpuint (cl_directory_page_get_n_results (page), ==, 1);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), "¥35.50 / 次") ||
                 cl_test_ui_find_label (GTK_WIDGET (page), "¥35.50/次"));
  gtk_editable_set_text (search, "zhang");
  cl_test_ui_settle (400);

  /* Today's sessions: the doctor's Monday morning. */
  g_assert_cmpuint (cl_directory_page_get_n_sessions (page), >=, 1);
  g_assert_cmpuint (cl_directory_page_get_n_late (page), ==, 0);
  button = NULL;
  for (guint i = 0; i < cl_directory_page_get_n_sessions (page) && !button; i++)
    {
      GtkWidget *candidate = cl_directory_page_get_session_button (page, i);
      GtkWidget *row = gtk_widget_get_ancestor (candidate, ADW_TYPE_ACTION_ROW);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), doctor) == 0)
        button = candidate;
    }
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, _("Not Arrived…"));
  gtk_widget_activate (button);
  cl_test_ui_settle (300);
  g_assert_true (gtk_widget_get_visible (cl_directory_page_get_widget (page, "mark_popover")));
  type (cl_directory_page_get_widget (page, "phoned"), "产科护士长");
  cl_test_ui_settle (100);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "directory-mark-1024");
  gtk_widget_activate (cl_directory_page_get_widget (page, "mark"));
  cl_test_ui_wait_until (late_reaches_one, page);
  g_assert_cmpint (cl_test_store_count (cl_window_get_store (window),
                                        "SELECT count(*) FROM session_check WHERE phoned = '产科护士长'"
                                        " AND date = '2026-11-23' AND half_day = 'morning' AND arrived_at = 0"), ==, 1);
  late_title = g_strdup_printf (_("Today’s Late Sessions (%u)"), 1);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), late_title));
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "directory-1024");

  /* The doctor comes 25 minutes later. */
  g_setenv ("CARELINE_NOW", "2026-11-23T08:40:00", TRUE);
  for (guint i = 0; i < cl_directory_page_get_n_sessions (page); i++)
    {
      GtkWidget *candidate = cl_directory_page_get_session_button (page, i);

      if (candidate && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (candidate)), C_("doctor session", "Arrived")) == 0)
        {
          gtk_widget_activate (candidate);
          break;
        }
    }
  cl_test_ui_settle (300);
  g_assert_cmpint (cl_test_store_count (cl_window_get_store (window),
                                        "SELECT count(*) FROM session_check WHERE arrived_at > marked_at"), ==, 1);
  g_assert_cmpuint (cl_directory_page_get_n_late (page), ==, 1);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cl_test_ui_settle (500);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "directory-1280");
}

static void
test_directory (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  admin_adds (window);
  desk_answers (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T08:15:00", TRUE);
  data_dir = cl_test_ui_make_demo_store ("ui-directory", 20, 21);
  g_test_add_func ("/ui/directory/sessions", test_directory);
  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
