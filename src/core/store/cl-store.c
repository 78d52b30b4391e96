/* cl-store.c
 *
 * CLStore (cl-store.h): opening and migrating the SQLite file, the
 * connection's lock, prepared statements, transactions and the
 * "changed" signal they end in.  Reading and writing records is in
 * cl-store-records.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-followup-store.h"
#include "cl-roster-index.h"
#include "cl-store-private.h"
#include "cl-util.h"

struct _CLStore
{
  GObject parent_instance;

  /* owned */
  char         *path;
  char         *actor;
  sqlite3      *db;
  GHashTable   *statements;   /* sql → sqlite3_stmt */
  GHashTable   *by_pointer;   /* sql pointer → sqlite3_stmt, a faster first look */
  GHashTable   *touched;      /* tables written in the open transaction */
  GMutex        serials_lock;
  GHashTable   *serials;      /* interned table → commits that wrote it */
  GHashTable   *deferred;     /* patient ids whose roster rows wait for commit */
  GHashTable   *replan;       /* pregnancy ids whose follow-up plan waits for commit */
  gboolean      replanning;
  ClRiskScale  *risk_scale;
  GMainContext *context;      /* where "changed" is emitted */
  GRecMutex     lock;
  gint          schema_version;
  gboolean      in_transaction;
  gboolean      refetchable;  /* this transaction commits with synchronous = NORMAL */
};

G_DEFINE_FINAL_TYPE (CLStore, cl_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (cl-store-error-quark, cl_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cl_store_finalize (GObject *object)
{
  CLStore *self = CL_STORE (object);

  g_clear_pointer (&self->by_pointer, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->replan, g_hash_table_unref);
  g_clear_pointer (&self->serials, g_hash_table_unref);
  g_mutex_clear (&self->serials_lock);
  g_clear_pointer (&self->deferred, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Closing checkpoints the WAL back into the main file. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->risk_scale, cl_risk_scale_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cl_store_parent_class)->finalize (object);
}

static void
cl_store_class_init (CLStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_store_finalize;

  /**
   * CLStore::changed:
   * @table: the table that was written
   *
   * Emitted in the main context after a transaction that wrote @table
   * was committed, once per table.  The signal detail is the table name.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
cl_store_init (CLStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->by_pointer = g_hash_table_new (NULL, NULL);
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&self->serials_lock);
  self->serials = g_hash_table_new (NULL, NULL);
  self->actor = g_strdup (g_get_user_name ());
  self->context = g_main_context_ref (g_main_context_default ());
}

static void
set_sqlite_error (sqlite3  *db,
                  int       rc,
                  GError  **error)
{
  int code = rc & 0xff;

  if (code == SQLITE_CORRUPT)
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT,
                 _("The data file is damaged (%s). Restore it from a backup; it was not changed."),
                 sqlite3_errmsg (db));
  else if (code == SQLITE_NOTADB)
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_A_STORE,
                 _("This file is not a Careline data file; it was not changed."));
  else if (code == SQLITE_CONSTRAINT)
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONFLICT,
                 "%s", sqlite3_errmsg (db));
  else
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED,
                 _("The data file could not be used: %s"),
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

void
cl_store_set_sqlite_error (CLStore  *self,
                           GError  **error)
{
  g_return_if_fail (CL_IS_STORE (self));

  set_sqlite_error (self->db, sqlite3_extended_errcode (self->db), error);
}

gboolean
cl_store_step (CLStore       *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_db (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (db, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Refuse anything that is not empty and not SQLite before SQLite gets
 * a chance to write to it (opening a text file in WAL mode would not
 * destroy it, but a person who picked the wrong file deserves a clear
 * answer rather than an odd one). */
static gboolean
check_file_header (const char  *path,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16];
  gsize n_read = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED,
                   _("The data file could not be read: %s"), local_error->message);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header,
                                &n_read, NULL, &local_error))
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED,
                   _("The data file could not be read: %s"), local_error->message);
      return FALSE;
    }

  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_A_STORE,
                   _("“%s” is not a Careline data file; it was not changed."), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (CLStore  *self,
         GError  **error)
{
  gint64 app_id = 0, version = 0, n_objects = 0;

  /* Reading the schema also detects a damaged header early. */
  if (!query_int (self->db, "PRAGMA application_id", &app_id, error) ||
      !query_int (self->db, "PRAGMA user_version", &version, error) ||
      !query_int (self->db, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  if (app_id != CL_STORE_APPLICATION_ID && (app_id != 0 || n_objects > 0))
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_A_STORE,
                   _("“%s” is a database of another program, not a Careline data file; it was not changed."),
                   self->path);
      return FALSE;
    }

  if (version > (gint64) cl_store_n_migrations)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_TOO_NEW,
                   _("This data file was written by a newer version of Careline (schema %d; this version knows up to %d). Update Careline to open it."),
                   (int) version, (int) cl_store_n_migrations);
      return FALSE;
    }

  for (guint i = version; i < cl_store_n_migrations; i++)
    {
      g_autofree char *bump = NULL;

      if (!exec_db (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;

      bump = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u",
                              CL_STORE_APPLICATION_ID, i + 1);
      if (!exec_db (self->db, cl_store_migrations[i], error) ||
          !exec_db (self->db, bump, error) ||
          !exec_db (self->db, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, "migration %u: ", i + 1);
          return FALSE;
        }
      g_debug ("migrated %s to schema %u", self->path, i + 1);
    }

  self->schema_version = cl_store_n_migrations;
  return TRUE;
}

static sqlite3 *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  rc = cl_store_register_collations (db, error);
  if (rc == SQLITE_OK)
    rc = cl_store_register_functions (db);
  if (rc != SQLITE_OK)
    {
      /* An ICU failure has said what it is already. */
      if (error == NULL || *error == NULL)
        set_sqlite_error (db, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

CLStore *
cl_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(CLStore) self = NULL;
  g_autofree char *dir = NULL;
  gint64 dummy;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED,
                   _("The folder “%s” could not be created: %s"), dir, g_strerror (saved));
      return NULL;
    }

  if (!check_file_header (path, error))
    return NULL;

  self = g_object_new (CL_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->risk_scale = cl_risk_scale_ref (cl_risk_scale_get_default ());

  self->db = open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (self->db == NULL)
    return NULL;

  if (!query_int (self->db, "PRAGMA schema_version", &dummy, error))
    return NULL;

  /* Ownership and version are checked (in migrate) before the switch to
   * WAL: journal_mode=WAL rewrites the file header, and another
   * program's database or a newer store must be left as it was. */
  if (!migrate (self, error))
    return NULL;

  /* WAL with synchronous=FULL: a committed transaction survives a crash
   * or a power cut; readers never block the writer. */
  if (!exec_db (self->db,
                "PRAGMA journal_mode = WAL;"
                "PRAGMA synchronous = FULL;"
                "PRAGMA foreign_keys = ON;"
                "PRAGMA temp_store = MEMORY;",
                error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  CLStore *store;

  store = cl_store_open (task_data, &error);
  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
cl_store_open_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

CLStore *
cl_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
cl_store_get_path (CLStore *self)
{
  g_return_val_if_fail (CL_IS_STORE (self), NULL);
  return self->path;
}

gint
cl_store_get_schema_version (CLStore *self)
{
  g_return_val_if_fail (CL_IS_STORE (self), 0);
  return self->schema_version;
}

ClRiskScale *
cl_store_get_risk_scale (CLStore *self)
{
  g_return_val_if_fail (CL_IS_STORE (self), NULL);
  return self->risk_scale;
}

const char *
cl_store_get_actor (CLStore *self)
{
  g_return_val_if_fail (CL_IS_STORE (self), NULL);
  return self->actor;
}

void
cl_store_set_actor (CLStore    *self,
                    const char *actor)
{
  g_return_if_fail (CL_IS_STORE (self));

  cl_store_lock (self);
  cl_set_str (&self->actor, actor);
  cl_store_unlock (self);
}

sqlite3 *
cl_store_get_db (CLStore *self)
{
  g_return_val_if_fail (CL_IS_STORE (self), NULL);
  return self->db;
}

void
cl_store_lock (CLStore *self)
{
  g_rec_mutex_lock (&self->lock);
}

void
cl_store_unlock (CLStore *self)
{
  g_rec_mutex_unlock (&self->lock);
}

void
cl_store_begin_read (CLStore *self)
{
  g_return_if_fail (CL_IS_STORE (self));
  g_rec_mutex_lock (&self->lock);
}

void
cl_store_end_read (CLStore *self)
{
  g_return_if_fail (CL_IS_STORE (self));
  g_rec_mutex_unlock (&self->lock);
}

sqlite3_stmt *
cl_store_prepare (CLStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  /* Most statements are static strings: look them up by address
   * first (hashing a long upsert for every row costs more than its
   * bind), checking the text in case the address was reused. */
  stmt = g_hash_table_lookup (self->by_pointer, sql);
  if (stmt == NULL || strcmp (sqlite3_sql (stmt), sql) != 0)
    {
      stmt = g_hash_table_lookup (self->statements, sql);
      if (stmt == NULL)
        {
          if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
            {
              cl_store_set_sqlite_error (self, error);
              return NULL;
            }
          g_hash_table_insert (self->statements, g_strdup (sql), stmt);
        }
      g_hash_table_insert (self->by_pointer, (gpointer) sql, stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

gboolean
cl_store_exec (CLStore     *self,
               const char  *sql,
               GError     **error)
{
  gboolean ret;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  cl_store_lock (self);
  ret = exec_db (self->db, sql, error);
  cl_store_unlock (self);
  return ret;
}

sqlite3 *
cl_store_open_reader (CLStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  return open_connection (self->path, SQLITE_OPEN_READONLY, error);
}

gboolean
cl_store_begin (CLStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  cl_store_lock (self);
  g_assert (!self->in_transaction);
  if (!exec_db (self->db, "BEGIN IMMEDIATE", error))
    {
      cl_store_unlock (self);
      return FALSE;
    }
  self->in_transaction = TRUE;
  return TRUE;
}

typedef struct
{
  CLStore *store;
  GPtrArray *tables;
} ChangedData;

static gboolean
emit_changed_cb (gpointer user_data)
{
  ChangedData *data = user_data;

  for (guint i = 0; i < data->tables->len; i++)
    {
      const char *table = g_ptr_array_index (data->tables, i);
      g_signal_emit (data->store, signals[CHANGED], g_quark_from_string (table), table);
    }
  g_object_unref (data->store);
  g_ptr_array_unref (data->tables);
  g_free (data);
  return G_SOURCE_REMOVE;
}

gboolean
cl_store_begin_bulk (CLStore  *self,
                     GError  **error)
{
  if (!cl_store_begin (self, error))
    return FALSE;
  self->deferred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) cl_roster_keys_free);
  /* A page touches rows all over a large store, and its roster rows are
   * rebuilt at commit: keep what it read in memory until then (the
   * default cache is 2 MiB; commit gives the memory back). */
  exec_db (self->db, "PRAGMA cache_size = -65536", NULL);
  return TRUE;
}

gboolean
cl_store_begin_refetchable (CLStore  *self,
                            GError  **error)
{
  if (!cl_store_begin (self, error))
    return FALSE;
  self->refetchable = TRUE;
  exec_db (self->db, "PRAGMA synchronous = NORMAL", NULL);
  return TRUE;
}

/* Back to FULL once a refetchable transaction is over, before the lock
 * is let go: no other commit may run with NORMAL. */
static void
end_refetchable (CLStore *self)
{
  if (self->refetchable)
    {
      self->refetchable = FALSE;
      exec_db (self->db, "PRAGMA synchronous = FULL", NULL);
    }
}

gboolean
cl_store_defer_roster (CLStore    *self,
                       const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (self), FALSE);

  if (self->deferred == NULL)
    return FALSE;
  if (patient_id && !g_hash_table_contains (self->deferred, patient_id))
    g_hash_table_insert (self->deferred, g_strdup (patient_id), NULL);
  return TRUE;
}

void
cl_store_offer_roster_keys (CLStore      *self,
                            const char   *patient_id,
                            ClRosterKeys *keys)
{
  g_return_if_fail (CL_IS_STORE (self));

  if (self->deferred != NULL && patient_id != NULL &&
      g_hash_table_contains (self->deferred, patient_id))
    g_hash_table_insert (self->deferred, g_strdup (patient_id), keys);
  else
    cl_roster_keys_free (keys);
}

static gboolean
update_deferred (CLStore  *self,
                 GError  **error)
{
  g_autoptr(GHashTable) deferred = g_steal_pointer (&self->deferred);
  GHashTableIter iter;
  gpointer id, keys;
  gboolean ok = TRUE;

  if (deferred == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, deferred);
  while (ok && g_hash_table_iter_next (&iter, &id, &keys))
    ok = cl_roster_index_update_with_keys (self, id, keys, error);
  exec_db (self->db, "PRAGMA cache_size = -2000", NULL);
  return ok;
}

void
cl_store_mark_replan (CLStore    *self,
                      const char *pregnancy_id)
{
  g_return_if_fail (CL_IS_STORE (self));

  if (pregnancy_id == NULL || *pregnancy_id == '\0' || self->replanning)
    return;
  if (self->replan == NULL)
    self->replan = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (self->replan, g_strdup (pregnancy_id));
}

/* The follow-up items follow the plan in the transaction that moved it,
 * so no desk ever holds a corrected EDD with items on the old dates. */
static gboolean
replan_marked (CLStore  *self,
               GError  **error)
{
  g_autoptr(GHashTable) replan = g_steal_pointer (&self->replan);
  GHashTableIter iter;
  gpointer id;
  gboolean ok = TRUE;

  if (replan == NULL)
    return TRUE;
  self->replanning = TRUE;
  g_hash_table_iter_init (&iter, replan);
  while (ok && g_hash_table_iter_next (&iter, &id, NULL))
    ok = cl_followup_store_replan_in_transaction (self, id, error);
  self->replanning = FALSE;
  return ok;
}

gboolean
cl_store_commit (CLStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!replan_marked (self, error))
    {
      cl_store_rollback (self);
      return FALSE;
    }
  if (!update_deferred (self, error))
    {
      cl_store_rollback (self);
      return FALSE;
    }
  if (!exec_db (self->db, "COMMIT", error))
    {
      cl_store_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  end_refetchable (self);
  if (g_hash_table_size (self->touched) > 0)
    {
      ChangedData *data = g_new0 (ChangedData, 1);
      GHashTableIter iter;
      gpointer key;

      data->store = g_object_ref (self);
      data->tables = g_ptr_array_new ();
      /* The serials move now, before the writer hears of its commit;
       * the signal comes later, in the store's main context. */
      g_mutex_lock (&self->serials_lock);
      g_hash_table_iter_init (&iter, self->touched);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint serial = GPOINTER_TO_UINT (g_hash_table_lookup (self->serials, key));

          g_hash_table_insert (self->serials, key, GUINT_TO_POINTER (serial + 1));
          g_ptr_array_add (data->tables, key);
        }
      g_mutex_unlock (&self->serials_lock);
      g_hash_table_remove_all (self->touched);
      g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT,
                                  emit_changed_cb, data, NULL);
    }
  cl_store_unlock (self);
  return TRUE;
}

void
cl_store_rollback (CLStore *self)
{
  g_return_if_fail (CL_IS_STORE (self));
  g_return_if_fail (self->in_transaction);

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  end_refetchable (self);
  if (self->deferred)
    {
      g_clear_pointer (&self->deferred, g_hash_table_unref);
      exec_db (self->db, "PRAGMA cache_size = -2000", NULL);
    }
  g_hash_table_remove_all (self->touched);
  g_clear_pointer (&self->replan, g_hash_table_unref);
  cl_store_unlock (self);
}
guint
cl_store_get_table_serial (CLStore    *self,
                           const char *table)
{
  guint serial;

  g_return_val_if_fail (CL_IS_STORE (self), 0);
  g_return_val_if_fail (table != NULL, 0);

  g_mutex_lock (&self->serials_lock);
  serial = GPOINTER_TO_UINT (g_hash_table_lookup (self->serials, g_intern_string (table)));
  g_mutex_unlock (&self->serials_lock);
  return serial;
}

/* Private (cl-store-private.h), for cl-store-records.c. */
gboolean
cl_store_in_transaction (CLStore *self)
{
  return self->in_transaction;
}

void
cl_store_touch_table (CLStore    *self,
                      const char *table)
{
  g_hash_table_add (self->touched, (gpointer) g_intern_string (table));
}
