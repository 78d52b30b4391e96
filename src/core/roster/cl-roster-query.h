#pragma once

#include "cl-roster-model.h"

G_BEGIN_DECLS

/* The roster's queries (cl-roster-query.c), for CLRosterModel's
 * workers and the store's roster reads (cl-store-roster.h): private to
 * core. */

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

/* Equal for two @params whose filtered, sorted lists are the same. */
char      *cl_roster_query_signature        (const QueryParams  *params);

/* The search box's text as prefix terms: "zhang xiao mei" is one name
 * in pinyin; "zhang 5678" is two conditions (a name and a phone
 * ending) that must both hold. */
GPtrArray *cl_roster_query_search_terms     (const char         *query);
/* Whether @term is a prefix the model keeps a bitmap for: one
 * character, or two ASCII letters or digits. */
gboolean   cl_roster_query_is_cached_prefix (const char         *term);

G_END_DECLS
