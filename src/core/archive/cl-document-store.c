/* cl-document-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-document-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-document-access.h"
#include "cl-document-store.h"
#include "cl-store-archive.h"
#include "cl-util.h"
#include "cl-visit-guideline.h"

#define NOTE_MAX_CHARS 500

G_DEFINE_QUARK (cl-document-error-quark, cl_document_error)

gboolean
cl_document_error_is_retryable (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain != CL_DOCUMENT_ERROR)
    return TRUE;   /* reading the file failed: it may be readable later */

  switch ((ClDocumentError) error->code)
    {
    case CL_DOCUMENT_ERROR_NEEDS_PASSWORD:
    case CL_DOCUMENT_ERROR_WRONG_PASSWORD:
    case CL_DOCUMENT_ERROR_INVALID:
    case CL_DOCUMENT_ERROR_MISSING:
      return TRUE;
    case CL_DOCUMENT_ERROR_EMPTY:
    case CL_DOCUMENT_ERROR_TOO_LARGE:
    case CL_DOCUMENT_ERROR_NOT_PDF:
    case CL_DOCUMENT_ERROR_DAMAGED:
    case CL_DOCUMENT_ERROR_DUPLICATE:
    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------ */
/* What a person typed                                                 */

static void
field_error (GHashTable **errors,
             const char  *field,
             const char  *message)
{
  if (*errors == NULL)
    *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!g_hash_table_contains (*errors, field))
    g_hash_table_insert (*errors, g_strdup (field), g_strdup (message));
}

static gboolean
visit_key_valid (const char *visit)
{
  g_auto(GStrv) keys = cl_document_visit_keys ();

  return g_strv_contains ((const char * const *) keys, visit);
}

gboolean
cl_document_validate (CLDocument  *document,
                      GHashTable **field_errors,
                      GError     **error)
{
  g_autoptr(GHashTable) errors = NULL;
  const char *kind = cl_document_get_kind (document);
  const char *check_date = cl_document_get_check_date (document);
  const char *visit = cl_document_get_visit (document);
  const char *note = cl_document_get_note (document);
  GDate date, today;

  g_return_val_if_fail (CL_IS_DOCUMENT (document), FALSE);

  if (cl_str_empty (cl_document_get_patient_id (document)))
    field_error (&errors, "patient_id", _("Choose the patient first"));
  if (cl_str_empty (kind) ||
      !g_strv_contains (cl_document_kind_codes (), kind))
    field_error (&errors, "kind", _("Choose the kind of report"));
  if (cl_str_empty (check_date))
    field_error (&errors, "check_date", _("Enter the date of the check"));
  else if (!cl_date_parse (check_date, &date, NULL))
    field_error (&errors, "check_date", _("Enter the date as YYYY-MM-DD"));
  else
    {
      cl_date_today (&today);
      if (g_date_compare (&date, &today) > 0)
        field_error (&errors, "check_date", _("The check date cannot be in the future"));
    }
  if (!cl_str_empty (visit) && !visit_key_valid (visit))
    field_error (&errors, "visit", _("Choose a visit of the schedule"));
  if (note && g_utf8_strlen (note, -1) > NOTE_MAX_CHARS)
    field_error (&errors, "note", _("The note is too long (at most 500 characters)"));

  if (errors == NULL)
    return TRUE;

  {
    GHashTableIter iter;
    gpointer message;

    g_hash_table_iter_init (&iter, errors);
    g_hash_table_iter_next (&iter, NULL, &message);
    g_set_error_literal (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_INVALID, message);
  }
  if (field_errors)
    *field_errors = g_steal_pointer (&errors);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Blobs                                                               */

char *
cl_document_store_blob_path (CLStore    *store,
                             const char *sha256)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  char prefix[3] = { 0 };

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (sha256 != NULL && strlen (sha256) == 64, NULL);

  dir = g_path_get_dirname (cl_store_get_path (store));
  memcpy (prefix, sha256, 2);
  file = g_strconcat (sha256, ".pdf", NULL);
  return g_build_filename (dir, "documents", prefix, file, NULL);
}

gboolean
cl_document_store_has_blob (CLStore    *store,
                            const char *sha256)
{
  g_autofree char *path = cl_document_store_blob_path (store, sha256);

  return path && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

gboolean
cl_document_store_write_blob (CLStore    *store,
                              const char *sha256,
                              GBytes     *bytes,
                              GError    **error)
{
  g_autofree char *path = cl_document_store_blob_path (store, sha256);
  g_autofree char *dir = NULL;
  g_autofree char *actual = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error_literal (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_DAMAGED,
                           _("The document’s content does not match its checksum"));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The archive folder “%s” cannot be created: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  /* Temp file, fsync, rename: a crash never leaves half a PDF under
   * its final name. */
  return g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* ------------------------------------------------------------------ */
/* Import and listing                                                  */

static CLDocument *
find_filed (CLStore    *store,
            const char *patient_id,
            const char *sha256)
{
  return cl_store_archive_find_document (store, patient_id, sha256);
}

/* What a person types for a report (kind, check date, visit, note),
 * from @from; an empty visit or note is none. */
static void
set_details (CLDocument *document,
             CLDocument *from)
{
  cl_document_set_kind (document, cl_document_get_kind (from));
  cl_document_set_check_date (document, cl_document_get_check_date (from));
  cl_document_set_visit (document, cl_str_empty (cl_document_get_visit (from))
                                   ? NULL : cl_document_get_visit (from));
  cl_document_set_note (document, cl_str_empty (cl_document_get_note (from))
                                  ? NULL : cl_document_get_note (from));
}

CLDocument *
cl_document_store_import (CLStore    *store,
                          const char *path,
                          const char *password,
                          CLDocument *meta,
                          GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CLDocument) document = NULL;
  g_autoptr(CLDocument) filed = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;
  gint pages = 0;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (CL_IS_DOCUMENT (meta), NULL);

  if (!cl_document_validate (meta, NULL, error))
    return NULL;
  if (!(bytes = cl_document_read_pdf (path, password, &pages, &title, error)))
    return NULL;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  basename = g_path_get_basename (path);
  if ((filed = find_filed (store, cl_document_get_patient_id (meta), sha256)))
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_DUPLICATE,
                   _("“%s” is already in her archive (%s, %s)"), basename,
                   cl_document_kind_label (cl_document_get_kind (filed)),
                   cl_document_get_check_date (filed));
      return NULL;
    }

  if (!cl_document_store_write_blob (store, sha256, bytes, error))
    return NULL;

  document = cl_document_new ();
  cl_document_set_patient_id (document, cl_document_get_patient_id (meta));
  cl_document_set_pregnancy_id (document, cl_document_get_pregnancy_id (meta));
  set_details (document, meta);
  cl_document_set_sha256 (document, sha256);
  cl_document_set_filename (document, basename);
  cl_document_set_title (document, cl_str_empty (title) ? NULL : title);
  cl_document_set_size (document, (gint64) g_bytes_get_size (bytes));
  cl_document_set_pages (document, pages);
  cl_document_set_imported_at (document, g_get_real_time () / G_USEC_PER_SEC);
  cl_document_set_imported_by (document, cl_store_get_actor (store));

  if (!cl_store_save_record (store, CL_RECORD (document), error))
    return NULL;
  return g_steal_pointer (&document);
}

gboolean
cl_document_store_update_details (CLStore     *store,
                                  CLDocument  *document,
                                  CLDocument  *details,
                                  GHashTable **field_errors,
                                  GError     **error)
{
  g_autoptr(CLDocument) copy = NULL;
  g_autoptr(CLRecord) stored = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (CL_IS_DOCUMENT (details), FALSE);

  /* Only the four fields a person typed; the rest as it was read. */
  copy = CL_DOCUMENT (cl_record_dup (CL_RECORD (document)));
  set_details (copy, details);
  if (!cl_document_validate (copy, field_errors, error))
    return FALSE;

  if (!cl_store_begin (store, error))
    return FALSE;
  /* Removed at another desk since the list was shown: writing the copy
   * would bring it back. */
  stored = cl_store_load_record (store, CL_TYPE_DOCUMENT, cl_record_get_id (CL_RECORD (copy)), NULL);
  if (stored == NULL || cl_record_get_deleted (stored))
    {
      cl_store_rollback (store);
      g_set_error_literal (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_MISSING,
                           _("This report is no longer in her archive"));
      return FALSE;
    }
  if (!cl_store_write_record (store, CL_RECORD (copy), CL_WRITE_DEFAULT, &local_error))
    {
      cl_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!cl_store_commit (store, error))
    return FALSE;

  cl_record_assign (CL_RECORD (document), CL_RECORD (copy));
  return TRUE;
}

gboolean
cl_document_store_remove (CLStore    *store,
                          CLDocument *document,
                          GError    **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DOCUMENT (document), FALSE);

  return cl_store_delete_record (store, CL_RECORD (document), error);
}

GPtrArray *
cl_document_store_list (CLStore    *store,
                        const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  return cl_store_archive_documents (store, patient_id);
}

gboolean
cl_document_store_record_open (CLStore    *store,
                               CLDocument *document,
                               GError    **error)
{
  g_autoptr(CLDocumentAccess) access = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DOCUMENT (document), FALSE);

  access = cl_document_access_new (cl_record_get_id (CL_RECORD (document)),
                                   cl_document_get_patient_id (document),
                                   g_get_real_time () / G_USEC_PER_SEC);
  return cl_store_save_record (store, CL_RECORD (access), error);
}

/* ------------------------------------------------------------------ */
/* Visits                                                              */

/* The visits of the schedule in force (cl-visit-guideline.h), so the
 * reports, the ticks and the plan all use its keys. */
char **
cl_document_visit_keys (void)
{
  guint n = cl_visit_guideline_get_n_windows ();
  char **keys = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    keys[i] = g_strdup (cl_visit_guideline_get_window (i)->key);
  return keys;
}

char *
cl_document_visit_label (const char *visit)
{
  const ClVisitWindow *w;
  g_autofree char *weeks = NULL;

  if (cl_str_empty (visit) ||
      !(w = cl_visit_guideline_lookup (cl_visit_guideline_get_default (), visit)))
    return NULL;
  /* A weekly visit's name says its week already. */
  if (w->anchor != CL_VISIT_ANCHOR_PREGNANCY || w->end_day - w->start_day < 7)
    return g_strdup (w->label);

  /* As every gestational window is written: "6+0–13+6 wk". */
  weeks = cl_date_format_ga (w->start_day, w->end_day, CL_GA_WEEKS);
  /* TRANSLATORS: a prenatal visit: its name and its window, e.g.
   * "First visit · 6+0–13+6 wk" */
  return g_strdup_printf (_("%s · %s"), w->label, weeks);
}

char *
cl_document_visit_for_date (const char *edd,
                            const char *check_date)
{
  GDate e, d;
  gint ga;
  guint n = cl_visit_guideline_get_n_windows ();

  if (cl_str_empty (edd) || cl_str_empty (check_date) ||
      !cl_date_parse (edd, &e, NULL) || !cl_date_parse (check_date, &d, NULL))
    return NULL;
  /* Gestational age in days on the check date. */
  ga = CL_PREGNANCY_DAYS - cl_date_days_between (&d, &e);
  for (guint i = 0; i < n; i++)
    {
      const ClVisitWindow *w = cl_visit_guideline_get_window (i);

      if (w->anchor == CL_VISIT_ANCHOR_PREGNANCY && ga >= w->start_day && ga <= w->end_day)
        return g_strdup (w->key);
    }
  return NULL;
}
