/* The visit plan (schedule as data, states, EDD correction), the
 * roster's visits_done column kept by triggers, ticks, and the rules of
 * the doctor's orders. */

#define G_LOG_DOMAIN "test-visits"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cl-date.h"
#include "cl-order-store.h"
#include "cl-patient-store.h"
#include "cl-roster-row.h"
#include "cl-store-roster.h"
#include "cl-store-private.h"
#include "cl-tables.h"
#include "cl-test-store.h"
#include "cl-test-util.h"
#include "cl-validation.h"
#include "cl-visit-mark.h"
#include "cl-visit-store.h"

static void
parse (const char *iso,
       GDate      *out)
{
  g_assert_true (cl_date_parse (iso, out, NULL));
}

static char *
iso (const GDate *date)
{
  return cl_date_to_iso (date);
}

/* The schedule is the guideline's, read from the data file. */
static void
test_schedule_default (void)
{
  ClVisitGuideline *schedule = cl_visit_guideline_get_default ();
  const char *keys[] = { "v06", "v14", "v20", "v25", "v29", "v33", "v37", "v38", "v39", "v40", "v41", "pp42" };
  const ClVisitWindow *first, *third, *pp;
  gboolean has_nt = FALSE;

  g_assert_cmpuint (cl_visit_guideline_get_n_windows (), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (cl_visit_guideline_get_window (i)->key, ==, keys[i]);

  first = cl_visit_guideline_lookup (schedule, "v06");
  g_assert_cmpint (first->start_day, ==, 6 * 7);
  g_assert_cmpint (first->end_day, ==, 13 * 7 + 6);
  g_assert_cmpint (first->anchor, ==, CL_VISIT_ANCHOR_PREGNANCY);
  for (guint i = 0; i < first->n_items; i++)
    if (g_str_equal (first->items[i]->key, "nt"))
      {
        has_nt = TRUE;
        g_assert_cmpint (first->items[i]->start_day, ==, 11 * 7);
        g_assert_cmpint (first->items[i]->end_day, ==, 13 * 7 + 6);
      }
  g_assert_true (has_nt);

  /* An item without its own window (blood pressure, on every visit)
   * has none: it shares each visit's. */
  third = cl_visit_guideline_lookup (schedule, "v20");
  g_assert_cmpint (third->end_day, ==, 24 * 7 + 6);
  g_assert_cmpstr (third->items[third->n_items - 1]->key, ==, "urine");
  g_assert_cmpint (third->items[third->n_items - 1]->start_day, ==, -1);

  pp = cl_visit_guideline_lookup (schedule, "pp42");
  g_assert_cmpint (pp->anchor, ==, CL_VISIT_ANCHOR_DELIVERY);
  g_assert_cmpint (pp->start_day, ==, 42);
  g_assert_null (cl_visit_guideline_lookup (schedule, "v99"));
}

/* Malformed hospital files are refused, naming the group. */
static void
test_schedule_bad_files (void)
{
  const struct
  {
    const char *data;
    const char *in_message;
  } cases[] = {
    { "[Visit v06]\nlabel=A\nstart=6+0\nend=5+0\n", "[Visit v06]" },
    { "[Visit v06]\nlabel=A\nstart=6+9\nend=13+6\n", "13+6" },
    { "[Visit v06]\nstart=6+0\nend=13+6\n", "label" },
    { "[Visit v06]\nlabel=A\nstart=6+0\nend=13+6\nitems=nt\n", "[Item nt]" },
    { "[Visit v06]\nlabel=A\nstart=6\nend=7\nanchor=moon\n", "anchor" },
    { "[Item nt]\nlabel=NT\n", "no [Visit" },
    { "not a key file", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClVisitGuideline) schedule = cl_visit_guideline_new_from_data (cases[i].data, -1, &error);

      g_test_message ("case %u", i);
      g_assert_null (schedule);
      g_assert_nonnull (error);
      if (cases[i].in_message)
        g_assert_nonnull (strstr (error->message, cases[i].in_message));
    }

  /* Weeks without days, and a minimal valid file. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ClVisitGuideline) schedule =
      cl_visit_guideline_new_from_data ("[Item bp]\nlabel=BP\n"
                                       "[Visit a]\nlabel=A\nstart=6\nend=13+6\nitems=bp\n", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (cl_visit_guideline_get_visit (schedule, 0)->start_day, ==, 42);
    g_assert_cmpint (cl_visit_guideline_get_visit (schedule, 0)->items[0]->end_day, ==, -1);
    /* No short name: the label. */
    g_assert_cmpstr (cl_visit_guideline_get_visit (schedule, 0)->short_label, ==, "A");
  }
}

/* The roster's short names: in the label's language only, else the
 * label itself. */
static void
test_schedule_short_labels (void)
{
  const char *data =
    "[Visit a]\nlabel=Third visit\nlabel[zh_CN]=第 3 次产检\nshort=3rd visit\nstart=6\nend=8\n"
    "[Visit b]\nlabel=Fourth visit\nlabel[zh_CN]=第 4 次\nshort=4th visit\nshort[zh_CN]=四\nstart=9\nend=10\n";
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *saved = g_strdup (language);

  for (guint zh = 0; zh < 2; zh++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClVisitGuideline) schedule = NULL;

      g_setenv ("LANGUAGE", zh ? "zh_CN" : "C", TRUE);
      schedule = cl_visit_guideline_new_from_data (data, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cl_visit_guideline_get_visit (schedule, 0)->short_label, ==, zh ? "第 3 次产检" : "3rd visit");
      g_assert_cmpstr (cl_visit_guideline_get_visit (schedule, 1)->short_label, ==, zh ? "四" : "4th visit");
    }
  if (saved)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* States on a day, with EDD correction and delivery; table-driven. */
static void
test_plan_states (void)
{
  const struct
  {
    const char   *edd;
    const char   *status;
    const char   *delivery;
    const char   *today;
    const char   *key;
    ClVisitState  state;
    const char   *start;
    const char   *end;
    const char   *done_date;
  } cases[] = {
    /* 29+0 on 2026-11-23: v06 done by a report, v14 by a tick, v20 and
     * v25 missed, v29 opens today. */
    { "2027-02-08", "ongoing", NULL, "2026-11-23", "v06", CL_VISIT_DONE, "2026-06-15", "2026-08-09", "2026-06-20" },
    { "2027-02-08", "ongoing", NULL, "2026-11-23", "v14", CL_VISIT_DONE, NULL, NULL, "2026-08-01" },
    { "2027-02-08", "ongoing", NULL, "2026-11-23", "v25", CL_VISIT_OVERDUE, "2026-10-26", "2026-11-22", NULL },
    { "2027-02-08", "ongoing", NULL, "2026-11-23", "v29", CL_VISIT_DUE, "2026-11-23", "2026-12-20", NULL },
    { "2027-02-08", "ongoing", NULL, "2026-11-23", "v33", CL_VISIT_UPCOMING, "2026-12-21", "2027-01-17", NULL },
    { "2027-02-08", "ongoing", NULL, "2026-11-23", "pp42", CL_VISIT_UPCOMING, "2027-03-22", "2027-04-05", NULL },
    /* The EDD corrected a week later: the visits not done move, the
     * done ones keep the day they were done. */
    { "2027-02-15", "ongoing", NULL, "2026-11-23", "v06", CL_VISIT_DONE, NULL, NULL, "2026-06-20" },
    { "2027-02-15", "ongoing", NULL, "2026-11-23", "v14", CL_VISIT_DONE, NULL, NULL, "2026-08-01" },
    { "2027-02-15", "ongoing", NULL, "2026-11-23", "v25", CL_VISIT_DUE, "2026-11-02", "2026-11-29", NULL },
    { "2027-02-15", "ongoing", NULL, "2026-11-23", "v29", CL_VISIT_UPCOMING, "2026-11-30", "2026-12-27", NULL },
    /* Delivered on 2027-02-01: the late visits no longer apply, the
     * 42-day revisit runs from the delivery. */
    { "2027-02-08", "delivered", "2027-02-01", "2027-03-20", "v41", CL_VISIT_SKIPPED, NULL, NULL, NULL },
    { "2027-02-08", "delivered", "2027-02-01", "2027-03-20", "pp42", CL_VISIT_DUE, "2027-03-15", "2027-03-29", NULL },
    { "2027-02-08", "delivered", "2027-02-01", "2027-04-20", "pp42", CL_VISIT_OVERDUE, "2027-03-15", "2027-03-29", NULL },
    /* Ended without a delivery: nothing is asked any more. */
    { "2027-02-08", "ended", NULL, "2026-11-23", "v29", CL_VISIT_SKIPPED, NULL, NULL, NULL },
    { "2027-02-08", "ended", NULL, "2026-11-23", "pp42", CL_VISIT_SKIPPED, NULL, NULL, NULL },
  };
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_visit_done_free);
  ClVisitDone *tick;

  g_ptr_array_add (done, cl_visit_done_new ("v06", "2026-06-20", FALSE));
  /* A second report for the same visit, later: the first date counts. */
  g_ptr_array_add (done, cl_visit_done_new ("v06", "2026-07-02", FALSE));
  tick = cl_visit_done_new ("v14", "2026-08-01", TRUE);
  tick->mark_id = g_strdup ("mark-1");
  tick->by = g_strdup ("li.na");
  g_ptr_array_add (done, tick);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClVisitPlan) plan = NULL;
      const ClPlannedVisit *visit;
      GDate edd, today, delivery;

      g_test_message ("case %u: %s on %s", i, cases[i].key, cases[i].today);
      parse (cases[i].edd, &edd);
      parse (cases[i].today, &today);
      if (cases[i].delivery)
        parse (cases[i].delivery, &delivery);
      plan = cl_visit_plan_new (NULL, &edd, cases[i].status, cases[i].delivery ? &delivery : NULL,
                                &today, done);
      visit = cl_visit_plan_lookup (plan, cases[i].key);
      g_assert_nonnull (visit);
      g_assert_cmpint (visit->state, ==, cases[i].state);
      if (cases[i].start)
        {
          g_autofree char *start = iso (&visit->start);
          g_autofree char *end = iso (&visit->end);

          g_assert_cmpstr (start, ==, cases[i].start);
          g_assert_cmpstr (end, ==, cases[i].end);
        }
      if (cases[i].done_date)
        {
          g_autofree char *date = iso (&visit->done_date);

          g_assert_cmpstr (date, ==, cases[i].done_date);
        }
      else
        g_assert_false (g_date_valid (&visit->done_date));
    }

  /* The tick's details reach the plan; the next visit skips done ones
   * and shows the overdue one first. */
  {
    g_autoptr(ClVisitPlan) plan = NULL;
    GDate edd, today;

    parse ("2027-02-08", &edd);
    parse ("2026-11-23", &today);
    plan = cl_visit_plan_new (NULL, &edd, "ongoing", NULL, &today, done);
    g_assert_true (cl_visit_plan_lookup (plan, "v14")->ticked);
    g_assert_cmpstr (cl_visit_plan_lookup (plan, "v14")->mark_id, ==, "mark-1");
    g_assert_cmpuint (cl_visit_plan_lookup (plan, "v06")->n_reports, ==, 2);
    g_assert_cmpstr (cl_visit_plan_next (plan)->window->key, ==, "v20");
  }
}

static void
test_next_for_keys (void)
{
  const struct
  {
    const char   *keys;
    const char   *next;
    ClVisitState  state;
  } cases[] = {
    { NULL, "v06", CL_VISIT_OVERDUE },
    { "v06 v14 v20", "v25", CL_VISIT_OVERDUE },
    { "v06 v14 v20 v25", "v29", CL_VISIT_DUE },
    { "v25 v20 v14 v06 v06", "v29", CL_VISIT_DUE },
    { "v06 v14 v20 v25 v29", "v33", CL_VISIT_UPCOMING },
    /* Not fooled by a key that contains another. */
    { "xv06 v066 v14", "v06", CL_VISIT_OVERDUE },
  };
  GDate edd, today, start, end;

  parse ("2027-02-08", &edd);
  parse ("2026-11-23", &today);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ClVisitState state;
      const ClVisitWindow *window = cl_visit_plan_next_for_keys (&edd, "ongoing", NULL, &today,
                                                                 cases[i].keys, &state, &start, &end);

      g_test_message ("case %u", i);
      g_assert_nonnull (window);
      g_assert_cmpstr (window->key, ==, cases[i].next);
      g_assert_cmpint (state, ==, cases[i].state);
    }
}

/* A store with one patient at 29+0 (LMP 2026-05-04). */
typedef struct
{
  char        *dir;
  CLStore     *store;
  CLPatient   *patient;
  CLPregnancy *pregnancy;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = cl_test_make_tmp_dir ("test-visits");
  f->store = cl_test_store_open (f->dir);
  cl_store_set_actor (f->store, "li.na");

  f->patient = cl_patient_new ();
  cl_patient_set_name (f->patient, "王小红");
  cl_patient_set_id_number (f->patient, "110105199103070022");
  cl_patient_set_phone (f->patient, "13812345678");
  cl_patient_set_mrn (f->patient, "MRN-0042");
  f->pregnancy = cl_pregnancy_new (cl_record_get_id (CL_RECORD (f->patient)));
  cl_pregnancy_set_lmp (f->pregnancy, "2026-05-04");
  cl_patient_store_save (f->store, f->patient, f->pregnancy, &field_errors, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->patient);
  g_clear_object (&f->pregnancy);
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
exec (CLStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  cl_store_lock (store);
  cl_store_exec (store, sql, &error);
  cl_store_unlock (store);
  g_assert_no_error (error);
}

static void
add_document (Fixture    *f,
              const char *id,
              const char *visit,
              const char *check_date)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO document (id, patient_id, pregnancy_id, title, kind,"
                                          " check_date, visit) VALUES ('%s', '%s', '%s', 'Report %s',"
                                          " 'ultrasound', '%s', %s%s%s)",
                                          id, cl_record_get_id (CL_RECORD (f->patient)),
                                          cl_record_get_id (CL_RECORD (f->pregnancy)), id, check_date,
                                          visit ? "'" : "", visit ? visit : "NULL", visit ? "'" : "");

  exec (f->store, sql);
}

static char *
roster_text (Fixture    *f,
             const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM roster WHERE patient_id = ?1", column);
  sqlite3_stmt *stmt;
  char *value = NULL;

  cl_store_lock (f->store);
  stmt = cl_store_prepare (f->store, sql, NULL);
  sqlite3_bind_text (stmt, 1, cl_record_get_id (CL_RECORD (f->patient)), -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  cl_store_unlock (f->store);
  return value;
}

static CLRosterRow *
roster_row (Fixture *f)
{
  CLRosterRow *row;
  GDate today;

  cl_date_today (&today);
  row = cl_store_roster_get_row (f->store, cl_record_get_id (CL_RECORD (f->patient)), &today);
  g_assert_nonnull (row);
  return row;
}

static char *
next_visit_text (Fixture  *f,
                 gboolean *overdue)
{
  g_autoptr(CLRosterRow) row = roster_row (f);

  return cl_roster_row_format_next_visit (row, overdue);
}

static gboolean
has_key (const char *keys,
         const char *key)
{
  g_auto(GStrv) list = g_strsplit (keys ? keys : "", " ", -1);

  return g_strv_contains ((const char * const *) list, key);
}

/* Reports (rows the archive writes) and ticks mark visits done; the
 * roster's column follows through the triggers, and the plan too. */
static void
test_roster_follows (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *text = NULL;
  gboolean overdue = FALSE;

  keys = roster_text (f, "visits_done");
  g_assert_null (keys);
  text = next_visit_text (f, &overdue);
  g_assert_true (overdue);
  g_assert_nonnull (strstr (text, cl_visit_guideline_lookup (cl_visit_guideline_get_default (), "v06")->short_label));
  g_clear_pointer (&text, g_free);
  {
    /* The cell is short; its tooltip has the full name and the day the
     * window closed. */
    g_autoptr(CLRosterRow) row = roster_row (f);
    const ClVisitWindow *v06 = cl_visit_guideline_lookup (cl_visit_guideline_get_default (), "v06");
    g_autofree char *cell = cl_roster_row_format_next_visit (row, NULL);
    g_autofree char *tooltip = cl_roster_row_describe_next_visit (row);
    g_autofree char *closed = NULL;
    g_autofree char *expected = NULL;
    GDate edd, today, start, end;

    cl_date_today (&today);
    g_assert_true (cl_date_parse (cl_roster_row_get_edd (row), &edd, NULL));
    cl_visit_window_dates (v06, &edd, NULL, &start, &end);
    closed = cl_date_format_short (&end, &today);
    expected = g_strdup_printf (_("%s, overdue since %s"), v06->label, closed);
    g_assert_cmpstr (tooltip, ==, expected);
    g_clear_pointer (&expected, g_free);
    expected = g_strdup_printf (C_("roster", "Overdue: %s"), v06->short_label);
    g_assert_cmpstr (cell, ==, expected);
    g_assert_cmpstr (v06->short_label, ==, "1st visit");
    g_assert_cmpuint (strlen (cell), <, strlen (tooltip));
  }

  add_document (f, "doc-1", "v06", "2026-06-20");
  add_document (f, "doc-2", NULL, "2026-07-01");
  g_clear_pointer (&keys, g_free);
  keys = roster_text (f, "visits_done");
  g_assert_cmpstr (keys, ==, "v06");

  g_assert_true (cl_visit_store_tick (f->store, f->pregnancy, "v14", "2026-08-01", "paper report", &error));
  g_assert_no_error (error);
  g_assert_true (cl_visit_store_tick (f->store, f->pregnancy, "v20", NULL, NULL, &error));
  g_assert_true (cl_visit_store_tick (f->store, f->pregnancy, "v25", NULL, NULL, &error));
  g_clear_pointer (&keys, g_free);
  keys = roster_text (f, "visits_done");
  g_assert_true (has_key (keys, "v06") && has_key (keys, "v14") && has_key (keys, "v25"));

  text = next_visit_text (f, &overdue);
  g_assert_false (overdue);
  g_assert_nonnull (strstr (text, cl_visit_guideline_lookup (cl_visit_guideline_get_default (), "v29")->short_label));
  g_clear_pointer (&text, g_free);

  /* Unticking is a tombstone; the roster shows the visit again. */
  g_assert_true (cl_visit_store_untick (f->store, f->pregnancy, "v25", &error));
  g_assert_no_error (error);
  g_clear_pointer (&keys, g_free);
  keys = roster_text (f, "visits_done");
  g_assert_false (has_key (keys, "v25"));
  g_assert_cmpint (sqlite3_changes (cl_store_get_db (f->store)), >=, 0);
  text = next_visit_text (f, &overdue);
  g_assert_true (overdue);
  g_clear_pointer (&text, g_free);

  /* Ticked again: the same record revived, not a second one. */
  g_assert_true (cl_visit_store_tick (f->store, f->pregnancy, "v25", NULL, NULL, &error));
  {
    g_autoptr(GPtrArray) marks = cl_store_query_records (f->store, CL_TYPE_VISIT_MARK, "visit = 'v25'", NULL);

    g_assert_cmpuint (marks->len, ==, 1);
    g_assert_false (cl_record_get_deleted (g_ptr_array_index (marks, 0)));
    g_assert_cmpstr (cl_visit_mark_get_done_by (g_ptr_array_index (marks, 0)), ==, "li.na");
  }

  /* A report removed from the archive (tombstone) undoes its visit. */
  exec (f->store, "UPDATE document SET deleted = 1 WHERE id = 'doc-1'");
  g_clear_pointer (&keys, g_free);
  keys = roster_text (f, "visits_done");
  g_assert_false (has_key (keys, "v06"));

  /* A pregnancy rewrite (roster rebuilt) keeps the column. */
  cl_pregnancy_set_risk (f->pregnancy, "yellow");
  g_assert_true (cl_patient_store_save (f->store, f->patient, f->pregnancy, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&keys, g_free);
  keys = roster_text (f, "visits_done");
  g_assert_true (has_key (keys, "v14") && has_key (keys, "v25"));

  /* The plan read from the store agrees. */
  {
    g_autoptr(ClVisitPlan) plan = cl_visit_store_load_plan (f->store, f->pregnancy, NULL);
    g_autoptr(GPtrArray) reports = cl_visit_store_list_reports (f->store, cl_record_get_id (CL_RECORD (f->pregnancy)));

    g_assert_cmpint (cl_visit_plan_lookup (plan, "v06")->state, ==, CL_VISIT_OVERDUE);
    g_assert_cmpint (cl_visit_plan_lookup (plan, "v14")->state, ==, CL_VISIT_DONE);
    g_assert_cmpstr (cl_visit_plan_lookup (plan, "v14")->note, ==, "paper report");
    g_assert_cmpint (cl_visit_plan_lookup (plan, "v29")->state, ==, CL_VISIT_DUE);
    g_assert_cmpuint (reports->len, ==, 1);
    g_assert_cmpstr (((ClReport *) g_ptr_array_index (reports, 0))->title, ==, "Report doc-2");
  }
}

/* Bad ticks: nothing written. */
static void
test_tick_rules (Fixture       *f,
                 gconstpointer  data)
{
  const struct
  {
    const char *key;
    const char *date;
  } cases[] = {
    { "v99", NULL },
    { "v06", "2026-02-30" },
    { "v06", "2026-11-24" },
    { "v06", "yesterday" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cl_visit_store_tick (f->store, f->pregnancy, cases[i].key, cases[i].date, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == CL_VALIDATION_ERROR);
    }
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, 2); /* patient + pregnancy */

  {
    g_autoptr(GError) error = NULL;

    g_assert_true (cl_visit_store_tick (f->store, f->pregnancy, "v06", NULL, NULL, &error));
    g_assert_false (cl_visit_store_tick (f->store, f->pregnancy, "v06", NULL, NULL, &error));
    g_assert_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_COMBINATION);
    g_clear_error (&error);
    g_assert_false (cl_visit_store_untick (f->store, f->pregnancy, "v14", &error));
    g_assert_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_COMBINATION);
  }
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, 3);
}

static CLDoctorOrder *
make_order (Fixture    *f,
            const char *date,
            const char *category,
            const char *text,
            const char *doctor,
            const char *reminder)
{
  CLDoctorOrder *order = cl_doctor_order_new ();

  cl_doctor_order_set_patient_id (order, cl_record_get_id (CL_RECORD (f->patient)));
  cl_doctor_order_set_pregnancy_id (order, cl_record_get_id (CL_RECORD (f->pregnancy)));
  cl_doctor_order_set_date (order, date);
  cl_doctor_order_set_category (order, category);
  cl_doctor_order_set_text (order, text);
  cl_doctor_order_set_doctor (order, doctor);
  cl_doctor_order_set_reminder_date (order, reminder);
  return order;
}

static gint64
count_orders (Fixture *f)
{
  g_autoptr(GPtrArray) orders = cl_order_store_list_for_patient (f->store, cl_record_get_id (CL_RECORD (f->patient)), FALSE);

  return orders->len;
}

static void
test_order_rules (Fixture       *f,
                  gconstpointer  data)
{
  const struct
  {
    const char *date;
    const char *category;
    const char *text;
    const char *doctor;
    const char *reminder;
    const char *role;
    const char *field;   /* NULL: refused by role */
  } bad[] = {
    { "2026-11-20", "nutrition", "", "Dr Zhou", NULL, "case_manager", "text" },
    { "2026-11-20", "nutrition", "   ", "Dr Zhou", NULL, "case_manager", "text" },
    { "2026-11-20", "nutrition", "Iron 100 mg daily", "", NULL, "case_manager", "doctor" },
    { "", "nutrition", "Iron 100 mg daily", "Dr Zhou", NULL, "case_manager", "date" },
    { "2026-13-01", "nutrition", "Iron 100 mg daily", "Dr Zhou", NULL, "case_manager", "date" },
    { "2026-12-01", "nutrition", "Iron 100 mg daily", "Dr Zhou", NULL, "case_manager", "date" },
    { "2026-11-20", "surgery", "Iron 100 mg daily", "Dr Zhou", NULL, "case_manager", "category" },
    { "2026-11-20", NULL, "Iron 100 mg daily", "Dr Zhou", NULL, "case_manager", "category" },
    { "2026-11-20", "medication", "Iron 100 mg daily", "Dr Zhou", "2026-11-19", "case_manager", "reminder-date" },
    { "2026-11-20", "medication", "Iron 100 mg daily", "Dr Zhou", "2026-11-31", "case_manager", "reminder-date" },
    { "2026-11-20", "medication", "Iron 100 mg daily", "Dr Zhou", NULL, "escort", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CLDoctorOrder) order = make_order (f, bad[i].date, bad[i].category, bad[i].text,
                                                   bad[i].doctor, bad[i].reminder);
      g_autoptr(GHashTable) field_errors = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("bad case %u", i);
      g_assert_false (cl_order_store_save (f->store, order, bad[i].role, &field_errors, &error));
      g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
      if (bad[i].field)
        {
          g_assert_nonnull (field_errors);
          g_assert_nonnull (g_hash_table_lookup (field_errors, bad[i].field));
        }
      /* As typed: the refused save does not rewrite the caller's order. */
      g_assert_cmpstr (cl_doctor_order_get_text (order), ==, bad[i].text);
    }
  g_assert_cmpint (count_orders (f), ==, 0);

  /* Good ones, newest first; dates typed loosely are stored as ISO. */
  {
    g_autoptr(CLDoctorOrder) iron = make_order (f, "2026/11/2", "medication", "  Iron 100 mg daily ", "Dr Zhou", "2026-12-2");
    g_autoptr(CLDoctorOrder) diet = make_order (f, "2026-11-20", "nutrition", "低盐饮食", "周医生", NULL);
    g_autoptr(GPtrArray) orders = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (cl_order_store_save (f->store, iron, "case_manager", NULL, &error));
    g_assert_no_error (error);
    g_assert_true (cl_order_store_save (f->store, diet, "case_manager", NULL, &error));
    g_assert_cmpstr (cl_doctor_order_get_date (iron), ==, "2026-11-02");
    g_assert_cmpstr (cl_doctor_order_get_reminder_date (iron), ==, "2026-12-02");
    g_assert_cmpstr (cl_doctor_order_get_text (iron), ==, "Iron 100 mg daily");
    g_assert_cmpstr (cl_doctor_order_get_status (iron), ==, "active");

    orders = cl_order_store_list_for_patient (f->store, cl_record_get_id (CL_RECORD (f->patient)), FALSE);
    g_assert_cmpuint (orders->len, ==, 2);
    g_assert_cmpstr (cl_doctor_order_get_text (g_ptr_array_index (orders, 0)), ==, "低盐饮食");

    /* Stopping: not before the order, not in the future, once. */
    g_assert_false (cl_order_store_stop (f->store, iron, "stopped", "2026-11-01", "case_manager", &error));
    g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (cl_order_store_stop (f->store, iron, "stopped", "2026-11-30", "case_manager", &error));
    g_clear_error (&error);
    g_assert_cmpstr (cl_doctor_order_get_status (iron), ==, "active");
    g_assert_true (cl_order_store_stop (f->store, iron, "stopped", NULL, "case_manager", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (cl_doctor_order_get_stop_date (iron), ==, "2026-11-23");
    g_assert_false (cl_order_store_stop (f->store, iron, "done", NULL, "case_manager", &error));
    g_clear_error (&error);

    g_clear_pointer (&orders, g_ptr_array_unref);
    orders = cl_order_store_list_for_patient (f->store, cl_record_get_id (CL_RECORD (f->patient)), TRUE);
    g_assert_cmpuint (orders->len, ==, 1);
    g_assert_cmpstr (cl_doctor_order_get_doctor (g_ptr_array_index (orders, 0)), ==, "周医生");
  }
  g_assert_cmpint (count_orders (f), ==, 2);

  /* The tables are registered for sync with their roles. */
  g_assert_true (cl_tables_can_write ("case_manager", "doctor_order"));
  g_assert_false (cl_tables_can_write ("service_desk", "visit_mark"));
  g_assert_true (cl_tables_can_read ("service_desk", "visit_mark"));
  g_assert_false (cl_tables_can_read ("escort", "doctor_order"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/visits/schedule/default", test_schedule_default);
  g_test_add_func ("/visits/schedule/bad-files", test_schedule_bad_files);
  g_test_add_func ("/visits/schedule/short-labels", test_schedule_short_labels);
  g_test_add_func ("/visits/plan/states", test_plan_states);
  g_test_add_func ("/visits/plan/next-for-keys", test_next_for_keys);
  g_test_add ("/visits/store/roster-follows", Fixture, NULL, fixture_set_up, test_roster_follows, fixture_tear_down);
  g_test_add ("/visits/store/tick-rules", Fixture, NULL, fixture_set_up, test_tick_rules, fixture_tear_down);
  g_test_add ("/orders/rules", Fixture, NULL, fixture_set_up, test_order_rules, fixture_tear_down);

  return g_test_run ();
}
