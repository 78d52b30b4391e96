#pragma once

#include "cl-roster-model.h"
#include "cl-roster-query.h"
#include "cl-store-roster.h"

G_BEGIN_DECLS

/* What cl-roster-model.c (the list) and cl-roster-model-search.c (the
 * answer to one query, and the prefix index) share. */

struct _CLRosterModel
{
  GObject parent_instance;

  /* owned */
  CLStore      *store;
  GArray       *rowids;       /* gint64, in list order */
  GHashTable   *cache;        /* position → CLRosterRow */
  char         *query;
  char         *risk;
  char         *manager_id;
  ClRosterReader *reader;     /* used by one worker at a time */
  GMutex        reader_lock;  /* guards reader and the base list */
  /* The filtered, sorted list before the search box narrows it, kept so
   * that a keystroke costs one index range scan, not a sort of the
   * whole roster. */
  GArray       *base;
  char         *base_signature;
  gint64        base_max_rowid;
  guint8       *base_bits;    /* the base list's rowids as a bitmap */
  /* Bumped (under reader_lock) by every change to the roster's tables
   * (sync_generation_locked()); the base list and the prefix index
   * remember the generation they were built from, so neither can be
   * used once out of date. */
  guint         generation;
  guint         tables_serial;  /* the roster tables' store serials, summed */
  guint         base_generation;
  /* Bitmaps of the patients matching each one-character and each
   * two-letter prefix, built in the background after the first load:
   * the broadest queries ("z", "13", "mz") are the first keystrokes
   * and would otherwise scan a large part of the key index. */
  GHashTable   *prefix_bits;
  gint64        prefix_max_rowid;
  guint         prefix_generation;
  gboolean      prefix_building;
  /* The flagged patients (stored flags or aged 70+) as a bitmap, for
   * the generation and the day it was read on: search results list
   * them first. */
  guint8       *flag_bits;
  gint64        flag_max_rowid;
  guint         flag_generation;
  guint32       flag_julian;
  GDate         today;
  ClStage       stage;
  ClRosterSort  sort;
  gboolean      descending;
  gboolean      loading;
  gboolean      loaded;
  gboolean      pending;      /* settings changed while loading */
  gulong        changed_handler;
};

/* Under reader_lock: moves the generation on if the roster's tables
 * were written since it was last looked at. */
void    cl_roster_model_sync_generation_locked (CLRosterModel      *self);
/* Under reader_lock: the matching rowids in order, at most @limit of
 * them; @n_matches (if not NULL) is set to how many there are in all. */
GArray *cl_roster_model_query_locked           (CLRosterModel      *self,
                                                const QueryParams  *params,
                                                guint               limit,
                                                guint              *n_matches,
                                                GError            **error);
/* Builds the prefix bitmaps in the background unless they are current. */
void    cl_roster_model_build_prefixes         (CLRosterModel      *self);

G_END_DECLS
