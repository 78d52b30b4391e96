#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `careline-server backup`: a consistent copy of a live server's data
 * folder, taken while it serves. */

typedef struct
{
  gint64 db_bytes;          /* size of the copied data file */
  guint  documents;         /* report files now in the backup */
  guint  new_documents;     /* of which copied this time */
  guint  damaged;           /* files whose content is not their name */
} ClBackupResult;

/* Copies the data file @db with SQLite's online backup (one read
 * transaction: the writers go on, the copy is of one moment) to
 * @to/careline.db, replacing the last backup there only once the new
 * one is complete and checked, then every report file under
 * `<folder of @db>/documents` that @to/documents lacks, each checked
 * against its SHA-256 name.  @to is then itself a data folder
 * `careline-server serve --db @to/careline.db` can serve.
 *
 * A damaged report file is counted in @result and not copied; the
 * call still succeeds (the caller tells the admin). */
gboolean cl_backup_run (const char      *db,
                        const char      *to,
                        ClBackupResult  *result,
                        GError         **error);

G_END_DECLS
