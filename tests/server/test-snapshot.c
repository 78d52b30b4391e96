#define G_LOG_DOMAIN "test-snapshot"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-package.h"
#include "cl-patient-store.h"
#include "cl-snapshot.h"
#include "cl-store-private.h"
#include "cl-tables.h"
#include "cl-test-desk.h"
#include "cl-test-util.h"

/* Snapshots (cl-snapshot.h): what an empty desk starts from.  Loaded
 * from real files written from a real store, and end to end against
 * the real careline-server, where a desk filled by the snapshot must
 * hold exactly what a desk filled by the change feed holds. */

#define PASSWORD "correct horse battery staple"
#define N_PATIENTS 30

static const char *server_binary;

/* ------------------------------------------------------------------ */
/* What a store holds                                                  */

/* Every synced table @role may read, then the roster and the search
 * keys (by patient id: rowids differ from store to store), one line
 * per row. */
static char *
dump_store (CLStore    *store,
            const char *role)
{
  const char * const *tables = cl_tables_list ();
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint t = 0; tables[t]; t++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      if (!cl_tables_can_read (role, tables[t]))
        continue;
      sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[t]);
      rows = cl_test_store_rows (store, sql);
      g_string_append_printf (out, "[%s] %u\n", tables[t], rows->len);
      for (guint i = 0; i < rows->len; i++)
        g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (rows, i));
    }

  {
    g_autoptr(GPtrArray) roster =
      cl_test_store_rows (store, "SELECT patient_id, hex(sort_key), name, birth_date, phone, mrn,"
                                 " pregnancy_id, lmp, edd, risk, risk_rank, status, delivery_date,"
                                 " manager_id, package, priority, visits_done FROM roster ORDER BY patient_id");
    g_autoptr(GPtrArray) keys =
      cl_test_store_rows (store, "SELECT r.patient_id, k.key FROM search_key k"
                                 " LEFT JOIN roster r USING (patient_rowid) ORDER BY 1, 2");

    g_string_append_printf (out, "[roster] %u\n", roster->len);
    for (guint i = 0; i < roster->len; i++)
      g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (roster, i));
    g_string_append_printf (out, "[search_key] %u\n", keys->len);
    for (guint i = 0; i < keys->len; i++)
      g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (keys, i));
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @dump without the rows of @table. */
static char *
drop_section (const char *dump,
              const char *table)
{
  g_auto(GStrv) lines = g_strsplit (dump, "\n", -1);
  g_autofree char *header = g_strdup_printf ("[%s] ", table);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean skipping = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      if (lines[i][0] == '[')
        skipping = g_str_has_prefix (lines[i], header);
      if (!skipping)
        g_string_append_printf (out, "%s\n", lines[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_same (const char *expected,
             const char *actual)
{
  /* The first line that differs says more than two long dumps. */
  if (g_strcmp0 (expected, actual) != 0)
    {
      g_auto(GStrv) a = g_strsplit (expected, "\n", -1);
      g_auto(GStrv) b = g_strsplit (actual, "\n", -1);

      for (guint i = 0; a[i] && b[i]; i++)
        if (!g_str_equal (a[i], b[i]))
          g_error ("line %u differs:\n  expected %s\n  actual   %s", i + 1, a[i], b[i]);
      g_error ("one dump is a prefix of the other (%u and %u lines)",
               g_strv_length (a), g_strv_length (b));
    }
}

static gboolean
wanted (CLStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean want = FALSE;

  g_assert_true (cl_snapshot_wanted (store, &want, &error));
  g_assert_no_error (error);
  return want;
}

static void
exec_sql (CLStore    *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */
/* Files written from a store                                          */

typedef struct
{
  char    *dir;
  CLStore *source;   /* as the server would have it */
} Fixture;

/* The first package gets a new name and a rev past the feed's end. */
static void
rename_package (CLStore *store)
{
  g_autoptr(GPtrArray) packages = cl_store_query_records (store, CL_TYPE_PACKAGE, "1 ORDER BY rowid LIMIT 1", NULL);
  CLRecord *package = g_ptr_array_index (packages, 0);
  g_autofree char *name = g_strconcat (cl_package_get_name (CL_PACKAGE (package)), " 2027", NULL);
  g_autoptr(GError) error = NULL;

  cl_package_set_name (CL_PACKAGE (package), name);
  cl_record_set_rev (package, cl_test_store_count (store, "SELECT max(rev) FROM change_log") + 1);
  g_assert_true (cl_store_begin (store, &error));
  g_assert_true (cl_store_write_record (store, package, CL_WRITE_FROM_SERVER, &error));
  g_assert_true (cl_store_commit (store, &error));
  g_assert_no_error (error);
  exec_sql (store, "INSERT INTO change_log (tbl, record_id, op, data, at, username)"
                   " SELECT 'package', id, 'upsert', '{}', 0, 'test' FROM package WHERE rowid = 1");
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM roster WHERE package LIKE '% 2027'"), >, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cl_test_make_tmp_dir ("test-snapshot");
  f->source = cl_test_store_new_demo (f->dir, "server.db", N_PATIENTS, 11);
  /* Revs as if every record had been pushed, and one package renamed
   * since the schema seeded it. */
  cl_test_store_fill_change_log (f->source);
  rename_package (f->source);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->source);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Rows of all synced tables @role may read. */
static gint64
count_readable (CLStore    *store,
                const char *role)
{
  const char * const *tables = cl_tables_list ();
  gint64 n = 0;

  for (guint t = 0; tables[t]; t++)
    if (cl_tables_can_read (role, tables[t]))
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[t]);

        n += cl_test_store_count (store, sql);
      }
  return n;
}

static char *
write_snapshot (Fixture    *f,
                const char *role,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  gint64 rev = -1, n_rows = -1;

  g_assert_true (cl_snapshot_write (f->source, role, path, &rev, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rev, ==, cl_test_store_count (f->source, "SELECT max(rev) FROM change_log"));
  g_assert_cmpint (n_rows, ==, count_readable (f->source, role));
  return path;
}

static CLStore *
open_desk (Fixture    *f,
           const char *name)
{
  g_autofree char *folder = g_build_filename (f->dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return cl_test_store_open (folder);
}

static void
apply (CLStore    *desk,
       const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 rev = -1, n_rows = -1;

  g_assert_true (cl_snapshot_apply (desk, path, &rev, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rev, >, 0);
  g_assert_cmpint (cl_test_store_count (desk, "SELECT value FROM sync_state WHERE key = 'last_rev'"), ==, rev);
}

/* The desk ends up with the server's rows, roster and keys: taken as
 * they are, or (when the file's roster was made differently) built
 * again here, with the same result. */
static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = write_snapshot (f, "admin", "snapshot.db");
  g_autofree char *other = g_build_filename (f->dir, "other-icu.db", NULL);
  g_autofree char *expected = dump_store (f->source, "admin");
  g_autofree char *fast = NULL, *built = NULL;
  g_autoptr(CLStore) desk = open_desk (f, "desk");
  g_autoptr(CLStore) desk2 = open_desk (f, "desk2");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db;

  g_assert_true (wanted (desk));
  apply (desk, path);
  fast = dump_store (desk, "admin");
  assert_same (expected, fast);
  g_assert_false (wanted (desk));
  g_assert_cmpint (cl_store_count_outbox (desk), ==, 0);
  g_assert_cmpint (cl_test_store_count (desk, "SELECT count(*) FROM package WHERE name LIKE '% 2027'"), ==, 1);

  /* A file whose roster came from another ICU. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (other, contents, length, NULL));
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE careline_snapshot SET value = '1/icu-0.0' WHERE key = 'roster'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  apply (desk2, other);
  built = dump_store (desk2, "admin");
  assert_same (expected, built);
}

/* Cut short (a crash): the desk still wants the snapshot, and loading
 * it again finishes the job without touching what it has. */
static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = write_snapshot (f, "case_manager", "snapshot.db");
  g_autofree char *expected = dump_store (f->source, "case_manager");
  g_autofree char *after = NULL;
  g_autoptr(CLStore) desk = open_desk (f, "desk");
  g_autoptr(CLPatient) patient = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  apply (desk, path);
  /* What a load cut in the middle leaves: the mark, some rows, no
   * roster for them, no feed position. */
  exec_sql (desk, "INSERT OR REPLACE INTO sync_state VALUES ('snapshot_rev', '5');"
                  "DELETE FROM sync_state WHERE key = 'last_rev';"
                  "DELETE FROM pregnancy WHERE rowid % 2 = 0;"
                  "DELETE FROM risk_event WHERE rowid % 3 = 0;"
                  "DELETE FROM search_key WHERE patient_rowid % 2 = 1;"
                  "DELETE FROM roster WHERE patient_rowid > 10");
  g_assert_true (wanted (desk));

  /* Meanwhile someone edits a patient here. */
  id = g_strdup ((char *) g_ptr_array_index (cl_test_store_rows (desk, "SELECT id FROM patient ORDER BY rowid LIMIT 1"), 0));
  patient = CL_PATIENT (cl_store_load_record (desk, CL_TYPE_PATIENT, id, &error));
  g_assert_no_error (error);
  cl_patient_set_note (patient, "本机修改");
  g_assert_true (cl_patient_store_save (desk, patient, NULL, &field_errors, &error));
  g_assert_no_error (error);

  apply (desk, path);
  g_assert_false (wanted (desk));
  after = dump_store (desk, "case_manager");
  /* All of it is back, and her edit is still there, waiting to go. */
  g_assert_cmpint (cl_test_store_count (desk, "SELECT count(*) FROM patient WHERE note = '本机修改'"), ==, 1);
  g_assert_cmpint (cl_store_count_outbox (desk), ==, 1);
  g_assert_cmpint (cl_test_store_count (desk, "SELECT count(*) FROM roster"), ==, N_PATIENTS);
  /* Everything else is as the server has it. */
  {
    g_autofree char *expected_rest = drop_section (expected, "patient");
    g_autofree char *after_rest = drop_section (after, "patient");

    assert_same (expected_rest, after_rest);
  }
}

/* What is not a snapshot this version reads is refused before a row is
 * written. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = write_snapshot (f, "admin", "snapshot.db");
  g_autofree char *bad = g_build_filename (f->dir, "bad.db", NULL);
  g_autoptr(CLStore) desk = open_desk (f, "desk");
  g_autofree char *before = dump_store (desk, "admin");
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gint64 rev, n_rows;

      g_unlink (bad);
      switch (i)
        {
        case 0: /* cut off in the download */
          g_assert_true (g_file_set_contents (bad, contents, length / 2, NULL));
          break;
        case 1: /* not SQLite at all */
          g_assert_true (g_file_set_contents (bad, "{\"error\": \"nope\"}", -1, NULL));
          break;
        case 2: /* a format from the future */
        case 3: /* pages damaged in the middle */
          g_assert_true (g_file_set_contents (bad, contents, length, NULL));
          if (i == 2)
            {
              g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
              g_assert_cmpint (sqlite3_exec (db, "UPDATE careline_snapshot SET value = '2' WHERE key = 'format'",
                                             NULL, NULL, NULL), ==, SQLITE_OK);
              sqlite3_close (db);
            }
          else
            {
              FILE *file = fopen (bad, "r+b");

              g_assert_nonnull (file);
              fseek (file, length / 2, SEEK_SET);
              for (guint j = 0; j < 8192; j++)
                fputc (0xa5, file);
              fclose (file);
            }
          break;
        }
      g_assert_false (cl_snapshot_apply (desk, bad, &rev, &n_rows, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      after = dump_store (desk, "admin");
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (cl_test_store_count (desk, "SELECT count(*) FROM sync_state"), ==, 0);
      g_assert_true (wanted (desk));
    }
}

/* Each role's file holds the tables it may read and nothing else; the
 * roster comes along only for a role that reads all it is made of,
 * and a desk of any role gets a roster row per patient. */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  const char *roles[] = { "case_manager", "escort", "vip_steward", "service_desk", "finance", "admin" };
  const char * const *tables = cl_tables_list ();

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      g_autofree char *name = g_strdup_printf ("%s.db", roles[r]);
      g_autofree char *path = write_snapshot (f, roles[r], name);
      g_autoptr(CLStore) desk = open_desk (f, roles[r]);
      gboolean roster_sources = TRUE;
      sqlite3 *db;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      for (guint t = 0; tables[t]; t++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM sqlite_schema WHERE name = '%s'", tables[t]);
          sqlite3_stmt *stmt;
          gboolean present;

          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
          present = sqlite3_step (stmt) == SQLITE_ROW;
          sqlite3_finalize (stmt);
          g_assert_cmpint (present, ==, cl_tables_can_read (roles[r], tables[t]));
        }
      {
        const char *sources[] = { "patient", "pregnancy", "enrolment", "package", "document", "visit_mark" };
        sqlite3_stmt *stmt;
        gboolean present;

        for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
          roster_sources = roster_sources && cl_tables_can_read (roles[r], sources[i]);
        g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE name IN ('roster', 'search_key')",
                                             -1, &stmt, NULL), ==, SQLITE_OK);
        present = sqlite3_step (stmt) == SQLITE_ROW;
        sqlite3_finalize (stmt);
        g_assert_cmpint (present, ==, roster_sources);
        /* No accounts, sessions or audit in any of them. */
        g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE name IN"
                                             " ('account', 'session', 'audit', 'change_log')",
                                             -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
        sqlite3_finalize (stmt);
      }
      sqlite3_close (db);

      apply (desk, path);
      if (cl_tables_can_read (roles[r], "patient"))
        g_assert_cmpint (cl_test_store_count (desk, "SELECT count(*) FROM roster"), ==, N_PATIENTS);
      if (!cl_tables_can_read (roles[r], "enrolment"))
        g_assert_cmpint (cl_test_store_count (desk, "SELECT count(*) FROM roster WHERE package IS NOT NULL"), ==, 0);
    }
}

/* ------------------------------------------------------------------ */
/* Against the real server                                             */

typedef struct
{
  CLStore      *store;
  CLSyncClient *client;
} Desk;

static Desk *
desk_new (const char *dir,
          const char *name,
          const char *url,
          const char *user,
          gboolean    feed)
{
  Desk *desk = g_new0 (Desk, 1);

  desk->store = cl_test_desk_open_store (dir, name);
  /* The feed only: as a desk of a version before snapshots would. */
  if (feed)
    g_setenv ("CARELINE_SYNC_SNAPSHOT", "0", TRUE);
  desk->client = cl_test_desk_login (desk->store, url, user, PASSWORD);
  g_unsetenv ("CARELINE_SYNC_SNAPSHOT");
  return desk;
}

static void
desk_free (Desk *desk)
{
  g_clear_object (&desk->client);
  g_clear_object (&desk->store);
  g_free (desk);
}

static int
count_lines (const char *text,
             const char *part)
{
  int n = 0;

  for (const char *p = text; (p = strstr (p, part)) != NULL; p += strlen (part))
    n++;
  return n;
}

static char *
audit_log (const char *db)
{
  char *out = NULL;

  g_assert_cmpint (cl_test_run_server_cli_output (server_binary, &out, NULL, "audit", "--db", db, NULL), ==, 0);
  return out;
}

static guint
http_status (const char *url,
             const char *token)
{
  g_autoptr(GBytes) body = NULL;
  guint status;

  body = cl_test_http ("GET", url, token, NULL, NULL, &status, NULL);
  return status;
}

/* A desk filled by the snapshot and one filled by the feed hold the
 * same, and go on to follow the feed alike. */
static void
test_server (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-snapshot-server");
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *url = NULL;
  g_autofree char *snapshot_url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_b = NULL, *dump_c = NULL, *log = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(CLPatient) patient = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  Desk *a, *b, *c;

  {
    g_autoptr(CLStore) store = cl_test_store_new_demo (dir, "server.db", N_PATIENTS, 5);

    cl_test_store_fill_change_log (store);
  }
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "desk_a",
                                           "--role", "case_manager", "--db", db, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "desk_b",
                                           "--role", "case_manager", "--db", db, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "desk_c",
                                           "--role", "case_manager", "--db", db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, db, &url);
  snapshot_url = g_strconcat (url, g_str_has_suffix (url, "/") ? "" : "/", "api/v1/snapshot", NULL);
  g_assert_cmpuint (http_status (snapshot_url, NULL), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (http_status (snapshot_url, "not-a-session"), ==, SOUP_STATUS_UNAUTHORIZED);

  b = desk_new (dir, "desk-b", url, "desk_b", FALSE);
  c = desk_new (dir, "desk-c", url, "desk_c", TRUE);
  cl_test_desk_sync (b->client);
  cl_test_desk_sync (c->client);
  dump_b = dump_store (b->store, "case_manager");
  dump_c = dump_store (c->store, "case_manager");
  assert_same (dump_c, dump_b);
  g_assert_cmpint (cl_test_store_count (b->store, "SELECT count(*) FROM roster"), ==, N_PATIENTS);

  /* Only desk B took a snapshot, and the audit log says who did. */
  log = audit_log (db);
  g_assert_cmpint (count_lines (log, "\tsnapshot\t"), ==, 1);
  cl_test_assert_contains (log, "desk_b");

  /* A third desk edits one patient and deletes another: both desks
   * follow by the feed. */
  a = desk_new (dir, "desk-a", url, "desk_a", FALSE);
  cl_test_desk_sync (a->client);
  ids = cl_test_store_rows (a->store, "SELECT id FROM patient ORDER BY rowid LIMIT 2");
  patient = CL_PATIENT (cl_store_load_record (a->store, CL_TYPE_PATIENT, g_ptr_array_index (ids, 0), &error));
  g_assert_no_error (error);
  cl_patient_set_note (patient, "快照之后的修改");
  g_assert_true (cl_patient_store_save (a->store, patient, NULL, &field_errors, &error));
  g_assert_no_error (error);
  g_clear_object (&patient);
  patient = CL_PATIENT (cl_store_load_record (a->store, CL_TYPE_PATIENT, g_ptr_array_index (ids, 1), &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_delete_record (a->store, CL_RECORD (patient), &error));
  g_assert_no_error (error);
  cl_test_desk_sync (a->client);
  cl_test_desk_sync (b->client);
  cl_test_desk_sync (c->client);

  g_free (dump_b);
  g_free (dump_c);
  dump_b = dump_store (b->store, "case_manager");
  dump_c = dump_store (c->store, "case_manager");
  assert_same (dump_c, dump_b);
  g_assert_cmpint (cl_test_store_count (b->store, "SELECT count(*) FROM patient WHERE note = '快照之后的修改'"), ==, 1);
  g_assert_cmpint (cl_test_store_count (b->store, "SELECT count(*) FROM patient WHERE deleted = 1"), ==, 1);
  g_assert_cmpint (cl_test_store_count (b->store, "SELECT count(*) FROM roster"), ==, N_PATIENTS - 1);

  desk_free (a);
  desk_free (b);
  desk_free (c);
  cl_test_stop_server (&server);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  server_binary = cl_test_server_binary ();

  g_test_add ("/snapshot/load", Fixture, NULL, fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/snapshot/resume", Fixture, NULL, fixture_set_up, test_resume, fixture_tear_down);
  g_test_add ("/snapshot/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/snapshot/roles", Fixture, NULL, fixture_set_up, test_roles, fixture_tear_down);
  if (server_binary == NULL)
    return g_test_run ();
  g_test_add_func ("/snapshot/server", test_server);
  return g_test_run ();
}
