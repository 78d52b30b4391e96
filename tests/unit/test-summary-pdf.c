/* The printed patient summary, exported headless and read back with
 * pdftotext: a Latin and a Chinese name, the masked ID, the plan, the
 * reports, the current orders only, and page breaks for a long list
 * with the table header on the next page. */

#include "config.h"

#include <glib/gstdio.h>

#include "cl-order-store.h"
#include "cl-patient-store.h"
#include "cl-store-private.h"
#include "cl-test-util.h"
#include "cl-visit-store.h"
#include "cl-nursing-store.h"
#include "cl-summary-print.h"

static void
export_for (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = cl_test_make_tmp_dir ("summary-pdf");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = cl_store_open (db, &error);
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autoptr(ClPatientSummary) summary = NULL;
  g_autofree char *first = NULL;
  g_autofree char *all = NULL;
  g_autofree char *last = NULL;
  g_autofree char *sql = NULL;
  int n_pages;

  g_assert_no_error (error);
  cl_patient_set_name (patient, name);
  cl_patient_set_id_number (patient, "110105199103070022");
  cl_patient_set_phone (patient, "13812345678");
  cl_patient_set_mrn (patient, "MRN-77");
  cl_patient_set_birth_date (patient, "1991-03-07");
  pregnancy = cl_pregnancy_new (cl_record_get_id (CL_RECORD (patient)));
  cl_pregnancy_set_lmp (pregnancy, "2026-05-04");
  cl_pregnancy_set_risk (pregnancy, "orange");
  cl_patient_store_save (store, patient, pregnancy, NULL, &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("INSERT INTO document (id, patient_id, pregnancy_id, title, kind, check_date, visit)"
                         " VALUES ('d1', '%s', '%s', 'NT scan 胎儿颈项透明层', 'ultrasound', '2026-07-28', 'v06')",
                         cl_record_get_id (CL_RECORD (patient)), cl_record_get_id (CL_RECORD (pregnancy)));
  cl_store_lock (store);
  cl_store_exec (store, sql, &error);
  cl_store_unlock (store);
  g_assert_no_error (error);
  g_assert_true (cl_visit_store_tick (store, pregnancy, "v14", "2026-08-20", NULL, &error));

  /* Sixty orders: more than a page.  One stopped: not "current". */
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(CLDoctorOrder) order = cl_doctor_order_new ();
      g_autofree char *text = g_strdup_printf ("Order number %02u: folic acid 0.4 mg 叶酸 each morning", i);

      cl_doctor_order_set_patient_id (order, cl_record_get_id (CL_RECORD (patient)));
      cl_doctor_order_set_date (order, "2026-10-01");
      cl_doctor_order_set_category (order, "medication");
      cl_doctor_order_set_text (order, i == 7 ? "Stopped order" : text);
      cl_doctor_order_set_doctor (order, "Dr Zhou");
      g_assert_true (cl_order_store_save (store, order, "case_manager", NULL, &error));
      if (i == 7)
        g_assert_true (cl_order_store_stop (store, order, "stopped", NULL, "case_manager", &error));
    }

  /* Her allergies, from her nursing assessment. */
  {
    g_autoptr(CLNursingAssessment) assessment = cl_nursing_assessment_new (cl_record_get_id (CL_RECORD (patient)));

    cl_nursing_assessment_set_drug_allergies (assessment, "latex");
    cl_nursing_assessment_set_food_allergies (assessment, CL_NURSING_NONE);
    g_assert_true (cl_nursing_store_save_assessment (store, assessment, "case_manager", "nurse", NULL, &error));
    g_assert_no_error (error);
  }

  summary = cl_patient_summary_new (store, cl_record_get_id (CL_RECORD (patient)), "Test Maternity Hospital", &error);
  g_assert_no_error (error);
  n_pages = cl_patient_summary_n_pages (summary, 595, 842);
  g_assert_cmpint (n_pages, >=, 2);
  g_assert_true (cl_patient_summary_export_pdf (summary, pdf, &error));
  g_assert_no_error (error);

  first = cl_test_pdf_text (pdf, 1, 1);
  cl_test_assert_contains (first, "Test Maternity Hospital");
  cl_test_assert_contains (first, name);
  cl_test_assert_contains (first, "110105********0022");
  g_assert_null (strstr (first, "110105199103070022"));
  cl_test_assert_contains (first, "MRN-77");
  cl_test_assert_contains (first, "29+0");
  cl_test_assert_contains (first, "Orange");
  cl_test_assert_contains (first, "Allergies: Latex");
  cl_test_assert_contains (first, "Due now");
  cl_test_assert_contains (first, "Overdue");
  cl_test_assert_contains (first, "NT scan 胎儿颈项透明层");
  cl_test_assert_contains (first, "Page 1 of");

  all = cl_test_pdf_text (pdf, 1, n_pages);
  cl_test_assert_contains (all, "Order number 00");
  cl_test_assert_contains (all, "Order number 59");
  g_assert_null (strstr (all, "Stopped order"));

  /* The order table continues on the last page under its header. */
  last = cl_test_pdf_text (pdf, n_pages, n_pages);
  cl_test_assert_contains (last, "Reminder");
  cl_test_assert_contains (last, "Order number");
  cl_test_assert_contains (last, name);

  /* Kept beside the screenshots, to look at. */
  {
    g_autofree char *kept = g_strdup_printf ("%s/summary-%s.pdf", g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                             g_str_is_ascii (name) ? "latin" : "chinese");
    g_autofree char *contents = NULL;
    gsize length;

    if (g_file_get_contents (pdf, &contents, &length, NULL))
      g_file_set_contents (kept, contents, length, NULL);
  }

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/summary-pdf/latin", "Maria Lopez", export_for);
  g_test_add_data_func ("/summary-pdf/chinese", "欧阳小梅", export_for);

  return g_test_run ();
}
