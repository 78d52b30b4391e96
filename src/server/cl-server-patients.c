/* cl-server-patients.c
 *
 * /patients: the roster search, answered from a shared CLRosterModel
 * and each thread's own read connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include "cl-date.h"
#include "cl-phone.h"
#include "cl-roster-model.h"
#include "cl-server-private.h"
#include "cl-sync-server.h"
#include "cl-tables.h"

#define PATIENTS_DEFAULT_LIMIT 50
#define PATIENTS_MAX_LIMIT     500

static gboolean
make_roster_cb (gpointer data)
{
  CLServer *self = data;
  CLRosterModel *roster = cl_roster_model_new (self->store);

  /* Loading it builds the prefix index for the next searches. */
  cl_roster_model_reload (roster);
  g_mutex_lock (&self->roster_lock);
  self->roster = roster;
  g_cond_broadcast (&self->roster_cond);
  g_mutex_unlock (&self->roster_lock);
  return G_SOURCE_REMOVE;
}

/* The roster search's caches follow the store from the main context,
 * where the store's "changed" signal is emitted; the threads only ask
 * it (cl_roster_model_search). */
static CLRosterModel *
get_roster (CLServer *self)
{
  CLRosterModel *roster;

  g_mutex_lock (&self->roster_lock);
  if (self->roster == NULL && !self->roster_asked)
    {
      self->roster_asked = TRUE;
      g_main_context_invoke_full (self->main_context, G_PRIORITY_DEFAULT,
                                  make_roster_cb, g_object_ref (self), g_object_unref);
    }
  while (self->roster == NULL)
    g_cond_wait (&self->roster_cond, &self->roster_lock);
  roster = self->roster;
  g_mutex_unlock (&self->roster_lock);
  return roster;
}

/* Appends one patient of the page as a JSON object, straight from the
 * row's columns (id, name, phone, birth_date, edd, risk). */
static void
append_patient (GString      *out,
                sqlite3_stmt *stmt,
                const GDate  *today)
{
  const char *phone = (const char *) sqlite3_column_text (stmt, 2);
  const char *birth = (const char *) sqlite3_column_text (stmt, 3);
  const char *edd = (const char *) sqlite3_column_text (stmt, 4);
  const char *risk = (const char *) sqlite3_column_text (stmt, 5);
  g_autofree char *masked = phone ? cl_phone_mask (phone) : NULL;
  GDate birth_date;
  int age;

  g_string_append (out, "{\"id\":");
  cl_sync_server_append_json_string (out, (const char *) sqlite3_column_text (stmt, 0));
  g_string_append (out, ",\"name\":");
  cl_sync_server_append_json_string (out, (const char *) sqlite3_column_text (stmt, 1));
  g_string_append (out, ",\"phone_masked\":");
  cl_sync_server_append_json_string (out, masked);
  g_string_append (out, ",\"age\":");
  /* -1 (unknown, or born after today) is null, as CLRosterRow has it. */
  age = birth && cl_date_parse (birth, &birth_date, NULL) ? cl_date_age_years (&birth_date, today) : -1;
  if (age >= 0)
    {
      /* Not printf: it was a fifth of the cost of writing a row. */
      char digits[12];
      int n = sizeof digits;

      do
        digits[--n] = '0' + age % 10;
      while ((age /= 10) > 0);
      g_string_append_len (out, digits + n, sizeof digits - n);
    }
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"edd\":");
  cl_sync_server_append_json_string (out, edd && *edd ? edd : NULL);
  g_string_append (out, ",\"risk\":");
  cl_sync_server_append_json_string (out, risk && *risk ? risk : NULL);
  g_string_append_c (out, '}');
}

/* Rows are read PAGE_BATCH at a time with one statement
 * ("patient_rowid IN (?, ?, …)", unused slots bound to -1, which no row
 * has): one statement run instead of one per row. */
#define PAGE_BATCH 32

#define Q8 "?, ?, ?, ?, ?, ?, ?, ?"
static const char batch_sql[] =
  "SELECT patient_id, name, phone, birth_date, edd, risk, patient_rowid FROM roster"
  " WHERE patient_rowid IN (" Q8 ", " Q8 ", " Q8 ", " Q8 ")";
G_STATIC_ASSERT (PAGE_BATCH == 4 * 8);
#undef Q8

/* The rows of one page, by rowid, on the thread's read connection
 * in one read transaction (one snapshot, one WAL lock round), as
 * JSON objects separated by commas, in the order of @rowids.  A row
 * deleted since the search is left out. */
static gboolean
read_page (CLServer     *self,
           GArray       *rowids,
           GString      *out,
           GError      **error)
{
  ThreadState *state = cl_server_thread_state (self);
  sqlite3_stmt *stmt;
  g_autoptr(GString) scratch = NULL;
  gsize start[PAGE_BATCH], length[PAGE_BATCH];
  gboolean first = TRUE;
  GDate today;
  int rc = SQLITE_DONE;

  if (!(stmt = cl_server_thread_stmt (state, &state->row_stmt, batch_sql, error)))
    return FALSE;

  cl_date_today (&today);
  scratch = g_string_sized_new (256 * MIN (rowids->len, PAGE_BATCH));
  cl_server_read_begin (state);
  for (guint from = 0; from < rowids->len && rc == SQLITE_DONE; from += PAGE_BATCH)
    {
      const gint64 *batch = &g_array_index (rowids, gint64, from);
      guint n = MIN (rowids->len - from, PAGE_BATCH);

      for (guint i = 0; i < PAGE_BATCH; i++)
        {
          sqlite3_bind_int64 (stmt, i + 1, i < n ? batch[i] : -1);
          length[i] = 0;
        }
      g_string_truncate (scratch, 0);
      /* The rows come in rowid order: each is written to the scratch
       * buffer and put in its place below. */
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 rowid = sqlite3_column_int64 (stmt, 6);

          for (guint i = 0; i < n; i++)
            if (batch[i] == rowid)
              {
                start[i] = scratch->len;
                append_patient (scratch, stmt, &today);
                length[i] = scratch->len - start[i];
                break;
              }
        }
      sqlite3_reset (stmt);
      for (guint i = 0; i < n; i++)
        if (length[i] > 0)
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            g_string_append_len (out, scratch->str + start[i], length[i]);
          }
    }
  if (rc != SQLITE_DONE)
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (state->reader));
  cl_server_read_end (state);
  return rc == SQLITE_DONE;
}

void
cl_server_handle_patients (CLServer          *self,
                           SoupServerMessage *msg,
                           GHashTable        *query,
                           const char        *username,
                           const char        *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GString) out = NULL;
  guint total = 0;
  gint64 limit;

  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      cl_server_send_method_not_allowed (msg, "GET");
      return;
    }
  if (!cl_server_authorize (self, msg, username, role, cl_tables_can_read (role, "patient"), NULL) ||
      !cl_server_int_param (msg, query, "limit", 1, PATIENTS_MAX_LIMIT, PATIENTS_DEFAULT_LIMIT, &limit))
    return;

  /* The first @limit matching patients in roster order and how many
   * match in all (the model's cached lists and prefix bitmaps make
   * this cheap), then only the rows of the page. */
  rowids = cl_roster_model_search (get_roster (self), g_hash_table_lookup (query, "q"),
                                   limit, &total, &error);
  if (rowids == NULL)
    {
      cl_server_send_store_error (msg, error);
      return;
    }

  /* Written straight from the columns: a JsonBuilder, its nodes and
   * the generator cost more than the search and the reads together. */
  out = g_string_sized_new (64 + 200 * rowids->len);
  g_string_append_printf (out, "{\"total\":%u,\"patients\":[", total);
  if (!read_page (self, rowids, out, &error))
    {
      cl_server_send_store_error (msg, error);
      return;
    }
  g_string_append (out, "]}");
  cl_server_send_json_text (msg, SOUP_STATUS_OK, g_steal_pointer (&out));
}
