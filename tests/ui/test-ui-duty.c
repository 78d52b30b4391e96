/* The Duty Roster window as real GTK widgets under Xvfb on a real demo
 * store, in English and in Chinese: opened from the main menu's action
 * for the service desk; real key presses move the cell cursor, a typed
 * "e" opens the popover on Early, and the chosen post is assigned, the
 * hours and the coverage warnings redone at once; a night into the
 * next morning's early shift is warned of in words; Delete clears a
 * day; a drop moves a day and with Ctrl copies it; someone who left
 * meanwhile is refused in the popover with nothing written; Copy Last
 * Week fills the next week; a real pointer drag moves a day to another
 * person's, and with Ctrl held copies it; an administrator's post form refuses a
 * headcount of 0 at its field and saves 5.  Screenshots at 1024 × 768. */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-duty-posts-dialog.h"
#include "cl-duty-store.h"
#include "cl-duty-window.h"
#include "cl-roster-view.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

#define CENTRE "5eed0000-0000-4000-8000-00000000d001"
#define EMERGENCY "5eed0000-0000-4000-8000-00000000d007"

static char *data_dir;

static gint64
count (CLStore    *store,
       const char *where)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM duty_assignment WHERE deleted = 0", where, NULL);

  return cl_test_store_count (store, sql);
}

static const char *
staff_id (CLDutyWindow *window,
          guint         row)
{
  return cl_record_get_id (g_ptr_array_index (cl_duty_window_get_week (window)->staff, row));
}

static gboolean
has_warning (CLDutyWindow *window,
             const char   *text)
{
  for (guint i = 0; i < cl_duty_window_get_n_warnings (window); i++)
    if (strstr (cl_duty_window_get_warning (window, i), text))
      return TRUE;
  return FALSE;
}

/* A real pointer: xdotool moves the X server's pointer over the middle
 * of @widget, pressing or releasing the first button with @action. */
static void
pointer (GtkWidget  *widget,
         const char *action,
         double      dx)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  double sx, sy, wx, wy;
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autofree char *px = NULL, *py = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  gtk_native_get_surface_transform (native, &sx, &sy);
  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native),
                                                   gtk_widget_get_width (widget) / 2.0 + dx,
                                                   gtk_widget_get_height (widget) / 2.0, &wx, &wy));
  px = g_strdup_printf ("%d", (int) (wx + sx));
  py = g_strdup_printf ("%d", (int) (wy + sy));
  {
    const char *argv[] = { "xdotool", "mousemove", "--window", xid, px, py,
                           action ? action : NULL, action ? "1" : NULL, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  cl_test_ui_settle (150);
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_week (void)
{
  CLWindow *main_window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (main_window);
  CLStore *store = cl_context_get_store (context);
  CLDutyWindow *window;
  CLDutyAssignPopover *popover;
  g_autofree char *where = NULL;
  g_autofree char *expected = NULL;
  guint row, day, before;
  GDate wednesday;

  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (main_window))));
  /* A case manager may not build the roster: no menu entry. */
  cl_context_set_user (context, "cm", "case_manager");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.duty-roster", NULL)
                  && cl_test_ui_find_toplevel (CL_TYPE_DUTY_WINDOW));
  cl_context_set_user (context, "desk", "service_desk");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.duty-roster", NULL));
  window = CL_DUTY_WINDOW (cl_test_ui_find_toplevel (CL_TYPE_DUTY_WINDOW));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, window);
  /* The demo's escorts and guides, this week of 23 November, nobody on duty:
   * every post short every day. */
  g_assert_cmpuint (cl_duty_window_get_week (window)->staff->len, >=, 6);
  g_assert_cmpstr (cl_duty_window_get_week (window)->days[0], ==, "2026-11-23");
  g_assert_cmpuint (cl_duty_window_get_n_warnings (window), >=, 49);
  before = cl_duty_window_get_n_warnings (window);
  /* Each cell is named in words, for a screen reader and a tooltip. */
  {
    g_autofree char *said = cl_duty_week_cell_description (cl_duty_window_get_week (window), 0, 0);

    g_assert_cmpstr (gtk_widget_get_tooltip_text (cl_duty_window_get_cell (window, 0, 0)), ==, said);
    g_assert_nonnull (strstr (said, _("not on duty")));
  }

  /* Real keys: from Monday of the first person, right twice and down
   * once is Wednesday of the second; "e" opens the popover on Early. */
  gtk_widget_grab_focus (cl_duty_window_get_cell (window, 0, 0));
  cl_test_ui_settle (100);
  cl_test_ui_press_keys ("Right Right Down");
  cl_duty_window_get_cursor (window, &row, &day);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (day, ==, 2);
  cl_test_ui_press_keys ("e");
  popover = cl_duty_window_get_popover (window);
  cl_test_ui_wait_until (popover_shown, popover);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cl_duty_assign_popover_get_field (popover, "shift"))),
                    ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cl_duty_assign_popover_get_field (popover, "post_id"))),
                    ==, 0);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (popover), "duty-popover");
  g_assert_true (cl_duty_assign_popover_save (popover));
  cl_test_ui_settle (100);
  where = g_strdup_printf (" AND staff_id = '%s' AND day = '2026-11-25' AND shift = 'early' AND post_id = '%s'",
                           staff_id (window, 1), CENTRE);
  g_assert_cmpint (count (store, where), ==, 1);
  g_clear_pointer (&where, g_free);
  /* The service centre on Wednesday now has one of four: the warnings
   * are redone at once, the person's hours too. */
  g_assert_cmpint (cl_duty_week_minutes (cl_duty_window_get_week (window), 1), ==, 8 * 60);
  g_assert_cmpuint (cl_duty_window_get_n_warnings (window), ==, before);
  g_assert_true (has_warning (window, _("1 on duty, 4 people needed")) || cl_test_ui_is_chinese ());

  /* A night at the emergency on Tuesday runs into Wednesday's early
   * shift: two shifts at once, said with the person's name. */
  g_assert_true (cl_duty_store_set_cell (store, staff_id (window, 1), "2026-11-24", EMERGENCY, "night",
                                         CL_ROLE_SERVICE_DESK, NULL, NULL));
  cl_test_ui_settle (200);
  g_assert_true (cl_date_parse ("2026-11-25", &wednesday, NULL));
  {
    g_autofree char *words = cl_duty_format_day (&wednesday);
    CLStaff *staff = g_ptr_array_index (cl_duty_window_get_week (window)->staff, 1);

    expected = g_strdup_printf (_("%s on %s: two shifts at once, %s at %s and %s at %s"),
                                cl_staff_get_display_name (staff), words,
                                g_dpgettext2 (NULL, "duty shift", "Night"),
                                cl_test_ui_is_chinese () ? "急诊儿科" : "Paediatric emergency",
                                g_dpgettext2 (NULL, "duty shift", "Early"),
                                cl_test_ui_is_chinese () ? "门诊服务中心" : "Outpatient service centre");
  }
  g_assert_true (has_warning (window, expected));
  g_assert_true (gtk_widget_has_css_class (cl_duty_window_get_cell (window, 1, 2), "duty-flagged"));
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "duty-1024");

  /* Delete clears the day under the cursor. */
  gtk_widget_grab_focus (cl_duty_window_get_cell (window, 1, 1));
  cl_test_ui_settle (100);
  cl_test_ui_press_keys ("Delete");
  where = g_strdup_printf (" AND staff_id = '%s' AND day = '2026-11-24'", staff_id (window, 1));
  g_assert_cmpint (count (store, where), ==, 0);
  g_clear_pointer (&where, g_free);
  g_assert_false (has_warning (window, expected));

  /* A drop moves Wednesday's early shift to the first person's
   * Thursday; with Ctrl it is copied to Friday. */
  g_assert_true (cl_duty_window_drop (window, 1, 2, 0, 3, FALSE));
  where = g_strdup_printf (" AND staff_id = '%s' AND day = '2026-11-26' AND shift = 'early'", staff_id (window, 0));
  g_assert_cmpint (count (store, where), ==, 1);
  g_clear_pointer (&where, g_free);
  g_assert_cmpint (count (store, ""), ==, 1);
  g_assert_true (cl_duty_window_drop (window, 0, 3, 0, 4, TRUE));
  g_assert_cmpint (count (store, ""), ==, 2);

  /* Someone who left since the popover opened: refused in it, with
   * nothing written. */
  gtk_widget_grab_focus (cl_duty_window_get_cell (window, 2, 0));
  cl_test_ui_settle (100);
  cl_test_ui_press_keys ("Return");
  cl_test_ui_wait_until (popover_shown, popover);
  {
    g_autoptr(CLStaff) left = CL_STAFF (cl_store_load_record (store, CL_TYPE_STAFF, staff_id (window, 2), NULL));

    cl_staff_set_active (left, FALSE);
    g_assert_true (cl_store_save_record (store, CL_RECORD (left), NULL));
  }
  g_assert_false (cl_duty_assign_popover_save (popover));
  g_assert_cmpstr (cl_duty_assign_popover_get_error (popover, "staff_id"), ==, _("This person no longer works here"));
  g_assert_cmpint (count (store, ""), ==, 2);
  gtk_popover_popdown (GTK_POPOVER (popover));
  cl_test_ui_settle (200);

  /* Copy Last Week: next week starts with this week's shifts. */
  gtk_widget_activate_action (GTK_WIDGET (window), "duty.next-week", NULL);
  g_assert_cmpstr (cl_duty_window_get_week (window)->days[0], ==, "2026-11-30");
  gtk_widget_activate_action (GTK_WIDGET (window), "duty.copy-last-week", NULL);
  cl_test_ui_settle (100);
  where = g_strdup_printf (" AND staff_id = '%s' AND day IN ('2026-12-03', '2026-12-04')", staff_id (window, 0));
  g_assert_cmpint (count (store, where), ==, 2);
  g_clear_pointer (&where, g_free);

  /* A real drag with the pointer: the first person's Thursday onto the
   * fourth person's Saturday moves it there. */
  cl_test_ui_settle (200);
  pointer (cl_duty_window_get_cell (window, 0, 3), "mousedown", 0);
  pointer (cl_duty_window_get_cell (window, 0, 3), NULL, 20);
  pointer (cl_duty_window_get_cell (window, 1, 4), NULL, 0);
  pointer (cl_duty_window_get_cell (window, 3, 5), NULL, -5);
  pointer (cl_duty_window_get_cell (window, 3, 5), "mouseup", 0);
  cl_test_ui_settle (300);
  where = g_strdup_printf (" AND staff_id = '%s' AND day = '2026-12-05' AND shift = 'early'", staff_id (window, 3));
  g_assert_cmpint (count (store, where), ==, 1);
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf (" AND staff_id = '%s' AND day = '2026-12-03'", staff_id (window, 0));
  g_assert_cmpint (count (store, where), ==, 0);
  g_clear_pointer (&where, g_free);

  /* With Ctrl held, the fourth person's Saturday is copied to Sunday. */
  cl_test_ui_settle (200);
  {
    const char *down[] = { "xdotool", "keydown", "ctrl", NULL };
    const char *up[] = { "xdotool", "keyup", "ctrl", NULL };

    pointer (cl_duty_window_get_cell (window, 3, 5), "mousedown", 0);
    pointer (cl_duty_window_get_cell (window, 3, 5), NULL, 20);
    g_assert_true (g_spawn_sync (NULL, (char **) down, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL));
    pointer (cl_duty_window_get_cell (window, 3, 6), NULL, -5);
    pointer (cl_duty_window_get_cell (window, 3, 6), NULL, 0);
    pointer (cl_duty_window_get_cell (window, 3, 6), "mouseup", 0);
    g_assert_true (g_spawn_sync (NULL, (char **) up, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL));
  }
  cl_test_ui_settle (300);
  where = g_strdup_printf (" AND staff_id = '%s' AND day IN ('2026-12-05', '2026-12-06') AND shift = 'early'",
                           staff_id (window, 3));
  g_assert_cmpint (count (store, where), ==, 2);
  g_clear_pointer (&where, g_free);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (main_window));
}

static void
test_posts (void)
{
  CLWindow *main_window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (main_window);
  CLStore *store = cl_context_get_store (context);
  CLDutyWindow *window;
  CLDutyPostsDialog *posts;
  CLDutyPostDialog *form;
  gpointer weak;

  cl_context_set_user (context, "admin", "admin");
  window = cl_duty_window_new (GTK_WINDOW (main_window), context);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, window);
  gtk_widget_activate_action (GTK_WIDGET (window), "duty.posts", NULL);
  posts = CL_DUTY_POSTS_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_DUTY_POSTS_DIALOG));
  g_assert_nonnull (posts);
  g_assert_cmpuint (cl_duty_posts_dialog_get_n_rows (posts), ==, 7);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (posts), "duty-posts");

  /* The service centre needs 0 people: refused at the field. */
  form = cl_duty_posts_dialog_open (posts, 0);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, form);
  gtk_editable_set_text (GTK_EDITABLE (cl_duty_post_dialog_get_field (form, "headcount")), "0");
  g_assert_false (cl_duty_post_dialog_save (form));
  g_assert_cmpstr (cl_duty_post_dialog_get_error (form, "headcount"), ==,
                   _("Enter how many people the post needs a day, from 1 to 50"));
  gtk_editable_set_text (GTK_EDITABLE (cl_duty_post_dialog_get_field (form, "morning_opens")), "8点");
  g_assert_false (cl_duty_post_dialog_save (form));
  g_assert_cmpstr (cl_duty_post_dialog_get_error (form, "morning_opens"), ==, _("Enter the time as HH:MM"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM duty_post WHERE headcount = 0 OR rev > 0"),
                   ==, 0);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (form), "duty-post-form");
  gtk_editable_set_text (GTK_EDITABLE (cl_duty_post_dialog_get_field (form, "morning_opens")), "7:45");
  gtk_editable_set_text (GTK_EDITABLE (cl_duty_post_dialog_get_field (form, "headcount")), "5");
  weak = form;
  g_object_add_weak_pointer (G_OBJECT (form), &weak);
  g_assert_true (cl_duty_post_dialog_save (form));
  cl_test_ui_wait_until (window_gone, &weak);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM duty_post WHERE id = '" CENTRE "'"
                                               " AND headcount = 5 AND morning_opens = 465"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (posts));
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (main_window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T10:00:00", TRUE);
  data_dir = cl_test_ui_make_demo_store ("ui-duty", 30, 17);

  g_test_add_func ("/ui/duty/week", test_week);
  g_test_add_func ("/ui/duty/posts", test_posts);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
