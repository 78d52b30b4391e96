/* cl-roster-model.c
 *
 * CLRosterModel (cl-roster-model.h): the roster as a GListModel — its
 * settings, the loading of rows into a cache, and the worker threads
 * that run its queries.  Answering a query from the base list and the
 * prefix bitmaps is cl-roster-model-search.c's; the SQL is the store's
 * (cl-store-roster.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-roster-model"

#include "config.h"

#include "cl-date.h"
#include "cl-roster-model-private.h"
#include "cl-store-roster.h"
#include "cl-util.h"

#define CACHE_LIMIT 1024

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
  CLRosterRow *row;

  if (position >= self->rowids->len)
    return NULL;

  row = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position));
  if (row)
    return g_object_ref (row);

  row = cl_store_roster_load_row (self->store, g_array_index (self->rowids, gint64, position),
                                  &self->today);

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
  g_clear_pointer (&self->reader, cl_store_roster_reader_close);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->base_signature, g_free);
  g_clear_pointer (&self->base_bits, g_free);
  g_clear_pointer (&self->flag_bits, g_free);
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
void
cl_roster_model_sync_generation_locked (CLRosterModel *self)
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
      cl_roster_model_sync_generation_locked (self);
      g_mutex_unlock (&self->reader_lock);
      cl_roster_model_reload (self);
    }
  else if (g_str_equal (table, "followup_item"))
    {
      /* Only a row's warning badge may change: the rows shown are read
       * again, the order and the search stay. */
      guint n = self->rowids->len;

      g_hash_table_remove_all (self->cache);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n, n);
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

static GArray *
query_with_reader (CLRosterModel      *self,
                   const QueryParams  *params,
                   GError            **error)
{
  GArray *rowids;

  g_mutex_lock (&self->reader_lock);
  rowids = cl_roster_model_query_locked (self, params, G_MAXUINT, NULL, error);
  g_mutex_unlock (&self->reader_lock);

  return rowids;
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
  cl_roster_model_build_prefixes (self);
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
