#pragma once

#include "cl-contact.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The service desk's reads (cl-store-desk.c).  The rules over them are
 * in src/core/desk/. */

/* The live CLContacts taken from @from up to @to (UTC seconds, @to
 * excluded), the latest first. */
GPtrArray  *cl_store_desk_between        (CLStore    *store,
                                          gint64      from,
                                          gint64      to);

/* The live contacts handed over and not yet closed, the earliest due
 * first. */
GPtrArray  *cl_store_desk_open_handovers (CLStore    *store);

/* How many live contacts of each category were taken from @from up to
 * @to: category word → count (GINT_TO_POINTER). */
GHashTable *cl_store_desk_count_by_category (CLStore *store,
                                             gint64   from,
                                             gint64   to);

/* The live contacts whose caller, phone, summary or patient's name
 * hold every word of @query (case-insensitive, anywhere in the text),
 * the latest first, at most @limit.  Words of three characters or more
 * are looked up in a trigram index and shorter ones matched within
 * what it finds; a query of two-character words only is looked up in
 * an index of character pairs; one with a one-character word is
 * matched against the log from the latest back until @limit are
 * found.  Of a common word, the 2000 matches that reached the store
 * last are the ones sorted by time. */
GPtrArray  *cl_store_desk_search         (CLStore    *store,
                                          const char *query,
                                          guint       limit);

G_END_DECLS
