/* test-package-usage.c
 *
 * A package's services counted against what she used, in a real SQLite
 * file: escorts and VIP room visits done (those still ahead apart,
 * cancelled ones and those before her agreement not at all),
 * counselling items done, breakfasts and gift packs handed out.  A
 * hand-out past what the package includes is refused without a reason,
 * with nothing written, and taken with one; so is a new escort or VIP
 * booking once her allowance is taken.  The seeded packages include the
 * gift pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "cl-enrolment-store.h"
#include "cl-escort-store.h"
#include "cl-followup-record.h"
#include "cl-package-usage.h"
#include "cl-schedule.h"
#include "cl-schedule-sheet.h"
#include "cl-store-usage.h"
#include "cl-tables.h"
#include "cl-test-store.h"
#include "cl-test-util.h"
#include "cl-vip-store.h"

#define PACKAGE_ID   "f1000000-0000-4000-8000-000000000001"
#define ENROLMENT_ID "f1000000-0000-4000-8000-000000000002"
#define ROOM_ID      "f1000000-0000-4000-8000-000000000003"
#define OTHER_ID     "f1000000-0000-4000-8000-000000000004"

typedef struct
{
  char      *dir;
  CLStore   *store;
  char      *patient_id;
} Fixture;

/* Local time "2026-11-12T09:00" in UTC seconds. */
static gint64
at (const char *local)
{
  g_autofree char *text = g_strconcat (local, ":00", NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, zone);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* Writes a record of @table from JSON, past the desk's rules: what
 * happened before the rules under test. */
static void
put (CLStore    *store,
     const char *table,
     const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(CLRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (node);
  record = g_object_new (cl_tables_lookup (table), "id", id, NULL);
  if (json_object_has_member (json_node_get_object (node), "id"))
    cl_record_set_id (record, json_object_get_string_member (json_node_get_object (node), "id"));
  g_assert_true (cl_record_update_from_json (record, json_node_get_object (node), &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_save_record (store, record, &error));
  g_assert_no_error (error);
}

static void
put_task (Fixture    *f,
          const char *patient_id,
          const char *start,
          const char *status)
{
  g_autofree char *json = g_strdup_printf ("{\"patient_id\":\"%s\",\"kind\":\"examination\",\"place_from\":\"门诊\","
                                           "\"place_to\":\"超声科\",\"start_at\":%" G_GINT64_FORMAT ","
                                           "\"end_at\":%" G_GINT64_FORMAT ",\"status\":\"%s\"}",
                                           patient_id, at (start), at (start) + 1800, status);

  put (f->store, "escort_task", json);
}

static void
put_booking (Fixture    *f,
             const char *start,
             const char *status)
{
  g_autofree char *json = g_strdup_printf ("{\"room_id\":\"" ROOM_ID "\",\"patient_id\":\"%s\","
                                           "\"purpose\":\"consultation\",\"start_at\":%" G_GINT64_FORMAT ","
                                           "\"end_at\":%" G_GINT64_FORMAT ",\"status\":\"%s\"}",
                                           f->patient_id, at (start), at (start) + 1800, status);

  put (f->store, "vip_booking", json);
}

static void
put_followup (Fixture    *f,
              const char *kind,
              const char *state,
              const char *done)
{
  g_autofree char *json = g_strdup_printf ("{\"patient_id\":\"%s\",\"kind\":\"%s\",\"due_date\":\"2026-11-14\","
                                           "\"channel\":\"phone\",\"content\":\"心理支持\",\"state\":\"%s\","
                                           "\"outcome\":\"reached\",\"done_at\":%" G_GINT64_FORMAT "}",
                                           f->patient_id, kind, state, done ? at (done) : 0);

  put (f->store, "followup_item", json);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CLPatient) patient = cl_test_patient_new ("张小梅", "11010519930402002", "13800138000");
  g_autoptr(CLPregnancy) pregnancy = cl_test_pregnancy_new (patient, "2026-06-01", "green");
  g_autofree char *enrolment = NULL;

  f->dir = cl_test_make_tmp_dir ("test-package-usage");
  f->store = cl_test_store_open (f->dir);
  cl_store_set_actor (f->store, "wang");
  cl_test_patient_save (f->store, patient, pregnancy);
  f->patient_id = g_strdup (cl_record_get_id (CL_RECORD (patient)));

  put (f->store, "package",
       "{\"id\":\"" PACKAGE_ID "\",\"code\":\"T\",\"name\":\"测试套餐\",\"price_fen\":100000,\"enrol_from_day\":0,"
       "\"enrol_to_day\":280,\"postpartum_days\":42,\"active\":true,\"services\":"
       "\"[{\\\"code\\\":\\\"escort\\\",\\\"name\\\":\\\"产检陪诊\\\",\\\"quantity\\\":2},"
       "{\\\"code\\\":\\\"vip-room\\\",\\\"name\\\":\\\"VIP 诊室\\\",\\\"quantity\\\":1},"
       "{\\\"code\\\":\\\"psychological-support\\\",\\\"name\\\":\\\"心理支持\\\",\\\"quantity\\\":2},"
       "{\\\"code\\\":\\\"nutrition-breakfast\\\",\\\"name\\\":\\\"营养早餐\\\",\\\"quantity\\\":1},"
       "{\\\"code\\\":\\\"gift-pack\\\",\\\"name\\\":\\\"孕期礼包\\\",\\\"quantity\\\":1},"
       "{\\\"code\\\":\\\"health-butler\\\",\\\"name\\\":\\\"健康管家\\\",\\\"quantity\\\":1},"
       "{\\\"code\\\":\\\"\\\",\\\"name\\\":\\\"孕妇瑜伽\\\",\\\"quantity\\\":2}]\"}");
  enrolment = g_strdup_printf ("{\"id\":\"" ENROLMENT_ID "\",\"patient_id\":\"%s\",\"package_id\":\"" PACKAGE_ID "\","
                               "\"price_fen\":100000,\"agreement_date\":\"2026-11-10\",\"explained_by\":\"王护士\","
                               "\"status\":\"active\"}", f->patient_id);
  put (f->store, "enrolment", enrolment);
  put (f->store, "vip_room", "{\"id\":\"" ROOM_ID "\",\"name\":\"VIP 1\",\"location\":\"3F\",\"opens\":480,"
                             "\"closes\":1050,\"slot_minutes\":30,\"active\":true}");
  put (f->store, "patient", "{\"id\":\"" OTHER_ID "\",\"name\":\"李小红\",\"phone\":\"13800138001\"}");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->patient_id);
}

static CLHandout *
handout_new (Fixture    *f,
             const char *service,
             const char *reason)
{
  CLHandout *handout = cl_handout_new ();

  cl_handout_set_patient_id (handout, f->patient_id);
  cl_handout_set_enrolment_id (handout, ENROLMENT_ID);
  cl_handout_set_service (handout, service);
  cl_handout_set_date (handout, "2026-11-20");
  cl_handout_set_over_reason (handout, reason);
  return handout;
}

/* Saves a hand-out; returns the message at @field if refused. */
static char *
hand_out (Fixture    *f,
          const char *service,
          const char *reason,
          const char *field)
{
  g_autoptr(CLHandout) handout = handout_new (f, service, reason);
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;

  if (cl_package_usage_save_handout (f->store, handout, "case_manager", &errors, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpstr (cl_handout_get_handed_by (handout), ==, "wang");
      return NULL;
    }
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (errors);
  return g_strdup (g_hash_table_lookup (errors, field));
}

static const CLServiceUsage *
find (GPtrArray  *usages,
      const char *service)
{
  for (guint i = 0; i < usages->len; i++)
    if (g_str_equal (((CLServiceUsage *) g_ptr_array_index (usages, i))->service, service))
      return g_ptr_array_index (usages, i);
  g_error ("no usage of %s", service);
}

static gint64
n_handouts (Fixture *f)
{
  return cl_test_store_count (f->store, "SELECT count(*) FROM handout WHERE deleted = 0");
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CLRecord) enrolment = NULL;
  g_autoptr(GPtrArray) usages = NULL;
  g_autofree char *escort_text = NULL;
  g_autofree char *message = NULL;
  const CLServiceUsage *u;

  /* Escorts: two done, one ahead; cancelled, before her agreement and
   * someone else's do not count. */
  put_task (f, f->patient_id, "2026-11-12T09:00", "done");
  put_task (f, f->patient_id, "2026-11-15T09:00", "done");
  put_task (f, f->patient_id, "2026-11-25T09:00", "planned");
  put_task (f, f->patient_id, "2026-11-16T09:00", "cancelled");
  put_task (f, f->patient_id, "2026-11-01T09:00", "done");
  put_task (f, OTHER_ID, "2026-11-12T10:00", "done");
  put_booking (f, "2026-11-12T09:00", "done");
  put_booking (f, "2026-11-13T09:00", "cancelled");
  put_followup (f, "psychological-support", "done", "2026-11-14T10:00");
  put_followup (f, "psychological-support", "due", NULL);
  put_followup (f, "other", "done", "2026-11-14T11:00");

  g_assert_null (hand_out (f, "nutrition-breakfast", NULL, "over_reason"));
  g_assert_null (hand_out (f, "gift-pack", NULL, "over_reason"));
  g_assert_null (hand_out (f, "孕妇瑜伽", NULL, "over_reason"));
  g_assert_cmpint (n_handouts (f), ==, 3);

  /* A second breakfast: the reason is asked and nothing is written. */
  message = hand_out (f, "nutrition-breakfast", NULL, "over_reason");
  g_assert_cmpstr (message, ==, "Her package includes Nutrition breakfast × 1; 1 handed out so far. "
                                "Give a reason to hand out another.");
  g_assert_cmpint (n_handouts (f), ==, 3);
  g_assert_null (hand_out (f, "nutrition-breakfast", "她孕吐，换了一份", "over_reason"));
  g_assert_cmpint (n_handouts (f), ==, 4);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM handout WHERE over_reason = '她孕吐，换了一份'"
                                                  " AND handed_by = 'wang'"), ==, 1);

  enrolment = cl_store_load_record (f->store, CL_TYPE_ENROLMENT, ENROLMENT_ID, NULL);
  usages = cl_package_usage_of_enrolment (f->store, CL_ENROLMENT (enrolment));
  g_assert_cmpuint (usages->len, ==, 7);

  u = find (usages, "escort");
  g_assert_cmpint (u->kind, ==, CL_USAGE_ESCORT);
  g_assert_cmpuint (u->included, ==, 2);
  g_assert_cmpuint (u->used, ==, 2);
  g_assert_cmpuint (u->pending, ==, 1);
  g_assert_false (cl_service_usage_is_over (u));
  escort_text = cl_service_usage_format (u);
  g_assert_cmpstr (escort_text, ==, "Escort 2 of 2 used");

  u = find (usages, "vip-room");
  g_assert_cmpuint (u->used, ==, 1);
  g_assert_cmpuint (u->pending, ==, 0);
  u = find (usages, "psychological-support");
  g_assert_cmpint (u->kind, ==, CL_USAGE_COUNSELLING);
  g_assert_cmpuint (u->used, ==, 1);
  u = find (usages, "nutrition-breakfast");
  g_assert_cmpint (u->kind, ==, CL_USAGE_HANDOUT);
  g_assert_cmpuint (u->used, ==, 2);
  g_assert_true (cl_service_usage_is_over (u));
  u = find (usages, "gift-pack");
  g_assert_cmpuint (u->used, ==, 1);
  g_assert_false (cl_service_usage_is_over (u));
  u = find (usages, "孕妇瑜伽");
  g_assert_cmpint (u->kind, ==, CL_USAGE_HANDOUT);
  g_assert_cmpstr (cl_service_usage_label (u), ==, "孕妇瑜伽");
  g_assert_cmpuint (u->used, ==, 1);
  u = find (usages, "health-butler");
  g_assert_cmpint (u->kind, ==, CL_USAGE_NOT_COUNTED);
  g_assert_false (cl_service_usage_is_over (u));
}

/* The hand-out's own rules, each at its field, nothing written. */
static void
test_handout_rules (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CLHandout) other = handout_new (f, "gift-pack", NULL);
  g_autoptr(CLHandout) future = handout_new (f, "gift-pack", NULL);
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *escort = hand_out (f, "escort", NULL, "service");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (escort, ==, "Escort is counted from its bookings, not handed out");
  cl_handout_set_patient_id (other, OTHER_ID);
  cl_handout_set_handed_by (other, "wang");
  cl_package_usage_validate_handout (f->store, other, errors);
  g_assert_cmpstr (g_hash_table_lookup (errors, "enrolment_id"), ==, "A hand-out is given under one of her enrolments");
  cl_handout_set_date (future, "2026-11-24");
  g_hash_table_remove_all (errors);
  cl_handout_set_handed_by (future, "wang");
  cl_package_usage_validate_handout (f->store, future, errors);
  g_assert_cmpstr (g_hash_table_lookup (errors, "date"), ==, "A hand-out cannot be dated in the future");
  g_assert_cmpuint (g_hash_table_size (errors), ==, 1);
  /* A role that may not write hand-outs writes none. */
  g_assert_false (cl_package_usage_save_handout (f->store, future, "escort", NULL, &error));
  g_assert_cmpint (n_handouts (f), ==, 0);
}

/* Her two escorts taken (one done, one ahead): a third asks a reason,
 * at the desk's save, and is booked with one, which the store keeps. */
static void
test_booking_over (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CLEscortTask) task = cl_escort_task_new ();
  g_autoptr(CLVipBooking) booking = cl_vip_booking_new ();
  g_autoptr(GListStore) day = NULL;
  g_autoptr(CLEscortTask) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *over = NULL;
  GDate date;

  put_task (f, f->patient_id, "2026-11-12T09:00", "done");
  g_assert_null (cl_package_usage_booking_over (f->store, CL_USAGE_ESCORT, f->patient_id, NULL));
  put_task (f, f->patient_id, "2026-11-25T09:00", "planned");
  over = cl_package_usage_booking_over (f->store, CL_USAGE_ESCORT, f->patient_id, NULL);
  g_assert_cmpstr (over, ==, "Her package includes 2 escorts: 1 done, 1 booked. Give a reason to book another.");

  cl_escort_task_set_patient_id (task, f->patient_id);
  cl_escort_task_set_kind (task, CL_ESCORT_KIND_EXAMINATION);
  cl_escort_task_set_start_at (task, at ("2026-11-27T09:00"));
  cl_escort_task_set_end_at (task, at ("2026-11-27T09:30"));
  g_assert_false (cl_escort_store_save (f->store, task, "case_manager", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVER_ALLOWANCE);
  g_assert_cmpstr (cl_schedule_error_field (error), ==, "over_reason");
  g_assert_cmpstr (error->message, ==, over);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM escort_task"), ==, 2);
  g_clear_error (&error);

  cl_escort_task_set_over_reason (task, "双胎，产检多");
  g_assert_true (cl_escort_store_save (f->store, task, "case_manager", &error));
  g_assert_no_error (error);
  g_date_set_dmy (&date, 27, 11, 2026);
  day = cl_escort_store_tasks_of_day (f->store, &date);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (day)), ==, 1);
  read = g_list_model_get_item (G_LIST_MODEL (day), 0);
  g_assert_cmpstr (cl_escort_task_get_over_reason (read), ==, "双胎，产检多");
  /* Its status changes ask nothing more. */
  g_assert_true (cl_escort_store_cancel (f->store, read, "case_manager", &error));
  g_assert_no_error (error);

  /* The VIP room: one included, one done. */
  put_booking (f, "2026-11-12T09:00", "done");
  cl_vip_booking_set_patient_id (booking, f->patient_id);
  cl_vip_booking_set_room_id (booking, ROOM_ID);
  cl_vip_booking_set_purpose (booking, CL_VIP_PURPOSE_CONSULTATION);
  cl_vip_booking_set_start_at (booking, at ("2026-11-27T09:00"));
  cl_vip_booking_set_end_at (booking, at ("2026-11-27T09:30"));
  g_assert_false (cl_vip_store_save_booking (f->store, booking, "case_manager", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVER_ALLOWANCE);
  g_assert_cmpstr (error->message, ==, "Her package includes 1 VIP room visit: 1 done, 0 booked. "
                                       "Give a reason to book another.");
  g_clear_error (&error);
  cl_vip_booking_set_over_reason (booking, "医生要求复诊");
  g_assert_true (cl_vip_store_save_booking (f->store, booking, "case_manager", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM vip_booking"
                                                  " WHERE over_reason = '医生要求复诊'"), ==, 1);

  /* Someone without a live enrolment is booked as before. */
  g_assert_null (cl_package_usage_booking_over (f->store, CL_USAGE_ESCORT, OTHER_ID, NULL));
}

static CLEscortTask *
desk_task (const char *patient_id,
           const char *kind,
           const char *start)
{
  CLEscortTask *task = cl_escort_task_new ();

  cl_escort_task_set_patient_id (task, patient_id);
  cl_escort_task_set_kind (task, kind);
  cl_escort_task_set_place_from (task, "门诊大厅");
  cl_escort_task_set_place_to (task, "急诊科");
  cl_escort_task_set_start_at (task, at (start));
  cl_escort_task_set_end_at (task, at (start) + 1800);
  cl_escort_task_set_note (task, "需轮椅；只会说粤语");
  return task;
}

/* The service desk books the hospital's own escorts (wheelchair, to
 * the emergency department, to a ward) for anyone: an outpatient
 * registered at the desk, with no pregnancy and no enrolment, is booked
 * without a reason; so is a maternity patient whose package escorts
 * are taken, and these escorts do not count against her package.  Her
 * package's own kinds still ask for the reason, from the desk too.  The
 * day sheet puts a flagged patient's badge before her name, and the
 * view's lists put her first. */
static void
test_desk_escort (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CLPatient) walk_in = cl_test_patient_new ("陈阿婆", "44010219500305002", "13900139000");
  g_autoptr(CLEscortTask) wheelchair = NULL;
  g_autoptr(CLEscortTask) clinic = NULL;
  g_autoptr(CLEscortTask) emergency = NULL;
  g_autoptr(CLEscortTask) exam = NULL;
  g_autoptr(GListStore) day = NULL;
  g_autoptr(GHashTable) flags = NULL;
  g_autoptr(CLScheduleSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *over = NULL;
  g_autofree char *walk_in_id = NULL;
  CLEscortTask *first;
  GDate date;

  /* At the desk: a name, a phone, no pregnancy. */
  cl_patient_set_priority (walk_in, "mobility-help");
  cl_test_patient_save (f->store, walk_in, NULL);
  walk_in_id = g_strdup (cl_record_get_id (CL_RECORD (walk_in)));
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM pregnancy"), ==, 1);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM enrolment"), ==, 1);

  wheelchair = desk_task (walk_in_id, CL_ESCORT_KIND_WHEELCHAIR, "2026-11-27T10:00");
  g_assert_true (cl_escort_store_save (f->store, wheelchair, "service_desk", &error));
  g_assert_no_error (error);
  g_assert_null (cl_escort_task_get_over_reason (wheelchair));
  /* One of her package's kinds for someone without a package: no
   * allowance, no reason. */
  clinic = desk_task (walk_in_id, CL_ESCORT_KIND_CLINIC_VISIT, "2026-11-27T11:00");
  g_assert_true (cl_escort_store_save (f->store, clinic, "service_desk", &error));
  g_assert_no_error (error);

  /* Her two package escorts taken: the desk's kinds ask nothing and
   * count for nothing... */
  put_task (f, f->patient_id, "2026-11-12T09:00", "done");
  put_task (f, f->patient_id, "2026-11-25T09:00", "planned");
  over = cl_package_usage_booking_over (f->store, CL_USAGE_ESCORT, f->patient_id, NULL);
  g_assert_cmpstr (over, ==, "Her package includes 2 escorts: 1 done, 1 booked. Give a reason to book another.");
  emergency = desk_task (f->patient_id, CL_ESCORT_KIND_TO_EMERGENCY, "2026-11-27T09:00");
  g_assert_true (cl_escort_store_save (f->store, emergency, "service_desk", &error));
  g_assert_no_error (error);
  g_clear_pointer (&over, g_free);
  over = cl_package_usage_booking_over (f->store, CL_USAGE_ESCORT, f->patient_id, NULL);
  g_assert_cmpstr (over, ==, "Her package includes 2 escorts: 1 done, 1 booked. Give a reason to book another.");

  /* ...her package's own still asks, whoever books it. */
  exam = desk_task (f->patient_id, CL_ESCORT_KIND_EXAMINATION, "2026-11-27T14:00");
  g_assert_false (cl_escort_store_save (f->store, exam, "service_desk", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVER_ALLOWANCE);
  g_assert_cmpstr (cl_schedule_error_field (error), ==, "over_reason");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM escort_task WHERE kind = 'examination'"), ==, 2);
  g_clear_error (&error);

  g_assert_true (cl_escort_task_kind_is_package (CL_ESCORT_KIND_EXAMINATION));
  g_assert_false (cl_escort_task_kind_is_package (CL_ESCORT_KIND_WHEELCHAIR));
  g_assert_false (cl_escort_task_kind_is_package (CL_ESCORT_KIND_TO_WARD));
  g_assert_cmpstr (cl_escort_task_kind_label (CL_ESCORT_KIND_TO_EMERGENCY), ==, "To the emergency department");

  /* The day: in start order, her flag first in the view's lists. */
  g_date_set_dmy (&date, 27, 11, 2026);
  day = cl_escort_store_tasks_of_day (f->store, &date);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (day)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (day), 0);
  g_assert_cmpstr (cl_escort_task_get_patient_id (first), ==, f->patient_id);
  g_object_unref (first);
  flags = cl_schedule_patient_flags (f->store, G_LIST_MODEL (day), &date);
  /* Born in 1950: aged 70+ too, from her birth date. */
  g_assert_cmpstr (g_hash_table_lookup (flags, walk_in_id), ==, "mobility-help,aged-70");
  g_assert_false (g_hash_table_contains (flags, f->patient_id));
  cl_schedule_sort_flagged_first (day, flags);
  first = g_list_model_get_item (G_LIST_MODEL (day), 0);
  g_assert_cmpstr (cl_escort_task_get_patient_id (first), ==, walk_in_id);
  g_assert_cmpint (cl_escort_task_get_start_at (first), ==, at ("2026-11-27T10:00"));
  g_object_unref (first);
  first = g_list_model_get_item (G_LIST_MODEL (day), 2);
  g_assert_cmpstr (cl_escort_task_get_patient_id (first), ==, f->patient_id);
  g_object_unref (first);

  sheet = cl_escort_store_day_sheet (f->store, &date, NULL);
  g_assert_cmpuint (cl_schedule_sheet_get_n_rows (sheet, 0), ==, 3);
  g_assert_cmpstr (cl_schedule_sheet_get_cell (sheet, 0, 0, 1), ==, "张小梅");
  g_assert_cmpstr (cl_schedule_sheet_get_cell (sheet, 0, 1, 1), ==, "[Needs mobility help] 陈阿婆");
  g_assert_cmpstr (cl_schedule_sheet_get_cell (sheet, 0, 1, 2), ==, "Wheelchair");
  g_assert_cmpstr (cl_schedule_sheet_get_detail (sheet, 0, 1), ==, "需轮椅；只会说粤语");
}

/* To a ward ends, as a delivery transfer does, with the hand-over. */
static void
test_to_ward_hand_over (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CLEscortTask) task = desk_task (OTHER_ID, CL_ESCORT_KIND_TO_WARD, "2026-11-23T10:00");
  g_autoptr(CLScheduleSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (cl_escort_store_save (f->store, task, "service_desk", &error));
  g_assert_no_error (error);
  g_assert_true (cl_escort_task_ends_with_hand_over (task));
  g_assert_true (cl_escort_store_set_status (f->store, task, CL_ESCORT_STATUS_IN_PROGRESS, "service_desk", &error));
  g_assert_no_error (error);
  g_assert_false (cl_escort_store_set_status (f->store, task, CL_ESCORT_STATUS_DONE, "service_desk", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_HANDOVER);
  g_clear_error (&error);
  /* On the day sheet: her note, then the hand-over blanks to fill in. */
  g_date_set_dmy (&date, 23, 11, 2026);
  sheet = cl_escort_store_day_sheet (f->store, &date, NULL);
  g_assert_cmpstr (cl_schedule_sheet_get_detail (sheet, 0, 0), ==,
                   "需轮椅；只会说粤语 — Hand-over: ward ____________  received by ____________  time ________");
  g_assert_true (cl_escort_store_hand_over (f->store, task, "内科二病区", "刘护士", 0, "service_desk", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_escort_task_get_status (task), ==, CL_ESCORT_STATUS_DONE);
}

/* The three packages every hospital starts from list the gift pack,
 * which the package editor shows as one of their services. */
static void
test_seeded_gift_pack (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) packages = cl_enrolment_store_list_packages (f->store, FALSE);
  guint seeded = 0;

  for (guint i = 0; i < packages->len; i++)
    {
      g_autoptr(GPtrArray) services = cl_package_dup_service_list (g_ptr_array_index (packages, i));
      gboolean gift = FALSE;

      if (!g_str_has_prefix (cl_record_get_id (g_ptr_array_index (packages, i)), "5e1d0a52-"))
        continue;
      seeded++;
      for (guint j = 0; j < services->len; j++)
        {
          const CLPackageService *s = g_ptr_array_index (services, j);

          if (g_str_equal (s->code, "gift-pack"))
            {
              gift = TRUE;
              g_assert_cmpstr (s->name, ==, "孕期礼包");
              g_assert_cmpint (s->quantity, ==, 1);
            }
        }
      g_assert_true (gift);
      g_assert_cmpuint (services->len, ==, 9);
    }
  g_assert_cmpuint (seeded, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/package-usage/counts", Fixture, NULL, fixture_set_up, test_counts, fixture_tear_down);
  g_test_add ("/package-usage/handout-rules", Fixture, NULL, fixture_set_up, test_handout_rules, fixture_tear_down);
  g_test_add ("/package-usage/booking-over", Fixture, NULL, fixture_set_up, test_booking_over, fixture_tear_down);
  g_test_add ("/package-usage/desk-escort", Fixture, NULL, fixture_set_up, test_desk_escort, fixture_tear_down);
  g_test_add ("/package-usage/to-ward-hand-over", Fixture, NULL, fixture_set_up, test_to_ward_hand_over,
              fixture_tear_down);
  g_test_add ("/package-usage/seeded-gift-pack", Fixture, NULL, fixture_set_up, test_seeded_gift_pack,
              fixture_tear_down);
  return g_test_run ();
}
