/* test-desk-store.c
 *
 * The service desk's contact log on a real store: saving, the rules
 * of a hand-over and of closing (table-driven over the clock), today's
 * entries, the counts by category, the open hand-overs, and the
 * search over caller, phone, summary and patient name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-date.h"
#include "cl-desk-store.h"
#include "cl-patient-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-desk.h"
#include "cl-test-store.h"

#define DESK   CL_ROLE_SERVICE_DESK
#define ME     "staff-me"
#define OTHER  "staff-other"

static void
set_now (const char *iso)
{
  g_setenv ("CARELINE_NOW", iso, TRUE);
}

static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_iso8601 (iso, g_time_zone_new_local ());

  g_assert_nonnull (local);
  return g_date_time_to_unix (local);
}

static CLContact *
contact (const char *iso,
         const char *category,
         const char *caller,
         const char *phone,
         const char *summary)
{
  CLContact *c = cl_contact_new (at (iso), ME);

  cl_contact_set_channel (c, "hotline");
  cl_contact_set_category (c, category);
  cl_contact_set_caller_name (c, caller);
  cl_contact_set_caller_phone (c, phone);
  cl_contact_set_summary (c, summary);
  return c;
}

static void
save_ok (CLStore   *store,
         CLContact *c)
{
  g_autoptr(GError) error = NULL;

  if (!cl_desk_store_save (store, c, DESK, ME, NULL, &error))
    g_error ("save: %s", error->message);
}

static char *
save_refused (CLStore    *store,
              CLContact  *c,
              const char *role,
              const char *actor,
              const char *field)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_desk_store_save (store, c, role, actor, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  if (field == NULL)
    return g_strdup (error->message);
  g_assert_nonnull (errors);
  return g_strdup (g_hash_table_lookup (errors, field));
}

static void
test_save_today_counts (CLTestStoreFixture *f,
                        gconstpointer       data)
{
  g_autoptr(CLContact) a = contact ("2026-11-23T08:05:00", "consultation", "王女士", "13800138000", "问产检时间");
  g_autoptr(CLContact) b = contact ("2026-11-23T08:40:00", "report_pickup", "李先生", "", "取B超报告");
  g_autoptr(CLContact) c = contact ("2026-11-23T09:00:00", "consultation", "", "010-62345678", "问停车");
  g_autoptr(CLContact) yesterday = contact ("2026-11-22T16:00:00", "complaint", "赵女士", "", "投诉");
  g_autoptr(CLContact) outsider = contact ("2026-11-23T09:01:00", "other", "周女士", "", "问路");
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autofree char *message = NULL;
  GDate day;

  set_now ("2026-11-23T09:15:00");
  save_ok (f->store, a);
  save_ok (f->store, b);
  save_ok (f->store, c);
  save_ok (f->store, yesterday);

  /* Someone whose role does not write the log writes nothing. */
  message = save_refused (f->store, outsider, CL_ROLE_CASE_MANAGER, ME, NULL);
  g_assert_cmpstr (message, ==, "Your role may not make this change; nothing was saved");

  g_date_set_dmy (&day, 23, 11, 2026);
  today = cl_store_desk_between (f->store, cl_schedule_at (&day, 0), cl_schedule_at (&day, 1440));
  g_assert_cmpuint (today->len, ==, 3);
  /* The latest first. */
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (today, 0)), ==, cl_record_get_id (CL_RECORD (c)));
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (today, 2)), ==, cl_record_get_id (CL_RECORD (a)));

  counts = cl_store_desk_count_by_category (f->store, cl_schedule_at (&day, 0), cl_schedule_at (&day, 1440));
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "consultation")), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "report_pickup")), ==, 1);
  g_assert_false (g_hash_table_contains (counts, "complaint"));
  /* Every write went to the outbox, for the server. */
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM outbox WHERE tbl = 'contact'"), ==, 4);
}

/* The hand-over's due time against the clock, and closing by whom. */
static void
test_handover_rules (CLTestStoreFixture *f,
                     gconstpointer       data)
{
  static const struct {
    const char *now;
    const char *due;
    const char *message;  /* NULL: taken */
  } cases[] = {
    { "2026-11-23T09:15:00", "2026-11-23T17:00:00", NULL },
    { "2026-11-23T09:15:00", "2026-11-23T09:15:00", "The due time has already passed; choose a later one" },
    { "2026-11-23T09:15:00", "2026-11-23T09:14:00", "The due time has already passed; choose a later one" },
    { "2026-11-23T09:15:00", "2026-11-23T09:16:00", NULL },
    { "2026-11-23T23:59:00", "2026-11-24T08:00:00", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CLContact) c = contact ("2026-11-23T09:00:00", "records_copy", "王女士", "", "复印病历");

      set_now (cases[i].now);
      cl_contact_set_state (c, "handed_over");
      cl_contact_set_handover_to (c, OTHER);
      cl_contact_set_handover_due_at (c, at (cases[i].due));
      if (cases[i].message == NULL)
        save_ok (f->store, c);
      else
        {
          g_autofree char *message = save_refused (f->store, c, DESK, ME, "handover_due_at");

          g_assert_cmpstr (message, ==, cases[i].message);
        }
    }
}

static void
test_overdue_and_close (CLTestStoreFixture *f,
                        gconstpointer       data)
{
  g_autoptr(CLContact) c = contact ("2026-11-23T09:00:00", "records_copy", "王女士", "", "复印病历");
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CLRecord) stored = NULL;
  g_autofree char *message = NULL;
  g_autofree char *again = NULL;

  set_now ("2026-11-23T09:15:00");
  cl_contact_set_state (c, "handed_over");
  cl_contact_set_handover_to (c, OTHER);
  cl_contact_set_handover_due_at (c, at ("2026-11-23T11:00:00"));
  save_ok (f->store, c);

  open = cl_store_desk_open_handovers (f->store);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_false (cl_contact_is_overdue (g_ptr_array_index (open, 0), cl_schedule_now ()));
  /* Its time passes: overdue, still the owner's. */
  set_now ("2026-11-23T11:00:01");
  g_assert_true (cl_contact_is_overdue (g_ptr_array_index (open, 0), cl_schedule_now ()));
  g_assert_cmpstr (cl_contact_get_owner_id (g_ptr_array_index (open, 0)), ==, ME);
  /* An overdue hand-over may still be saved as it is (a note, a
   * correction): only a new or moved hand-over needs a future time. */
  cl_contact_set_summary (c, "复印病历，三份");
  save_ok (f->store, c);

  /* The owner stays the owner. */
  cl_contact_set_owner_id (c, OTHER);
  message = save_refused (f->store, c, DESK, OTHER, "owner_id");
  g_assert_cmpstr (message, ==, "Whoever took the contact stays its owner");
  cl_contact_set_owner_id (c, ME);

  /* Whom it went to may not close it; the owner may. */
  again = NULL;
  {
    g_autoptr(GHashTable) errors = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_false (cl_desk_store_close (f->store, c, "已复印并交给患者", DESK, OTHER, &errors, &error));
    g_assert_cmpstr (g_hash_table_lookup (errors, "state"), ==,
                     "Only whoever took the contact, or an administrator, may close it");
    g_assert_cmpstr (cl_contact_get_state (c), ==, "handed_over");
    g_clear_pointer (&errors, g_hash_table_unref);
    g_clear_error (&error);

    g_assert_false (cl_desk_store_close (f->store, c, "  ", DESK, ME, &errors, &error));
    g_assert_cmpstr (g_hash_table_lookup (errors, "close_note"), ==, "Say how it was settled");
    g_clear_pointer (&errors, g_hash_table_unref);
    g_clear_error (&error);

    g_assert_true (cl_desk_store_close (f->store, c, "已复印并交给患者", DESK, ME, &errors, &error));
    g_assert_no_error (error);
  }
  after = cl_store_desk_open_handovers (f->store);
  g_assert_cmpuint (after->len, ==, 0);
  stored = cl_store_load_record (f->store, CL_TYPE_CONTACT, cl_record_get_id (CL_RECORD (c)), NULL);
  g_assert_cmpstr (cl_contact_get_state (CL_CONTACT (stored)), ==, "closed");
  g_assert_cmpstr (cl_contact_get_closed_by (CL_CONTACT (stored)), ==, ME);
  g_assert_cmpint (cl_contact_get_closed_at (CL_CONTACT (stored)), ==, at ("2026-11-23T11:00:01"));

  /* An administrator closes anyone's. */
  {
    g_autoptr(CLContact) d = contact ("2026-11-23T10:00:00", "complaint", "赵女士", "", "投诉候诊太久");
    g_autoptr(GError) error = NULL;

    cl_contact_set_state (d, "handed_over");
    cl_contact_set_handover_to (d, OTHER);
    cl_contact_set_handover_due_at (d, at ("2026-11-24T10:00:00"));
    save_ok (f->store, d);
    g_assert_true (cl_desk_store_close (f->store, d, "已回电致歉", CL_ROLE_ADMIN, "admin", NULL, &error));
    g_assert_no_error (error);
  }
}

static guint
n_found (CLStore    *store,
         const char *query)
{
  g_autoptr(GPtrArray) rows = cl_store_desk_search (store, query, 50);

  return rows->len;
}

static void
test_search (CLTestStoreFixture *f,
             gconstpointer       data)
{
  g_autoptr(CLPatient) patient = cl_test_patient_new ("欧阳晓燕", "11010519900307124", "13900139011");
  g_autoptr(CLContact) a = contact ("2026-11-23T08:05:00", "consultation", "王芳", "13800138000", "问产检时间和地点");
  g_autoptr(CLContact) b = contact ("2026-11-23T08:40:00", "report_pickup", "李先生", "", "取B超报告 Ultrasound");
  g_autoptr(CLContact) c = contact ("2026-11-23T09:00:00", "lost_found", "", "010-62345678", "丢了一把蓝色雨伞");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  set_now ("2026-11-23T09:15:00");
  g_assert_true (cl_patient_store_save (f->store, patient, NULL, NULL, &error));
  cl_contact_set_patient_id (b, cl_record_get_id (CL_RECORD (patient)));
  save_ok (f->store, a);
  save_ok (f->store, b);
  save_ok (f->store, c);

  g_assert_cmpuint (n_found (f->store, "13800"), ==, 1);        /* phone digits */
  g_assert_cmpuint (n_found (f->store, "6234"), ==, 1);         /* a landline's */
  g_assert_cmpuint (n_found (f->store, "李先生"), ==, 1);        /* a name */
  g_assert_cmpuint (n_found (f->store, "王芳"), ==, 1);          /* a two-character name */
  g_assert_cmpuint (n_found (f->store, "雨伞"), ==, 1);          /* a word of a summary */
  g_assert_cmpuint (n_found (f->store, "伞"), ==, 1);            /* one character */
  g_assert_cmpuint (n_found (f->store, "小梅"), ==, 0);          /* two that are not there */
  g_assert_cmpuint (n_found (f->store, "晓燕"), ==, 1);          /* two of the patient's name */
  g_assert_cmpuint (n_found (f->store, "ultrasound"), ==, 1);   /* any case */
  g_assert_cmpuint (n_found (f->store, "欧阳晓燕"), ==, 1);      /* the patient's name */
  g_assert_cmpuint (n_found (f->store, "产检 王芳"), ==, 1);     /* every word */
  g_assert_cmpuint (n_found (f->store, "问产检 李先生"), ==, 0);
  g_assert_cmpuint (n_found (f->store, "产检\u3000王芳"), ==, 1);  /* a Chinese keyboard's space */
  g_assert_cmpuint (n_found (f->store, "50%"), ==, 0);          /* a wildcard is a character */
  g_assert_cmpuint (n_found (f->store, "\"报告"), ==, 0);       /* a quote is a character */
  g_assert_cmpuint (n_found (f->store, "   "), ==, 0);

  /* An edit is searched by its new words, and not by its old. */
  cl_contact_set_summary (c, "丢了一个黑色钱包");
  save_ok (f->store, c);
  g_assert_cmpuint (n_found (f->store, "雨伞"), ==, 0);
  g_assert_cmpuint (n_found (f->store, "黑色钱包"), ==, 1);

  /* A deleted one is not found. */
  g_assert_true (cl_store_delete_record (f->store, CL_RECORD (a), &error));
  g_assert_cmpuint (n_found (f->store, "13800"), ==, 0);
  g_assert_cmpuint (n_found (f->store, "王芳"), ==, 0);

  rows = cl_store_desk_search (f->store, "报告", 50);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (cl_contact_get_patient_id (g_ptr_array_index (rows, 0)), ==,
                   cl_record_get_id (CL_RECORD (patient)));
}

/* Someone registered at the desk has no pregnancy; the roster's search
 * finds her all the same. */
static void
test_patient_without_pregnancy (CLTestStoreFixture *f,
                                gconstpointer       data)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(GError) error = NULL;

  cl_patient_set_name (patient, "门诊病人");
  cl_patient_set_phone (patient, "13900139012");
  g_assert_true (cl_patient_store_save (f->store, patient, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM roster WHERE name = '门诊病人'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_test_init (&argc, &argv, NULL);
  cl_test_store_add ("/desk-store/save-today-counts", test_save_today_counts);
  cl_test_store_add ("/desk-store/handover-rules", test_handover_rules);
  cl_test_store_add ("/desk-store/overdue-and-close", test_overdue_and_close);
  cl_test_store_add ("/desk-store/search", test_search);
  cl_test_store_add ("/desk-store/patient-without-pregnancy", test_patient_without_pregnancy);
  return g_test_run ();
}
