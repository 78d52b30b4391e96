/* cl-server-documents.c
 *
 * /documents/SHA256: storing (PUT) and fetching (GET) the PDF files
 * of the archive, addressed by their content, each access audited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-pdf-check.h"
#include "cl-server-private.h"

/* Who may call what, besides the per-table rules of cl-tables.c (the
 * README's "Roles" section mirrors this). */
static const char * const document_readers[] = { "admin", "case_manager", "service_desk", NULL };
/* The service desk files inspection photos and PDFs
 * (inspection_attachment) as the same content-addressed, checked
 * PDFs. */
static const char * const document_writers[] = { "admin", "case_manager", "service_desk", NULL };

static gboolean
is_sha256 (const char *text)
{
  return strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;
}

static char *
document_path (CLServer   *self,
               const char *sha256)
{
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (self->documents_dir, prefix, sha256, NULL);
}

typedef struct
{
  CLServer          *server;
  SoupServerMessage *msg;
  GBytes            *bytes;
  char              *sha256;
  char              *username;
  char              *role;
  char              *patient_id;
} PutData;

static void
put_data_free (PutData *data)
{
  g_object_unref (data->server);
  g_object_unref (data->msg);
  g_bytes_unref (data->bytes);
  g_free (data->sha256);
  g_free (data->username);
  g_free (data->role);
  g_free (data->patient_id);
  g_free (data);
}

/* Stores a checked (or already stored) document and answers. */
static void
store_document (PutData *data)
{
  CLServer *self = data->server;
  SoupServerMessage *msg = data->msg;
  GBytes *bytes = data->bytes;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  gboolean existed;

  path = document_path (self, data->sha256);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!existed)
    {
      dir = g_path_get_dirname (path);
      /* g_file_set_contents writes a temporary file and renames it, so
       * a crash never leaves half a document under its final name. */
      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0600, &error))
        {
          g_autoptr(GError) io_error = error ? g_steal_pointer (&error)
                                             : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, path);
          cl_server_send_store_error (msg, io_error);
          return;
        }
    }

  cl_server_audit (self, data->username, data->role, "put-document", "document", data->sha256,
                   data->patient_id, SOUP_STATUS_OK, NULL);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, data->sha256);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, g_bytes_get_size (bytes));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  cl_server_send_json (msg, existed ? SOUP_STATUS_OK : SOUP_STATUS_CREATED, root);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PutData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (cl_pdf_check_finish (result, &error))
    store_document (data);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (data->msg), "Retry-After", "5");
      cl_server_send_error (data->msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "busy", error->message);
    }
  else if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_INVALID_DATA)
    cl_server_send_error (data->msg, SOUP_STATUS_BAD_REQUEST, "not_pdf", error->message);
  else
    cl_server_send_store_error (data->msg, error);
  soup_server_message_unpause (data->msg);
  put_data_free (data);
}

static void
put_document (CLServer          *self,
              SoupServerMessage *msg,
              const char        *sha256,
              const char        *username,
              const char        *role,
              const char        *patient_id)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autofree char *actual = NULL;
  g_autofree char *path = NULL;
  PutData *data;

  if (g_bytes_get_size (bytes) == 0)
    {
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "not_pdf", _("The document is empty"));
      return;
    }
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (!g_str_equal (actual, sha256))
    {
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "checksum_mismatch",
                            _("The document does not match its SHA-256 in the address"));
      return;
    }

  data = g_new0 (PutData, 1);
  data->server = g_object_ref (self);
  data->msg = g_object_ref (msg);
  data->bytes = g_bytes_ref (bytes);
  data->sha256 = g_strdup (sha256);
  data->username = g_strdup (username);
  data->role = g_strdup (role);
  data->patient_id = g_strdup (patient_id);

  /* A file stored under this address was checked when it came. */
  path = document_path (self, sha256);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      store_document (data);
      put_data_free (data);
      return;
    }
  /* Poppler never runs in the server on what a client sent
   * (cl-pdf-check.h); the request waits for the checker. */
  soup_server_message_pause (msg);
  cl_pdf_check_async (bytes, NULL, checked_cb, data);
}

static void
get_document (CLServer          *self,
              SoupServerMessage *msg,
              const char        *sha256,
              const char        *username,
              const char        *role,
              const char        *patient_id)
{
  g_autofree char *path = document_path (self, sha256);
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  file = g_mapped_file_new (path, FALSE, NULL);
  /* Opening a patient's report is what privacy rules ask to be able to
   * trace, so attempts are recorded as well as successes. */
  cl_server_audit (self, username, role, "open-document", "document", sha256, patient_id,
                   file ? SOUP_STATUS_OK : SOUP_STATUS_NOT_FOUND, NULL);
  if (file == NULL)
    {
      cl_server_send_not_found (msg);
      return;
    }
  bytes = g_mapped_file_get_bytes (file);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/pdf", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

void
cl_server_handle_document (CLServer          *self,
                           SoupServerMessage *msg,
                           const char        *sha256,
                           GHashTable        *query,
                           const char        *username,
                           const char        *role)
{
  const char *method = soup_server_message_get_method (msg);
  const char *patient_id = g_hash_table_lookup (query, "patient");
  gboolean put = g_str_equal (method, "PUT");

  if (!put && !g_str_equal (method, "GET"))
    {
      cl_server_send_method_not_allowed (msg, "GET, PUT");
      return;
    }
  if (!cl_server_authorize (self, msg, username, role,
                            g_strv_contains (put ? document_writers : document_readers, role),
                            patient_id))
    return;
  if (!is_sha256 (sha256))
    {
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                            _("A document is addressed by the SHA-256 of its content, in lower-case hex"));
      return;
    }
  if (put)
    put_document (self, msg, sha256, username, role, patient_id);
  else
    get_document (self, msg, sha256, username, role, patient_id);
}
