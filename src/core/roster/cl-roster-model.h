#pragma once

#include <gio/gio.h>

#include "cl-dating.h"
#include "cl-roster-row.h"
#include "cl-store.h"

G_BEGIN_DECLS

typedef enum
{
  CL_ROSTER_SORT_NAME,
  CL_ROSTER_SORT_AGE,
  CL_ROSTER_SORT_GA,
  CL_ROSTER_SORT_EDD,
  CL_ROSTER_SORT_RISK,
  CL_ROSTER_SORT_MANAGER,
  CL_ROSTER_SORT_NEXT_VISIT,
} ClRosterSort;

/* The patient roster as a lazy GListModel of CLRosterRow.  Searching,
 * filtering and sorting happen in SQL on a worker thread; the model
 * keeps only the matching row ids and builds a CLRosterRow when the
 * list asks for one.  Changes of query or filter made while a query
 * runs are coalesced into one more query. */
#define CL_TYPE_ROSTER_MODEL (cl_roster_model_get_type ())
G_DECLARE_FINAL_TYPE (CLRosterModel, cl_roster_model, CL, ROSTER_MODEL, GObject)

CLRosterModel *cl_roster_model_new            (CLStore       *store);

const char    *cl_roster_model_get_query      (CLRosterModel *self);
void           cl_roster_model_set_query      (CLRosterModel *self,
                                               const char    *query);
/* A risk level code ("red"), or NULL for all. */
void           cl_roster_model_set_risk       (CLRosterModel *self,
                                               const char    *risk);
/* CL_STAGE_NONE for all. */
void           cl_roster_model_set_stage      (CLRosterModel *self,
                                               ClStage        stage);
/* A staff id, "" for patients without one, NULL for all. */
void           cl_roster_model_set_manager    (CLRosterModel *self,
                                               const char    *manager_id);
void           cl_roster_model_set_sort       (CLRosterModel *self,
                                               ClRosterSort   sort,
                                               gboolean       descending);

/* TRUE while a query runs. */
gboolean       cl_roster_model_get_loading    (CLRosterModel *self);
/* TRUE once the first query has finished. */
gboolean       cl_roster_model_get_loaded     (CLRosterModel *self);
/* TRUE when a query or filter is in force. */
gboolean       cl_roster_model_get_filtered   (CLRosterModel *self);

/* TRUE once the background prefix index for broad (one- and two-
 * character) queries is built and current. */
gboolean       cl_roster_model_get_indexed    (CLRosterModel *self);

/* Runs the query again (after a change in the store). */
void           cl_roster_model_reload         (CLRosterModel *self);

/* Runs the current query synchronously on the calling thread and
 * returns the number of matches: for benchmarks and tests. */
guint          cl_roster_model_query_sync     (CLRosterModel *self,
                                               GError       **error);

/* For the server's threads: the first @limit patient rowids matching
 * @query (no other filter; the flagged patients first, then by name,
 * as the search box lists them), from any thread, without touching
 * the model's own list; @n_matches (if not NULL) is set to the number
 * of all matches.  The model keeps its caches up to date in the thread
 * it was made in. */
GArray        *cl_roster_model_search         (CLRosterModel *self,
                                               const char    *query,
                                               guint          limit,
                                               guint         *n_matches,
                                               GError       **error);

G_END_DECLS
