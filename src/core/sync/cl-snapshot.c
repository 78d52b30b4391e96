/* cl-snapshot.c
 *
 * Snapshots (cl-snapshot.h): the server writes the synced tables a
 * role may read into an SQLite file (no record is decoded or encoded),
 * and an empty desk copies them into its store and builds its roster
 * once.  That is how a new desk gets 100 000 patients in seconds, where
 * replaying the change feed costs a JSON decode and a record write per
 * change.  This file says what goes in and when a load is done; the
 * statements are in cl-store-snapshot.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-snapshot"

#include "config.h"

#include "cl-roster-index.h"
#include "cl-snapshot.h"
#include "cl-store-snapshot.h"
#include "cl-store-sync.h"
#include "cl-tables.h"

#define ROSTER_CHUNK     500

/* In sync_state while a load is under way (its rev). */
#define PENDING_KEY      "snapshot_rev"

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
  g_autoptr(GPtrArray) readable = g_ptr_array_new ();
  g_autofree char *derivation = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  for (guint i = 0; tables[i]; i++)
    if (cl_tables_can_read (role, tables[i]))
      g_ptr_array_add (readable, (gpointer) tables[i]);
  g_ptr_array_add (readable, NULL);

  /* The roster rows and search keys the server keeps for its own
   * search: an empty desk can take them instead of working out the
   * pinyin of every name again, if the role may see what they are
   * made of. */
  if (can_read_roster (role))
    derivation = cl_roster_index_derivation ();

  return cl_store_snapshot_write (store, path, (const char * const *) readable->pdata,
                                  derivation, rev, n_rows, error);
}

/* Desk side */

gboolean
cl_snapshot_wanted (CLStore   *store,
                    gboolean  *wanted,
                    GError   **error)
{
  gint64 value;
  gboolean present, any;
  gboolean ok = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *wanted = FALSE;
  cl_store_begin_read (store);
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
  if (!cl_store_has_server_rows (store, &any, error))
    goto out;
  *wanted = !any;
  ok = TRUE;

out:
  cl_store_end_read (store);
  return ok;
}

/* Each table COPY_CHUNK rows per transaction (cl-store-snapshot.c).
 * The first transaction of the load also marks it pending.  The rows
 * can be fetched again and a load cut short is done again, so the
 * commits need not wait for the disk (cl_store_begin_refetchable()). */
static gboolean
copy_rows (CLStore         *store,
           CLSnapshotLoad  *load,
           gint64          *n_rows,
           GError         **error)
{
  while (cl_snapshot_load_has_more (load))
    {
      if (!cl_store_begin_refetchable (store, error))
        return FALSE;
      if (!cl_sync_revs_set_mark (store, PENDING_KEY, cl_snapshot_load_get_rev (load), error) ||
          !cl_snapshot_load_copy_next (load, n_rows, error))
        {
          cl_store_rollback (store);
          return FALSE;
        }
      if (!cl_store_commit (store, error))
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
      g_autoptr(GPtrArray) ids = NULL;

      if (!cl_store_begin_refetchable (store, error))
        return FALSE;
      if (!(ids = cl_store_next_patients_for_roster (store, &after, ROSTER_CHUNK, error)))
        goto failed;
      for (guint i = 0; i < ids->len; i++)
        if (!cl_roster_index_update (store, g_ptr_array_index (ids, i), error))
          goto failed;
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
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!cl_sync_revs_set_mark (store, "last_rev", rev, error) ||
      !cl_sync_revs_clear_mark (store, PENDING_KEY, error))
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
  g_autofree char *derivation = cl_roster_index_derivation ();
  g_autoptr(CLSnapshotLoad) load = NULL;
  gboolean roster_to_build;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *rev = 0;
  *n_rows = 0;

  if (!(load = cl_store_snapshot_load_open (store, path, derivation, error)))
    return FALSE;
  *rev = cl_snapshot_load_get_rev (load);
  roster_to_build = cl_snapshot_load_builds_roster (load);

  if (!copy_rows (store, load, n_rows, error))
    return FALSE;
  g_debug ("copied %" G_GINT64_FORMAT " rows%s", *n_rows,
           roster_to_build ? "" : " and the server's roster");
  return (!roster_to_build || build_roster (store, error)) && finish (store, *rev, error);
}
