/* cl-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-money"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-money.h"
#include "cl-validation.h"

/* What a desk types, folded to ASCII: full-width digits and marks (a
 * Chinese IME gives them), the yuan signs and the 元 suffix marked by
 * 'Y' and 'E' so the grammar below can place them, blanks dropped at
 * the ends and refused inside.  Returns NULL for characters that have
 * no place in an amount. */
static char *
fold_ascii (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)          /* ０-９ */
        g_string_append_c (s, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0E || c == 0x3002)      /* ． 。 */
        g_string_append_c (s, '.');
      else if (c == 0xFF0C)                     /* ， */
        g_string_append_c (s, ',');
      else if (c == 0xFF0D || c == 0x2212)      /* － − */
        g_string_append_c (s, '-');
      else if (c == 0xFF0B)                     /* ＋ */
        g_string_append_c (s, '+');
      else if (c == 0xFF05)                     /* ％ */
        g_string_append_c (s, '%');
      else if (c == 0x00A5 || c == 0xFFE5)      /* ¥ ￥ */
        g_string_append_c (s, 'Y');
      else if (c == 0x5143)                     /* 元 */
        g_string_append_c (s, 'E');
      else if (c == 0x3000 || g_unichar_isspace (c))
        g_string_append_c (s, ' ');
      else if (c < 0x80 && c != 'Y' && c != 'E' && c != 'y' && c != 'e')
        g_string_append_c (s, (char) c);
      else
        g_string_append_c (s, '?');
    }

  return g_strstrip (g_string_free (s, FALSE));
}

typedef enum
{
  NUMBER_OK,
  NUMBER_BAD,
  NUMBER_DECIMALS,
  NUMBER_TOO_LARGE,
} NumberResult;

/* Reads an unsigned decimal with optional thousands commas and at most
 * two decimals from @p up to @end, as hundredths.  Values are capped
 * well before gint64 could overflow. */
static NumberResult
read_hundredths (const char *p,
                 const char *end,
                 gboolean    allow_commas,
                 gint64     *out)
{
  gint64 units = 0;
  guint n_digits = 0, group = 0, n_decimals = 0;
  gboolean commas = FALSE, too_large = FALSE;
  gint64 fraction = 0;

  for (; p < end && *p != '.'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (units > G_GINT64_CONSTANT (100000000000))
            too_large = TRUE;
          else
            units = units * 10 + (*p - '0');
          n_digits++;
          group++;
        }
      else if (*p == ',' && allow_commas)
        {
          /* "2,980" yes; "29,80" or ",2980" is a slip, not an amount */
          if (group == 0 || (commas && group != 3) || (!commas && group > 3))
            return NUMBER_BAD;
          commas = TRUE;
          group = 0;
        }
      else
        return NUMBER_BAD;
    }
  if (commas && group != 3)
    return NUMBER_BAD;

  if (p < end && *p == '.')
    {
      for (p++; p < end; p++)
        {
          if (!g_ascii_isdigit (*p))
            return NUMBER_BAD;
          if (n_decimals < 2)
            fraction = fraction * 10 + (*p - '0');
          n_decimals++;
        }
    }

  if (n_digits == 0 && n_decimals == 0)
    return NUMBER_BAD;
  if (n_decimals > 2)
    return NUMBER_DECIMALS;
  if (too_large)
    return NUMBER_TOO_LARGE;

  for (guint i = n_decimals; i < 2; i++)
    fraction *= 10;
  *out = units * 100 + fraction;
  return NUMBER_OK;
}

gboolean
cl_money_parse (const char  *text,
                gint64      *out_fen,
                GError     **error)
{
  g_autofree char *s = NULL;
  const char *p, *end;
  gboolean negative = FALSE;
  gint64 fen = 0;

  g_return_val_if_fail (out_fen != NULL, FALSE);

  s = fold_ascii (text ? text : "");
  if (*s == '\0')
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_EMPTY,
                           _("Enter an amount"));
      return FALSE;
    }

  /* [sign] [¥] [sign] number [元] */
  p = s;
  end = s + strlen (s);
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (*p == 'Y')
    p++;
  while (*p == ' ')
    p++;
  if (!negative && (*p == '-' || *p == '+'))
    negative = *p++ == '-';
  if (end > p && end[-1] == 'E')
    end--;
  while (end > p && end[-1] == ' ')
    end--;

  switch (read_hundredths (p, end, TRUE, &fen))
    {
    case NUMBER_OK:
      break;
    case NUMBER_DECIMALS:
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                           _("An amount has at most two decimals (fen)"));
      return FALSE;
    case NUMBER_TOO_LARGE:
      fen = CL_MONEY_MAX_FEN + 1;
      break;
    case NUMBER_BAD:
    default:
      g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                   _("“%s” is not an amount; type it like 2980.00"), text);
      return FALSE;
    }

  if (negative && fen != 0)
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_RANGE,
                           _("An amount cannot be negative"));
      return FALSE;
    }
  if (fen > CL_MONEY_MAX_FEN)
    {
      g_autofree char *max = cl_money_format (CL_MONEY_MAX_FEN);

      g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_RANGE,
                   _("The amount is too large; at most %s yuan"), max);
      return FALSE;
    }

  *out_fen = fen;
  return TRUE;
}

static char *
format_money (gint64      fen,
              gboolean    group,
              const char *symbol)
{
  GString *s = g_string_new (NULL);
  char digits[32];
  guint64 magnitude;
  int n;

  /* -G_MAXINT64 - 1 has no positive counterpart; go through guint64. */
  magnitude = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;
  n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude / 100);

  if (fen < 0)
    g_string_append_c (s, '-');
  g_string_append (s, symbol);
  for (int i = 0; i < n; i++)
    {
      if (group && i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  g_string_append_printf (s, ".%02u", (guint) (magnitude % 100));

  return g_string_free (s, FALSE);
}

char *
cl_money_format (gint64 fen)
{
  return format_money (fen, TRUE, "");
}

char *
cl_money_format_plain (gint64 fen)
{
  return format_money (fen, FALSE, "");
}

char *
cl_money_format_display (gint64 fen)
{
  return format_money (fen, TRUE, "¥");
}

char *
cl_money_format_capital (gint64 fen)
{
  static const char * const digits[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
  static const char * const units[] = { "", "拾", "佰", "仟" };
  static const char * const sections[] = { "", "万", "亿", "万亿", "亿亿" };
  GString *s = g_string_new (fen < 0 ? "负" : "");
  guint64 magnitude = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;
  guint64 yuan = magnitude / 100;
  guint jiao = (guint) (magnitude / 10 % 10), cents = (guint) (magnitude % 10);

  if (yuan > 0)
    {
      guint group[8], n = 0;
      gboolean written = FALSE, gap = FALSE;

      /* Groups of four digits, each with its section (万, 亿 …); a run
       * of zeros inside or between groups is read as one 零. */
      for (guint64 rest = yuan; rest > 0; rest /= 10000)
        group[n++] = (guint) (rest % 10000);
      for (guint i = n; i-- > 0;)
        {
          gboolean zeros = FALSE, started = FALSE;

          if (group[i] == 0)
            {
              gap = written;
              continue;
            }
          if (written && (gap || group[i] < 1000))
            g_string_append (s, "零");
          for (int pos = 3; pos >= 0; pos--)
            {
              guint d = group[i] / (pos == 3 ? 1000 : pos == 2 ? 100 : pos == 1 ? 10 : 1) % 10;

              if (d == 0)
                zeros = started;
              else
                {
                  if (zeros)
                    g_string_append (s, "零");
                  zeros = FALSE;
                  g_string_append (s, digits[d]);
                  g_string_append (s, units[pos]);
                  started = TRUE;
                }
            }
          g_string_append (s, sections[MIN (i, G_N_ELEMENTS (sections) - 1)]);
          written = TRUE;
          gap = FALSE;
        }
      g_string_append (s, "元");
    }

  if (jiao == 0 && cents == 0)
    g_string_append (s, yuan > 0 ? "整" : "零元整");
  else
    {
      if (jiao > 0)
        {
          g_string_append (s, digits[jiao]);
          g_string_append (s, "角");
        }
      else if (yuan > 0)
        g_string_append (s, "零");
      if (cents > 0)
        {
          g_string_append (s, digits[cents]);
          g_string_append (s, "分");
        }
      else
        g_string_append (s, "整");
    }
  return g_string_free (s, FALSE);
}

gboolean
cl_rate_parse (const char  *text,
               gint        *out_bp,
               GError     **error)
{
  g_autofree char *s = NULL;
  const char *p, *end;
  gboolean negative = FALSE;
  gint64 bp = 0;

  g_return_val_if_fail (out_bp != NULL, FALSE);

  s = fold_ascii (text ? text : "");
  if (*s == '\0')
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_EMPTY,
                           _("Enter the share rate"));
      return FALSE;
    }

  p = s;
  end = s + strlen (s);
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (end > p && end[-1] == '%')
    end--;
  while (end > p && end[-1] == ' ')
    end--;

  switch (read_hundredths (p, end, FALSE, &bp))
    {
    case NUMBER_OK:
      break;
    case NUMBER_DECIMALS:
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                           _("A rate has at most two decimals, like 35.25 %"));
      return FALSE;
    case NUMBER_TOO_LARGE:
      bp = G_MAXINT64;
      break;
    case NUMBER_BAD:
    default:
      g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                   _("“%s” is not a rate; type a percent like 35.25"), text);
      return FALSE;
    }

  if (negative && bp != 0)
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_RANGE,
                           _("A rate cannot be negative"));
      return FALSE;
    }
  if (bp > CL_RATE_MAX_BP)
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_RANGE,
                           _("A rate cannot be more than 100 %"));
      return FALSE;
    }

  *out_bp = (gint) bp;
  return TRUE;
}

char *
cl_rate_format (gint rate_bp)
{
  guint magnitude = rate_bp < 0 ? (guint) -rate_bp : (guint) rate_bp;

  return g_strdup_printf ("%s%u.%02u%%", rate_bp < 0 ? "-" : "",
                          magnitude / 100, magnitude % 100);
}

gint64
cl_money_share (gint64 fen,
                gint   rate_bp)
{
  gint64 magnitude, share;

  /* Both are bounded (CL_MONEY_MAX_FEN × CL_RATE_MAX_BP < 2^63) for
   * anything that passed the parsers; a sum of a month's lines is
   * shared line by line, never as a whole. */
  g_return_val_if_fail (rate_bp >= 0 && rate_bp <= CL_RATE_MAX_BP, 0);
  g_return_val_if_fail (fen > -G_GINT64_CONSTANT (100000000000000) &&
                        fen < G_GINT64_CONSTANT (100000000000000), 0);

  magnitude = fen < 0 ? -fen : fen;
  share = (magnitude * rate_bp + 5000) / 10000;
  return fen < 0 ? -share : share;
}
