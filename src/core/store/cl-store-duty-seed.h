#pragma once

/* The posts of the guide-desk contract, seeded with the schema for a
 * hospital to edit: the same rows, with the same ids at rev 0, on the
 * server and on every desk, so an administrator's first edit of one is
 * an ordinary change of a record both sides have.  Hours in minutes
 * after midnight: 08:00–12:00 and 14:30–17:30 for the day posts; the
 * paediatric emergency is open round the clock, its day shift
 * 08:00–20:00 and its night shift the rest. */

#define CL_DUTY_POST_SEED(n, name, name_en, mo, mc, ao, ac, all_day, headcount) \
  "INSERT INTO duty_post (id, updated_by, name, name_en, morning_opens, morning_closes," \
  " afternoon_opens, afternoon_closes, all_day, headcount, active, sort_order)" \
  " VALUES ('5eed0000-0000-4000-8000-00000000d0" n "', 'careline', '" name "', '" name_en "', " \
  #mo ", " #mc ", " #ao ", " #ac ", " #all_day ", " #headcount ", 1, " n ");"

#define CL_DUTY_SEED_SQL \
  CL_DUTY_POST_SEED ("01", "门诊服务中心", "Outpatient service centre", 480, 720, 870, 1050, 0, 4) \
  CL_DUTY_POST_SEED ("02", "导医台（门诊楼1F）", "Guide desk, outpatient building 1F", 480, 720, 870, 1050, 0, 1) \
  CL_DUTY_POST_SEED ("03", "导医台（门诊楼3F 产科）", "Guide desk, obstetrics 3F", 480, 720, 870, 1050, 0, 1) \
  CL_DUTY_POST_SEED ("04", "住院大厅", "Inpatient hall", 480, 720, 870, 1050, 0, 1) \
  CL_DUTY_POST_SEED ("05", "放射科", "Radiology", 480, 720, 870, 1050, 0, 1) \
  CL_DUTY_POST_SEED ("06", "检验科", "Laboratory", 480, 720, 870, 1050, 0, 1) \
  CL_DUTY_POST_SEED ("07", "急诊儿科", "Paediatric emergency", 480, 1200, 0, 0, 1, 2)
