#define G_LOG_DOMAIN "cl-roster-index"

#include "config.h"

#include <glib/gi18n.h>
#include <unicode/ucol.h>
#include <unicode/uversion.h>
#include <unicode/ustring.h>

#include "cl-patient.h"
#include "cl-pinyin.h"
#include "cl-roster-index.h"
#include "cl-store-private.h"
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

struct _ClRosterKeys
{
  /* what they were made from */
  char      *name;
  char      *phone;
  char      *mrn;
  char      *id_number;

  GBytes    *sort_key;
  GPtrArray *keys;     /* lower-cased search keys, none empty */
};

void
cl_roster_keys_free (ClRosterKeys *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->phone);
  g_free (self->mrn);
  g_free (self->id_number);
  g_bytes_unref (self->sort_key);
  g_ptr_array_unref (self->keys);
  g_free (self);
}

static void
add_key (ClRosterKeys *self,
         const char   *key)
{
  if (!cl_str_empty (key))
    g_ptr_array_add (self->keys, g_utf8_strdown (key, -1));
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

static void
add_name_keys (ClRosterKeys *self,
               const char   *name)
{
  g_autofree char *full = cl_pinyin_full (name);
  g_autofree char *initials = cl_pinyin_initials (name);
  g_autofree char *joined = strip_spaces (full);
  g_autofree char *name_joined = strip_spaces (name);

  add_key (self, name_joined);
  add_key (self, joined);
  add_key (self, initials);

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

          if (g_strv_length (syllables) <= skip + 0 || g_strv_length (syllables) - skip < 2)
            continue;
          rest = g_strjoinv ("", syllables + skip);
          add_key (self, rest);
          add_key (self, initials + skip);
          add_key (self, g_utf8_offset_to_pointer (name, skip));
        }
    }
  else if (g_utf8_strlen (name, -1) == 2)
    add_key (self, g_utf8_offset_to_pointer (name, 1));
}

ClRosterKeys *
cl_roster_keys_new (const char *name,
                    const char *phone,
                    const char *mrn,
                    const char *id_number)
{
  ClRosterKeys *self = g_new0 (ClRosterKeys, 1);

  self->name = g_strdup (name);
  self->phone = g_strdup (phone);
  self->mrn = g_strdup (mrn);
  self->id_number = g_strdup (id_number);
  self->sort_key = cl_roster_index_sort_key (name);
  self->keys = g_ptr_array_new_with_free_func (g_free);

  add_name_keys (self, name ? name : "");
  add_key (self, phone);
  add_key (self, id_number);
  add_key (self, mrn);
  /* The last four digits of the phone are what people quote. */
  if (phone && strlen (phone) == 11)
    add_key (self, phone + 7);
  g_ptr_array_add (self->keys, NULL);

  return self;
}

ClRosterKeys *
cl_roster_keys_new_for_record (CLRecord *record)
{
  CLPatient *patient;

  if (!CL_IS_PATIENT (record) || cl_record_get_deleted (record))
    return NULL;
  patient = CL_PATIENT (record);
  return cl_roster_keys_new (cl_patient_get_name (patient), cl_patient_get_phone (patient),
                             cl_patient_get_mrn (patient), cl_patient_get_id_number (patient));
}

const char * const *
cl_roster_keys_get_keys (ClRosterKeys *self)
{
  return (const char * const *) self->keys->pdata;
}

GBytes *
cl_roster_keys_get_sort_key (ClRosterKeys *self)
{
  return self->sort_key;
}

static gboolean
keys_made_from (ClRosterKeys *self,
                const char   *name,
                const char   *phone,
                const char   *mrn,
                const char   *id_number)
{
  return self != NULL &&
         g_strcmp0 (self->name, name) == 0 && g_strcmp0 (self->phone, phone) == 0 &&
         g_strcmp0 (self->mrn, mrn) == 0 && g_strcmp0 (self->id_number, id_number) == 0;
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
  guint n = keys->keys->len - 1;

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
  if (keys_made_from (offered, name, phone, mrn, id_number))
    keys = offered;
  else if (!keys_current)
    keys = made = cl_roster_keys_new (name, phone, mrn, id_number);
  sort_key = keys ? g_bytes_ref (keys->sort_key) : cl_roster_index_sort_key (name);

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
