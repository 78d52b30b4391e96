/* cl-roster-model.c
 *
 * CLRosterModel (cl-roster-model.h): the roster as a GListModel — its
 * settings, the loading of rows by page into a cache, the base list and
 * prefix bitmaps that keep keystrokes cheap, and the worker threads that
 * run the queries of cl-roster-query.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-roster-model"

#include "config.h"

#include "cl-date.h"
#include "cl-roster-model.h"
#include "cl-roster-query.h"
#include "cl-store-private.h"
#include "cl-util.h"

#define CACHE_LIMIT 1024

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
  sqlite3      *reader;       /* used by one worker at a time */
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
  GDate         today;
  ClStage       stage;
  ClRosterSort  sort;
  gboolean      descending;
  gboolean      loading;
  gboolean      loaded;
  gboolean      pending;      /* settings changed while loading */
  gulong        changed_handler;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CLRosterModel, cl_roster_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_LOADED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
cl_roster_model_get_item_type (GListModel *model)
{
  return CL_TYPE_ROSTER_ROW;
}

static guint
cl_roster_model_get_n_items (GListModel *model)
{
  return CL_ROSTER_MODEL (model)->rowids->len;
}

static gpointer
cl_roster_model_get_item (GListModel *model,
                          guint       position)
{
  CLRosterModel *self = CL_ROSTER_MODEL (model);
  static const char sql[] =
    "SELECT " CL_ROSTER_ROW_COLUMNS " FROM roster r"
    " LEFT JOIN staff s ON s.id = r.manager_id"
    " WHERE r.patient_rowid = ?1";
  CLRosterRow *row;
  sqlite3_stmt *stmt;

  if (position >= self->rowids->len)
    return NULL;

  row = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position));
  if (row)
    return g_object_ref (row);

  cl_store_lock (self->store);
  stmt = cl_store_prepare (self->store, sql, NULL);
  if (stmt)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (self->rowids, gint64, position));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        row = cl_roster_row_new_from_stmt (stmt, &self->today);
      sqlite3_reset (stmt);
    }
  cl_store_unlock (self->store);

  /* The patient went away between the query and now (deleted at
   * another desk): show an empty row until the reload catches up. */
  if (row == NULL)
    row = g_object_new (CL_TYPE_ROSTER_ROW, NULL);

  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (position), g_object_ref (row));

  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cl_roster_model_get_item_type;
  iface->get_n_items = cl_roster_model_get_n_items;
  iface->get_item = cl_roster_model_get_item;
}

static void
cl_roster_model_dispose (GObject *object)
{
  CLRosterModel *self = CL_ROSTER_MODEL (object);

  if (self->store)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cl_roster_model_parent_class)->dispose (object);
}

static void
cl_roster_model_finalize (GObject *object)
{
  CLRosterModel *self = CL_ROSTER_MODEL (object);

  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->risk, g_free);
  g_clear_pointer (&self->manager_id, g_free);
  g_clear_pointer (&self->reader, sqlite3_close_v2);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->base_signature, g_free);
  g_clear_pointer (&self->base_bits, g_free);
  g_clear_pointer (&self->prefix_bits, g_hash_table_unref);
  g_mutex_clear (&self->reader_lock);

  G_OBJECT_CLASS (cl_roster_model_parent_class)->finalize (object);
}

static void
cl_roster_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CLRosterModel *self = CL_ROSTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->rowids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_roster_model_class_init (CLRosterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_roster_model_dispose;
  object_class->finalize = cl_roster_model_finalize;
  object_class->get_property = cl_roster_model_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_roster_model_init (CLRosterModel *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_mutex_init (&self->reader_lock);
  cl_date_today (&self->today);
}

/* The tables whose records make the roster's rows and search keys. */
static const char * const roster_tables[] = { "patient", "pregnancy", "staff" };

/* Under reader_lock: moves the generation on if the roster's tables
 * were written since it was last looked at.  The store's serials move
 * inside each commit, so a search right after a write sees it, before
 * the "changed" signal comes to the model's thread. */
static void
sync_generation_locked (CLRosterModel *self)
{
  guint serial = 0;

  for (guint i = 0; i < G_N_ELEMENTS (roster_tables); i++)
    serial += cl_store_get_table_serial (self->store, roster_tables[i]);
  if (serial != self->tables_serial)
    {
      self->tables_serial = serial;
      self->generation++;
    }
}

static void
store_changed_cb (CLRosterModel *self,
                  const char    *table,
                  CLStore       *store)
{
  if (g_strv_contains (roster_tables, table))
    {
      g_mutex_lock (&self->reader_lock);
      sync_generation_locked (self);
      g_mutex_unlock (&self->reader_lock);
      cl_roster_model_reload (self);
    }
  else if (self->sort == CL_ROSTER_SORT_NEXT_VISIT &&
           (g_str_equal (table, "visit_mark") || g_str_equal (table, "document")))
    {
      /* Their triggers keep roster.visits_done, which this order
       * follows: sort again (the search index stays as it is). */
      g_mutex_lock (&self->reader_lock);
      g_clear_pointer (&self->base, g_array_unref);
      g_mutex_unlock (&self->reader_lock);
      cl_roster_model_reload (self);
    }
}

CLRosterModel *
cl_roster_model_new (CLStore *store)
{
  CLRosterModel *self;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  self = g_object_new (CL_TYPE_ROSTER_MODEL, NULL);
  self->store = g_object_ref (store);
  for (guint i = 0; i < G_N_ELEMENTS (roster_tables); i++)
    self->tables_serial += cl_store_get_table_serial (store, roster_tables[i]);
  self->changed_handler = g_signal_connect_object (store, "changed",
                                                   G_CALLBACK (store_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  return self;
}

CLStore *
cl_roster_model_get_store (CLRosterModel *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_MODEL (self), NULL);
  return self->store;
}

static QueryParams *
snapshot_params (CLRosterModel *self)
{
  QueryParams *params = g_new0 (QueryParams, 1);

  cl_date_today (&self->today);
  params->query = g_strdup (self->query);
  params->risk = g_strdup (self->risk);
  params->manager_id = g_strdup (self->manager_id);
  params->today = self->today;
  params->stage = self->stage;
  params->sort = self->sort;
  params->descending = self->descending;
  return params;
}
static guint8 *
match_term_cached (CLRosterModel *self,
                   const char    *term,
                   gint64         max_rowid)
{
  gsize n_bytes = max_rowid / 8 + 1;
  gsize cached_bytes = self->prefix_max_rowid / 8 + 1;
  guint8 *bits = g_malloc0 (n_bytes);
  guint8 *cached = g_hash_table_lookup (self->prefix_bits, term);

  if (cached)
    memcpy (bits, cached, MIN (n_bytes, cached_bytes));
  return bits;
}

/* The matching rowids in order, at most @limit of them; @n_matches
 * (if not NULL) is set to how many there are in all. */
static GArray *
query_locked (CLRosterModel      *self,
              const QueryParams  *params,
              guint               limit,
              guint              *n_matches,
              GError            **error)
{
  g_autofree char *signature = cl_roster_query_signature (params);
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GArray) result = NULL;
  g_autofree guint8 *bits = NULL;
  gsize n_bytes;
  guint n;

  if (self->reader == NULL && !(self->reader = cl_store_open_reader (self->store, error)))
    return NULL;

  sync_generation_locked (self);
  if (self->base == NULL || self->base_generation != self->generation ||
      g_strcmp0 (signature, self->base_signature) != 0)
    {
      GArray *base = cl_roster_query_run (self->reader, params, error);

      if (base == NULL)
        return NULL;
      g_clear_pointer (&self->base, g_array_unref);
      self->base = base;
      self->base_generation = self->generation;
      g_free (self->base_signature);
      self->base_signature = g_steal_pointer (&signature);
      self->base_max_rowid = 0;
      for (guint i = 0; i < base->len; i++)
        self->base_max_rowid = MAX (self->base_max_rowid, g_array_index (base, gint64, i));
      g_free (self->base_bits);
      self->base_bits = g_malloc0 (self->base_max_rowid / 8 + 1);
      for (guint i = 0; i < base->len; i++)
        {
          gint64 rowid = g_array_index (base, gint64, i);

          if (rowid >= 0)
            self->base_bits[rowid / 8] |= 1 << (rowid % 8);
        }
    }

  if (!cl_str_empty (params->query))
    terms = cl_roster_query_search_terms (params->query);
  if (terms == NULL || terms->len == 0)
    {
      if (n_matches)
        *n_matches = self->base->len;
      if (limit >= self->base->len)
        return g_array_ref (self->base);
      result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), limit);
      g_array_append_vals (result, self->base->data, limit);
      return g_steal_pointer (&result);
    }

  /* Every term must match: AND the bitmaps together. */
  n_bytes = self->base_max_rowid / 8 + 1;
  for (guint t = 0; t < terms->len; t++)
    {
      const char *term = g_ptr_array_index (terms, t);
      g_autofree guint8 *term_bits = NULL;

      if (self->prefix_bits && self->prefix_generation == self->generation &&
          cl_roster_query_is_cached_prefix (term))
        term_bits = match_term_cached (self, term, self->base_max_rowid);
      else
        term_bits = cl_roster_query_match_term (self->reader, term, self->base_max_rowid, error);

      if (term_bits == NULL)
        return NULL;
      if (bits == NULL)
        bits = g_steal_pointer (&term_bits);
      else
        for (gsize i = 0; i < n_bytes; i++)
          bits[i] &= term_bits[i];
    }

  /* How many match: the marked ones that are in the base list. */
  n = 0;
  for (gsize i = 0; i < n_bytes; i++)
    {
      guint8 b = bits[i] & self->base_bits[i];

      bits[i] = b;
      for (; b; b &= b - 1)
        n++;
    }
  if (n_matches)
    *n_matches = n;

  /* Walk the sorted base list and keep the marked ones: the order
   * comes for free.  Done at @limit, or when all are found. */
  n = MIN (n, limit);
  result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < self->base->len && result->len < n; i++)
    {
      gint64 rowid = g_array_index (self->base, gint64, i);

      if (rowid >= 0 && bits[rowid / 8] & (1 << (rowid % 8)))
        g_array_append_val (result, rowid);
    }

  return g_steal_pointer (&result);
}

static GArray *
query_with_reader (CLRosterModel      *self,
                   const QueryParams  *params,
                   GError            **error)
{
  GArray *rowids;

  g_mutex_lock (&self->reader_lock);
  rowids = query_locked (self, params, G_MAXUINT, NULL, error);
  g_mutex_unlock (&self->reader_lock);

  return rowids;
}

typedef struct
{
  GHashTable *bits;
  gint64      max_rowid;
  guint       generation;
} PrefixIndex;

static void
prefix_index_free (PrefixIndex *index)
{
  g_clear_pointer (&index->bits, g_hash_table_unref);
  g_free (index);
}

static void
set_bit (GHashTable  *table,
         const char  *prefix,
         gsize        length,
         gint64       rowid,
         gsize        n_bytes)
{
  g_autofree char *key = g_strndup (prefix, length);
  guint8 *bits = g_hash_table_lookup (table, key);

  if (bits == NULL)
    {
      bits = g_malloc0 (n_bytes);
      g_hash_table_insert (table, g_steal_pointer (&key), bits);
    }
  bits[rowid / 8] |= 1 << (rowid % 8);
}

static void
build_prefixes_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  CLRosterModel *self = source_object;
  g_autoptr(GError) error = NULL;
  PrefixIndex *index;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gsize n_bytes;
  int rc;

  /* A connection of its own, so searches go on while this runs. */
  if (!(db = cl_store_open_reader (self->store, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  index = g_new0 (PrefixIndex, 1);
  index->bits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  index->generation = GPOINTER_TO_UINT (task_data);
  if (sqlite3_prepare_v2 (db, "SELECT max(patient_rowid) FROM search_key", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    index->max_rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  n_bytes = index->max_rowid / 8 + 1;

  sqlite3_prepare_v2 (db, "SELECT key, patient_rowid FROM search_key", -1, &stmt, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      gint64 rowid = sqlite3_column_int64 (stmt, 1);
      const char *second;

      if (key == NULL || *key == '\0' || rowid < 0 || rowid > index->max_rowid)
        continue;
      second = g_utf8_next_char (key);
      set_bit (index->bits, key, second - key, rowid, n_bytes);
      if ((guchar) key[0] < 0x80 && second[0] != '\0' && (guchar) second[0] < 0x80)
        set_bit (index->bits, key, 2, rowid, n_bytes);
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);

  if (rc != SQLITE_DONE)
    {
      prefix_index_free (index);
      g_task_return_new_error (task, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "prefix scan failed");
      return;
    }
  g_task_return_pointer (task, index, (GDestroyNotify) prefix_index_free);
}

static void
build_prefixes_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  CLRosterModel *self = CL_ROSTER_MODEL (object);
  g_autoptr(GError) error = NULL;
  PrefixIndex *index = g_task_propagate_pointer (G_TASK (result), &error);

  self->prefix_building = FALSE;
  if (index == NULL)
    {
      g_warning ("roster prefix index: %s", error->message);
      return;
    }

  g_mutex_lock (&self->reader_lock);
  g_clear_pointer (&self->prefix_bits, g_hash_table_unref);
  self->prefix_bits = g_steal_pointer (&index->bits);
  self->prefix_max_rowid = index->max_rowid;
  self->prefix_generation = index->generation;
  g_mutex_unlock (&self->reader_lock);
  prefix_index_free (index);

  g_debug ("roster prefix index: %u prefixes", g_hash_table_size (self->prefix_bits));
}

static void
maybe_build_prefixes (CLRosterModel *self)
{
  g_autoptr(GTask) task = NULL;
  gboolean needed;
  guint generation;

  if (self->prefix_building)
    return;

  g_mutex_lock (&self->reader_lock);
  sync_generation_locked (self);
  needed = self->prefix_bits == NULL || self->prefix_generation != self->generation;
  /* The scan is tagged with the generation it starts from: a change
   * made during the scan leaves the result stale, and the next load
   * builds again. */
  generation = self->generation;
  g_mutex_unlock (&self->reader_lock);

  if (!needed)
    return;

  self->prefix_building = TRUE;
  task = g_task_new (self, NULL, build_prefixes_done_cb, NULL);
  g_task_set_source_tag (task, maybe_build_prefixes);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_set_task_data (task, GUINT_TO_POINTER (generation), NULL);
  g_task_run_in_thread (task, build_prefixes_thread);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  GArray *rowids;

  rowids = query_with_reader (source_object, task_data, &error);
  g_debug ("roster query: %u rows in %.1f ms", rowids ? rowids->len : 0,
           (g_get_monotonic_time () - start) / 1000.0);
  if (rowids == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rowids, (GDestroyNotify) g_array_unref);
}

static void
set_loading (CLRosterModel *self,
             gboolean       loading)
{
  if (self->loading != loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

static void
replace_rows (CLRosterModel *self,
              GArray        *rowids)
{
  guint old_len = self->rowids->len;

  g_array_unref (self->rowids);
  self->rowids = g_array_ref (rowids);
  g_hash_table_remove_all (self->cache);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, rowids->len);
  if (old_len != rowids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void start_query (CLRosterModel *self);

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CLRosterModel *self = CL_ROSTER_MODEL (object);
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GError) error = NULL;

  rowids = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer question was asked meanwhile: its answer is the one that
   * counts, so don't flash this one on screen. */
  if (self->pending)
    {
      self->pending = FALSE;
      start_query (self);
      return;
    }

  if (rowids == NULL)
    g_warning ("roster query failed: %s", error->message);
  else
    replace_rows (self, rowids);

  set_loading (self, FALSE);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  maybe_build_prefixes (self);
}

static void
start_query (CLRosterModel *self)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, NULL, query_done_cb, NULL);
  g_task_set_source_tag (task, start_query);
  g_task_set_task_data (task, snapshot_params (self),
                        (GDestroyNotify) cl_roster_query_params_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, query_thread);
}

void
cl_roster_model_reload (CLRosterModel *self)
{
  g_return_if_fail (CL_IS_ROSTER_MODEL (self));

  if (self->loading)
    self->pending = TRUE;
  else
    start_query (self);
}

guint
cl_roster_model_query_sync (CLRosterModel  *self,
                            GError        **error)
{
  g_autoptr(GArray) rowids = NULL;
  QueryParams *params;

  g_return_val_if_fail (CL_IS_ROSTER_MODEL (self), 0);

  params = snapshot_params (self);
  rowids = query_with_reader (self, params, error);
  cl_roster_query_params_free (params);
  if (rowids == NULL)
    return 0;

  replace_rows (self, rowids);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  return rowids->len;
}

GArray *
cl_roster_model_search (CLRosterModel  *self,
                        const char     *query,
                        guint           limit,
                        guint          *n_matches,
                        GError        **error)
{
  QueryParams params = { 0 };
  g_autofree char *stripped = NULL;
  GArray *rowids;

  g_return_val_if_fail (CL_IS_ROSTER_MODEL (self), NULL);

  stripped = g_strstrip (g_strdup (query ? query : ""));
  params.query = *stripped ? stripped : NULL;
  params.sort = CL_ROSTER_SORT_NAME;
  params.stage = CL_STAGE_NONE;
  cl_date_today (&params.today);
  /* query_locked() touches only what reader_lock guards. */
  g_mutex_lock (&self->reader_lock);
  rowids = query_locked (self, &params, limit, n_matches, error);
  g_mutex_unlock (&self->reader_lock);
  return rowids;
}

const char *
cl_roster_model_get_query (CLRosterModel *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_MODEL (self), NULL);
  return self->query;
}

void
cl_roster_model_set_query (CLRosterModel *self,
                           const char    *query)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (CL_IS_ROSTER_MODEL (self));

  stripped = g_strstrip (g_strdup (query ? query : ""));
  if (cl_set_str (&self->query, *stripped ? stripped : NULL))
    cl_roster_model_reload (self);
}

void
cl_roster_model_set_risk (CLRosterModel *self,
                          const char    *risk)
{
  g_return_if_fail (CL_IS_ROSTER_MODEL (self));

  if (cl_set_str (&self->risk, risk))
    cl_roster_model_reload (self);
}

void
cl_roster_model_set_stage (CLRosterModel *self,
                           ClStage        stage)
{
  g_return_if_fail (CL_IS_ROSTER_MODEL (self));

  if (self->stage != stage)
    {
      self->stage = stage;
      cl_roster_model_reload (self);
    }
}

void
cl_roster_model_set_manager (CLRosterModel *self,
                             const char    *manager_id)
{
  g_return_if_fail (CL_IS_ROSTER_MODEL (self));

  if (g_strcmp0 (self->manager_id, manager_id) != 0)
    {
      g_free (self->manager_id);
      self->manager_id = g_strdup (manager_id);
      cl_roster_model_reload (self);
    }
}

void
cl_roster_model_set_sort (CLRosterModel *self,
                          ClRosterSort   sort,
                          gboolean       descending)
{
  g_return_if_fail (CL_IS_ROSTER_MODEL (self));

  if (self->sort != sort || self->descending != !!descending)
    {
      self->sort = sort;
      self->descending = !!descending;
      cl_roster_model_reload (self);
    }
}

gboolean
cl_roster_model_get_loading (CLRosterModel *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_MODEL (self), FALSE);
  return self->loading;
}

gboolean
cl_roster_model_get_loaded (CLRosterModel *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_MODEL (self), FALSE);
  return self->loaded;
}

gboolean
cl_roster_model_get_filtered (CLRosterModel *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_MODEL (self), FALSE);
  return self->query != NULL || self->risk != NULL || self->manager_id != NULL ||
         self->stage != CL_STAGE_NONE;
}

gboolean
cl_roster_model_get_indexed (CLRosterModel *self)
{
  gboolean indexed;

  g_return_val_if_fail (CL_IS_ROSTER_MODEL (self), FALSE);

  g_mutex_lock (&self->reader_lock);
  sync_generation_locked (self);
  indexed = self->prefix_bits != NULL && self->prefix_generation == self->generation;
  g_mutex_unlock (&self->reader_lock);
  return indexed;
}
