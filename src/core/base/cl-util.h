#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76; our baseline is 2.74. */
static inline gboolean
cl_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/* An empty string counts as "not given" for optional text fields. */
static inline gboolean
cl_str_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

G_END_DECLS
