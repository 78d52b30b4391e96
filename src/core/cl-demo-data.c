#define G_LOG_DOMAIN "cl-demo-data"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-deduction.h"
#include "cl-enrolment-store.h"
#include "cl-demo-data.h"
#include "cl-demo-schedule.h"
#include "cl-demo-visits.h"
#include "cl-id-card.h"
#include "cl-patient.h"
#include "cl-pinyin.h"
#include "cl-pregnancy.h"
#include "cl-risk-event.h"
#include "cl-staff.h"

/* One transaction per batch: small enough that a crash loses little
 * and the WAL stays small, large enough that the fsync per commit is
 * noise next to the inserts. */
#define BATCH_SIZE 2000

typedef struct
{
  const char *text;
  guint       weight;
} Weighted;

/* Surnames with weights roughly proportional to their share of the
 * population (2020 census, per 10 000), so a roster looks like a real
 * one: many 王, 李 and 张, a long tail.  The last rows are rarer
 * surnames whose reading differs from the character's usual one (单
 * shan, 解 xie, 区 ou …) and compound surnames, so that pinyin search
 * meets them. */
static const Weighted surnames[] = {
  { "王", 710 }, { "李", 700 }, { "张", 670 }, { "刘", 540 }, { "陈", 460 },
  { "杨", 310 }, { "黄", 220 }, { "赵", 200 }, { "吴", 200 }, { "周", 190 },
  { "徐", 150 }, { "孙", 140 }, { "马", 130 }, { "朱", 120 }, { "胡", 120 },
  { "郭", 110 }, { "何", 110 }, { "高", 100 }, { "林", 100 }, { "罗", 90 },
  { "郑", 80 }, { "梁", 80 }, { "谢", 70 }, { "宋", 60 }, { "唐", 60 },
  { "许", 60 }, { "韩", 60 }, { "冯", 50 }, { "邓", 50 }, { "曹", 50 },
  { "彭", 50 }, { "曾", 50 }, { "肖", 50 }, { "田", 50 }, { "董", 40 },
  { "袁", 40 }, { "潘", 40 }, { "于", 40 }, { "蒋", 40 }, { "蔡", 40 },
  { "余", 40 }, { "杜", 40 }, { "叶", 40 }, { "程", 40 }, { "苏", 30 },
  { "魏", 30 }, { "吕", 30 }, { "丁", 30 }, { "任", 30 }, { "沈", 30 },
  { "姚", 30 }, { "卢", 30 }, { "姜", 30 }, { "崔", 30 }, { "钟", 30 },
  { "谭", 30 }, { "陆", 30 }, { "汪", 30 }, { "范", 30 }, { "金", 30 },
  { "石", 30 }, { "廖", 30 }, { "贾", 30 }, { "夏", 30 }, { "韦", 30 },
  { "付", 30 }, { "方", 30 }, { "白", 30 }, { "邹", 30 }, { "孟", 30 },
  { "熊", 30 }, { "秦", 30 }, { "邱", 30 }, { "江", 30 }, { "尹", 20 },
  { "薛", 20 }, { "闫", 20 }, { "段", 20 }, { "雷", 20 }, { "侯", 20 },
  { "龙", 20 }, { "史", 20 }, { "陶", 20 }, { "黎", 20 }, { "贺", 20 },
  { "顾", 20 }, { "毛", 20 }, { "郝", 20 }, { "龚", 20 }, { "邵", 20 },
  { "万", 20 }, { "钱", 20 }, { "严", 20 }, { "武", 20 }, { "戴", 20 },
  { "莫", 15 }, { "孔", 15 }, { "向", 15 }, { "汤", 15 }, { "常", 15 },
  { "温", 15 }, { "康", 15 }, { "施", 15 }, { "文", 15 }, { "牛", 15 },
  { "樊", 15 }, { "葛", 15 }, { "邢", 15 }, { "安", 15 }, { "齐", 15 },
  { "易", 15 }, { "乔", 15 }, { "伍", 15 }, { "庞", 15 }, { "颜", 15 },
  { "倪", 15 }, { "庄", 15 }, { "聂", 15 }, { "章", 15 }, { "鲁", 15 },
  { "岳", 15 }, { "翟", 15 }, { "殷", 15 }, { "詹", 15 }, { "申", 15 },
  { "耿", 10 }, { "关", 10 }, { "兰", 10 }, { "焦", 10 }, { "俞", 10 },
  { "左", 10 }, { "柳", 10 }, { "甘", 10 }, { "祝", 10 }, { "包", 10 },
  { "宁", 10 }, { "尚", 10 }, { "符", 10 }, { "舒", 10 }, { "阮", 10 },
  { "柯", 10 }, { "纪", 10 }, { "梅", 10 }, { "童", 10 }, { "凌", 10 },
  { "毕", 10 }, { "欧", 10 },
  /* read differently as surnames, or compound */
  { "单", 6 }, { "解", 5 }, { "仇", 4 }, { "朴", 4 }, { "查", 4 },
  { "区", 3 }, { "覃", 8 }, { "乐", 4 }, { "盖", 3 }, { "欧阳", 6 },
  { "尉迟", 1 }, { "司马", 2 }, { "诸葛", 2 },
};

/* Characters common in women's given names. */
static const char * const female_chars[] = {
  "丽", "娟", "敏", "静", "婷", "雪", "芳", "燕", "玲", "霞", "红", "艳",
  "萍", "琳", "莉", "颖", "洁", "晶", "慧", "倩", "佳", "欣", "怡", "悦",
  "蕾", "薇", "琪", "瑶", "璐", "婧", "雯", "菲", "梅", "兰", "桂", "秀",
  "英", "华", "玉", "珍", "凤", "云", "月", "晓", "小", "思", "雨", "梦",
  "诗", "嘉", "雅", "馨", "妍", "婉", "淑", "露", "晴", "宁", "春", "丹",
  "青", "彤", "蓉", "媛", "姗", "娜", "琴", "岚", "莹", "茜", "蓓", "欢",
  "楠", "蕊", "璇", "曼", "佩", "晨", "靖", "紫", "涵", "可", "依", "心",
  "子", "若", "文", "海", "亚", "美",
};

/* A few escorts are men; their names need men's characters. */
static const char * const male_chars[] = {
  "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平",
  "辉", "鹏", "飞", "鑫", "波", "宇", "浩", "建", "志", "国", "俊", "峰",
};

/* Real county-level division codes (GB/T 2260), with the city and
 * district they stand for, used for ID numbers and addresses. */
static const struct
{
  const char *code;
  const char *city;
  const char *district;
} regions[] = {
  { "110101", "北京市", "东城区" },
  { "110105", "北京市", "朝阳区" },
  { "110108", "北京市", "海淀区" },
  { "120101", "天津市", "和平区" },
  { "210102", "沈阳市", "和平区" },
  { "310101", "上海市", "黄浦区" },
  { "310104", "上海市", "徐汇区" },
  { "310115", "上海市", "浦东新区" },
  { "320102", "南京市", "玄武区" },
  { "330106", "杭州市", "西湖区" },
  { "350203", "厦门市", "思明区" },
  { "370102", "济南市", "历下区" },
  { "410105", "郑州市", "金水区" },
  { "420106", "武汉市", "武昌区" },
  { "430102", "长沙市", "芙蓉区" },
  { "440103", "广州市", "荔湾区" },
  { "440106", "广州市", "天河区" },
  { "440304", "深圳市", "福田区" },
  { "440305", "深圳市", "南山区" },
  { "500103", "重庆市", "渝中区" },
  { "510107", "成都市", "武侯区" },
  { "610113", "西安市", "雁塔区" },
};

static const char * const roads[] = {
  "人民路", "中山路", "解放路", "建设路", "和平路", "新华路", "文化路",
  "胜利路", "光明路", "青年路", "幸福路", "长江路", "黄河路", "花园路",
  "学院路", "滨江路", "友谊路", "东风路", "团结路", "朝阳路", "建国路",
  "南京路", "北京路", "延安路", "复兴路",
};

/* Mobile prefixes in use by the three carriers. */
static const char * const phone_prefixes[] = {
  "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
  "150", "151", "152", "153", "155", "156", "157", "158", "159",
  "166", "177", "180", "181", "182", "183", "184", "185", "186", "187",
  "188", "189", "191", "198", "199",
};

/* Age at enrolment, 20 to 45, peaking at 27-33 as births do. */
static const guint age_weights[] = {
  /* 20 */ 1, 2, 3, 5, 7, 9, 11, 13, 14, 15,
  /* 30 */ 15, 14, 13, 12, 10, 9, 7, 6, 5, 4,
  /* 40 */ 3, 2, 2, 1, 1, 1,
};

/* Completed weeks at delivery, 34 to 41: most babies come at term. */
static const guint delivery_week_weights[] = {
  /* 34 */ 2, 3, 5, 12, 22, 28, 20, 8,
};

static const guint gravida_weights[] = { 0, 45, 35, 14, 6 };

static const Weighted risks[] = {
  { "green", 450 },
  { "yellow", 300 },
  { "orange", 150 },
  { "red", 50 },
  { "purple", 10 },
  { "green+purple", 6 },
  { "yellow+purple", 6 },
  { "orange+purple", 5 },
  { "red+purple", 3 },
  { "", 20 },
};

static const char * const main_levels[] = { "green", "yellow", "orange", "red" };

typedef enum
{
  PLAN_NONE,
  PLAN_ONGOING,
  PLAN_POSTPARTUM,
  PLAN_DELIVERED,
  PLAN_ENDED,
} Plan;

/* Per mille of patients, in the order of Plan. */
static const guint plan_weights[] = { 50, 700, 120, 100, 30 };

typedef struct
{
  CLStore    *store;
  GRand      *rand;
  GDate       today;
  GHashTable *used;       /* ID numbers, phones and record numbers handed out */
  GPtrArray  *managers;   /* staff ids of the case managers */
  GPtrArray  *manager_usernames;  /* theirs, in the same order */
  GPtrArray  *packages;   /* CLPackage, for enrolments */
  GRand      *enrol_rand; /* a stream of its own, so enrolments do not
                           * change the patients a seed makes */
  GRand      *visit_rand; /* the same for visit ticks and orders */
} Generator;

static guint
pick_weight_index (GRand       *rand,
                   const guint *weights,
                   guint        n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  g_assert_not_reached ();
}

static const char *
pick_weighted (GRand          *rand,
               const Weighted *table,
               guint           n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += table[i].weight;
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < table[i].weight)
        return table[i].text;
      r -= table[i].weight;
    }
  g_assert_not_reached ();
}

/* Note for everything below: C leaves the order in which a call's
 * arguments are evaluated open, so two draws from the generator never
 * go into one call; each is made on its own line, in a fixed order,
 * or the data would depend on the compiler. */
#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* Record ids from the seeded generator instead of g_uuid_string_random(),
 * so the same seed gives the very same data, ids included (version 4
 * layout, so they look like any other id to the server). */
void
cl_demo_make_id (GRand *rand,
                 char   id[37])
{
  guint32 r[4];

  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    r[i] = g_rand_int (rand);

  g_snprintf (id, 37, "%08x-%04x-4%03x-%04x-%04x%08x",
              r[0], r[1] >> 16, r[1] & 0x0fff,
              0x8000 | (r[2] >> 18), r[2] & 0xffff, r[3]);
}

static void
make_id (Generator *gen,
         char       id[37])
{
  cl_demo_make_id (gen->rand, id);
}

static void
set_id (Generator *gen,
        gpointer   record)
{
  char id[37];

  make_id (gen, id);
  cl_record_set_id (CL_RECORD (record), id);
}

static char *
make_name (Generator *gen,
           gboolean   male)
{
  const char *surname = pick_weighted (gen->rand, surnames, G_N_ELEMENTS (surnames));
  GString *name = g_string_new (surname);
  guint n_given = g_rand_int_range (gen->rand, 0, 100) < 75 ? 2 : 1;

  for (guint i = 0; i < n_given; i++)
    g_string_append (name, male ? PICK (gen->rand, male_chars) : PICK (gen->rand, female_chars));

  return g_string_free (name, FALSE);
}

/* Hands out @text unless it was handed out before. */
static gboolean
claim (Generator *gen,
       char      *text)
{
  if (g_hash_table_contains (gen->used, text))
    {
      g_free (text);
      return FALSE;
    }
  g_hash_table_add (gen->used, text);
  return TRUE;
}

static const char *
make_phone (Generator *gen)
{
  for (;;)
    {
      const char *prefix = PICK (gen->rand, phone_prefixes);
      gint32 number = g_rand_int_range (gen->rand, 0, 100000000);
      char *phone = g_strdup_printf ("%s%08d", prefix, number);

      if (claim (gen, phone))
        return phone;
    }
}

static const char *
make_mrn (Generator *gen)
{
  for (;;)
    {
      char *mrn = g_strdup_printf ("MZ%08d", g_rand_int_range (gen->rand, 0, 100000000));

      if (claim (gen, mrn))
        return mrn;
    }
}

void
cl_demo_date_add (GDate *date,
                  gint   days)
{
  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
}

static char *
iso_offset (const GDate *date,
            gint         days)
{
  GDate d = *date;

  cl_demo_date_add (&d, days);
  return cl_date_to_iso (&d);
}

/* A woman's ID number: region, birth date, a sequence number whose last
 * digit is even (female) and the check digit. */
static const char *
make_id_number (Generator *gen,
                guint      region,
                GDate     *birth)
{
  for (;;)
    {
      guint age = 20 + pick_weight_index (gen->rand, age_weights, G_N_ELEMENTS (age_weights));
      guint days = g_rand_int_range (gen->rand, 0, 365);
      guint sequence = g_rand_int_range (gen->rand, 0, 100);
      guint sex = 2 * g_rand_int_range (gen->rand, 0, 5);
      char first17[18];
      char *number;
      GDate date = gen->today;

      /* Back @age years to the birthday, then up to a year more: she
       * is exactly @age today. */
      g_date_subtract_years (&date, age);
      g_date_subtract_days (&date, days);

      g_snprintf (first17, sizeof first17, "%s%04u%02u%02u%02u%u",
                  regions[region].code,
                  g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                  sequence, sex);
      number = g_strdup_printf ("%s%c", first17, cl_id_card_check_digit (first17));
      if (claim (gen, number))
        {
          *birth = date;
          return number;
        }
    }
}

static char *
make_address (Generator *gen,
              guint      region)
{
  const char *road;
  gint number, building, unit, floor, flat;

  /* Half live where they were born, the others moved. */
  if (g_rand_boolean (gen->rand))
    region = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (regions));

  road = PICK (gen->rand, roads);
  number = g_rand_int_range (gen->rand, 1, 500);
  building = g_rand_int_range (gen->rand, 1, 30);
  unit = g_rand_int_range (gen->rand, 1, 5);
  floor = g_rand_int_range (gen->rand, 1, 33);
  flat = g_rand_int_range (gen->rand, 1, 5);

  return g_strdup_printf ("%s%s%s%d号%d栋%d单元%d%02d室",
                          regions[region].city, regions[region].district,
                          road, number, building, unit, floor, flat);
}

static gboolean
write_record (Generator  *gen,
              gpointer    record,
              GError    **error)
{
  return cl_store_write_record (gen->store, CL_RECORD (record), CL_WRITE_NO_OUTBOX, error);
}

static gboolean
generate_staff (Generator  *gen,
                GError    **error)
{
  static const struct
  {
    const char *role;
    guint       count;
  } roster[] = {
    { CL_ROLE_CASE_MANAGER, 8 },
    { CL_ROLE_ESCORT, 6 },
    { CL_ROLE_VIP_STEWARD, 3 },
    { CL_ROLE_SERVICE_DESK, 4 },
    { CL_ROLE_FINANCE, 2 },
    { CL_ROLE_ADMIN, 1 },
  };
  g_autoptr(GHashTable) usernames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < G_N_ELEMENTS (roster); r++)
    for (guint i = 0; i < roster[r].count; i++)
      {
        g_autoptr(CLStaff) staff = NULL;
        g_autofree char *name = NULL;
        g_autofree char *pinyin = NULL;
        g_autofree char *username = NULL;
        gboolean male;

        /* Escorts push wheelchairs and beds; a third of them are men. */
        male = g_str_equal (roster[r].role, CL_ROLE_ESCORT) && i % 3 == 2;

        /* Two colleagues with one name confuse every picker. */
        do
          {
            g_free (name);
            name = make_name (gen, male);
          }
        while (g_hash_table_contains (names, name));
        g_hash_table_add (names, g_strdup (name));

        /* Logins are typed on phones too: letters and digits only. */
        pinyin = cl_pinyin_full (name);
        {
          char *w = pinyin;

          for (const char *p = pinyin; *p; p++)
            if (g_ascii_isalnum (*p))
              *w++ = *p;
          *w = '\0';
        }
        username = g_strdup (pinyin);
        for (guint n = 2; g_hash_table_contains (usernames, username); n++)
          {
            g_free (username);
            username = g_strdup_printf ("%s%u", pinyin, n);
          }
        g_hash_table_add (usernames, g_strdup (username));

        staff = cl_staff_new (username, name, roster[r].role);
        set_id (gen, staff);
        g_object_set (staff, "phone", make_phone (gen), NULL);

        if (!write_record (gen, staff, error))
          return FALSE;

        if (g_str_equal (roster[r].role, CL_ROLE_CASE_MANAGER))
        {
          g_ptr_array_add (gen->managers, g_strdup (cl_record_get_id (CL_RECORD (staff))));
          g_ptr_array_add (gen->manager_usernames, g_strdup (username));
        }
      }

  return TRUE;
}

static const char *
pick_priority (Generator *gen)
{
  guint r = g_rand_int_range (gen->rand, 0, 1000);

  if (r < 30)
    return "vip";
  if (r < 50)
    return "special-care";
  if (r < 60)
    return "staff-family";
  return NULL;
}

/* The pregnancy's dates, relative to today, for one plan. */
static void
plan_dates (Generator   *gen,
            Plan         plan,
            CLPregnancy *pregnancy,
            GDate       *lmp,
            GDate       *until)
{
  g_autofree char *lmp_iso = NULL;
  gboolean corrected = g_rand_int_range (gen->rand, 0, 100) < 10;
  gint shift = 0;

  /* An early scan moves the EDD by a few days either way. */
  if (corrected)
    {
      shift = g_rand_int_range (gen->rand, 1, 11);
      if (g_rand_boolean (gen->rand))
        shift = -shift;
    }

  *until = gen->today;

  switch (plan)
    {
    case PLAN_ONGOING:
      {
        /* Spread evenly from 6+0 (first visit) to 41+0 (induction). */
        gint ga = g_rand_int_range (gen->rand, 6 * 7, 41 * 7 + 1);

        /* @ga is counted from the effective EDD, so the corrected ones
         * show the same spread; the LMP moves instead. */
        *lmp = gen->today;
        cl_demo_date_add (lmp, -ga - shift);
        cl_pregnancy_set_status (pregnancy, "ongoing");
      }
      break;

    case PLAN_POSTPARTUM:
    case PLAN_DELIVERED:
      {
        gint week = 34 + pick_weight_index (gen->rand, delivery_week_weights,
                                            G_N_ELEMENTS (delivery_week_weights));
        gint ga = week * 7 + g_rand_int_range (gen->rand, 0, 7);
        gint ago = plan == PLAN_POSTPARTUM
                   ? g_rand_int_range (gen->rand, 0, CL_POSTPARTUM_DAYS + 1)
                   : g_rand_int_range (gen->rand, CL_POSTPARTUM_DAYS + 1, 401);
        g_autofree char *delivery = NULL;

        cl_demo_date_add (until, -ago);
        *lmp = *until;
        cl_demo_date_add (lmp, -ga);
        delivery = cl_date_to_iso (until);
        cl_pregnancy_set_status (pregnancy, "delivered");
        cl_pregnancy_set_delivery_date (pregnancy, delivery);
      }
      break;

    case PLAN_ENDED:
      {
        /* Mostly early losses; the end date stands in for a delivery
         * date so the dates can be checked (cl_dating_check()). */
        gint ga = g_rand_int_range (gen->rand, 6 * 7, 20 * 7);
        gint ago = g_rand_int_range (gen->rand, 0, 301);
        g_autofree char *end = NULL;

        cl_demo_date_add (until, -ago);
        *lmp = *until;
        cl_demo_date_add (lmp, -ga);
        end = cl_date_to_iso (until);
        cl_pregnancy_set_status (pregnancy, "ended");
        cl_pregnancy_set_delivery_date (pregnancy, end);
      }
      break;

    case PLAN_NONE:
    default:
      g_assert_not_reached ();
    }

  lmp_iso = cl_date_to_iso (lmp);
  cl_pregnancy_set_lmp (pregnancy, lmp_iso);
  if (corrected)
    {
      g_autofree char *edd = iso_offset (lmp, CL_PREGNANCY_DAYS + shift);

      cl_pregnancy_set_corrected_edd (pregnancy, edd);
    }
}

/* 1-3 dated colours leading up to today's, between the booking visit
 * and today (or the end of the pregnancy). */
static gboolean
write_risk_history (Generator    *gen,
                    CLPregnancy  *pregnancy,
                    const GDate  *lmp,
                    const GDate  *until,
                    GError      **error)
{
  const char *risk = cl_pregnancy_get_risk (pregnancy);
  const char *colours[3];
  gint offsets[3];
  guint n = 1 + pick_weight_index (gen->rand, (const guint[]) { 50, 35, 15 }, 3);
  GDate start = *lmp;
  gint span;

  cl_demo_date_add (&start, g_rand_int_range (gen->rand, 6 * 7, 12 * 7 + 1));
  if (g_date_compare (&start, until) > 0)
    start = *until;
  span = cl_date_days_between (&start, until);
  n = MIN (n, (guint) span + 1);

  /* Distinct, increasing days: the first at booking. */
  offsets[0] = 0;
  for (guint i = 1; i < n; i++)
    offsets[i] = g_rand_int_range (gen->rand, 1, span + 1);
  if (n == 3 && offsets[1] > offsets[2])
    {
      gint t = offsets[1];
      offsets[1] = offsets[2];
      offsets[2] = t;
    }
  if (n == 3 && offsets[1] == offsets[2])
    n = 2;

  /* Walk backwards from today's colour; each earlier one differs from
   * the one after it. */
  colours[n - 1] = risk;
  for (gint i = (gint) n - 2; i >= 0; i--)
    {
      const char *next = colours[i + 1];
      const char *colour;

      do
        colour = PICK (gen->rand, main_levels);
      while (g_str_has_prefix (next, colour));
      colours[i] = colour;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRiskEvent) event = NULL;
      g_autofree char *date = iso_offset (&start, offsets[i]);
      char id[37];

      /* Built directly rather than with cl_risk_event_new(), which
       * would draw a random id only to have it replaced. */
      make_id (gen, id);
      event = g_object_new (CL_TYPE_RISK_EVENT,
                            "id", id,
                            "pregnancy-id", cl_record_get_id (CL_RECORD (pregnancy)),
                            "date", date,
                            "risk", colours[i],
                            NULL);
      if (!write_record (gen, event, error))
        return FALSE;
    }

  return TRUE;
}

/* About 60 % of pregnancies that reached a package's window buy a
 * package (issue #6), mostly the whole-pregnancy one: agreed and paid
 * on a day inside the package's window (gestational days from the
 * LMP) and not after today or the end of the pregnancy.  A few cancel
 * within weeks and are refunded in full. */
static gboolean
generate_enrolment (Generator   *gen,
                    const char  *patient_id,
                    const GDate *lmp,
                    const GDate *until,
                    GError     **error)
{
  static const guint weights[] = { 55, 33, 12 };  /* by price, descending */
  g_autoptr(CLEnrolment) enrolment = NULL;
  g_autofree char *agreed_iso = NULL;
  g_autofree char *receipt = NULL;
  CLPackage *package = NULL;
  gint ga_max = g_date_days_between (lmp, until);
  gint from, to, day;
  char id[37];
  GDate agreed;

  if (gen->packages->len == 0 || g_rand_int_range (gen->enrol_rand, 0, 100) >= 60)
    return TRUE;

  /* The package she would pick, then the latest one still open to her. */
  for (guint tries = 0; tries < 4 && package == NULL; tries++)
    {
      guint i = pick_weight_index (gen->enrol_rand, weights,
                                   MIN (G_N_ELEMENTS (weights), gen->packages->len));
      CLPackage *p = g_ptr_array_index (gen->packages, i);

      if (cl_package_get_enrol_from_day (p) <= ga_max)
        package = p;
    }
  if (package == NULL)
    return TRUE;

  from = cl_package_get_enrol_from_day (package);
  to = MIN (cl_package_get_enrol_to_day (package), ga_max);
  day = g_rand_int_range (gen->enrol_rand, from, to + 1);
  agreed = *lmp;
  cl_demo_date_add (&agreed, day);
  agreed_iso = cl_date_to_iso (&agreed);
  receipt = g_strdup_printf ("FP%08d", g_rand_int_range (gen->enrol_rand, 0, 100000000));

  cl_demo_make_id (gen->enrol_rand, id);
  enrolment = g_object_new (CL_TYPE_ENROLMENT, "id", id, NULL);
  cl_enrolment_set_patient_id (enrolment, patient_id);
  cl_enrolment_set_package_id (enrolment, cl_record_get_id (CL_RECORD (package)));
  cl_enrolment_set_price_fen (enrolment, cl_package_get_price_fen (package));
  cl_enrolment_set_agreement_date (enrolment, agreed_iso);
  cl_enrolment_set_explained_by (enrolment, "健康管家");
  cl_enrolment_set_paid_date (enrolment, agreed_iso);
  cl_enrolment_set_paid_fen (enrolment, cl_package_get_price_fen (package));
  cl_enrolment_set_receipt_no (enrolment, receipt);

  if (g_rand_int_range (gen->enrol_rand, 0, 100) < 4)
    {
      GDate cancelled = agreed;

      cl_demo_date_add (&cancelled, g_rand_int_range (gen->enrol_rand, 3, 36));
      if (g_date_compare (&cancelled, &gen->today) <= 0)
        {
          g_autofree char *cancel_iso = cl_date_to_iso (&cancelled);

          cl_enrolment_set_status (enrolment, "cancelled");
          cl_enrolment_set_cancel_date (enrolment, cancel_iso);
          cl_enrolment_set_refund_fen (enrolment, cl_package_get_price_fen (package));
        }
    }
  else
    {
      /* The service runs on into the postpartum weeks. */
      GDate ends = *until;

      cl_demo_date_add (&ends, cl_package_get_postpartum_days (package));
      if (g_date_compare (&ends, &gen->today) < 0)
        cl_enrolment_set_status (enrolment, "completed");
    }

  return write_record (gen, enrolment, error);
}

/* The vendor's rate, 35.25 % since the start of the year before last,
 * and a deduction in each of the last two complete months. */
static gboolean
generate_settlement (Generator  *gen,
                     GError    **error)
{
  static const struct { gint months_ago; gint64 fen; const char *reason; const char *reference; } deductions[] = {
    { 1, 200000, "导诊台检查未整改", "XJ-031" },
    { 2, 50000, "投诉核实：陪诊迟到", "TS-114" },
  };
  g_autoptr(CLShareRate) rate = NULL;
  g_autofree char *from = g_strdup_printf ("%04d-01-01", g_date_get_year (&gen->today) - 2);
  char id[37];

  cl_demo_make_id (gen->enrol_rand, id);
  rate = g_object_new (CL_TYPE_SHARE_RATE, "id", id, NULL);
  cl_share_rate_set_effective_from (rate, from);
  cl_share_rate_set_rate_bp (rate, 3525);
  cl_share_rate_set_note (rate, "服务协议约定");
  if (!write_record (gen, rate, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (deductions); i++)
    {
      g_autoptr(CLDeduction) deduction = NULL;
      g_autofree char *date = NULL;
      GDate d = gen->today;

      g_date_set_day (&d, 1);
      g_date_subtract_months (&d, deductions[i].months_ago);
      g_date_set_day (&d, 15);
      date = cl_date_to_iso (&d);

      cl_demo_make_id (gen->enrol_rand, id);
      deduction = g_object_new (CL_TYPE_DEDUCTION, "id", id, NULL);
      cl_deduction_set_date (deduction, date);
      cl_deduction_set_amount_fen (deduction, deductions[i].fen);
      cl_deduction_set_reason (deduction, deductions[i].reason);
      cl_deduction_set_reference (deduction, deductions[i].reference);
      if (!write_record (gen, deduction, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
generate_patient (Generator  *gen,
                  GError    **error)
{
  g_autoptr(CLPatient) patient = NULL;
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autofree char *name = make_name (gen, FALSE);
  g_autofree char *birth_iso = NULL;
  g_autofree char *address = NULL;
  guint region = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (regions));
  const char *id_number;
  const char *ticked_by = NULL;
  char id[37];
  GDate birth;
  Plan plan;

  make_id (gen, id);
  patient = g_object_new (CL_TYPE_PATIENT, "id", id, NULL);
  id_number = make_id_number (gen, region, &birth);
  birth_iso = cl_date_to_iso (&birth);
  address = make_address (gen, region);

  cl_patient_set_name (patient, name);
  cl_patient_set_id_number (patient, id_number);
  cl_patient_set_birth_date (patient, birth_iso);
  cl_patient_set_phone (patient, make_phone (gen));
  cl_patient_set_mrn (patient, make_mrn (gen));
  cl_patient_set_address (patient, address);
  cl_patient_set_priority (patient, pick_priority (gen));
  if (g_rand_int_range (gen->rand, 0, 100) >= 5)
    {
      guint manager = g_rand_int_range (gen->rand, 0, gen->managers->len);

      cl_patient_set_case_manager_id (patient, g_ptr_array_index (gen->managers, manager));
      ticked_by = g_ptr_array_index (gen->manager_usernames, manager);
    }

  plan = pick_weight_index (gen->rand, plan_weights, G_N_ELEMENTS (plan_weights));
  if (plan != PLAN_NONE)
    {
      g_autoptr(GHashTable) errors = NULL;
      gint gravida, para;
      GDate lmp, until;

      make_id (gen, id);
      pregnancy = g_object_new (CL_TYPE_PREGNANCY,
                                "id", id,
                                "patient-id", cl_record_get_id (CL_RECORD (patient)),
                                NULL);

      gravida = pick_weight_index (gen->rand, gravida_weights, G_N_ELEMENTS (gravida_weights));
      /* Most earlier pregnancies ended in a birth. */
      para = gravida - 1;
      if (para > 0 && g_rand_int_range (gen->rand, 0, 100) < 30)
        para = g_rand_int_range (gen->rand, 0, para);
      cl_pregnancy_set_gravida (pregnancy, gravida);
      cl_pregnancy_set_para (pregnancy, para);
      cl_pregnancy_set_risk (pregnancy, pick_weighted (gen->rand, risks, G_N_ELEMENTS (risks)));

      plan_dates (gen, plan, pregnancy, &lmp, &until);

      errors = cl_pregnancy_validate (pregnancy, cl_store_get_risk_scale (gen->store));
      if (g_hash_table_size (errors) > 0)
        {
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, errors);
          while (g_hash_table_iter_next (&iter, &key, &value))
            g_critical ("demo pregnancy lmp=%s edd=%s status=%s: %s: %s",
                        cl_pregnancy_get_lmp (pregnancy),
                        cl_pregnancy_get_corrected_edd (pregnancy),
                        cl_pregnancy_get_status (pregnancy),
                        (char *) key, (char *) value);
        }
      g_assert (g_hash_table_size (errors) == 0);

      /* The pregnancy goes in before the patient: the roster index is
       * then built once, by the patient's write, with the pregnancy
       * already in place. */
      if (!write_record (gen, pregnancy, error))
        return FALSE;

      if (*cl_pregnancy_get_risk (pregnancy) != '\0' &&
          !write_risk_history (gen, pregnancy, &lmp, &until, error))
        return FALSE;

      /* Also before the patient, for the roster's package column. */
      if (plan != PLAN_ENDED &&
          !generate_enrolment (gen, cl_record_get_id (CL_RECORD (patient)), &lmp, &until, error))
        return FALSE;

      /* The visits she has been to and her doctor's orders, before the
       * patient too: her roster row then counts them as it is built. */
      if (ticked_by == NULL)
        ticked_by = g_ptr_array_index (gen->manager_usernames,
                                       g_rand_int_range (gen->visit_rand, 0, gen->manager_usernames->len));
      if (!cl_demo_visits_generate (gen->store, gen->visit_rand, &gen->today, pregnancy, ticked_by, error))
        return FALSE;
    }

  return write_record (gen, patient, error);
}

static gint64
query_cache_size (CLStore *store)
{
  sqlite3_stmt *stmt;
  gint64 size = 0;

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, "PRAGMA cache_size", NULL)))
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        size = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return size;
}

static gboolean
set_cache_size (CLStore  *store,
                gint64    size,
                GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  return cl_store_exec (store, sql, error);
}

gboolean
cl_demo_data_generate (CLStore  *store,
                       guint     n_patients,
                       guint32   seed,
                       GError  **error)
{
  Generator gen = { 0 };
  gboolean ok = FALSE;
  gint64 cache_size;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  gen.store = store;
  gen.rand = g_rand_new_with_seed (seed);
  gen.used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen.managers = g_ptr_array_new_with_free_func (g_free);
  gen.manager_usernames = g_ptr_array_new_with_free_func (g_free);
  cl_date_today (&gen.today);
  gen.enrol_rand = g_rand_new_with_seed (seed ^ 0x5e771e);
  gen.visit_rand = g_rand_new_with_seed (seed ^ 0x715175);
  gen.packages = cl_enrolment_store_list_packages (store, FALSE);

  /* The search index takes ~10 keys per patient in random order; with
   * SQLite's default 2 MB page cache a batch spills dirty pages to the
   * WAL again and again.  A larger cache for the bulk load halves the
   * time; the normal size comes back when we are done. */
  cache_size = query_cache_size (store);
  if (!set_cache_size (store, -64 * 1024, error))
    goto out;

  if (!cl_store_begin (store, error))
    goto out;
  if (!generate_staff (&gen, error) ||
      !generate_settlement (&gen, error))
    goto failed;

  for (guint i = 0; i < n_patients; i++)
    {
      if (i > 0 && i % BATCH_SIZE == 0)
        {
          if (!cl_store_commit (store, error))
            goto out;
          if (!cl_store_begin (store, error))
            goto out;
        }
      if (!generate_patient (&gen, error))
        goto failed;
    }

  ok = cl_store_commit (store, error) &&
       cl_demo_schedule_generate (store, seed, error);
  goto out;

failed:
  cl_store_rollback (store);

out:
  if (cache_size != 0)
    set_cache_size (store, cache_size, NULL);
  g_ptr_array_unref (gen.managers);
  g_ptr_array_unref (gen.manager_usernames);
  g_rand_free (gen.visit_rand);
  g_ptr_array_unref (gen.packages);
  g_rand_free (gen.enrol_rand);
  g_hash_table_unref (gen.used);
  g_rand_free (gen.rand);
  return ok;
}
