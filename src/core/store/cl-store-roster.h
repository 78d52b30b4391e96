#pragma once

#include <glib.h>

#include "cl-roster-query.h"
#include "cl-roster-row.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The roster's reads (cl-store-roster.c): its rows, its filtered and
 * sorted list, and the search key index, in the roster's own terms.
 * Patients are named by their roster rowid, a small integer the model
 * keeps lists and bitmaps of. */

/* A read-only connection of its own, for the roster model's worker
 * threads (WAL lets it read while the store writes); one thread at a
 * time. */
typedef struct _ClRosterReader ClRosterReader;

ClRosterReader *cl_store_roster_reader_open    (CLStore            *store,
                                                GError            **error);
void            cl_store_roster_reader_close   (ClRosterReader     *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClRosterReader, cl_store_roster_reader_close)

/* The rowids of the patients matching @params' filters (not its search
 * text), in list order. */
GArray         *cl_store_roster_list           (ClRosterReader     *reader,
                                                const QueryParams  *params,
                                                GError            **error);
/* A bitmap (indexed by rowid, up to @max_rowid) of the patients that
 * have a search key starting with @term: one range scan of the key
 * index. */
guint8         *cl_store_roster_match_prefix   (ClRosterReader     *reader,
                                                const char         *term,
                                                gint64              max_rowid,
                                                GError            **error);
/* A bitmap (indexed by rowid, up to @max_rowid) of the patients with a
 * priority flag on @today: a stored one, or aged 70+
 * (cl_patient_effective_flags()). */
guint8         *cl_store_roster_match_flagged  (ClRosterReader     *reader,
                                                const GDate        *today,
                                                gint64              max_rowid,
                                                GError            **error);

typedef void  (*ClRosterKeyFunc)               (const char         *key,
                                                gint64              rowid,
                                                gpointer            user_data);

/* Calls @func for every search key of every patient, after setting
 * @max_rowid to the largest rowid it will be given. */
gboolean        cl_store_roster_foreach_key    (ClRosterReader     *reader,
                                                gint64             *max_rowid,
                                                ClRosterKeyFunc     func,
                                                gpointer            user_data,
                                                GError            **error);

/* The roster row of the patient with @rowid, or NULL when there is
 * none (she was deleted at another desk since the list was made). */
CLRosterRow    *cl_store_roster_load_row       (CLStore            *store,
                                                gint64              rowid,
                                                const GDate        *today);
/* The same for the patient with @patient_id. */
CLRosterRow    *cl_store_roster_get_row        (CLStore            *store,
                                                const char         *patient_id,
                                                const GDate        *today);

G_END_DECLS
