#pragma once

#include <sqlite3.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* Forward-only migrations: entry i takes the schema from version i to
 * i + 1.  Never edit a released entry; add a new one. */
extern const char * const cl_store_migrations[];
extern const guint cl_store_n_migrations;

/* 'CLNE': marks the file as ours so another program's SQLite file is
 * refused instead of being migrated into. */
#define CL_STORE_APPLICATION_ID 0x434c4e45

/* For cl-store-records.c: whether a transaction is open, and noting
 * that it wrote @table (for "changed" at commit). */
/* Registers the collations the store's SQL names ("pinyin") on a new
 * connection (cl-store-collation.c).  SQLITE_OK, or an SQLite result
 * code; an ICU failure sets @error and answers SQLITE_ERROR. */
int      cl_store_register_collations (sqlite3  *db,
                                       GError  **error);

/* Registers the SQL functions the store's SQL names (cl_bigrams(), for
 * the contact log's index: cl-store-bigrams.c) on a new connection.
 * SQLITE_OK or an SQLite result code. */
int      cl_store_register_functions (sqlite3 *db);
/* cl_directory_keys() (cl-store-directory.c). */
int      cl_store_register_directory_functions (sqlite3 *db);
/* The pairs of neighbouring letters or digits of @text, lower-cased,
 * space separated ("王秀英" → "王秀 秀英"). */
char    *cl_store_bigrams            (const char *text);

gboolean cl_store_in_transaction (CLStore    *self);
void     cl_store_touch_table    (CLStore    *self,
                                  const char *table);
/* For the roster index: inside a bulk transaction notes @patient_id
 * for the commit and returns TRUE; otherwise returns FALSE. */
gboolean cl_store_defer_roster   (CLStore    *self,
                                  const char *patient_id);
/* For cl-store-records.c: a desk's own write may have moved this
 * pregnancy's follow-up plan; it is planned again at commit
 * (cl_followup_store_replan_in_transaction()). */
void     cl_store_mark_replan    (CLStore    *self,
                                  const char *pregnancy_id);

/* Low level: SQLite belongs to the store (src/core/store/).  The
 * handle may be used only while the store lock is held (a transaction
 * holds it). */
sqlite3       *cl_store_get_db              (CLStore             *self);
void           cl_store_lock                (CLStore             *self);
void           cl_store_unlock              (CLStore             *self);
sqlite3_stmt  *cl_store_prepare             (CLStore             *self,
                                             const char          *sql,
                                             GError             **error);
gboolean       cl_store_exec                (CLStore             *self,
                                             const char          *sql,
                                             GError             **error);
void           cl_store_set_sqlite_error    (CLStore             *self,
                                             GError             **error);
/* Steps a statement that returns no rows and resets it; FALSE (with
 * the store's error) unless it ran to the end. */
gboolean       cl_store_step                (CLStore             *self,
                                             sqlite3_stmt        *stmt,
                                             GError             **error);

/* A separate read-only connection, for queries on worker threads; WAL
 * lets it read while the main connection writes. */
sqlite3       *cl_store_open_reader         (CLStore             *self,
                                             GError             **error);

/* Records of @type matching an SQL condition (may be NULL for all,
 * may end with ORDER BY / LIMIT), with text parameters ?1, ?2 … given
 * as a NULL-terminated list: the store's typed queries
 * (cl-store-<feature>.h) are made of it; nothing outside the store
 * passes SQL. */
GPtrArray     *cl_store_query_records       (CLStore             *self,
                                             GType                type,
                                             const char          *condition,
                                             ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
