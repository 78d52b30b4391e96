/* test-complaints.c
 *
 * Complaint tickets on a real store: the steps open → in progress →
 * resolved → closed (table-driven), settling on the spot, the promised
 * time from the severity's setting, overdue at the promised time's
 * edges, the owner's hand-over, a department that must exist; and the
 * monthly report's figures (the median on odd and even counts, the
 * satisfaction share, overdue) and its CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cl-complaint-report.h"
#include "cl-complaint-store.h"
#include "cl-department.h"
#include "cl-desk-setting.h"
#include "cl-directory-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-complaints.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

#define DESK  CL_ROLE_SERVICE_DESK
#define ME    "staff-me"
#define OTHER "staff-other"
#define HOUR  3600

typedef struct
{
  char    *dir;
  CLStore *store;
  char    *obstetrics;
  char    *pharmacy;
} Fixture;

static gint64
at (const char *iso)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 (iso, local);

  g_assert_nonnull (t);
  return g_date_time_to_unix (t);
}

static char *
department (CLStore    *store,
            const char *name,
            const char *name_en)
{
  g_autoptr(CLDepartment) d = cl_department_new ();
  g_autoptr(GError) error = NULL;

  cl_department_set_name (d, name);
  cl_department_set_name_en (d, name_en);
  if (!cl_directory_store_save_department (store, d, CL_ROLE_ADMIN, NULL, &error))
    g_error ("department: %s", error->message);
  return g_strdup (cl_record_get_id (CL_RECORD (d)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  f->dir = cl_test_make_tmp_dir ("test-complaints");
  f->store = cl_test_store_open (f->dir);
  f->obstetrics = department (f->store, "产科门诊", "Obstetrics Clinic");
  f->pharmacy = department (f->store, "药剂科", "Pharmacy");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->obstetrics);
  g_free (f->pharmacy);
}

static CLComplaint *
ticket (Fixture    *f,
        const char *opened,
        const char *severity)
{
  CLComplaint *c = cl_complaint_new (at (opened), ME);

  cl_complaint_set_complainant_name (c, "王女士");
  cl_complaint_set_complainant_phone (c, "13800138000");
  cl_complaint_set_department_id (c, f->obstetrics);
  cl_complaint_set_description (c, "候诊两小时无人解释");
  cl_complaint_set_severity (c, severity);
  cl_complaint_store_promise (f->store, c);
  return c;
}

static void
save_ok (Fixture     *f,
         CLComplaint *c,
         const char  *role,
         const char  *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) errors = NULL;

  if (!cl_complaint_store_save (f->store, c, role, actor, &errors, &error))
    {
      g_autoptr(GList) fields = errors ? g_hash_table_get_keys (errors) : NULL;

      for (GList *l = fields; l; l = l->next)
        g_printerr ("%s: %s\n", (char *) l->data, (char *) g_hash_table_lookup (errors, l->data));
      g_error ("save: %s", error->message);
    }
}

/* The message at @field of a refused save; nothing was written. */
static char *
save_refused (Fixture     *f,
              CLComplaint *c,
              const char  *role,
              const char  *actor,
              const char  *field)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rev = cl_record_get_rev (CL_RECORD (c));
  g_autoptr(CLRecord) stored = NULL;

  g_assert_false (cl_complaint_store_save (f->store, c, role, actor, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (c)), ==, rev);
  stored = cl_store_load_record (f->store, CL_TYPE_COMPLAINT, cl_record_get_id (CL_RECORD (c)), NULL);
  if (stored)
    g_assert_cmpint (cl_record_get_rev (stored), ==, rev);
  g_assert_nonnull (errors);
  return g_strdup (g_hash_table_lookup (errors, field));
}

/* ---- the steps ------------------------------------------------------- */

typedef enum { NONE, START, RESOLVE, CLOSE, JUMP_RESOLVED, BACK_OPEN, EDIT } Step;

static const struct
{
  const char *name;
  Step        steps[4];          /* done in order; the last one is the one checked */
  const char *resolution;
  const char *satisfaction;
  const char *reason;
  const char *field;             /* NULL: saved */
  const char *message;
} step_cases[] = {
  { "open", { NONE }, NULL, NULL, NULL, NULL, NULL },
  { "start", { START }, NULL, NULL, NULL, NULL, NULL },
  { "resolve", { START, RESOLVE }, "已向患者道歉并调整叫号", NULL, NULL, NULL, NULL },
  { "close", { START, RESOLVE, CLOSE }, "已道歉", "basically_satisfied", NULL, NULL, NULL },
  { "close-unsatisfied", { START, RESOLVE, CLOSE }, "已道歉", "unsatisfied", "仍要求赔偿", NULL, NULL },
  { "resolve-without-resolution", { START, RESOLVE }, "  ", NULL, NULL, "resolution", "Say how it was resolved" },
  { "close-without-answer", { START, RESOLVE, CLOSE }, "已道歉", NULL, NULL, "satisfaction",
    "Ask whether the complainant is satisfied with the resolution" },
  { "unsatisfied-without-reason", { START, RESOLVE, CLOSE }, "已道歉", "unsatisfied", "", "satisfaction_reason",
    "Say why the complainant is unsatisfied" },
  { "skip-a-step", { JUMP_RESOLVED }, "已道歉", NULL, NULL, "state",
    "A complaint moves one step at a time: open, in progress, resolved, closed" },
  { "step-back", { START, BACK_OPEN }, NULL, NULL, NULL, "state",
    "A complaint moves one step at a time: open, in progress, resolved, closed" },
  { "edit-closed", { START, RESOLVE, CLOSE, EDIT }, "已道歉", "satisfied", NULL, "state",
    "A closed complaint stays as it was closed" },
};

static void
test_steps (Fixture       *f,
            gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_cases); i++)
    {
      g_autoptr(CLComplaint) c = ticket (f, "2026-11-23T09:00:00", "moderate");
      gint64 now = at ("2026-11-23T09:15:00");
      guint n = 0;

      g_test_message ("case %s", step_cases[i].name);
      while (n < 4 && (n == 0 || step_cases[i].steps[n] != NONE))
        n++;
      save_ok (f, c, DESK, ME);
      for (guint s = 0; s < n; s++)
        {
          gboolean last = s + 1 == n;
          g_autofree char *message = NULL;

          switch (step_cases[i].steps[s])
            {
            case NONE: break;
            case START: cl_complaint_step (c, CL_COMPLAINT_STATE_IN_PROGRESS, now, ME); break;
            case RESOLVE:
              cl_complaint_set_resolution (c, step_cases[i].resolution);
              cl_complaint_step (c, CL_COMPLAINT_STATE_RESOLVED, now + HOUR, ME);
              break;
            case CLOSE:
              cl_complaint_set_satisfaction (c, step_cases[i].satisfaction);
              cl_complaint_set_satisfaction_reason (c, step_cases[i].reason);
              cl_complaint_step (c, CL_COMPLAINT_STATE_CLOSED, now + 2 * HOUR, ME);
              break;
            case JUMP_RESOLVED:
              cl_complaint_set_resolution (c, step_cases[i].resolution);
              cl_complaint_step (c, CL_COMPLAINT_STATE_RESOLVED, now, ME);
              break;
            case BACK_OPEN:
              cl_complaint_set_state (c, "open");
              break;
            case EDIT:
              cl_complaint_set_resolution (c, "改写的处理结果");
              break;
            }
          if (step_cases[i].steps[s] == NONE)
            continue;
          if (!last || step_cases[i].field == NULL)
            {
              save_ok (f, c, DESK, ME);
              continue;
            }
          message = save_refused (f, c, DESK, ME, step_cases[i].field);
          g_assert_cmpstr (message, ==, step_cases[i].message);
        }
    }
}

/* Settled on the spot: resolved, even closed, when it is made; its
 * resolution at its opening; counted so in the report. */
static void
test_on_the_spot (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CLComplaint) c = ticket (f, "2026-11-23T09:10:00", "minor");
  g_autoptr(CLComplaint) late = ticket (f, "2026-11-23T09:10:00", "minor");
  g_autoptr(CLComplaint) fresh = ticket (f, "2026-11-23T09:10:00", "minor");
  g_autofree char *message = NULL;

  cl_complaint_set_resolution (c, "当场更换窗口办理");
  cl_complaint_settle_on_spot (c, ME);
  g_assert_true (cl_complaint_get_settled_on_spot (c));
  g_assert_cmpint (cl_complaint_get_resolved_at (c), ==, cl_complaint_get_opened_at (c));
  save_ok (f, c, DESK, ME);
  cl_complaint_set_satisfaction (c, "satisfied");
  cl_complaint_step (c, CL_COMPLAINT_STATE_CLOSED, at ("2026-11-23T09:16:00"), ME);
  save_ok (f, c, DESK, ME);
  g_assert_false (cl_complaint_is_unresolved (c));

  /* A new ticket straight to resolved that is not on the spot. */
  cl_complaint_set_resolution (late, "已处理");
  cl_complaint_set_state (late, "resolved");
  cl_complaint_set_started_at (late, at ("2026-11-23T09:12:00"));
  cl_complaint_set_resolved_at (late, at ("2026-11-23T09:12:00"));
  cl_complaint_set_resolved_by (late, ME);
  message = save_refused (f, late, DESK, ME, "state");
  g_assert_cmpstr (message, ==, "A new complaint is open, or resolved if it was settled on the spot");
  g_clear_pointer (&message, g_free);
  /* Marked on the spot, resolved later. */
  cl_complaint_set_settled_on_spot (late, TRUE);
  message = save_refused (f, late, DESK, ME, "settled_on_spot");
  g_assert_cmpstr (message, ==, "A complaint settled on the spot is resolved when it is made");
  g_clear_pointer (&message, g_free);

  /* Once saved open, it can no longer be called settled on the spot. */
  save_ok (f, fresh, DESK, ME);
  cl_complaint_set_settled_on_spot (fresh, TRUE);
  message = save_refused (f, fresh, DESK, ME, "settled_on_spot");
  g_assert_cmpstr (message, ==, "A complaint settled on the spot is resolved when it is made");
}

/* ---- the promise ----------------------------------------------------- */

static void
test_promised_time (Fixture       *f,
                    gconstpointer  data)
{
  static const struct { const char *severity; gint64 hours; } defaults[] = {
    { "serious", 24 }, { "moderate", 72 }, { "minor", 120 },
  };
  g_autoptr(CLComplaint) kept = NULL;
  g_autoptr(CLComplaint) now_made = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 opened = at ("2026-11-23T09:00:00");

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr(CLComplaint) c = ticket (f, "2026-11-23T09:00:00", defaults[i].severity);

      g_assert_cmpint (cl_complaint_get_promised_at (c), ==, opened + defaults[i].hours * HOUR);
      save_ok (f, c, DESK, ME);
    }

  /* A promise made before the setting changes stays. */
  kept = ticket (f, "2026-11-23T09:00:00", "serious");
  save_ok (f, kept, DESK, ME);
  g_assert_false (cl_desk_settings_set_int (f->store, "complaint.hours.serious", 12, DESK, &error));
  g_clear_error (&error);
  g_assert_true (cl_desk_settings_set_int (f->store, "complaint.hours.serious", 12, CL_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  now_made = ticket (f, "2026-11-23T09:00:00", "serious");
  g_assert_cmpint (cl_complaint_get_promised_at (now_made), ==, opened + 12 * HOUR);
  save_ok (f, now_made, DESK, ME);
  cl_complaint_step (kept, CL_COMPLAINT_STATE_IN_PROGRESS, opened + HOUR, ME);
  save_ok (f, kept, DESK, ME);
  g_assert_cmpint (cl_complaint_get_promised_at (kept), ==, opened + 24 * HOUR);

  /* A changed severity makes a new promise, from the setting. */
  cl_complaint_set_severity (kept, "minor");
  message = save_refused (f, kept, DESK, ME, "promised_at");
  g_assert_cmpstr (message, ==, "The promised time follows from the severity; it is not set by hand");
  cl_complaint_store_promise (f->store, kept);
  save_ok (f, kept, DESK, ME);
  g_assert_cmpint (cl_complaint_get_promised_at (kept), ==, opened + 120 * HOUR);

  /* Nor is it moved by hand. */
  g_clear_pointer (&message, g_free);
  cl_complaint_set_promised_at (kept, opened + 200 * HOUR);
  message = save_refused (f, kept, DESK, ME, "promised_at");
  g_assert_cmpstr (message, ==, "The promised time follows from the severity; it is not set by hand");
}

/* Overdue at the edges of the promised time, by state. */
static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  static const struct { const char *state; gint64 resolved_after; gint64 now_after; gboolean overdue, was; } cases[] = {
    { "open", 0, -1, FALSE, FALSE },
    { "open", 0, 0, FALSE, FALSE },            /* at the promised time itself: not yet */
    { "open", 0, 1, TRUE, TRUE },
    { "in_progress", 0, 3600, TRUE, TRUE },
    { "resolved", -10, 3600, FALSE, FALSE },   /* resolved in time */
    { "resolved", 10, 3600, FALSE, TRUE },     /* resolved late: not flagged, but counted */
    { "closed", 10, 3600, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CLComplaint) c = ticket (f, "2026-11-23T09:00:00", "serious");
      gint64 promised = cl_complaint_get_promised_at (c);

      cl_complaint_set_state (c, cases[i].state);
      if (cases[i].resolved_after)
        cl_complaint_set_resolved_at (c, promised + cases[i].resolved_after);
      g_assert_cmpint (cl_complaint_is_overdue (c, promised + cases[i].now_after), ==, cases[i].overdue);
      g_assert_cmpint (cl_complaint_was_overdue (c, promised + cases[i].now_after), ==, cases[i].was);
    }
}

/* First-complaint responsibility: the owner stays until they (or an
 * administrator) hand it over. */
static void
test_owner (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CLComplaint) c = ticket (f, "2026-11-23T09:00:00", "moderate");
  g_autofree char *message = NULL;

  save_ok (f, c, DESK, ME);
  cl_complaint_set_owner_id (c, OTHER);
  message = save_refused (f, c, DESK, OTHER, "owner_id");
  g_assert_cmpstr (message, ==, "Only its owner or an administrator may hand a complaint over");
  save_ok (f, c, DESK, ME);
  g_assert_cmpstr (cl_complaint_get_owner_id (c), ==, OTHER);
  cl_complaint_set_owner_id (c, ME);
  save_ok (f, c, CL_ROLE_ADMIN, "admin");
  g_assert_cmpstr (cl_complaint_get_owner_id (c), ==, ME);
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  static const struct { const char *column, *value, *message; } cases[] = {
    { "department_id", "", "Choose the department complained of" },
    { "department_id", "e1000000-0000-0000-0000-0000000006ff", "There is no such department" },
    { "severity", "grave", "Choose minor, moderate or serious" },
    { "description", " ", "Say what happened" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CLComplaint) c = ticket (f, "2026-11-23T09:00:00", "moderate");
      g_autofree char *property = g_strdelimit (g_strdup (cases[i].column), "_", '-');
      g_autofree char *message = NULL;

      g_object_set (c, property, cases[i].value, NULL);
      message = save_refused (f, c, DESK, ME, cases[i].column);
      g_assert_cmpstr (message, ==, cases[i].message);
    }
  {
    g_autoptr(CLComplaint) c = ticket (f, "2026-11-23T09:00:00", "moderate");
    g_autofree char *message = NULL;

    cl_complaint_set_complainant_name (c, NULL);
    cl_complaint_set_complainant_phone (c, "");
    message = save_refused (f, c, DESK, ME, "complainant_name");
    g_assert_cmpstr (message, ==, "Say who complains: a name, a phone number or the patient");
  }
  {
    g_autoptr(CLComplaint) c = ticket (f, "2026-11-23T09:00:00", "moderate");
    g_autoptr(GError) error = NULL;

    /* A case manager may not write them. */
    g_assert_false (cl_complaint_store_save (f->store, c, CL_ROLE_CASE_MANAGER, ME, NULL, &error));
    g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  }
}

/* Unresolved first, earliest promise first; filters by state and
 * department. */
static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CLComplaint) minor = ticket (f, "2026-11-20T09:00:00", "minor");
  g_autoptr(CLComplaint) serious = ticket (f, "2026-11-22T09:00:00", "serious");
  g_autoptr(CLComplaint) done = ticket (f, "2026-11-23T09:10:00", "minor");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) pharmacy = NULL;

  cl_complaint_set_department_id (serious, f->pharmacy);
  cl_complaint_set_contact_id (serious, "e1000000-0000-0000-0000-000000000602");
  cl_complaint_store_promise (f->store, serious);
  save_ok (f, minor, DESK, ME);
  save_ok (f, serious, DESK, ME);
  cl_complaint_set_resolution (done, "当场解决");
  cl_complaint_settle_on_spot (done, ME);
  save_ok (f, done, DESK, ME);

  all = cl_store_complaints_list (f->store, NULL, NULL, 100);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (all, 0)), ==, cl_record_get_id (CL_RECORD (serious)));
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (all, 1)), ==, cl_record_get_id (CL_RECORD (minor)));
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (all, 2)), ==, cl_record_get_id (CL_RECORD (done)));
  open = cl_store_complaints_list (f->store, "resolved", NULL, 100);
  g_assert_cmpuint (open->len, ==, 1);
  pharmacy = cl_store_complaints_list (f->store, NULL, f->pharmacy, 100);
  g_assert_cmpuint (pharmacy->len, ==, 1);

  /* The ticket a contact was made. */
  {
    g_autoptr(CLComplaint) made = cl_store_complaint_for_contact (f->store, "e1000000-0000-0000-0000-000000000602");

    g_assert_nonnull (made);
    g_assert_cmpstr (cl_record_get_id (CL_RECORD (made)), ==, cl_record_get_id (CL_RECORD (serious)));
    g_assert_null (cl_store_complaint_for_contact (f->store, "e1000000-0000-0000-0000-000000000603"));
  }
}

/* ---- the report ------------------------------------------------------ */

static void
test_median (void)
{
  double odd[] = { 5, 1, 3 };
  double even[] = { 8, 2, 4, 6 };
  double one[] = { 7 };

  g_assert_cmpfloat (cl_complaint_median (odd, 3), ==, 3);
  g_assert_cmpfloat (cl_complaint_median (even, 4), ==, 5);
  g_assert_cmpfloat (cl_complaint_median (one, 1), ==, 7);
  g_assert_cmpfloat (cl_complaint_median (NULL, 0), <, 0);
}

/* A ticket resolved @hours after it was opened (0: on the spot),
 * closed with @satisfaction when given. */
static void
resolved (Fixture    *f,
          const char *department_id,
          const char *opened,
          double      hours,
          const char *satisfaction)
{
  g_autoptr(CLComplaint) c = ticket (f, opened, "serious");
  gint64 o = cl_complaint_get_opened_at (c);

  cl_complaint_set_department_id (c, department_id);
  cl_complaint_set_resolution (c, "已处理");
  if (hours == 0)
    {
      cl_complaint_settle_on_spot (c, ME);
      save_ok (f, c, DESK, ME);
    }
  else
    {
      save_ok (f, c, DESK, ME);
      cl_complaint_step (c, CL_COMPLAINT_STATE_IN_PROGRESS, o, ME);
      save_ok (f, c, DESK, ME);
      cl_complaint_step (c, CL_COMPLAINT_STATE_RESOLVED, o + (gint64) (hours * HOUR), ME);
      save_ok (f, c, DESK, ME);
    }
  if (satisfaction)
    {
      cl_complaint_set_satisfaction (c, satisfaction);
      cl_complaint_set_satisfaction_reason (c, "不满意处理速度");
      cl_complaint_step (c, CL_COMPLAINT_STATE_CLOSED, cl_complaint_get_resolved_at (c), ME);
      save_ok (f, c, DESK, ME);
    }
}

static CLComplaintReport *
november (Fixture *f)
{
  g_autoptr(CLComplaint) waiting = ticket (f, "2026-11-20T08:00:00", "serious");
  g_autoptr(CLComplaint) october = ticket (f, "2026-10-31T23:59:00", "serious");
  g_autoptr(GError) error = NULL;
  CLComplaintReport *report;

  /* Obstetrics: 4 resolved (0, 2, 10, 30 h: median 6), one on the
   * spot; 3 closed with an answer (2 satisfied or basically), 1
   * without; one resolved late (30 h > 24 h) and one unresolved past
   * its promise: 2 overdue.  Pharmacy: 3 resolved (1, 3, 5 h: median
   * 3), none closed. */
  resolved (f, f->obstetrics, "2026-11-02T09:00:00", 0, "satisfied");
  resolved (f, f->obstetrics, "2026-11-03T09:00:00", 2, "basically_satisfied");
  resolved (f, f->obstetrics, "2026-11-04T09:00:00", 10, "unsatisfied");
  resolved (f, f->obstetrics, "2026-11-05T09:00:00", 30, "no_answer");
  save_ok (f, waiting, DESK, ME);
  resolved (f, f->pharmacy, "2026-11-06T09:00:00", 1, NULL);
  resolved (f, f->pharmacy, "2026-11-07T09:00:00", 3, NULL);
  resolved (f, f->pharmacy, "2026-11-30T20:00:00", 5, NULL);
  save_ok (f, october, DESK, ME);

  report = cl_complaint_report_new (f->store, "2026-11", at ("2026-11-23T09:15:00"), &error);
  g_assert_no_error (error);
  return report;
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CLComplaintReport) report = november (f);
  const CLComplaintReportRow *obstetrics, *pharmacy, *total;
  g_autofree char *share = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (cl_complaint_report_get_n_rows (report), ==, 2);
  /* The directory's order: 产科 (chan) before 药剂 (yao). */
  obstetrics = cl_complaint_report_get_row (report, 0);
  pharmacy = cl_complaint_report_get_row (report, 1);
  total = cl_complaint_report_get_total (report);
  g_assert_cmpstr (obstetrics->department_id, ==, f->obstetrics);
  g_assert_cmpuint (obstetrics->count, ==, 5);
  g_assert_cmpuint (obstetrics->on_spot, ==, 1);
  g_assert_cmpuint (obstetrics->resolved, ==, 4);
  g_assert_cmpfloat_with_epsilon (obstetrics->median_hours, 6.0, 1e-9);
  g_assert_cmpuint (obstetrics->answered, ==, 3);
  g_assert_cmpuint (obstetrics->satisfied, ==, 2);
  g_assert_cmpuint (obstetrics->overdue, ==, 2);
  share = cl_complaint_report_format_satisfaction (obstetrics);
  g_assert_cmpstr (share, ==, "66.7%");

  g_assert_cmpuint (pharmacy->count, ==, 3);
  g_assert_cmpfloat_with_epsilon (pharmacy->median_hours, 3.0, 1e-9);
  g_assert_cmpuint (pharmacy->answered, ==, 0);
  g_clear_pointer (&share, g_free);
  share = cl_complaint_report_format_satisfaction (pharmacy);
  g_assert_cmpstr (share, ==, "–");

  /* All: 7 resolved, 0 1 2 3 5 10 30 → 3. */
  g_assert_cmpuint (total->count, ==, 8);
  g_assert_cmpuint (total->resolved, ==, 7);
  g_assert_cmpfloat_with_epsilon (total->median_hours, 3.0, 1e-9);
  g_assert_cmpuint (total->overdue, ==, 2);

  g_assert_null (cl_complaint_report_new (f->store, "2026-13", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(CLComplaintReport) report = november (f);
  g_autofree char *path = g_build_filename (f->dir, "complaints.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (cl_complaint_report_export_csv (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  lines = g_strsplit (text + 3, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "Month,Department,Complaints,Settled on the spot,Median hours to resolve,"
                                 "Closed with an answer,Satisfied or basically satisfied,Satisfaction (%),Overdue");
  /* Names, not ids (the desk is in English: the English names). */
  g_assert_cmpstr (lines[1], ==, "2026-11,Obstetrics Clinic,5,1,6.0,3,2,66.7,2");
  g_assert_cmpstr (lines[2], ==, "2026-11,Pharmacy,3,0,3.0,0,0,,0");
  g_assert_cmpstr (lines[3], ==, "2026-11,All departments,8,1,3.0,3,2,66.7,2");
  g_assert_cmpstr (lines[4], ==, "");
  g_assert_null (lines[5]);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/complaints/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("steps", test_steps);
  ADD ("on-the-spot", test_on_the_spot);
  ADD ("promised-time", test_promised_time);
  ADD ("overdue", test_overdue);
  ADD ("owner", test_owner);
  ADD ("fields", test_fields);
  ADD ("list", test_list);
  ADD ("report", test_report);
  ADD ("csv", test_csv);
#undef ADD
  g_test_add_func ("/complaints/median", test_median);
  return g_test_run ();
}
