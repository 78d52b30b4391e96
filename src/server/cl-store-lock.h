#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The lock file beside a served data file (“careline.db.lock” for
 * “careline.db”): a server holds it shared for as long as it runs, so
 * that `careline-server backup` can tell, whatever the state of the
 * -wal file, that a destination is a live store and must not be
 * renamed over (README, "Server", `backup`). */

/* Takes the lock of @db for a server.  Returns the descriptor, which
 * the caller keeps open until it exits (closing it releases the lock),
 * or -1 with @error when a backup is being written over @db. */
int      cl_store_lock_serve       (const char  *db,
                                    GError     **error);

/* For `backup --db @db --to @to`: refuses (G_IO_ERROR_BUSY or
 * G_IO_ERROR_INVALID_ARGUMENT, FALSE) a destination that is the folder
 * of @db, contains it, or whose careline.db is @db by another name
 * (same device and inode) or is served by a running server.  On
 * success *@fd holds the destination's lock, taken exclusively so that
 * no server starts on it while the backup writes; close it when done. */
gboolean cl_store_lock_for_backup  (const char  *db,
                                    const char  *to,
                                    int         *fd,
                                    GError     **error);

G_END_DECLS
