#define G_LOG_DOMAIN "cl-ini"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "cl-ini.h"

/* The locales a data file must translate to: the untranslated text is
 * English, and Careline ships Chinese. */
#define REQUIRED_LOCALE "zh_CN"

struct _CLLocalText
{
  char       *untranslated;
  GHashTable *by_locale;   /* locale → text */
};

static void
entry_free (gpointer data)
{
  CLIniEntry *entry = data;

  g_free (entry->key);
  g_free (entry->locale);
  g_free (entry->value);
  g_free (entry);
}

static void
group_free (gpointer data)
{
  CLIniGroup *group = data;

  g_free (group->name);
  g_ptr_array_unref (group->entries);
  g_free (group);
}

void
cl_ini_free (CLIni *ini)
{
  if (ini == NULL)
    return;
  g_free (ini->source);
  g_ptr_array_unref (ini->groups);
  g_free (ini);
}

void
cl_ini_set_error (GError          **error,
                  const CLIni      *ini,
                  const CLIniGroup *group,
                  const CLIniEntry *entry,
                  gint              code,
                  const char       *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (group != NULL && entry != NULL)
    g_set_error (error, G_KEY_FILE_ERROR, code, "%s: [%s] %s%s%s%s: %s",
                 ini->source, group->name, entry->key,
                 entry->locale ? "[" : "", entry->locale ? entry->locale : "",
                 entry->locale ? "]" : "", message);
  else if (group != NULL)
    g_set_error (error, G_KEY_FILE_ERROR, code, "%s: [%s] %s",
                 ini->source, group->name, message);
  else
    g_set_error (error, G_KEY_FILE_ERROR, code, "%s: %s", ini->source, message);
}

/* GKeyFile merges a group given twice into one; count the header lines
 * so that a copy-and-paste slip is refused rather than half-merged.  By
 * the time this runs GKeyFile has accepted the text, so a line starting
 * with [ is a group header. */
static guint
count_group_headers (const char *data,
                     const char *name)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  g_autofree char *header = g_strdup_printf ("[%s]", name);
  guint count = 0;

  for (guint i = 0; lines[i]; i++)
    if (g_str_equal (g_strstrip (lines[i]), header))
      count++;
  return count;
}

static gboolean
split_key (const char  *full,
           char       **key,
           char       **locale)
{
  const char *open = strchr (full, '[');
  g_autofree char *name = NULL;

  if (open == NULL)
    name = g_strdup (full);
  else
    {
      const char *close = strchr (open, ']');

      if (close == NULL || close[1] != '\0' || close == open + 1)
        return FALSE;
      name = g_strndup (full, open - full);
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

CLIni *
cl_ini_parse (const char  *data,
              gssize       length,
              const char  *source,
              GError     **error)
{
  g_autoptr(CLIni) ini = g_new0 (CLIni, 1);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) groups = NULL;

  ini->source = g_strdup (source ? source : "(data)");
  ini->groups = g_ptr_array_new_with_free_func (group_free);
  copy = length < 0 ? g_strdup (data) : g_strndup (data, length);
  /* GKeyFile checks the encoding of a value only when it is read. */
  if (!g_utf8_validate (copy, -1, NULL))
    {
      cl_ini_set_error (error, ini, NULL, NULL, G_KEY_FILE_ERROR_UNKNOWN_ENCODING,
                        "the file is not UTF-8 text");
      return NULL;
    }
  if (!g_key_file_load_from_data (file, copy, -1, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      cl_ini_set_error (error, ini, NULL, NULL, local_error->code, "%s", local_error->message);
      return NULL;
    }

  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i]; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (file, groups[i], NULL, NULL);
      CLIniGroup *group = g_new0 (CLIniGroup, 1);

      group->name = g_strdup (groups[i]);
      group->entries = g_ptr_array_new_with_free_func (entry_free);
      g_ptr_array_add (ini->groups, group);

      if (count_group_headers (copy, groups[i]) > 1)
        {
          cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_PARSE,
                            "the group is given twice");
          return NULL;
        }

      for (guint k = 0; keys && keys[k]; k++)
        {
          g_autofree char *key = NULL;
          g_autofree char *locale = NULL;
          g_autofree char *value = NULL;
          CLIniEntry *entry;

          if (!split_key (keys[k], &key, &locale))
            {
              cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_PARSE,
                                "“%s” is not a key name (letters, digits, - and _, then an optional [locale])",
                                keys[k]);
              return NULL;
            }
          entry = g_new0 (CLIniEntry, 1);
          entry->key = g_steal_pointer (&key);
          entry->locale = g_steal_pointer (&locale);
          /* GKeyFile lists a key given twice twice, and keeps the last. */
          if (cl_ini_group_lookup (group, entry->key, entry->locale))
            {
              cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_PARSE,
                                "the key is given twice");
              entry_free (entry);
              return NULL;
            }
          g_ptr_array_add (group->entries, entry);
          if (!(value = g_key_file_get_string (file, groups[i], keys[k], &local_error)))
            {
              cl_ini_set_error (error, ini, group, entry, local_error->code, "%s",
                                local_error->message);
              return NULL;
            }
          entry->value = g_strstrip (g_steal_pointer (&value));
        }
    }
  return g_steal_pointer (&ini);
}

const CLIniEntry *
cl_ini_group_lookup (const CLIniGroup *group,
                     const char       *key,
                     const char       *locale)
{
  for (guint i = 0; i < group->entries->len; i++)
    {
      const CLIniEntry *entry = g_ptr_array_index (group->entries, i);

      if (g_str_equal (entry->key, key) && g_strcmp0 (entry->locale, locale) == 0)
        return entry;
    }
  return NULL;
}

gboolean
cl_ini_group_check_keys (const CLIni        *ini,
                         const CLIniGroup   *group,
                         const char * const *keys,
                         const char * const *localized,
                         GError            **error)
{
  for (guint i = 0; i < group->entries->len; i++)
    {
      const CLIniEntry *entry = g_ptr_array_index (group->entries, i);

      if (entry->locale == NULL && (g_strv_contains (keys, entry->key) ||
                                    (localized && g_strv_contains (localized, entry->key))))
        continue;
      if (entry->locale != NULL && localized && g_strv_contains (localized, entry->key))
        continue;
      if (entry->locale != NULL && g_strv_contains (keys, entry->key))
        cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                          "%s is not translated: remove [%s]", entry->key, entry->locale);
      else
        cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                          "unknown key %s", entry->key);
      return FALSE;
    }
  return TRUE;
}

CLLocalText *
cl_ini_group_get_text (const CLIni       *ini,
                       const CLIniGroup  *group,
                       const char        *key,
                       gboolean           required,
                       GError           **error)
{
  const CLIniEntry *base = cl_ini_group_lookup (group, key, NULL);
  const CLIniEntry *zh = cl_ini_group_lookup (group, key, REQUIRED_LOCALE);
  g_autoptr(CLLocalText) text = NULL;

  if (base == NULL && zh == NULL && !required)
    return NULL;
  if (base == NULL || *base->value == '\0')
    {
      cl_ini_set_error (error, ini, group, base ? base : zh,
                        G_KEY_FILE_ERROR_KEY_NOT_FOUND, "%s (in English) is missing or empty", key);
      return NULL;
    }
  if (zh == NULL || *zh->value == '\0')
    {
      cl_ini_set_error (error, ini, group, zh ? zh : base, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                        "%s[%s] (in Chinese) is missing or empty", key, REQUIRED_LOCALE);
      return NULL;
    }

  text = cl_local_text_new (base->value);
  for (guint i = 0; i < group->entries->len; i++)
    {
      const CLIniEntry *entry = g_ptr_array_index (group->entries, i);

      if (entry->locale && g_str_equal (entry->key, key))
        cl_local_text_add (text, entry->locale, entry->value);
    }
  return g_steal_pointer (&text);
}

gboolean
cl_ini_group_get_uint (const CLIni       *ini,
                       const CLIniGroup  *group,
                       const char        *key,
                       gboolean           required,
                       guint              fallback,
                       guint              max,
                       guint             *out,
                       GError           **error)
{
  const CLIniEntry *entry = cl_ini_group_lookup (group, key, NULL);
  guint64 value;

  if (entry == NULL)
    {
      if (required)
        {
          cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                            "%s is required", key);
          return FALSE;
        }
      *out = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (entry->value, 10, 0, max, &value, NULL))
    {
      cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "%s must be a whole number from 0 to %u, not “%s”", key, max, entry->value);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

gboolean
cl_ini_group_get_range (const CLIni       *ini,
                        const CLIniGroup  *group,
                        const char        *key,
                        guint              max,
                        guint             *min_out,
                        guint             *max_out,
                        GError           **error)
{
  const CLIniEntry *entry = cl_ini_group_lookup (group, key, NULL);
  g_auto(GStrv) parts = NULL;
  guint64 low, high;

  if (entry == NULL)
    {
      cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
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
  cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                    "%s must be a range MIN-MAX of whole numbers up to %u with MIN <= MAX, not “%s”",
                    key, max, entry->value);
  return FALSE;
}

gboolean
cl_ini_group_get_bool (const CLIni       *ini,
                       const CLIniGroup  *group,
                       const char        *key,
                       gboolean           fallback,
                       gboolean          *out,
                       GError           **error)
{
  const CLIniEntry *entry = cl_ini_group_lookup (group, key, NULL);

  if (entry == NULL)
    *out = fallback;
  else if (g_str_equal (entry->value, "true"))
    *out = TRUE;
  else if (g_str_equal (entry->value, "false"))
    *out = FALSE;
  else
    {
      cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "%s must be true or false, not “%s”", key, entry->value);
      return FALSE;
    }
  return TRUE;
}

CLLocalText *
cl_local_text_new (const char *untranslated)
{
  CLLocalText *text = g_new0 (CLLocalText, 1);

  text->untranslated = g_strdup (untranslated);
  text->by_locale = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return text;
}

void
cl_local_text_add (CLLocalText *text,
                   const char  *locale,
                   const char  *value)
{
  g_hash_table_replace (text->by_locale, g_strdup (locale), g_strdup (value));
}

void
cl_local_text_free (CLLocalText *text)
{
  if (text == NULL)
    return;
  g_free (text->untranslated);
  g_hash_table_unref (text->by_locale);
  g_free (text);
}

const char *
cl_local_text_get_exact (const CLLocalText *text,
                         const char        *locale)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (locale == NULL)
    return text->untranslated;
  return g_hash_table_lookup (text->by_locale, locale);
}

const char *
cl_local_text_get (const CLLocalText *text,
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
