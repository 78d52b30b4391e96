/* The visits and doctor's orders of the demo data (issue #4): ticks
 * inside their windows and never in the future, a few visits missed,
 * the roster's "Next Visit" column that follows from them, orders the
 * order store's own rules accept, and the same records for a seed. */

#define G_LOG_DOMAIN "test-demo-visits"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cl-date.h"
#include "cl-demo-data.h"
#include "cl-doctor-order.h"
#include "cl-order-store.h"
#include "cl-roster-row.h"
#include "cl-store-roster.h"
#include "cl-store-private.h"
#include "cl-store.h"
#include "cl-staff.h"
#include "cl-test-store.h"
#include "cl-test-util.h"
#include "cl-visit-plan.h"

#define N_PATIENTS 2000
#define SEED 4

static struct
{
  char    *dir;
  CLStore *store;
  GDate    today;
} fixture;

static void
parse (const char *iso,
       GDate      *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_date_parse (iso, date, &error));
  g_assert_no_error (error);
}

/* Every tick is inside its visit's window, not after today, a
 * prenatal one before the birth, by a case manager, one per visit. */
static void
test_marks_in_windows (void)
{
  g_autoptr(GPtrArray) rows = cl_test_store_rows (fixture.store,
    "SELECT m.visit, m.done_date, coalesce(nullif(g.corrected_edd, ''), g.edd), g.status,"
    " coalesce(g.delivery_date, ''), m.patient_id = g.patient_id,"
    " (SELECT count(*) FROM staff s WHERE s.username = m.done_by AND s.role = 'case_manager'),"
    " (SELECT count(*) FROM visit_mark o WHERE o.pregnancy_id = m.pregnancy_id AND o.visit = m.visit)"
    " FROM visit_mark m JOIN pregnancy g ON g.id = m.pregnancy_id WHERE m.deleted = 0");
  guint postpartum = 0;

  g_assert_cmpuint (rows->len, >, N_PATIENTS);
  for (guint i = 0; i < rows->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (rows, i), "|", -1);
      const ClVisitWindow *window = cl_visit_guideline_lookup (cl_visit_guideline_get_default (), f[0]);
      GDate done, edd, delivery, start, end;

      g_assert_nonnull (window);
      parse (f[1], &done);
      parse (f[2], &edd);
      g_date_clear (&delivery, 1);
      if (*f[4])
        parse (f[4], &delivery);
      cl_visit_window_dates (window, &edd, g_date_valid (&delivery) ? &delivery : NULL, &start, &end);

      g_assert_cmpint (g_date_compare (&done, &start), >=, 0);
      g_assert_cmpint (g_date_compare (&done, &end), <=, 0);
      g_assert_cmpint (g_date_compare (&done, &fixture.today), <=, 0);
      if (window->anchor == CL_VISIT_ANCHOR_PREGNANCY && g_date_valid (&delivery))
        g_assert_cmpint (g_date_compare (&done, &delivery), <, 0);
      else if (window->anchor == CL_VISIT_ANCHOR_DELIVERY)
        {
          g_assert_cmpstr (f[3], ==, "delivered");
          postpartum++;
        }
      g_assert_cmpstr (f[5], ==, "1");
      g_assert_cmpstr (f[6], ==, "1");
      g_assert_cmpstr (f[7], ==, "1");
    }
  g_assert_cmpuint (postpartum, >, 0);
}

/* Visits whose window closed before today (and before the birth) are
 * nearly all done: one pregnancy in about sixteen missed one; windows
 * still to open have no tick. */
static void
test_marks_done_and_missed (void)
{
  g_autoptr(GPtrArray) rows = cl_test_store_rows (fixture.store,
    "SELECT g.id, coalesce(nullif(g.corrected_edd, ''), g.edd), g.status, coalesce(g.delivery_date, ''),"
    " coalesce((SELECT group_concat(visit, ' ') FROM visit_mark m WHERE m.pregnancy_id = g.id AND m.deleted = 0), '')"
    " FROM pregnancy g WHERE g.deleted = 0");
  guint n_past = 0, n_done = 0, with_past = 0, with_missed = 0, open = 0, open_done = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (rows, i), "|", -1);
      g_auto(GStrv) done = g_strsplit (f[4], " ", -1);
      guint missed = 0, past = 0;
      GDate edd, delivery, last;

      parse (f[1], &edd);
      g_date_clear (&delivery, 1);
      last = fixture.today;
      if (*f[3])
        {
          parse (f[3], &delivery);
          if (g_date_compare (&delivery, &last) <= 0)
            {
              last = delivery;
              g_date_subtract_days (&last, 1);
            }
        }

      for (guint w = 0; w < cl_visit_guideline_get_n_windows (); w++)
        {
          const ClVisitWindow *window = cl_visit_guideline_get_window (w);
          gboolean is_done = g_strv_contains ((const char * const *) done, window->key);
          GDate start, end;

          if (window->anchor != CL_VISIT_ANCHOR_PREGNANCY)
            continue;
          cl_visit_window_dates (window, &edd, NULL, &start, &end);
          if (g_date_compare (&start, &last) > 0)
            g_assert_false (is_done);          /* nothing ahead of today */
          else if (g_date_compare (&end, &last) < 0)
            {
              past++;
              n_past++;
              n_done += is_done;
              missed += !is_done;
            }
          else
            {
              open++;
              open_done += is_done;
            }
        }
      g_assert_cmpuint (missed, <=, 1);
      with_past += past > 0;
      with_missed += missed;
    }

  g_test_message ("%u of %u closed visits done; %u of %u pregnancies missed one; %u of %u open ones done",
                  n_done, n_past, with_missed, with_past, open_done, open);
  g_assert_cmpuint (n_done * 100, >=, n_past * 97);
  g_assert_cmpuint (with_missed * 100, >=, with_past * 3);
  g_assert_cmpuint (with_missed * 100, <=, with_past * 10);
  g_assert_cmpuint (open_done * 100, >=, open * 25);
  g_assert_cmpuint (open_done * 100, <=, open * 55);
}

/* The roster's visits_done (kept by the triggers) is what was ticked,
 * and its "Next Visit" cell says overdue for a few ongoing pregnancies
 * only: those that missed a visit. */
static void
test_roster_column (void)
{
  g_autoptr(GPtrArray) check = cl_test_store_rows (fixture.store,
    "SELECT count(*) FROM roster r WHERE r.pregnancy_id IS NOT NULL AND"
    " coalesce(r.visits_done, '') <> coalesce((SELECT group_concat(visit, ' ') FROM"
    "  (SELECT visit FROM visit_mark m WHERE m.pregnancy_id = r.pregnancy_id AND m.deleted = 0)), '')");
  const ClVisitWindow *first = cl_visit_guideline_lookup (cl_visit_guideline_get_default (), "v06");
  g_autoptr(GPtrArray) ids = cl_test_store_rows (fixture.store, "SELECT patient_id FROM roster");
  guint ongoing = 0, overdue = 0, past_first = 0;

  g_assert_cmpstr (g_ptr_array_index (check, 0), ==, "0");

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CLRosterRow) row = cl_store_roster_get_row (fixture.store, g_ptr_array_index (ids, i),
                                                            &fixture.today);
      g_autofree char *text = NULL;
      gboolean is_overdue = FALSE;

      text = cl_roster_row_format_next_visit (row, &is_overdue);
      g_assert_nonnull (text);
      if (cl_roster_row_get_ga_days (row) < 0)
        continue;
      ongoing++;
      overdue += is_overdue;
      if (cl_roster_row_get_ga_days (row) >= 14 * 7 && is_overdue &&
          strstr (text, first->short_label))
        past_first++;
    }

  g_test_message ("%u of %u ongoing pregnancies overdue in the roster", overdue, ongoing);
  g_assert_cmpuint (ongoing, >, N_PATIENTS / 2);
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (overdue * 100, <=, ongoing * 10);
  /* No longer "First visit, overdue" for every one past week 14. */
  g_assert_cmpuint (past_first * 100, <=, ongoing * 5);
}

/* A few patients have orders, every one of which the order store's
 * own rules accept; some have a reminder. */
static void
test_orders (void)
{
  g_autoptr(GPtrArray) orders = cl_store_query_records (fixture.store, CL_TYPE_DOCTOR_ORDER,
                                                        "deleted = 0 ORDER BY rowid", NULL);
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  guint reminders = 0, active = 0;

  g_assert_cmpuint (orders->len, >, N_PATIENTS / 20);
  g_assert_cmpuint (orders->len, <, N_PATIENTS);
  for (guint i = 0; i < orders->len; i++)
    {
      CLDoctorOrder *order = g_ptr_array_index (orders, i);
      g_autoptr(GHashTable) field_errors = NULL;
      g_autoptr(GError) error = NULL;

      g_hash_table_add (categories, (gpointer) cl_doctor_order_get_category (order));
      reminders += cl_doctor_order_get_reminder_date (order) != NULL;
      active += g_str_equal (cl_doctor_order_get_status (order), "active");
      g_assert_nonnull (cl_doctor_order_get_pregnancy_id (order));
      g_assert_true (cl_order_store_save (fixture.store, order, CL_ROLE_CASE_MANAGER, &field_errors, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (g_hash_table_size (categories), ==, 3);
  g_assert_cmpuint (reminders, >, 0);
  g_assert_cmpuint (reminders, <, orders->len);
  g_assert_cmpuint (active, >, 0);
}

/* The same seed, the same ticks and orders (ids included). */
static void
test_determinism (void)
{
  g_autoptr(CLStore) a = cl_test_store_new_demo (fixture.dir, "a.db", 300, SEED + 1);
  g_autoptr(CLStore) b = cl_test_store_new_demo (fixture.dir, "b.db", 300, SEED + 1);
  const char *queries[] = {
    "SELECT id, pregnancy_id, visit, done_date, done_by FROM visit_mark ORDER BY rowid",
    "SELECT id, pregnancy_id, date, category, text, doctor, reminder_date, status, stop_date"
    " FROM doctor_order ORDER BY rowid",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) ra = cl_test_store_rows (a, queries[q]);
      g_autoptr(GPtrArray) rb = cl_test_store_rows (b, queries[q]);

      g_assert_cmpuint (ra->len, >, 0);
      g_assert_cmpuint (ra->len, ==, rb->len);
      for (guint i = 0; i < ra->len; i++)
        g_assert_cmpstr (g_ptr_array_index (ra, i), ==, g_ptr_array_index (rb, i));
    }
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  cl_date_today (&fixture.today);
  fixture.dir = cl_test_make_tmp_dir ("test-demo-visits");
  fixture.store = cl_test_store_new_demo (fixture.dir, "demo.db", N_PATIENTS, SEED);

  g_test_add_func ("/demo-data/visits/in-windows", test_marks_in_windows);
  g_test_add_func ("/demo-data/visits/done-and-missed", test_marks_done_and_missed);
  g_test_add_func ("/demo-data/visits/roster-column", test_roster_column);
  g_test_add_func ("/demo-data/visits/determinism", test_determinism);
  g_test_add_func ("/demo-data/orders", test_orders);

  ret = g_test_run ();
  g_clear_object (&fixture.store);
  cl_test_remove_tree (fixture.dir);
  g_free (fixture.dir);
  return ret;
}
