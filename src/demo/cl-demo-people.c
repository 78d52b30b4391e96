/* cl-demo-people.c
 *
 * The people of the demo data: Chinese names drawn with plausible
 * surname frequencies, valid ID numbers, mobile numbers, record numbers
 * and addresses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-demo-data"

#include "config.h"

#include "cl-demo-people.h"
#include "cl-demo-util.h"
#include "cl-id-card.h"

/* Surnames with weights roughly proportional to their share of the
 * population (2020 census, per 10 000), so a roster looks like a real
 * one: many 王, 李 and 张, a long tail.  The last rows are rarer
 * surnames whose reading differs from the character's usual one (单
 * shan, 解 xie, 区 ou …) and compound surnames, so that pinyin search
 * meets them. */
static const ClDemoWeighted surnames[] = {
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

guint
cl_demo_people_pick_region (GRand *rand)
{
  return g_rand_int_range (rand, 0, G_N_ELEMENTS (regions));
}

char *
cl_demo_people_name (GRand    *rand,
                     gboolean  male)
{
  const char *surname = cl_demo_pick_weighted (rand, surnames, G_N_ELEMENTS (surnames));
  GString *name = g_string_new (surname);
  guint n_given = g_rand_int_range (rand, 0, 100) < 75 ? 2 : 1;

  for (guint i = 0; i < n_given; i++)
    g_string_append (name, male ? CL_DEMO_PICK (rand, male_chars) : CL_DEMO_PICK (rand, female_chars));

  return g_string_free (name, FALSE);
}

/* Hands out @text unless it was handed out before. */
static gboolean
claim (GHashTable *used,
       char       *text)
{
  if (g_hash_table_contains (used, text))
    {
      g_free (text);
      return FALSE;
    }
  g_hash_table_add (used, text);
  return TRUE;
}

const char *
cl_demo_people_phone (GRand      *rand,
                      GHashTable *used)
{
  for (;;)
    {
      const char *prefix = CL_DEMO_PICK (rand, phone_prefixes);
      gint32 number = g_rand_int_range (rand, 0, 100000000);
      char *phone = g_strdup_printf ("%s%08d", prefix, number);

      if (claim (used, phone))
        return phone;
    }
}

const char *
cl_demo_people_mrn (GRand      *rand,
                    GHashTable *used)
{
  for (;;)
    {
      char *mrn = g_strdup_printf ("MZ%08d", g_rand_int_range (rand, 0, 100000000));

      if (claim (used, mrn))
        return mrn;
    }
}

/* A woman's ID number: region, birth date, a sequence number whose last
 * digit is even (female) and the check digit. */
const char *
cl_demo_people_id_number (GRand       *rand,
                          GHashTable  *used,
                          const GDate *today,
                          guint        region,
                          GDate       *birth)
{
  for (;;)
    {
      guint age = 20 + cl_demo_pick_weight_index (rand, age_weights, G_N_ELEMENTS (age_weights));
      guint days = g_rand_int_range (rand, 0, 365);
      guint sequence = g_rand_int_range (rand, 0, 100);
      guint sex = 2 * g_rand_int_range (rand, 0, 5);
      char first17[18];
      char *number;
      GDate date = *today;

      /* Back @age years to the birthday, then up to a year more: she
       * is exactly @age today. */
      g_date_subtract_years (&date, age);
      g_date_subtract_days (&date, days);

      g_snprintf (first17, sizeof first17, "%s%04u%02u%02u%02u%u",
                  regions[region].code,
                  g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                  sequence, sex);
      number = g_strdup_printf ("%s%c", first17, cl_id_card_check_digit (first17));
      if (claim (used, number))
        {
          *birth = date;
          return number;
        }
    }
}

char *
cl_demo_people_address (GRand *rand,
                        guint  region)
{
  const char *road;
  gint number, building, unit, floor, flat;

  /* Half live where they were born, the others moved. */
  if (g_rand_boolean (rand))
    region = g_rand_int_range (rand, 0, G_N_ELEMENTS (regions));

  road = CL_DEMO_PICK (rand, roads);
  number = g_rand_int_range (rand, 1, 500);
  building = g_rand_int_range (rand, 1, 30);
  unit = g_rand_int_range (rand, 1, 5);
  floor = g_rand_int_range (rand, 1, 33);
  flat = g_rand_int_range (rand, 1, 5);

  return g_strdup_printf ("%s%s%s%d号%d栋%d单元%d%02d室",
                          regions[region].city, regions[region].district,
                          road, number, building, unit, floor, flat);
}
