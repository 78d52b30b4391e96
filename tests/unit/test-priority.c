/* Priority patients (重点患者): the stored flag words and their
 * labels, the patient rules that refuse an unknown word, the "aged 70+"
 * flag that follows from the date of birth across her birthday, and
 * the roster search that lists flagged patients first. */

#define G_LOG_DOMAIN "test-priority"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cl-date.h"
#include "cl-followup-store.h"
#include "cl-followup-worklist.h"
#include "cl-patient-store.h"
#include "cl-patient.h"
#include "cl-roster-model.h"
#include "cl-staff.h"
#include "cl-store-roster.h"
#include "cl-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

static void
test_codes (void)
{
  static const struct { const char *code, *label; } words[] = {
    { "vip", "VIP" },
    { "special-care", "Special care" },
    { "staff-family", "Staff family" },
    { "complaint", "Complaint on file" },
    { "disability", "Disability" },
    { "retired-cadre", "Retired cadre" },
    { "military", "Military" },
    { "honoured-citizen", "Honoured citizen" },
    { "mobility-help", "Needs mobility help" },
    { "language-help", "Needs language help" },
  };
  const char * const *codes = cl_patient_priority_codes ();
  g_autofree char *all = NULL;

  g_assert_cmpuint (g_strv_length ((char **) codes), ==, G_N_ELEMENTS (words));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_assert_true (g_strv_contains (codes, words[i].code));
      g_assert_cmpstr (cl_patient_priority_label (words[i].code), ==, words[i].label);
    }
  /* Computed, never stored: no word the form could tick. */
  g_assert_false (g_strv_contains (codes, CL_PATIENT_FLAG_AGED));
  g_assert_cmpstr (cl_patient_priority_label (CL_PATIENT_FLAG_AGED), ==, "Aged 70+");

  all = cl_patient_flags_describe ("military,aged-70");
  g_assert_cmpstr (all, ==, "Military, Aged 70+");
}

static void
test_validate_flags (void)
{
  static const struct { const char *priority; gboolean valid; } cases[] = {
    { "retired-cadre", TRUE },
    { "military", TRUE },
    { "honoured-citizen", TRUE },
    { "mobility-help", TRUE },
    { "language-help", TRUE },
    { "vip,retired-cadre,military,honoured-citizen,disability,mobility-help,language-help", TRUE },
    /* The computed flag cannot be stored: it would outlive her birth
     * date's correction. */
    { "aged-70", FALSE },
    { "retired_cadre", FALSE },
    { "vip,veteran", FALSE },
    { "Military", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CLPatient) patient = cl_patient_new ();
      g_autoptr(GHashTable) errors = NULL;

      cl_patient_set_name (patient, "王秀兰");
      cl_patient_set_phone (patient, "13800138000");
      cl_patient_set_priority (patient, cases[i].priority);
      errors = cl_patient_validate (patient);
      g_test_message ("%s", cases[i].priority);
      if (cases[i].valid)
        g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
      else
        g_assert_cmpstr (g_hash_table_lookup (errors, "priority"), ==, "Unknown priority flag");
    }
}

/* The desk serves the aged too: a 90-year-old is no typing error, a
 * 121-year-old is.  CARELINE_TODAY is 2026-11-23. */
static void
test_validate_birth (void)
{
  static const struct { const char *birth; const char *error; } cases[] = {
    { "1936-05-01", NULL },
    { "1906-11-23", NULL },
    { "1905-11-22", "The date of birth is more than 120 years ago; please check it" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CLPatient) patient = cl_patient_new ();
      g_autoptr(GHashTable) errors = NULL;

      cl_patient_set_name (patient, "王秀兰");
      cl_patient_set_phone (patient, "13800138000");
      cl_patient_set_birth_date (patient, cases[i].birth);
      errors = cl_patient_validate (patient);
      g_assert_cmpstr (g_hash_table_lookup (errors, "birth_date"), ==, cases[i].error);
    }
}

/* Born on 29 February, she has her birthday on 1 March in a common
 * year (cl_date_age_years()).  70 years after a leap year is never a
 * leap year, so every such woman turns 70 on 1 March. */
static void
test_aged (void)
{
  static const struct { const char *birth, *on, *stored, *flags; } cases[] = {
    { "1956-11-24", "2026-11-23", NULL, "" },                 /* the day before her 70th birthday */
    { "1956-11-23", "2026-11-23", NULL, "aged-70" },          /* the day of */
    { "1956-11-22", "2026-11-23", "vip", "vip,aged-70" },
    { "1936-01-01", "2026-11-23", "", "aged-70" },
    { "1990-05-01", "2026-11-23", "military", "military" },
    { "1956-02-29", "2026-02-28", NULL, "" },                 /* 29 Feb birth, common year */
    { "1956-02-29", "2026-03-01", NULL, "aged-70" },
    { "1954-02-28", "2024-02-28", NULL, "aged-70" },          /* a leap year's 28 February */
    { "1954-03-01", "2024-02-29", NULL, "" },
    { "1954-02-28", "2024-02-29", NULL, "aged-70" },
    { "1955-12-31", "2025-12-30", NULL, "" },
    { "1955-12-31", "2025-12-31", NULL, "aged-70" },
    { NULL, "2026-11-23", "language-help", "language-help" }, /* no birth date */
    { "", "2026-11-23", NULL, "" },
    { "1956-13-01", "2026-11-23", NULL, "" },                 /* not a date */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *flags = NULL;
      GDate on;

      g_assert_true (cl_date_parse (cases[i].on, &on, NULL));
      flags = cl_patient_effective_flags (cases[i].stored, cases[i].birth, &on);
      g_test_message ("%s on %s", cases[i].birth, cases[i].on);
      g_assert_cmpstr (flags, ==, cases[i].flags);
      g_assert_true (cl_patient_is_aged (cases[i].birth, &on) == g_str_has_suffix (cases[i].flags, "aged-70"));
    }
}

/* The roster index compares ISO strings with the cutoff; that must say
 * what cl_patient_is_aged() says, around 29 February of leap and common
 * years. */
static void
test_aged_cutoff (void)
{
  static const char *spans[] = { "2024-02-20", "2026-02-20", "2025-12-25" };

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    {
      GDate on;

      g_assert_true (cl_date_parse (spans[s], &on, NULL));
      for (guint d = 0; d < 15; d++, g_date_add_days (&on, 1))
        {
          g_autofree char *cutoff = cl_patient_aged_birth_cutoff (&on);
          GDate birth = on;

          g_date_subtract_years (&birth, 71);
          for (guint b = 0; b < 800; b++, g_date_add_days (&birth, 1))
            {
              g_autofree char *iso = cl_date_to_iso (&birth);

              if ((g_strcmp0 (iso, cutoff) <= 0) != cl_patient_is_aged (iso, &on))
                g_error ("born %s, on %s: cutoff %s disagrees", iso, spans[s], cutoff);
            }
        }
    }
}

static void
save_patient (CLStore    *store,
              const char *name,
              const char *phone,
              const char *birth,
              const char *priority)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();

  cl_patient_set_name (patient, name);
  cl_patient_set_phone (patient, phone);
  cl_patient_set_birth_date (patient, birth);
  cl_patient_set_priority (patient, priority);
  cl_test_patient_save (store, patient, NULL);
}

static char *
names_found (CLRosterModel *model,
             const char    *query)
{
  g_autoptr(GError) error = NULL;
  GString *names = g_string_new (NULL);
  guint n;

  cl_roster_model_set_query (model, query);
  n = cl_roster_model_query_sync (model, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *flags = cl_roster_row_get_priority (row);

      g_string_append_printf (names, "%s%s%s%s%s", i ? " " : "", cl_roster_row_get_name (row),
                              flags && *flags ? "[" : "", flags ? flags : "", flags && *flags ? "]" : "");
    }
  return g_string_free (names, FALSE);
}

static char *
names_searched (CLStore       *store,
                CLRosterModel *model,
                const char    *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = cl_roster_model_search (model, query, G_MAXUINT, NULL, &error);
  GString *names = g_string_new (NULL);
  GDate today;

  g_assert_no_error (error);
  cl_date_today (&today);
  for (guint i = 0; i < rowids->len; i++)
    {
      g_autoptr(CLRosterRow) row = cl_store_roster_load_row (store, g_array_index (rowids, gint64, i), &today);

      g_assert_nonnull (row);
      g_string_append_printf (names, "%s%s", i ? " " : "", cl_roster_row_get_name (row));
    }
  return g_string_free (names, FALSE);
}

/* Flagged patients first in the search, by name within each group; the
 * aged flag turns on by itself on her birthday.  Without a query the
 * roster keeps its own order. */
static void
test_search_first (CLTestStoreFixture *f,
                   gconstpointer       data)
{
  g_autoptr(CLRosterModel) model = cl_roster_model_new (f->store);
  g_autofree char *found = NULL, *searched = NULL, *all = NULL;

  /* By name the order is 二 er, 三 san, 四 si, 五 wu, 一 yi. */
  save_patient (f->store, "张一", "13800138001", "1990-01-01", NULL);
  save_patient (f->store, "张二", "13800138002", "1991-01-01", NULL);
  save_patient (f->store, "张三", "13800138003", "1956-11-23", NULL);
  save_patient (f->store, "张四", "13800138004", "1956-11-24", NULL);
  save_patient (f->store, "张五", "13800138005", "1985-01-01", "retired-cadre");

  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  found = names_found (model, "张");
  g_assert_cmpstr (found, ==, "张三[aged-70] 张五[retired-cadre] 张二 张四 张一");
  g_clear_pointer (&found, g_free);
  found = names_found (model, "zhang");
  g_assert_cmpstr (found, ==, "张三[aged-70] 张五[retired-cadre] 张二 张四 张一");
  /* The server's search page and the desk's choosers share the order. */
  searched = names_searched (f->store, model, "张");
  g_assert_cmpstr (searched, ==, "张三 张五 张二 张四 张一");
  all = names_found (model, "");
  g_assert_cmpstr (all, ==, "张二 张三[aged-70] 张四 张五[retired-cadre] 张一");

  /* The next day 张四 is 70. */
  g_setenv ("CARELINE_TODAY", "2026-11-24", TRUE);
  g_clear_pointer (&found, g_free);
  found = names_found (model, "张");
  g_assert_cmpstr (found, ==, "张三[aged-70] 张四[aged-70] 张五[retired-cadre] 张二 张一");
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
}

static void
add_call (CLStore    *store,
          const char *patient_id,
          const char *content)
{
  g_autoptr(CLFollowupRecord) item = cl_followup_record_new ();
  g_autoptr(GError) error = NULL;

  cl_followup_record_set_patient_id (item, patient_id);
  cl_followup_record_set_kind (item, "other");
  cl_followup_record_set_channel (item, "phone");
  cl_followup_record_set_due_date (item, "2026-11-23");
  cl_followup_record_set_content (item, content);
  cl_followup_record_set_owner_id (item, "cm-wang");
  g_assert_true (cl_followup_store_save (store, item, "case_manager", NULL, &error));
  g_assert_no_error (error);
}

static char *
worklist_names (CLStore    *store,
                const char *day)
{
  g_autoptr(GPtrArray) rows = NULL;
  GString *names = g_string_new (NULL);
  GDate today;

  g_assert_true (cl_date_parse (day, &today, NULL));
  rows = cl_followup_worklist_load (store, "cm-wang", &today);
  for (guint i = 0; i < rows->len; i++)
    {
      CLFollowupRow *row = g_ptr_array_index (rows, i);

      g_assert_true (row->priority == (*row->flags != '\0'));
      g_string_append_printf (names, "%s%s%s%s%s", i ? " " : "", row->patient_name,
                              *row->flags ? "[" : "", row->flags, *row->flags ? "]" : "");
    }
  return g_string_free (names, FALSE);
}

/* Today's worklist puts the aged first as it does the stored flags:
 * the day before her 70th birthday she is listed by due date and name,
 * on the day she comes first. */
static void
test_worklist_aged (CLTestStoreFixture *f,
                    gconstpointer       data)
{
  g_autoptr(CLRecord) manager = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *on = NULL;
  const char *names[] = { "李一", "李二" };
  const char *births[] = { "1990-01-01", "1956-11-24" };

  manager = g_object_new (CL_TYPE_STAFF, "id", "cm-wang", "username", "wang", "display-name", "王护士",
                          "role", "case_manager", "roles", "case_manager", NULL);
  g_assert_true (cl_store_save_record (f->store, manager, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CLPatient) patient = cl_patient_new ();

      cl_patient_set_name (patient, names[i]);
      cl_patient_set_phone (patient, i ? "13800138012" : "13800138011");
      cl_patient_set_birth_date (patient, births[i]);
      cl_patient_set_case_manager_id (patient, "cm-wang");
      cl_test_patient_save (f->store, patient, NULL);
      add_call (f->store, cl_record_get_id (CL_RECORD (patient)), "问候");
    }

  /* By name 李一 comes before 李二, who is 70 on the 24th. */
  before = worklist_names (f->store, "2026-11-23");
  on = worklist_names (f->store, "2026-11-24");
  g_assert_cmpstr (before, ==, "李一 李二");
  g_assert_cmpstr (on, ==, "李二[aged-70] 李一");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/priority/codes", test_codes);
  g_test_add_func ("/priority/validate-flags", test_validate_flags);
  g_test_add_func ("/priority/validate-birth", test_validate_birth);
  g_test_add_func ("/priority/aged", test_aged);
  g_test_add_func ("/priority/aged-cutoff", test_aged_cutoff);
  cl_test_store_add ("/priority/search-first", test_search_first);
  cl_test_store_add ("/priority/worklist-aged", test_worklist_aged);

  return g_test_run ();
}
