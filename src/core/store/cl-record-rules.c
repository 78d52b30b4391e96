/* cl-record-rules.c
 *
 * Field rules for every synced record by the kind of the field
 * (cl-record-rules.h).  Before them a pushed change could store money
 * that wrapped or was negative, or an instant that GDateTime cannot
 * hold (and logged criticals trying), as long as its table had no
 * validator of its own on the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-record"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-money.h"
#include "cl-record-rules.h"

/* Money fields meant to hold a negative amount (none today: a refund
 * and a deduction are positive amounts taken off). */
static const char * const signed_money[] = { NULL };

/* Instants that a record always has; the others may be 0, unset. */
static const char * const required_instants[] = { "start_at", "end_at", NULL };

/* Columns the server sets itself on every write. */
static const char * const server_columns[] = { "rev", "updated_at", NULL };

typedef struct
{
  const char *column;
  gsize       limit;   /* characters */
} TextLimit;

/* Free text a person writes runs longest; a settlement month's
 * snapshot is a document the server composes.  Everything else (ids,
 * dates, codes, statuses, places) is short. */
#define NAME_LIMIT    100
#define SHORT_LIMIT   200
#define NOTE_LIMIT    4000
#define SNAPSHOT_LIMIT (4 * 1024 * 1024)

static const TextLimit text_limits[] = {
  { "name", NAME_LIMIT },
  { "name_en", NAME_LIMIT },
  { "display_name", NAME_LIMIT },
  { "doctor", NAME_LIMIT },
  { "title", SHORT_LIMIT },
  { "filename", 255 },
  { "address", SHORT_LIMIT },
  { "note", NOTE_LIMIT },
  { "complaint", NOTE_LIMIT },
  { "special_care", NOTE_LIMIT },
  { "disability", NOTE_LIMIT },
  { "text", NOTE_LIMIT },
  { "services", NOTE_LIMIT },
  { "reason", NOTE_LIMIT },
  { "override_reason", NOTE_LIMIT },
  { "over_reason", NOTE_LIMIT },
  { "purpose", NOTE_LIMIT },
  { "summary", NOTE_LIMIT },
  { "close_note", NOTE_LIMIT },
  { "medical_history", NOTE_LIMIT },
  { "surgical_history", NOTE_LIMIT },
  { "drug_allergy_note", NOTE_LIMIT },
  { "food_allergy_note", NOTE_LIMIT },
  { "social", NOTE_LIMIT },
  { "psychological", NOTE_LIMIT },
  { "risk_note", NOTE_LIMIT },
  { "snapshot", SNAPSHOT_LIMIT },
};

char *
cl_record_rules_money_message (gint64 fen)
{
  if (fen < 0)
    return g_strdup (_("An amount cannot be negative"));
  if (fen > CL_MONEY_MAX_FEN)
    {
      g_autofree char *max = cl_money_format (CL_MONEY_MAX_FEN);

      return g_strdup_printf (_("The amount is too large; at most %s yuan"), max);
    }
  return NULL;
}

char *
cl_record_rules_instant_message (gint64 at)
{
  if (at < CL_INSTANT_MIN || at >= CL_INSTANT_MAX)
    return g_strdup (_("The time must lie between the years 2000 and 2100"));
  return NULL;
}

gsize
cl_record_rules_text_limit (const char *column)
{
  g_return_val_if_fail (column != NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (text_limits); i++)
    if (g_str_equal (text_limits[i].column, column))
      return text_limits[i].limit;
  return SHORT_LIMIT;
}

static char *
check_text (const char *column,
            const char *text)
{
  gsize limit, length;

  if (text == NULL)
    return NULL;
  limit = cl_record_rules_text_limit (column);
  /* Invalid UTF-8 never gets this far (the codec refuses it), but a
   * byte count must not be taken for characters if it did. */
  length = g_utf8_validate (text, -1, NULL) ? (gsize) g_utf8_strlen (text, -1) : strlen (text);
  if (length <= limit)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The text is too long: at most %u character",
                                       "The text is too long: at most %u characters",
                                       limit), (guint) limit);
}

static char *
check_integer (const char *column,
               gint64      value)
{
  if (g_str_has_suffix (column, "_fen"))
    return g_strv_contains (signed_money, column) ? NULL : cl_record_rules_money_message (value);
  if (g_str_has_suffix (column, "_at") && !g_strv_contains (server_columns, column))
    {
      if (value == 0 && !g_strv_contains (required_instants, column))
        return NULL;
      return cl_record_rules_instant_message (value);
    }
  return NULL;
}

gboolean
cl_record_rules_check (CLRecord   *record,
                       GHashTable *errors)
{
  const char * const *columns;
  GParamSpec * const *pspecs;
  gboolean ok = TRUE;

  g_return_val_if_fail (CL_IS_RECORD (record), FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  columns = cl_record_type_get_columns (G_OBJECT_TYPE (record));
  pspecs = cl_record_type_get_column_pspecs (G_OBJECT_TYPE (record));
  for (guint i = 0; columns[i]; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *message = NULL;

      cl_record_get_column_value (record, pspecs[i], &value);
      switch (pspecs[i]->value_type)
        {
        case G_TYPE_STRING:
          message = check_text (columns[i], g_value_get_string (&value));
          break;
        case G_TYPE_INT64:
          message = check_integer (columns[i], g_value_get_int64 (&value));
          break;
        case G_TYPE_INT:
          message = check_integer (columns[i], g_value_get_int (&value));
          break;
        default:
          break;
        }
      if (message == NULL)
        continue;
      ok = FALSE;
      if (!g_hash_table_contains (errors, columns[i]))
        g_hash_table_insert (errors, g_strdup (columns[i]), g_steal_pointer (&message));
    }
  return ok;
}
