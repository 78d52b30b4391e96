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
#include "cl-roster-model.h"
#include "cl-roster-row.h"
#include "cl-server-private.h"
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

/* The rows of one page, by rowid, on the thread's read connection
 * in one read transaction (one snapshot, one WAL lock round). */
static gboolean
read_page (ThreadState  *state,
           GArray       *rowids,
           guint         limit,
           JsonBuilder  *builder,
           GError      **error)
{
  static const char sql[] =
    "SELECT " CL_ROSTER_ROW_COLUMNS " FROM roster r"
    " LEFT JOIN staff s ON s.id = r.manager_id"
    " WHERE r.patient_rowid = ?1";
  GDate today;
  gboolean ok = TRUE;

  if (state->reader == NULL)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "no read connection");
      return FALSE;
    }
  if (state->row_stmt == NULL &&
      sqlite3_prepare_v3 (state->reader, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &state->row_stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (state->reader));
      return FALSE;
    }

  cl_date_today (&today);
  sqlite3_exec (state->reader, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < rowids->len && i < limit && ok; i++)
    {
      g_autoptr(CLRosterRow) row = NULL;
      const char *text;
      int rc;

      sqlite3_bind_int64 (state->row_stmt, 1, g_array_index (rowids, gint64, i));
      rc = sqlite3_step (state->row_stmt);
      if (rc == SQLITE_ROW)
        row = cl_roster_row_new_from_stmt (state->row_stmt, &today);
      else if (rc != SQLITE_DONE)
        {
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s",
                       sqlite3_errmsg (state->reader));
          ok = FALSE;
        }
      sqlite3_reset (state->row_stmt);
      /* Deleted since the search: left out. */
      if (row == NULL || cl_roster_row_get_patient_id (row) == NULL)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, cl_roster_row_get_patient_id (row));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, cl_roster_row_get_name (row));
      json_builder_set_member_name (builder, "phone_masked");
      json_builder_add_string_value (builder, cl_roster_row_get_phone_masked (row));
      json_builder_set_member_name (builder, "age");
      if (cl_roster_row_get_age (row) >= 0)
        json_builder_add_int_value (builder, cl_roster_row_get_age (row));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "edd");
      if ((text = cl_roster_row_get_edd (row)) && *text)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "risk");
      if ((text = cl_roster_row_get_risk (row)) && *text)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  /* Nothing was written: ending a read cannot lose anything. */
  sqlite3_exec (state->reader, "COMMIT", NULL, NULL, NULL);
  return ok;
}

void
cl_server_handle_patients (CLServer          *self,
                           SoupServerMessage *msg,
                           GHashTable        *query,
                           const char        *username,
                           const char        *role)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = NULL;
  gint64 limit;

  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      cl_server_send_method_not_allowed (msg, "GET");
      return;
    }
  if (!cl_server_authorize (self, msg, username, role, cl_tables_can_read (role, "patient"), NULL) ||
      !cl_server_int_param (msg, query, "limit", 1, PATIENTS_MAX_LIMIT, PATIENTS_DEFAULT_LIMIT, &limit))
    return;

  /* The matching patients in roster order (the model's cached lists
   * and prefix bitmaps make this cheap), then only the rows of the
   * page. */
  rowids = cl_roster_model_search (get_roster (self), g_hash_table_lookup (query, "q"), &error);
  if (rowids == NULL)
    {
      cl_server_send_store_error (msg, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, rowids->len);
  json_builder_set_member_name (builder, "patients");
  json_builder_begin_array (builder);
  if (!read_page (cl_server_thread_state (self), rowids, limit, builder, &error))
    {
      cl_server_send_store_error (msg, error);
      return;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  cl_server_send_json (msg, SOUP_STATUS_OK, root);
}
