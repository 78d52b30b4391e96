/* cl-gateway-config.c
 *
 * The gateway's settings and the small rules over them
 * (cl-gateway-config.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-gateway"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cl-gateway-config.h"
#include "cl-staff.h"
#include "cl-store-gateway.h"
#include "cl-sync-server.h"
#include "cl-util.h"

void
cl_gateway_config_free (ClGatewayConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->url);
  if (config->secret)
    sodium_memzero (config->secret, strlen (config->secret));
  g_free (config->secret);
  g_free (config->quiet_hours);
  g_free (config->callback_url);
  g_free (config);
}

static guint
uint_setting (GHashTable *settings,
              const char *name,
              guint       fallback)
{
  const char *text = g_hash_table_lookup (settings, name);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return fallback;
  return value;
}

ClGatewayConfig *
cl_gateway_config_load (CLStore  *store,
                        GError  **error)
{
  g_autoptr(GHashTable) settings = cl_store_gateway_settings (store, error);
  ClGatewayConfig *config;
  const char *quiet;

  if (settings == NULL || !g_hash_table_contains (settings, "url"))
    return NULL;
  config = g_new0 (ClGatewayConfig, 1);
  config->url = g_strdup (g_hash_table_lookup (settings, "url"));
  config->secret = g_strdup (g_hash_table_lookup (settings, "secret"));
  quiet = g_hash_table_lookup (settings, "quiet_hours");
  config->quiet_hours = g_strdup (quiet ? quiet : CL_GATEWAY_DEFAULT_QUIET_HOURS);
  if (!cl_gateway_parse_quiet_hours (config->quiet_hours, &config->quiet_start, &config->quiet_end, NULL))
    cl_gateway_parse_quiet_hours (CL_GATEWAY_DEFAULT_QUIET_HOURS, &config->quiet_start, &config->quiet_end, NULL);
  config->timeout = MAX (1, uint_setting (settings, "timeout", CL_GATEWAY_DEFAULT_TIMEOUT));
  config->retries = uint_setting (settings, "retries", CL_GATEWAY_DEFAULT_RETRIES);
  config->backoff = MAX (1, uint_setting (settings, "backoff", CL_GATEWAY_DEFAULT_BACKOFF));
  config->callback_url = g_strdup (g_hash_table_lookup (settings, "callback_url"));
  return config;
}

gboolean
cl_gateway_config_save (CLStore               *store,
                        const ClGatewayConfig *config,
                        const char            *actor,
                        const char            *audit_action,
                        GError               **error)
{
  g_autoptr(GHashTable) settings = NULL;
  g_autofree char *detail = NULL;

  if (config)
    {
      settings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_hash_table_insert (settings, "url", g_strdup (config->url));
      g_hash_table_insert (settings, "secret", g_strdup (config->secret));
      g_hash_table_insert (settings, "quiet_hours", g_strdup (config->quiet_hours));
      g_hash_table_insert (settings, "timeout", g_strdup_printf ("%u", config->timeout));
      g_hash_table_insert (settings, "retries", g_strdup_printf ("%u", config->retries));
      g_hash_table_insert (settings, "backoff", g_strdup_printf ("%u", config->backoff));
      if (config->callback_url)
        g_hash_table_insert (settings, "callback_url", g_strdup (config->callback_url));
      /* Never the secret. */
      detail = g_strdup_printf ("url=%s quiet-hours=%s timeout=%u retries=%u backoff=%u",
                                config->url, config->quiet_hours, config->timeout,
                                config->retries, config->backoff);
    }
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!cl_store_gateway_replace_settings (store, settings, error) ||
      !cl_sync_server_audit (store, actor, CL_ROLE_ADMIN, audit_action, "gateway_setting", NULL, NULL,
                             200, detail, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  if (settings)
    {
      char *secret = g_hash_table_lookup (settings, "secret");

      sodium_memzero (secret, strlen (secret));
    }
  return cl_store_commit (store, error);
}

static gboolean
parse_clock (const char *text,
             gint       *minutes)
{
  guint hours, mins;
  char tail;

  if (strlen (text) != 5 || sscanf (text, "%2u:%2u%c", &hours, &mins, &tail) != 2 ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || text[2] != ':' ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]) || hours > 23 || mins > 59)
    return FALSE;
  *minutes = hours * 60 + mins;
  return TRUE;
}

gboolean
cl_gateway_parse_quiet_hours (const char  *text,
                              gint        *start,
                              gint        *end,
                              GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (g_strcmp0 (text, "off") == 0)
    {
      *start = *end = -1;
      return TRUE;
    }
  parts = g_strsplit (text ? text : "", "-", -1);
  if (g_strv_length (parts) != 2 || !parse_clock (parts[0], start) || !parse_clock (parts[1], end) ||
      *start == *end)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Quiet hours are HH:MM-HH:MM, two different times (for example 21:00-08:00), or “off”"));
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_gateway_in_quiet_hours (const ClGatewayConfig *config,
                           gint64                 now)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);
  gint minute;

  if (config->quiet_start < 0 || local == NULL)
    return FALSE;
  minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  if (config->quiet_start < config->quiet_end)
    return minute >= config->quiet_start && minute < config->quiet_end;
  /* Across midnight: 21:00-08:00. */
  return minute >= config->quiet_start || minute < config->quiet_end;
}

gint64
cl_gateway_backoff (const ClGatewayConfig *config,
                    gint                   attempts)
{
  gint64 wait = config->backoff;

  for (gint i = 1; i < attempts && wait < 24 * 3600; i++)
    wait *= 2;
  return MIN (wait, 24 * 3600);
}

char *
cl_gateway_sign (const char *secret,
                 const char *body,
                 gsize       length)
{
  g_autofree char *hex = g_compute_hmac_for_data (G_CHECKSUM_SHA256,
                                                  (const guchar *) secret, strlen (secret),
                                                  (const guchar *) body, length);

  return g_strconcat ("sha256=", hex, NULL);
}

gboolean
cl_gateway_signature_ok (const char *secret,
                         const char *body,
                         gsize       length,
                         const char *header)
{
  g_autofree char *expected = NULL;
  gsize n;

  if (cl_str_empty (secret) || header == NULL)
    return FALSE;
  expected = cl_gateway_sign (secret, body, length);
  n = strlen (expected);
  return strlen (header) == n && sodium_memcmp (expected, header, n) == 0;
}

gint64
cl_gateway_now (void)
{
  static gsize initialised;
  static gint64 offset;

  if (g_once_init_enter (&initialised))
    {
      const char *hook = g_getenv ("CARELINE_GATEWAY_NOW");
      gint64 start;

      if (hook && g_ascii_string_to_signed (hook, 10, 0, G_MAXINT64, &start, NULL))
        offset = start - g_get_real_time () / G_USEC_PER_SEC;
      g_once_init_leave (&initialised, 1);
    }
  return g_get_real_time () / G_USEC_PER_SEC + offset;
}

char *
cl_gateway_local_date (gint64 now)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}
