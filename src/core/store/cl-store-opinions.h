#pragma once

#include "cl-opinion-entry.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The daily opinion log's reads (cl-store-opinions.c).  The rules over
 * it are in src/core/desk/cl-opinion-store.h. */

/* The live CLOpinionEntries of @date ("YYYY-MM-DD"), complaints first,
 * then in the order this store took them in. */
GPtrArray *cl_store_opinions_of_day (CLStore    *store,
                                     const char *date);

G_END_DECLS
