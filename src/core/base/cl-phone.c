/* cl-phone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-phone"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-phone.h"
#include "cl-validation.h"

#define MOBILE_LENGTH 11

static void
set_format_error (GError     **error,
                  const char  *message)
{
  g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT, message);
}

gboolean
cl_phone_validate (const char  *text,
                   char       **normalized,
                   GError     **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) digits = NULL;
  const char *number;
  gboolean plus = FALSE;
  gsize len;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* NFKC maps the full-width digits, "＋" and "－" of a Chinese input
   * method to ASCII. */
  folded = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFKC);
  if (folded == NULL)
    {
      set_format_error (error, _("A mobile number may contain only digits, spaces and dashes"));
      return FALSE;
    }

  digits = g_string_sized_new (16);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-')
        continue;

      /* "+" only in front: "+86 138…" */
      if (c == '+' && digits->len == 0 && !plus)
        {
          plus = TRUE;
          continue;
        }

      if (c > 0x7f || !g_ascii_isdigit ((char) c))
        {
          set_format_error (error, _("A mobile number may contain only digits, spaces and dashes"));
          return FALSE;
        }

      g_string_append_c (digits, (char) c);
    }

  if (digits->len == 0)
    {
      if (plus)
        {
          set_format_error (error, _("Enter the mobile number after +86"));
          return FALSE;
        }

      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_EMPTY,
                           _("Enter a mobile number"));
      return FALSE;
    }

  number = digits->str;
  len = digits->len;

  /* Strip the country code.  A bare "86" is only a prefix when 13
   * digits were typed: no 11-digit mobile number starts with 8. */
  if (plus)
    {
      if (!g_str_has_prefix (number, "86"))
        {
          set_format_error (error, _("Only mainland China mobile numbers (+86) can be entered"));
          return FALSE;
        }
      number += 2;
      len -= 2;
    }
  else if (g_str_has_prefix (number, "0086"))
    {
      number += 4;
      len -= 4;
    }
  else if (len == MOBILE_LENGTH + 2 && g_str_has_prefix (number, "86"))
    {
      number += 2;
      len -= 2;
    }

  if (len != MOBILE_LENGTH)
    {
      g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                   /* Translators: %u is how many digits were typed */
                   _("A mobile number must have 11 digits (%u entered)"),
                   (guint) len);
      return FALSE;
    }

  if (number[0] != '1' || number[1] < '3')
    {
      set_format_error (error, _("A mobile number starts with 13 to 19; please check the first digits"));
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_strdup (number);

  return TRUE;
}

char *
cl_phone_mask (const char *phone)
{
  GString *out;
  glong n_chars;
  glong i = 0;

  g_return_val_if_fail (phone != NULL, NULL);

  if (strlen (phone) == MOBILE_LENGTH && strspn (phone, "0123456789") == MOBILE_LENGTH)
    {
      /* "139****5678" */
      char *masked = g_strdup (phone);

      memset (masked + 3, '*', 4);
      return masked;
    }

  if (!g_utf8_validate (phone, -1, NULL))
    return g_strdup ("****");

  n_chars = g_utf8_strlen (phone, -1);
  out = g_string_sized_new (strlen (phone));
  for (const char *p = phone; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      if (i >= n_chars - 4)
        g_string_append_unichar (out, g_utf8_get_char (p));
      else
        g_string_append_c (out, '*');
    }

  return g_string_free (out, FALSE);
}
