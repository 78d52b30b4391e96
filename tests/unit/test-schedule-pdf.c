#define G_LOG_DOMAIN "test-schedule-pdf"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cl-escort-store.h"
#include "cl-patient.h"
#include "cl-schedule-print.h"
#include "cl-test-desk.h"
#include "cl-test-store.h"
#include "cl-test-util.h"
#include "cl-vip-store.h"

/* The escort day sheet and the VIP room day list, exported to PDF and
 * read back with pdftotext (issue #5). */

typedef struct
{
  char    *dir;
  CLStore *store;
  char    *wang;   /* escort 王芳 */
  char    *li;     /* escort 李娜 */
  char    *zhang;  /* patient 张小梅, ID number on file */
  char    *room1;
  char    *room2;
} Fixture;

#define ZHANG_ID_NUMBER "110105199203012345"

#define at(hour, minute) cl_test_nov_2026 (24, (hour), (minute))

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CLPatient) zhang = cl_patient_new ();

  f->dir = cl_test_make_tmp_dir ("test-schedule-pdf");
  f->store = cl_test_store_open (f->dir);
  f->wang = cl_test_add_staff (f->store, "wangfang", "王芳", CL_ROLE_ESCORT);
  f->li = cl_test_add_staff (f->store, "lina", "李娜", CL_ROLE_ESCORT);
  cl_patient_set_name (zhang, "张小梅");
  cl_patient_set_id_number (zhang, ZHANG_ID_NUMBER);
  f->zhang = cl_test_save (f->store, zhang);
  f->room1 = cl_test_add_room (f->store, "VIP 诊室 1", "门诊楼 3 层 301");
  f->room2 = cl_test_add_room (f->store, "VIP 诊室 2", "门诊楼 3 层 302");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  /* CARELINE_TEST_KEEP=1 keeps the PDFs to look at. */
  if (g_getenv ("CARELINE_TEST_KEEP"))
    g_printerr ("kept %s\n", f->dir);
  else
    cl_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->wang);
  g_free (f->li);
  g_free (f->zhang);
  g_free (f->room1);
  g_free (f->room2);
}

/* Written as they are (no rules): a print shows what the store holds. */
static CLEscortTask *
add_task (Fixture    *f,
          const char *escort,
          const char *kind,
          const char *to,
          gint64      start_at,
          gint64      end_at,
          const char *status)
{
  CLEscortTask *task = cl_escort_task_new ();

  cl_escort_task_set_patient_id (task, f->zhang);
  cl_escort_task_set_kind (task, kind);
  cl_escort_task_set_place_from (task, "门诊大厅");
  cl_escort_task_set_place_to (task, to);
  cl_escort_task_set_start_at (task, start_at);
  cl_escort_task_set_end_at (task, end_at);
  cl_escort_task_set_escort_id (task, escort);
  cl_escort_task_set_status (task, status);
  g_free (cl_test_save (f->store, task));
  return task;
}

static char *
export (Fixture         *f,
        CLScheduleSheet *sheet,
        const char      *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_schedule_print_export_pdf (sheet, path, &error));
  g_assert_no_error (error);
  return cl_test_pdf_text (path, 0, 0);
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");

  if (program == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return program != NULL;
}

static void
test_escort_sheet (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CLEscortTask) exam = add_task (f, f->wang, CL_ESCORT_KIND_EXAMINATION, "超声科",
                                           at (9, 0), at (10, 0), CL_ESCORT_STATUS_PLANNED);
  g_autoptr(CLEscortTask) done = add_task (f, f->wang, CL_ESCORT_KIND_DELIVERY_TRANSFER, "产科一病区",
                                           at (14, 0), at (15, 0), CL_ESCORT_STATUS_DONE);
  g_autoptr(CLEscortTask) later = add_task (f, f->wang, CL_ESCORT_KIND_DELIVERY_TRANSFER, "产房",
                                            at (16, 0), at (16, 30), CL_ESCORT_STATUS_PLANNED);
  g_autoptr(CLEscortTask) other = add_task (f, f->li, CL_ESCORT_KIND_ERRAND, "挂号收费处",
                                            at (8, 0), at (8, 30), CL_ESCORT_STATUS_PLANNED);
  g_autoptr(CLScheduleSheet) sheet = NULL;
  g_autofree char *text = NULL;
  GDate day;

  if (!have_pdftotext ())
    return;

  cl_escort_task_set_handover_ward (done, "产科一病区");
  cl_escort_task_set_handover_to (done, "陈护士");
  cl_escort_task_set_handover_at (done, at (14, 55));
  g_free (cl_test_save (f->store, done));

  cl_schedule_day_of (at (9, 0), &day);
  sheet = cl_escort_store_day_sheet (f->store, &day, f->wang);
  g_assert_cmpuint (cl_schedule_sheet_get_n_sections (sheet), ==, 1);
  g_assert_cmpuint (cl_schedule_sheet_get_n_rows (sheet, 0), ==, 3);
  text = export (f, sheet, "escort.pdf");
  g_test_message ("%s", text);

  g_assert_nonnull (strstr (text, "Escort day sheet"));
  g_assert_nonnull (strstr (text, "Escort: 王芳"));
  g_assert_null (strstr (text, "李娜"));
  g_assert_nonnull (strstr (text, "09:00–10:00"));
  g_assert_nonnull (strstr (text, "张小梅"));
  g_assert_nonnull (strstr (text, "Examination"));
  g_assert_nonnull (strstr (text, "门诊大厅 → 超声科"));
  g_assert_nonnull (strstr (text, "Handed over to 产科一病区, received by 陈护士 at 14:55"));
  g_assert_nonnull (strstr (text, "Hand-over: ward"));
  g_assert_nonnull (strstr (text, "Escort’s signature"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  /* An internal sheet: full names, but never an ID number. */
  g_assert_null (strstr (text, ZHANG_ID_NUMBER));
  /* In time order */
  g_assert_true (strstr (text, "09:00–10:00") < strstr (text, "14:00–15:00"));
  g_assert_true (strstr (text, "14:00–15:00") < strstr (text, "16:00–16:30"));
}

static void
test_escort_sheet_pages (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CLScheduleSheet) sheet = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages = 0;
  gboolean continued = FALSE;
  GDate day;

  if (!have_pdftotext ())
    return;

  /* More tasks than fit a page for 王芳, a few for 李娜, one for no one. */
  for (guint i = 0; i < 60; i++)
    g_object_unref (add_task (f, f->wang, CL_ESCORT_KIND_CLINIC_VISIT, "产科门诊",
                              at (7, 30) + i * 600, at (7, 30) + (i + 1) * 600, CL_ESCORT_STATUS_PLANNED));
  for (guint i = 0; i < 3; i++)
    g_object_unref (add_task (f, f->li, CL_ESCORT_KIND_EXAMINATION, "检验科",
                              at (9 + i, 0), at (9 + i, 30), CL_ESCORT_STATUS_PLANNED));
  g_object_unref (add_task (f, NULL, CL_ESCORT_KIND_REVISIT_42, "产后门诊",
                            at (13, 0), at (14, 0), CL_ESCORT_STATUS_PLANNED));

  cl_schedule_day_of (at (9, 0), &day);
  sheet = cl_escort_store_day_sheet (f->store, &day, NULL);
  /* 李娜, 王芳 by name, then the unassigned */
  g_assert_cmpuint (cl_schedule_sheet_get_n_sections (sheet), ==, 3);
  text = export (f, sheet, "escorts.pdf");

  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; pages[i]; i++)
    if (*g_strstrip (pages[i]) != '\0')
      n_pages++;
  g_assert_cmpint (n_pages, ==, cl_schedule_print_n_pages (sheet, 595, 842));
  g_assert_cmpuint (n_pages, >=, 4);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      gboolean wang = strstr (pages[i], "Escort: 王芳") != NULL;
      gboolean li = strstr (pages[i], "Escort: 李娜") != NULL;
      gboolean none = strstr (pages[i], "Unassigned tasks") != NULL;

      g_test_message ("page %u: 王芳 %d 李娜 %d unassigned %d", i + 1, wang, li, none);
      g_assert_nonnull (strstr (pages[i], number));
      /* Each escort on pages of their own */
      g_assert_cmpint (wang + li + none, ==, 1);
      g_assert_nonnull (strstr (pages[i], "Patient"));
      continued = continued || strstr (pages[i], "(continued)") != NULL;
    }
  g_assert_true (continued);
  g_assert_nonnull (strstr (pages[0], "Escort: 李娜"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "Unassigned tasks"));
  /* The signature line stays with the end of each escort's list. */
  g_assert_nonnull (strstr (pages[n_pages - 2], "Escort’s signature"));
  /* Every one of 王芳's 60 tasks is printed once. */
  {
    guint n = 0;

    for (const char *p = text; (p = strstr (p, "门诊大厅 → 产科门诊")); p++)
      n++;
    g_assert_cmpuint (n, ==, 60);
  }
}

static void
test_room_sheet (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { int room; guint h, m, eh, em; const char *purpose; const char *status; } plan[] = {
    { 1, 8, 0, 8, 30, CL_VIP_PURPOSE_CONSULTATION, CL_VIP_STATUS_DONE },
    { 1, 9, 0, 10, 0, CL_VIP_PURPOSE_COUNSELLING, CL_VIP_STATUS_BOOKED },
    { 2, 14, 0, 15, 0, CL_VIP_PURPOSE_SALON, CL_VIP_STATUS_BOOKED },
    { 1, 11, 0, 11, 30, CL_VIP_PURPOSE_CONSULTATION, CL_VIP_STATUS_CANCELLED },
  };
  g_autoptr(CLScheduleSheet) one = NULL, all = NULL;
  g_autofree char *text = NULL, *text_all = NULL;
  GDate day;

  if (!have_pdftotext ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(CLVipBooking) b = cl_vip_booking_new ();

      cl_vip_booking_set_room_id (b, plan[i].room == 1 ? f->room1 : f->room2);
      cl_vip_booking_set_patient_id (b, f->zhang);
      cl_vip_booking_set_purpose (b, plan[i].purpose);
      cl_vip_booking_set_start_at (b, at (plan[i].h, plan[i].m));
      cl_vip_booking_set_end_at (b, at (plan[i].eh, plan[i].em));
      cl_vip_booking_set_status (b, plan[i].status);
      cl_vip_booking_set_booked_by (b, "zhouli");
      cl_vip_booking_set_note (b, i == 1 ? "需要轮椅" : NULL);
      g_free (cl_test_save (f->store, b));
    }

  cl_schedule_day_of (at (9, 0), &day);
  one = cl_vip_store_day_sheet (f->store, &day, f->room1);
  text = export (f, one, "room.pdf");
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "VIP room day list"));
  g_assert_nonnull (strstr (text, "VIP 诊室 1 · 门诊楼 3 层 301 · 08:00–17:30"));
  g_assert_nonnull (strstr (text, "08:00–08:30"));
  g_assert_nonnull (strstr (text, "Counselling"));
  g_assert_nonnull (strstr (text, "需要轮椅"));
  g_assert_nonnull (strstr (text, "zhouli"));
  g_assert_null (strstr (text, "11:00–11:30"));   /* cancelled */
  g_assert_null (strstr (text, "Salon"));         /* the other room */
  g_assert_null (strstr (text, ZHANG_ID_NUMBER));

  /* A day with no room open still prints a page that says so. */
  {
    g_autoptr(CLStore) empty = cl_test_desk_open_store (f->dir, "empty");
    g_autoptr(CLScheduleSheet) none = cl_vip_store_day_sheet (empty, &day, NULL);
    g_autofree char *none_text = NULL;

    g_assert_cmpuint (cl_schedule_sheet_get_n_sections (none), ==, 0);
    g_assert_cmpint (cl_schedule_print_n_pages (none, 595, 842), ==, 1);
    none_text = export (f, none, "none.pdf");
    g_assert_nonnull (strstr (none_text, "No bookings on this day."));
    g_assert_nonnull (strstr (none_text, "Page 1 of 1"));
  }

  all = cl_vip_store_day_sheet (f->store, &day, NULL);
  g_assert_cmpuint (cl_schedule_sheet_get_n_sections (all), ==, 2);
  text_all = export (f, all, "rooms.pdf");
  g_assert_nonnull (strstr (text_all, "Page 2 of 2"));
  g_assert_nonnull (strstr (text_all, "Salon"));
}

/* In Chinese, as the staff read it: the labels translated, Pango
 * choosing the CJK font for every line. */
static void
test_escort_sheet_chinese (Fixture       *f,
                           gconstpointer  data)
{
  const char *localedir = g_getenv ("CARELINE_LOCALEDIR");
  g_autoptr(CLEscortTask) task = NULL;
  g_autoptr(CLScheduleSheet) sheet = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  GDate day;

  if (!have_pdftotext ())
    return;
  if (localedir == NULL || setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale or no compiled translations");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  task = add_task (f, f->wang, CL_ESCORT_KIND_DELIVERY_TRANSFER, "产房",
                   at (9, 0), at (10, 0), CL_ESCORT_STATUS_PLANNED);
  cl_schedule_day_of (at (9, 0), &day);
  sheet = cl_escort_store_day_sheet (f->store, &day, f->wang);
  text = export (f, sheet, "escort-zh.pdf");
  setlocale (LC_ALL, saved);
  g_unsetenv ("LANGUAGE");

  g_assert_nonnull (strstr (text, "陪诊日程单"));
  g_assert_nonnull (strstr (text, "陪诊员：王芳"));
  g_assert_nonnull (strstr (text, "门诊转送病房"));
  g_assert_nonnull (strstr (text, "待执行"));
  g_assert_nonnull (strstr (text, "交接：病区"));
  g_assert_nonnull (strstr (text, "2026年11月24日"));
  g_assert_nonnull (strstr (text, "第 1 页，共 1 页"));
  g_assert_null (strstr (text, "Escort"));
}

/* The drawing itself on another paper size, as GtkPrintOperation would
 * call it: every page draws without a cairo error. */
static void
test_draw_letter (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CLScheduleSheet) sheet = NULL;
  int n;
  GDate day;

  for (guint i = 0; i < 30; i++)
    g_object_unref (add_task (f, f->wang, CL_ESCORT_KIND_CLINIC_VISIT, "产科门诊",
                              at (7, 30) + i * 1200, at (7, 30) + (i + 1) * 1200, CL_ESCORT_STATUS_PLANNED));
  cl_schedule_day_of (at (9, 0), &day);
  sheet = cl_escort_store_day_sheet (f->store, &day, f->wang);
  n = cl_schedule_print_n_pages (sheet, 612, 792);
  g_assert_cmpint (n, >=, 1);
  for (int page = 0; page < n; page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, w, h;

      cl_schedule_print_draw (sheet, cr, 612, 792, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
      /* Inside the page */
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x + w, <=, 612);
      g_assert_cmpfloat (y + h, <=, 792);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/schedule-pdf/escort-sheet", Fixture, NULL,
              fixture_set_up, test_escort_sheet, fixture_tear_down);
  g_test_add ("/schedule-pdf/escort-sheet-pages", Fixture, NULL,
              fixture_set_up, test_escort_sheet_pages, fixture_tear_down);
  g_test_add ("/schedule-pdf/room-sheet", Fixture, NULL,
              fixture_set_up, test_room_sheet, fixture_tear_down);
  g_test_add ("/schedule-pdf/escort-sheet-chinese", Fixture, NULL,
              fixture_set_up, test_escort_sheet_chinese, fixture_tear_down);
  g_test_add ("/schedule-pdf/draw-letter", Fixture, NULL,
              fixture_set_up, test_draw_letter, fixture_tear_down);

  return g_test_run ();
}
