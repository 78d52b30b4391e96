/* cl-demo-desk.c
 *
 * The demo store's Service Desk: what it shares, and the contact log
 * of the last fourteen days.  Complaints and the opinion log are
 * cl-demo-complaints.c's; critical values, faults and nursing
 * assessments cl-demo-registers.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-demo-desk"

#include "config.h"

#include <stdlib.h>

#include "cl-date.h"
#include "cl-demo-desk-private.h"
#include "cl-demo-people.h"
#include "cl-demo-util.h"
#include "cl-department.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-directory.h"
#include "cl-tables.h"

/* Days of contacts, today included. */
#define CONTACT_DAYS 14

/* Salts of the generators, one per part. */
#define SALT_CONTACTS 0xc0417ac7

typedef struct
{
  CLContactCategory  category;
  const char        *summary;
} Topic;

/* What callers ask about, by category (category_weights gives each
 * category's share): most want a time, an appointment or a report. */
static const Topic topics[] = {
  { CL_CONTACT_CATEGORY_CONSULTATION, "询问产检时间" },
  { CL_CONTACT_CATEGORY_CONSULTATION, "咨询住院押金" },
  { CL_CONTACT_CATEGORY_CONSULTATION, "咨询无痛分娩" },
  { CL_CONTACT_CATEGORY_CONSULTATION, "询问建档需要带的材料" },
  { CL_CONTACT_CATEGORY_CONSULTATION, "咨询医保报销比例" },
  { CL_CONTACT_CATEGORY_CONSULTATION, "询问产后42天复查时间" },
  { CL_CONTACT_CATEGORY_CONSULTATION, "咨询孕妇学校课程" },
  { CL_CONTACT_CATEGORY_CONSULTATION, "询问停车场位置" },
  { CL_CONTACT_CATEGORY_APPOINTMENT, "预约四维彩超" },
  { CL_CONTACT_CATEGORY_APPOINTMENT, "预约产科专家号" },
  { CL_CONTACT_CATEGORY_APPOINTMENT, "改约糖耐量试验" },
  { CL_CONTACT_CATEGORY_APPOINTMENT, "取消明天的产检预约" },
  { CL_CONTACT_CATEGORY_APPOINTMENT, "预约胎心监护" },
  { CL_CONTACT_CATEGORY_REFERRAL, "询问转诊手续" },
  { CL_CONTACT_CATEGORY_REFERRAL, "外院高危孕妇转入咨询" },
  { CL_CONTACT_CATEGORY_CERTIFICATE, "办理出生医学证明" },
  { CL_CONTACT_CATEGORY_CERTIFICATE, "开具孕期休假证明" },
  { CL_CONTACT_CATEGORY_RECORDS_COPY, "复印住院病历" },
  { CL_CONTACT_CATEGORY_RECORDS_COPY, "申请邮寄病历复印件" },
  { CL_CONTACT_CATEGORY_REPORT_PICKUP, "查询唐筛报告" },
  { CL_CONTACT_CATEGORY_REPORT_PICKUP, "领取B超报告" },
  { CL_CONTACT_CATEGORY_REPORT_PICKUP, "查询无创DNA结果" },
  { CL_CONTACT_CATEGORY_LOST_FOUND, "在超声科遗失医保卡" },
  { CL_CONTACT_CATEGORY_LOST_FOUND, "捡到钱包交到服务台" },
  { CL_CONTACT_CATEGORY_OTHER, "建议增加母婴室" },
  { CL_CONTACT_CATEGORY_OTHER, "询问医院无线网络密码" },
};

/* Per thousand, in the order of CLContactCategory. */
static const guint category_weights[CL_CONTACT_N_CATEGORIES] = {
  400, 250, 30, 40, 60, 50, 120, 20, 30,
};

/* Per thousand, in the order of CLContactChannel. */
static const guint channel_weights[CL_CONTACT_N_CHANNELS] = { 500, 250, 80, 120, 50 };

/* What callers complain of, and of which department (cl-demo-directory.c). */
const char * const cl_demo_desk_complaint_topics[][2] = {
  { "投诉超声科排队两个多小时无人解释", "超声科" },
  { "投诉抽血窗口太少，排队太久", "检验科" },
  { "投诉产科门诊医生问诊太匆忙", "产科门诊" },
  { "投诉唐筛报告比约定时间晚出三天", "检验科" },
  { "投诉产房探视安排混乱", "产房" },
  { "投诉儿科门诊护士态度生硬", "儿科门诊" },
  { "投诉急诊候诊时无人测胎心", "产科急诊" },
  { "投诉产后康复收费说明不清", "产后康复科" },
  { "投诉放射科检查前未告知注意事项", "放射科" },
};
const guint cl_demo_desk_n_complaint_topics = G_N_ELEMENTS (cl_demo_desk_complaint_topics);

static const char * const handover_notes[] = {
  "已电话回复，问题解决", "科室已回电并处理", "已按约定时间回复来电者", "已协调科室安排，来电者表示满意",
};

static const char * const close_notes[] = {
  "已回电告知结果", "资料已邮寄", "已现场办结", "已转告患者本人",
};

/* Days on which at least one caller complains, so every state of a
 * ticket has one of its age (cl-demo-complaints.c). */
static const gint complaint_days[] = { 0, 1, 3, 5, 9, 12 };

gint64
cl_demo_desk_at (CLDemoDesk *desk,
                 gint        days_ago,
                 gint        minutes)
{
  GDate day = desk->today;

  cl_demo_date_add (&day, -days_ago);
  return cl_schedule_day_start (&day) + (gint64) minutes * 60;
}

gint64
cl_demo_desk_in_hours (gint64 t,
                       gint64 lo,
                       gint64 hi)
{
  gint minutes = cl_schedule_minutes_of_day (t);
  gint64 moved = t;

  if (minutes < 8 * 60)
    moved = t + (gint64) (8 * 60 - minutes) * 60 + (t % 3600);
  else if (minutes >= 17 * 60 + 30)
    moved = t - (gint64) (minutes - 16 * 60) * 60 + (t % 5400);
  return moved >= lo && moved <= hi ? moved : t;
}

const char *
cl_demo_desk_department (CLDemoDesk *desk,
                         const char *name)
{
  const char *id = g_hash_table_lookup (desk->departments, name);

  g_assert (id != NULL);
  return id;
}

const char *
cl_demo_desk_pick (GRand     *rand,
                   GPtrArray *ids)
{
  g_assert (ids->len > 0);
  return g_ptr_array_index (ids, g_rand_int_range (rand, 0, ids->len));
}

GRand *
cl_demo_desk_rand (CLDemoDesk *desk,
                   guint32     salt,
                   guint32     index)
{
  return g_rand_new_with_seed (desk->seed ^ salt ^ (index * 0x9e3779b1u));
}

gboolean
cl_demo_desk_write (CLDemoDesk  *desk,
                    gpointer     record,
                    GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer column, message;

  cl_tables_validate (desk->store, CL_RECORD (record), CL_ROLE_SERVICE_DESK, errors);
  g_hash_table_iter_init (&iter, errors);
  if (g_hash_table_iter_next (&iter, &column, &message))
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "demo %s %s: %s",
                   G_OBJECT_TYPE_NAME (record), (const char *) column, (const char *) message);
      return FALSE;
    }
  return cl_store_write_record (desk->store, CL_RECORD (record), CL_WRITE_NO_OUTBOX, error);
}

static int
compare_instants (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Who called: nearly half the time a patient of ours (or her husband,
 * for her), else someone not (yet) registered. */
static void
set_caller (CLDemoDesk *desk,
            GRand      *rand,
            CLContact  *contact,
            gboolean    may_be_patient)
{
  gint r = g_rand_int_range (rand, 0, 100);
  const char *patient_id = cl_demo_desk_pick (rand, desk->people->patient_ids);
  gboolean husband = g_rand_int_range (rand, 0, 5) == 0;
  g_autofree char *name = cl_demo_people_name (rand, husband);
  const char *phone = cl_demo_people_phone (rand, desk->people->used);

  if (may_be_patient && r < 45)
    {
      g_autoptr(CLRecord) patient = cl_store_load_record (desk->store, CL_TYPE_PATIENT, patient_id, NULL);

      g_assert (patient != NULL);
      cl_contact_set_patient_id (contact, patient_id);
      if (!husband)
        {
          cl_contact_set_caller_name (contact, cl_patient_get_name (CL_PATIENT (patient)));
          cl_contact_set_caller_phone (contact, cl_patient_get_phone (CL_PATIENT (patient)));
          return;
        }
    }
  cl_contact_set_caller_name (contact, name);
  /* A visitor at the counter or the kiosk is not asked for a number. */
  if (!g_str_equal (cl_contact_get_channel (contact), "counter") &&
      !g_str_equal (cl_contact_get_channel (contact), "kiosk"))
    cl_contact_set_caller_phone (contact, phone);
}

/* Hands @contact over (or closes it) as it would have been by now:
 * most hand-overs settled, those not yet settled by now still open,
 * and @keep_open one whatever the hour; some contacts closed after a
 * call back. */
static void
set_state (CLDemoDesk *desk,
           GRand      *rand,
           CLContact  *contact,
           gint        days_ago,
           gboolean    keep_open)
{
  gint64 at = cl_contact_get_contact_at (contact);
  const char *owner = cl_contact_get_owner_id (contact);
  gint r = g_rand_int_range (rand, 0, 100);
  const char *colleague = cl_demo_desk_pick (rand, desk->people->colleagues);
  gint due_hours = g_rand_int_range (rand, 2, 25);
  gint close_minutes = g_rand_int_range (rand, 20, due_hours * 60 + 60);
  const char *handover_note = CL_DEMO_PICK (rand, handover_notes);
  const char *close_note = CL_DEMO_PICK (rand, close_notes);
  gint64 closed_at = at + (gint64) close_minutes * 60;

  if (g_str_equal (cl_contact_get_category (contact), "complaint"))
    return;  /* its ticket carries it on */

  if (keep_open)
    {
      /* Handed over and still open: today's due this evening at the
       * earliest, yesterday's late. */
      for (guint i = 0; g_strcmp0 (colleague, owner) == 0; i++)
        colleague = g_ptr_array_index (desk->people->colleagues, i);
      cl_contact_set_state (contact, "handed_over");
      cl_contact_set_handover_to (contact, colleague);
      cl_contact_set_handover_due_at (contact, at + (gint64) (days_ago == 0 ? MAX (due_hours, 10) : due_hours) * 3600);
    }
  else if (r < 12 && g_strcmp0 (colleague, owner) != 0)
    {
      cl_contact_set_state (contact, "handed_over");
      cl_contact_set_handover_to (contact, colleague);
      cl_contact_set_handover_due_at (contact, at + (gint64) due_hours * 3600);
      /* Settled by day, some after their due time. */
      closed_at = cl_demo_desk_in_hours (closed_at, at, desk->now);
      if (closed_at <= desk->now)
        {
          cl_contact_set_state (contact, "closed");
          cl_contact_set_closed_at (contact, closed_at);
          cl_contact_set_closed_by (contact, owner);
          cl_contact_set_close_note (contact, handover_note);
        }
    }
  else if (r >= 12 && r < 27)
    {
      closed_at = cl_demo_desk_in_hours (at + (gint64) (close_minutes % 240 + 5) * 60, at, desk->now);
      if (closed_at <= desk->now)
        {
          cl_contact_set_state (contact, "closed");
          cl_contact_set_closed_at (contact, closed_at);
          cl_contact_set_closed_by (contact, owner);
          cl_contact_set_close_note (contact, close_note);
        }
    }
}

static const Topic *
pick_topic (GRand             *rand,
            CLContactCategory  category)
{
  guint n = 0, k;

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    n += topics[i].category == category;
  g_assert (n > 0);
  k = g_rand_int_range (rand, 0, n);
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (topics[i].category == category && k-- == 0)
      return &topics[i];
  g_assert_not_reached ();
}

/* One day's contacts: fewer at the weekend, a few at night on the
 * hotline, the rest in the desk's hours (07:30 to 17:30).  Those of
 * today after now are drawn but not written, so the draws and the ids
 * do not depend on the time of day. */
static gboolean
generate_day (CLDemoDesk  *desk,
              gint         days_ago,
              GError     **error)
{
  g_autoptr(GRand) rand = cl_demo_desk_rand (desk, SALT_CONTACTS, days_ago);
  GDate day = desk->today;
  GDateWeekday weekday;
  guint n, n_night, forced = G_MAXUINT, open_handover = G_MAXUINT;
  g_autofree gint64 *times = NULL;

  cl_demo_date_add (&day, -days_ago);
  weekday = g_date_get_weekday (&day);
  if (weekday == G_DATE_SUNDAY)
    n = g_rand_int_range (rand, 15, 23);
  else if (weekday == G_DATE_SATURDAY)
    n = g_rand_int_range (rand, 18, 29);
  else
    n = g_rand_int_range (rand, 24, 41);
  n_night = g_rand_int_range (rand, 0, 3);
  for (guint i = 0; i < G_N_ELEMENTS (complaint_days); i++)
    if (complaint_days[i] == days_ago)
      forced = g_rand_int_range (rand, n_night, n);
  /* An open hand-over on the Now page whatever the hour: the morning's
   * first call today, one of yesterday's. */
  if (days_ago == 0)
    open_handover = forced == n_night ? n_night + 1 : n_night;
  else if (days_ago == 1)
    {
      open_handover = g_rand_int_range (rand, n_night, n);
      if (open_handover == forced)
        open_handover = forced == n_night ? forced + 1 : forced - 1;
    }

  times = g_new (gint64, n);
  for (guint i = 0; i < n; i++)
    {
      gint minutes = i < n_night ? g_rand_int_range (rand, 0, 7 * 60 + 30)
                                 : g_rand_int_range (rand, 7 * 60 + 30, 17 * 60 + 30);

      times[i] = cl_demo_desk_at (desk, days_ago, minutes) + g_rand_int_range (rand, 0, 60);
    }
  qsort (times, n, sizeof (gint64), compare_instants);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLContact) contact = NULL;
      const char *owner = cl_demo_desk_pick (rand, desk->people->desk_staff);
      CLContactChannel channel = cl_demo_pick_weight_index (rand, channel_weights, CL_CONTACT_N_CHANNELS);
      CLContactCategory category = cl_demo_pick_weight_index (rand, category_weights, CL_CONTACT_N_CATEGORIES);
      const Topic *topic;
      char id[37];

      cl_demo_make_id (rand, id);
      if (i < n_night)
        channel = CL_CONTACT_CHANNEL_HOTLINE;
      if (i == forced)
        category = CL_CONTACT_CATEGORY_COMPLAINT;

      contact = cl_contact_new (times[i], owner);
      cl_record_set_id (CL_RECORD (contact), id);
      cl_contact_set_channel (contact, cl_contact_channel_to_string (channel));
      cl_contact_set_category (contact, cl_contact_category_to_string (category));
      /* The complaints take the topics in turn: two callers do not
       * complain in the very same words. */
      if (category == CL_CONTACT_CATEGORY_COMPLAINT)
        cl_contact_set_summary (contact,
                                cl_demo_desk_complaint_topics[desk->n_complaints++ % cl_demo_desk_n_complaint_topics][0]);
      else
        {
          topic = pick_topic (rand, category);
          cl_contact_set_summary (contact, topic->summary);
        }
      set_caller (desk, rand, contact, category != CL_CONTACT_CATEGORY_LOST_FOUND &&
                                       category != CL_CONTACT_CATEGORY_OTHER);
      set_state (desk, rand, contact, days_ago, i == open_handover);

      if (times[i] > desk->now)
        continue;
      if (!cl_demo_desk_write (desk, contact, error))
        return FALSE;
      if (category == CL_CONTACT_CATEGORY_COMPLAINT)
        g_ptr_array_add (desk->complaint_contacts, g_object_ref (contact));
    }
  return TRUE;
}

gboolean
cl_demo_desk_generate (CLStore                *store,
                       const CLDemoDeskPeople *people,
                       guint32                 seed,
                       GError                **error)
{
  g_autoptr(GHashTable) departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) complaint_contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) list = NULL;
  CLDemoDesk desk = { 0 };

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (people != NULL && people->patient_ids->len > 0 && people->desk_staff->len > 0 &&
                        people->colleagues->len > 1, FALSE);

  list = cl_store_departments (store, FALSE);
  for (guint i = 0; i < list->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (list, i);

      g_hash_table_insert (departments, g_strdup (cl_department_get_name (department)),
                           g_strdup (cl_record_get_id (CL_RECORD (department))));
    }

  desk.store = store;
  desk.people = people;
  desk.seed = seed;
  cl_date_today (&desk.today);
  desk.now = cl_schedule_now ();
  desk.departments = departments;
  desk.complaint_contacts = complaint_contacts;

  for (gint days_ago = CONTACT_DAYS - 1; days_ago >= 0; days_ago--)
    if (!generate_day (&desk, days_ago, error))
      return FALSE;

  return cl_demo_desk_complaints (&desk, error) &&
         cl_demo_desk_opinions (&desk, error) &&
         cl_demo_desk_critical (&desk, error) &&
         cl_demo_desk_faults (&desk, error) &&
         cl_demo_desk_nursing (&desk, error);
}
