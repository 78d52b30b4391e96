/* cl-choice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-choice"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-choice.h"

const char * const *
cl_choice_values (const ClChoice   *choices,
                  gsize             n_choices,
                  const char     ***cache)
{
  if (g_once_init_enter (cache))
    {
      const char **values = g_new0 (const char *, n_choices + 1);

      for (gsize i = 0; i < n_choices; i++)
        values[i] = choices[i].value;
      g_once_init_leave (cache, values);
    }
  return *cache;
}

const char *
cl_choice_label (const ClChoice *choices,
                 gsize           n_choices,
                 const char     *value)
{
  for (gsize i = 0; value && i < n_choices; i++)
    if (g_str_equal (choices[i].value, value))
      return g_dpgettext2 (GETTEXT_PACKAGE, choices[i].context, choices[i].label);
  return NULL;
}

gboolean
cl_choice_word_index (const char * const *words,
                      gsize               n,
                      const char         *text,
                      guint              *index)
{
  for (guint i = 0; text && i < n; i++)
    if (g_str_equal (words[i], text))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}
