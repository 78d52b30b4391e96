#pragma once

#include <sqlite3.h>

#include "cl-store-reader.h"

G_BEGIN_DECLS

/* For the store's files: a statement of the reader's connection,
 * prepared on first use and kept; looked up by the address of @sql,
 * which must be a static string. */
sqlite3_stmt *cl_store_reader_prepare (CLStoreReader  *reader,
                                       const char     *sql,
                                       GError        **error);

/* The reader's last error as a CL_STORE_ERROR. */
void          cl_store_reader_set_error (CLStoreReader  *reader,
                                         GError        **error);

G_END_DECLS
