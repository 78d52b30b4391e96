#pragma once

#include "cl-record.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The end of every save function of a desk's form: refuses with
 * CL_STORE_ERROR_INVALID when @role may not write the record's table
 * ("Your role may not make this change") or when @errors (column →
 * message, checked by the caller with the record's rules) holds any —
 * the one message, or a summary, in @error and, when @field_errors, the
 * table itself — and writes nothing; otherwise writes a copy of
 * @record, so a failed write leaves the caller's record as it was, and
 * gives @record the written one's rev and stamps. */
gboolean cl_store_save_checked (CLStore     *store,
                                CLRecord    *record,
                                const char  *role,
                                GHashTable  *errors,
                                GHashTable **field_errors,
                                GError     **error);

/* The record of @type with @id, or NULL when there is none, @id is
 * empty, or the record is deleted: what a rule means by "a department
 * that exists". */
gpointer cl_store_load_live     (CLStore      *store,
                                 GType         type,
                                 const char   *id);

/* Whether cl_store_load_live() would find one. */
gboolean cl_store_has_live      (CLStore      *store,
                                 GType         type,
                                 const char   *id);

/* The pieces of cl_store_save_checked(), for a save that writes more
 * than one record or checks in steps: */

/* TRUE, with the message in @error, when @role may not write @table. */
gboolean cl_store_refuse_role   (const char   *role,
                                 const char   *table,
                                 GError      **error);

/* FALSE, with the one message (by field name) or a summary in @error
 * and the table in @field_errors, when @errors holds any. */
gboolean cl_store_accept_errors (GHashTable   *errors,
                                 GHashTable  **field_errors,
                                 GError      **error);

/* Writes a copy of @record, so a failed write leaves the caller's as
 * it was; on success @record takes the written one's rev and stamps. */
gboolean cl_store_save_copy     (CLStore      *store,
                                 CLRecord     *record,
                                 GError      **error);

G_END_DECLS
