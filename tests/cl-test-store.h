#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The single integer an SQL query on @store answers (a count), or -1. */
gint64 cl_test_store_count (CLStore    *store,
                            const char *sql);

G_END_DECLS
