/* cl-roster-model-search.c
 *
 * CLRosterModel's answer to one query (cl-roster-model-private.h): the
 * filtered, sorted base list narrowed by the search terms' bitmaps, and
 * the background index of one- and two-character prefixes that keeps
 * the first keystrokes cheap.  The scans are the store's
 * (cl-store-roster.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-roster-model"

#include "config.h"

#include <string.h>

#include "cl-date.h"
#include "cl-roster-model-private.h"
#include "cl-util.h"

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

/* Under reader_lock: brings the flagged patients' bitmap up to date
 * for @today. */
static gboolean
flag_bits_locked (CLRosterModel  *self,
                  const GDate    *today,
                  GError        **error)
{
  guint32 julian = g_date_get_julian (today);
  guint8 *bits;

  if (self->flag_bits && self->flag_generation == self->generation && self->flag_julian == julian)
    return TRUE;
  bits = cl_store_roster_match_flagged (self->reader, today, self->base_max_rowid, error);
  if (bits == NULL)
    return FALSE;
  g_free (self->flag_bits);
  self->flag_bits = bits;
  self->flag_max_rowid = self->base_max_rowid;
  self->flag_generation = self->generation;
  self->flag_julian = julian;
  return TRUE;
}

GArray *
cl_roster_model_query_locked (CLRosterModel      *self,
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

  if (self->reader == NULL && !(self->reader = cl_store_roster_reader_open (self->store, error)))
    return NULL;

  cl_roster_model_sync_generation_locked (self);
  if (self->base == NULL || self->base_generation != self->generation ||
      g_strcmp0 (signature, self->base_signature) != 0)
    {
      GArray *base = cl_store_roster_list (self->reader, params, error);

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
        term_bits = cl_store_roster_match_prefix (self->reader, term, self->base_max_rowid, error);

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

  if (!flag_bits_locked (self, &params->today, error))
    return NULL;

  /* Walk the sorted base list twice and keep the marked ones, the
   * flagged patients in the first pass: they come first, and the order
   * within each group comes for free.  Done at @limit, or when all are
   * found. */
  n = MIN (n, limit);
  result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->base->len && result->len < n; i++)
      {
        gint64 rowid = g_array_index (self->base, gint64, i);
        gboolean flagged;

        if (rowid < 0 || !(bits[rowid / 8] & (1 << (rowid % 8))))
          continue;
        flagged = rowid <= self->flag_max_rowid && (self->flag_bits[rowid / 8] & (1 << (rowid % 8)));
        if (flagged == (pass == 0))
          g_array_append_val (result, rowid);
      }

  return g_steal_pointer (&result);
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
add_key_prefixes (const char *key,
                  gint64      rowid,
                  gpointer    user_data)
{
  PrefixIndex *index = user_data;
  gsize n_bytes = index->max_rowid / 8 + 1;
  const char *second = g_utf8_next_char (key);

  set_bit (index->bits, key, second - key, rowid, n_bytes);
  if ((guchar) key[0] < 0x80 && second[0] != '\0' && (guchar) second[0] < 0x80)
    set_bit (index->bits, key, 2, rowid, n_bytes);
}

static void
build_prefixes_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  CLRosterModel *self = source_object;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRosterReader) reader = NULL;
  PrefixIndex *index;

  /* A connection of its own, so searches go on while this runs. */
  if (!(reader = cl_store_roster_reader_open (self->store, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  index = g_new0 (PrefixIndex, 1);
  index->bits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  index->generation = GPOINTER_TO_UINT (task_data);
  if (!cl_store_roster_foreach_key (reader, &index->max_rowid, add_key_prefixes, index, &error))
    {
      prefix_index_free (index);
      g_task_return_error (task, g_steal_pointer (&error));
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

void
cl_roster_model_build_prefixes (CLRosterModel *self)
{
  g_autoptr(GTask) task = NULL;
  gboolean needed;
  guint generation;

  if (self->prefix_building)
    return;

  g_mutex_lock (&self->reader_lock);
  cl_roster_model_sync_generation_locked (self);
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
  g_task_set_source_tag (task, cl_roster_model_build_prefixes);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_set_task_data (task, GUINT_TO_POINTER (generation), NULL);
  g_task_run_in_thread (task, build_prefixes_thread);
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
  /* cl_roster_model_query_locked() touches only what reader_lock guards. */
  g_mutex_lock (&self->reader_lock);
  rowids = cl_roster_model_query_locked (self, &params, limit, n_matches, error);
  g_mutex_unlock (&self->reader_lock);
  return rowids;
}

gboolean
cl_roster_model_get_indexed (CLRosterModel *self)
{
  gboolean indexed;

  g_return_val_if_fail (CL_IS_ROSTER_MODEL (self), FALSE);

  g_mutex_lock (&self->reader_lock);
  cl_roster_model_sync_generation_locked (self);
  indexed = self->prefix_bits != NULL && self->prefix_generation == self->generation;
  g_mutex_unlock (&self->reader_lock);
  return indexed;
}
