#define G_LOG_DOMAIN "cl-ini"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "cl-ini.h"

/* The locales a data file must translate to: the untranslated text is
 * English, and Careline ships Chinese. */
#define REQUIRED_LOCALE "zh_CN"

struct _ClLocalText
{
  char       *untranslated;
  GHashTable *by_locale;   /* locale → text */
};

static void
entry_free (gpointer data)
{
  ClIniEntry *entry = data;

  g_free (entry->key);
  g_free (entry->locale);
  g_free (entry->value);
  g_free (entry);
}

static void
group_free (gpointer data)
{
  ClIniGroup *group = data;

  g_free (group->name);
  g_ptr_array_unref (group->entries);
  g_free (group);
}

void
cl_ini_free (ClIni *ini)
{
  if (ini == NULL)
    return;
  g_free (ini->source);
  g_ptr_array_unref (ini->groups);
  g_free (ini);
}

void
cl_ini_set_error (GError          **error,
                  const ClIni      *ini,
                  const ClIniGroup *group,
                  guint             line,
                  gint              code,
                  const char       *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (group != NULL)
    g_set_error (error, G_KEY_FILE_ERROR, code, "%s:%u: [%s] %s",
                 ini->source, line ? line : group->line, group->name, message);
  else
    g_set_error (error, G_KEY_FILE_ERROR, code, "%s:%u: %s", ini->source, line, message);
}

/* GKeyFile's escapes, so a file that GKeyFile reads means the same here. */
static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 's': g_string_append_c (out, ' '); break;
        default: g_string_append_c (out, *p); break;
        }
    }
  return g_string_free (out, FALSE);
}

static ClIniGroup *
find_group (ClIni      *ini,
            const char *name)
{
  for (guint i = 0; i < ini->groups->len; i++)
    {
      ClIniGroup *group = g_ptr_array_index (ini->groups, i);

      if (g_str_equal (group->name, name))
        return group;
    }
  return NULL;
}

static gboolean
parse_key (const char  *text,
           char       **key,
           char       **locale)
{
  const char *open = strchr (text, '[');
  g_autofree char *name = NULL;

  if (open == NULL)
    name = g_strstrip (g_strdup (text));
  else
    {
      const char *close = strchr (open, ']');

      if (close == NULL || close[1] != '\0' || close == open + 1)
        return FALSE;
      name = g_strstrip (g_strndup (text, open - text));
      *locale = g_strndup (open + 1, close - open - 1);
    }
  if (*name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  *key = g_steal_pointer (&name);
  return TRUE;
}

ClIni *
cl_ini_parse (const char  *data,
              gssize       length,
              const char  *source,
              GError     **error)
{
  g_autoptr(ClIni) ini = g_new0 (ClIni, 1);
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  ClIniGroup *group = NULL;

  ini->source = g_strdup (source ? source : "(data)");
  ini->groups = g_ptr_array_new_with_free_func (group_free);
  copy = length < 0 ? g_strdup (data) : g_strndup (data, length);
  if (!g_utf8_validate (copy, -1, NULL))
    {
      cl_ini_set_error (error, ini, NULL, 1, G_KEY_FILE_ERROR_UNKNOWN_ENCODING,
                        "the file is not UTF-8 text");
      return NULL;
    }
  lines = g_strsplit (copy, "\n", -1);

  for (guint n = 0; lines[n]; n++)
    {
      guint line = n + 1;
      char *text = g_strstrip (lines[n]);
      char *equals;

      if (*text == '\0' || *text == '#')
        continue;
      if (*text == '[')
        {
          gsize len = strlen (text);
          g_autofree char *name = NULL;

          if (text[len - 1] != ']' || len < 3)
            {
              cl_ini_set_error (error, ini, NULL, line, G_KEY_FILE_ERROR_PARSE,
                                "a group name must be written as [Name]");
              return NULL;
            }
          name = g_strstrip (g_strndup (text + 1, len - 2));
          if (*name == '\0' || strchr (name, '[') || strchr (name, ']'))
            {
              cl_ini_set_error (error, ini, NULL, line, G_KEY_FILE_ERROR_PARSE,
                                "a group name must be written as [Name]");
              return NULL;
            }
          if ((group = find_group (ini, name)))
            {
              cl_ini_set_error (error, ini, NULL, line, G_KEY_FILE_ERROR_PARSE,
                                "[%s] is given twice (first on line %u)", name, group->line);
              return NULL;
            }
          group = g_new0 (ClIniGroup, 1);
          group->name = g_steal_pointer (&name);
          group->line = line;
          group->entries = g_ptr_array_new_with_free_func (entry_free);
          g_ptr_array_add (ini->groups, group);
          continue;
        }

      equals = strchr (text, '=');
      if (equals == NULL)
        {
          cl_ini_set_error (error, ini, NULL, line, G_KEY_FILE_ERROR_PARSE,
                            "“%s” is neither a [Group], a key=value line nor a # comment", text);
          return NULL;
        }
      *equals = '\0';
      {
        g_autofree char *key = NULL;
        g_autofree char *locale = NULL;
        const ClIniEntry *first;
        ClIniEntry *entry;

        if (!parse_key (text, &key, &locale))
          {
            cl_ini_set_error (error, ini, NULL, line, G_KEY_FILE_ERROR_PARSE,
                              "“%s” is not a key name (letters, digits, - and _, then an optional [locale])",
                              text);
            return NULL;
          }
        if (group == NULL)
          {
            cl_ini_set_error (error, ini, NULL, line, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                              "the key %s comes before any [Group]", key);
            return NULL;
          }
        if ((first = cl_ini_group_lookup (group, key, locale)))
          {
            cl_ini_set_error (error, ini, group, line, G_KEY_FILE_ERROR_PARSE,
                              "%s%s%s%s is given twice (first on line %u)", key,
                              locale ? "[" : "", locale ? locale : "", locale ? "]" : "",
                              first->line);
            return NULL;
          }
        entry = g_new0 (ClIniEntry, 1);
        entry->key = g_steal_pointer (&key);
        entry->locale = g_steal_pointer (&locale);
        entry->value = g_strstrip (unescape (equals + 1));
        entry->line = line;
        g_ptr_array_add (group->entries, entry);
      }
    }
  return g_steal_pointer (&ini);
}

const ClIniEntry *
cl_ini_group_lookup (const ClIniGroup *group,
                     const char       *key,
                     const char       *locale)
{
  for (guint i = 0; i < group->entries->len; i++)
    {
      const ClIniEntry *entry = g_ptr_array_index (group->entries, i);

      if (g_str_equal (entry->key, key) && g_strcmp0 (entry->locale, locale) == 0)
        return entry;
    }
  return NULL;
}

gboolean
cl_ini_group_check_keys (const ClIni        *ini,
                         const ClIniGroup   *group,
                         const char * const *keys,
                         const char * const *localized,
                         GError            **error)
{
  for (guint i = 0; i < group->entries->len; i++)
    {
      const ClIniEntry *entry = g_ptr_array_index (group->entries, i);

      if (entry->locale == NULL && (g_strv_contains (keys, entry->key) ||
                                    (localized && g_strv_contains (localized, entry->key))))
        continue;
      if (entry->locale != NULL && localized && g_strv_contains (localized, entry->key))
        continue;
      if (entry->locale != NULL && g_strv_contains (keys, entry->key))
        cl_ini_set_error (error, ini, group, entry->line, G_KEY_FILE_ERROR_INVALID_VALUE,
                          "%s is not translated: remove [%s]", entry->key, entry->locale);
      else
        cl_ini_set_error (error, ini, group, entry->line, G_KEY_FILE_ERROR_INVALID_VALUE,
                          "unknown key %s", entry->key);
      return FALSE;
    }
  return TRUE;
}

ClLocalText *
cl_ini_group_get_text (const ClIni       *ini,
                       const ClIniGroup  *group,
                       const char        *key,
                       gboolean           required,
                       GError           **error)
{
  const ClIniEntry *base = cl_ini_group_lookup (group, key, NULL);
  const ClIniEntry *zh = cl_ini_group_lookup (group, key, REQUIRED_LOCALE);
  g_autoptr(ClLocalText) text = NULL;

  if (base == NULL && zh == NULL && !required)
    return NULL;
  if (base == NULL || *base->value == '\0')
    {
      cl_ini_set_error (error, ini, group, base ? base->line : zh ? zh->line : 0,
                        G_KEY_FILE_ERROR_KEY_NOT_FOUND, "%s (in English) is missing or empty", key);
      return NULL;
    }
  if (zh == NULL || *zh->value == '\0')
    {
      cl_ini_set_error (error, ini, group, zh ? zh->line : base->line, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                        "%s[%s] (in Chinese) is missing or empty", key, REQUIRED_LOCALE);
      return NULL;
    }

  text = cl_local_text_new (base->value);
  for (guint i = 0; i < group->entries->len; i++)
    {
      const ClIniEntry *entry = g_ptr_array_index (group->entries, i);

      if (entry->locale && g_str_equal (entry->key, key))
        cl_local_text_add (text, entry->locale, entry->value);
    }
  return g_steal_pointer (&text);
}

gboolean
cl_ini_group_get_uint (const ClIni       *ini,
                       const ClIniGroup  *group,
                       const char        *key,
                       gboolean           required,
                       guint              fallback,
                       guint              max,
                       guint             *out,
                       GError           **error)
{
  const ClIniEntry *entry = cl_ini_group_lookup (group, key, NULL);
  guint64 value;

  if (entry == NULL)
    {
      if (required)
        {
          cl_ini_set_error (error, ini, group, 0, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                            "%s is required", key);
          return FALSE;
        }
      *out = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (entry->value, 10, 0, max, &value, NULL))
    {
      cl_ini_set_error (error, ini, group, entry->line, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "%s must be a whole number from 0 to %u, not “%s”", key, max, entry->value);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

gboolean
cl_ini_group_get_range (const ClIni       *ini,
                        const ClIniGroup  *group,
                        const char        *key,
                        guint              max,
                        guint             *min_out,
                        guint             *max_out,
                        GError           **error)
{
  const ClIniEntry *entry = cl_ini_group_lookup (group, key, NULL);
  g_auto(GStrv) parts = NULL;
  guint64 low, high;

  if (entry == NULL)
    {
      cl_ini_set_error (error, ini, group, 0, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                        "%s is required (such as %s=0-9)", key, key);
      return FALSE;
    }
  parts = g_strsplit (entry->value, "-", 3);
  if (parts[0] != NULL && parts[1] == NULL)
    {
      g_strstrip (parts[0]);
      if (g_ascii_string_to_unsigned (parts[0], 10, 0, max, &low, NULL))
        {
          *min_out = *max_out = (guint) low;
          return TRUE;
        }
    }
  else if (g_strv_length (parts) == 2 &&
           g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 0, max, &low, NULL) &&
           g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 0, max, &high, NULL) &&
           low <= high)
    {
      *min_out = (guint) low;
      *max_out = (guint) high;
      return TRUE;
    }
  cl_ini_set_error (error, ini, group, entry->line, G_KEY_FILE_ERROR_INVALID_VALUE,
                    "%s must be a range MIN-MAX of whole numbers up to %u with MIN <= MAX, not “%s”",
                    key, max, entry->value);
  return FALSE;
}

gboolean
cl_ini_group_get_bool (const ClIni       *ini,
                       const ClIniGroup  *group,
                       const char        *key,
                       gboolean           fallback,
                       gboolean          *out,
                       GError           **error)
{
  const ClIniEntry *entry = cl_ini_group_lookup (group, key, NULL);

  if (entry == NULL)
    *out = fallback;
  else if (g_str_equal (entry->value, "true"))
    *out = TRUE;
  else if (g_str_equal (entry->value, "false"))
    *out = FALSE;
  else
    {
      cl_ini_set_error (error, ini, group, entry->line, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "%s must be true or false, not “%s”", key, entry->value);
      return FALSE;
    }
  return TRUE;
}

ClLocalText *
cl_local_text_new (const char *untranslated)
{
  ClLocalText *text = g_new0 (ClLocalText, 1);

  text->untranslated = g_strdup (untranslated);
  text->by_locale = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return text;
}

void
cl_local_text_add (ClLocalText *text,
                   const char  *locale,
                   const char  *value)
{
  g_hash_table_replace (text->by_locale, g_strdup (locale), g_strdup (value));
}

void
cl_local_text_free (ClLocalText *text)
{
  if (text == NULL)
    return;
  g_free (text->untranslated);
  g_hash_table_unref (text->by_locale);
  g_free (text);
}

const char *
cl_local_text_get_exact (const ClLocalText *text,
                         const char        *locale)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (locale == NULL)
    return text->untranslated;
  return g_hash_table_lookup (text->by_locale, locale);
}

const char *
cl_local_text_get (const ClLocalText *text,
                   const char        *lang)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (lang == NULL)
    {
      /* Already expanded: "zh_CN.UTF-8", "zh_CN", "zh", …, "C". */
      const char * const *names = g_get_language_names ();

      for (guint i = 0; names[i]; i++)
        {
          const char *found = g_hash_table_lookup (text->by_locale, names[i]);

          if (found)
            return found;
        }
      return text->untranslated;
    }
  else
    {
      g_auto(GStrv) variants = g_get_locale_variants (lang);

      for (guint i = 0; variants[i]; i++)
        {
          const char *found = g_hash_table_lookup (text->by_locale, variants[i]);

          if (found)
            return found;
        }
      return text->untranslated;
    }
}
