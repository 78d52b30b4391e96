/* cl-server-changes.c
 *
 * /changes: the change feed desks pull (GET) and the changes they
 * push (POST), checked and applied by cl-sync-server.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <string.h>

#include "cl-server-private.h"
#include "cl-sync-server.h"

/* Paging limits: a desk pulls 500 at a time; 5000 is the most one
 * answer may hold before it gets too big to build in one go. */
#define CHANGES_DEFAULT_LIMIT 500
#define CHANGES_MAX_LIMIT     5000
#define MAX_PUSH_CHANGES      5000

void
cl_server_handle_changes (CLServer          *self,
                          SoupServerMessage *msg,
                          GHashTable        *query,
                          const char        *username,
                          const char        *role)
{
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (method, "GET"))
    {
      char *page;
      gint64 since, limit;

      if (!cl_server_int_param (msg, query, "since", 0, G_MAXINT64, 0, &since) ||
          !cl_server_int_param (msg, query, "limit", 1, CHANGES_MAX_LIMIT, CHANGES_DEFAULT_LIMIT, &limit))
        return;
      page = cl_sync_server_get_changes (self->store, since, limit, role, &error);
      if (page == NULL)
        cl_server_send_store_error (msg, error);
      else
        {
          soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                            page, strlen (page));
        }
    }
  else if (g_str_equal (method, "POST"))
    {
      g_autoptr(JsonNode) body = cl_server_parse_json_body (msg);
      g_autoptr(JsonArray) results = NULL;
      g_autoptr(JsonBuilder) builder = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonArray *changes;
      gint64 max_rev = 0;

      if (body == NULL)
        return;
      changes = cl_sync_server_check_push (body, MAX_PUSH_CHANGES, &error);
      if (changes == NULL)
        {
          cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", error->message);
          return;
        }

      results = cl_sync_server_apply_changes (self->store, changes, username, role,
                                              &max_rev, &error);
      /* Even after a failure part-way, the changes before it are
       * committed: tell the desks. */
      if (max_rev > 0)
        cl_server_broadcast_rev (self, max_rev);
      if (results == NULL)
        {
          cl_server_send_store_error (msg, error);
          return;
        }

      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "results");
      json_builder_add_value (builder, json_node_init_array (json_node_alloc (), results));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      cl_server_send_json (msg, SOUP_STATUS_OK, root);
    }
  else
    cl_server_send_method_not_allowed (msg, "GET, POST");
}
