/* cl-roster-index.c
 *
 * The roster index (cl-roster-index.h): the roster table and the search
 * keys, kept by the store in the transaction of every write of a record
 * they are made from.  The keys themselves are cl-roster-keys.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-roster-index"

#include "config.h"

#include "cl-enrolment.h"
#include "cl-package.h"
#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-roster-index.h"
#include "cl-store-private.h"
#include "cl-util.h"

static gboolean
step_done (CLStore       *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* Search keys go in up to KEYS_PER_INSERT at a time, in one statement
 * (a patient has about ten). */
#define KEYS_PER_INSERT 16

static gboolean
insert_keys (CLStore       *store,
             gint64         rowid,
             ClRosterKeys  *keys,
             GError       **error)
{
  static const char sql[] =
    "INSERT OR IGNORE INTO search_key (key, patient_rowid)"
    " SELECT column1, ?1 FROM (VALUES (?2), (?3), (?4), (?5), (?6), (?7), (?8), (?9),"
    " (?10), (?11), (?12), (?13), (?14), (?15), (?16), (?17)) WHERE column1 IS NOT NULL";
  const char * const *k = cl_roster_keys_get_keys (keys);
  guint n = g_strv_length ((char **) k);

  for (guint from = 0; from < n; from += KEYS_PER_INSERT)
    {
      sqlite3_stmt *stmt;

      if (!(stmt = cl_store_prepare (store, sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      for (guint i = 0; i < KEYS_PER_INSERT && from + i < n; i++)
        sqlite3_bind_text (stmt, i + 2, k[from + i], -1, SQLITE_STATIC);
      if (!step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cl_roster_index_update (CLStore     *store,
                        const char  *patient_id,
                        GError     **error)
{
  return cl_roster_index_update_with_keys (store, patient_id, NULL, error);
}

gboolean
cl_roster_index_update_with_keys (CLStore       *store,
                                  const char    *patient_id,
                                  ClRosterKeys  *offered,
                                  GError       **error)
{
  /* The patient, and whether her search keys are those of her name,
   * phone, ID and record number already: they come from these only.
   * A pregnancy write, or a pulled copy of an unchanged patient, leaves
   * them as they are, and recomputing the pinyin for nothing is most
   * of the cost of a sync pull. */
  static const char patient_sql[] =
    "SELECT p.rowid, p.name, p.birth_date, p.phone, p.mrn, p.id_number, p.case_manager_id,"
    " p.priority, p.deleted,"
    " r.patient_rowid IS NOT NULL AND r.name IS p.name AND r.phone IS p.phone AND r.mrn IS p.mrn"
    "  AND coalesce(p.id_number, '') <> ''"
    "  AND EXISTS (SELECT 1 FROM search_key WHERE patient_rowid = p.rowid AND key = lower(p.id_number))"
    " FROM patient p LEFT JOIN roster r ON r.patient_rowid = p.rowid WHERE p.id = ?1";
  /* max() picks the row with the latest LMP without the temporary
   * sort an ORDER BY … LIMIT 1 would need (SQLite takes the bare
   * columns from the row max() chose); no row gives NULLs. */
  static const char pregnancy_sql[] =
    "SELECT id, lmp, coalesce(nullif(corrected_edd, ''), edd), risk, status, delivery_date,"
    " max(lmp) FROM pregnancy WHERE patient_id = ?1 AND deleted = 0";
  /* The package is that of her active enrolment, the latest agreed
   * (uses the enrolment_patient index). */
  static const char roster_sql[] =
    "INSERT OR REPLACE INTO roster (patient_rowid, patient_id, sort_key, name,"
    " birth_date, phone, mrn, pregnancy_id, lmp, edd, risk, risk_rank, status,"
    " delivery_date, manager_id, priority, package, visits_done)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
    " (SELECT name FROM (SELECT p.name AS name, max(e.agreement_date)"
    "   FROM enrolment e JOIN package p ON p.id = e.package_id"
    "   WHERE e.patient_id = ?2 AND e.deleted = 0 AND e.status = 'active')), "
    CL_ROSTER_VISITS_DONE_SQL ("?8") ")";
  sqlite3_stmt *patient, *pregnancy, *roster, *stmt;
  g_autofree char *name = NULL, *birth = NULL, *phone = NULL, *mrn = NULL;
  g_autofree char *id_number = NULL, *manager = NULL, *priority = NULL;
  g_autoptr(GBytes) sort_key = NULL;
  ClRosterKeys *keys = NULL, *made = NULL;
  gint64 rowid;
  gboolean deleted;
  gboolean keys_current;
  gboolean ok = FALSE;
  int rc;

  if (patient_id == NULL || cl_store_defer_roster (store, patient_id))
    return TRUE;

  if (!(patient = cl_store_prepare (store, patient_sql, error)))
    return FALSE;
  sqlite3_bind_text (patient, 1, patient_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (patient);
  if (rc == SQLITE_DONE)
    return TRUE; /* a pregnancy that arrived before its patient */
  if (rc != SQLITE_ROW)
    {
      cl_store_set_sqlite_error (store, error);
      return FALSE;
    }
  rowid = sqlite3_column_int64 (patient, 0);
  name = g_strdup ((const char *) sqlite3_column_text (patient, 1));
  birth = g_strdup ((const char *) sqlite3_column_text (patient, 2));
  phone = g_strdup ((const char *) sqlite3_column_text (patient, 3));
  mrn = g_strdup ((const char *) sqlite3_column_text (patient, 4));
  id_number = g_strdup ((const char *) sqlite3_column_text (patient, 5));
  manager = g_strdup ((const char *) sqlite3_column_text (patient, 6));
  priority = g_strdup ((const char *) sqlite3_column_text (patient, 7));
  deleted = sqlite3_column_int (patient, 8) != 0;
  keys_current = !deleted && sqlite3_column_int (patient, 9) != 0;
  sqlite3_reset (patient);

  if (!keys_current)
    {
      if (!(stmt = cl_store_prepare (store, "DELETE FROM search_key WHERE patient_rowid = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      if (!step_done (store, stmt, error))
        return FALSE;
    }

  if (deleted)
    {
      if (!(stmt = cl_store_prepare (store, "DELETE FROM roster WHERE patient_rowid = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      return step_done (store, stmt, error);
    }

  /* Keys made off this thread (a pulled patient's, on the decode
   * thread) serve if they were made from what the row now holds. */
  if (cl_roster_keys_made_from (offered, name, phone, mrn, id_number))
    keys = offered;
  else if (!keys_current)
    keys = made = cl_roster_keys_new (name, phone, mrn, id_number);
  sort_key = keys ? g_bytes_ref (cl_roster_keys_get_sort_key (keys)) : cl_roster_index_sort_key (name);

  if (!(roster = cl_store_prepare (store, roster_sql, error)))
    goto out;
  sqlite3_bind_int64 (roster, 1, rowid);
  sqlite3_bind_text (roster, 2, patient_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (roster, 3, g_bytes_get_data (sort_key, NULL),
                     g_bytes_get_size (sort_key), SQLITE_STATIC);
  sqlite3_bind_text (roster, 4, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (roster, 5, birth, -1, SQLITE_STATIC);
  sqlite3_bind_text (roster, 6, phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (roster, 7, mrn, -1, SQLITE_STATIC);
  sqlite3_bind_text (roster, 15, manager, -1, SQLITE_STATIC);
  sqlite3_bind_text (roster, 16, priority, -1, SQLITE_STATIC);
  sqlite3_bind_int (roster, 12, 0);

  if (!(pregnancy = cl_store_prepare (store, pregnancy_sql, error)))
    goto out;
  sqlite3_bind_text (pregnancy, 1, patient_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (pregnancy);
  if (rc == SQLITE_ROW && sqlite3_column_type (pregnancy, 0) != SQLITE_NULL)
    {
      const char *risk = (const char *) sqlite3_column_text (pregnancy, 3);

      for (int i = 0; i < 6; i++)
        {
          const int target[] = { 8, 9, 10, 11, 13, 14 };
          sqlite3_bind_text (roster, target[i],
                             (const char *) sqlite3_column_text (pregnancy, i), -1,
                             SQLITE_TRANSIENT);
        }
      sqlite3_bind_int (roster, 12, cl_risk_rank (cl_store_get_risk_scale (store), risk ? risk : ""));
    }
  else if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      cl_store_set_sqlite_error (store, error);
      sqlite3_reset (pregnancy);
      goto out;
    }
  sqlite3_reset (pregnancy);

  if (!step_done (store, roster, error))
    goto out;
  sqlite3_reset (roster);

  ok = keys_current || insert_keys (store, rowid, keys, error);

out:
  cl_roster_keys_free (made);
  return ok;
}

/* The roster shows each patient's package by name: a renamed package
 * renames it on the rows of everyone enrolled in it. */
static gboolean
update_enrolled_in (CLStore     *store,
                    const char  *package_id,
                    GError     **error)
{
  g_autoptr(GPtrArray) patients = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = cl_store_prepare (store, "SELECT DISTINCT patient_id FROM enrolment"
                                 " WHERE package_id = ?1 AND deleted = 0", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, package_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (patients, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      return FALSE;
    }

  for (guint i = 0; i < patients->len; i++)
    if (!cl_roster_index_update (store, g_ptr_array_index (patients, i), error))
      return FALSE;
  return TRUE;
}

gboolean
cl_roster_index_record_written (CLStore   *store,
                                CLRecord  *record,
                                GError   **error)
{
  if (CL_IS_PATIENT (record))
    return cl_roster_index_update (store, cl_record_get_id (record), error);
  if (CL_IS_PREGNANCY (record))
    return cl_roster_index_update (store, cl_pregnancy_get_patient_id (CL_PREGNANCY (record)), error);
  /* The package of her active enrolment is on her row. */
  if (CL_IS_ENROLMENT (record))
    return cl_roster_index_update (store, cl_enrolment_get_patient_id (CL_ENROLMENT (record)), error);
  if (CL_IS_PACKAGE (record))
    return update_enrolled_in (store, cl_record_get_id (record), error);
  return TRUE;
}
