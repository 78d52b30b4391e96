#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* What the desk's sync client keeps in its store: the outbox of
 * changes waiting to be pushed, the revs the server gave this desk's
 * own changes, and the desk's marks in the server's feed.  The sync
 * client (src/core/sync) decides when; these are the statements. */

/* ------------------------------------------------------------------ */
/* The outbox                                                          */

typedef struct
{
  gint64  seq;
  char   *key;        /* idempotency key */
  char   *table;
  char   *record_id;
  gint64  base_rev;
  char   *op;         /* "upsert" or "delete" */
  char   *data;       /* the record as JSON */
} CLOutboxEntry;

void       cl_outbox_entry_free            (CLOutboxEntry *entry);

/* A key for a record in hash tables: @table and @id. */
static inline char *
cl_store_sync_record_key (const char *table,
                          const char *id)
{
  return g_strconcat (table, "\x1f", id, NULL);
}

/* The oldest outbox entries, in order, at most @limit, stopping before
 * the second entry of any one record (a later edit's base is only
 * known once the earlier one has been answered).  Takes the store lock
 * itself.  An array of CLOutboxEntry. */
GPtrArray *cl_store_sync_read_outbox       (CLStore      *store,
                                            guint         limit,
                                            GError      **error);

/* The PDFs the document entries up to @up_to_seq refer to, in order:
 * pairs of sha256 (64 hex digits) and patient id (may be NULL).  Takes
 * the store lock itself. */
GPtrArray *cl_store_sync_outbox_documents  (CLStore      *store,
                                            gint64        up_to_seq,
                                            GError      **error);

/* The records (cl_store_sync_record_key()) with entries waiting. */
GHashTable *cl_store_sync_pending_records  (CLStore      *store,
                                            GError      **error);

/* Inside a transaction: removes the entry @seq. */
gboolean   cl_store_sync_remove_entry      (CLStore      *store,
                                            gint64        seq,
                                            GError      **error);

/* Inside a transaction: removes the entries of a record from @seq on
 * (a refused change and the edits built on it). */
gboolean   cl_store_sync_drop_entries      (CLStore      *store,
                                            const char   *table,
                                            const char   *record_id,
                                            gint64        seq,
                                            GError      **error);

/* Inside a transaction: the server took the change of entry @seq as
 * @rev.  The local row of @type gets @rev (unless it has a later one)
 * and the record's later entries are based on it. */
gboolean   cl_store_sync_acknowledge       (CLStore      *store,
                                            GType         type,
                                            const char   *table,
                                            const char   *record_id,
                                            gint64        seq,
                                            gint64        rev,
                                            GError      **error);

/* The rev and stamp of a stored record, for comparing with the
 * server's version; @rev is -1 (and the stamp 0 and NULL) when there
 * is no row.  Inside a transaction. */
gboolean   cl_store_sync_get_stamp         (CLStore      *store,
                                            GType         type,
                                            const char   *record_id,
                                            gint64       *rev,
                                            gint64       *updated_at,
                                            char        **updated_by,
                                            GError      **error);

/* ------------------------------------------------------------------ */
/* Acknowledged revs                                                   */

/* The revs the server gave this desk's own changes.
 *
 * A view holds a record while its change is pushed; the server answers
 * with a new rev, which the sync client stores in the row, but the
 * view's copy keeps the old one, and saving it again would be based on
 * a rev the server no longer has: "stale", though nobody else touched
 * the record.  So the sync client notes every acknowledged change
 * (base_rev → rev), and a local write of a record whose rev is behind
 * the stored row takes the stored rev when only this desk's own
 * acknowledged changes lie between the two.  A change from another
 * desk in between breaks the chain, and the edit is still caught as
 * stale. */

/* Inside the transaction that acknowledges a pushed change. */
gboolean cl_sync_revs_record       (CLStore     *store,
                                    const char  *table,
                                    const char  *record_id,
                                    gint64       base_rev,
                                    gint64       rev,
                                    GError     **error);

/* Inside the transaction that writes a pulled change of @rev: a change
 * that is not one of ours ends every chain of the record. */
gboolean cl_sync_revs_pulled       (CLStore     *store,
                                    const char  *table,
                                    const char  *record_id,
                                    gint64       rev,
                                    GError     **error);

/* The records (cl_store_sync_record_key()) with acknowledged revs. */
GHashTable *cl_sync_revs_records   (CLStore     *store,
                                    GError     **error);

/* The rev a local write of @record should carry: the stored row's when
 * our own acknowledged changes lead there from the record's rev,
 * otherwise the record's own.  The store lock must be held. */
gint64   cl_sync_revs_current      (CLStore     *store,
                                    CLRecord    *record);

/* ------------------------------------------------------------------ */
/* Marks                                                               */

/* The desk's marks in the server's feed, kept in sync_state:
 * "last_rev", how far it has pulled, and "snapshot_rev" while a
 * snapshot load is under way (cl-snapshot.c).  get takes the store
 * lock itself; @rev is 0 and @present (may be NULL) FALSE when the
 * mark is not there.  set and clear write inside the caller's
 * transaction. */
gboolean cl_sync_revs_get_mark     (CLStore     *store,
                                    const char  *key,
                                    gint64      *rev,
                                    gboolean    *present,
                                    GError     **error);
gboolean cl_sync_revs_set_mark     (CLStore     *store,
                                    const char  *key,
                                    gint64       rev,
                                    GError     **error);
gboolean cl_sync_revs_clear_mark   (CLStore     *store,
                                    const char  *key,
                                    GError     **error);

G_END_DECLS
