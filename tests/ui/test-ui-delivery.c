/* What careline-server's SMS/WeChat gateway did with an item, on the
 * Today row, as real GTK widgets under Xvfb on a real demo store at
 * 1024 × 768, in English and in Chinese: the delivery records arrive as
 * a pull from the server would store them; a message still going out
 * says so, and one the gateway could not deliver asks a person to
 * phone her (tests/server/test-gateway.c sends them for real). */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-followup-delivery.h"
#include "cl-followup-store.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-today-view.h"
#include "cl-roster-view.h"
#include "cl-window.h"

static char *data_dir;

static gboolean
count_is (gpointer data)
{
  return cl_today_view_get_count (CL_TODAY_VIEW (data)) == 2;
}

typedef struct
{
  GtkWidget  *view;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return cl_test_ui_find_label (wait->view, wait->text);
}

/* An SMS item due today for @patient, stored as the desk saves it. */
static CLFollowupRecord *
add_item (CLStore    *store,
          const char *patient,
          const char *owner,
          const char *content)
{
  CLFollowupRecord *item = cl_followup_record_new ();
  g_autoptr(GError) error = NULL;

  cl_followup_record_set_patient_id (item, patient);
  cl_followup_record_set_kind (item, "other");
  cl_followup_record_set_channel (item, "sms");
  cl_followup_record_set_due_date (item, "2026-11-23");
  cl_followup_record_set_content (item, content);
  cl_followup_record_set_owner_id (item, owner);
  g_assert_true (cl_followup_store_save (store, item, "case_manager", NULL, &error));
  g_assert_no_error (error);
  return item;
}

/* The server's delivery record for @item, as a pull stores it. */
static void
pull_delivery (CLStore          *store,
               CLFollowupRecord *item,
               const char       *status,
               gint64            rev)
{
  g_autoptr(CLFollowupDelivery) delivery = cl_followup_delivery_new ();
  g_autoptr(GError) error = NULL;

  cl_followup_delivery_set_followup_item_id (delivery, cl_record_get_id (CL_RECORD (item)));
  cl_followup_delivery_set_patient_id (delivery, cl_followup_record_get_patient_id (item));
  cl_followup_delivery_set_channel (delivery, "sms");
  cl_followup_delivery_set_status (delivery, status);
  cl_followup_delivery_set_attempts (delivery, 3);
  cl_followup_delivery_set_status_at (delivery, 1795400000);
  cl_record_set_rev (CL_RECORD (delivery), rev);
  g_assert_true (cl_store_begin (store, &error));
  g_assert_true (cl_store_write_record (store, CL_RECORD (delivery), CL_WRITE_FROM_SERVER, &error));
  g_assert_true (cl_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
test_delivery (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLTodayView *view = CL_TODAY_VIEW (cl_window_get_today_view (window));
  CLStore *store = cl_window_get_store (window);
  g_autoptr(CLFollowupRecord) failed = NULL;
  g_autoptr(CLFollowupRecord) queued = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *patient = NULL;
  g_autofree char *sql = NULL;
  LabelWait wait = { GTK_WIDGET (view), NULL };

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_window_show_view (window, "today");
  owner = g_strdup (cl_today_view_get_owner_id (view));
  g_assert_nonnull (owner);
  sql = g_strdup_printf ("SELECT id FROM patient WHERE case_manager_id = '%s' LIMIT 1", owner);
  patient = cl_test_store_text (store, sql);
  g_assert_nonnull (patient);

  failed = add_item (store, patient, owner,
                     cl_test_ui_is_chinese () ? "提醒她明天来院做糖耐量检查" : "Remind her of tomorrow's glucose test");
  queued = add_item (store, patient, owner,
                     cl_test_ui_is_chinese () ? "提醒她带上产检手册" : "Remind her to bring her pregnancy booklet");
  cl_test_ui_wait_until (count_is, view);
  /* Before the server sent anything: no status. */
  g_assert_false (cl_test_ui_find_label (GTK_WIDGET (view), C_("message delivery", "Not delivered — phone her")));

  pull_delivery (store, failed, "failed", 41);
  pull_delivery (store, queued, "queued", 42);
  wait.text = C_("message delivery", "Not delivered — phone her");
  cl_test_ui_wait_until (label_shown, &wait);
  wait.text = C_("message delivery", "Sending…");
  cl_test_ui_wait_until (label_shown, &wait);
  /* Both stay on her list: the failed one for a person to phone. */
  g_assert_cmpuint (cl_today_view_get_count (view), ==, 2);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "today-delivery");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-delivery", 30, 13);

  g_test_add_func ("/ui/today/delivery", test_delivery);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
