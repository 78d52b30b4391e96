#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The server's change feed (change_log: every applied change, its rev
 * the row's number) and the answers it gave to pushed changes
 * (applied_change, by idempotency key).  Deciding a change is
 * careline-server's (src/server); these are the statements. */

/* The answer remembered for the change @key, if any (@found): @applied
 * with the @rev it got, or else the @reason it was refused (interned;
 * NULL when none was kept).  Inside a transaction. */
gboolean  cl_store_feed_lookup_answer    (CLStore      *store,
                                          const char   *key,
                                          gboolean     *found,
                                          gboolean     *applied,
                                          gint64       *rev,
                                          const char  **reason,
                                          GError      **error);

/* Inside a transaction: remembers the answer to @key: @status
 * ("applied", "rejected"…, a static string), the @rev given (0 for
 * none) and the @reason (static, may be NULL). */
gboolean  cl_store_feed_remember_answer  (CLStore      *store,
                                          const char   *key,
                                          const char   *status,
                                          gint64        rev,
                                          const char   *reason,
                                          gint64        at,
                                          GError      **error);

/* Inside a transaction: appends a change of the record @table/@record_id
 * to the feed, without its data yet, and returns its rev (0 on an
 * error).  @table and @op must be static strings. */
gint64    cl_store_feed_append           (CLStore      *store,
                                          const char   *table,
                                          const char   *record_id,
                                          const char   *op,
                                          gint64        at,
                                          const char   *username,
                                          GError      **error);

/* Inside a transaction: the record's JSON for the change @rev (it
 * carries the rev, so it is known only after the append). */
gboolean  cl_store_feed_set_data         (CLStore      *store,
                                          gint64        rev,
                                          const char   *data,
                                          GError      **error);

/* One change of the feed; the strings are valid during the callback
 * only.  @data is the record's JSON as the server wrote it. */
typedef struct
{
  gint64      rev;
  const char *table;
  const char *record_id;
  const char *op;
  const char *data;
} CLFeedChange;

/* FALSE (with @error) stops the read. */
typedef gboolean (*CLFeedChangeFunc) (const CLFeedChange  *change,
                                      gpointer             user_data,
                                      GError             **error);

/* The changes after @since, in rev order, at most @limit, with the
 * store locked throughout; @next is the rev of the last one read
 * (@since if none) and @more whether the feed goes on after it. */
gboolean  cl_store_feed_read             (CLStore           *store,
                                          gint64             since,
                                          guint              limit,
                                          CLFeedChangeFunc   func,
                                          gpointer           user_data,
                                          gint64            *next,
                                          gboolean          *more,
                                          GError           **error);

/* A savepoint inside the current transaction, for one pushed change:
 * a change that fails is rolled back alone.  rollback also releases
 * it. */
gboolean  cl_store_feed_begin_change     (CLStore      *store,
                                          GError      **error);
gboolean  cl_store_feed_release_change   (CLStore      *store,
                                          GError      **error);
void      cl_store_feed_rollback_change  (CLStore      *store);

G_END_DECLS
