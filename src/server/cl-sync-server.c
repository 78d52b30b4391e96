/* cl-sync-server.c
 *
 * The server's side of sync (cl-sync-server.h), apart from applying
 * pushes (cl-sync-server-apply.c): checking a push's shape, the audit
 * log, the change feed desks pull, and the revs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-server"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cl-enrolment-store.h"
#include "cl-patient.h"
#include "cl-patient-store.h"
#include "cl-pregnancy.h"
#include "cl-schedule.h"
#include "cl-document-access.h"
#include "cl-document-store.h"
#include "cl-store-accounts.h"
#include "cl-store-feed.h"
#include "cl-sync-server-private.h"
#include "cl-tables.h"
#include "cl-util.h"

/* Keys and ids are UUIDs in practice; anything far longer is not a
 * mistake worth storing. */
#define MAX_KEY_LENGTH 200

gint64
cl_sync_server_now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
cl_sync_server_member_is (JsonObject *object,
                          const char *name,
                          GType       type)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == type;
}

static gboolean
short_string (JsonObject *object,
              const char *name)
{
  const char *value;

  if (!cl_sync_server_member_is (object, name, G_TYPE_STRING))
    return FALSE;
  value = json_object_get_string_member (object, name);
  return *value != '\0' && strlen (value) <= MAX_KEY_LENGTH;
}

JsonArray *
cl_sync_server_check_push (JsonNode  *body,
                           guint      max_changes,
                           GError   **error)
{
  JsonObject *root;
  JsonNode *changes_node;
  JsonArray *changes;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The body must be a JSON object with a “changes” list"));
      return NULL;
    }
  root = json_node_get_object (body);
  changes_node = json_object_get_member (root, "changes");
  if (changes_node == NULL || !JSON_NODE_HOLDS_ARRAY (changes_node) ||
      json_object_get_size (root) != 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The body must be a JSON object with a “changes” list"));
      return NULL;
    }
  changes = json_node_get_array (changes_node);
  if (json_array_get_length (changes) > max_changes)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("At most %u changes may be sent at once"), max_changes);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonNode *node = json_array_get_element (changes, i);
      JsonObject *change;
      const char *op;
      JsonNode *data;
      const char *key;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;
      change = json_node_get_object (node);

      /* Only the members the protocol knows: a misspelt one would
       * otherwise be ignored silently. */
      {
        static const char * const known[] = { "key", "table", "id", "base_rev", "op", "data", NULL };
        g_autoptr(GList) members = json_object_get_members (change);
        gboolean unknown = FALSE;

        for (const GList *l = members; l; l = l->next)
          unknown |= !g_strv_contains (known, l->data);
        if (unknown)
          goto bad;
      }

      if (!short_string (change, "key") || !short_string (change, "table") ||
          !short_string (change, "id") || !short_string (change, "op") ||
          !cl_sync_server_member_is (change, "base_rev", G_TYPE_INT64) ||
          json_object_get_int_member (change, "base_rev") < 0)
        goto bad;

      op = json_object_get_string_member (change, "op");
      if (!g_str_equal (op, "upsert") && !g_str_equal (op, "delete"))
        goto bad;

      data = json_object_get_member (change, "data");
      if (data == NULL ? g_str_equal (op, "upsert")
                       : !(JSON_NODE_HOLDS_OBJECT (data) ||
                           (JSON_NODE_HOLDS_NULL (data) && g_str_equal (op, "delete"))))
        goto bad;

      /* One key twice in one batch is a client bug; answering the
       * second as a duplicate of the first would hide it. */
      key = json_object_get_string_member (change, "key");
      if (!g_hash_table_add (keys, (gpointer) key))
        goto bad;
      continue;

    bad:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Change %u is not of the form {key, table, id, base_rev, op, data}"), i + 1);
      return NULL;
    }

  return changes;
}

gboolean
cl_sync_server_audit_locked (CLStore     *store,
                             const char  *username,
                             const char  *role,
                             const char  *action,
                             const char  *table,
                             const char  *record_id,
                             const char  *patient_id,
                             gint         status,
                             const char  *detail,
                             GError     **error)
{
  CLAuditLine line = {
    cl_sync_server_now_seconds (), username, role, action, table, record_id,
    patient_id, status, detail,
  };

  return cl_store_append_audit (store, &line, error);
}

gboolean
cl_sync_server_audit (CLStore     *store,
                      const char  *username,
                      const char  *role,
                      const char  *action,
                      const char  *table,
                      const char  *record_id,
                      const char  *patient_id,
                      gint         status,
                      const char  *detail,
                      GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  /* The store appends it under its lock: inside a caller's transaction
   * it becomes part of it. */
  return cl_sync_server_audit_locked (store, username, role, action, table, record_id,
                                      patient_id, status, detail, error);
}

char *
cl_sync_server_patient_of (CLStore  *store,
                           CLRecord *record)
{
  GObjectClass *klass;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (CL_IS_RECORD (record), NULL);

  if (CL_IS_PATIENT (record))
    return g_strdup (cl_record_get_id (record));

  /* By the foreign-key properties, so tables added later are covered
   * as long as they name their patient or pregnancy the usual way. */
  klass = G_OBJECT_GET_CLASS (record);
  if (g_object_class_find_property (klass, "patient-id"))
    {
      char *patient_id = NULL;

      g_object_get (record, "patient-id", &patient_id, NULL);
      return patient_id;
    }
  if (g_object_class_find_property (klass, "pregnancy-id"))
    {
      g_autofree char *pregnancy_id = NULL;
      g_autoptr(CLRecord) pregnancy = NULL;

      g_object_get (record, "pregnancy-id", &pregnancy_id, NULL);
      if (pregnancy_id)
        pregnancy = cl_store_load_record (store, CL_TYPE_PREGNANCY, pregnancy_id, NULL);
      if (pregnancy)
        return g_strdup (cl_pregnancy_get_patient_id (CL_PREGNANCY (pregnancy)));
    }
  return NULL;
}

/* Appends @text as a JSON string literal: '"' and '\\' escaped, control
 * characters as \b \f \n \r \t or \u00XX, everything else (UTF-8
 * included) as it is; text that is not valid UTF-8 has its invalid
 * bytes replaced by U+FFFD, so the output is always valid JSON; NULL
 * is null, as json-glib writes it.  Built
 * by hand: it writes every string of a page (/changes, /patients), and
 * a JsonNode and a generator per string cost more than the rest of the
 * page. */
void
cl_sync_server_append_json_string (GString    *out,
                                   const char *text)
{
  static const char hex[] = "0123456789abcdef";
  g_autofree char *valid = NULL;
  const char *run;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  run = text;
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      g_string_append_c (out, '\\');
      switch (c)
        {
        case '"':  g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '\b': g_string_append_c (out, 'b'); break;
        case '\f': g_string_append_c (out, 'f'); break;
        case '\n': g_string_append_c (out, 'n'); break;
        case '\r': g_string_append_c (out, 'r'); break;
        case '\t': g_string_append_c (out, 't'); break;
        default:
          g_string_append (out, "u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
          break;
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

typedef struct
{
  GString    *out;
  const char *role;
  gboolean    first;
} FeedPage;

static gboolean
append_change_cb (const CLFeedChange  *change,
                  gpointer             user_data,
                  GError             **error)
{
  FeedPage *page = user_data;
  const char *data = change->data;

  if (!cl_tables_can_read (page->role, change->table))
    return TRUE;
  if (data == NULL || (*data != '{' && strcmp (data, "null") != 0))
    {
      /* Only this program writes the feed; a row it cannot send is
       * damage, and skipping it silently would lose a change. */
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT,
                   "change %" G_GINT64_FORMAT " is not valid JSON", change->rev);
      return FALSE;
    }
  g_string_append_printf (page->out, "%s{\"rev\":%" G_GINT64_FORMAT ",\"table\":",
                          page->first ? "" : ",", change->rev);
  cl_sync_server_append_json_string (page->out, change->table);
  g_string_append (page->out, ",\"id\":");
  cl_sync_server_append_json_string (page->out, change->record_id);
  g_string_append (page->out, ",\"op\":");
  cl_sync_server_append_json_string (page->out, change->op);
  g_string_append (page->out, ",\"data\":");
  g_string_append (page->out, data);
  g_string_append_c (page->out, '}');
  page->first = FALSE;
  return TRUE;
}

char *
cl_sync_server_get_changes (CLStore     *store,
                            gint64       since,
                            guint        limit,
                            const char  *role,
                            GError     **error)
{
  g_autoptr(GString) out = g_string_sized_new (512 * (gsize) MIN (limit, 5000));
  FeedPage page = { out, role, TRUE };
  gint64 next;
  gboolean more;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* The feed holds each record's JSON as this program wrote it
   * (log_change), so it goes out as it is, not parsed and built again:
   * that was most of the cost of a page. */
  g_string_append (out, "{\"changes\":[");
  if (!cl_store_feed_read (store, since, limit, append_change_cb, &page, &next, &more, error))
    return NULL;

  g_string_append_printf (out, "],\"next\":%" G_GINT64_FORMAT ",\"more\":%s}",
                          next, more ? "true" : "false");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
set_text_member (JsonObject *object,
                 const char *name,
                 const char *text)
{
  if (text)
    json_object_set_string_member (object, name, text);
  else
    json_object_set_null_member (object, name);
}

static void
add_audit_line_cb (const CLAuditLine *line,
                   gpointer           user_data)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "at", line->at);
  set_text_member (object, "username", line->username);
  set_text_member (object, "role", line->role);
  set_text_member (object, "action", line->action);
  set_text_member (object, "table", line->table);
  set_text_member (object, "record_id", line->record_id);
  set_text_member (object, "patient_id", line->patient_id);
  json_object_set_int_member (object, "status", line->status);
  set_text_member (object, "detail", line->detail);
  json_array_add_object_element (user_data, object);
}

JsonArray *
cl_sync_server_read_audit (CLStore     *store,
                           const char  *patient_id,
                           GError     **error)
{
  g_autoptr(JsonArray) lines = json_array_new ();

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (!cl_store_read_audit (store, patient_id, add_audit_line_cb, lines, error))
    return NULL;
  return g_steal_pointer (&lines);
}
