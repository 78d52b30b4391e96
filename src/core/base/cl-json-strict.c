/* cl-json-strict.c
 *
 * The strict JSON check of cl-json-strict.h: a tokenizer and a state
 * machine with an explicit stack, so nesting costs a byte, not a stack
 * frame, and what it counts is exactly what json-glib will nest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-json-strict"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-json-strict.h"

G_DEFINE_QUARK (cl-json-strict-error-quark, cl_json_strict_error)

typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,   /* just after '[' */
  EXPECT_KEY,
  EXPECT_KEY_OR_CLOSE,     /* just after '{' */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,              /* the one value has been read */
} State;

typedef struct
{
  const guchar *data;
  gsize         size;
  gsize         pos;
  GArray       *wide;      /* gsize: ends of integers beyond gint64 */
} Scanner;

static gboolean
fail_syntax (Scanner  *s,
             GError  **error)
{
  if (s->pos >= s->size)
    g_set_error (error, CL_JSON_STRICT_ERROR, CL_JSON_STRICT_ERROR_SYNTAX,
                 _("The JSON text ends too early (at byte %lu)"), (gulong) s->pos);
  else
    g_set_error (error, CL_JSON_STRICT_ERROR, CL_JSON_STRICT_ERROR_SYNTAX,
                 _("Not valid JSON at byte %lu"), (gulong) s->pos);
  return FALSE;
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->size &&
         (s->data[s->pos] == ' ' || s->data[s->pos] == '\t' ||
          s->data[s->pos] == '\n' || s->data[s->pos] == '\r'))
    s->pos++;
}

/* Four hex digits at @at, or -1. */
static gint
hex4 (Scanner *s,
      gsize    at)
{
  gint value = 0;

  if (at + 4 > s->size)
    return -1;
  for (gsize i = at; i < at + 4; i++)
    {
      gint digit = g_ascii_xdigit_value (s->data[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* A string, from its opening quote to just past the closing one. */
static gboolean
scan_string (Scanner  *s,
             GError  **error)
{
  g_assert (s->data[s->pos] == '"');

  s->pos++;
  while (s->pos < s->size)
    {
      guchar c = s->data[s->pos];

      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return fail_syntax (s, error);
      if (c != '\\')
        {
          /* Multi-byte characters were validated as UTF-8 already. */
          s->pos++;
          continue;
        }

      if (s->pos + 1 >= s->size)
        break;
      c = s->data[s->pos + 1];
      if (c == 'u')
        {
          gint unit = hex4 (s, s->pos + 2);

          if (unit < 0)
            return fail_syntax (s, error);
          if (unit == 0)
            {
              /* json-glib would cut the text at it, unseen. */
              g_set_error (error, CL_JSON_STRICT_ERROR, CL_JSON_STRICT_ERROR_NUL,
                           _("A NUL character (\\u0000) in a JSON string at byte %lu"),
                           (gulong) s->pos);
              return FALSE;
            }
          if (unit >= 0xD800 && unit <= 0xDFFF)
            {
              gint low = -1;

              /* Only a high surrogate followed by a low one is a
               * character; anything else would be stored as bytes
               * that are not UTF-8. */
              if (unit <= 0xDBFF && s->pos + 7 < s->size &&
                  s->data[s->pos + 6] == '\\' && s->data[s->pos + 7] == 'u')
                low = hex4 (s, s->pos + 8);
              if (low < 0xDC00 || low > 0xDFFF)
                {
                  g_set_error (error, CL_JSON_STRICT_ERROR, CL_JSON_STRICT_ERROR_SURROGATE,
                               _("A lone surrogate (\\u%04X) in a JSON string at byte %lu"),
                               (guint) unit, (gulong) s->pos);
                  return FALSE;
                }
              s->pos += 6;
            }
          s->pos += 6;
        }
      else if (strchr ("\"\\/bfnrt", c) != NULL && c != '\0')
        s->pos += 2;
      else
        {
          s->pos++;
          return fail_syntax (s, error);
        }
    }
  return fail_syntax (s, error);
}

/* Whether the integer digits [@start, @end) (no sign) fit in gint64. */
static gboolean
fits_int64 (const guchar *start,
            gsize         length,
            gboolean      negative)
{
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

  if (length != 19)
    return length < 19;
  return memcmp (start, limit, 19) <= 0;
}

static gboolean
scan_number (Scanner  *s,
             GError  **error)
{
  gboolean negative = FALSE;
  gboolean integer = TRUE;
  gsize digits;

  if (s->data[s->pos] == '-')
    {
      negative = TRUE;
      s->pos++;
    }
  digits = s->pos;
  if (s->pos < s->size && s->data[s->pos] == '0')
    s->pos++;
  else if (s->pos < s->size && g_ascii_isdigit (s->data[s->pos]))
    while (s->pos < s->size && g_ascii_isdigit (s->data[s->pos]))
      s->pos++;
  else
    return fail_syntax (s, error);

  if (s->pos < s->size && s->data[s->pos] == '.')
    {
      integer = FALSE;
      s->pos++;
      if (s->pos >= s->size || !g_ascii_isdigit (s->data[s->pos]))
        return fail_syntax (s, error);
      while (s->pos < s->size && g_ascii_isdigit (s->data[s->pos]))
        s->pos++;
    }
  if (s->pos < s->size && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      integer = FALSE;
      s->pos++;
      if (s->pos < s->size && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (s->pos >= s->size || !g_ascii_isdigit (s->data[s->pos]))
        return fail_syntax (s, error);
      while (s->pos < s->size && g_ascii_isdigit (s->data[s->pos]))
        s->pos++;
    }

  if (integer && !fits_int64 (s->data + digits, s->pos - digits, negative))
    g_array_append_val (s->wide, s->pos);
  return TRUE;
}

static gboolean
scan_literal (Scanner  *s,
              GError  **error)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize length = strlen (literals[i]);

      if (s->size - s->pos >= length && memcmp (s->data + s->pos, literals[i], length) == 0)
        {
          s->pos += length;
          return TRUE;
        }
    }
  return fail_syntax (s, error);
}

static char *
normalize (Scanner *s)
{
  GString *text = g_string_sized_new (s->size + 2 * s->wide->len + 1);
  gsize from = 0;

  for (guint i = 0; i < s->wide->len; i++)
    {
      gsize end = g_array_index (s->wide, gsize, i);

      g_string_append_len (text, (const char *) s->data + from, end - from);
      g_string_append (text, ".0");
      from = end;
    }
  g_string_append_len (text, (const char *) s->data + from, s->size - from);
  return g_string_free (text, FALSE);
}

gboolean
cl_json_strict_check (const char  *data,
                      gsize        size,
                      guint        max_depth,
                      char       **normalized,
                      GError     **error)
{
  g_autoptr(GArray) wide = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GByteArray) stack = g_byte_array_new ();
  Scanner s = { (const guchar *) data, size, 0, wide };
  State state = EXPECT_VALUE;
  const char *bad = NULL;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (normalized != NULL, FALSE);

  *normalized = NULL;

  if (!g_utf8_validate (data, size, &bad))
    {
      if (*bad == '\0')
        g_set_error (error, CL_JSON_STRICT_ERROR, CL_JSON_STRICT_ERROR_NUL,
                     _("A NUL byte in the JSON text at byte %lu"), (gulong) (bad - data));
      else
        g_set_error (error, CL_JSON_STRICT_ERROR, CL_JSON_STRICT_ERROR_UTF8,
                     _("The JSON text is not valid UTF-8 at byte %lu"), (gulong) (bad - data));
      return FALSE;
    }

  for (;;)
    {
      guchar c;

      skip_space (&s);
      if (s.pos >= s.size)
        {
          if (state != EXPECT_END)
            return fail_syntax (&s, error);
          break;
        }
      c = s.data[s.pos];

      switch (state)
        {
        case EXPECT_END:
          return fail_syntax (&s, error);

        case EXPECT_COLON:
          if (c != ':')
            return fail_syntax (&s, error);
          s.pos++;
          state = EXPECT_VALUE;
          continue;

        case EXPECT_KEY_OR_CLOSE:
        case EXPECT_KEY:
          if (c == '}' && state == EXPECT_KEY_OR_CLOSE)
            break;   /* closed below */
          if (c != '"')
            return fail_syntax (&s, error);
          if (!scan_string (&s, error))
            return FALSE;
          state = EXPECT_COLON;
          continue;

        case EXPECT_COMMA_OR_CLOSE:
          if (c == ',')
            {
              s.pos++;
              state = stack->data[stack->len - 1] == '[' ? EXPECT_VALUE : EXPECT_KEY;
              continue;
            }
          break;     /* closed below */

        case EXPECT_VALUE_OR_CLOSE:
          if (c == ']')
            break;   /* closed below */
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
          if (c == '[' || c == '{')
            {
              if (stack->len >= max_depth)
                {
                  g_set_error (error, CL_JSON_STRICT_ERROR, CL_JSON_STRICT_ERROR_DEPTH,
                               _("JSON nested deeper than %u levels at byte %lu"),
                               max_depth, (gulong) s.pos);
                  return FALSE;
                }
              g_byte_array_append (stack, &c, 1);
              s.pos++;
              state = c == '[' ? EXPECT_VALUE_OR_CLOSE : EXPECT_KEY_OR_CLOSE;
              continue;
            }
          if (c == '"')
            {
              if (!scan_string (&s, error))
                return FALSE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (&s, error))
                return FALSE;
            }
          else if (!scan_literal (&s, error))
            return FALSE;
          state = stack->len == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
          continue;
        }

      /* A closing bracket, which must match the open one. */
      if (stack->len == 0 ||
          (c == ']' && stack->data[stack->len - 1] != '[') ||
          (c == '}' && stack->data[stack->len - 1] != '{') ||
          (c != ']' && c != '}'))
        return fail_syntax (&s, error);
      g_byte_array_set_size (stack, stack->len - 1);
      s.pos++;
      state = stack->len == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
    }

  if (wide->len > 0)
    *normalized = normalize (&s);
  return TRUE;
}

JsonNode *
cl_json_strict_parse (const char  *text,
                      gssize       length,
                      guint        max_depth,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *normalized = NULL;
  gsize size;

  g_return_val_if_fail (text != NULL, NULL);

  size = length < 0 ? strlen (text) : (gsize) length;
  if (!cl_json_strict_check (text, size, max_depth, &normalized, error))
    return NULL;
  if (normalized)
    {
      text = normalized;
      size = strlen (normalized);
    }
  if (!json_parser_load_from_data (parser, text, size, error))
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}
