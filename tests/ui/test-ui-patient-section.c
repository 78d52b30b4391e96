/* CLPatientSection, the base of her page's sections, on real stores and
 * a real context: a section reloads when it is given a context, a
 * patient, a new store or role, and when a table it watches is written;
 * not when another table is, nor for a store or context it was taken
 * off; and a patient_changed hook runs only for another patient. */

#include "config.h"

#include <adwaita.h>

#include "cl-patient-section.h"
#include "cl-staff.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"

#define TEST_TYPE_SECTION (test_section_get_type ())
G_DECLARE_FINAL_TYPE (TestSection, test_section, TEST, SECTION, CLPatientSection)

struct _TestSection
{
  CLPatientSection parent_instance;

  guint            n_reloads;
  guint            n_context_changes;
  guint            n_patient_changes;
};

G_DEFINE_FINAL_TYPE (TestSection, test_section, CL_TYPE_PATIENT_SECTION)

static void
test_section_reload (CLPatientSection *section)
{
  TEST_SECTION (section)->n_reloads++;
}

static void
test_section_context_changed (CLPatientSection *section)
{
  TEST_SECTION (section)->n_context_changes++;
}

static void
test_section_patient_changed (CLPatientSection *section)
{
  TEST_SECTION (section)->n_patient_changes++;
}

static void
test_section_class_init (TestSectionClass *klass)
{
  static const char * const tables[] = { "staff", NULL };
  CLPatientSectionClass *section_class = CL_PATIENT_SECTION_CLASS (klass);

  section_class->reload = test_section_reload;
  section_class->context_changed = test_section_context_changed;
  section_class->patient_changed = test_section_patient_changed;
  section_class->tables = tables;
}

static void
test_section_init (TestSection *self)
{
}

static void
save_staff (CLStore    *store,
            const char *id)
{
  g_autoptr(CLRecord) staff = g_object_new (CL_TYPE_STAFF, "id", id, "username", id, "display-name", id,
                                            "role", "escort", "roles", "escort", "active", TRUE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_store_save_record (store, staff, &error));
  g_assert_no_error (error);
}

/* The store says "changed" from an idle: let it. */
static guint
reloads_after_write (TestSection *section)
{
  cl_test_ui_settle (200);
  return section->n_reloads;
}

static void
test_section_follows (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("ui-patient-section");
  g_autofree char *dir_b = g_build_filename (dir, "b", NULL);
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  g_autoptr(CLStore) store_b = NULL;
  g_autoptr(CLContext) context = cl_context_new ();
  g_autoptr(CLContext) other = cl_context_new ();
  TestSection *section = g_object_ref_sink (g_object_new (TEST_TYPE_SECTION, NULL));
  g_autoptr(CLPatient) patient = cl_test_patient_new ("张小梅", "11010519930402002", "13800138000");
  guint before;

  g_assert_cmpint (g_mkdir_with_parents (dir_b, 0700), ==, 0);
  store_b = cl_test_store_open (dir_b);
  cl_context_set_store (context, store);

  /* A context: its store, one reload, the hook. */
  cl_patient_section_set_context (CL_PATIENT_SECTION (section), context);
  g_assert_true (cl_patient_section_get_context (CL_PATIENT_SECTION (section)) == context);
  g_assert_true (cl_patient_section_get_store (CL_PATIENT_SECTION (section)) == store);
  g_assert_cmpuint (section->n_reloads, ==, 1);
  g_assert_cmpuint (section->n_context_changes, ==, 1);
  cl_patient_section_set_context (CL_PATIENT_SECTION (section), context);
  g_assert_cmpuint (section->n_reloads, ==, 1);

  /* A patient reloads; only another one runs the hook. */
  cl_patient_section_set_patient_id (CL_PATIENT_SECTION (section), "p-1");
  g_assert_cmpstr (cl_patient_section_get_patient_id (CL_PATIENT_SECTION (section)), ==, "p-1");
  g_assert_cmpuint (section->n_reloads, ==, 2);
  g_assert_cmpuint (section->n_patient_changes, ==, 1);
  cl_patient_section_set_patient_id (CL_PATIENT_SECTION (section), "p-1");
  g_assert_cmpuint (section->n_reloads, ==, 3);
  g_assert_cmpuint (section->n_patient_changes, ==, 1);

  /* A watched table reloads; another does not. */
  before = section->n_reloads;
  save_staff (store, "es-1");
  g_assert_cmpuint (reloads_after_write (section), ==, before + 1);
  cl_test_patient_save (store, patient, NULL);
  g_assert_cmpuint (reloads_after_write (section), ==, before + 1);

  /* Another role reloads. */
  before = section->n_reloads;
  cl_context_set_user (context, "li", "escort");
  g_assert_cmpuint (section->n_reloads, >, before);

  /* Another store: followed, and the old one's writes no longer count. */
  before = section->n_reloads;
  cl_context_set_store (context, store_b);
  g_assert_true (cl_patient_section_get_store (CL_PATIENT_SECTION (section)) == store_b);
  g_assert_cmpuint (section->n_reloads, >, before);
  before = section->n_reloads;
  save_staff (store, "es-2");
  g_assert_cmpuint (reloads_after_write (section), ==, before);
  save_staff (store_b, "es-3");
  g_assert_cmpuint (reloads_after_write (section), ==, before + 1);

  /* Another context: the old one is let go, the new store followed. */
  cl_context_set_store (other, store);
  cl_patient_section_set_context (CL_PATIENT_SECTION (section), other);
  g_assert_cmpuint (section->n_context_changes, ==, 2);
  g_assert_true (cl_patient_section_get_store (CL_PATIENT_SECTION (section)) == store);
  before = section->n_reloads;
  cl_context_set_user (context, "wang", "case_manager");
  cl_context_set_store (context, NULL);
  save_staff (store_b, "es-4");
  g_assert_cmpuint (reloads_after_write (section), ==, before);
  save_staff (store, "es-5");
  g_assert_cmpuint (reloads_after_write (section), ==, before + 1);

  /* Gone: a later write reaches nothing. */
  g_object_run_dispose (G_OBJECT (section));
  g_assert_null (cl_patient_section_get_store (CL_PATIENT_SECTION (section)));
  save_staff (store, "es-6");
  g_assert_cmpuint (reloads_after_write (section), ==, before + 1);
  g_object_unref (section);

  g_clear_object (&store);
  g_clear_object (&store_b);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  cl_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/patient-section/follows", test_section_follows);

  return g_test_run ();
}
