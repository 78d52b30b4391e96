/* cl-login-gate.c
 *
 * The log-in lock taken before the password is hashed
 * (cl-login-gate.h): a mutex-guarded table of user name → attempts
 * pending and failed, for the whole server process (every thread of
 * the pool logs in through it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include "cl-login-gate.h"
#include "cl-login-throttle.h"

/* Names that are neither pending nor failing are dropped; above this
 * many the expired ones are swept, so trying many names costs no
 * memory beyond what the failure window keeps. */
#define SWEEP_ABOVE 1024

typedef struct
{
  guint  pending;
  guint  failed;
  gint64 first_failed_at;
} Entry;

static GMutex lock;
static GHashTable *entries;   /* char * → Entry * */

static gboolean
entry_expired (Entry  *entry,
               gint64  now)
{
  return entry->failed > 0 && entry->first_failed_at <= now - CL_LOGIN_WINDOW_SECONDS;
}

static gboolean
sweep_cb (gpointer key,
          gpointer value,
          gpointer user_data)
{
  Entry *entry = value;
  gint64 now = *(gint64 *) user_data;

  return entry->pending == 0 && (entry->failed == 0 || entry_expired (entry, now));
}

static Entry *
lookup (const char *username,
        gint64      now)
{
  Entry *entry;

  if (entries == NULL)
    entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if ((entry = g_hash_table_lookup (entries, username)))
    {
      /* Failures wider apart than the window do not add up, as in the
       * store. */
      if (entry_expired (entry, now))
        entry->failed = 0;
      return entry;
    }
  if (g_hash_table_size (entries) > SWEEP_ABOVE)
    g_hash_table_foreach_remove (entries, sweep_cb, &now);
  entry = g_new0 (Entry, 1);
  g_hash_table_insert (entries, g_strdup (username), entry);
  return entry;
}

static void
drop_if_idle (const char *username,
              Entry      *entry)
{
  if (entry->pending == 0 && entry->failed == 0)
    g_hash_table_remove (entries, username);
}

gboolean
cl_login_gate_enter (CLStore    *store,
                     const char *username,
                     gint64      now)
{
  gboolean stale = FALSE;
  Entry *entry;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (username != NULL, FALSE);

  g_mutex_lock (&lock);
  entry = lookup (username, now);
  if (entry->pending == 0 && entry->failed >= CL_LOGIN_MAX_FAILURES)
    stale = TRUE;
  else if (entry->pending + entry->failed < CL_LOGIN_MAX_FAILURES)
    {
      entry->pending++;
      g_mutex_unlock (&lock);
      return TRUE;
    }
  g_mutex_unlock (&lock);
  if (!stale)
    return FALSE;

  /* Nothing is in flight, so the store's count is complete: if it does
   * not lock the name, an administrator unlocked it (or the lock ran
   * out) since this process counted. */
  {
    gint64 until = 1;

    if (!cl_login_throttle_locked_until (store, username, now, &until, NULL) || until > 0)
      return FALSE;
  }
  g_mutex_lock (&lock);
  entry = lookup (username, now);
  if (entry->pending == 0)
    entry->failed = 0;
  if (entry->pending + entry->failed >= CL_LOGIN_MAX_FAILURES)
    {
      g_mutex_unlock (&lock);
      return FALSE;
    }
  entry->pending++;
  g_mutex_unlock (&lock);
  return TRUE;
}

void
cl_login_gate_leave (const char         *username,
                     ClLoginGateOutcome  outcome,
                     gint64              now)
{
  Entry *entry;

  g_return_if_fail (username != NULL);

  g_mutex_lock (&lock);
  entry = entries ? g_hash_table_lookup (entries, username) : NULL;
  g_assert (entry != NULL && entry->pending > 0);
  entry->pending--;
  switch (outcome)
    {
    case CL_LOGIN_GATE_SUCCEEDED:
      entry->failed = 0;
      break;
    case CL_LOGIN_GATE_FAILED:
      if (entry->failed == 0)
        entry->first_failed_at = now;
      entry->failed++;
      break;
    case CL_LOGIN_GATE_ABANDONED:
    default:
      break;
    }
  drop_if_idle (username, entry);
  g_mutex_unlock (&lock);
}
