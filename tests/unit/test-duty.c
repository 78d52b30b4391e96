/* test-duty.c
 *
 * The duty roster: the shift times a post's hours and the settings
 * give; the week's coverage check table-driven (a post short of
 * people, two shifts at once, a night running past midnight, the
 * weekly limit, a 24-hour post's gaps); the rules of a post and an
 * assignment in a real SQLite file (a refusal writes nothing); the
 * seeded posts; copying last week; an escort's working hours from her
 * shifts where the roster has her, from the Staff window otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-date.h"
#include "cl-desk-setting.h"
#include "cl-duty-store.h"
#include "cl-escort-store.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-duty.h"
#include "cl-store-save.h"
#include "cl-test-desk.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* The week of the tests: Monday 23 November 2026. */
#define MONDAY "2026-11-23"

static CLDutyPost *
day_post (const char *id,
          const char *name_en,
          gint        headcount)
{
  CLDutyPost *post = cl_duty_post_new ();

  cl_record_set_id (CL_RECORD (post), id);
  cl_duty_post_set_name (post, name_en);
  cl_duty_post_set_name_en (post, name_en);
  cl_duty_post_set_headcount (post, headcount);
  return post;
}

static CLDutyPost *
all_day_post (const char *id,
              const char *name_en,
              gint        headcount)
{
  CLDutyPost *post = day_post (id, name_en, headcount);

  cl_duty_post_set_all_day (post, TRUE);
  cl_duty_post_set_morning_opens (post, 8 * 60);
  cl_duty_post_set_morning_closes (post, 20 * 60);
  cl_duty_post_set_afternoon_opens (post, 0);
  cl_duty_post_set_afternoon_closes (post, 0);
  return post;
}

static const struct
{
  const char *shift;
  gboolean    all_day;
  const char *times;
  gint        minutes;
} shift_cases[] = {
  { "regular", FALSE, "08:00–12:00, 14:30–17:30", 7 * 60 },
  { "early",   FALSE, "07:30–12:00, 14:00–17:30", 8 * 60 },
  { "late",    FALSE, "08:00–12:30, 14:30–18:00", 8 * 60 },
  { "night",   FALSE, "17:30–08:00", 14 * 60 + 30 },
  { "regular", TRUE,  "08:00–20:00", 12 * 60 },
  { "early",   TRUE,  "07:30–20:00", 12 * 60 + 30 },
  { "late",    TRUE,  "08:00–20:30", 12 * 60 + 30 },
  { "night",   TRUE,  "20:00–08:00", 12 * 60 },
  { "evening", FALSE, "", 0 },
};

static void
test_shift_times (void)
{
  g_autoptr(CLDutyPost) day = day_post ("p", "Guide desk", 1);
  g_autoptr(CLDutyPost) round = all_day_post ("e", "Emergency", 1);
  CLDutyRules rules;

  cl_duty_rules_init_default (&rules);
  for (guint i = 0; i < G_N_ELEMENTS (shift_cases); i++)
    {
      CLDutyPost *post = shift_cases[i].all_day ? round : day;
      g_autofree char *times = cl_duty_shift_format_times (post, shift_cases[i].shift, &rules);

      g_test_message ("case %u", i);
      g_assert_cmpstr (times, ==, shift_cases[i].times);
      g_assert_cmpint (cl_duty_shift_minutes (post, shift_cases[i].shift, &rules), ==, shift_cases[i].minutes);
    }

  /* The settings move the early start and the late end; a lead longer
   * than the lunch break joins the sessions into one. */
  rules.early_lead = 150;
  rules.late_tail = 15;
  {
    g_autofree char *early = cl_duty_shift_format_times (day, "early", &rules);
    g_autofree char *late = cl_duty_shift_format_times (day, "late", &rules);

    g_assert_cmpstr (early, ==, "05:30–17:30");
    g_assert_cmpstr (late, ==, "08:00–12:15, 14:30–17:45");
  }
}

/* One case of the coverage check.  Assignments are "STAFF POST SHIFT
 * FIRST-LAST", days counted from Monday (-1: the Sunday before).
 * Staff: A 王芳, B 李娜, C 陈静.  Posts: P a day post needing 1, E a
 * 24-hour one needing 2; only those in @active are held to their
 * headcount and gaps. */
typedef struct
{
  const char *name;
  const char *active;
  gint        week_hours;
  const char *assignments[12];
  const char *expected[10];
} CoverageCase;

static const CoverageCase coverage_cases[] = {
  { "covered", "P", 40,
    { "A P regular 0-3", "B P regular 4-6" },
    { NULL } },
  { "short at the weekend", "P", 40,
    { "A P regular 0-4" },
    { "Guide desk on Sat 28 Nov: 0 on duty, 1 person needed",
      "Guide desk on Sun 29 Nov: 0 on duty, 1 person needed" } },
  { "a second shift of the same person is no second person", "E", 100,
    { "A E regular 0-1", "A E regular 3-6", "B E night 0-6", "B E early 2-2", "A E night -1--1" },
    { "Emergency on Wed 25 Nov: 1 on duty, 2 people needed",
      "李娜 on Wed 25 Nov: two shifts at once, Night at Emergency and Early at Emergency" } },
  { "a night running into the next morning's early shift", "", 40,
    { "A P night 0-0", "A P early 1-1" },
    { "王芳 on Tue 24 Nov: two shifts at once, Night at Guide desk and Early at Guide desk" } },
  { "a night ending as the regular shift starts", "", 40,
    { "A P night 0-0", "A P regular 1-1" },
    { NULL } },
  { "the Sunday before's night into Monday", "", 40,
    { "A P night -1--1", "A E early 0-0" },
    { "王芳 on Mon 23 Nov: two shifts at once, Night at Guide desk and Early at Emergency" } },
  { "two posts on one day", "", 40,
    { "B P regular 2-2", "B E early 2-2" },
    { "李娜 on Wed 25 Nov: two shifts at once, Early at Emergency and Regular at Guide desk" } },
  { "forty hours is the limit, not over it", "", 40,
    { "A P late 0-4", "B P night -1--1" },
    { NULL } },
  { "over the weekly limit", "", 40,
    { "A P late 0-4", "A P regular 5-5", "C P early 0-3" },
    { "王芳 works 47 h this week, over the limit of 40 h" } },
  { "the limit is a setting", "", 30,
    { "C P early 0-3", "B P regular 0-3" },
    { "陈静 works 32 h this week, over the limit of 30 h" } },
  { "a 24-hour post whose nights start on Monday", "E", 100,
    { "A E regular 0-6", "B E night 0-6" },
    { "Emergency on Mon 23 Nov: nobody on duty from 00:00 to 08:00" } },
  { "a 24-hour post with a night missing", "E", 100,
    { "A E regular 0-6", "B E night -1-2", "C E night 4-6" },
    { "Emergency on Thu 26 Nov: 1 on duty, 2 people needed",
      "Emergency on Thu 26 Nov: nobody on duty from 20:00 to 24:00",
      "Emergency on Fri 27 Nov: nobody on duty from 00:00 to 08:00" } },
};

static void
parse_assignment (const char *text,
                  GPtrArray  *into)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);
  const char *staff = g_str_equal (parts[0], "A") ? "s-a" : g_str_equal (parts[0], "B") ? "s-b" : "s-c";
  const char *post = g_str_equal (parts[1], "P") ? "p" : "e";
  gint first, last;
  char *dash;

  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  /* "-1--1", "0-6", "-1-2" */
  dash = strchr (parts[3] + 1, '-');
  g_assert_nonnull (dash);
  first = atoi (parts[3]);
  last = atoi (dash + 1);
  for (gint d = first; d <= last; d++)
    {
      GDate day;
      g_autofree char *iso = NULL;

      g_assert_true (cl_date_parse (MONDAY, &day, NULL));
      if (d < 0)
        g_date_subtract_days (&day, -d);
      else
        g_date_add_days (&day, d);
      iso = cl_date_to_iso (&day);
      g_ptr_array_add (into, cl_duty_assignment_new (staff, iso, post, parts[2]));
    }
}

static void
test_coverage (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GDate monday;

  g_hash_table_insert (names, "s-a", "王芳");
  g_hash_table_insert (names, "s-b", "李娜");
  g_hash_table_insert (names, "s-c", "陈静");
  g_assert_true (cl_date_parse (MONDAY, &monday, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (coverage_cases); i++)
    {
      const CoverageCase *c = &coverage_cases[i];
      g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) warnings = NULL;
      CLDutyRules rules;
      guint n_expected = 0;

      g_test_message ("case %u: %s", i, c->name);
      g_ptr_array_add (posts, day_post ("p", "Guide desk", 1));
      g_ptr_array_add (posts, all_day_post ("e", "Emergency", 2));
      cl_duty_post_set_active (g_ptr_array_index (posts, 0), strchr (c->active, 'P') != NULL);
      cl_duty_post_set_active (g_ptr_array_index (posts, 1), strchr (c->active, 'E') != NULL);
      for (guint k = 0; k < G_N_ELEMENTS (c->assignments) && c->assignments[k]; k++)
        parse_assignment (c->assignments[k], assignments);
      cl_duty_rules_init_default (&rules);
      rules.week_minutes = c->week_hours * 60;

      warnings = cl_duty_check_week (&monday, posts, assignments, names, &rules);
      while (n_expected < G_N_ELEMENTS (c->expected) && c->expected[n_expected])
        n_expected++;
      for (guint k = 0; k < warnings->len; k++)
        g_test_message ("  got: %s", ((CLDutyWarning *) g_ptr_array_index (warnings, k))->message);
      g_assert_cmpuint (warnings->len, ==, n_expected);
      for (guint k = 0; k < n_expected; k++)
        g_assert_cmpstr (((CLDutyWarning *) g_ptr_array_index (warnings, k))->message, ==, c->expected[k]);
    }
}

static void
test_warning_fields (void)
{
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) warnings = NULL;
  CLDutyWarning *w;
  CLDutyRules rules;
  GDate monday;

  g_assert_true (cl_date_parse (MONDAY, &monday, NULL));
  cl_duty_rules_init_default (&rules);
  g_ptr_array_add (posts, day_post ("p", "Guide desk", 1));
  parse_assignment ("A P night 0-0", assignments);
  parse_assignment ("A P early 1-6", assignments);
  warnings = cl_duty_check_week (&monday, posts, assignments, NULL, &rules);
  /* Monday short of nobody; Tuesday's early after Monday's night; and
   * 14.5 + 6 × 8 hours over the limit. */
  g_assert_cmpuint (warnings->len, ==, 2);
  w = g_ptr_array_index (warnings, 0);
  g_assert_cmpint (w->kind, ==, CL_DUTY_WARNING_TWO_AT_ONCE);
  g_assert_cmpstr (w->day, ==, "2026-11-24");
  g_assert_cmpstr (w->staff_id, ==, "s-a");
  g_assert_null (w->post_id);
  w = g_ptr_array_index (warnings, 1);
  g_assert_cmpint (w->kind, ==, CL_DUTY_WARNING_OVER_HOURS);
  g_assert_null (w->day);
  /* Without a name the id is said rather than nothing. */
  g_assert_cmpstr (w->message, ==, "s-a works 62.5 h this week, over the limit of 40 h");
}

static CLStaff *
save_staff (CLStore    *store,
            const char *username,
            const char *name,
            const char *role)
{
  g_autoptr(GError) error = NULL;
  CLStaff *staff = cl_staff_new (username, name, role);

  g_assert_true (cl_store_save_record (store, CL_RECORD (staff), &error));
  g_assert_no_error (error);
  return staff;
}

#define CENTRE "5eed0000-0000-4000-8000-00000000d001"
#define EMERGENCY "5eed0000-0000-4000-8000-00000000d007"

static void
test_seeded_posts (CLTestStoreFixture *f,
                   gconstpointer       data)
{
  g_autoptr(GPtrArray) posts = cl_store_duty_posts (f->store, TRUE);
  g_autoptr(CLDutyPost) centre = cl_store_load_live (f->store, CL_TYPE_DUTY_POST, CENTRE);
  g_autoptr(CLDutyPost) emergency = cl_store_load_live (f->store, CL_TYPE_DUTY_POST, EMERGENCY);
  g_autofree char *hours = NULL;

  g_assert_cmpuint (posts->len, ==, 7);
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (posts, 0)), ==, CENTRE);
  g_assert_cmpstr (cl_duty_post_get_name (centre), ==, "门诊服务中心");
  g_assert_cmpint (cl_duty_post_get_headcount (centre), >=, 4);
  g_assert_false (cl_duty_post_get_all_day (centre));
  hours = cl_duty_post_format_hours (centre);
  g_assert_cmpstr (hours, ==, "08:00–12:00, 14:30–17:30");
  g_assert_true (cl_duty_post_get_all_day (emergency));
  g_assert_cmpstr (cl_duty_post_get_name (emergency), ==, "急诊儿科");
  /* Seeded at rev 0 without an outbox entry: the same record on every
   * desk and the server. */
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (centre)), ==, 0);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM outbox"), ==, 0);
  for (guint i = 0; i < posts->len; i++)
    {
      g_autoptr(GHashTable) errors = cl_duty_post_validate (g_ptr_array_index (posts, i));

      g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
    }
}

static void
test_post_rules (CLTestStoreFixture *f,
                 gconstpointer       data)
{
  g_autoptr(CLDutyPost) post = cl_duty_post_new ();
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;

  cl_duty_post_set_name (post, "  ");
  cl_duty_post_set_headcount (post, 0);
  cl_duty_post_set_morning_opens (post, 12 * 60);
  cl_duty_post_set_morning_closes (post, 8 * 60);
  g_assert_false (cl_duty_store_save_post (f->store, post, CL_ROLE_ADMIN, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (g_hash_table_lookup (errors, "name"), ==, "Enter the post’s name");
  g_assert_cmpstr (g_hash_table_lookup (errors, "headcount"), ==,
                   "Enter how many people the post needs a day, from 1 to 50");
  g_assert_cmpstr (g_hash_table_lookup (errors, "morning_closes"), ==,
                   "The morning session must end after it starts");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);

  cl_duty_post_set_name (post, "门诊二楼导医台");
  cl_duty_post_set_headcount (post, 2);
  cl_duty_post_set_morning_opens (post, 8 * 60);
  cl_duty_post_set_morning_closes (post, 12 * 60);
  cl_duty_post_set_afternoon_opens (post, 11 * 60);
  g_assert_false (cl_duty_store_save_post (f->store, post, CL_ROLE_ADMIN, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "afternoon_opens"), ==,
                   "The afternoon session must start after the morning one ends");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM duty_post"), ==, 7);

  /* Only an administrator keeps the posts. */
  cl_duty_post_set_afternoon_opens (post, 14 * 60);
  g_assert_false (cl_duty_store_save_post (f->store, post, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cl_duty_store_save_post (f->store, post, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM duty_post"), ==, 8);
}

static void
test_assignment_rules (CLTestStoreFixture *f,
                       gconstpointer       data)
{
  g_autoptr(CLStaff) guide = save_staff (f->store, "wangfang", "王芳", CL_ROLE_SERVICE_DESK);
  g_autoptr(CLStaff) left = save_staff (f->store, "zhaoli", "赵丽", CL_ROLE_SERVICE_DESK);
  g_autoptr(CLDutyAssignment) a = NULL;
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;

  cl_staff_set_active (left, FALSE);
  g_assert_true (cl_store_save_record (f->store, CL_RECORD (left), NULL));

  a = cl_duty_assignment_new ("no-such-person", "2026-11-31", "no-such-post", "evening");
  g_assert_false (cl_duty_store_save_assignment (f->store, a, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (g_hash_table_lookup (errors, "staff_id"), ==, "There is no such member of staff");
  g_assert_cmpstr (g_hash_table_lookup (errors, "day"), ==, "Enter a real day");
  g_assert_cmpstr (g_hash_table_lookup (errors, "post_id"), ==, "There is no such post");
  g_assert_cmpstr (g_hash_table_lookup (errors, "shift"), ==, "Choose a shift: early, regular, late or night");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);

  /* Someone who has left is not put on duty; a day as typed is not a
   * day as stored. */
  cl_duty_assignment_set_staff_id (a, cl_record_get_id (CL_RECORD (left)));
  cl_duty_assignment_set_day (a, "2026/11/24");
  cl_duty_assignment_set_post_id (a, CENTRE);
  cl_duty_assignment_set_shift (a, "early");
  g_assert_false (cl_duty_store_save_assignment (f->store, a, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "staff_id"), ==, "This person no longer works here");
  g_assert_cmpstr (g_hash_table_lookup (errors, "day"), ==, "Enter a real day");
  g_assert_cmpuint (g_hash_table_size (errors), ==, 2);
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM duty_assignment"), ==, 0);

  /* An escort may read the roster but not write it. */
  cl_duty_assignment_set_staff_id (a, cl_record_get_id (CL_RECORD (guide)));
  cl_duty_assignment_set_day (a, "2026-11-24");
  g_assert_false (cl_duty_store_save_assignment (f->store, a, CL_ROLE_ESCORT, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM duty_assignment"), ==, 0);

  g_assert_true (cl_duty_store_save_assignment (f->store, a, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM duty_assignment WHERE deleted = 0"), ==, 1);
  g_assert_true (cl_duty_store_clear_assignment (f->store, a, CL_ROLE_SERVICE_DESK, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM duty_assignment WHERE deleted = 0"), ==, 0);
}

static void
save_shift (CLStore    *store,
            CLStaff    *staff,
            const char *day,
            const char *post_id,
            const char *shift)
{
  g_autoptr(CLDutyAssignment) a = cl_duty_assignment_new (cl_record_get_id (CL_RECORD (staff)), day,
                                                          post_id, shift);
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_duty_store_save_assignment (store, a, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
}

static void
test_copy_last_week (CLTestStoreFixture *f,
                     gconstpointer       data)
{
  g_autoptr(CLStaff) a = save_staff (f->store, "wangfang", "王芳", CL_ROLE_SERVICE_DESK);
  g_autoptr(CLStaff) b = save_staff (f->store, "lina", "李娜", CL_ROLE_ESCORT);
  g_autoptr(CLStaff) c = save_staff (f->store, "chenjing", "陈静", CL_ROLE_SERVICE_DESK);
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  GDate monday;
  guint copied = 99;

  g_assert_true (cl_date_parse (MONDAY, &monday, NULL));
  save_shift (f->store, a, "2026-11-16", CENTRE, "early");
  save_shift (f->store, a, "2026-11-17", CENTRE, "regular");
  save_shift (f->store, b, "2026-11-16", EMERGENCY, "night");
  save_shift (f->store, c, "2026-11-22", CENTRE, "late");
  /* Already planned this week: kept as it is. */
  save_shift (f->store, a, "2026-11-24", EMERGENCY, "late");
  /* Chen has left since: not copied. */
  cl_staff_set_active (c, FALSE);
  g_assert_true (cl_store_save_record (f->store, CL_RECORD (c), NULL));

  g_assert_false (cl_duty_store_copy_last_week (f->store, &monday, CL_ROLE_CASE_MANAGER, &copied, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpuint (copied, ==, 0);
  g_clear_error (&error);

  g_assert_true (cl_duty_store_copy_last_week (f->store, &monday, CL_ROLE_SERVICE_DESK, &copied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (copied, ==, 2);
  week = cl_store_duty_assignments (f->store, "2026-11-23", "2026-11-29");
  g_assert_cmpuint (week->len, ==, 3);
  g_assert_cmpstr (cl_duty_assignment_get_day (g_ptr_array_index (week, 0)), ==, "2026-11-23");
  g_assert_cmpstr (cl_duty_assignment_get_day (g_ptr_array_index (week, 2)), ==, "2026-11-24");
  g_assert_cmpstr (cl_duty_assignment_get_shift (g_ptr_array_index (week, 2)), ==, "late");

  /* The roster's rows: the active guide and escort; Chen, who left,
   * only in the week she has a shift. */
  staff = cl_store_duty_staff (f->store, "2026-11-23", "2026-11-29");
  g_assert_cmpuint (staff->len, ==, 2);
  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = cl_store_duty_staff (f->store, "2026-11-16", "2026-11-22");
  g_assert_cmpuint (staff->len, ==, 3);

  /* The check as stored, with the settings' limit. */
  g_assert_true (cl_desk_settings_set_int (f->store, CL_DUTY_WEEK_KEY, 12, CL_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  warnings = cl_duty_store_check_week (f->store, &monday);
  {
    gboolean over = FALSE;

    for (guint i = 0; i < warnings->len; i++)
      {
        CLDutyWarning *w = g_ptr_array_index (warnings, i);

        if (w->kind == CL_DUTY_WARNING_OVER_HOURS)
          {
            g_assert_cmpstr (w->message, ==, "王芳 works 20.5 h this week, over the limit of 12 h");
            over = TRUE;
          }
      }
    g_assert_true (over);
  }
}

static gint64
live (CLStore    *store,
      const char *where)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM duty_assignment WHERE deleted = 0", where, NULL);

  return cl_test_store_count (store, sql);
}

static void
test_cells (CLTestStoreFixture *f,
            gconstpointer       data)
{
  g_autoptr(CLStaff) a = save_staff (f->store, "wangfang", "王芳", CL_ROLE_SERVICE_DESK);
  g_autoptr(CLStaff) b = save_staff (f->store, "lina", "李娜", CL_ROLE_ESCORT);
  const char *ida = cl_record_get_id (CL_RECORD (a));
  const char *idb = cl_record_get_id (CL_RECORD (b));
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;

  g_assert_true (cl_duty_store_set_cell (f->store, ida, "2026-11-23", CENTRE, "early", CL_ROLE_SERVICE_DESK,
                                         NULL, &error));
  g_assert_no_error (error);
  /* The cell holds one shift: a second choice replaces the first. */
  g_assert_true (cl_duty_store_set_cell (f->store, ida, "2026-11-23", EMERGENCY, "night", CL_ROLE_SERVICE_DESK,
                                         NULL, &error));
  g_assert_cmpint (live (f->store, ""), ==, 1);
  g_assert_cmpint (live (f->store, " AND shift = 'night' AND post_id = '" EMERGENCY "'"), ==, 1);

  /* A refusal writes nothing and leaves the cell as it was. */
  g_assert_false (cl_duty_store_set_cell (f->store, ida, "2026-11-23", CENTRE, "evening", CL_ROLE_SERVICE_DESK,
                                          &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (g_hash_table_lookup (errors, "shift"), ==, "Choose a shift: early, regular, late or night");
  g_clear_error (&error);
  g_assert_cmpint (live (f->store, " AND shift = 'night'"), ==, 1);
  g_assert_false (cl_duty_store_clear_cell (f->store, ida, "2026-11-23", CL_ROLE_ESCORT, &error));
  g_clear_error (&error);
  g_assert_cmpint (live (f->store, ""), ==, 1);

  /* Moved to Li on Tuesday: the same record; copied back to Wang. */
  g_assert_true (cl_duty_store_move_cell (f->store, ida, "2026-11-23", idb, "2026-11-24", FALSE,
                                          CL_ROLE_SERVICE_DESK, &error));
  g_assert_no_error (error);
  where = g_strdup_printf (" AND staff_id = '%s' AND day = '2026-11-24' AND shift = 'night'", idb);
  g_assert_cmpint (live (f->store, where), ==, 1);
  g_assert_cmpint (live (f->store, ""), ==, 1);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM duty_assignment"), ==, 2);
  g_assert_true (cl_duty_store_move_cell (f->store, idb, "2026-11-24", ida, "2026-11-25", TRUE,
                                          CL_ROLE_SERVICE_DESK, &error));
  g_assert_cmpint (live (f->store, ""), ==, 2);

  g_assert_true (cl_duty_store_clear_cell (f->store, idb, "2026-11-24", CL_ROLE_SERVICE_DESK, &error));
  g_assert_no_error (error);
  g_assert_cmpint (live (f->store, ""), ==, 1);
}

static void
test_escort_hours (CLTestStoreFixture *f,
                   gconstpointer       data)
{
  g_autoptr(CLStaff) escort = save_staff (f->store, "lina", "李娜", CL_ROLE_ESCORT);
  g_autoptr(GError) error = NULL;
  GDate tuesday, wednesday, thursday;
  gint opens = -1, closes = -1;

  g_assert_true (cl_date_parse ("2026-11-24", &tuesday, NULL));
  g_assert_true (cl_date_parse ("2026-11-25", &wednesday, NULL));
  g_assert_true (cl_date_parse ("2026-11-26", &thursday, NULL));
  /* Her own hours in the Staff window: 09:00–16:00 every day. */
  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    cl_staff_set_day_hours (escort, d, 9 * 60, 16 * 60);
  g_assert_true (cl_store_save_record (f->store, CL_RECORD (escort), NULL));

  /* No roster that day: the Staff window's hours. */
  cl_schedule_escort_hours (f->store, cl_record_get_id (CL_RECORD (escort)), &tuesday, &opens, &closes);
  g_assert_cmpint (opens, ==, 9 * 60);
  g_assert_cmpint (closes, ==, 16 * 60);
  g_assert_false (cl_duty_store_hours_of (f->store, cl_record_get_id (CL_RECORD (escort)), &tuesday, NULL, NULL));

  /* An early shift at the service centre: 07:30 to 17:30. */
  save_shift (f->store, escort, "2026-11-24", CENTRE, "early");
  cl_schedule_escort_hours (f->store, cl_record_get_id (CL_RECORD (escort)), &tuesday, &opens, &closes);
  g_assert_cmpint (opens, ==, 7 * 60 + 30);
  g_assert_cmpint (closes, ==, 17 * 60 + 30);

  /* A late shift whose end follows the setting. */
  g_assert_true (cl_desk_settings_set_int (f->store, CL_DUTY_LATE_KEY, 45, CL_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  save_shift (f->store, escort, "2026-11-25", CENTRE, "late");
  cl_schedule_escort_hours (f->store, cl_record_get_id (CL_RECORD (escort)), &wednesday, &opens, &closes);
  g_assert_cmpint (opens, ==, 8 * 60);
  g_assert_cmpint (closes, ==, 18 * 60 + 15);

  /* A night at the emergency: from 20:00 until midnight of that day. */
  save_shift (f->store, escort, "2026-11-26", EMERGENCY, "night");
  cl_schedule_escort_hours (f->store, cl_record_get_id (CL_RECORD (escort)), &thursday, &opens, &closes);
  g_assert_cmpint (opens, ==, 20 * 60);
  g_assert_cmpint (closes, ==, 24 * 60);
}

/* The escort schedule's own check, as a booking at the desk meets it:
 * a task at 08:00 is outside her Staff window hours (09:00–16:00) but
 * inside her early shift once the roster has her on it. */
static void
test_escort_task_in_shift (CLTestStoreFixture *f,
                           gconstpointer       data)
{
  g_autoptr(CLStaff) escort = save_staff (f->store, "lina", "李娜", CL_ROLE_ESCORT);
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLEscortTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *patient_id = NULL;

  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    cl_staff_set_day_hours (escort, d, 9 * 60, 16 * 60);
  g_assert_true (cl_store_save_record (f->store, CL_RECORD (escort), NULL));
  cl_patient_set_name (patient, "张小梅");
  patient_id = cl_test_save (f->store, patient);

  task = cl_test_new_task (patient_id, cl_record_get_id (CL_RECORD (escort)), cl_test_nov_2026 (24, 8, 0),
                           cl_test_nov_2026 (24, 8, 30));
  g_assert_false (cl_escort_store_save (f->store, task, CL_ROLE_CASE_MANAGER, &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS);
  g_clear_error (&error);

  save_shift (f->store, escort, "2026-11-24", CENTRE, "early");
  g_assert_true (cl_escort_store_save (f->store, task, CL_ROLE_CASE_MANAGER, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/duty/shift-times", test_shift_times);
  g_test_add_func ("/duty/coverage", test_coverage);
  g_test_add_func ("/duty/warning-fields", test_warning_fields);
  cl_test_store_add ("/duty/seeded-posts", test_seeded_posts);
  cl_test_store_add ("/duty/post-rules", test_post_rules);
  cl_test_store_add ("/duty/assignment-rules", test_assignment_rules);
  cl_test_store_add ("/duty/copy-last-week", test_copy_last_week);
  cl_test_store_add ("/duty/cells", test_cells);
  cl_test_store_add ("/duty/escort-hours", test_escort_hours);
  cl_test_store_add ("/duty/escort-task-in-shift", test_escort_task_in_shift);
  return g_test_run ();
}
