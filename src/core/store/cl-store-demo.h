#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* Bulk writes for the demo-data generators (src/demo): rows inserted
 * straight, where a record object per row would cost more than the
 * row, and the page cache sized for a big load. */

/* Inside a transaction: a ticked prenatal visit (a visit_mark row)
 * with the columns cl_store_write_record() fills for a record written
 * without an outbox entry (rev 0, not deleted, updated_by the store's
 * actor). */
gboolean cl_store_demo_insert_visit_mark (CLStore     *store,
                                          const char  *id,
                                          gint64       updated_at,
                                          const char  *patient_id,
                                          const char  *pregnancy_id,
                                          const char  *visit,
                                          const char  *done_date,
                                          const char  *done_by,
                                          GError     **error);

/* The connection's page cache, as SQLite's cache_size pragma counts it
 * (pages, or KiB when negative); 0 if it cannot be read. */
gint64   cl_store_demo_get_cache_size    (CLStore     *store);
gboolean cl_store_demo_set_cache_size    (CLStore     *store,
                                          gint64       size,
                                          GError     **error);

G_END_DECLS
