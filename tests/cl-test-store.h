#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The single integer an SQL query on @store answers (a count), or -1. */
gint64 cl_test_store_count (CLStore    *store,
                            const char *sql);

/* The rows an SQL query on @store answers, one string per row with its
 * columns joined by '|' (NULL as "∅"). */
GPtrArray *cl_test_store_rows (CLStore    *store,
                               const char *sql);

/* The store @dir/careline.db, created empty if missing; fails the test
 * if it cannot be opened. */
CLStore   *cl_test_store_open     (const char *dir);

/* A new store @dir/@file filled with cl_demo_data_generate(). */
CLStore   *cl_test_store_new_demo (const char *dir,
                                   const char *file,
                                   guint       n_patients,
                                   guint32     seed);

/* Writes the change feed a server would have if every record of @store
 * had been pushed to it: a change_log row per record, whose rev the
 * record then carries (for a server's data file made from demo data). */
void       cl_test_store_fill_change_log (CLStore *store);

G_END_DECLS
