#pragma once

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
gboolean cl_store_in_transaction (CLStore    *self);
void     cl_store_touch_table    (CLStore    *self,
                                  const char *table);

G_END_DECLS
