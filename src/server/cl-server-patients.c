/* cl-server-patients.c
 *
 * /patients: the roster search, answered from a shared CLRosterModel
 * and each thread's own read connection (cl-store-reader.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include "cl-date.h"
#include "cl-patient.h"
#include "cl-phone.h"
#include "cl-roster-model.h"
#include "cl-server-private.h"
#include "cl-store-reader.h"
#include "cl-sync-server.h"
#include "cl-tables.h"
#include "cl-util.h"

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
 * row's columns (id, name, phone, birth_date, edd, risk, priority). */
static void
append_patient (GString             *out,
                const CLRosterEntry *entry,
                const GDate         *today)
{
  const char *birth = entry->birth_date;
  const char *edd = entry->edd;
  const char *risk = entry->risk;
  g_autofree char *masked = entry->phone ? cl_phone_mask (entry->phone) : NULL;
  GDate birth_date;
  int age;
  gboolean aged;

  g_string_append (out, "{\"id\":");
  cl_sync_server_append_json_string (out, entry->patient_id);
  g_string_append (out, ",\"name\":");
  cl_sync_server_append_json_string (out, entry->name);
  g_string_append (out, ",\"phone_masked\":");
  cl_sync_server_append_json_string (out, masked);
  g_string_append (out, ",\"age\":");
  /* -1 (unknown, or born after today) is null, as CLRosterRow has it. */
  age = birth && cl_date_parse (birth, &birth_date, NULL) ? cl_date_age_years (&birth_date, today) : -1;
  aged = age >= CL_PATIENT_AGED_YEARS;
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
  /* Her flags today, aged 70+ included: why she is listed first. */
  g_string_append (out, ",\"flags\":");
  if (!cl_str_empty (entry->priority) || aged)
    {
      g_autofree char *flags = cl_patient_effective_flags (entry->priority, birth, today);

      cl_sync_server_append_json_string (out, flags);
    }
  else
    g_string_append (out, "null");
  g_string_append_c (out, '}');
}

typedef struct
{
  GString *scratch;
  gsize   *start;
  gsize   *length;
  GDate    today;
} PageData;

/* The rows do not come in page order: each is written to the scratch
 * buffer, and put in its place afterwards. */
static void
roster_entry_cb (guint                index,
                 const CLRosterEntry *entry,
                 gpointer             user_data)
{
  PageData *page = user_data;

  page->start[index] = page->scratch->len;
  append_patient (page->scratch, entry, &page->today);
  page->length[index] = page->scratch->len - page->start[index];
}

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
  g_autofree gsize *start = NULL;
  g_autofree gsize *length = NULL;
  g_autoptr(GString) scratch = NULL;
  gboolean first = TRUE;
  PageData page;

  if (state->reader == NULL)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "no read connection");
      return FALSE;
    }

  start = g_new0 (gsize, MAX (rowids->len, 1));
  length = g_new0 (gsize, MAX (rowids->len, 1));
  scratch = g_string_sized_new (256 * MAX (rowids->len, 1));
  page.scratch = scratch;
  page.start = start;
  page.length = length;
  cl_date_today (&page.today);
  if (!cl_store_reader_roster_rows (state->reader, (const gint64 *) (gpointer) rowids->data, rowids->len,
                                    roster_entry_cb, &page, error))
    return FALSE;

  for (guint i = 0; i < rowids->len; i++)
    if (length[i] > 0)
      {
        if (!first)
          g_string_append_c (out, ',');
        first = FALSE;
        g_string_append_len (out, scratch->str + start[i], length[i]);
      }
  return TRUE;
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
