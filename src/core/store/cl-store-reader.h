#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* A read-only connection to a store of its own, for one thread (WAL
 * lets it read while the store's connection writes).  Its statements
 * are prepared once and kept until it is freed.  Not thread-safe: one
 * thread uses it at a time. */
typedef struct _CLStoreReader CLStoreReader;

CLStoreReader *cl_store_reader_new    (CLStore        *store,
                                       GError        **error);
void           cl_store_reader_free   (CLStoreReader  *reader);

/* Starts a read transaction, or joins the one started: what is read
 * until the matching cl_store_reader_end() is one snapshot, locked
 * once.  Nothing is written on this connection, so ending it cannot
 * lose anything; if it cannot start, each statement reads on its own. */
void           cl_store_reader_begin  (CLStoreReader  *reader);
void           cl_store_reader_end    (CLStoreReader  *reader);

/* One patient's roster row as the roster search shows it; the strings
 * are the row's own, valid during the callback only. */
typedef struct
{
  const char *patient_id;
  const char *name;
  const char *phone;
  const char *birth_date;
  const char *edd;
  const char *risk;
  const char *priority;   /* the stored flags (cl-patient.h) */
} CLRosterEntry;

/* Called for each row found, with its position in the rowids asked. */
typedef void (*CLRosterEntryFunc) (guint                index,
                                   const CLRosterEntry *entry,
                                   gpointer             user_data);

/* The roster rows of the patients @rowids (as a roster search gives
 * them), in one read transaction; a row deleted since is left out.
 * The rows come in no particular order: @func is told where each
 * belongs. */
gboolean       cl_store_reader_roster_rows (CLStoreReader      *reader,
                                            const gint64       *rowids,
                                            guint               n_rowids,
                                            CLRosterEntryFunc   func,
                                            gpointer            user_data,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLStoreReader, cl_store_reader_free)

G_END_DECLS
