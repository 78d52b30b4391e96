#define G_LOG_DOMAIN "test-blob-sync"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cl-blob-sync.h"
#include "cl-document-access.h"
#include "cl-document-store.h"
#include "cl-date.h"
#include "cl-inspection-store.h"
#include "cl-staff-store.h"
#include "cl-store-inspections.h"
#include "cl-store-private.h"
#include "cl-store.h"
#include "cl-sync-client.h"
#include "cl-test-pdf.h"
#include "cl-test-util.h"

/* The archive's PDFs between two desks and the real careline-server:
 * desk A files a report, desk B pulls its record, opens it (the file is
 * fetched on demand) and gets the same bytes; every opening, also of
 * the cached file, is in the server's audit log. */

#define PASSWORD "correct horse battery staple"
#define PATIENT "patient-42"

static const char *server_binary;

typedef struct
{
  char         *dir;
  CLStore      *store;
  CLSyncClient *client;
} Desk;

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
desk_sync (Desk *desk)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cl_sync_client_sync_async (desk->client, NULL, got_result_cb, &result);
  cl_sync_client_sync_finish (desk->client, wait_for (&result), &error);
  g_assert_no_error (error);
}

static void
desk_open (Desk       *desk,
           const char *root,
           const char *name,
           const char *url,
           const char *user)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  desk->dir = g_build_filename (root, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (desk->dir, 0700), ==, 0);
  db = g_build_filename (desk->dir, "careline.db", NULL);
  desk->store = cl_store_open (db, &error);
  g_assert_no_error (error);
  desk->client = cl_sync_client_new (desk->store);
  cl_sync_client_set_server_url (desk->client, url);
  cl_sync_client_login_async (desk->client, user, PASSWORD, NULL, got_result_cb, &result);
  cl_sync_client_login_finish (desk->client, wait_for (&result), &error);
  g_assert_no_error (error);
  desk_sync (desk);
}

static void
desk_close (Desk *desk)
{
  g_clear_object (&desk->client);
  g_clear_object (&desk->store);
  g_clear_pointer (&desk->dir, g_free);
}

static char *
open_document (Desk       *desk,
               CLDocument *document)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  cl_blob_sync_open_async (desk->store, desk->client, document, NULL, got_result_cb, &result);
  path = cl_blob_sync_open_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  return path;
}

static char *
audit_of (const char *db,
          const char *patient)
{
  const char *argv[] = { server_binary, "audit", "--db", db, "--patient", patient, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

static guint
count_lines_with (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)); p += strlen (needle))
    n++;
  return n;
}

static void
test_two_desks (void)
{
  g_autofree char *root = cl_test_make_tmp_dir ("blob-sync");
  g_autofree char *server_db = g_build_filename (root, "server.db", NULL);
  g_autofree char *pdf = g_build_filename (root, "ogtt.pdf", NULL);
  g_autofree char *url = NULL;
  g_autofree char *server_blob = NULL;
  g_autofree char *path_b = NULL;
  g_autofree char *again = NULL;
  g_autofree char *original = NULL, *fetched = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *needle = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(CLDocument) meta = cl_document_new ();
  g_autoptr(CLDocument) filed = NULL;
  g_autoptr(GPtrArray) at_b = NULL;
  g_autoptr(GError) error = NULL;
  gsize original_len, fetched_len;
  Desk a = { 0 }, b = { 0 };
  CLDocument *doc_b;
  const char *sha;

  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "wang",
                                           "--role", "case_manager", "--db", server_db, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "li",
                                           "--role", "service_desk", "--db", server_db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, server_db, &url);

  desk_open (&a, root, "desk-a", url, "wang");
  desk_open (&b, root, "desk-b", url, "li");

  /* Desk A files a report; its push puts the PDF up first. */
  cl_test_pdf_write_text (pdf, 2, "glucose");
  cl_document_set_patient_id (meta, PATIENT);
  cl_document_set_kind (meta, "ogtt");
  cl_document_set_check_date (meta, "2026-11-20");
  cl_document_set_visit (meta, "v25");
  filed = cl_document_store_import (a.store, pdf, NULL, meta, &error);
  g_assert_no_error (error);
  sha = cl_document_get_sha256 (filed);
  desk_sync (&a);
  g_assert_cmpint (cl_store_count_outbox (a.store), ==, 0);
  {
    char prefix[3] = { sha[0], sha[1], 0 };
    server_blob = g_build_filename (root, "documents", prefix, sha, NULL);
  }
  g_assert_true (g_file_test (server_blob, G_FILE_TEST_IS_REGULAR));

  /* Desk B pulls the record, not the file … */
  desk_sync (&b);
  at_b = cl_document_store_list (b.store, PATIENT);
  g_assert_cmpuint (at_b->len, ==, 1);
  doc_b = g_ptr_array_index (at_b, 0);
  g_assert_cmpstr (cl_document_get_sha256 (doc_b), ==, sha);
  g_assert_false (cl_document_store_has_blob (b.store, sha));

  /* … and fetches it when the report is opened: the same bytes. */
  path_b = open_document (&b, doc_b);
  g_assert_true (g_file_get_contents (pdf, &original, &original_len, NULL));
  g_assert_true (g_file_get_contents (path_b, &fetched, &fetched_len, NULL));
  g_assert_cmpmem (original, original_len, fetched, fetched_len);
  g_assert_true (g_str_has_prefix (path_b, b.dir));

  /* Opened again from the cache: no download, still an audit line. */
  again = open_document (&b, doc_b);
  g_assert_cmpstr (again, ==, path_b);
  desk_sync (&b);
  g_assert_cmpint (cl_store_count_outbox (b.store), ==, 0);

  audit = audit_of (server_db, PATIENT);
  g_test_message ("%s", audit);
  needle = g_strdup_printf ("li\tservice_desk\topen-document\tdocument\t%s\t" PATIENT "\t200",
                            cl_record_get_id (CL_RECORD (doc_b)));
  g_assert_cmpuint (count_lines_with (audit, needle), ==, 2);
  g_assert_nonnull (strstr (audit, "wang\tcase_manager\tput-document\tdocument"));
  /* Access records stay on the server: desk A never pulls them. */
  desk_sync (&a);
  {
    g_autoptr(GPtrArray) seen = cl_store_query_records (a.store, CL_TYPE_DOCUMENT_ACCESS, NULL, NULL);
    g_assert_cmpuint (seen->len, ==, 0);
  }

  desk_close (&a);
  desk_close (&b);
  g_subprocess_send_signal (server, 15);
  g_subprocess_wait (server, NULL, NULL);
  cl_test_remove_tree (root);
}

/* An inspection's photo goes the same way: the service desk that
 * attaches it uploads it with the push (the server checks the PDF it
 * is filed as), and another desk fetches it when opened, unaudited,
 * since it is no patient's. */
static void
test_inspection_attachment (void)
{
  g_autofree char *root = cl_test_make_tmp_dir ("blob-sync-inspection");
  g_autofree char *server_db = g_build_filename (root, "server.db", NULL);
  g_autofree char *url = NULL;
  g_autofree char *server_blob = NULL;
  g_autofree char *today = NULL;
  g_autofree char *fetched = NULL;
  g_autofree char *original = NULL, *copy = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(CLStaff) inspector = cl_staff_new ("zhou", "周质控", CL_ROLE_SERVICE_DESK);
  g_autoptr(CLInspection) inspection = cl_inspection_new ();
  g_autoptr(CLInspectionAttachment) attachment = NULL;
  g_autoptr(GPtrArray) at_b = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const gboolean results[] = { TRUE, TRUE, TRUE, TRUE };
  gsize original_len, copy_len;
  cairo_surface_t *image;
  Desk admin = { 0 }, a = { 0 }, b = { 0 };
  GDate date;
  const char *sha;

  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "boss",
                                           "--role", "admin", "--db", server_db, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "li",
                                           "--role", "service_desk", "--db", server_db, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "zhao",
                                           "--role", "service_desk", "--db", server_db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, server_db, &url);
  desk_open (&admin, root, "desk-admin", url, "boss");
  desk_open (&a, root, "desk-a", url, "li");
  desk_open (&b, root, "desk-b", url, "zhao");

  /* The inspector is staff, kept by an administrator. */
  cl_staff_set_active (inspector, TRUE);
  g_assert_true (cl_staff_store_save (admin.store, inspector, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  desk_sync (&admin);
  desk_sync (&a);

  cl_date_today (&date);
  today = cl_date_to_iso (&date);
  cl_inspection_set_date (inspection, today);
  cl_inspection_set_inspector_id (inspection, cl_record_get_id (CL_RECORD (inspector)));
  cl_inspection_set_post (inspection, "门诊服务中心");
  cl_inspection_set_results (inspection, results);
  g_assert_true (cl_inspection_store_save (a.store, inspection, NULL, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 48);
  attachment = cl_inspection_store_attach_photo (a.store, cl_record_get_id (CL_RECORD (inspection)), image,
                                                 "现场.jpg", CL_ROLE_SERVICE_DESK, &error);
  cairo_surface_destroy (image);
  g_assert_no_error (error);
  sha = cl_inspection_attachment_get_sha256 (attachment);
  desk_sync (&a);
  g_assert_cmpint (cl_store_count_outbox (a.store), ==, 0);
  {
    char prefix[3] = { sha[0], sha[1], 0 };
    server_blob = g_build_filename (root, "documents", prefix, sha, NULL);
  }
  g_assert_true (g_file_test (server_blob, G_FILE_TEST_IS_REGULAR));

  /* Desk B has the record, not the file, until it opens it. */
  desk_sync (&b);
  at_b = cl_store_inspection_attachments (b.store, cl_record_get_id (CL_RECORD (inspection)));
  g_assert_cmpuint (at_b->len, ==, 1);
  g_assert_false (cl_document_store_has_blob (b.store, sha));
  cl_blob_sync_fetch_async (b.store, b.client, sha, NULL, got_result_cb, &result);
  fetched = cl_blob_sync_open_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (server_blob, &original, &original_len, NULL));
  g_assert_true (g_file_get_contents (fetched, &copy, &copy_len, NULL));
  g_assert_cmpmem (original, original_len, copy, copy_len);
  /* Nothing to audit: no document_access was written. */
  g_assert_cmpint (cl_store_count_outbox (b.store), ==, 0);

  desk_close (&admin);
  desk_close (&a);
  desk_close (&b);
  g_subprocess_send_signal (server, 15);
  g_subprocess_wait (server, NULL, NULL);
  cl_test_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  server_binary = g_getenv ("CARELINE_SERVER");
  g_assert_nonnull (server_binary);

  g_test_add_func ("/blob-sync/two-desks", test_two_desks);
  g_test_add_func ("/blob-sync/inspection-attachment", test_inspection_attachment);
  return g_test_run ();
}
