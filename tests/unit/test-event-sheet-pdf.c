/* test-event-sheet-pdf.c
 *
 * An event's sign-in sheet exported to PDF and read back with
 * pdftotext: the event, its day and hours, every registered patient by
 * name with her phone masked, then the waiting list in order, and the
 * signature column; in English and in Chinese.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cl-event-sheet.h"
#include "cl-event-store.h"
#include "cl-schedule-print.h"
#include "cl-staff.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

static char *
sheet_text (const char *name)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-event-sheet-pdf");
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  g_autoptr(CLHealthEvent) event = cl_health_event_new ();
  g_autoptr(CLScheduleSheet) sheet = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  static const char * const names[] = { "张小梅", "李小红", "王芳" };
  char *text;

  cl_health_event_set_title (event, "孕期营养讲座");
  cl_health_event_set_kind (event, "lecture");
  cl_health_event_set_date (event, "2026-11-28");
  cl_health_event_set_starts (event, 14 * 60);
  cl_health_event_set_ends (event, 15 * 60 + 30);
  cl_health_event_set_place (event, "门诊楼 3 楼会议室");
  cl_health_event_set_capacity (event, 2);
  g_assert_true (cl_event_store_save_event (store, event, CL_ROLE_CASE_MANAGER, NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *digits = g_strdup_printf ("1101051993040200%u", i);
      g_autofree char *phone = g_strdup_printf ("1380013800%u", i);
      g_autoptr(CLPatient) patient = cl_test_patient_new (names[i], digits, phone);
      g_autoptr(CLEventRegistration) one = NULL;
      g_autofree char *now = g_strdup_printf ("2026-11-23T09:1%u:00", i);

      cl_test_patient_save (store, patient, NULL);
      g_setenv ("CARELINE_NOW", now, TRUE);
      one = cl_event_store_register (store, cl_record_get_id (CL_RECORD (event)),
                                     cl_record_get_id (CL_RECORD (patient)), CL_ROLE_CASE_MANAGER, &error);
      g_assert_no_error (error);
    }
  sheet = cl_event_sheet_new (store, event);
  g_assert_cmpuint (cl_schedule_sheet_get_n_rows (sheet, 0), ==, 3);
  g_assert_true (cl_schedule_print_export_pdf (sheet, path, &error));
  g_assert_no_error (error);
  text = cl_test_pdf_text (path, 0, 0);
  g_clear_object (&store);
  cl_test_remove_tree (dir);
  return text;
}

/* Every name in order, the waiter last, and no full phone number. */
static void
assert_names (const char *text)
{
  const char *first = strstr (text, "张小梅");
  const char *second = strstr (text, "李小红");
  const char *waiter = strstr (text, "王芳");

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_nonnull (waiter);
  g_assert_true (first < second && second < waiter);
  g_assert_nonnull (strstr (text, "138****8000"));
  g_assert_null (strstr (text, "13800138000"));
  g_assert_nonnull (strstr (text, "孕期营养讲座"));
  g_assert_nonnull (strstr (text, "门诊楼 3 楼会议室"));
  g_assert_nonnull (strstr (text, "14:00–15:30"));
}

static void
test_sheet_english (void)
{
  g_autofree char *text = sheet_text ("sign-in.pdf");

  assert_names (text);
  g_assert_nonnull (strstr (text, "Signature"));
  g_assert_nonnull (strstr (text, "Sign-in sheet: 2 registered of 2 places"));
  g_assert_nonnull (strstr (text, "Waiting 1"));
  g_assert_nonnull (strstr (text, "Lecture · 28 Nov 2026"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

static void
test_sheet_chinese (void)
{
  const char *localedir = g_getenv ("CARELINE_LOCALEDIR");
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *text = NULL;

  g_assert_nonnull (localedir);
  g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  text = sheet_text ("sign-in-zh.pdf");
  setlocale (LC_ALL, saved);
  g_unsetenv ("LANGUAGE");

  assert_names (text);
  g_assert_nonnull (strstr (text, "签名"));
  g_assert_nonnull (strstr (text, "候补 1"));
  g_assert_nonnull (strstr (text, "讲座 · 2026年11月28日"));
  g_assert_null (strstr (text, "Signature"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/event-sheet-pdf/english", test_sheet_english);
  g_test_add_func ("/event-sheet-pdf/chinese", test_sheet_chinese);
  return g_test_run ();
}
