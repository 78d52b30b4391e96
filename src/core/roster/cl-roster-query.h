#pragma once

#include "cl-roster-model.h"

G_BEGIN_DECLS

/* The roster's queries (cl-roster-query.c), for CLRosterModel's
 * workers: private to core. */

/* What one query needs, copied so the worker never touches the model. */
typedef struct
{
  char         *query;
  char         *risk;
  char         *manager_id;
  GDate         today;
  ClStage       stage;
  ClRosterSort  sort;
  gboolean      descending;
} QueryParams;

void       cl_roster_query_params_free      (QueryParams        *params);

/* The patient rowids matching @params' filters (not its search text),
 * in list order. */
GArray    *cl_roster_query_run              (sqlite3            *db,
                                             const QueryParams  *params,
                                             GError            **error);
/* Equal for two @params whose filtered, sorted lists are the same. */
char      *cl_roster_query_signature        (const QueryParams  *params);

/* The search box's text as prefix terms: "zhang xiao mei" is one name
 * in pinyin; "zhang 5678" is two conditions (a name and a phone
 * ending) that must both hold. */
GPtrArray *cl_roster_query_search_terms     (const char         *query);
/* A bitmap (indexed by rowid, up to @max_rowid) of the patients that
 * have a search key starting with @term. */
guint8    *cl_roster_query_match_term       (sqlite3            *db,
                                             const char         *term,
                                             gint64              max_rowid,
                                             GError            **error);
/* Whether @term is a prefix the model keeps a bitmap for: one
 * character, or two ASCII letters or digits. */
gboolean   cl_roster_query_is_cached_prefix (const char         *term);

G_END_DECLS
