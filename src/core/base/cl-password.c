/* cl-password.c
 *
 * A chosen password's rules (cl-password.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-password"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-password.h"

static void
add (GHashTable *errors,
     const char *field,
     char       *message)
{
  if (g_hash_table_contains (errors, field))
    g_free (message);
  else
    g_hash_table_insert (errors, g_strdup (field), message);
}

gboolean
cl_password_check_new (const char *new_password,
                       const char *confirm,
                       const char *current,
                       GHashTable *errors)
{
  guint before;

  g_return_val_if_fail (errors != NULL, FALSE);

  before = g_hash_table_size (errors);
  if (new_password == NULL || !g_utf8_validate (new_password, -1, NULL) ||
      g_utf8_strlen (new_password, -1) < CL_PASSWORD_MIN_LENGTH)
    add (errors, "new_password",
         g_strdup_printf (_("Use at least %d characters"), CL_PASSWORD_MIN_LENGTH));
  else if (strlen (new_password) > CL_PASSWORD_MAX_BYTES)
    add (errors, "new_password",
         g_strdup_printf (_("The password is too long (at most %d bytes)"), CL_PASSWORD_MAX_BYTES));
  else if (current && g_str_equal (new_password, current))
    add (errors, "new_password",
         g_strdup (_("The new password must differ from the current one")));

  if (confirm && g_strcmp0 (new_password, confirm) != 0)
    add (errors, "confirm", g_strdup (_("The two passwords are not the same")));

  return g_hash_table_size (errors) == before;
}
