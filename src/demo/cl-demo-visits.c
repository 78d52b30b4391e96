#define G_LOG_DOMAIN "cl-demo-visits"

#include "config.h"

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-demo-schedule.h"
#include "cl-demo-util.h"
#include "cl-demo-visits.h"
#include "cl-doctor-order.h"
#include "cl-store-private.h"
#include "cl-visit-guideline.h"

/* Per mille of pregnancies with one visit missed, and of visits open
 * today that she has already been to. */
#define MISSED_PER_MILLE 60
#define OPEN_DONE_PER_MILLE 400
#define ORDERS_PER_MILLE 200

static const struct
{
  const char *category;
  const char *text;
} orders[] = {
  { "nutrition", "每日补充叶酸 0.4 mg，均衡饮食，少油少盐" },
  { "nutrition", "控制主食量，少食多餐，餐后 2 小时自测血糖并记录" },
  { "nutrition", "多吃富含铁的食物（瘦肉、动物肝脏、深绿色蔬菜）" },
  { "nutrition", "每日奶类 300–500 g，保证钙的摄入" },
  { "medication", "多糖铁复合物胶囊 150 mg 口服，每日一次" },
  { "medication", "阿司匹林肠溶片 100 mg 每晚口服，至孕 36 周停药" },
  { "medication", "碳酸钙 D3 片 600 mg 口服，每日一次" },
  { "medication", "拉贝洛尔 100 mg 口服，每日两次，监测血压" },
  { "care", "每日自数胎动，早中晚各一小时，胎动减少及时就诊" },
  { "care", "左侧卧位休息，避免久站及重体力劳动" },
  { "care", "每日早晚家庭自测血压并记录，超过 140/90 mmHg 及时就诊" },
  { "care", "两周后复查血常规及铁蛋白" },
  { "care", "每周测体重一次，控制孕期增重" },
};

static const char * const doctors[] = {
  "刘建华", "陈晓梅", "张秀英", "王立平", "赵丽娟", "孙卫东",
};

/* A day from @from to @to, both inclusive (@from when @to is before it). */
static void
pick_day (GRand       *rand,
          const GDate *from,
          const GDate *to,
          GDate       *out)
{
  gint span = g_date_days_between (from, to);

  *out = *from;
  if (span > 0)
    cl_demo_date_add (out, g_rand_int_range (rand, 0, span + 1));
}

/* A tick, inserted straight rather than as a CLVisitMark through
 * cl_store_write_record(): ticks are most of the rows the demo writes,
 * and the object and its property binding were half of their cost.
 * The columns are those cl_store_write_record() fills for a record
 * written without an outbox entry (rev 0, not deleted). */
static gboolean
write_mark (CLStore      *store,
            GRand        *rand,
            CLPregnancy  *pregnancy,
            const char   *key,
            const GDate  *date,
            const char   *ticked_by,
            GError      **error)
{
  static const char sql[] =
    "INSERT INTO visit_mark (id, updated_at, updated_by, patient_id, pregnancy_id,"
    " visit, done_date, done_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  g_autofree char *iso = NULL;
  char id[37];
  sqlite3_stmt *stmt;

  if (!(stmt = cl_store_prepare (store, sql, error)))
    return FALSE;
  cl_demo_make_id (rand, id);
  iso = cl_date_to_iso (date);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 3, cl_store_get_actor (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, cl_pregnancy_get_patient_id (pregnancy), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, cl_record_get_id (CL_RECORD (pregnancy)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, ticked_by, -1, SQLITE_STATIC);
  return cl_store_step (store, stmt, error);
}

/* One to three orders dated from the booking visit to @last. */
static gboolean
write_orders (CLStore      *store,
              GRand        *rand,
              CLPregnancy  *pregnancy,
              const GDate  *booking,
              const GDate  *last,
              gboolean      over,
              GError      **error)
{
  guint n = g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLDoctorOrder) order = NULL;
      g_autofree char *date_iso = NULL;
      guint which = g_rand_int_range (rand, 0, G_N_ELEMENTS (orders));
      const char *doctor = doctors[g_rand_int_range (rand, 0, G_N_ELEMENTS (doctors))];
      char id[37];
      GDate date;

      pick_day (rand, booking, last, &date);
      date_iso = cl_date_to_iso (&date);
      cl_demo_make_id (rand, id);
      order = g_object_new (CL_TYPE_DOCTOR_ORDER, "id", id, NULL);
      cl_doctor_order_set_patient_id (order, cl_pregnancy_get_patient_id (pregnancy));
      cl_doctor_order_set_pregnancy_id (order, cl_record_get_id (CL_RECORD (pregnancy)));
      cl_doctor_order_set_date (order, date_iso);
      cl_doctor_order_set_category (order, orders[which].category);
      cl_doctor_order_set_text (order, orders[which].text);
      cl_doctor_order_set_doctor (order, doctor);

      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          g_autofree char *reminder = NULL;
          GDate r = date;

          cl_demo_date_add (&r, 7 * g_rand_int_range (rand, 1, 5));
          reminder = cl_date_to_iso (&r);
          cl_doctor_order_set_reminder_date (order, reminder);
        }

      /* Orders of a pregnancy that is over are done; a few of the
       * others were stopped since. */
      if (over || g_rand_int_range (rand, 0, 5) == 0)
        {
          g_autofree char *stop_iso = NULL;
          GDate stop;

          pick_day (rand, &date, last, &stop);
          stop_iso = cl_date_to_iso (&stop);
          cl_doctor_order_set_status (order, over ? "done" : "stopped");
          cl_doctor_order_set_stop_date (order, stop_iso);
        }
      else
        cl_doctor_order_set_status (order, "active");

      if (!cl_store_write_record (store, CL_RECORD (order), CL_WRITE_NO_OUTBOX, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cl_demo_visits_generate (CLStore      *store,
                         GRand        *rand,
                         const GDate  *today,
                         CLPregnancy  *pregnancy,
                         const char   *ticked_by,
                         GError      **error)
{
  const char *status = cl_pregnancy_get_status (pregnancy);
  gboolean delivered = g_strcmp0 (status, "delivered") == 0;
  gboolean over = g_strcmp0 (status, "ongoing") != 0;
  gint missed = -1, n_past = 0;
  GDate edd, end_of_pregnancy, last_prenatal, delivery, booking;
  guint n = cl_visit_guideline_get_n_windows ();

  if (!cl_date_parse (cl_pregnancy_get_effective_edd (pregnancy), &edd, NULL))
    return TRUE;

  /* Prenatal visits are on a day before the pregnancy's end (its
   * delivery date) and not after today. */
  g_date_clear (&delivery, 1);
  end_of_pregnancy = *today;
  if (over && cl_date_parse (cl_pregnancy_get_delivery_date (pregnancy), &delivery, NULL))
    {
      end_of_pregnancy = delivery;
      cl_demo_date_add (&end_of_pregnancy, -1);
    }
  last_prenatal = g_date_compare (&end_of_pregnancy, today) < 0 ? end_of_pregnancy : *today;

  /* Which of the visits whose window has closed she missed, if any. */
  for (guint i = 0; i < n; i++)
    {
      const ClVisitWindow *window = cl_visit_guideline_get_window (i);
      GDate start, end;

      cl_visit_window_dates (window, &edd, NULL, &start, &end);
      if (window->anchor == CL_VISIT_ANCHOR_PREGNANCY && g_date_compare (&end, &last_prenatal) < 0)
        n_past++;
    }
  if (n_past > 0 && g_rand_int_range (rand, 0, 1000) < MISSED_PER_MILLE)
    missed = g_rand_int_range (rand, 0, n_past);

  g_date_clear (&booking, 1);
  for (guint i = 0, past = 0; i < n; i++)
    {
      const ClVisitWindow *window = cl_visit_guideline_get_window (i);
      gboolean prenatal = window->anchor == CL_VISIT_ANCHOR_PREGNANCY;
      GDate start, end, last, date;

      if (!prenatal && !delivered)
        continue;
      cl_visit_window_dates (window, &edd, g_date_valid (&delivery) ? &delivery : NULL, &start, &end);
      last = prenatal ? last_prenatal : *today;
      if (g_date_compare (&start, &last) > 0)
        continue;                     /* not open yet, or after the birth */

      if (g_date_compare (&end, &last) < 0)
        {
          /* Closed: done, unless this is the one she missed. */
          if (prenatal && (gint) past++ == missed)
            continue;
          pick_day (rand, &start, &end, &date);
        }
      else
        {
          /* Open today (or when she delivered): some have been. */
          if (g_rand_int_range (rand, 0, 1000) >= OPEN_DONE_PER_MILLE)
            continue;
          pick_day (rand, &start, &last, &date);
        }
      if (!g_date_valid (&booking))
        booking = date;
      if (!write_mark (store, rand, pregnancy, window->key, &date, ticked_by, error))
        return FALSE;
    }

  if (g_date_valid (&booking) && g_rand_int_range (rand, 0, 1000) < ORDERS_PER_MILLE)
    return write_orders (store, rand, pregnancy, &booking, over ? &last_prenatal : today, over, error);
  return TRUE;
}
