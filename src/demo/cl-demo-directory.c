#define G_LOG_DOMAIN "cl-demo"

#include "config.h"

#include "cl-demo-directory.h"
#include "cl-demo-people.h"
#include "cl-demo-util.h"
#include "cl-directory-store.h"

static const struct { const char *name, *name_en, *building, *floor, *room, *phone; } departments[] = {
  { "产科门诊", "Obstetrics Clinic", "门诊楼", "3", "301", "0592-2661301" },
  { "高危妊娠门诊", "High-Risk Pregnancy Clinic", "门诊楼", "3", "310", "0592-2661310" },
  { "妇科门诊", "Gynaecology Clinic", "门诊楼", "4", "401", "0592-2661401" },
  { "儿科门诊", "Paediatrics Clinic", "门诊楼", "2", "201", "0592-2661201" },
  { "儿童保健科", "Child Health Care", "保健楼", "2", "205", "0592-2661205" },
  { "超声科", "Ultrasound", "医技楼", "1", "112", "0592-2661112" },
  { "检验科", "Laboratory", "医技楼", "1", "101", "0592-2661101" },
  { "放射科", "Radiology", "医技楼", "B1", "B08", "0592-2661008" },
  { "产房", "Delivery Suite", "住院楼", "5", "501", "0592-2661501" },
  { "产科急诊", "Obstetric Emergency", "急诊楼", "1", "103", "0592-2661120" },
  { "营养科", "Nutrition Clinic", "门诊楼", "5", "508", "0592-2661508" },
  { "心理门诊", "Psychology Clinic", "门诊楼", "5", "512", "0592-2661512" },
  { "乳腺科", "Breast Clinic", "门诊楼", "4", "415", "0592-2661415" },
  { "生殖医学中心", "Reproductive Medicine", "保健楼", "3", "301", "0592-2661330" },
  { "产后康复科", "Postpartum Rehabilitation", "保健楼", "4", "402", "0592-2661402" },
};

static const char * const specialties[] = {
  "高危妊娠", "妊娠期糖尿病", "产前诊断", "胎儿医学", "妇科肿瘤", "不孕不育", "新生儿", "儿童生长发育",
  "盆底康复", "母乳喂养", "围产期心理", "孕期营养",
};

static const struct { const char *code, *name, *category, *unit; gint64 fen; } prices[] = {
  { "GH001", "普通门诊挂号", "挂号", "次", 1000 },
  { "GH002", "副主任医师挂号", "挂号", "次", 2500 },
  { "GH003", "主任医师挂号", "挂号", "次", 3500 },
  { "CJ001", "产前检查", "检查", "次", 3550 },
  { "CJ002", "胎心监护", "检查", "次", 4000 },
  { "CS001", "产科B超", "检查", "次", 16000 },
  { "CS002", "四维彩超（排畸）", "检查", "次", 38000 },
  { "JY001", "血常规", "检验", "次", 2000 },
  { "JY002", "尿常规", "检验", "次", 1000 },
  { "JY003", "糖耐量试验（OGTT）", "检验", "次", 5500 },
  { "JY004", "唐氏筛查", "检验", "次", 18000 },
  { "JY005", "无创DNA产前检测", "检验", "次", 180000 },
  { "CW001", "普通病房床位", "床位", "天", 6000 },
  { "CW002", "单人病房床位", "床位", "天", 30000 },
  { "FM001", "顺产", "分娩", "次", 250000 },
  { "FM002", "剖宫产", "分娩", "次", 600000 },
  { "FM003", "分娩镇痛", "分娩", "次", 150000 },
  { "BL001", "病历复印", "其他", "页", 50 },
  { "KF001", "产后盆底康复", "康复", "次", 20000 },
  { "YY001", "孕期营养咨询", "咨询", "次", 5000 },
};

static gboolean
write_record (CLStore   *store,
              gpointer   record,
              GError   **error)
{
  return cl_store_write_record (store, CL_RECORD (record), CL_WRITE_NO_OUTBOX, error);
}

gboolean
cl_demo_directory_generate (CLStore  *store,
                            guint     n_doctors,
                            guint32   seed,
                            GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0xd1ec7);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      g_autoptr(CLDepartment) department = cl_department_new ();
      char id[37];

      cl_demo_make_id (rand, id);
      cl_record_set_id (CL_RECORD (department), id);
      cl_department_set_name (department, departments[i].name);
      cl_department_set_name_en (department, departments[i].name_en);
      cl_department_set_building (department, departments[i].building);
      cl_department_set_floor (department, departments[i].floor);
      cl_department_set_room (department, departments[i].room);
      cl_department_set_phone (department, departments[i].phone);
      if (!write_record (store, department, error))
        return FALSE;
      g_ptr_array_add (ids, g_strdup (id));
    }

  for (guint i = 0; i < n_doctors; i++)
    {
      g_autoptr(CLDoctor) doctor = cl_doctor_new ();
      gboolean male = g_rand_int_range (rand, 0, 3) == 0;
      g_autofree char *name = cl_demo_people_name (rand, male);
      guint dept = g_rand_int_range (rand, 0, G_N_ELEMENTS (departments));
      guint title = g_rand_int_range (rand, 0, 4);
      guint n_sessions = g_rand_int_range (rand, 1, 4);
      char id[37];

      cl_demo_make_id (rand, id);
      cl_record_set_id (CL_RECORD (doctor), id);
      cl_doctor_set_name (doctor, name);
      cl_doctor_set_title (doctor, cl_doctor_titles ()[title]);
      cl_doctor_set_department_id (doctor, g_ptr_array_index (ids, dept));
      cl_doctor_set_specialty (doctor, CL_DEMO_PICK (rand, specialties));
      if (!write_record (store, doctor, error))
        return FALSE;
      for (guint s = 0; s < n_sessions; s++)
        {
          g_autoptr(CLDoctorSession) session = cl_doctor_session_new ();
          gint weekday = g_rand_int_range (rand, 1, 7);
          gint half = g_rand_int_range (rand, 0, 10) == 0 ? 2 : g_rand_int_range (rand, 0, 2);
          g_autofree char *room = g_strdup_printf ("%s%02d", departments[dept].floor,
                                                   g_rand_int_range (rand, 1, 20));
          char session_id[37];

          cl_demo_make_id (rand, session_id);
          cl_record_set_id (CL_RECORD (session), session_id);
          cl_doctor_session_set_doctor_id (session, id);
          cl_doctor_session_set_weekday (session, weekday);
          cl_doctor_session_set_half_day (session, cl_doctor_session_half_days ()[half]);
          cl_doctor_session_set_room (session, room);
          if (!write_record (store, session, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (prices); i++)
    {
      g_autoptr(CLServicePrice) price = cl_service_price_new ();
      char id[37];

      cl_demo_make_id (rand, id);
      cl_record_set_id (CL_RECORD (price), id);
      cl_service_price_set_code (price, prices[i].code);
      cl_service_price_set_name (price, prices[i].name);
      cl_service_price_set_category (price, prices[i].category);
      cl_service_price_set_unit (price, prices[i].unit);
      cl_service_price_set_price_fen (price, prices[i].fen);
      if (!write_record (store, price, error))
        return FALSE;
    }
  return TRUE;
}
