/* Patients' links in core, on a real store file: what her page calls
 * her, tokens (their shape, only their hash stored), a link's states as
 * time passes and once spent (only once), the refusals of issuing, and
 * the server's catalog reader on the built Chinese translations. */

#define G_LOG_DOMAIN "test-patient-link"

#include "config.h"

#include <string.h>

#include "cl-message-catalog.h"
#include "cl-patient-link.h"
#include "cl-patient-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

static void
test_given_name (void)
{
  static const struct { const char *name; const char *given; } cases[] = {
    { "张小梅", "小梅" },
    { "王芳", "芳" },
    { "欧阳娜娜", "娜娜" },
    { "司马光", "光" },
    { "尉迟恭", "恭" },
    { "单于", "于" },           /* two characters: 单 is her family name */
    { "  李娜 ", "娜" },
    { "Mary Smith", "Mary" },
    { "Zoë", "Zoë" },
    { "梅", "梅" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *given = cl_patient_given_name (cases[i].name);

      g_assert_cmpstr (given, ==, cases[i].given);
    }
  {
    g_autofree char *none = cl_patient_given_name (NULL);

    g_assert_cmpstr (none, ==, "");
  }
}

static void
test_issue_and_spend (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("patient-link");
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(ClStoreLink) link = NULL;
  CLPatientLinkState state;
  gint64 expires = 0;
  gboolean spent = FALSE;
  const gint64 now = 1800000000;

  cl_patient_set_name (patient, "张小梅");
  cl_patient_set_phone (patient, "13800138000");
  g_assert_true (cl_patient_store_save (store, patient, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (cl_patient_link_issue (store, cl_record_get_id (CL_RECORD (patient)), CL_PATIENT_LINK_FORM_SCALE,
                                        "epds", NULL, "chen", now, CL_PATIENT_LINK_DEFAULT_LIFETIME,
                                        &token, &expires, &error));
  g_assert_no_error (error);
  g_assert_cmpint (expires, ==, now + 7 * 24 * 3600);
  g_assert_cmpuint (strlen (token), ==, 43);
  g_assert_cmpuint (strspn (token, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), ==, 43);
  g_assert_true (cl_patient_link_issue (store, cl_record_get_id (CL_RECORD (patient)), CL_PATIENT_LINK_FORM_SCALE,
                                        "gad7", NULL, "chen", now, 60, &other, NULL, &error));
  g_assert_cmpstr (token, !=, other);

  /* The store holds the hash, never the token. */
  hash = cl_patient_link_hash (token);
  g_assert_cmpuint (strlen (hash), ==, 64);
  {
    g_autofree char *by_hash = g_strdup_printf ("SELECT count(*) FROM patient_link WHERE token_hash = '%s'", hash);
    g_autofree char *by_token = g_strdup_printf ("SELECT count(*) FROM patient_link WHERE token_hash = '%s'"
                                                 " OR patient_id = '%s' OR created_by = '%s'", token, token, token);

    g_assert_cmpint (cl_test_store_count (store, by_hash), ==, 1);
    g_assert_cmpint (cl_test_store_count (store, by_token), ==, 0);
  }

  link = cl_patient_link_lookup (store, token, now + 1, &state, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, CL_PATIENT_LINK_OPEN);
  g_assert_cmpstr (link->form_id, ==, "epds");
  g_assert_cmpstr (link->created_by, ==, "chen");
  g_clear_pointer (&link, cl_store_link_free);
  link = cl_patient_link_lookup (store, token, expires, &state, &error);
  g_assert_cmpint (state, ==, CL_PATIENT_LINK_EXPIRED);
  g_clear_pointer (&link, cl_store_link_free);

  /* Unknown or malformed: no row. */
  g_assert_null (cl_patient_link_lookup (store, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", now, &state, &error));
  g_assert_cmpint (state, ==, CL_PATIENT_LINK_UNKNOWN);
  g_assert_no_error (error);
  g_assert_null (cl_patient_link_lookup (store, "' OR 1=1 --", now, &state, &error));
  g_assert_cmpint (state, ==, CL_PATIENT_LINK_UNKNOWN);
  g_assert_null (cl_patient_link_hash ("short"));

  /* Spent once; the second try finds it spent; an expired one cannot be. */
  g_assert_true (cl_store_links_spend (store, hash, now + 5, "result-1", &spent, &error));
  g_assert_true (spent);
  g_assert_true (cl_store_links_spend (store, hash, now + 6, "result-2", &spent, &error));
  g_assert_false (spent);
  link = cl_patient_link_lookup (store, token, now + 7, &state, &error);
  g_assert_cmpint (state, ==, CL_PATIENT_LINK_SPENT);
  g_assert_cmpstr (link->record_id, ==, "result-1");
  {
    g_autofree char *other_hash = cl_patient_link_hash (other);

    g_assert_true (cl_store_links_spend (store, other_hash, now + 61, "late", &spent, &error));
    g_assert_false (spent);
  }

  cl_test_remove_tree (dir);
}

static void
test_issue_refused (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("patient-link-refused");
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  g_autoptr(CLPatient) patient = cl_patient_new ();
  const char *id;
  struct { const char *patient; const char *kind; const char *form; const char *item; gint64 lifetime; } cases[] = {
    { "nobody", CL_PATIENT_LINK_FORM_SCALE, "epds", NULL, 60 },
    { NULL, CL_PATIENT_LINK_FORM_SCALE, "nope", NULL, 60 },
    { NULL, "survey", "epds", NULL, 60 },
    { NULL, CL_PATIENT_LINK_FORM_SCALE, "epds", "no-such-item", 60 },
    { NULL, CL_PATIENT_LINK_FORM_SCALE, "epds", NULL, 0 },
  };

  cl_patient_set_name (patient, "王芳");
  cl_patient_set_phone (patient, "13900139000");
  g_assert_true (cl_patient_store_save (store, patient, NULL, NULL, NULL));
  id = cl_record_get_id (CL_RECORD (patient));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *token = NULL;

      g_assert_false (cl_patient_link_issue (store, cases[i].patient ? cases[i].patient : id, cases[i].kind,
                                             cases[i].form, cases[i].item, "chen", 1800000000, cases[i].lifetime,
                                             &token, NULL, &error));
      g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
      g_assert_null (token);
    }
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM patient_link"), ==, 0);
  cl_test_remove_tree (dir);
}

static void
test_catalog (void)
{
  const char *localedir = g_getenv ("CARELINE_LOCALEDIR");
  ClMessageCatalog *zh = cl_message_catalog_new (localedir, "zh_CN");
  ClMessageCatalog *none;

  g_test_expect_message ("cl-server", G_LOG_LEVEL_MESSAGE, "The xx_XX translations could not be read*");
  none = cl_message_catalog_new (localedir, "xx_XX");
  g_test_assert_expected_messages ();

  g_assert_nonnull (localedir);
  g_assert_cmpuint (cl_message_catalog_size (zh), >, 100);
  g_assert_cmpstr (cl_message_catalog_lookup (zh, "Send my answers"), ==, "提交我的答案");
  g_assert_cmpstr (cl_message_catalog_lookup (zh, "Hello, %s"), ==, "%s，您好");
  g_assert_cmpstr (cl_message_catalog_lookup (zh, "not a message of ours"), ==, "not a message of ours");
  g_assert_cmpuint (cl_message_catalog_size (none), ==, 0);
  g_assert_cmpstr (cl_message_catalog_lookup (none, "Send my answers"), ==, "Send my answers");
  cl_message_catalog_free (zh);
  cl_message_catalog_free (none);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/patient-link/given-name", test_given_name);
  g_test_add_func ("/patient-link/issue-and-spend", test_issue_and_spend);
  g_test_add_func ("/patient-link/refused", test_issue_refused);
  g_test_add_func ("/patient-link/catalog", test_catalog);
  return g_test_run ();
}
