#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The store's half of snapshots (cl-snapshot.h): writing the file and
 * copying it in.  Which tables a role may read, when a load is
 * pending and how a roster is built are the sync code's. */

/* The snapshot file is an SQLite database of its own. */
#define CL_SNAPSHOT_CONTENT_TYPE "application/vnd.sqlite3"

/* Server: writes @tables (NULL-terminated) of @store to a new file at
 * @path, all read in one read transaction, so they agree with each
 * other and with @rev.  With @roster_derivation (how the roster's rows
 * and search keys were made, cl-roster-index.h) the roster and search
 * keys go too.  Sets @rev and the number of rows written. */
gboolean        cl_store_snapshot_write        (CLStore             *store,
                                                const char          *path,
                                                const char * const  *tables,
                                                const char          *roster_derivation,
                                                gint64              *rev,
                                                gint64              *n_rows,
                                                GError             **error);

/* Desk: whether any synced table holds a row from the server (rev >
 * 0; rows the schema seeds do not count).  Takes the store lock. */
gboolean        cl_store_has_server_rows       (CLStore             *store,
                                                gboolean            *any,
                                                GError             **error);

/* Desk: a snapshot file being copied into the store. */
typedef struct _CLSnapshotLoad CLSnapshotLoad;

/* Opens the file at @path beside the store, checks that it is a
 * snapshot this version can read (else G_IO_ERROR_INVALID_DATA, and
 * the store is as it was) and plans the copy: the synced tables it
 * holds, and the server's roster and search keys when they were made
 * as @roster_derivation says and the store has no patient yet. */
CLSnapshotLoad *cl_store_snapshot_load_open    (CLStore             *store,
                                                const char          *path,
                                                const char          *roster_derivation,
                                                GError             **error);
/* The server's rev the snapshot stood at. */
gint64          cl_snapshot_load_get_rev       (CLSnapshotLoad      *load);
/* Whether the roster rows and search keys must be built after the
 * copy (the server's could not be taken). */
gboolean        cl_snapshot_load_builds_roster (CLSnapshotLoad      *load);
/* Whether rows are left to copy. */
gboolean        cl_snapshot_load_has_more      (CLSnapshotLoad      *load);
/* Inside a transaction: copies the next chunk of rows (a row the store
 * has at the same rev or a later one stays as it is) and adds the
 * synced rows written to @n_rows. */
gboolean        cl_snapshot_load_copy_next     (CLSnapshotLoad      *load,
                                                gint64              *n_rows,
                                                GError             **error);
/* Detaches the file and frees @load. */
void            cl_snapshot_load_close         (CLSnapshotLoad      *load);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLSnapshotLoad, cl_snapshot_load_close)

/* Inside a transaction, for building the roster of rows copied in
 * without their write hooks: the ids of up to @limit patients stored
 * after @after (a position, 0 for the start), which moves on past
 * them.  The patients' views hear of them at commit. */
GPtrArray   *cl_store_next_patients_for_roster (CLStore             *store,
                                                gint64              *after,
                                                guint                limit,
                                                GError             **error);

G_END_DECLS
