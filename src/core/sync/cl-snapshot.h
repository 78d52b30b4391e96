#pragma once

#include "cl-store-snapshot.h"

G_BEGIN_DECLS

/* A snapshot: the synced tables a role may read, as they stood at one
 * rev of the server, in an SQLite file of their own.  An empty desk
 * loads one instead of replaying the whole change feed record by
 * record, then pulls the feed from that rev on.
 *
 * The file holds one table per synced table (its columns as the
 * server has them) and careline_snapshot (key, value) with "format",
 * "rev" and "schema"; its media type is CL_SNAPSHOT_CONTENT_TYPE
 * (cl-store-snapshot.h). */

/* Server: writes the snapshot of @store for @role to a new file at
 * @path (a new, empty file), all tables read in one read
 * transaction, so they agree with each other and with @rev.  Sets
 * @rev and the number of rows written. */
gboolean cl_snapshot_write     (CLStore     *store,
                                const char  *role,
                                const char  *path,
                                gint64      *rev,
                                gint64      *n_rows,
                                GError     **error);

/* Desk: whether the store should be filled from a snapshot: it has
 * pulled nothing, its outbox is empty and it holds no record from the
 * server (rows the schema seeds do not count), or a snapshot load
 * was cut short (a crash, kill -9) and must be finished. */
gboolean cl_snapshot_wanted    (CLStore     *store,
                                gboolean    *wanted,
                                GError     **error);

/* Desk: loads the snapshot file at @path into @store in short
 * transactions (the store stays usable meanwhile): each row newer than
 * the store's copy (a row it has at the same rev or a later one is
 * left as it is), then each patient's
 * roster row and search keys, then the feed position @rev.  Until
 * that last step cl_snapshot_wanted() stays TRUE, so a load that is
 * cut short is done again; loading twice changes nothing.
 *
 * Fails with G_IO_ERROR_INVALID_DATA (and leaves the store as it was)
 * when the file is not a snapshot this version can read. */
gboolean cl_snapshot_apply     (CLStore     *store,
                                const char  *path,
                                gint64      *rev,
                                gint64      *n_rows,
                                GError     **error);

G_END_DECLS
