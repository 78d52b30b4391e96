#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "cl-blob-sync.h"
#include "cl-document-access.h"
#include "cl-document-store.h"
#include "cl-sync-server.h"
#include "cl-test-pdf.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* CARELINE_TODAY is 2026-11-23 in the test environment (meson). */

typedef CLTestStoreFixture Fixture;

/* Files under DATA_DIR/documents, however deep. */
static guint
count_blobs (const char *dir)
{
  g_autofree char *docs = g_build_filename (dir, "documents", NULL);
  g_autoptr(GDir) top = g_dir_open (docs, 0, NULL);
  const char *name;
  guint n = 0;

  if (top == NULL)
    return 0;
  while ((name = g_dir_read_name (top)))
    {
      g_autofree char *sub = g_build_filename (docs, name, NULL);
      g_autoptr(GDir) d = g_dir_open (sub, 0, NULL);

      while (d && g_dir_read_name (d))
        n++;
    }
  return n;
}

static CLDocument *
meta (const char *patient_id,
      const char *kind,
      const char *check_date,
      const char *visit)
{
  CLDocument *m = cl_document_new ();

  cl_document_set_patient_id (m, patient_id);
  cl_document_set_pregnancy_id (m, "preg-1");
  cl_document_set_kind (m, kind);
  cl_document_set_check_date (m, check_date);
  cl_document_set_visit (m, visit);
  cl_document_set_note (m, "Fasting");
  return m;
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      len)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "nt-scan.pdf", NULL);
  g_autoptr(CLDocument) m = meta ("patient-1", "ultrasound", "2026-11-20", "v06");
  g_autoptr(CLDocument) doc = NULL;
  g_autoptr(CLDocument) again = NULL;
  g_autoptr(CLDocument) other = NULL;
  g_autoptr(CLDocument) m2 = meta ("patient-2", "blood", "2026-11-21", NULL);
  g_autofree char *blob = NULL;
  g_autofree char *original = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *expected_sha = NULL;
  gsize original_len, stored_len;
  g_autoptr(GPtrArray) list = NULL;

  cl_test_pdf_write_text (pdf, 3, "nuchal");
  doc = cl_document_store_import (f->store, pdf, NULL, m, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (cl_document_get_filename (doc), ==, "nt-scan.pdf");
  g_assert_cmpstr (cl_document_get_title (doc), ==, "Check report");
  g_assert_cmpint (cl_document_get_pages (doc), ==, 3);
  g_assert_cmpstr (cl_document_get_visit (doc), ==, "v06");
  g_assert_cmpstr (cl_document_get_kind (doc), ==, "ultrasound");

  /* Content-addressed: documents/ab/<sha256>.pdf, the very bytes. */
  g_assert_true (g_file_get_contents (pdf, &original, &original_len, NULL));
  expected_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) original, original_len);
  g_assert_cmpstr (cl_document_get_sha256 (doc), ==, expected_sha);
  blob = cl_document_store_blob_path (f->store, expected_sha);
  g_assert_true (strstr (blob, "/documents/") != NULL);
  g_assert_true (g_str_has_suffix (blob, ".pdf"));
  g_assert_true (g_file_get_contents (blob, &stored, &stored_len, NULL));
  g_assert_cmpmem (original, original_len, stored, stored_len);
  g_assert_cmpint (cl_document_get_size (doc), ==, (gint64) original_len);

  /* The record and its outbox entry, one transaction. */
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM document WHERE deleted = 0"), ==, 1);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM outbox WHERE tbl = 'document'"), ==, 1);

  /* The same file for her again: refused, nothing added. */
  again = cl_document_store_import (f->store, pdf, NULL, m, &error);
  g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_DUPLICATE);
  g_assert_null (again);
  g_clear_error (&error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM document"), ==, 1);

  /* For another patient: a record of its own, the file stored once. */
  other = cl_document_store_import (f->store, pdf, NULL, m2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_document_get_sha256 (other), ==, expected_sha);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM document"), ==, 2);
  g_assert_cmpuint (count_blobs (f->dir), ==, 1);

  list = cl_document_store_list (f->store, "patient-1");
  g_assert_cmpuint (list->len, ==, 1);

  /* Misfiled: out of her list, the shared file stays. */
  g_assert_true (cl_document_store_remove (f->store, doc, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cl_document_store_list (f->store, "patient-1");
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM document WHERE deleted = 1"), ==, 1);
  g_assert_true (g_file_test (blob, G_FILE_TEST_IS_REGULAR));
  /* Filed again after a removal: allowed. */
  g_clear_object (&again);
  again = cl_document_store_import (f->store, pdf, NULL, m, &error);
  g_assert_no_error (error);
}

static void
test_blob_path (Fixture       *f,
                gconstpointer  data)
{
  const char *sha = "ab00000000000000000000000000000000000000000000000000000000000001";
  g_autofree char *path = cl_document_store_blob_path (f->store, sha);
  g_autofree char *expected = g_build_filename (f->dir, "documents", "ab",
                                                "ab00000000000000000000000000000000000000000000000000000000000001.pdf",
                                                NULL);
  g_autoptr(GBytes) wrong = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (path, ==, expected);
  /* Bytes that do not hash to the address are never stored. */
  g_assert_false (cl_document_store_write_blob (f->store, sha, wrong, &error));
  g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_DAMAGED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Imports @path and expects @code: a message, nothing stored. */
static void
expect_refused (Fixture    *f,
                const char *path,
                const char *password,
                gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CLDocument) m = meta ("patient-1", "blood", "2026-11-20", NULL);
  g_autoptr(CLDocument) doc = NULL;
  gint64 outbox = cl_test_store_count (f->store, "SELECT count(*) FROM outbox");

  doc = cl_document_store_import (f->store, path, password, m, &error);
  g_assert_null (doc);
  g_assert_error (error, CL_DOCUMENT_ERROR, code);
  g_assert_true (g_utf8_strlen (error->message, -1) > 10);
  g_test_message ("%s", error->message);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM document"), ==, 0);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM outbox"), ==, outbox);
  g_assert_cmpuint (count_blobs (f->dir), ==, 0);
}

static void
test_not_pdf (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = write_file (f, "photo.pdf",
                                      "\x89PNG\r\n\x1a\n this is a picture, renamed", -1);

  expect_refused (f, path, NULL, CL_DOCUMENT_ERROR_NOT_PDF);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "full.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  gsize len;

  cl_test_pdf_write_text (pdf, 4, "cut");
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_cmpint (g_unlink (pdf), ==, 0);
  /* A download that stopped half-way. */
  path = write_file (f, "cut.pdf", contents, len / 2);
  expect_refused (f, path, NULL, CL_DOCUMENT_ERROR_DAMAGED);
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  /* Looks like a PDF at both ends, has nothing Poppler can read. */
  g_autofree char *path = write_file (f, "corrupt.pdf",
                                      "%PDF-1.7\n1 0 obj << /Garbage [ ( >> endobj\n"
                                      "trailer << /Root 9 0 R >>\n%%EOF\n", -1);

  expect_refused (f, path, NULL, CL_DOCUMENT_ERROR_DAMAGED);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = write_file (f, "empty.pdf", "", 0);

  expect_refused (f, path, NULL, CL_DOCUMENT_ERROR_EMPTY);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.pdf", NULL);
  FILE *file = g_fopen (path, "wb");

  /* A sparse file one byte over the limit, starting like a PDF. */
  g_assert_nonnull (file);
  fputs ("%PDF-1.7\n", file);
  g_assert_cmpint (fseek (file, CL_DOCUMENT_MAX_SIZE, SEEK_SET), ==, 0);
  fputc ('\n', file);
  fclose (file);
  expect_refused (f, path, NULL, CL_DOCUMENT_ERROR_TOO_LARGE);
}

/* tests/data/encrypted.pdf: a one-page cairo PDF encrypted once with
 * `qpdf --encrypt careline careline-owner 256 -- plain.pdf encrypted.pdf`
 * (AES-256, user password "careline"); committed, so the tests need no
 * qpdf. */
static void
test_encrypted (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "encrypted.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CLDocument) m = meta ("patient-1", "ultrasound", "2026-11-20", "v20");
  g_autoptr(CLDocument) doc = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  PopplerDocument *plain;
  PopplerPage *page;

  expect_refused (f, path, NULL, CL_DOCUMENT_ERROR_NEEDS_PASSWORD);
  expect_refused (f, path, "wrong", CL_DOCUMENT_ERROR_WRONG_PASSWORD);

  doc = cl_document_store_import (f->store, path, "careline", m, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  /* Stored without its password, text still text. */
  blob = cl_document_store_blob_path (f->store, cl_document_get_sha256 (doc));
  uri = g_filename_to_uri (blob, NULL, NULL);
  plain = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (plain, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Encrypted ultrasound report"));
  g_object_unref (page);
  g_object_unref (plain);
}

static void
test_validate (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "r.pdf", NULL);
  struct { const char *kind, *date, *visit, *field; } cases[] = {
    { "xray", "2026-11-20", NULL, "kind" },
    { NULL, "2026-11-20", NULL, "kind" },
    { "ogtt", "2026-11-24", NULL, "check_date" },   /* tomorrow */
    { "ogtt", "20.11.2026", NULL, "check_date" },
    { "ogtt", NULL, NULL, "check_date" },
    { "ogtt", "2026-11-20", "v07", "visit" },
  };

  cl_test_pdf_write_text (pdf, 1, "x");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CLDocument) m = meta ("patient-1", cases[i].kind, cases[i].date, cases[i].visit);
      g_autoptr(GHashTable) errors = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CLDocument) doc = NULL;

      g_assert_false (cl_document_validate (m, &errors, NULL));
      g_assert_true (g_hash_table_contains (errors, cases[i].field));
      doc = cl_document_store_import (f->store, pdf, NULL, m, &error);
      g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_INVALID);
      g_assert_null (doc);
    }
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM document"), ==, 0);
  g_assert_cmpuint (count_blobs (f->dir), ==, 0);
}

/* Editing a filed report's details: the import's checks, the record
 * and its outbox entry, the file untouched. */
static void
test_update_details (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "scan.pdf", NULL);
  g_autoptr(CLDocument) m = meta ("patient-1", "ultrasound", "2026-11-20", "v06");
  g_autoptr(CLDocument) doc = NULL;
  g_autoptr(CLDocument) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  gint64 outbox, imported_at;
  struct { const char *kind, *date, *visit, *field; } bad[] = {
    { "xray", "2026-11-20", NULL, "kind" },
    { "ogtt", "2026-11-24", NULL, "check_date" },   /* tomorrow */
    { "ogtt", "", NULL, "check_date" },
    { "ogtt", "2026-11-20", "v07", "visit" },
  };

  cl_test_pdf_write_text (pdf, 2, "nuchal");
  doc = cl_document_store_import (f->store, pdf, NULL, m, &error);
  g_assert_no_error (error);
  sha = g_strdup (cl_document_get_sha256 (doc));
  imported_at = cl_document_get_imported_at (doc);

  /* Refused like at import: the field's message, nothing written. */
  outbox = cl_store_count_outbox (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CLDocument) details = meta ("patient-1", bad[i].kind, bad[i].date, bad[i].visit);
      g_autoptr(GHashTable) errors = NULL;

      g_assert_false (cl_document_store_update_details (f->store, doc, details, &errors, &error));
      g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_true (g_hash_table_contains (errors, bad[i].field));
      g_assert_cmpstr (cl_document_get_kind (doc), ==, "ultrasound");
    }
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, outbox);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM document WHERE kind = 'ultrasound'"
                                                  " AND check_date = '2026-11-20' AND visit = 'v06'"), ==, 1);

  /* Accepted: the four fields change, the file and its facts do not. */
  {
    g_autoptr(CLDocument) details = meta ("patient-1", "ogtt", "2026-11-18", NULL);

    cl_document_set_note (details, "75 g, repeated");
    /* Whatever else it carries is not taken. */
    cl_document_set_sha256 (details, "0000");
    cl_document_set_filename (details, "other.pdf");
    cl_document_set_pages (details, 99);
    g_assert_true (cl_document_store_update_details (f->store, doc, details, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, outbox + 1);
  stored = CL_DOCUMENT (cl_store_load_record (f->store, CL_TYPE_DOCUMENT, cl_record_get_id (CL_RECORD (doc)), NULL));
  g_assert_cmpstr (cl_document_get_kind (stored), ==, "ogtt");
  g_assert_cmpstr (cl_document_get_check_date (stored), ==, "2026-11-18");
  g_assert_null (cl_document_get_visit (stored));
  g_assert_cmpstr (cl_document_get_note (stored), ==, "75 g, repeated");
  g_assert_cmpstr (cl_document_get_sha256 (stored), ==, sha);
  g_assert_cmpstr (cl_document_get_filename (stored), ==, "scan.pdf");
  g_assert_cmpint (cl_document_get_pages (stored), ==, 2);
  g_assert_cmpint (cl_document_get_imported_at (stored), ==, imported_at);
  g_assert_cmpstr (cl_document_get_kind (doc), ==, "ogtt");
  g_assert_cmpuint (count_blobs (f->dir), ==, 1);

  /* Removed meanwhile (another desk): not brought back. */
  {
    g_autoptr(CLDocument) old = CL_DOCUMENT (cl_record_dup (CL_RECORD (doc)));
    g_autoptr(CLDocument) details = meta ("patient-1", "blood", "2026-11-18", NULL);

    g_assert_true (cl_document_store_remove (f->store, doc, &error));
    outbox = cl_store_count_outbox (f->store);
    g_assert_false (cl_document_store_update_details (f->store, old, details, NULL, &error));
    g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_MISSING);
    g_assert_cmpint (cl_store_count_outbox (f->store), ==, outbox);
    g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM document WHERE deleted = 0"), ==, 0);
  }
}

static void
test_visits (void)
{
  g_auto(GStrv) keys = cl_document_visit_keys ();
  g_autofree char *first = cl_document_visit_label ("v06");
  g_autofree char *weekly = cl_document_visit_label ("v38");
  const char *expected[] = { "v06", "v14", "v20", "v25", "v29", "v33", "v37", "v38", "v39", "v40", "v41", "pp42" };

  g_assert_cmpuint (g_strv_length (keys), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (keys[i], ==, expected[i]);
  g_assert_cmpstr (first, ==, "First visit · 6+0–13+6 wk");
  g_assert_cmpstr (weekly, ==, "38 weeks");
  g_assert_null (cl_document_visit_label ("v07"));

  /* EDD 2027-03-01: 2026-11-20 is 25+4 weeks, in the 25+0–28+6 window;
   * 2026-06-01 is before the first visit. */
  {
    g_autofree char *v25 = cl_document_visit_for_date ("2027-03-01", "2026-11-20");
    g_autofree char *none = cl_document_visit_for_date ("2027-03-01", "2026-06-01");
    g_autofree char *bad = cl_document_visit_for_date ("2027-03-01", "soon");

    g_assert_cmpstr (v25, ==, "v25");
    g_assert_null (none);
    g_assert_null (bad);
  }
}

static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  struct { const char *name, *kind, *date, *visit; } files[] = {
    { "a.pdf", "blood", "2026-05-01", "v06" },
    { "b.pdf", "ultrasound", "2026-07-01", "v20" },
    { "c.pdf", "blood", "2026-07-03", "v20" },
    { "d.pdf", "blood", "2026-07-09", "v20" },
    { "e.pdf", "other", "2026-08-01", NULL },
  };
  const char *order[] = { "b.pdf", "d.pdf", "c.pdf", "a.pdf", "e.pdf" };
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i].name, NULL);
      g_autoptr(CLDocument) m = meta ("patient-1", files[i].kind, files[i].date, files[i].visit);
      g_autoptr(CLDocument) doc = NULL;
      g_autoptr(GError) error = NULL;

      cl_test_pdf_write_text (path, 1, files[i].name);
      doc = cl_document_store_import (f->store, path, NULL, m, &error);
      g_assert_no_error (error);
    }
  list = cl_document_store_list (f->store, "patient-1");
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (cl_document_get_filename (g_ptr_array_index (list, i)), ==, order[i]);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static void
test_open_local (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "r.pdf", NULL);
  g_autoptr(CLDocument) m = meta ("patient-1", "nst", "2026-11-20", "v37");
  g_autoptr(CLDocument) doc = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CLDocument) missing = NULL;

  cl_test_pdf_write_text (pdf, 1, "x");
  doc = cl_document_store_import (f->store, pdf, NULL, m, &error);
  g_assert_no_error (error);

  /* Opening the cached file still leaves an access record for the
   * audit log, in the outbox. */
  cl_blob_sync_open_async (f->store, NULL, doc, NULL, open_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  path = cl_blob_sync_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM document_access"), ==, 1);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM outbox WHERE tbl = 'document_access'"), ==, 1);

  /* A record whose file never reached this desk, no server: a message. */
  missing = CL_DOCUMENT (cl_record_dup (CL_RECORD (doc)));
  cl_document_set_sha256 (missing, "ff00000000000000000000000000000000000000000000000000000000000000");
  g_clear_object (&result);
  cl_blob_sync_open_async (f->store, NULL, missing, NULL, open_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&path, g_free);
  path = cl_blob_sync_open_finish (result, &error);
  g_assert_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_MISSING);
  g_assert_null (path);
}

static const char *
push_one (CLStore    *store,
          const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) results = NULL;
  JsonArray *changes;
  static char status[64];

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  changes = cl_sync_server_check_push (json_parser_get_root (parser), 10, &error);
  g_assert_no_error (error);
  results = cl_sync_server_apply_changes (store, changes, "wang", "case_manager", NULL, &error);
  g_assert_no_error (error);
  g_strlcpy (status, json_object_get_string_member (json_array_get_object_element (results, 0), "status"),
             sizeof status);
  return status;
}

/* The server applies a desk's pushes by the same rules. */
static void
test_server_rules (Fixture       *f,
                   gconstpointer  data)
{
  const char *sha = "ab00000000000000000000000000000000000000000000000000000000000001";
  g_autofree char *bad_kind = g_strdup_printf (
    "{\"changes\": [{\"key\": \"k1\", \"table\": \"document\", \"id\": \"d1\", \"base_rev\": 0,"
    " \"op\": \"upsert\", \"data\": {\"patient_id\": \"p1\", \"sha256\": \"%s\","
    " \"kind\": \"xray\", \"check_date\": \"2026-11-20\"}}]}", sha);
  g_autofree char *bad_sha = g_strdup (
    "{\"changes\": [{\"key\": \"k2\", \"table\": \"document\", \"id\": \"d1\", \"base_rev\": 0,"
    " \"op\": \"upsert\", \"data\": {\"patient_id\": \"p1\", \"sha256\": \"../../etc\","
    " \"kind\": \"nst\", \"check_date\": \"2026-11-20\"}}]}");
  g_autofree char *good = g_strdup_printf (
    "{\"changes\": [{\"key\": \"k3\", \"table\": \"document\", \"id\": \"d1\", \"base_rev\": 0,"
    " \"op\": \"upsert\", \"data\": {\"patient_id\": \"p1\", \"sha256\": \"%s\","
    " \"kind\": \"nst\", \"check_date\": \"2026-11-20\", \"visit\": \"v37\"}}]}", sha);
  const char *opened =
    "{\"changes\": [{\"key\": \"k4\", \"table\": \"document_access\", \"id\": \"a1\", \"base_rev\": 0,"
    " \"op\": \"upsert\", \"data\": {\"document_id\": \"d1\", \"patient_id\": \"p1\", \"opened_at\": 1795000000}}]}";
  g_autofree char *rewrite = NULL;
  g_autoptr(JsonArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rev;

  g_assert_cmpstr (push_one (f->store, bad_kind), ==, "rejected");
  g_assert_cmpstr (push_one (f->store, bad_sha), ==, "rejected");
  g_assert_cmpstr (push_one (f->store, good), ==, "applied");
  g_assert_cmpstr (push_one (f->store, opened), ==, "applied");

  /* An access record is never rewritten, even by its own desk. */
  rev = cl_test_store_count (f->store, "SELECT rev FROM document_access WHERE id = 'a1'");
  rewrite = g_strdup_printf (
    "{\"changes\": [{\"key\": \"k5\", \"table\": \"document_access\", \"id\": \"a1\", \"base_rev\": %d,"
    " \"op\": \"upsert\", \"data\": {\"document_id\": \"d2\", \"patient_id\": \"p1\", \"opened_at\": 1}}]}",
    (int) rev);
  g_assert_cmpstr (push_one (f->store, rewrite), ==, "rejected");

  audit = cl_sync_server_read_audit (f->store, "p1", &error);
  g_assert_no_error (error);
  {
    guint opens = 0;

    for (guint i = 0; i < json_array_get_length (audit); i++)
      {
        JsonObject *line = json_array_get_object_element (audit, i);

        if (g_strcmp0 (json_object_get_string_member (line, "action"), "open-document") == 0)
          {
            g_assert_cmpstr (json_object_get_string_member (line, "record_id"), ==, "d1");
            opens++;
          }
      }
    g_assert_cmpuint (opens, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  cl_test_store_add ("/document/" name, func)
  ADD ("import", test_import);
  ADD ("blob-path", test_blob_path);
  ADD ("bad/not-pdf", test_not_pdf);
  ADD ("bad/truncated", test_truncated);
  ADD ("bad/corrupt", test_corrupt);
  ADD ("bad/empty", test_empty);
  ADD ("bad/too-large", test_too_large);
  ADD ("bad/encrypted", test_encrypted);
  ADD ("validate", test_validate);
  ADD ("update-details", test_update_details);
  ADD ("list-order", test_list_order);
  ADD ("open-local", test_open_local);
  ADD ("server-rules", test_server_rules);
#undef ADD
  g_test_add_func ("/document/visits", test_visits);

  return g_test_run ();
}
