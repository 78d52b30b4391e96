/* cl-snapshot.c
 *
 * Snapshots (cl-snapshot.h): the server writes the synced tables a
 * role may read into an SQLite file with CREATE TABLE … AS SELECT (no
 * record is decoded or encoded), and an empty desk copies them into
 * its store with INSERT … SELECT and builds its roster once.  That is
 * how a new desk gets 100 000 patients in seconds, where replaying the
 * change feed costs a JSON decode and a record write per change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-snapshot"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-roster-index.h"
#include "cl-snapshot.h"
#include "cl-store-private.h"
#include "cl-sync-revs.h"
#include "cl-tables.h"

#define SNAPSHOT_FORMAT  1

/* The server's rowid of each row, beside its columns. */
#define ROWID_COLUMN     "careline_rowid"

/* Rows per transaction while loading: each holds the store's lock,
 * which the desk's views wait for, for a few tens of milliseconds. */
#define COPY_CHUNK       20000
#define ROSTER_CHUNK     500

/* The page cache while loading, in KiB. */
#define LOAD_CACHE_KIB   131072

/* In sync_state while a load is under way (its rev). */
#define PENDING_KEY      "snapshot_rev"

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

/* The tables roster rows and search keys are made of. */
static gboolean
can_read_roster (const char *role)
{
  static const char * const sources[] = {
    "patient", "pregnancy", "enrolment", "package", "document", "visit_mark",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (!cl_tables_can_read (role, sources[i]))
      return FALSE;
  return TRUE;
}

gboolean
cl_snapshot_write (CLStore     *store,
                   const char  *role,
                   const char  *path,
                   gint64      *rev,
                   gint64      *n_rows,
                   GError     **error)
{
  const char * const *tables = cl_tables_list ();
  g_autofree char *absolute = NULL;
  g_autofree char *source = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *derivation = NULL;
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

      if (!cl_tables_can_read (role, tables[i]))
        continue;
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
   * pinyin of every name again, if the role may see what they are
   * made of. */
  if (can_read_roster (role))
    {
      derivation = cl_roster_index_derivation ();
      if (!db_exec (db, "CREATE TABLE main.roster AS SELECT * FROM src.roster;"
                        "CREATE TABLE main.search_key AS SELECT * FROM src.search_key", error))
        goto out;
    }

  meta = g_strdup_printf ("CREATE TABLE careline_snapshot (key TEXT PRIMARY KEY, value TEXT);"
                          "INSERT INTO careline_snapshot VALUES ('format', '%d'), ('rev', '%"
                          G_GINT64_FORMAT "'), ('schema', '%d'), ('roster', '%s')",
                          SNAPSHOT_FORMAT, *rev, cl_store_get_schema_version (store),
                          derivation ? derivation : "");
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
cl_snapshot_wanted (CLStore   *store,
                    gboolean  *wanted,
                    GError   **error)
{
  const char * const *tables = cl_tables_list ();
  gint64 value;
  gboolean present;
  gboolean ok = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *wanted = FALSE;
  cl_store_lock (store);
  if (!cl_sync_revs_get_mark (store, PENDING_KEY, &value, &present, error))
    goto out;
  if (present)
    {
      *wanted = TRUE;
      ok = TRUE;
      goto out;
    }
  if (!cl_sync_revs_get_mark (store, "last_rev", &value, NULL, error))
    goto out;
  if (value > 0)
    {
      ok = TRUE;
      goto out;
    }

  /* Anything in the outbox or any row from the server (the desk's own
   * work before it first reached the server) goes by the feed, which
   * knows how to merge.  Rows the schema seeds (the packages) are
   * rev 0, and the snapshot's copies replace them. */
  if (cl_store_count_outbox (store) > 0)
    {
      ok = TRUE;
      goto out;
    }
  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM \"%s\" WHERE rev > 0)",
                                              tables[i]);
      gint64 any;

      if (!db_query_int (cl_store_get_db (store), sql, NULL, 0, &any, error))
        goto out;
      if (any)
        {
          ok = TRUE;
          goto out;
        }
    }
  *wanted = TRUE;
  ok = TRUE;

out:
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
can_take_roster (sqlite3   *db,
                 gboolean  *take,
                 GError   **error)
{
  g_autofree char *ours = cl_roster_index_derivation ();
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
plan_copy (CLStore   *store,
           gint64    *rev,
           gboolean  *build_roster,
           GError   **error)
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

  if (!can_take_roster (db, &take_roster, error))
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

/* One table, COPY_CHUNK rows per transaction.  The first transaction
 * of the load also marks it pending.  The rows can be fetched again and
 * a load cut short is done again, so the commits need not wait for the
 * disk (cl_store_begin_refetchable()). */
static gboolean
copy_table (CLStore   *store,
            CopyPlan  *plan,
            gint64     rev,
            gint64    *n_rows,
            GError   **error)
{
  gboolean synced = cl_tables_lookup (plan->table) != G_TYPE_INVALID;

  for (gint64 low = 0; low < plan->max_rowid; low += COPY_CHUNK)
    {
      sqlite3 *db;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (!cl_store_begin_refetchable (store, error))
        return FALSE;
      db = cl_store_get_db (store);
      if (!cl_sync_revs_set_mark (store, PENDING_KEY, rev, error))
        goto failed;
      if (sqlite3_prepare_v2 (db, plan->sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          db_error (db, error);
          goto failed;
        }
      sqlite3_bind_int64 (stmt, 1, low);
      sqlite3_bind_int64 (stmt, 2, low + COPY_CHUNK);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          db_error (db, error);
          goto failed;
        }
      if (synced)
        *n_rows += sqlite3_changes (db);
      /* The roster's own rows tell its views as a patient write does. */
      cl_store_touch_table (store, synced ? plan->table : "patient");
      if (!cl_store_commit (store, error))
        return FALSE;
      continue;

    failed:
      cl_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* The rows came in without their write hooks: build every patient's
 * roster row and search keys, ROSTER_CHUNK patients per transaction. */
static gboolean
build_roster (CLStore  *store,
              GError  **error)
{
  gint64 after = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt;
      int rc;

      if (!cl_store_begin_refetchable (store, error))
        return FALSE;
      if (!(stmt = cl_store_prepare (store, "SELECT rowid, id FROM patient WHERE rowid > ?1"
                                     " ORDER BY rowid LIMIT ?2", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, after);
      sqlite3_bind_int (stmt, 2, ROSTER_CHUNK);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          after = sqlite3_column_int64 (stmt, 0);
          g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cl_store_set_sqlite_error (store, error);
          goto failed;
        }
      for (guint i = 0; i < ids->len; i++)
        if (!cl_roster_index_update (store, g_ptr_array_index (ids, i), error))
          goto failed;
      if (ids->len > 0)
        cl_store_touch_table (store, "patient");
      if (!cl_store_commit (store, error))
        return FALSE;
      if (ids->len < ROSTER_CHUNK)
        return TRUE;
      continue;

    failed:
      cl_store_rollback (store);
      return FALSE;
    }
}

static gboolean
finish (CLStore  *store,
        gint64    rev,
        GError  **error)
{
  sqlite3_stmt *stmt;

  if (!cl_store_begin (store, error))
    return FALSE;
  if (!cl_sync_revs_set_mark (store, "last_rev", rev, error) ||
      !(stmt = cl_store_prepare (store, "DELETE FROM sync_state WHERE key = '" PENDING_KEY "'", error)) ||
      !cl_store_step (store, stmt, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  return cl_store_commit (store, error);
}

gboolean
cl_snapshot_apply (CLStore     *store,
                   const char  *path,
                   gint64      *rev,
                   gint64      *n_rows,
                   GError     **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  gboolean ok = FALSE;
  gboolean roster_to_build = TRUE;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *rev = 0;
  *n_rows = 0;

  /* ATTACH and DETACH are not allowed inside a transaction; the lock
   * keeps another thread from starting one in between. */
  cl_store_lock (store);
  db = cl_store_get_db (store);
  if (sqlite3_prepare_v2 (db, "ATTACH ?1 AS snap", -1, &stmt, NULL) != SQLITE_OK)
    {
      db_error (db, error);
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      invalid (error);
      cl_store_unlock (store);
      return FALSE;
    }
  plans = plan_copy (store, rev, &roster_to_build, error);
  /* Rows land all over each table's id index (ids are random UUIDs):
   * with SQLite's 2 MiB default cache most inserts would read a page
   * from disk.  Given back at the end. */
  sqlite3_exec (db, "PRAGMA cache_size = -" G_STRINGIFY (LOAD_CACHE_KIB), NULL, NULL, NULL);
  cl_store_unlock (store);

  if (plans != NULL)
    {
      ok = TRUE;
      for (guint i = 0; ok && i < plans->len; i++)
        ok = copy_table (store, g_ptr_array_index (plans, i), *rev, n_rows, error);
      g_debug ("copied %" G_GINT64_FORMAT " rows%s", *n_rows,
               roster_to_build ? "" : " and the server's roster");
      ok = ok && (!roster_to_build || build_roster (store, error)) && finish (store, *rev, error);
    }

  cl_store_lock (store);
  sqlite3_exec (cl_store_get_db (store), "PRAGMA cache_size = -2000", NULL, NULL, NULL);
  if (sqlite3_exec (cl_store_get_db (store), "DETACH snap", NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("detaching a snapshot: %s", sqlite3_errmsg (cl_store_get_db (store)));
  cl_store_unlock (store);
  return ok;
}
