#pragma once

#include <glib.h>

#include "cl-record.h"

G_BEGIN_DECLS

typedef struct _CLStore CLStore;

/* Rebuilds the roster row and search keys of one patient from the
 * patient and her current pregnancy (the latest by LMP that is not
 * deleted).  Must run inside a store transaction; the records' after_write
 * hooks call it so the index can never drift from the data. */
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

/* Which way this build derives roster rows and search keys: the
 * version of the code (bump CL_ROSTER_INDEX_VERSION whenever a row or a
 * key would come out differently) and of ICU, which makes the pinyin
 * and the sort keys.  A desk takes a server's roster in a snapshot
 * only when both sides say the same. */
#define CL_ROSTER_INDEX_VERSION 1
char     *cl_roster_index_derivation (void);

/* ICU (zh, pinyin order) collation key for sorting names. */
GBytes   *cl_roster_index_sort_key (const char  *name);

/* What a patient's roster row and search keys need that is pure
 * computation (pinyin, initials, ICU sort key), made from her name,
 * phone, record number and ID number without the store, so a sync pull
 * can make them on its decode thread and the writer only inserts. */
typedef struct _ClRosterKeys ClRosterKeys;

ClRosterKeys *cl_roster_keys_new           (const char   *name,
                                            const char   *phone,
                                            const char   *mrn,
                                            const char   *id_number);
/* NULL unless @record is a patient that is not deleted. */
ClRosterKeys *cl_roster_keys_new_for_record (CLRecord    *record);
void          cl_roster_keys_free          (ClRosterKeys *keys);
/* The search keys, lower case, NULL-terminated. */
const char * const *cl_roster_keys_get_keys (ClRosterKeys *keys);
GBytes       *cl_roster_keys_get_sort_key  (ClRosterKeys *keys);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClRosterKeys, cl_roster_keys_free)

/* cl_roster_index_update() with keys made beforehand, used when they
 * were made from what the patient's row holds (and made again when
 * not), so the result is always that of cl_roster_index_update(). */
gboolean  cl_roster_index_update_with_keys (CLStore       *store,
                                            const char    *patient_id,
                                            ClRosterKeys  *keys,
                                            GError       **error);

G_END_DECLS
