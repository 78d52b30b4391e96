/* Fitting the screen, as real GTK widgets under Xvfb on a real demo
 * store, in English and in zh_CN: every view's window fits 1024 × 768
 * (its measured minimum size); the Settlement keeps its close button,
 * Close Month…, chart and Vendor Share column on screen and asks
 * before the irreversible close with a destructive, non-default
 * button; the roster shows every column and a badged patient's whole
 * name at 1024 and 1200 px, with widths that stay put while filtering;
 * the VIP check-in bar is in time order and shows that it scrolls; the
 * Archive's group titles stay inside their card and the import dialog
 * shows the whole visit; and a screenshot of every view at 1024 × 768 and 1280 × 800
 * (build/tests/screenshot-view-NAME-WIDTH-LANG.png). */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-archive-view.h"
#include "cl-document-import-dialog.h"
#include "cl-document-list.h"
#include "cl-document-store.h"
#include "cl-enrolment-store.h"
#include "cl-patient.h"
#include "cl-roster-model.h"
#include "cl-roster-row.h"
#include "cl-roster-view.h"
#include "cl-settlement-chart.h"
#include "cl-settlement-view.h"
#include "cl-courses-window.h"
#include "cl-events-window.h"
#include "cl-staff-window.h"
#include "cl-store.h"
#include "cl-test-desk.h"
#include "cl-test-pdf.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-vip-store.h"
#include "cl-vip-view.h"
#include "cl-window.h"

/* What a desk's screen loses to its panels (a top bar and a task
 * bar) before the window gets the rest. */
#define PANEL_ALLOWANCE 48

static char *data_dir;

typedef struct
{
  GtkWidget *window;
  int        width;
  int        height;
} Size;

/* The window on screen, its client-side frame included: what the
 * user sets and the screen must hold. */
static int
screen_width (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface ? gdk_surface_get_width (surface) : 0;
}

static int
screen_height (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface ? gdk_surface_get_height (surface) : 0;
}

static gboolean
has_size (gpointer data)
{
  Size *size = data;

  return screen_width (size->window) == size->width && screen_height (size->window) == size->height;
}

/* Resizes @window as a user would and waits for its new layout.  A
 * window that cannot shrink that far stays wider: the callers check. */
static void
resize (GtkWidget *window,
        int        width,
        int        height)
{
  Size size = { window, width, height };
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  while (!has_size (&size) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  cl_test_ui_settle (300);
}

static CLWindow *
open_window (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));

  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  return window;
}

static char *
first_patient_id (CLWindow *window)
{
  g_autoptr(GPtrArray) rows = cl_test_store_rows (cl_window_get_store (window),
                                                  "SELECT id FROM patient WHERE deleted = 0 ORDER BY id LIMIT 1");

  g_assert_cmpuint (rows->len, ==, 1);
  return g_strdup (g_ptr_array_index (rows, 0));
}

/* The views a desk has, by the window's name for them; "patient" is
 * the patient page (with the Archive, what a patient's record is). */
static const char * const views[] = {
  "roster", "today", "desk", "patient", "archive", "escorts", "vip-rooms", "settlement",
};

static void
show (CLWindow   *window,
      const char *view)
{
  if (g_str_equal (view, "patient"))
    {
      g_autofree char *id = first_patient_id (window);
      cl_window_show_patient (window, id);
    }
  else
    {
      AdwLeaflet *leaflet = ADW_LEAFLET (cl_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET));

      adw_leaflet_set_visible_child_name (leaflet, "views");
      cl_window_show_view (window, view);
    }
  if (g_str_equal (view, "archive"))
    {
      g_autofree char *id = first_patient_id (window);
      CLArchiveView *archive = CL_ARCHIVE_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_ARCHIVE_VIEW));

      cl_archive_view_show_patient (archive, id, NULL);
    }
  cl_test_ui_settle (400);
}

static CLStaffWindow *
open_staff (CLWindow *window)
{
  CLStaffWindow *staff;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.staff", NULL));
  staff = CL_STAFF_WINDOW (cl_test_ui_find_toplevel (CL_TYPE_STAFF_WINDOW));
  g_assert_nonnull (staff);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, staff);
  return staff;
}

/* The smallest size @window asks for, as GTK measures it. */
static void
assert_min_size_fits (GtkWidget  *window,
                      const char *name)
{
  int min_width = 0, min_height = 0;
  /* The client-side frame (without a compositor, a thin border) is
   * on screen too. */
  int frame_x = screen_width (window) - gtk_widget_get_width (window);
  int frame_y = screen_height (window) - gtk_widget_get_height (window);

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, 1024 - frame_x, &min_height, NULL, NULL, NULL);
  g_assert_cmpint (frame_x, >=, 0);
  g_assert_cmpint (frame_y, >=, 0);
  min_width += frame_x;
  min_height += frame_y;
  g_test_message ("%s (%s): minimum %d × %d", name, cl_test_ui_lang (), min_width, min_height);
  g_assert_cmpint (min_width, <=, 1024);
  g_assert_cmpint (min_height, <=, 768 - PANEL_ALLOWANCE);
}

static void
test_min_size (void)
{
  CLWindow *window = open_window ();
  CLStaffWindow *staff;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      show (window, views[i]);
      assert_min_size_fits (GTK_WIDGET (window), views[i]);
    }
  /* Settled at 1024 × 768 for real: the window took that size. */
  resize (GTK_WIDGET (window), 1024, 768);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      show (window, views[i]);
      g_assert_cmpint (screen_width (GTK_WIDGET (window)), ==, 1024);
      g_assert_cmpint (screen_height (GTK_WIDGET (window)), ==, 768);
    }

  staff = open_staff (window);
  assert_min_size_fits (GTK_WIDGET (staff), "staff");
  gtk_window_destroy (GTK_WINDOW (staff));
  /* Health Events and the Course Catalogue, from the main menu. */
  for (guint i = 0; i < 2; i++)
    {
      const char *actions[] = { "win.events", "win.courses" };
      GType types[] = { CL_TYPE_EVENTS_WINDOW, CL_TYPE_COURSES_WINDOW };
      GtkWindow *other;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL));
      other = cl_test_ui_find_toplevel (types[i]);
      g_assert_nonnull (other);
      cl_test_ui_wait_until (cl_test_ui_widget_drawn, other);
      assert_min_size_fits (GTK_WIDGET (other), actions[i] + 4);
      gtk_window_destroy (other);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- screenshots ---------------------------------------------------- */

static void
test_screenshots (void)
{
  const int sizes[][2] = { { 1024, 768 }, { 1280, 800 } };
  CLWindow *window = open_window ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      CLStaffWindow *staff;
      g_autofree char *staff_name = g_strdup_printf ("view-staff-%d", sizes[s][0]);

      resize (GTK_WIDGET (window), sizes[s][0], sizes[s][1]);
      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          g_autofree char *name = g_strdup_printf ("view-%s-%d", views[i], sizes[s][0]);

          show (window, views[i]);
          g_assert_cmpint (screen_width (GTK_WIDGET (window)), ==, sizes[s][0]);
          cl_test_ui_save_screenshot (GTK_WIDGET (window), name);
        }

      staff = open_staff (window);
      resize (GTK_WIDGET (staff), sizes[s][0], sizes[s][1]);
      g_assert_cmpint (screen_width (GTK_WIDGET (staff)), ==, sizes[s][0]);
      cl_test_ui_save_screenshot (GTK_WIDGET (staff), staff_name);
      gtk_window_destroy (GTK_WINDOW (staff));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- settlement ----------------------------------------------------- */

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  text)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* @widget is drawn whole inside @window. */
static void
assert_inside (GtkWidget  *widget,
               GtkWidget  *window,
               const char *what)
{
  graphene_rect_t bounds;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_test_message ("%s: x %.0f to %.0f of %d", what, bounds.origin.x,
                  bounds.origin.x + bounds.size.width, gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds.size.width, >, 0);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
message_dialog_gone (gpointer data)
{
  return cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
test_settlement (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  CLSettlementView *view;
  GtkWidget *close_button;
  AdwMessageDialog *dialog;
  guint n_lines = 0;
  const char *month;

  show (window, "settlement");
  view = CL_SETTLEMENT_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_SETTLEMENT_VIEW));
  /* A month with lines, so that the columns are drawn. */
  cl_settlement_get_lines (cl_settlement_view_get_settlement (view), &n_lines);
  for (guint i = 0; i < 12 && n_lines == 0; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (view), "settlement.previous-month", NULL);
      cl_settlement_get_lines (cl_settlement_view_get_settlement (view), &n_lines);
    }
  g_assert_cmpuint (n_lines, >, 0);
  month = cl_settlement_view_get_month (view);

  for (guint w = 0; w < 2; w++)
    {
      GtkWidget *win = GTK_WIDGET (window);

      resize (win, w == 0 ? 1024 : 1280, w == 0 ? 768 : 800);
      g_assert_cmpint (screen_width (win), ==, w == 0 ? 1024 : 1280);
      close_button = cl_test_ui_find_widget_where (win, has_action, "settlement.close-month");
      assert_inside (close_button, win, "Close Month…");
      assert_inside (cl_test_ui_find_widget_where (win, has_action, "settlement.print"), win, "Print…");
      assert_inside (GTK_WIDGET (cl_test_ui_find_widget (win, CL_TYPE_SETTLEMENT_CHART)), win, "chart");
      assert_inside (cl_test_ui_find_widget_where (win, is_mapped_label, _("Vendor Share")), win, "Vendor Share");
      /* Every other action is a button or in the menu beside Print. */
      if (cl_test_ui_find_widget_where (win, has_action, "settlement.add-deduction") == NULL)
        {
          assert_inside (cl_test_ui_find_widget_where (win, has_tooltip, _("More Settlement Actions")), win, "menu");
          g_test_message ("at %d px the secondary actions are in the menu", gtk_widget_get_width (win));
        }
      else
        assert_inside (cl_test_ui_find_widget_where (win, has_action, "settlement.export-csv"), win, "Export CSV…");
      /* Closing cannot be undone: it is not the view's blue button. */
      g_assert_false (gtk_widget_has_css_class (close_button, "suggested-action"));
    }

  /* The confirmation names the verb, is destructive, and Enter or
   * Escape answer Cancel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "settlement.close-month", NULL));
  cl_test_ui_wait_until (message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "close"), ==, _("Close _Month"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "close"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "close-month-dialog");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (message_dialog_gone, NULL);
  g_assert_false (cl_enrolment_store_month_is_closed (store, month));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "settlement.close-month", NULL));
  cl_test_ui_wait_until (message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (cl_enrolment_store_month_is_closed (store, month));
  cl_test_ui_settle (200);
  g_assert_false (gtk_widget_is_sensitive (cl_test_ui_find_widget_where (GTK_WIDGET (window), has_action,
                                                                          "settlement.close-month")));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- roster -------------------------------------------------------- */

static GtkWidget *
column_title (GtkColumnView *view,
              const char    *title)
{
  GtkWidget *label = cl_test_ui_find_widget_where (GTK_WIDGET (view), is_mapped_label, title);
  GType type = g_type_from_name ("GtkColumnViewTitle");
  GtkWidget *header = label && type ? gtk_widget_get_ancestor (label, type) : NULL;

  g_assert_nonnull (label);
  return header ? header : label;
}

/* Every column's title is on screen, with no sideways scrolling. */
static void
assert_columns_visible (CLRosterView *view,
                        int          *widths)
{
  GtkColumnView *columns = cl_roster_view_get_column_view (view);
  GListModel *list = gtk_column_view_get_columns (columns);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (columns), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));

  g_test_message ("roster at %d px: content %.0f in %.0f", gtk_widget_get_width (GTK_WIDGET (view)),
                  gtk_adjustment_get_upper (adj), gtk_adjustment_get_page_size (adj));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      const char *title = gtk_column_view_column_get_title (column);
      GtkWidget *header = column_title (columns, title);

      widths[i] = gtk_widget_get_width (header);
      g_test_message ("  %s: %d px (fixed %d)", title, widths[i], gtk_column_view_column_get_fixed_width (column));
    }
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), <=, gtk_adjustment_get_page_size (adj) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      const char *title = gtk_column_view_column_get_title (column);

      assert_inside (column_title (columns, title), GTK_WIDGET (view), title);
    }
}

static CLRosterRow *
find_badged (CLRosterModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *priority = cl_roster_row_get_priority (row);

      if (priority && *priority)
        return g_steal_pointer (&row);
    }
  return NULL;
}

static void
test_roster (void)
{
  CLWindow *window = open_window ();
  CLRosterView *view = CL_ROSTER_VIEW (cl_window_get_roster_view (window));
  CLRosterModel *model = cl_roster_view_get_model (view);
  g_autoptr(CLRosterRow) badged = find_badged (model);
  g_autofree char *name = NULL;
  const int widths[] = { 1024, 1200 };

  g_assert_nonnull (badged);
  name = g_strdup (cl_roster_row_get_name (badged));
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      int before[16] = { 0 }, after[16] = { 0 };
      GtkWidget *label;
      int natural = 0;
      g_autofree char *shot = g_strdup_printf ("roster-badged-%d", widths[w]);

      resize (GTK_WIDGET (window), widths[w], 768);
      g_assert_cmpint (screen_width (GTK_WIDGET (window)), ==, widths[w]);
      gtk_editable_set_text (cl_roster_view_get_search_entry (view), "");
      cl_test_ui_wait_until (cl_test_ui_roster_settled, model);
      cl_test_ui_settle (300);
      assert_columns_visible (view, before);

      /* Filtered down to her: the columns keep their widths, and her
       * name is whole beside its badge. */
      gtk_editable_set_text (cl_roster_view_get_search_entry (view), name);
      cl_test_ui_wait_until (cl_test_ui_roster_settled, model);
      cl_test_ui_settle (300);
      assert_columns_visible (view, after);
      for (guint i = 0; i < G_N_ELEMENTS (before); i++)
        g_assert_cmpint (after[i], ==, before[i]);

      label = cl_test_ui_find_widget_where (GTK_WIDGET (cl_roster_view_get_column_view (view)), is_mapped_label, name);
      g_assert_nonnull (label);
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_test_message ("badged name “%s”: %d px of %d", name, gtk_widget_get_width (label), natural);
      g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
      cl_test_ui_save_screenshot (GTK_WIDGET (window), shot);
    }
  gtk_editable_set_text (cl_roster_view_get_search_entry (view), "");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the VIP check-in bar ------------------------------------------- */

static gboolean
is_checkin_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), _("Check in")) == 0;
}

static void
test_checkin_bar (void)
{
  CLWindow *window = open_window ();
  GtkWidget *first, *earlier, *later, *scroller;
  GtkAdjustment *adj;
  guint n = 0;
  const char *previous = "";

  resize (GTK_WIDGET (window), 1024, 768);
  cl_window_show_view (window, "vip-rooms");
  cl_test_ui_settle (500);

  /* In time order, whichever room: the bookings of the room that sorts
   * first by name start last. */
  first = cl_test_ui_find_widget_where (GTK_WIDGET (window), is_checkin_button, NULL);
  g_assert_nonnull (first);
  for (GtkWidget *b = first; b; b = gtk_widget_get_next_sibling (b), n++)
    {
      const char *text = gtk_button_get_label (GTK_BUTTON (b));

      g_test_message ("check in: %s", text);
      g_assert_cmpint (strncmp (previous, text, 5), <=, 0);
      previous = text;
    }
  g_assert_cmpuint (n, >=, 6);

  /* More than fit: the arrows show it, and reach the rest. */
  earlier = cl_test_ui_find_widget_where (GTK_WIDGET (window), has_tooltip, _("Earlier Bookings"));
  later = cl_test_ui_find_widget_where (GTK_WIDGET (window), has_tooltip, _("Later Bookings"));
  g_assert_nonnull (earlier);
  g_assert_nonnull (later);
  g_assert_false (gtk_widget_is_sensitive (earlier));
  g_assert_true (gtk_widget_is_sensitive (later));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "checkin-bar");
  scroller = gtk_widget_get_ancestor (first, GTK_TYPE_SCROLLED_WINDOW);
  adj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_signal_emit_by_name (later, "clicked");
  cl_test_ui_settle (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
  g_assert_true (gtk_widget_is_sensitive (earlier));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two rooms of the test's own, the one whose name sorts first booked
 * late in the day, the other through the morning, all after "now"
 * (09:15). */
static void
add_bookings (void)
{
  g_autoptr(CLStore) store = cl_test_store_open (data_dir);
  g_autoptr(GPtrArray) patients = cl_test_store_rows (store, "SELECT id FROM patient WHERE deleted = 0 ORDER BY id LIMIT 8");
  g_autoptr(GError) error = NULL;
  char *rooms[2];

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CLVipRoom) room = cl_vip_room_new ();

      cl_vip_room_set_name (room, i == 0 ? "A 贵宾室" : "Z 贵宾室");
      cl_vip_room_set_location (room, "门诊楼 2 层");
      cl_vip_room_set_opens (room, 8 * 60);
      cl_vip_room_set_closes (room, 18 * 60);
      cl_vip_room_set_slot_minutes (room, 30);
      cl_vip_room_set_active (room, TRUE);
      g_assert_true (cl_vip_store_save_room (store, room, "admin", &error));
      g_assert_no_error (error);
      rooms[i] = g_strdup (cl_record_get_id (CL_RECORD (room)));
    }
  for (guint i = 0; i < 8; i++)
    {
      gboolean late = i < 3;
      gint64 start = late ? cl_test_nov_2026 (23, 15 + i, 0) : cl_test_nov_2026 (23, 9, 30) + (i - 3) * 3600;
      g_autoptr(CLVipBooking) booking = cl_test_book (store, "admin", rooms[late ? 0 : 1],
                                                      g_ptr_array_index (patients, i), start, start + 1800);
    }
  g_free (rooms[0]);
  g_free (rooms[1]);
}

/* ---- the Archive ---------------------------------------------------- */

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
is_visit_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), _("Visit")) == 0;
}

/* A label showing @text under @widget is whole: not cut, not ellipsized. */
static void
assert_label_whole (GtkWidget  *widget,
                    const char *text)
{
  GtkWidget *label = cl_test_ui_find_widget_where (widget, is_mapped_label, text);
  graphene_rect_t bounds;

  g_assert_nonnull (label);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  g_assert_true (gtk_widget_compute_bounds (label, widget, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (widget));
}

static void
test_archive (void)
{
  CLWindow *window = open_window ();
  g_autofree char *dir = cl_test_make_tmp_dir ("ui-fit-pdf");
  g_autofree char *first = g_build_filename (dir, "nipt.pdf", NULL);
  g_autofree char *second = g_build_filename (dir, "ultrasound.pdf", NULL);
  const char *paths[] = { first, second, NULL };
  g_autoptr(GPtrArray) rows = cl_test_store_rows (cl_window_get_store (window),
                                                  "SELECT patient_id FROM pregnancy WHERE deleted = 0"
                                                  " ORDER BY lmp DESC LIMIT 1");
  CLArchiveView *archive;
  CLDocumentList *list;
  CLDocumentImportDialog *dialog;
  GtkWidget *visit_row;
  guint n_headers = 0;

  cl_test_pdf_write_text (first, 2, "screening");
  cl_test_pdf_write_text (second, 1, "placenta");
  resize (GTK_WIDGET (window), 1024, 768);
  cl_window_show_view (window, "archive");
  archive = CL_ARCHIVE_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_ARCHIVE_VIEW));
  cl_archive_view_show_patient (archive, g_ptr_array_index (rows, 0), NULL);
  list = CL_DOCUMENT_LIST (cl_archive_view_get_list (archive));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, list);

  /* The import dialog's visit picker shows the whole visit. */
  dialog = CL_DOCUMENT_IMPORT_DIALOG (cl_document_list_import_files (list, paths));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  cl_document_import_dialog_set_kind (dialog, "screening");
  cl_test_ui_settle (300);
  visit_row = cl_test_ui_find_widget_where (GTK_WIDGET (dialog), is_visit_row, NULL);
  g_assert_nonnull (visit_row);
  g_assert_nonnull (cl_document_import_dialog_get_visit (dialog));
  {
    g_autofree char *visit = cl_document_visit_label (cl_document_import_dialog_get_visit (dialog));

    g_test_message ("visit: %s", visit);
    assert_label_whole (visit_row, visit);
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "archive-import-1024");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  cl_document_import_dialog_import (dialog);
  cl_test_ui_wait_until (dialog_gone, &dialog);
  g_assert_cmpuint (cl_document_list_get_n_documents (list), ==, 2);
  cl_test_ui_settle (300);

  /* Each group's title stays inside the card of its reports. */
  for (GtkWidget *child = cl_test_ui_find_widget (GTK_WIDGET (list), GTK_TYPE_LIST_BOX_ROW); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *header = GTK_IS_LIST_BOX_ROW (child) ? gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (child)) : NULL;
      GtkWidget *card = gtk_widget_get_parent (child);

      if (header == NULL)
        continue;
      g_test_message ("group: %s", gtk_label_get_label (GTK_LABEL (header)));
      assert_inside (header, card, "group title");
      /* …with the card's margin on its right as on its left. */
      {
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (header, card, &bounds));
        g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (card) - bounds.origin.x);
      }
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (header))));
      n_headers++;
    }
  g_assert_cmpuint (n_headers, >=, 1);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "archive-groups-1024");

  cl_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  /* Layout only: without the accessibility bus, a busy machine's
   * at-spi registry cannot time out under the window (a critical,
   * fatal in tests, that says nothing about the layout). */
  g_setenv ("GTK_A11Y", "none", TRUE);
  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-fit", 400, 42);
  add_bookings ();

  g_test_add_func ("/fit/min-size", test_min_size);
  g_test_add_func ("/fit/roster", test_roster);
  g_test_add_func ("/fit/checkin-bar", test_checkin_bar);
  g_test_add_func ("/fit/archive", test_archive);
  /* Before the settlement's test closes its month. */
  g_test_add_func ("/fit/screenshots", test_screenshots);
  g_test_add_func ("/fit/settlement", test_settlement);

  status = g_test_run ();
  cl_test_remove_tree (data_dir);
  return status;
}
