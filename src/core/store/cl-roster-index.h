#pragma once

#include <glib.h>

#include "cl-record.h"
#include "cl-roster-keys.h"

G_BEGIN_DECLS

typedef struct _CLStore CLStore;

/* The roster index: one roster row and the search keys of each
 * patient, derived from her patient row, her current pregnancy and her
 * active enrolment's package.  The store keeps it (src/core/store/):
 * cl_store_write_record() calls cl_roster_index_record_written() in
 * the same transaction, so the index can never drift from the data. */

/* Rebuilds the roster row and search keys of one patient from the
 * patient and her current pregnancy (the latest by LMP that is not
 * deleted).  Must run inside a store transaction. */
gboolean  cl_roster_index_update   (CLStore     *store,
                                    const char  *patient_id,
                                    GError     **error);

/* SQL for the keys of the visits a pregnancy has done (reports filed
 * against a visit, and ticks), space-separated, or NULL: the roster
 * keeps it in roster.visits_done so its "next visit" column needs no
 * query per row.  @preg is an SQL expression for the pregnancy id.
 * The store's triggers on document and visit_mark use it too. */
#define CL_ROSTER_VISITS_DONE_SQL(preg) \
  "nullif(trim(coalesce((SELECT group_concat(visit, ' ') FROM document" \
  " WHERE pregnancy_id = " preg " AND deleted = 0 AND visit <> ''), '')" \
  " || ' ' || coalesce((SELECT group_concat(visit, ' ') FROM visit_mark" \
  " WHERE pregnancy_id = " preg " AND deleted = 0), '')), '')"

/* cl_roster_index_update() with keys made beforehand, used when they
 * were made from what the patient's row holds (and made again when
 * not), so the result is always that of cl_roster_index_update(). */
gboolean  cl_roster_index_update_with_keys (CLStore       *store,
                                            const char    *patient_id,
                                            ClRosterKeys  *keys,
                                            GError       **error);

/* For cl_store_write_record(): brings the index in step with a record
 * just written in the open transaction, if it is one the index is made
 * from (a patient, a pregnancy, an enrolment, or a package whose name
 * the rows of everyone enrolled in it show). */
gboolean  cl_roster_index_record_written (CLStore       *store,
                                          CLRecord      *record,
                                          GError       **error);

G_END_DECLS
