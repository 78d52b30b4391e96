/* test-duty-pdf.c
 *
 * A week of the duty roster printed to an A4 landscape PDF and read
 * back with pdftotext, in English and in Chinese: the title with the
 * week, the days, each person with their shifts and posts and their
 * hours, and the coverage check's warnings in words; a week with more
 * people than a page holds continues on a second page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cl-date.h"
#include "cl-duty-print.h"
#include "cl-duty-store.h"
#include "cl-staff.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

#define CENTRE "5eed0000-0000-4000-8000-00000000d001"
#define EMERGENCY "5eed0000-0000-4000-8000-00000000d007"

static CLStaff *
guide (CLStore    *store,
       const char *username,
       const char *name)
{
  CLStaff *staff = cl_staff_new (username, name, CL_ROLE_SERVICE_DESK);

  g_assert_true (cl_store_save_record (store, CL_RECORD (staff), NULL));
  return staff;
}

static void
shift (CLStore    *store,
       CLStaff    *staff,
       const char *day,
       const char *post,
       const char *which)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_duty_store_set_cell (store, cl_record_get_id (CL_RECORD (staff)), day, post, which,
                                         CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
}

static char *
week_text (const char *name,
           guint       extra_people,
           int        *n_pages)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-duty-pdf");
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  g_autoptr(CLStaff) wang = guide (store, "wangfang", "王芳");
  g_autoptr(CLStaff) li = guide (store, "lina", "李娜");
  g_autoptr(CLDutyWeek) week = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GDate day;
  char *text;

  for (guint i = 0; i < extra_people; i++)
    {
      g_autofree char *user = g_strdup_printf ("guide%u", i);
      g_autofree char *display = g_strdup_printf ("导医%02u", i);
      g_autoptr(CLStaff) more = guide (store, user, display);

      shift (store, more, "2026-11-24", CENTRE, "regular");
    }
  shift (store, wang, "2026-11-23", CENTRE, "early");
  shift (store, wang, "2026-11-24", EMERGENCY, "night");
  shift (store, li, "2026-11-23", EMERGENCY, "regular");
  g_assert_true (cl_date_parse ("2026-11-25", &day, NULL));
  week = cl_duty_week_load (store, &day);
  g_assert_true (cl_duty_print_export_pdf (week, path, &error));
  g_assert_no_error (error);
  *n_pages = cl_duty_print_n_pages (week, CL_DUTY_PRINT_WIDTH, CL_DUTY_PRINT_HEIGHT);
  text = cl_test_pdf_text (path, 0, 0);
  /* No post is named by its id. */
  g_assert_null (strstr (text, CENTRE));
  g_clear_object (&store);
  cl_test_remove_tree (dir);
  return text;
}

static void
test_week_english (void)
{
  int pages = 0;
  g_autofree char *text = week_text ("duty-en.pdf", 0, &pages);

  /* A week mostly empty has a warning for each post and day: they go
   * on over the next pages. */
  g_assert_cmpint (pages, >=, 2);
  cl_test_assert_contains (text, "Duty Roster, 23 Nov 2026 – 29 Nov 2026");
  cl_test_assert_contains (text, "Mon 23 Nov");
  cl_test_assert_contains (text, "Sun 29 Nov");
  cl_test_assert_contains (text, "王芳");
  cl_test_assert_contains (text, "Early ·");
  cl_test_assert_contains (text, "Outpatient service");
  cl_test_assert_contains (text, "Night · Paediatric");
  /* Wang: 8 h early + 12 h night. */
  cl_test_assert_contains (text, "20 h");
  cl_test_assert_contains (text, "Coverage:");
  cl_test_assert_contains (text, "Outpatient service centre on Tue 24 Nov: 0 on duty, 4 people needed");
  cl_test_assert_contains (text, "Paediatric emergency on Wed 25 Nov: nobody on duty from 08:00 to 24:00");
  cl_test_assert_contains (text, "Page 1 of");
}

static void
test_week_chinese (void)
{
  const char *localedir = g_getenv ("CARELINE_LOCALEDIR");
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *text = NULL;
  int pages = 0;

  g_assert_nonnull (localedir);
  g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  text = week_text ("duty-zh.pdf", 0, &pages);
  setlocale (LC_ALL, saved);
  g_unsetenv ("LANGUAGE");

  cl_test_assert_contains (text, "排班表");
  cl_test_assert_contains (text, "人员");
  g_assert_null (strstr (text, "人员管理"));
  cl_test_assert_contains (text, "11月23日 周一");
  cl_test_assert_contains (text, "早班 · 门诊服务中心");
  cl_test_assert_contains (text, "夜班 · 急诊儿科");
  cl_test_assert_contains (text, "门诊服务中心 11月24日 周二：在岗 0 人，需要 4 人");
  g_assert_null (strstr (text, "Early"));
}

static void
test_week_long (void)
{
  int pages = 0;
  g_autofree char *text = week_text ("duty-long.pdf", 30, &pages);

  const char *second;

  /* 32 people do not fit one landscape page: the rows go over to the
   * next, under the day headings again. */
  g_assert_cmpint (pages, >=, 3);
  second = strstr (text, "Page 1 of");
  g_assert_nonnull (second);
  cl_test_assert_contains (second, "Mon 23 Nov");
  cl_test_assert_contains (second, "导医29");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/duty-pdf/english", test_week_english);
  g_test_add_func ("/duty-pdf/chinese", test_week_chinese);
  g_test_add_func ("/duty-pdf/long", test_week_long);
  return g_test_run ();
}
