/* cl-id-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-id-card"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-id-card.h"
#include "cl-validation.h"

#define ID_LENGTH 18

/* GB 11643-1999: weight of position i is 2^(17-i) mod 11, and the
 * check character is the one that makes the weighted sum 1 mod 11. */
static const guint8 weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char check_chars[] = "10X98765432";

char
cl_id_card_check_digit (const char *first17)
{
  guint sum = 0;

  if (first17 == NULL)
    return 0;

  for (guint i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return 0;
      sum += (guint) (first17[i] - '0') * weights[i];
    }

  return check_chars[sum % 11];
}

/* Full-width digits and "ｘ" from a Chinese input method become ASCII,
 * blanks anywhere go (people copy numbers grouped as 6-8-4), and a
 * lowercase x becomes X.  Returns NULL for text that is not UTF-8. */
static char *
normalize_number (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;

  g_assert (text != NULL);

  folded = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (folded == NULL)
    return NULL;

  out = g_string_sized_new (ID_LENGTH);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (c == 'x')
        c = 'X';
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
cl_id_card_validate (const char  *text,
                     char       **normalized,
                     GDate       *birth,
                     ClSex       *sex,
                     GError     **error)
{
  g_autofree char *number = NULL;
  GDate birth_date;
  GDate today;
  GDate earliest;
  glong n_chars;
  guint year, month, day;
  char expected;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  number = normalize_number (text != NULL ? text : "");
  if (number == NULL)
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                           _("The ID number may contain only digits and a final X"));
      return FALSE;
    }

  if (*number == '\0')
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_EMPTY,
                           _("Enter the ID number"));
      return FALSE;
    }

  n_chars = g_utf8_strlen (number, -1);
  if (n_chars != ID_LENGTH)
    {
      g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                   /* Translators: %ld is how many characters were typed */
                   _("The ID number must have 18 characters (%ld entered)"),
                   n_chars);
      return FALSE;
    }

  /* 18 characters that are all ASCII means 18 bytes from here on. */
  for (guint i = 0; i < ID_LENGTH; i++)
    {
      gboolean ok = g_ascii_isdigit (number[i]) || (i == ID_LENGTH - 1 && number[i] == 'X');

      if (!ok)
        {
          g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                               _("The ID number may contain only digits and a final X"));
          return FALSE;
        }
    }

  /* Digits 7-14 are the birth date as YYYYMMDD. */
  year = 0;
  for (guint i = 6; i < 10; i++)
    year = year * 10 + (guint) (number[i] - '0');
  month = (guint) (number[10] - '0') * 10 + (guint) (number[11] - '0');
  day = (guint) (number[12] - '0') * 10 + (guint) (number[13] - '0');

  if (year < 1 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_DATE,
                           _("Digits 7 to 14 of the ID number are not a real birth date; please re-check the number"));
      return FALSE;
    }

  g_date_clear (&birth_date, 1);
  g_date_set_dmy (&birth_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  cl_date_today (&today);
  g_date_clear (&earliest, 1);
  g_date_set_dmy (&earliest, 1, G_DATE_JANUARY, 1900);

  if (g_date_compare (&birth_date, &today) > 0)
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_DATE,
                           _("The birth date in the ID number (digits 7 to 14) is in the future; please re-check the number"));
      return FALSE;
    }

  if (g_date_compare (&birth_date, &earliest) < 0)
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_DATE,
                           _("The birth date in the ID number (digits 7 to 14) is before 1900; please re-check the number"));
      return FALSE;
    }

  expected = cl_id_card_check_digit (number);
  if (expected != number[ID_LENGTH - 1])
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_CHECKSUM,
                           _("The check digit does not match; please re-check the number"));
      return FALSE;
    }

  if (birth != NULL)
    *birth = birth_date;
  if (sex != NULL)
    *sex = ((number[16] - '0') % 2 == 1) ? CL_SEX_MALE : CL_SEX_FEMALE;
  if (normalized != NULL)
    *normalized = g_steal_pointer (&number);

  return TRUE;
}

/* Replaces every character of @text but the first @keep_head and the
 * last @keep_tail with '*', counting characters, not bytes. */
static char *
mask_middle (const char *text,
             glong       keep_head,
             glong       keep_tail)
{
  GString *out;
  glong n_chars;
  glong i = 0;

  g_assert (text != NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("****");

  n_chars = g_utf8_strlen (text, -1);
  out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      if (i < keep_head || i >= n_chars - keep_tail)
        g_string_append_unichar (out, g_utf8_get_char (p));
      else
        g_string_append_c (out, '*');
    }

  return g_string_free (out, FALSE);
}

char *
cl_id_card_mask (const char *number)
{
  glong n_chars;

  g_return_val_if_fail (number != NULL, NULL);

  n_chars = g_utf8_validate (number, -1, NULL) ? g_utf8_strlen (number, -1) : 0;

  /* Too short to keep 6 + 4 and still hide something: hide all but
   * the last four, as for phone numbers, so a half-typed number does
   * not leak in full. */
  if (n_chars <= 10)
    return mask_middle (number, 0, 4);

  return mask_middle (number, 6, 4);
}
