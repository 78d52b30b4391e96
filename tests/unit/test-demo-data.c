/* test-demo-data.c
 *
 * The demo data: the same seed gives the same data, and what it makes
 * is valid and looks like a real hospital's roster; its Service Desk
 * has something on every page, each record passing its table's
 * validate hook, at any hour it is generated.
 */

#define G_LOG_DOMAIN "test-demo-data"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-complaint.h"
#include "cl-critical-store.h"
#include "cl-date.h"
#include "cl-demo-data.h"
#include "cl-equipment-fault.h"
#include "cl-id-card.h"
#include "cl-nursing-assessment.h"
#include "cl-opinion-entry.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-complaints.h"
#include "cl-store-critical.h"
#include "cl-store-desk.h"
#include "cl-store-faults.h"
#include "cl-store-opinions.h"
#include "cl-tables.h"
#include "cl-package-usage.h"
#include "cl-patient-store.h"
#include "cl-risk-event.h"
#include "cl-store-private.h"
#include "cl-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

#define N_PATIENTS 3000
#define SEED 20261123
/* The fixture's clock: a weekday morning at the desk (CARELINE_TODAY
 * is the tests' day). */
#define FIXTURE_NOW "2026-11-23 10:30"

/* One demo store shared by the tests (generating it is the slow part). */
static struct
{
  char    *dir;
  CLStore *store;
} fixture;

static void
test_demo_determinism (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-demo-data");
  g_autoptr(CLStore) again = cl_test_store_new_demo_full (dir, "again.db", N_PATIENTS, SEED, CL_DEMO_DATA_DEFAULT);
  g_autoptr(CLStore) other = cl_test_store_new_demo (dir, "other.db", 200, SEED + 1);
  /* Only what demo data wrote: other tests add patients with "ZY"
   * record numbers to the shared store. */
  const char *patients = "SELECT id, name, id_number, phone, mrn, birth_date, address, priority,"
                         " case_manager_id FROM patient WHERE mrn LIKE 'MZ%' ORDER BY rowid";
  const char *pregnancies = "SELECT id, patient_id, lmp, edd, corrected_edd, status, delivery_date,"
                            " risk, gravida, para FROM pregnancy WHERE patient_id IN"
                            " (SELECT id FROM patient WHERE mrn LIKE 'MZ%') ORDER BY rowid";
  const char *staff = "SELECT id, username, display_name, role, phone FROM staff ORDER BY rowid";
  const char *events = "SELECT id, pregnancy_id, date, risk FROM risk_event WHERE pregnancy_id IN"
                       " (SELECT g.id FROM pregnancy g JOIN patient p ON p.id = g.patient_id"
                       "  WHERE p.mrn LIKE 'MZ%') ORDER BY rowid";
  /* The desk's records, ids and times included. */
  const char *contacts = "SELECT id, contact_at, channel, category, caller_name, patient_id, owner_id, state,"
                         " handover_to, closed_at FROM contact ORDER BY rowid";
  const char *complaints = "SELECT id, contact_id, department_id, severity, state, opened_at, resolved_at,"
                           " satisfaction FROM complaint ORDER BY rowid";
  const char *critical = "SELECT id, received_at, patient_id, test_name, reported_at FROM critical_value ORDER BY rowid";
  const char *opinions = "SELECT id, date, source, kind, complaint_id FROM opinion_entry ORDER BY rowid";
  const char *faults = "SELECT id, machine, reported_at, fixed_at FROM equipment_fault ORDER BY rowid";
  const char *nursing = "SELECT id, patient_id, recorded_at FROM nursing_assessment ORDER BY rowid";
  const char *queries[] = { patients, pregnancies, staff, events, contacts, complaints, critical, opinions, faults,
                            nursing };
  guint same = 0;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) a = cl_test_store_rows (fixture.store, queries[q]);
      g_autoptr(GPtrArray) b = cl_test_store_rows (again, queries[q]);

      g_assert_cmpuint (a->len, >, 0);
      g_assert_cmpuint (a->len, ==, b->len);
      for (guint i = 0; i < a->len; i++)
        g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
    }

  /* Another seed, other people. */
  {
    g_autoptr(GPtrArray) a = cl_test_store_rows (fixture.store, "SELECT name, id_number FROM patient ORDER BY rowid LIMIT 200");
    g_autoptr(GPtrArray) b = cl_test_store_rows (other, "SELECT name, id_number FROM patient ORDER BY rowid LIMIT 200");

    g_assert_cmpuint (b->len, ==, 200);
    for (guint i = 0; i < a->len; i++)
      if (g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        same++;
    g_assert_cmpuint (same, <, 5);
  }

  g_clear_object (&again);
  g_clear_object (&other);
  cl_test_remove_tree (dir);
}

static void
test_demo_valid (void)
{
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GPtrArray) pregnancies = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) phones = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) mrns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) managers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) staff = cl_patient_store_list_staff (fixture.store, NULL);
  const char *overrides[] = {
    "单", "解", "仇", "朴", "查", "区", "覃", "乐", "盖", "欧阳", "尉迟", "司马", "诸葛",
  };
  guint two_char_given = 0, wang = 0, override = 0, unassigned = 0, vip = 0;
  GDate today;

  cl_date_today (&today);

  /* Staff first: every role, with unique plain-letter logins. */
  {
    g_autoptr(GHashTable) usernames = g_hash_table_new (g_str_hash, g_str_equal);
    const struct { const char *role; guint n; } expect[] = {
      { CL_ROLE_CASE_MANAGER, 8 }, { CL_ROLE_ESCORT, 6 }, { CL_ROLE_VIP_STEWARD, 3 },
      { CL_ROLE_SERVICE_DESK, 4 }, { CL_ROLE_FINANCE, 2 }, { CL_ROLE_ADMIN, 1 },
    };

    g_assert_cmpuint (staff->len, ==, 24);
    for (guint i = 0; i < staff->len; i++)
      {
        CLStaff *member = g_ptr_array_index (staff, i);
        const char *username = cl_staff_get_username (member);

        g_assert_false (g_hash_table_contains (usernames, username));
        g_hash_table_add (usernames, (gpointer) username);
        for (const char *p = username; *p; p++)
          g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p));
        g_assert_cmpuint (g_utf8_strlen (cl_staff_get_display_name (member), -1), >=, 2);
        g_assert_true (g_unichar_get_script (g_utf8_get_char (cl_staff_get_display_name (member))) ==
                       G_UNICODE_SCRIPT_HAN);
        g_assert_nonnull (cl_staff_get_phone (member));
        if (g_str_equal (cl_staff_get_role (member), CL_ROLE_CASE_MANAGER))
          g_hash_table_add (managers, (gpointer) cl_record_get_id (CL_RECORD (member)));
      }
    for (guint r = 0; r < G_N_ELEMENTS (expect); r++)
      {
        g_autoptr(GPtrArray) some = cl_patient_store_list_staff (fixture.store, expect[r].role);

        g_assert_cmpuint (some->len, ==, expect[r].n);
      }

    /* Only the generated patients: the tests' own have "ZY" numbers. */
    patients = cl_store_query_records (fixture.store, CL_TYPE_PATIENT,
                                       "mrn LIKE 'MZ%' ORDER BY rowid", NULL);
  }

  g_assert_cmpuint (patients->len, ==, N_PATIENTS);
  for (guint i = 0; i < patients->len; i++)
    {
      CLPatient *patient = g_ptr_array_index (patients, i);
      g_autoptr(CLPatient) copy = CL_PATIENT (cl_record_dup (CL_RECORD (patient)));
      g_autoptr(GHashTable) errors = cl_patient_validate (copy);
      g_autoptr(GError) error = NULL;
      const char *name = cl_patient_get_name (patient);
      const char *manager = cl_patient_get_case_manager_id (patient);
      GDate birth;
      ClSex sex;
      gint age;

      if (g_hash_table_size (errors) > 0)
        g_error ("%s %s does not validate", name, cl_patient_get_id_number (patient));

      /* Validation changed nothing: the data was already normalised. */
      g_assert_cmpstr (cl_patient_get_id_number (copy), ==, cl_patient_get_id_number (patient));
      g_assert_cmpstr (cl_patient_get_phone (copy), ==, cl_patient_get_phone (patient));
      g_assert_cmpstr (cl_patient_get_birth_date (copy), ==, cl_patient_get_birth_date (patient));

      g_assert_true (cl_id_card_validate (cl_patient_get_id_number (patient), NULL, &birth, &sex, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sex, ==, CL_SEX_FEMALE);
      age = cl_date_age_years (&birth, &today);
      g_assert_cmpint (age, >=, 20);
      g_assert_cmpint (age, <=, 45);

      g_assert_false (g_hash_table_contains (ids, cl_patient_get_id_number (patient)));
      g_hash_table_add (ids, (gpointer) cl_patient_get_id_number (patient));
      g_assert_false (g_hash_table_contains (phones, cl_patient_get_phone (patient)));
      g_hash_table_add (phones, (gpointer) cl_patient_get_phone (patient));
      g_assert_true (g_str_has_prefix (cl_patient_get_mrn (patient), "MZ"));
      g_assert_cmpuint (strlen (cl_patient_get_mrn (patient)), ==, 10);
      g_assert_false (g_hash_table_contains (mrns, cl_patient_get_mrn (patient)));
      g_hash_table_add (mrns, (gpointer) cl_patient_get_mrn (patient));

      g_assert_nonnull (cl_patient_get_address (patient));
      g_assert_true (g_str_has_suffix (cl_patient_get_address (patient), "室"));
      g_assert_null (cl_patient_get_note (patient));

      if (manager == NULL)
        unassigned++;
      else
        g_assert_true (g_hash_table_contains (managers, manager));
      if (g_strcmp0 (cl_patient_get_priority (patient), "vip") == 0)
        vip++;

      if (g_str_has_prefix (name, "王"))
        wang++;
      for (guint k = 0; k < G_N_ELEMENTS (overrides); k++)
        if (g_str_has_prefix (name, overrides[k]))
          override++;
      if (g_utf8_strlen (name, -1) == 3)
        two_char_given++;
    }

  /* Proportions, loosely: these catch a broken table, not noise. */
  g_test_message ("王 %u, override %u, 2-char given %u, unassigned %u, vip %u",
                  wang, override, two_char_given, unassigned, vip);
  g_assert_cmpuint (wang, >, N_PATIENTS * 4 / 100);
  g_assert_cmpuint (wang, <, N_PATIENTS * 11 / 100);
  g_assert_cmpuint (override, >=, 1);
  g_assert_cmpuint (two_char_given, >, N_PATIENTS * 60 / 100);
  g_assert_cmpuint (two_char_given, <, N_PATIENTS * 90 / 100);
  g_assert_cmpuint (unassigned, >, N_PATIENTS * 2 / 100);
  g_assert_cmpuint (unassigned, <, N_PATIENTS * 9 / 100);
  g_assert_cmpuint (vip, >, N_PATIENTS * 1 / 100);
  g_assert_cmpuint (vip, <, N_PATIENTS * 6 / 100);

  /* Every pregnancy passes the same rules a person's typing does. */
  pregnancies = cl_store_query_records (fixture.store, CL_TYPE_PREGNANCY, "1 ORDER BY rowid", NULL);
  g_assert_cmpuint (pregnancies->len, >, N_PATIENTS * 90 / 100);
  g_assert_cmpuint (pregnancies->len, <, N_PATIENTS * 99 / 100);
  for (guint i = 0; i < pregnancies->len; i++)
    {
      CLPregnancy *pregnancy = g_ptr_array_index (pregnancies, i);
      g_autoptr(CLPregnancy) copy = CL_PREGNANCY (cl_record_dup (CL_RECORD (pregnancy)));
      g_autoptr(GHashTable) errors = cl_pregnancy_validate (copy, cl_store_get_risk_scale (fixture.store));

      g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
      g_assert_cmpstr (cl_pregnancy_get_edd (copy), ==, cl_pregnancy_get_edd (pregnancy));
      g_assert_cmpint (cl_pregnancy_get_gravida (pregnancy), >=, 1);
      g_assert_cmpint (cl_pregnancy_get_gravida (pregnancy), <=, 4);
      g_assert_cmpint (cl_pregnancy_get_para (pregnancy), <, cl_pregnancy_get_gravida (pregnancy));
    }

  /* Hand-outs pass the rules the desk's dialog and the server apply. */
  {
    g_autoptr(GPtrArray) handouts = cl_store_query_records (fixture.store, CL_TYPE_HANDOUT, "1 ORDER BY rowid", NULL);

    g_assert_cmpuint (handouts->len, >, 0);
    for (guint i = 0; i < handouts->len; i++)
      {
        g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

        cl_package_usage_validate_handout (fixture.store, g_ptr_array_index (handouts, i), errors);
        g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
      }
  }

  /* Status and risk mixes. */
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE status = 'ongoing'"),
                   >, N_PATIENTS * 62 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE status = 'delivered'"),
                   >, N_PATIENTS * 16 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE status = 'ended'"),
                   >, N_PATIENTS * 1 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE corrected_edd IS NOT NULL"),
                   >, N_PATIENTS * 6 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE risk = 'green'"),
                   >, N_PATIENTS * 38 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE risk LIKE 'red%'"),
                   >, N_PATIENTS * 2 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE risk LIKE '%+purple'"),
                   >, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE risk = ''"),
                   >, 0);

  /* Risk history: 1-3 dated entries for each assessed pregnancy, within
   * the pregnancy, one per day, ending in today's colour; none for the
   * not yet assessed. */
  g_assert_cmpint (cl_test_store_count (fixture.store,
                               "SELECT count(*) FROM pregnancy g WHERE g.risk != '' AND"
                               " (SELECT count(*) FROM risk_event e WHERE e.pregnancy_id = g.id) NOT BETWEEN 1 AND 3"),
                   ==, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store,
                               "SELECT count(*) FROM pregnancy g WHERE g.risk = '' AND"
                               " EXISTS (SELECT 1 FROM risk_event e WHERE e.pregnancy_id = g.id)"),
                   ==, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store,
                               "SELECT count(*) FROM pregnancy g WHERE g.risk != '' AND"
                               " (SELECT risk FROM risk_event e WHERE e.pregnancy_id = g.id"
                               "  ORDER BY date DESC LIMIT 1) != g.risk"),
                   ==, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store,
                               "SELECT count(*) FROM risk_event e JOIN pregnancy g ON g.id = e.pregnancy_id"
                               " WHERE e.date < g.lmp OR e.date > coalesce(g.delivery_date, '2026-11-23')"),
                   ==, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store,
                               "SELECT count(*) FROM (SELECT 1 FROM risk_event"
                               " GROUP BY pregnancy_id, date HAVING count(*) > 1)"),
                   ==, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM risk_event"), >, N_PATIENTS);

  /* Demo data is never pushed to a server. */
  g_assert_cmpint (cl_store_count_outbox (fixture.store), ==, 0);
}

/* The desk's synced tables, as cl-tables.c names them. */
static const char * const desk_tables[] = {
  "contact", "complaint", "critical_value", "opinion_entry", "equipment_fault", "nursing_assessment",
};

/* Every desk record of @store passes its table's validate hook, the
 * very check the server applies to a pushed change, and no time lies
 * after @now or before the step it follows.  (The check hooks judge
 * one change at the moment it is made: a new ticket is open, a
 * hand-over falls due after now.  A demo record is the outcome of
 * several such changes, so their clock rules are checked here
 * directly.)  A stored nursing assessment is refused by its hook by
 * design (a version is never changed), so its own rules and its place
 * as her first version are checked instead. */
static void
assert_desk_valid (CLStore *store,
                   gint64   now)
{
  struct { const char *table, *sql; } clock[] = {
    { "contact", "contact_at > NOW OR closed_at > NOW"
                 " OR (closed_at > 0 AND closed_at < contact_at)"
                 " OR (handover_due_at > 0 AND handover_due_at <= contact_at)" },
    { "complaint", "opened_at > NOW OR started_at > NOW"
                   " OR resolved_at > NOW OR closed_at > NOW"
                   " OR (started_at > 0 AND started_at < opened_at)"
                   " OR (resolved_at > 0 AND resolved_at < opened_at)"
                   " OR (closed_at > 0 AND closed_at < resolved_at)" },
    { "critical_value", "received_at > NOW OR reported_at > NOW"
                        " OR (reported_at > 0 AND reported_at < received_at)" },
    { "equipment_fault", "reported_at > NOW OR fixed_at > NOW"
                         " OR (fixed_at > 0 AND fixed_at < reported_at)" },
    { "nursing_assessment", "recorded_at > NOW" },
  };
  g_autofree char *today_iso = NULL;
  GDate today;

  cl_date_today (&today);
  today_iso = cl_date_to_iso (&today);

  for (guint t = 0; t < G_N_ELEMENTS (desk_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s", desk_tables[t]);
      g_autoptr(GPtrArray) ids = cl_test_store_rows (store, sql);
      GType type = cl_tables_lookup (desk_tables[t]);

      g_assert_cmpuint (ids->len, >, 0);
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(CLRecord) record = cl_store_load_record (store, type, g_ptr_array_index (ids, i), NULL);
          g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          GHashTableIter iter;
          gpointer column, message;

          g_assert_nonnull (record);
          if (type == CL_TYPE_NURSING_ASSESSMENT)
            {
              g_autoptr(GHashTable) own = cl_nursing_assessment_validate (CL_NURSING_ASSESSMENT (record));

              g_hash_table_unref (errors);
              errors = g_steal_pointer (&own);
              g_assert_cmpint (cl_nursing_assessment_get_version (CL_NURSING_ASSESSMENT (record)), ==, 1);
              g_assert_null (cl_nursing_assessment_get_supersedes_id (CL_NURSING_ASSESSMENT (record)));
            }
          else
            cl_tables_validate (store, record, CL_ROLE_SERVICE_DESK, errors);
          g_hash_table_iter_init (&iter, errors);
          while (g_hash_table_iter_next (&iter, &column, &message))
            g_error ("%s %s: %s: %s", desk_tables[t], (char *) g_ptr_array_index (ids, i),
                     (char *) column, (char *) message);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (clock); i++)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, now);
      g_auto(GStrv) parts = g_strsplit (clock[i].sql, "NOW", -1);
      g_autofree char *where = g_strjoinv (number, parts);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", clock[i].table, where);

      g_assert_cmpint (cl_test_store_count (store, sql), ==, 0);
    }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM opinion_entry WHERE date > '%s'", today_iso);

    g_assert_cmpint (cl_test_store_count (store, sql), ==, 0);
  }
}

static void
test_demo_desk (void)
{
  CLStore *store = fixture.store;
  gint64 now = cl_schedule_now ();
  gint64 midnight;
  gint64 limit = cl_critical_store_limit (store);
  g_autoptr(GPtrArray) today_contacts = NULL;
  g_autoptr(GPtrArray) complaints = cl_store_complaints_list (store, NULL, NULL, 10000);
  g_autoptr(GPtrArray) unreported = cl_store_critical_unreported (store);
  g_autoptr(GPtrArray) alarms = cl_critical_store_alarms (store, now);
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) faults = cl_store_faults_list (store, now - 14 * 24 * 3600);
  g_autoptr(GPtrArray) handovers = cl_store_desk_open_handovers (store);
  g_autoptr(GPtrArray) ticketed = NULL;
  g_autofree char *today_iso = NULL;
  guint states[CL_COMPLAINT_N_STATES] = { 0 };
  guint overdue = 0, late = 0, open_flagged = 0, fixed = 0, commendations = 0, linked = 0;
  GDate today;

  cl_date_today (&today);
  today_iso = cl_date_to_iso (&today);
  midnight = cl_schedule_day_start (&today);
  g_assert_cmpint (now, ==, midnight + (10 * 60 + 30) * 60);

  /* The log: today's calls so far, and 15 to 40 on each earlier day. */
  today_contacts = cl_store_desk_between (store, midnight, now + 1);
  g_assert_cmpuint (today_contacts->len, >=, 3);
  for (gint d = 1; d < 14; d++)
    {
      g_autoptr(GPtrArray) day = cl_store_desk_between (store, midnight - d * 24 * 3600,
                                                        midnight - (d - 1) * 24 * 3600);

      g_assert_cmpuint (day->len, >=, 15);
      g_assert_cmpuint (day->len, <=, 40);
    }
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM contact WHERE patient_id IS NOT NULL"
                                                " AND patient_id <> ''"), >, 50);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM contact WHERE state = 'closed'"), >, 20);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(DISTINCT channel) FROM contact"), ==, 5);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(DISTINCT category) FROM contact"), >=, 8);
  g_assert_cmpuint (handovers->len, >, 0);

  /* Tickets at every state, one past its promised time. */
  for (guint i = 0; i < complaints->len; i++)
    {
      CLComplaint *complaint = g_ptr_array_index (complaints, i);
      CLComplaintState state;

      g_assert_true (cl_complaint_state_from_string (cl_complaint_get_state (complaint), &state));
      states[state]++;
      overdue += cl_complaint_is_overdue (complaint, now);
    }
  for (guint s = 0; s < CL_COMPLAINT_N_STATES; s++)
    g_assert_cmpuint (states[s], >, 0);
  g_assert_cmpuint (overdue, ==, 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM complaint c JOIN contact t"
                                                " ON t.id = c.contact_id AND t.category = 'complaint'"),
                   ==, (gint64) complaints->len - 1);

  /* One critical value awaiting its report, past the limit: the alarm. */
  g_assert_cmpuint (unreported->len, ==, 1);
  g_assert_cmpuint (alarms->len, ==, 1);
  g_assert_cmpint (cl_critical_value_state (g_ptr_array_index (unreported, 0), now, limit), ==,
                   CL_CRITICAL_STATE_ALARM);
  values = cl_store_critical_between (store, NULL, midnight - 14 * 24 * 3600, now + 1);
  g_assert_cmpuint (values->len, >, 5);
  for (guint i = 0; i < values->len; i++)
    late += cl_critical_value_state (g_ptr_array_index (values, i), now, limit) == CL_CRITICAL_STATE_LATE;
  g_assert_cmpuint (late, ==, 1);

  /* Faults: two fixed, one open for more than a day, flagged. */
  for (guint i = 0; i < faults->len; i++)
    {
      CLEquipmentFault *fault = g_ptr_array_index (faults, i);

      open_flagged += cl_equipment_fault_is_overdue (fault, now);
      fixed += cl_equipment_fault_get_fixed_at (fault) > 0;
    }
  g_assert_cmpuint (open_flagged, ==, 1);
  g_assert_cmpuint (fixed, ==, 2);

  /* Opinions: today's box has a commendation; a book entry became a
   * ticket, which the entry names. */
  {
    g_autoptr(GPtrArray) entries = cl_store_opinions_of_day (store, today_iso);

    for (guint i = 0; i < entries->len; i++)
      commendations += g_str_equal (cl_opinion_entry_get_kind (g_ptr_array_index (entries, i)), "commendation");
    g_assert_cmpuint (commendations, >, 0);
  }
  ticketed = cl_test_store_rows (store, "SELECT o.id FROM opinion_entry o JOIN complaint c ON c.id = o.complaint_id"
                                        " WHERE o.kind = 'complaint'");
  g_assert_cmpuint (ticketed->len, ==, 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM opinion_entry"), >, 15);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(DISTINCT source) FROM opinion_entry"), ==, 2);

  /* First-visit assessments of a few of her patients. */
  linked = cl_test_store_count (store, "SELECT count(*) FROM nursing_assessment n JOIN patient p"
                                       " ON p.id = n.patient_id");
  g_assert_cmpuint (linked, >=, 5);

  assert_desk_valid (store, now);
}

/* Generated at any hour (just after midnight, before the desk opens,
 * late at night), every record is still valid and nothing lies after
 * now; there is always one alarm.  The same seed at another hour gives
 * the same records before today (only today's depend on the hour). */
static void
test_demo_desk_any_hour (void)
{
  const char * const hours[] = { "00:03", "06:10", "13:00", "23:55" };
  g_autofree char *dir = cl_test_make_tmp_dir ("test-demo-desk-hours");
  g_autofree char *contacts = NULL;
  g_autofree char *critical = NULL;
  const char *before_today[3];
  GPtrArray *first[G_N_ELEMENTS (before_today)] = { NULL };
  GDate today;
  gint64 midnight;

  cl_date_today (&today);
  midnight = cl_schedule_day_start (&today);
  contacts = g_strdup_printf ("SELECT id, contact_at, summary FROM contact WHERE contact_at < %" G_GINT64_FORMAT
                              " ORDER BY rowid", midnight);
  /* An hour's margin: one received just before midnight is not yet
   * reported a few minutes after it. */
  critical = g_strdup_printf ("SELECT id, received_at, result FROM critical_value WHERE received_at < %"
                              G_GINT64_FORMAT " ORDER BY rowid", midnight - 3600);
  before_today[0] = contacts;
  before_today[1] = critical;
  before_today[2] = "SELECT id, date, content FROM opinion_entry WHERE date < '2026-11-23' ORDER BY rowid";

  for (guint i = 0; i < G_N_ELEMENTS (hours); i++)
    {
      g_autofree char *now_text = g_strdup_printf ("2026-11-23 %s", hours[i]);
      g_autofree char *file = g_strdup_printf ("hour-%u.db", i);
      g_autoptr(CLStore) store = NULL;
      g_autoptr(GPtrArray) alarms = NULL;

      g_setenv ("CARELINE_NOW", now_text, TRUE);
      store = cl_test_store_new_demo_full (dir, file, 150, SEED, CL_DEMO_DATA_DEFAULT);
      alarms = cl_critical_store_alarms (store, cl_schedule_now ());
      g_assert_cmpuint (alarms->len, ==, 1);
      assert_desk_valid (store, cl_schedule_now ());

      for (guint q = 0; q < G_N_ELEMENTS (before_today); q++)
        {
          g_autoptr(GPtrArray) rows = cl_test_store_rows (store, before_today[q]);

          g_assert_cmpuint (rows->len, >, 0);
          if (first[q] == NULL)
            {
              first[q] = g_steal_pointer (&rows);
              continue;
            }
          g_assert_cmpuint (rows->len, ==, first[q]->len);
          for (guint r = 0; r < rows->len; r++)
            g_assert_cmpstr (g_ptr_array_index (rows, r), ==, g_ptr_array_index (first[q], r));
        }
    }
  for (guint q = 0; q < G_N_ELEMENTS (first); q++)
    g_ptr_array_unref (first[q]);
  g_setenv ("CARELINE_NOW", FIXTURE_NOW, TRUE);
  cl_test_remove_tree (dir);
}

/* CL_DEMO_DATA_NO_DESK leaves the desk empty and everything else as
 * it was: the same patients for the same seed. */
static void
test_demo_no_desk (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-demo-no-desk");
  g_autoptr(CLStore) with = cl_test_store_new_demo_full (dir, "with.db", 200, SEED, CL_DEMO_DATA_DEFAULT);
  g_autoptr(CLStore) without = cl_test_store_new_demo (dir, "without.db", 200, SEED);
  const char *sql = "SELECT id, name, phone FROM patient ORDER BY rowid";
  g_autoptr(GPtrArray) a = cl_test_store_rows (with, sql);
  g_autoptr(GPtrArray) b = cl_test_store_rows (without, sql);

  for (guint t = 0; t < G_N_ELEMENTS (desk_tables); t++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s", desk_tables[t]);

      g_assert_cmpint (cl_test_store_count (with, count), >, 0);
      g_assert_cmpint (cl_test_store_count (without, count), ==, 0);
    }
  g_assert_cmpuint (a->len, ==, 200);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
  g_clear_object (&with);
  g_clear_object (&without);
  cl_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  fixture.dir = cl_test_make_tmp_dir ("test-demo-data");
  g_setenv ("CARELINE_NOW", FIXTURE_NOW, TRUE);
  fixture.store = cl_test_store_new_demo_full (fixture.dir, "demo.db", N_PATIENTS, SEED, CL_DEMO_DATA_DEFAULT);

  g_test_add_func ("/store/demo-data/determinism", test_demo_determinism);
  g_test_add_func ("/store/demo-data/valid", test_demo_valid);
  g_test_add_func ("/store/demo-data/desk", test_demo_desk);
  g_test_add_func ("/store/demo-data/desk-any-hour", test_demo_desk_any_hour);
  g_test_add_func ("/store/demo-data/no-desk", test_demo_no_desk);

  ret = g_test_run ();

  g_clear_object (&fixture.store);
  cl_test_remove_tree (fixture.dir);
  g_free (fixture.dir);

  return ret;
}
