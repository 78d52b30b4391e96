#define G_LOG_DOMAIN "cl-roster-index"

#include "config.h"

#include <glib/gi18n.h>
#include <unicode/ucol.h>
#include <unicode/uversion.h>
#include <unicode/ustring.h>

#include "cl-pinyin.h"
#include "cl-roster-index.h"
#include "cl-store.h"
#include "cl-util.h"

static void
close_collator (gpointer data)
{
  ucol_close (data);
}

/* A UCollator is not thread-safe and costly to open: one per thread. */
static GPrivate collator_key = G_PRIVATE_INIT (close_collator);

static UCollator *
get_collator (void)
{
  UCollator *collator = g_private_get (&collator_key);

  if (collator == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;

      collator = ucol_open ("zh", &status);
      if (U_FAILURE (status))
        {
          g_warning ("ICU zh collator unavailable: %s", u_errorName (status));
          return NULL;
        }
      g_private_set (&collator_key, collator);
    }
  return collator;
}

char *
cl_roster_index_derivation (void)
{
  return g_strdup_printf ("%d/icu-%s", CL_ROSTER_INDEX_VERSION, U_ICU_VERSION);
}

GBytes *
cl_roster_index_sort_key (const char *name)
{
  UCollator *collator = get_collator ();
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[128];
  int32_t length = 0;
  uint8_t key[512];
  int32_t key_length;

  if (name == NULL)
    name = "";
  if (collator == NULL)
    return g_bytes_new (name, strlen (name));

  u_strFromUTF8 (buffer, G_N_ELEMENTS (buffer), &length, name, -1, &status);
  if (U_FAILURE (status) || length > (int32_t) G_N_ELEMENTS (buffer))
    return g_bytes_new (name, strlen (name));

  key_length = ucol_getSortKey (collator, buffer, length, key, sizeof key);
  if (key_length <= 0 || key_length > (int32_t) sizeof key)
    return g_bytes_new (name, strlen (name));

  /* The key ends in a NUL that must not be part of the blob. */
  return g_bytes_new (key, key_length - 1);
}

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

static gboolean
add_key (CLStore     *store,
         gint64       rowid,
         const char  *key,
         GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *lower = NULL;

  if (cl_str_empty (key))
    return TRUE;

  lower = g_utf8_strdown (key, -1);
  if (!(stmt = cl_store_prepare (store,
                                 "INSERT OR IGNORE INTO search_key (key, patient_rowid) VALUES (?1, ?2)",
                                 error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rowid);
  return step_done (store, stmt, error);
}

static char *
strip_spaces (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; p && *p; p++)
    if (*p != ' ')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static gboolean
add_name_keys (CLStore     *store,
               gint64       rowid,
               const char  *name,
               GError     **error)
{
  g_autofree char *full = cl_pinyin_full (name);
  g_autofree char *initials = cl_pinyin_initials (name);
  g_autofree char *joined = strip_spaces (full);
  g_autofree char *name_joined = strip_spaces (name);
  const char *given = NULL;

  if (!add_key (store, rowid, name_joined, error) ||
      !add_key (store, rowid, joined, error) ||
      !add_key (store, rowid, initials, error))
    return FALSE;

  /* Also the given name alone ("xiaomei", "xm", "小梅"): a caller on the
   * phone often gives only that.  The surname is the first syllable
   * except for compound surnames, where the initials tell us its
   * length only roughly, so index both splits. */
  if (g_utf8_strlen (name, -1) >= 3 && g_utf8_strlen (initials, -1) >= 3)
    {
      for (guint skip = 1; skip <= 2; skip++)
        {
          g_auto(GStrv) syllables = g_strsplit (full, " ", -1);
          g_autofree char *rest = NULL;
          g_autofree char *rest_initials = NULL;

          if (g_strv_length (syllables) <= skip + 0 || g_strv_length (syllables) - skip < 2)
            continue;
          rest = g_strjoinv ("", syllables + skip);
          rest_initials = g_strdup (initials + skip);
          given = g_utf8_offset_to_pointer (name, skip);
          if (!add_key (store, rowid, rest, error) ||
              !add_key (store, rowid, rest_initials, error) ||
              !add_key (store, rowid, given, error))
            return FALSE;
        }
    }
  else if (g_utf8_strlen (name, -1) == 2)
    {
      given = g_utf8_offset_to_pointer (name, 1);
      if (!add_key (store, rowid, given, error))
        return FALSE;
    }

  return TRUE;
}

/* The search keys come from the name, phone, ID and record number
 * only.  A pregnancy write, or a pulled copy of an unchanged patient,
 * leaves them as they are, and recomputing the pinyin for nothing is
 * most of the cost of a sync pull. */
static gboolean
keys_unchanged (CLStore    *store,
                gint64      rowid,
                const char *name,
                const char *phone,
                const char *mrn,
                const char *id_number)
{
  sqlite3_stmt *stmt;
  gboolean same = FALSE;

  stmt = cl_store_prepare (store,
                           "SELECT name, phone, mrn,"
                           " (SELECT count(*) FROM search_key WHERE patient_rowid = ?1 AND key = lower(?2))"
                           " FROM roster WHERE patient_rowid = ?1",
                           NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_text (stmt, 2, id_number ? id_number : "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    same = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), name) == 0 &&
           g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), phone) == 0 &&
           g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), mrn) == 0 &&
           !cl_str_empty (id_number) && sqlite3_column_int (stmt, 3) > 0;
  sqlite3_reset (stmt);
  return same;
}

gboolean
cl_roster_index_update (CLStore     *store,
                        const char  *patient_id,
                        GError     **error)
{
  static const char patient_sql[] =
    "SELECT rowid, name, birth_date, phone, mrn, id_number, case_manager_id,"
    " priority, deleted FROM patient WHERE id = ?1";
  /* max() picks the row with the latest LMP without the temporary
   * sort an ORDER BY … LIMIT 1 would need (SQLite takes the bare
   * columns from the row max() chose); no row gives NULLs. */
  static const char pregnancy_sql[] =
    "SELECT id, lmp, coalesce(nullif(corrected_edd, ''), edd), risk, status, delivery_date,"
    " max(lmp) FROM pregnancy WHERE patient_id = ?1 AND deleted = 0";
  static const char roster_sql[] =
    "INSERT OR REPLACE INTO roster (patient_rowid, patient_id, sort_key, name,"
    " birth_date, phone, mrn, pregnancy_id, lmp, edd, risk, risk_rank, status,"
    " delivery_date, manager_id, priority, package, visits_done)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
    CL_ROSTER_VISITS_DONE_SQL ("?8") ")";
  /* The package of her active enrolment, the latest agreed (uses the
   * enrolment_patient index). */
  static const char package_sql[] =
    "SELECT p.name, max(e.agreement_date) FROM enrolment e JOIN package p ON p.id = e.package_id"
    " WHERE e.patient_id = ?1 AND e.deleted = 0 AND e.status = 'active'";
  sqlite3_stmt *patient, *pregnancy, *roster, *package, *stmt;
  g_autofree char *name = NULL, *birth = NULL, *phone = NULL, *mrn = NULL;
  g_autofree char *id_number = NULL, *manager = NULL, *priority = NULL;
  g_autoptr(GBytes) sort_key = NULL;
  gint64 rowid;
  gboolean deleted;
  gboolean keys_current;
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
  sqlite3_reset (patient);

  keys_current = !deleted && keys_unchanged (store, rowid, name, phone, mrn, id_number);

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

  if (!(roster = cl_store_prepare (store, roster_sql, error)))
    return FALSE;
  sort_key = cl_roster_index_sort_key (name);
  sqlite3_bind_int64 (roster, 1, rowid);
  sqlite3_bind_text (roster, 2, patient_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (roster, 3, g_bytes_get_data (sort_key, NULL),
                     g_bytes_get_size (sort_key), SQLITE_TRANSIENT);
  sqlite3_bind_text (roster, 4, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (roster, 5, birth, -1, SQLITE_STATIC);
  sqlite3_bind_text (roster, 6, phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (roster, 7, mrn, -1, SQLITE_STATIC);
  sqlite3_bind_text (roster, 15, manager, -1, SQLITE_STATIC);
  sqlite3_bind_text (roster, 16, priority, -1, SQLITE_STATIC);
  sqlite3_bind_int (roster, 12, 0);

  if (!(pregnancy = cl_store_prepare (store, pregnancy_sql, error)))
    return FALSE;
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
      return FALSE;
    }
  sqlite3_reset (pregnancy);

  if (!(package = cl_store_prepare (store, package_sql, error)))
    return FALSE;
  sqlite3_bind_text (package, 1, patient_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (package);
  if (rc == SQLITE_ROW && sqlite3_column_type (package, 0) != SQLITE_NULL)
    sqlite3_bind_text (roster, 17, (const char *) sqlite3_column_text (package, 0), -1,
                       SQLITE_TRANSIENT);
  else if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      cl_store_set_sqlite_error (store, error);
      sqlite3_reset (package);
      return FALSE;
    }
  sqlite3_reset (package);

  if (!step_done (store, roster, error))
    return FALSE;

  if (keys_current)
    return TRUE;

  if (!add_name_keys (store, rowid, name ? name : "", error) ||
      !add_key (store, rowid, phone, error) ||
      !add_key (store, rowid, id_number, error) ||
      !add_key (store, rowid, mrn, error))
    return FALSE;

  /* The last four digits of the phone are what people quote. */
  if (phone && strlen (phone) == 11 && !add_key (store, rowid, phone + 7, error))
    return FALSE;

  return TRUE;
}
