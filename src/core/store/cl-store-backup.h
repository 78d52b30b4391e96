#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Copies the store file @db, which may be in use by a server, to a new
 * file @partial with SQLite's online backup: all pages in one read
 * transaction, so the writers go on and the copy is the data as it
 * stood at one moment.  Refuses a file that is not a store
 * (G_IO_ERROR_INVALID_DATA), and checks the copy (quick_check) before
 * it returns TRUE.  Errors are G_IO_ERROR_* with translated messages
 * naming the file. */
gboolean cl_store_backup_file (const char  *db,
                               const char  *partial,
                               GError     **error);

G_END_DECLS
