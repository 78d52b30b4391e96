/* cl-store-snapshot.c
 *
 * The statements of snapshots (cl-snapshot.h, cl-store-snapshot.h):
 * the server writes the tables a role may read into an SQLite file
 * with CREATE TABLE … AS SELECT (no record is decoded or encoded), and
 * an empty desk copies them into its store with INSERT … SELECT, in
 * chunks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store-snapshot"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-store-private.h"
#include "cl-store-snapshot.h"
#include "cl-tables.h"

#define SNAPSHOT_FORMAT  1

/* The server's rowid of each row, beside its columns. */
#define ROWID_COLUMN     "careline_rowid"

/* Rows per transaction while loading: each holds the store's lock,
 * which the desk's views wait for, for a few tens of milliseconds. */
#define COPY_CHUNK       20000

/* The page cache while loading, in KiB. */
#define LOAD_CACHE_KIB   131072

static gboolean
db_error (sqlite3  *db,
          GError  **error)
{
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED,
               "%s", sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
db_exec (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return db_error (db, error);
  return TRUE;
}

/* The one integer a query gives, or @fallback for no row or NULL. */
static gboolean
db_query_int (sqlite3     *db,
              const char  *sql,
              const char  *param,
              gint64       fallback,
              gint64      *out,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return db_error (db, error);
  if (param)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL
         ? sqlite3_column_int64 (stmt, 0) : fallback;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_error (db, error);
  return TRUE;
}

/* Server side */

gboolean
cl_store_snapshot_write (CLStore             *store,
                         const char          *path,
                         const char * const  *tables,
                         const char          *roster_derivation,
                         gint64              *rev,
                         gint64              *n_rows,
                         GError             **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *source = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *meta = NULL;
  char *attach = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *rev = 0;
  *n_rows = 0;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                       SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      db_error (db, error);
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 5000);

  /* The store is attached read-only; the file being written needs no
   * journal (a failed one is thrown away). */
  absolute = g_canonicalize_filename (cl_store_get_path (store), NULL);
  source = g_filename_to_uri (absolute, NULL, error);
  if (source == NULL)
    goto out;
  /* g_filename_to_uri() gives file:///path, to which SQLite takes its
   * options; %Q quotes it as an SQL string. */
  uri = g_strconcat (source, "?mode=ro", NULL);
  attach = sqlite3_mprintf ("ATTACH %Q AS src", uri);
  if (!db_exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", error) ||
      !db_exec (db, attach, error) ||
      !db_exec (db, "BEGIN", error))
    goto out;

  /* The first read fixes what the transaction sees: the rev and every
   * table come from the same moment. */
  if (!db_query_int (db, "SELECT max(rev) FROM src.change_log", NULL, 0, rev, error))
    goto out;

  /* Each row keeps the server's rowid beside it, so that a desk can
   * keep the patients' and take the roster as it is (see below). */
  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *count_sql = NULL;
      gint64 count;

      sql = g_strdup_printf ("CREATE TABLE main.\"%s\" AS SELECT rowid AS " ROWID_COLUMN ", *"
                             " FROM src.\"%s\"", tables[i], tables[i]);
      count_sql = g_strdup_printf ("SELECT count(*) FROM main.\"%s\"", tables[i]);
      if (!db_exec (db, sql, error) ||
          !db_query_int (db, count_sql, NULL, 0, &count, error))
        goto out;
      *n_rows += count;
    }

  /* The roster rows and search keys the server keeps for its own
   * search: an empty desk can take them instead of working out the
   * pinyin of every name again. */
  if (roster_derivation)
    {
      if (!db_exec (db, "CREATE TABLE main.roster AS SELECT * FROM src.roster;"
                        "CREATE TABLE main.search_key AS SELECT * FROM src.search_key", error))
        goto out;
    }

  meta = g_strdup_printf ("CREATE TABLE careline_snapshot (key TEXT PRIMARY KEY, value TEXT);"
                          "INSERT INTO careline_snapshot VALUES ('format', '%d'), ('rev', '%"
                          G_GINT64_FORMAT "'), ('schema', '%d'), ('roster', '%s')",
                          SNAPSHOT_FORMAT, *rev, cl_store_get_schema_version (store),
                          roster_derivation ? roster_derivation : "");
  if (!db_exec (db, meta, error) ||
      !db_exec (db, "COMMIT", error) ||
      !db_exec (db, "DETACH src", error))
    goto out;
  ok = TRUE;

out:
  sqlite3_free (attach);
  sqlite3_close (db);
  if (!ok)
    g_unlink (path);
  return ok;
}

/* Desk side */

gboolean
cl_store_has_server_rows (CLStore   *store,
                          gboolean  *any,
                          GError   **error)
{
  const char * const *tables = cl_tables_list ();
  gboolean ok = TRUE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *any = FALSE;
  cl_store_lock (store);
  for (guint i = 0; ok && !*any && tables[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM \"%s\" WHERE rev > 0)",
                                              tables[i]);
      gint64 found;

      ok = db_query_int (cl_store_get_db (store), sql, NULL, 0, &found, error);
      *any = ok && found;
    }
  cl_store_unlock (store);
  return ok;
}

/* How one table of the file is copied: an INSERT … SELECT of the rows
 * whose rowid in the file is in (?1, ?2], run for each chunk up to
 * @max_rowid. */
typedef struct
{
  char   *table;
  char   *sql;
  gint64  max_rowid;
} CopyPlan;

static void
copy_plan_free (gpointer data)
{
  CopyPlan *plan = data;

  g_free (plan->table);
  g_free (plan->sql);
  g_free (plan);
}

static GHashTable *
column_names (sqlite3     *db,
              const char  *schema,
              const char  *table,
              GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s.table_info(\"%s\")", schema, table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      db_error (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      db_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

static gboolean
invalid (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The server’s copy of the data could not be read"));
  return FALSE;
}

static gboolean
snap_has_table (sqlite3     *db,
                const char  *table,
                gboolean    *has,
                GError     **error)
{
  gint64 n;

  if (!db_query_int (db, "SELECT count(*) FROM snap.sqlite_schema WHERE type = 'table' AND name = ?1",
                     table, 0, &n, error))
    return FALSE;
  *has = n > 0;
  return TRUE;
}

/* The statement copying @table: the columns both sides have (a server
 * a version ahead may have more, which wait for this desk's update).
 * @with_rowid: the rows keep the server's rowid.  @mode: "upsert" for a
 * synced table (a row the desk has at the same rev or a later one — a
 * load done again after a crash, its own edit since — stays as it is),
 * "ignore" for a derived one. */
static CopyPlan *
plan_table (sqlite3     *db,
            const char  *table,
            gboolean     with_rowid,
            gboolean     upsert,
            const char  *condition,
            GError     **error)
{
  g_autoptr(GHashTable) theirs = NULL;
  g_autoptr(GHashTable) ours = NULL;
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) updates = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *max_sql = NULL;
  CopyPlan *plan;
  GHashTableIter iter;
  gpointer name;

  if (!(theirs = column_names (db, "snap", table, error)) ||
      !(ours = column_names (db, "main", table, error)))
    return NULL;
  if (upsert && (!g_hash_table_contains (theirs, "id") || !g_hash_table_contains (theirs, "rev")))
    {
      invalid (error);
      return NULL;
    }

  g_hash_table_iter_init (&iter, ours);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (g_hash_table_contains (theirs, name))
      {
        g_string_append_printf (columns, "%s\"%s\"", columns->len ? ", " : "", (char *) name);
        g_string_append_printf (updates, "%s\"%s\" = excluded.\"%s\"",
                                updates->len ? ", " : "", (char *) name, (char *) name);
      }

  g_string_append_printf (sql, "INSERT %s INTO main.\"%s\" (%s%s) SELECT %s%s FROM snap.\"%s\""
                          " WHERE rowid > ?1 AND rowid <= ?2%s%s",
                          upsert ? "" : "OR IGNORE", table,
                          with_rowid ? "rowid, " : "", columns->str,
                          with_rowid ? ROWID_COLUMN ", " : "", columns->str, table,
                          condition ? " AND " : "", condition ? condition : "");
  if (upsert)
    g_string_append_printf (sql, " ON CONFLICT (id) DO UPDATE SET %s WHERE excluded.rev > \"%s\".rev",
                            updates->str, table);

  plan = g_new0 (CopyPlan, 1);
  plan->table = g_strdup (table);
  plan->sql = g_string_free (g_steal_pointer (&sql), FALSE);
  max_sql = g_strdup_printf ("SELECT max(rowid) FROM snap.\"%s\"", table);
  if (!db_query_int (db, max_sql, NULL, 0, &plan->max_rowid, error))
    {
      copy_plan_free (plan);
      return NULL;
    }
  return plan;
}

/* Whether the desk can take the server's roster rows and search keys
 * as they are: they were made the same way, and no patient of its own
 * could have a rowid of the server's. */
static gboolean
can_take_roster (sqlite3     *db,
                 const char  *ours,
                 gboolean    *take,
                 GError     **error)
{
  g_autoptr(GHashTable) columns = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean same, has_roster, has_keys, has_patients;
  gint64 any_patient, any_row;

  *take = FALSE;
  if (sqlite3_prepare_v2 (db, "SELECT value FROM snap.careline_snapshot WHERE key = 'roster'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return db_error (db, error);
  same = sqlite3_step (stmt) == SQLITE_ROW &&
         g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), ours) == 0;
  sqlite3_finalize (stmt);
  if (!same)
    return TRUE;

  if (!snap_has_table (db, "roster", &has_roster, error) ||
      !snap_has_table (db, "search_key", &has_keys, error) ||
      !snap_has_table (db, "patient", &has_patients, error))
    return FALSE;
  if (!has_roster || !has_keys || !has_patients)
    return TRUE;
  if (!(columns = column_names (db, "snap", "patient", error)))
    return FALSE;
  if (!db_query_int (db, "SELECT EXISTS (SELECT 1 FROM main.patient)", NULL, 0, &any_patient, error) ||
      !db_query_int (db, "SELECT EXISTS (SELECT 1 FROM main.roster)", NULL, 0, &any_row, error))
    return FALSE;
  *take = g_hash_table_contains (columns, ROWID_COLUMN) && !any_patient && !any_row;
  return TRUE;
}

/* Checks the attached file and plans the copy of each table: the
 * synced tables it holds (those the role may read), then either the
 * server's roster and search keys or nothing, and then *@build_roster
 * says the desk must make them itself.  Called with the store locked. */
static GPtrArray *
plan_copy (CLStore     *store,
           const char  *roster_derivation,
           gint64      *rev,
           gboolean    *build_roster,
           GError     **error)
{
  sqlite3 *db = cl_store_get_db (store);
  const char * const *tables = cl_tables_list ();
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (copy_plan_free);
  sqlite3_stmt *stmt = NULL;
  gboolean ok, take_roster;
  gint64 format = 0;

  /* Anything but a sound SQLite file of our format is refused before a
   * row is written. */
  if (sqlite3_prepare_v2 (db, "PRAGMA snap.quick_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      invalid (error);
      return NULL;
    }
  ok = sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!ok ||
      !db_query_int (db, "SELECT value FROM snap.careline_snapshot WHERE key = 'format'",
                     NULL, 0, &format, NULL) ||
      format != SNAPSHOT_FORMAT ||
      !db_query_int (db, "SELECT value FROM snap.careline_snapshot WHERE key = 'rev'",
                     NULL, -1, rev, NULL) ||
      *rev < 0)
    {
      invalid (error);
      return NULL;
    }

  if (!can_take_roster (db, roster_derivation, &take_roster, error))
    return NULL;

  for (guint i = 0; tables[i]; i++)
    {
      gboolean has;
      CopyPlan *plan;

      if (!snap_has_table (db, tables[i], &has, error))
        return NULL;
      if (!has)
        continue;   /* a table this role may not read */
      /* The roster refers to patients by rowid. */
      plan = plan_table (db, tables[i], take_roster && g_str_equal (tables[i], "patient"),
                         TRUE, NULL, error);
      if (plan == NULL)
        return NULL;
      g_ptr_array_add (plans, plan);
    }

  /* Keys first: a patient edited here meanwhile has a roster row (and
   * her own keys) already, and keeps them. */
  if (take_roster)
    {
      CopyPlan *keys, *roster;

      keys = plan_table (db, "search_key", FALSE, FALSE,
                         "patient_rowid NOT IN (SELECT patient_rowid FROM main.roster)", error);
      if (keys == NULL)
        return NULL;
      g_ptr_array_add (plans, keys);
      roster = plan_table (db, "roster", FALSE, FALSE, NULL, error);
      if (roster == NULL)
        return NULL;
      g_ptr_array_add (plans, roster);
    }

  *build_roster = !take_roster;
  return g_steal_pointer (&plans);
}

struct _CLSnapshotLoad
{
  CLStore   *store;
  GPtrArray *plans;
  guint      plan;      /* the one being copied */
  gint64     low;       /* the rowid in the file it has reached */
  gint64     rev;
  gboolean   build_roster;
};

CLSnapshotLoad *
cl_store_snapshot_load_open (CLStore     *store,
                             const char  *path,
                             const char  *roster_derivation,
                             GError     **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  CLSnapshotLoad *load;
  gboolean build = TRUE;
  gint64 rev = 0;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* ATTACH and DETACH are not allowed inside a transaction; the lock
   * keeps another thread from starting one in between. */
  cl_store_lock (store);
  db = cl_store_get_db (store);
  if (sqlite3_prepare_v2 (db, "ATTACH ?1 AS snap", -1, &stmt, NULL) != SQLITE_OK)
    {
      db_error (db, error);
      cl_store_unlock (store);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      invalid (error);
      cl_store_unlock (store);
      return NULL;
    }
  if (!(plans = plan_copy (store, roster_derivation, &rev, &build, error)))
    {
      if (sqlite3_exec (db, "DETACH snap", NULL, NULL, NULL) != SQLITE_OK)
        g_warning ("detaching a snapshot: %s", sqlite3_errmsg (db));
      cl_store_unlock (store);
      return NULL;
    }
  /* Rows land all over each table's id index (ids are random UUIDs):
   * with SQLite's 2 MiB default cache most inserts would read a page
   * from disk.  Given back at the end. */
  sqlite3_exec (db, "PRAGMA cache_size = -" G_STRINGIFY (LOAD_CACHE_KIB), NULL, NULL, NULL);
  cl_store_unlock (store);

  load = g_new0 (CLSnapshotLoad, 1);
  load->store = g_object_ref (store);
  load->plans = g_steal_pointer (&plans);
  load->rev = rev;
  load->build_roster = build;
  return load;
}

gint64
cl_snapshot_load_get_rev (CLSnapshotLoad *load)
{
  return load->rev;
}

gboolean
cl_snapshot_load_builds_roster (CLSnapshotLoad *load)
{
  return load->build_roster;
}

gboolean
cl_snapshot_load_has_more (CLSnapshotLoad *load)
{
  g_return_val_if_fail (load != NULL, FALSE);

  while (load->plan < load->plans->len)
    {
      CopyPlan *plan = g_ptr_array_index (load->plans, load->plan);

      if (load->low < plan->max_rowid)
        return TRUE;
      load->plan++;
      load->low = 0;
    }
  return FALSE;
}

gboolean
cl_snapshot_load_copy_next (CLSnapshotLoad  *load,
                            gint64          *n_rows,
                            GError         **error)
{
  sqlite3 *db = cl_store_get_db (load->store);
  sqlite3_stmt *stmt = NULL;
  CopyPlan *plan;
  gboolean synced;
  int rc;

  g_return_val_if_fail (cl_snapshot_load_has_more (load), FALSE);

  plan = g_ptr_array_index (load->plans, load->plan);
  synced = cl_tables_lookup (plan->table) != G_TYPE_INVALID;
  if (sqlite3_prepare_v2 (db, plan->sql, -1, &stmt, NULL) != SQLITE_OK)
    return db_error (db, error);
  sqlite3_bind_int64 (stmt, 1, load->low);
  sqlite3_bind_int64 (stmt, 2, load->low + COPY_CHUNK);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return db_error (db, error);
  if (synced)
    *n_rows += sqlite3_changes (db);
  /* The roster's own rows tell its views as a patient write does. */
  cl_store_touch_table (load->store, synced ? plan->table : "patient");
  load->low += COPY_CHUNK;
  return TRUE;
}

void
cl_snapshot_load_close (CLSnapshotLoad *load)
{
  sqlite3 *db;

  if (load == NULL)
    return;

  cl_store_lock (load->store);
  db = cl_store_get_db (load->store);
  sqlite3_exec (db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
  if (sqlite3_exec (db, "DETACH snap", NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("detaching a snapshot: %s", sqlite3_errmsg (db));
  cl_store_unlock (load->store);

  g_ptr_array_unref (load->plans);
  g_object_unref (load->store);
  g_free (load);
}

GPtrArray *
cl_store_next_patients_for_roster (CLStore  *store,
                              gint64   *after,
                              guint     limit,
                              GError  **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (!(stmt = cl_store_prepare (store, "SELECT rowid, id FROM patient WHERE rowid > ?1"
                                 " ORDER BY rowid LIMIT ?2", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, *after);
  sqlite3_bind_int (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *after = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      return NULL;
    }
  /* Their roster rows change: views of patients hear it at commit. */
  if (ids->len > 0)
    cl_store_touch_table (store, "patient");
  return g_steal_pointer (&ids);
}
