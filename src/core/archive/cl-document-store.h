#pragma once

#include "cl-document.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The pregnancy archive's check reports (issue #4): the rules for
 * importing a PDF, where its bytes live, and the list of a patient's
 * documents.  The PDF lives content-addressed beside the store, in
 * DATA_DIR/documents/ab/<sha256>.pdf, so the same file is kept once
 * however often it is filed. */

#define CL_DOCUMENT_ERROR (cl_document_error_quark ())

typedef enum
{
  CL_DOCUMENT_ERROR_EMPTY,
  CL_DOCUMENT_ERROR_TOO_LARGE,
  CL_DOCUMENT_ERROR_NOT_PDF,
  CL_DOCUMENT_ERROR_DAMAGED,
  CL_DOCUMENT_ERROR_NEEDS_PASSWORD,
  CL_DOCUMENT_ERROR_WRONG_PASSWORD,
  CL_DOCUMENT_ERROR_DUPLICATE,    /* already in her archive */
  CL_DOCUMENT_ERROR_INVALID,      /* kind, date, visit or note refused */
  CL_DOCUMENT_ERROR_MISSING,      /* the file is not here (nor on the server) */
} ClDocumentError;

GQuark       cl_document_error_quark          (void);

/* Whether filing the same file again may succeed once the person acts:
 * a password to type, a detail to correct, a file to make readable.
 * FALSE for a file that can never be filed (empty, too large, not a
 * PDF, damaged, already in her archive): it can only be skipped. */
gboolean     cl_document_error_is_retryable   (const GError *error);

/* Same as the server's limit for PUT /documents. */
#define CL_DOCUMENT_MAX_SIZE (50 * 1024 * 1024)

/* Reads and checks a PDF file: not empty, within the limit, a PDF that
 * Poppler opens completely.  An encrypted PDF needs @password
 * (CL_DOCUMENT_ERROR_NEEDS_PASSWORD without one, WRONG_PASSWORD for a
 * wrong one) and comes back decrypted (re-drawn with cairo), so that
 * every desk and the server open it without the password.  Errors
 * carry a translated message.  @n_pages and @title may be NULL. */
GBytes      *cl_document_read_pdf             (const char  *path,
                                               const char  *password,
                                               gint        *n_pages,
                                               char       **title,
                                               GError     **error);

/* Checks what a person typed for a document (kind, check date not
 * after today, visit key, note length).  Returns FALSE with
 * CL_DOCUMENT_ERROR_INVALID and, if @field_errors is given, a table of
 * field (kind, check_date, visit, note) → translated message. */
gboolean     cl_document_validate             (CLDocument  *document,
                                               GHashTable **field_errors,
                                               GError     **error);

/* Imports the PDF at @path as a new document of the patient (and
 * pregnancy) with the kind, check date, visit and note of @meta:
 * validation, then the blob (written once, atomically), then the
 * record and its outbox entry in one transaction.  Nothing is written
 * when any check fails.  The same file already filed for the patient is
 * refused with CL_DOCUMENT_ERROR_DUPLICATE. */
CLDocument  *cl_document_store_import         (CLStore     *store,
                                               const char  *path,
                                               const char  *password,
                                               CLDocument  *meta,
                                               GError     **error);

/* Changes what was typed for the filed report @document (kind, check
 * date, visit, note) to those of @details, with the checks of an
 * import (cl_document_validate(); @field_errors as there), as one
 * write of the record with its outbox entry.  The file and what was
 * read from it (hash, name, title, size, pages, who imported it and
 * when) never change.  A report removed meanwhile is refused
 * (CL_DOCUMENT_ERROR_MISSING).  On success @document holds what was
 * written; on refusal nothing is written and @document is untouched. */
gboolean     cl_document_store_update_details (CLStore     *store,
                                               CLDocument  *document,
                                               CLDocument  *details,
                                               GHashTable **field_errors,
                                               GError     **error);

/* Takes a misfiled report out of her archive (a tombstone, in one
 * transaction with its outbox entry).  The file stays: an
 * administrator can restore the record, and other records may share
 * it. */
gboolean     cl_document_store_remove         (CLStore     *store,
                                               CLDocument  *document,
                                               GError     **error);

/* Her live documents, grouped for the archive: by visit (latest
 * window first, then those without a visit), kind, newest check
 * first. */
GPtrArray   *cl_document_store_list           (CLStore     *store,
                                               const char  *patient_id);

/* Where the blob of @sha256 lives (it may not exist yet). */
char        *cl_document_store_blob_path      (CLStore     *store,
                                               const char  *sha256);
gboolean     cl_document_store_has_blob       (CLStore     *store,
                                               const char  *sha256);
/* Writes @bytes as the blob of @sha256 (temp file, fsync, rename) after
 * checking that they hash to it; does nothing when it is already
 * there. */
gboolean     cl_document_store_write_blob     (CLStore     *store,
                                               const char  *sha256,
                                               GBytes      *bytes,
                                               GError     **error);

/* Appends an access record of @document (one transaction, with its
 * outbox entry): the server audits it as "open-document". */
gboolean     cl_document_store_record_open    (CLStore     *store,
                                               CLDocument  *document,
                                               GError     **error);

/* Visit keys "v06" … "v41", one per window of the prenatal schedule,
 * NULL-terminated (free with g_strfreev), and a key's translated label
 * ("First visit · 6+0–13+6 wk"), or NULL for an unknown key. */
char       **cl_document_visit_keys           (void);
char        *cl_document_visit_label          (const char  *visit);

/* The visit whose window holds @check_date for a pregnancy with
 * effective EDD @edd (ISO dates), or NULL. */
char        *cl_document_visit_for_date       (const char  *edd,
                                               const char  *check_date);

G_END_DECLS
