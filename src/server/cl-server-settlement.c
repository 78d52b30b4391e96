/* cl-server-settlement.c
 *
 * GET /settlement/YYYY-MM[?contract=ID][&format=json|csv|pdf]: the
 * month's statement of a contract (the obstetric one unless given)
 * for finance (cl-settlement-export.h), worked out and drawn on a
 * worker thread, audited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include "cl-server-private.h"
#include "cl-settlement-export.h"
#include "cl-tables.h"

typedef struct
{
  CLServer           *server;
  SoupServerMessage  *msg;
  char               *username;
  char               *role;
  char               *month;
  char               *contract_id;
  ClSettlementFormat  format;
} SettlementData;

static void
settlement_data_free (SettlementData *data)
{
  g_object_unref (data->server);
  g_object_unref (data->msg);
  g_free (data->username);
  g_free (data->role);
  g_free (data->month);
  g_free (data->contract_id);
  g_free (data);
}

static void
settlement_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  SettlementData *data = task_data;
  GError *error = NULL;
  GBytes *bytes;

  bytes = cl_settlement_export (data->server->store, data->contract_id, data->month, data->format, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
settlement_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SettlementData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);
  static const char * const formats[] = { "json", "csv", "pdf" };

  /* No such contract, or no rate or fee in force yet: the request's
   * fault, said in words; anything else is the server's. */
  if (bytes == NULL && g_error_matches (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID))
    cl_server_send_error (data->msg, SOUP_STATUS_BAD_REQUEST, "bad_request", error->message);
  else if (bytes == NULL)
    cl_server_send_store_error (data->msg, error);
  else
    {
      /* The month's money for a vendor: who read it is worth a line. */
      cl_server_audit (data->server, data->username, data->role, "settlement", NULL, data->month, NULL,
                       SOUP_STATUS_OK, formats[data->format]);
      soup_server_message_set_status (data->msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (data->msg),
                                             cl_settlement_format_content_type (data->format), NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (data->msg), bytes);
    }
  soup_server_message_unpause (data->msg);
}

void
cl_server_handle_settlement (CLServer          *self,
                             SoupServerMessage *msg,
                             const char        *month,
                             GHashTable        *query,
                             const char        *username,
                             const char        *role)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SettlementData *data;
  ClSettlementFormat format;

  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      cl_server_send_method_not_allowed (msg, "GET");
      return;
    }
  /* Those who close months read them: finance (and the administrator). */
  if (!cl_server_authorize (self, msg, username, role,
                            cl_tables_role_may (role, CL_WRITE, "settlement_month"), NULL))
    return;
  if (!cl_settlement_export_check_month (month, &error) ||
      !cl_settlement_format_parse (query ? g_hash_table_lookup (query, "format") : NULL, &format, &error))
    {
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", error->message);
      return;
    }

  data = g_new0 (SettlementData, 1);
  data->server = g_object_ref (self);
  data->msg = g_object_ref (msg);
  data->username = g_strdup (username);
  data->role = g_strdup (role);
  data->month = g_strdup (month);
  data->contract_id = g_strdup (query ? g_hash_table_lookup (query, "contract") : NULL);
  data->format = format;

  /* A month of 10 000 lines takes a fraction of a second to work out
   * and more to draw: this thread's other connections go on. */
  soup_server_message_pause (msg);
  task = g_task_new (self, NULL, settlement_done_cb, NULL);
  g_task_set_source_tag (task, cl_server_handle_settlement);
  g_task_set_task_data (task, data, (GDestroyNotify) settlement_data_free);
  g_task_run_in_thread (task, settlement_thread);
}
