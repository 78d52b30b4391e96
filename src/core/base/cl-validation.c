/* cl-validation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-validation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-util.h"
#include "cl-validation.h"

G_DEFINE_QUARK (cl-validation-error-quark, cl_validation_error)

gboolean
cl_validation_parse_int (const char  *text,
                         gint         min,
                         gint         max,
                         gint        *out,
                         GError     **error)
{
  /* NFKC folds full-width digits (１２) to ASCII */
  g_autofree char *folded = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  gint64 value = 0;
  char *p;

  g_return_val_if_fail (out != NULL, FALSE);

  if (folded == NULL)   /* not UTF-8 */
    folded = g_strdup ("?");
  p = g_strstrip (folded);
  if (*p == '\0')
    {
      g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_EMPTY,
                   _("Enter a whole number from %d to %d"), min, max);
      return FALSE;
    }
  for (const char *c = p; *c; c++)
    {
      if (!g_ascii_isdigit (*c) || value > G_MAXINT)
        {
          g_set_error (error, CL_VALIDATION_ERROR,
                       *c == '-' && c == p ? CL_VALIDATION_ERROR_RANGE : CL_VALIDATION_ERROR_FORMAT,
                       _("Enter a whole number from %d to %d"), min, max);
          return FALSE;
        }
      value = value * 10 + (*c - '0');
    }
  if (value < min || value > max)
    {
      g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_RANGE,
                   _("Enter a whole number from %d to %d"), min, max);
      return FALSE;
    }
  *out = (gint) value;
  return TRUE;
}

gboolean
cl_validation_check_web_link (const char  *text,
                              GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  /* A blank inside is a typing slip GUri would take as part of a path;
   * a phone's browser would not open it. */
  if (text == NULL || *text == '\0' || strpbrk (text, " \t\r\n") != NULL ||
      !(uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL)) ||
      !(scheme = g_uri_get_scheme (uri)) ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      cl_str_empty (g_uri_get_host (uri)))
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                           _("Enter a web address starting with http:// or https://"));
      return FALSE;
    }
  return TRUE;
}
