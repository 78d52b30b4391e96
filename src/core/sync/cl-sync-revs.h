#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

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

/* The rev a local write of @record should carry: the stored row's when
 * our own acknowledged changes lead there from the record's rev,
 * otherwise the record's own.  The store lock must be held. */
gint64   cl_sync_revs_current      (CLStore     *store,
                                    CLRecord    *record);

/* The desk's marks in the server's feed, kept in sync_state:
 * "last_rev", how far it has pulled, and "snapshot_rev" while a
 * snapshot load is under way (cl-snapshot.c).  get takes the store
 * lock itself; @rev is 0 and @present (may be NULL) FALSE when the
 * mark is not there.  set writes inside the caller's transaction. */
gboolean cl_sync_revs_get_mark     (CLStore     *store,
                                    const char  *key,
                                    gint64      *rev,
                                    gboolean    *present,
                                    GError     **error);
gboolean cl_sync_revs_set_mark     (CLStore     *store,
                                    const char  *key,
                                    gint64       rev,
                                    GError     **error);

G_END_DECLS
