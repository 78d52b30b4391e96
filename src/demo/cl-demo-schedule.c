/* cl-demo-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-demo-schedule"

#include "config.h"

#include "cl-date.h"
#include "cl-demo-schedule.h"
#include "cl-demo-util.h"
#include "cl-escort-task.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-private.h"
#include "cl-vip-booking.h"
#include "cl-vip-room.h"

/* Days around today that get a schedule: the last three and the next
 * six, so the week views have a past, a today and a future. */
#define FIRST_DAY  (-3)
#define LAST_DAY   6
/* The demo's notional "now" on today, in minutes: what is before it is
 * done, what spans it is under way.  Fixed, so a seed and a day give
 * the same data whatever the hour. */
#define DEMO_NOW   (10 * 60)

typedef struct
{
  CLStore   *store;
  GRand     *rand;
  GDate      today;
  GPtrArray *patients;   /* ids */
  GPtrArray *stewards;   /* usernames */
} Demo;

typedef struct
{
  const char *name;
  const char *location;
  gint        opens, closes, slot;
  const char *purposes[3];
} RoomPlan;

static const RoomPlan rooms[] = {
  { "VIP 诊室 1", "门诊楼 3 层 301", 8 * 60, 17 * 60 + 30, 30,
    { CL_VIP_PURPOSE_CONSULTATION, CL_VIP_PURPOSE_CONSULTATION, CL_VIP_PURPOSE_COUNSELLING } },
  { "VIP 诊室 2", "门诊楼 3 层 302", 8 * 60, 17 * 60, 30,
    { CL_VIP_PURPOSE_CONSULTATION, CL_VIP_PURPOSE_CONSULTATION, CL_VIP_PURPOSE_CONSULTATION } },
  { "VIP 诊室 3（心理咨询）", "门诊楼 4 层 405", 8 * 60 + 30, 16 * 60 + 30, 60,
    { CL_VIP_PURPOSE_COUNSELLING, CL_VIP_PURPOSE_COUNSELLING, CL_VIP_PURPOSE_COUNSELLING } },
  { "孕妇学校教室", "门诊楼 5 层 501", 13 * 60, 17 * 60, 60,
    { CL_VIP_PURPOSE_COURSE, CL_VIP_PURPOSE_COURSE, CL_VIP_PURPOSE_SALON } },
};

typedef struct
{
  const char *kind;
  gint        min_minutes, max_minutes;
  const char *from;
  const char *to[4];
} KindPlan;

static const KindPlan kinds[] = {
  { CL_ESCORT_KIND_CLINIC_VISIT, 60, 150, "门诊大厅", { "产科门诊", "产科门诊", "高危妊娠门诊", "营养门诊" } },
  { CL_ESCORT_KIND_EXAMINATION, 30, 90, "产科门诊", { "超声科", "检验科", "心电图室", "胎心监护室" } },
  { CL_ESCORT_KIND_ERRAND, 15, 30, "门诊大厅", { "挂号收费处", "挂号收费处", "自助缴费区", "住院处" } },
  { CL_ESCORT_KIND_DELIVERY_TRANSFER, 30, 60, "产科门诊", { "产科一病区", "产科二病区", "产房", "产科一病区" } },
  { CL_ESCORT_KIND_REVISIT_42, 60, 120, "门诊大厅", { "产后门诊", "产后门诊", "盆底康复中心", "产后门诊" } },
};

/* Per cent, in the order of kinds[] */
static const guint kind_weights[] = { 35, 35, 15, 5, 10 };

static const char * const nurses[] = { "陈护士", "周护士", "吴护士", "郑护士", "孙护士" };

static guint
pick_kind (GRand *rand)
{
  guint r = g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (kind_weights); i++)
    {
      if (r < kind_weights[i])
        return i;
      r -= kind_weights[i];
    }
  return 0;
}

static void
set_seeded_id (Demo     *demo,
               CLRecord *record)
{
  char id[37];

  cl_demo_make_id (demo->rand, id);
  cl_record_set_id (record, id);
}

static const char *
pick_patient (Demo *demo)
{
  return g_ptr_array_index (demo->patients, g_rand_int_range (demo->rand, 0, demo->patients->len));
}

/* The status of something on @offset days from today over
 * [start, end) minutes, as the demo's "now" sees it. */
static int
time_state (gint offset,
            gint start,
            gint end)
{
  if (offset < 0 || (offset == 0 && end <= DEMO_NOW))
    return -1;   /* over */
  if (offset == 0 && start < DEMO_NOW)
    return 0;    /* under way */
  return 1;      /* to come */
}

static gboolean
demo_write (Demo      *demo,
            gpointer   record,
            GError   **error)
{
  return cl_store_write_record (demo->store, CL_RECORD (record), CL_WRITE_NO_OUTBOX, error);
}

static gboolean
generate_tasks (Demo        *demo,
                const char  *escort_id,
                const GDate *day,
                gint         offset,
                guint        max_tasks,
                GError     **error)
{
  gint cursor = CL_ESCORT_DAY_OPENS + 15 * g_rand_int_range (demo->rand, 0, 3);

  for (guint n = 0; n < max_tasks; n++)
    {
      g_autoptr(CLEscortTask) task = cl_escort_task_new ();
      const KindPlan *plan = &kinds[pick_kind (demo->rand)];
      gint length = plan->min_minutes +
                    15 * g_rand_int_range (demo->rand, 0, (plan->max_minutes - plan->min_minutes) / 15 + 1);
      const char *to = plan->to[g_rand_int_range (demo->rand, 0, 4)];
      guint fate = g_rand_int_range (demo->rand, 0, 100);
      int state;

      if (cursor + length > CL_ESCORT_DAY_CLOSES)
        break;

      set_seeded_id (demo, CL_RECORD (task));
      cl_escort_task_set_patient_id (task, pick_patient (demo));
      cl_escort_task_set_kind (task, plan->kind);
      cl_escort_task_set_place_from (task, plan->from);
      cl_escort_task_set_place_to (task, to);
      cl_escort_task_set_start_at (task, cl_schedule_at (day, cursor));
      cl_escort_task_set_end_at (task, cl_schedule_at (day, cursor + length));
      cl_escort_task_set_escort_id (task, escort_id);

      state = time_state (offset, cursor, cursor + length);
      if (state < 0 && escort_id)
        {
          cl_escort_task_set_status (task, fate < 4 ? CL_ESCORT_STATUS_NO_SHOW :
                                           fate < 8 ? CL_ESCORT_STATUS_CANCELLED : CL_ESCORT_STATUS_DONE);
          if (g_str_equal (plan->kind, CL_ESCORT_KIND_DELIVERY_TRANSFER) &&
              g_str_equal (cl_escort_task_get_status (task), CL_ESCORT_STATUS_DONE))
            {
              cl_escort_task_set_handover_ward (task, to);
              cl_escort_task_set_handover_to (task, nurses[fate % G_N_ELEMENTS (nurses)]);
              cl_escort_task_set_handover_at (task, cl_schedule_at (day, cursor + length - 5));
            }
        }
      else if (state == 0 && escort_id)
        cl_escort_task_set_status (task, CL_ESCORT_STATUS_IN_PROGRESS);
      else if (fate < 3)
        cl_escort_task_set_status (task, CL_ESCORT_STATUS_CANCELLED);

      if (!demo_write (demo, task, error))
        return FALSE;

      /* Walking back to the hall, a break, or straight on. */
      cursor += length + 15 * g_rand_int_range (demo->rand, 0, 4);
    }
  return TRUE;
}

static gboolean
generate_bookings (Demo        *demo,
                   const char  *room_id,
                   const RoomPlan *plan,
                   const GDate *day,
                   gint         offset,
                   GError     **error)
{
  gboolean weekend = g_date_get_weekday (day) >= G_DATE_SATURDAY;
  gint cursor = plan->opens;

  while (cursor + plan->slot <= plan->closes)
    {
      guint busy = g_rand_int_range (demo->rand, 0, 100);
      gint n_slots = plan->slot < 60 ? g_rand_int_range (demo->rand, 1, 3) : 1;
      gint length = n_slots * plan->slot;
      g_autoptr(CLVipBooking) booking = NULL;
      guint fate;
      int state;

      if (busy >= (weekend ? 25u : 55u) || cursor + length > plan->closes)
        {
          cursor += plan->slot;
          continue;
        }

      booking = cl_vip_booking_new ();
      set_seeded_id (demo, CL_RECORD (booking));
      cl_vip_booking_set_room_id (booking, room_id);
      cl_vip_booking_set_patient_id (booking, pick_patient (demo));
      cl_vip_booking_set_purpose (booking, plan->purposes[g_rand_int_range (demo->rand, 0, 3)]);
      cl_vip_booking_set_start_at (booking, cl_schedule_at (day, cursor));
      cl_vip_booking_set_end_at (booking, cl_schedule_at (day, cursor + length));
      if (demo->stewards->len > 0)
        cl_vip_booking_set_booked_by (booking,
                                      g_ptr_array_index (demo->stewards,
                                                         g_rand_int_range (demo->rand, 0, demo->stewards->len)));
      fate = g_rand_int_range (demo->rand, 0, 100);
      state = time_state (offset, cursor, cursor + length);
      if (fate < 5)
        cl_vip_booking_set_status (booking, CL_VIP_STATUS_CANCELLED);
      else if (state < 0)
        cl_vip_booking_set_status (booking, CL_VIP_STATUS_DONE);
      else if (state == 0)
        cl_vip_booking_set_status (booking, CL_VIP_STATUS_CHECKED_IN);
      if (fate >= 5 && fate < 12)
        cl_vip_booking_set_note (booking, fate < 9 ? "需要轮椅" : "家属陪同");

      if (!demo_write (demo, booking, error))
        return FALSE;
      cursor += length;
    }
  return TRUE;
}

static GPtrArray *
query_ids (CLStore    *store,
           GType       type,
           const char *condition,
           const char *param,
           gboolean    usernames)
{
  g_autoptr(GPtrArray) rows = cl_store_query_records (store, type, condition, param, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (ids, g_strdup (usernames ? cl_staff_get_username (g_ptr_array_index (rows, i))
                                              : cl_record_get_id (g_ptr_array_index (rows, i))));
  return ids;
}

gboolean
cl_demo_schedule_generate (CLStore  *store,
                           guint32   seed,
                           GError  **error)
{
  g_autoptr(GPtrArray) escorts = NULL;
  g_autoptr(GPtrArray) room_ids = g_ptr_array_new_with_free_func (g_free);
  Demo demo = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  demo.store = store;
  demo.rand = g_rand_new_with_seed (seed ^ 0xe5c0);
  cl_date_today (&demo.today);
  /* Patients with a pregnancy under way or just delivered: the ones
   * escorted and seen in the VIP rooms. */
  demo.patients = query_ids (store, CL_TYPE_PATIENT,
                             "deleted = 0 AND id IN (SELECT patient_id FROM pregnancy"
                             " WHERE deleted = 0 AND status IN ('ongoing', 'delivered'))"
                             " ORDER BY id LIMIT 2000", NULL, FALSE);
  demo.stewards = query_ids (store, CL_TYPE_STAFF, "deleted = 0 AND role = ?1 ORDER BY id",
                             CL_ROLE_VIP_STEWARD, TRUE);
  escorts = query_ids (store, CL_TYPE_STAFF, "deleted = 0 AND active = 1 AND role = ?1 ORDER BY id",
                       CL_ROLE_ESCORT, FALSE);
  if (demo.patients->len == 0)
    {
      ok = TRUE;
      goto out;
    }

  if (!cl_store_begin (store, error))
    goto out;

  for (guint r = 0; r < G_N_ELEMENTS (rooms); r++)
    {
      g_autoptr(CLVipRoom) room = cl_vip_room_new ();

      set_seeded_id (&demo, CL_RECORD (room));
      cl_vip_room_set_name (room, rooms[r].name);
      cl_vip_room_set_location (room, rooms[r].location);
      cl_vip_room_set_opens (room, rooms[r].opens);
      cl_vip_room_set_closes (room, rooms[r].closes);
      cl_vip_room_set_slot_minutes (room, rooms[r].slot);
      if (!demo_write (&demo, room, error))
        goto failed;
      g_ptr_array_add (room_ids, g_strdup (cl_record_get_id (CL_RECORD (room))));
    }

  for (gint offset = FIRST_DAY; offset <= LAST_DAY; offset++)
    {
      GDate day = demo.today;
      gboolean weekend;

      if (offset < 0)
        g_date_subtract_days (&day, -offset);
      else
        g_date_add_days (&day, offset);
      weekend = g_date_get_weekday (&day) >= G_DATE_SATURDAY;

      for (guint e = 0; e < escorts->len; e++)
        if (!generate_tasks (&demo, g_ptr_array_index (escorts, e), &day, offset, weekend ? 2 : 6, error))
          goto failed;
      /* Requests not given to anyone yet */
      if (offset >= 0 &&
          !generate_tasks (&demo, NULL, &day, offset, weekend ? 1 : 3, error))
        goto failed;

      for (guint r = 0; r < G_N_ELEMENTS (rooms); r++)
        if (!generate_bookings (&demo, g_ptr_array_index (room_ids, r), &rooms[r], &day, offset, error))
          goto failed;
    }

  ok = cl_store_commit (store, error);
  goto out;

failed:
  cl_store_rollback (store);
out:
  g_ptr_array_unref (demo.patients);
  g_ptr_array_unref (demo.stewards);
  g_rand_free (demo.rand);
  return ok;
}
