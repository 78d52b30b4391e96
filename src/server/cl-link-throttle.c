/* cl-link-throttle.c
 *
 * Counting requests to patients' pages (cl-link-throttle.h): a count
 * per key in fixed windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <stdlib.h>

#include "cl-link-throttle.h"

/* Past this many keys, those whose window is over are dropped. */
#define PRUNE_AT 10000

typedef struct
{
  gint64 start;
  guint  count;
} Counter;

struct _ClLinkThrottle
{
  GMutex      lock;
  GHashTable *counters;   /* "t:TOKEN" / "a:ADDRESS" → Counter */
  guint       per_token;
  guint       per_address;
  guint       window;
};

static void
parse_env (ClLinkThrottle *self)
{
  const char *text = g_getenv (CL_LINK_LIMITS_ENV);
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (parts[i]), "=", 2);
      guint64 value;

      if (pair[0] == NULL || pair[1] == NULL ||
          !g_ascii_string_to_unsigned (pair[1], 10, 1, G_MAXUINT, &value, NULL))
        {
          g_warning ("%s: ignoring “%s”", CL_LINK_LIMITS_ENV, parts[i]);
          continue;
        }
      if (g_str_equal (pair[0], "per-token"))
        self->per_token = value;
      else if (g_str_equal (pair[0], "per-address"))
        self->per_address = value;
      else if (g_str_equal (pair[0], "window"))
        self->window = value;
      else
        g_warning ("%s: ignoring “%s”", CL_LINK_LIMITS_ENV, parts[i]);
    }
}

ClLinkThrottle *
cl_link_throttle_new (void)
{
  ClLinkThrottle *self = g_new0 (ClLinkThrottle, 1);

  g_mutex_init (&self->lock);
  self->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->per_token = CL_LINK_DEFAULT_PER_TOKEN;
  self->per_address = CL_LINK_DEFAULT_PER_ADDRESS;
  self->window = CL_LINK_DEFAULT_WINDOW;
  parse_env (self);
  return self;
}

void
cl_link_throttle_free (ClLinkThrottle *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->counters);
  g_mutex_clear (&self->lock);
  g_free (self);
}

static gboolean
window_over (gpointer key,
             gpointer value,
             gpointer user_data)
{
  const Counter *counter = value;
  const gint64 *limit = user_data;

  return counter->start <= *limit;
}

/* Counts one for @key; the seconds until its window ends when it is
 * over @max, else 0. */
static gint64
count (ClLinkThrottle *self,
       const char     *key,
       guint           max,
       gint64          now)
{
  Counter *counter = g_hash_table_lookup (self->counters, key);

  if (counter == NULL)
    {
      counter = g_new0 (Counter, 1);
      g_hash_table_insert (self->counters, g_strdup (key), counter);
    }
  if (now - counter->start >= self->window)
    {
      counter->start = now;
      counter->count = 0;
    }
  if (counter->count >= max)
    return MAX (1, counter->start + self->window - now);
  counter->count++;
  return 0;
}

gboolean
cl_link_throttle_allow (ClLinkThrottle *self,
                        const char     *token,
                        const char     *address,
                        gint64          now,
                        gint64         *retry_after)
{
  gint64 wait = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->lock);
  if (g_hash_table_size (self->counters) > PRUNE_AT)
    {
      gint64 limit = now - self->window;

      g_hash_table_foreach_remove (self->counters, window_over, &limit);
    }
  if (address)
    {
      g_autofree char *key = g_strconcat ("a:", address, NULL);

      wait = count (self, key, self->per_address, now);
    }
  if (wait == 0 && token)
    {
      g_autofree char *key = g_strconcat ("t:", token, NULL);

      wait = count (self, key, self->per_token, now);
    }
  g_mutex_unlock (&self->lock);

  if (retry_after)
    *retry_after = wait;
  return wait == 0;
}
