/* cl-demo-registers.c
 *
 * The demo desk's registers: critical values of the last two weeks
 * (one awaiting its report now, one reported late), the equipment
 * fault log (one open for more than a day) and first-visit nursing
 * assessments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-demo-desk"

#include "config.h"

#include "cl-critical-store.h"
#include "cl-demo-desk-private.h"
#include "cl-demo-people.h"
#include "cl-demo-util.h"
#include "cl-equipment-fault.h"
#include "cl-nursing-assessment.h"

#define SALT_CRITICAL 0xc217ca15
#define SALT_FAULTS   0xfa017500
#define SALT_NURSING  0x2b25e000

/* Days of the register, today included. */
#define CRITICAL_DAYS 14
/* The day of the one reported late. */
#define LATE_DAY 4
/* First-visit assessments. */
#define N_ASSESSMENTS 8

typedef struct
{
  CLCriticalSource  source;
  const char       *test;
  const char       *results;  /* one of these, '|' between them */
  const char       *unit;
} Finding;

static const Finding findings[] = {
  { CL_CRITICAL_SOURCE_LAB, "血钾", "2.7|2.8|2.6|6.4", "mmol/L" },
  { CL_CRITICAL_SOURCE_LAB, "血小板计数", "38|42|26", "×10⁹/L" },
  { CL_CRITICAL_SOURCE_LAB, "血红蛋白", "56|58|49", "g/L" },
  { CL_CRITICAL_SOURCE_LAB, "血糖", "2.1|2.3|24.6", "mmol/L" },
  { CL_CRITICAL_SOURCE_LAB, "纤维蛋白原", "0.8|0.9", "g/L" },
  { CL_CRITICAL_SOURCE_LAB, "丙氨酸氨基转移酶", "512|468", "U/L" },
  { CL_CRITICAL_SOURCE_ULTRASOUND, "产科B超", "胎盘早剥可能|前置胎盘伴活动性出血", "" },
  { CL_CRITICAL_SOURCE_ULTRASOUND, "胎心监护", "胎心率 82 次/分，持续 4 分钟|胎心率 178 次/分，变异消失", "" },
  { CL_CRITICAL_SOURCE_ECG, "心电图", "阵发性室上性心动过速 186 次/分", "" },
};

/* Radiology's tuberculosis results go in the same register. */
static const Finding tuberculosis = {
  CL_CRITICAL_SOURCE_RADIOLOGY, "胸部X线", "右上肺继发性肺结核可能", "",
};

/* Where a pregnant woman's results go. */
static const char * const wards[] = { "产科门诊", "高危妊娠门诊", "产科急诊", "产房" };

static const char * const actions[] = {
  "已电话通知孕妇立即返院复查",
  "已安排急诊入院",
  "已予补钾治疗并复查",
  "医生已查看患者，予对症处理",
  "已通知上级医师会诊",
};

/* An entry of @finding received at @received, reported @delay minutes
 * later (not yet, for a negative @delay). */
static gboolean
write_value (CLDemoDesk     *desk,
             GRand          *rand,
             const Finding  *finding,
             gint64          received,
             gint            delay,
             GError        **error)
{
  g_autoptr(CLCriticalValue) value = NULL;
  const char *taken_by = cl_demo_desk_pick (rand, desk->people->desk_staff);
  const char *patient_id = cl_demo_desk_pick (rand, desk->people->patient_ids);
  const char *ward = CL_DEMO_PICK (rand, wards);
  g_autofree char *caller = cl_demo_people_name (rand, FALSE);
  gboolean male = g_rand_int_range (rand, 0, 3) == 0;
  g_autofree char *doctor = cl_demo_people_name (rand, male);
  gboolean nurse = g_rand_int_range (rand, 0, 100) < 30;
  const char *action = CL_DEMO_PICK (rand, actions);
  g_autofree char *phone = g_strdup_printf ("2661%03d", g_rand_int_range (rand, 100, 120));
  g_auto(GStrv) results = g_strsplit (finding->results, "|", -1);
  const char *result = results[g_rand_int_range (rand, 0, g_strv_length (results))];
  char id[37];

  cl_demo_make_id (rand, id);
  value = cl_critical_value_new (finding == &tuberculosis ? CL_CRITICAL_KIND_TUBERCULOSIS : CL_CRITICAL_KIND_CRITICAL,
                                 received, taken_by);
  cl_record_set_id (CL_RECORD (value), id);
  cl_critical_value_set_source (value, cl_critical_source_to_string (finding->source));
  cl_critical_value_set_caller_name (value, caller);
  cl_critical_value_set_caller_phone (value, phone);
  cl_critical_value_set_patient_id (value, patient_id);
  cl_critical_value_set_department_id (value, cl_demo_desk_department (desk, ward));
  cl_critical_value_set_test_name (value, finding->test);
  cl_critical_value_set_result (value, result);
  cl_critical_value_set_unit (value, finding->unit);
  cl_critical_value_set_read_back (value, TRUE);
  if (delay >= 0)
    {
      cl_critical_value_set_reported_to (value, doctor);
      cl_critical_value_set_reported_role (value, nurse ? "nurse" : "doctor");
      cl_critical_value_set_reported_at (value, received + (gint64) delay * 60 + g_rand_int_range (rand, 0, 60));
      cl_critical_value_set_action (value, action);
      cl_critical_value_set_reported_by (value, taken_by);
    }
  return cl_demo_desk_write (desk, value, error);
}

/* None to three a day, at any hour (the lab never closes), most
 * reported well within the limit; one on LATE_DAY after it, and one
 * received just over the limit before now and not yet reported, so
 * the alarm shows.  Today's that would be reported after now are left
 * out rather than raising more alarms. */
gboolean
cl_demo_desk_critical (CLDemoDesk  *desk,
                       GError     **error)
{
  gint64 limit = cl_critical_store_limit (desk->store);

  for (gint days_ago = CRITICAL_DAYS - 1; days_ago >= 0; days_ago--)
    {
      g_autoptr(GRand) rand = cl_demo_desk_rand (desk, SALT_CRITICAL, days_ago);
      guint n = g_rand_int_range (rand, 0, 4);

      if (days_ago == LATE_DAY)
        n = MAX (n, 1);
      for (guint i = 0; i < n; i++)
        {
          gboolean tb = g_rand_int_range (rand, 0, 100) < 10;
          const Finding *finding = tb ? &tuberculosis : &findings[g_rand_int_range (rand, 0, G_N_ELEMENTS (findings))];
          gint64 received = cl_demo_desk_at (desk, days_ago, g_rand_int_range (rand, 0, 24 * 60));
          gint delay = g_rand_int_range (rand, 2, MAX (3, limit - 2));

          if (days_ago == LATE_DAY && i == 0)
            delay = limit + g_rand_int_range (rand, 10, 40);
          if (received + (gint64) (delay + 1) * 60 > desk->now)
            continue;
          if (!write_value (desk, rand, finding, received, delay, error))
            return FALSE;
        }
    }

  {
    g_autoptr(GRand) rand = cl_demo_desk_rand (desk, SALT_CRITICAL, CRITICAL_DAYS);

    return write_value (desk, rand, &findings[0], desk->now - (limit + 8) * 60, -1, error);
  }
}

typedef struct
{
  const char *machine;
  const char *location;
  const char *fault;
  const char *reported_to;
  const char *reported_to_name;
  gint        days_ago;         /* reported then … */
  gint        minutes;          /* … at this time of day */
  gint        fixed_minutes;    /* later; 0: still open */
  const char *note;
} Fault;

/* Two fixed; one open since two days ago, over a day at any hour, so
 * flagged; one reported this morning. */
static const Fault faults[] = {
  { "门诊大厅自助机 3号", "门诊大厅", "不出凭条", "it", NULL, 6, 9 * 60 + 12, 25 * 60 + 30,
    "更换打印纸卷轴后恢复" },
  { "超声科叫号屏", "医技楼一楼超声候诊区", "黑屏，叫号无显示", "vendor", "王工", 3, 14 * 60 + 5, 2 * 60 + 35,
    "厂家远程重启后恢复" },
  { "住院部自助缴费机 1号", "住院楼一楼大厅", "银行卡缴费失败，提示通讯超时", "vendor", "李工", 2, 16 * 60 + 20, 0,
    "已贴暂停使用提示，引导到人工窗口" },
  { "门诊二楼自助报告打印机", "门诊楼二楼", "卡纸", "it", NULL, 0, 8 * 60 + 15, 0, NULL },
};

gboolean
cl_demo_desk_faults (CLDemoDesk  *desk,
                     GError     **error)
{
  g_autoptr(GRand) rand = cl_demo_desk_rand (desk, SALT_FAULTS, 0);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(CLEquipmentFault) fault = cl_equipment_fault_new ();
      gint64 reported = cl_demo_desk_at (desk, faults[i].days_ago, faults[i].minutes);
      char id[37];

      cl_demo_make_id (rand, id);
      /* Before 08:15 this morning's is a moment ago. */
      reported = MIN (reported, desk->now - 20 * 60);
      cl_record_set_id (CL_RECORD (fault), id);
      cl_equipment_fault_set_machine (fault, faults[i].machine);
      cl_equipment_fault_set_location (fault, faults[i].location);
      cl_equipment_fault_set_fault (fault, faults[i].fault);
      cl_equipment_fault_set_reported_at (fault, reported);
      cl_equipment_fault_set_reported_to (fault, faults[i].reported_to);
      cl_equipment_fault_set_reported_to_name (fault, faults[i].reported_to_name);
      if (faults[i].fixed_minutes > 0)
        cl_equipment_fault_set_fixed_at (fault, reported + (gint64) faults[i].fixed_minutes * 60);
      cl_equipment_fault_set_note (fault, faults[i].note);
      if (!cl_demo_desk_write (desk, fault, error))
        return FALSE;
    }
  return TRUE;
}

static const char * const medical[] = { "无", "无", "甲状腺功能减退，服用左甲状腺素", "妊娠期糖尿病史", "轻度贫血" };
static const char * const surgical[] = { "无", "无", "2019年剖宫产", "阑尾切除术后" };
static const char * const social[] = {
  "与丈夫同住，家庭支持良好", "与公婆同住，丈夫常年在外地工作", "独居，母亲产后来陪护",
};
static const char * const psychological[] = { "情绪稳定", "情绪稳定", "轻度焦虑，担心胎儿发育", "睡眠欠佳" };

/* Her first-visit assessment: mostly no known allergies, a few to
 * penicillin or seafood, a fall risk now and then. */
gboolean
cl_demo_desk_nursing (CLDemoDesk  *desk,
                      GError     **error)
{
  g_autoptr(GRand) rand = cl_demo_desk_rand (desk, SALT_NURSING, 0);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < N_ASSESSMENTS; i++)
    {
      g_autoptr(CLNursingAssessment) assessment = NULL;
      const char *patient_id = cl_demo_desk_pick (rand, desk->people->patient_ids);
      const char *recorded_by = cl_demo_desk_pick (rand, desk->people->desk_staff);
      gint days_ago = g_rand_int_range (rand, 0, 14);
      gint64 at = cl_demo_desk_at (desk, days_ago, g_rand_int_range (rand, 8 * 60, 16 * 60));
      gint r = g_rand_int_range (rand, 0, 100);
      char id[37];

      cl_demo_make_id (rand, id);
      if (!g_hash_table_add (seen, (gpointer) patient_id))
        continue;
      assessment = cl_nursing_assessment_new (patient_id);
      cl_record_set_id (CL_RECORD (assessment), id);
      cl_nursing_assessment_set_drug_allergies (assessment, r < 15 ? "penicillin" : CL_NURSING_NONE);
      if (r < 15)
        cl_nursing_assessment_set_drug_allergy_note (assessment, "幼时注射后出皮疹");
      cl_nursing_assessment_set_food_allergies (assessment, r >= 85 ? "seafood" : CL_NURSING_NONE);
      cl_nursing_assessment_set_risks (assessment, r % 10 == 3 ? "fall" : NULL);
      cl_nursing_assessment_set_medical_history (assessment, CL_DEMO_PICK (rand, medical));
      cl_nursing_assessment_set_surgical_history (assessment, CL_DEMO_PICK (rand, surgical));
      cl_nursing_assessment_set_social (assessment, CL_DEMO_PICK (rand, social));
      cl_nursing_assessment_set_psychological (assessment, CL_DEMO_PICK (rand, psychological));
      cl_nursing_assessment_set_recorded_by (assessment, recorded_by);
      cl_nursing_assessment_set_recorded_at (assessment, MIN (at, desk->now));
      if (!cl_demo_desk_write (desk, assessment, error))
        return FALSE;
    }
  return TRUE;
}
