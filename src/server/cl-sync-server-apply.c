/* cl-sync-server-apply.c
 *
 * Deciding and applying a desk's pushed changes (cl-sync-server.h,
 * cl_sync_server_apply_changes): each change checked against its base
 * rev, the role's rights, the record's validation and the tables'
 * invariants, then written and logged to the feed in a savepoint of the
 * request's one transaction; answers are remembered by key so a retried
 * push gets the same ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-server"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cl-enrolment-store.h"
#include "cl-package-usage.h"
#include "cl-record-rules.h"
#include "cl-schedule.h"
#include "cl-store-feed.h"
#include "cl-document-access.h"
#include "cl-store-private.h"
#include "cl-sync-server-private.h"
#include "cl-tables.h"
#include "cl-util.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The first message of a validator's field → message table, taking the
 * fields in name order so the same record always gets the same answer. */
static char *
validation_message (CLStore    *store,
                    CLRecord   *record,
                    const char *role)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree gpointer *fields = NULL;
  guint n;

  /* Money, instants and text lengths, for every table: the desk's
   * forms apply the same rules (cl-record-rules.h). */
  cl_record_rules_check (record, errors);
  /* Then the rules of the table's desk form (a patient, a pregnancy,
   * a report; an enrolment's window and its override, a package, a
   * deduction, a rate, a doctor's order, a room), the same core
   * function and message, judged against what this transaction sees;
   * a value out of range is answered first. */
  if (g_hash_table_size (errors) == 0)
    cl_tables_validate (store, record, role, errors);
  if (g_hash_table_size (errors) == 0)
    return NULL;

  fields = g_hash_table_get_keys_as_array (errors, &n);
  qsort (fields, n, sizeof (gpointer), compare_strings);
  return g_strdup_printf ("%s: %s", (const char *) fields[0],
                          (const char *) g_hash_table_lookup (errors, fields[0]));
}

typedef struct
{
  const char *status;   /* "applied", "duplicate", "rejected" */
  gint64      rev;
  const char *reason;   /* NULL, "stale", "forbidden", "invalid", "overlap" */
  char       *message;
  CLRecord   *current;
  /* On an overlap "current" is the record in the way, and this the
   * server's version of the refused one (NULL if it has none). */
  CLRecord   *record;
  /* The change gave the record a reason for going over her package
   * (a new one, or another): audited. */
  gboolean    over_reason_set;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->message, g_free);
  g_clear_object (&outcome->current);
  g_clear_object (&outcome->record);
}

static JsonNode *
outcome_to_json (const char *key,
                 Outcome    *outcome)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, outcome->status);
  json_builder_set_member_name (builder, "rev");
  if (outcome->rev > 0)
    json_builder_add_int_value (builder, outcome->rev);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "reason");
  if (outcome->reason)
    json_builder_add_string_value (builder, outcome->reason);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "message");
  if (outcome->message)
    json_builder_add_string_value (builder, outcome->message);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "current");
  if (outcome->current)
    json_builder_add_value (builder, cl_record_to_json (outcome->current));
  else
    json_builder_add_null_value (builder);
  if (outcome->reason && g_str_equal (outcome->reason, "overlap"))
    {
      json_builder_set_member_name (builder, "record");
      if (outcome->record)
        json_builder_add_value (builder, cl_record_to_json (outcome->record));
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Translated text for a reason code, when there is no more specific
 * message (a retried rejection, a stale edit). */
static const char *
reason_message (const char *reason)
{
  if (g_strcmp0 (reason, "stale") == 0)
    return _("Someone else changed this record first; their version is shown");
  if (g_strcmp0 (reason, "forbidden") == 0)
    return _("Your role may not change this kind of record");
  if (g_strcmp0 (reason, "invalid") == 0)
    return _("The change was refused because the record is not valid");
  if (g_strcmp0 (reason, "closed") == 0)
    return _("The change was refused because it falls in a closed settlement month");
  if (g_strcmp0 (reason, "overlap") == 0)
    return _("The change was refused because it overlaps another booking or task");
  return NULL;
}

static gint
reason_status (const char *reason)
{
  if (g_strcmp0 (reason, "forbidden") == 0)
    return 403;
  if (g_strcmp0 (reason, "stale") == 0 || g_strcmp0 (reason, "overlap") == 0)
    return 409;
  return 422;
}

/* Looks up an answer already given to @key.  Returns TRUE if there was
 * one. */
static gboolean
previous_answer (CLStore     *store,
                 const char  *key,
                 Outcome     *outcome,
                 GError     **error)
{
  gboolean found, applied;
  const char *reason;
  gint64 rev;

  if (!cl_store_feed_lookup_answer (store, key, &found, &applied, &rev, &reason, error) || !found)
    return FALSE;
  if (applied)
    {
      outcome->status = "duplicate";
      outcome->rev = rev;
    }
  else
    {
      outcome->status = "rejected";
      outcome->reason = reason ? reason : g_intern_static_string ("invalid");
      outcome->message = g_strdup (reason_message (outcome->reason));
    }
  return TRUE;
}

static gboolean
remember_answer (CLStore     *store,
                 const char  *key,
                 Outcome     *outcome,
                 GError     **error)
{
  return cl_store_feed_remember_answer (store, key, outcome->status, outcome->rev, outcome->reason,
                                        cl_sync_server_now_seconds (), error);
}

/* Appends the change to the feed; its rowid is the new rev. */
static gint64
log_change (CLStore     *store,
            CLRecord    *record,
            const char  *op,
            const char  *username,
            gint64       at,
            GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *data = NULL;
  gint64 rev;

  rev = cl_store_feed_append (store, cl_record_get_table_name (record), cl_record_get_id (record),
                              op, at, username, error);
  if (rev == 0)
    return 0;

  /* The record carries the rev of its own change, so the feed holds
   * exactly what a desk must store. */
  cl_record_set_rev (record, rev);
  cl_record_set_updated_at (record, at);
  cl_record_set_updated_by (record, username);
  node = cl_record_to_json (record);
  data = json_to_string (node, FALSE);

  if (!cl_store_feed_set_data (store, rev, data, error))
    return 0;
  return rev;
}

static void
reject (Outcome    *outcome,
        const char *reason,
        char       *message)
{
  outcome->status = "rejected";
  outcome->reason = reason;
  outcome->message = message ? message : g_strdup (reason_message (reason));
}

/* A refusal by a table's invariant check (cl_tables_check_change()).
 * Returns FALSE only for a store failure, moved to @error. */
static gboolean
refuse_by_invariant (Outcome   *outcome,
                     GError    *refusal,
                     CLRecord  *conflict,
                     GError   **error)
{
  if (g_error_matches (refusal, CL_ENROLMENT_ERROR, CL_ENROLMENT_ERROR_CLOSED))
    {
      reject (outcome, "closed", g_strdup (refusal->message));
      g_error_free (refusal);
      return TRUE;
    }
  /* A table's own rules (the staff's): the field's message. */
  if (g_error_matches (refusal, CL_STORE_ERROR, CL_STORE_ERROR_INVALID))
    {
      reject (outcome, "invalid", g_strdup (refusal->message));
      g_error_free (refusal);
      return TRUE;
    }
  if (refusal->domain != CL_SCHEDULE_ERROR)
    {
      g_propagate_error (error, refusal);
      return FALSE;
    }
  if (refusal->code == CL_SCHEDULE_ERROR_OVERLAP)
    {
      /* The desk shows the booking in the way; it undoes its own change
       * with "record". */
      reject (outcome, "overlap", g_strdup (refusal->message));
      outcome->record = g_steal_pointer (&outcome->current);
      outcome->current = conflict ? g_object_ref (conflict) : NULL;
    }
  else if (refusal->code == CL_SCHEDULE_ERROR_FORBIDDEN)
    reject (outcome, "forbidden", g_strdup (refusal->message));
  else
    {
      /* At its field, like every other invalid record. */
      const char *field = cl_schedule_error_field (refusal);

      reject (outcome, "invalid",
              field ? g_strdup_printf ("%s: %s", field, refusal->message)
                    : g_strdup (refusal->message));
    }
  g_error_free (refusal);
  return TRUE;
}

/* Decides a change and, if it is good, writes it.  Called inside the
 * change's transaction.  Returns FALSE only when the store fails. */
static gboolean
decide (CLStore     *store,
        JsonObject  *change,
        const char  *username,
        const char  *role,
        Outcome     *outcome,
        GError     **error)
{
  const char *table = json_object_get_string_member (change, "table");
  const char *id = json_object_get_string_member (change, "id");
  const char *op = json_object_get_string_member (change, "op");
  gint64 base_rev = json_object_get_int_member (change, "base_rev");
  JsonNode *data = json_object_get_member (change, "data");
  g_autoptr(CLRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean deleting;
  GType type;
  gint64 rev, at;

  type = cl_tables_lookup (table);
  if (type == G_TYPE_INVALID)
    {
      reject (outcome, "invalid", g_strdup_printf (_("There is no table “%s”"), table));
      return TRUE;
    }

  if (!cl_tables_can_write (role, table))
    {
      reject (outcome, "forbidden", NULL);
      return TRUE;
    }

  outcome->current = cl_store_load_record (store, type, id, &local_error);
  if (outcome->current == NULL &&
      !g_error_matches (local_error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  /* The edit must be based on what the server has now; otherwise it
   * would silently undo someone else's change. */
  if (outcome->current ? cl_record_get_rev (outcome->current) != base_rev : base_rev != 0)
    {
      reject (outcome, "stale", NULL);
      return TRUE;
    }

  deleting = g_str_equal (op, "delete");
  if (deleting && outcome->current == NULL)
    {
      reject (outcome, "invalid", g_strdup (_("There is no such record to delete")));
      return TRUE;
    }

  /* An opening of a document, once recorded, stays as it was. */
  if (outcome->current && CL_IS_DOCUMENT_ACCESS (outcome->current))
    {
      reject (outcome, "invalid", g_strdup (_("A record of who opened a document cannot be changed")));
      return TRUE;
    }

  if (outcome->current)
    record = cl_record_dup (outcome->current);
  else
    record = g_object_new (type, "id", id, NULL);

  if (data && JSON_NODE_HOLDS_OBJECT (data))
    {
      JsonObject *object = json_node_get_object (data);

      if (json_object_has_member (object, "id") &&
          (!cl_sync_server_member_is (object, "id", G_TYPE_STRING) ||
           g_strcmp0 (json_object_get_string_member (object, "id"), id) != 0))
        {
          reject (outcome, "invalid", g_strdup (_("The record’s id does not match the change")));
          return TRUE;
        }
      if (!cl_record_update_from_json (record, object, &local_error))
        {
          reject (outcome, "invalid", g_strdup (local_error->message));
          return TRUE;
        }
    }

  /* A delete is a tombstone: the row stays, marked, so every desk
   * learns of it through the feed. */
  if (deleting)
    cl_record_set_deleted (record, TRUE);
  else
    {
      g_autofree char *message = validation_message (store, record, role);

      if (message)
        {
          reject (outcome, "invalid", g_steal_pointer (&message));
          return TRUE;
        }
    }

  /* Invariants across records (no two bookings of one room overlap,
   * nothing changes in a closed settlement month…), deletes included,
   * inside this transaction so two desks cannot both pass them. */
  {
    g_autoptr(CLRecord) conflict = NULL;

    if (!cl_tables_check_change (store, record, outcome->current, username, role,
                                 &conflict, &local_error))
      return refuse_by_invariant (outcome, g_steal_pointer (&local_error), conflict, error);
  }

  at = cl_sync_server_now_seconds ();
  rev = log_change (store, record, cl_record_get_deleted (record) ? "delete" : "upsert",
                    username, at, error);
  if (rev == 0 ||
      !cl_store_write_record (store, record, CL_WRITE_FROM_SERVER, error))
    return FALSE;

  outcome->status = "applied";
  outcome->rev = rev;
  outcome->over_reason_set = cl_package_usage_over_reason_of (record) &&
                             (outcome->current == NULL ||
                              g_strcmp0 (cl_package_usage_over_reason_of (outcome->current),
                                         cl_package_usage_over_reason_of (record)) != 0);
  g_clear_object (&outcome->current);
  outcome->current = g_steal_pointer (&record);
  return TRUE;
}

/* For the audit line of a change that was refused before any record
 * was built: the patient it was about, as far as the change says. */
static char *
patient_of_change (JsonObject *change)
{
  JsonNode *data = json_object_get_member (change, "data");

  if (g_str_equal (json_object_get_string_member (change, "table"), "patient"))
    return g_strdup (json_object_get_string_member (change, "id"));
  if (data && JSON_NODE_HOLDS_OBJECT (data) &&
      cl_sync_server_member_is (json_node_get_object (data), "patient_id", G_TYPE_STRING))
    return g_strdup (json_object_get_string_member (json_node_get_object (data), "patient_id"));
  return NULL;
}

/* One change, inside the request's transaction and a savepoint of its
 * own: a change that fails in the store is rolled back alone, and the
 * answer to its key, its feed entry and its audit line go (or stay)
 * together with it. */
static gboolean
apply_one (CLStore     *store,
           JsonObject  *change,
           const char  *username,
           const char  *role,
           Outcome     *outcome,
           GError     **error)
{
  const char *key = json_object_get_string_member (change, "key");
  const char *table = json_object_get_string_member (change, "table");
  const char *id = json_object_get_string_member (change, "id");
  g_autofree char *patient_id = NULL;
  g_autoptr(GError) local_error = NULL;

  if (previous_answer (store, key, outcome, &local_error))
    {
      GType type = cl_tables_lookup (table);

      /* The current record lets a desk that lost the first answer store
       * the server's version (or undo a rejected change), as it would
       * have then. */
      if (type != G_TYPE_INVALID && cl_tables_can_read (role, table))
        outcome->current = cl_store_load_record (store, type, id, NULL);
      return TRUE;
    }
  if (local_error)
    goto failed;

  if (!cl_store_feed_begin_change (store, &local_error))
    goto failed;

  if (!decide (store, change, username, role, outcome, &local_error) ||
      !remember_answer (store, key, outcome, &local_error))
    goto rollback;

  /* On an overlap "current" is someone else's booking. */
  if (outcome->current && g_strcmp0 (outcome->reason, "overlap") != 0)
    patient_id = cl_sync_server_patient_of (store, outcome->current);
  else
    patient_id = patient_of_change (change);

  if (outcome->reason == NULL && CL_IS_DOCUMENT_ACCESS (outcome->current))
    {
      /* A desk opened a document (maybe offline, from its cache): the
       * privacy log's line, about the document, at the desk's time. */
      CLDocumentAccess *access = CL_DOCUMENT_ACCESS (outcome->current);
      g_autoptr(GDateTime) at =
        g_date_time_new_from_unix_utc (cl_document_access_get_opened_at (access));
      g_autofree char *detail = at ? g_date_time_format_iso8601 (at) : NULL;

      if (!cl_sync_server_audit_locked (store, username, role, "open-document", "document",
                                        cl_document_access_get_document_id (access), patient_id,
                                        200, detail, &local_error))
        goto rollback;
    }
  else
    {
      g_autofree char *detail = NULL;

      /* An administrator's override of the enrolment rules (outside
       * the window, or enrolled twice) is audited with its reason. */
      if (outcome->reason == NULL && CL_IS_ENROLMENT (outcome->current) &&
          !cl_str_empty (cl_enrolment_get_override_reason (CL_ENROLMENT (outcome->current))))
        detail = g_strdup_printf ("override: %s",
                                  cl_enrolment_get_override_reason (CL_ENROLMENT (outcome->current)));
      /* So is more than her package includes: a hand-out, an escort
       * or a VIP room visit past her allowance, when the change gives
       * the reason (not each later change of that booking). */
      else if (outcome->reason == NULL && outcome->over_reason_set)
        detail = g_strdup_printf ("over allowance: %s", cl_package_usage_over_reason_of (outcome->current));
      if (!cl_sync_server_audit_locked (store, username, role,
                                        json_object_get_string_member (change, "op"),
                                        table, id, patient_id,
                                        outcome->reason ? reason_status (outcome->reason) : 200,
                                        detail ? detail : outcome->reason, &local_error))
        goto rollback;
    }

  /* What a role may not write it may not necessarily read either. */
  if (outcome->current && !cl_tables_can_read (role, table))
    g_clear_object (&outcome->current);

  return cl_store_feed_release_change (store, error);

rollback:
  cl_store_feed_rollback_change (store);
failed:
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* All changes of one request in one transaction: one commit (and one
 * fsync) per request rather than per change.  A change the store
 * fails on is rolled back alone and ends the request; the changes
 * before it are committed, and @max_rev tells how far the feed got. */
JsonArray *
cl_sync_server_apply_changes (CLStore     *store,
                              JsonArray   *changes,
                              const char  *username,
                              const char  *role,
                              gint64      *max_rev,
                              GError     **error)
{
  return cl_sync_server_apply_changes_then (store, changes, username, role, NULL, NULL, max_rev, error);
}

JsonArray *
cl_sync_server_apply_changes_then (CLStore              *store,
                                   JsonArray            *changes,
                                   const char           *username,
                                   const char           *role,
                                   CLSyncServerThenFunc  then,
                                   gpointer              user_data,
                                   gint64               *max_rev,
                                   GError              **error)
{
  g_autoptr(JsonArray) results = json_array_new ();
  g_autoptr(GError) local_error = NULL;
  gint64 highest = 0;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (changes != NULL, NULL);

  if (max_rev)
    *max_rev = 0;

  /* In bulk: a patient's roster row is rebuilt once, at the commit,
   * however many of her records the request changes (a desk's push
   * after a day offline holds hundreds). */
  if (!cl_store_begin_bulk (store, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      Outcome outcome = { 0 };

      if (!apply_one (store, change, username, role, &outcome, &local_error))
        {
          outcome_clear (&outcome);
          g_clear_pointer (&results, json_array_unref);
          break;
        }
      if (g_strcmp0 (outcome.status, "applied") == 0)
        highest = MAX (highest, outcome.rev);
      json_array_add_element (results,
                              outcome_to_json (json_object_get_string_member (change, "key"), &outcome));
      outcome_clear (&outcome);
    }

  if (then && results && !then (store, results, user_data, &local_error))
    {
      /* The caller's part failed: nothing of it or the changes is kept. */
      cl_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      if (max_rev)
        *max_rev = 0;
      return NULL;
    }

  if (!cl_store_commit (store, local_error ? NULL : &local_error))
    {
      /* Nothing of the request was kept. */
      highest = 0;
      g_clear_pointer (&results, json_array_unref);
    }

  if (max_rev)
    *max_rev = highest;
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return g_steal_pointer (&results);
}
