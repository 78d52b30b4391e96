#pragma once

#include <glib.h>

#include "cl-record.h"

G_BEGIN_DECLS

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

/* Whether @self (may be NULL) was made from these values. */
gboolean      cl_roster_keys_made_from     (ClRosterKeys *self,
                                            const char   *name,
                                            const char   *phone,
                                            const char   *mrn,
                                            const char   *id_number);

G_END_DECLS
