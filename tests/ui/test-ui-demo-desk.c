/* The Service Desk on the demo store (cl-demo-desk.c) as someone trying
 * Careline sees it, as real GTK widgets under Xvfb, in English and in
 * Chinese, at 1024 × 768, as the local user (an administrator): the
 * Now page with today's contacts and open hand-overs, Complaints with
 * one overdue, Critical Values with the alarm raised, today's Opinions
 * and the Faults with one flagged.  Screenshots of each page. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-complaints-page.h"
#include "cl-critical-alarm.h"
#include "cl-critical-page.h"
#include "cl-demo-data.h"
#include "cl-desk-view.h"
#include "cl-faults-page.h"
#include "cl-opinions-page.h"
#include "cl-roster-view.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window-desk.h"
#include "cl-window.h"

static char *data_dir;

typedef struct
{
  gpointer page;
  guint  (*count) (gpointer page);
} Rows;

static gboolean
has_rows (gpointer data)
{
  Rows *rows = data;

  return rows->count (rows->page) > 0;
}

/* Shows @name and waits for its rows; returns how many. */
static guint
show (CLDeskView *view,
      const char *name,
      guint     (*count) (gpointer page))
{
  Rows rows = { cl_desk_view_get_page (view, name), count };

  cl_desk_view_show_page (view, name);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, rows.page);
  cl_test_ui_wait_until (has_rows, &rows);
  cl_test_ui_settle (300);
  return count (rows.page);
}

static guint
count_entries (gpointer page)
{
  return cl_desk_view_get_n_entries (CL_DESK_VIEW (page));
}

static void
test_demo_desk (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLDeskView *view = CL_DESK_VIEW (cl_window_get_desk_view (window));
  CLCriticalAlarm *alarm = cl_window_desk_get_alarm (window);
  CLComplaintsPage *complaints;
  guint n;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_window_show_view (window, "desk");

  /* Now: today's calls so far, some handed over and still open. */
  {
    Rows rows = { view, count_entries };

    cl_desk_view_show_page (view, "now");
    cl_test_ui_wait_until (has_rows, &rows);
    cl_test_ui_settle (300);
  }
  g_assert_cmpuint (cl_desk_view_get_n_entries (view), >=, 3);
  g_assert_cmpuint (cl_desk_view_get_n_open (view), >, 0);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "demo-desk-now");

  /* The alarm strip: one value unreported past the limit. */
  cl_critical_alarm_refresh (alarm);
  g_assert_true (cl_critical_alarm_get_active (alarm));

  n = show (view, "complaints", (gpointer) cl_complaints_page_get_n_tickets);
  complaints = CL_COMPLAINTS_PAGE (cl_desk_view_get_page (view, "complaints"));
  g_assert_cmpuint (n, >=, 6);
  g_assert_cmpuint (cl_complaints_page_get_n_overdue (complaints), ==, 1);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "demo-desk-complaints");

  n = show (view, "critical", (gpointer) cl_critical_page_get_n_rows);
  g_assert_cmpuint (n, >, 0);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "demo-desk-critical");

  n = show (view, "opinions", (gpointer) cl_opinions_page_get_n_rows);
  g_assert_cmpuint (n, >, 0);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "demo-desk-opinions");

  n = show (view, "faults", (gpointer) cl_faults_page_get_n_rows);
  g_assert_cmpuint (n, ==, 4);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "demo-desk-faults");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CLStore) store = NULL;
  int ret;

  cl_test_ui_init (&argc, &argv);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T10:30:00", TRUE);
  data_dir = cl_test_make_tmp_dir ("ui-demo-desk");
  store = cl_test_store_new_demo_full (data_dir, "careline.db", 300, 1, CL_DEMO_DATA_DEFAULT);
  g_clear_object (&store);

  g_test_add_func ("/ui/demo-desk/pages", test_demo_desk);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
