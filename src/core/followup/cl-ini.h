#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The follow-up data files (scales, pathway rules) are key files read by
 * GKeyFile ([Group], key=value, key[zh_CN]=value, # comments).  This adds
 * what GKeyFile leaves to its callers and a hospital admin editing these
 * by hand needs: a key or a group given twice is refused rather than the
 * last one silently winning, and every complaint names the file, the
 * [group] and the key. */

typedef struct
{
  char  *key;      /* "text" */
  char  *locale;   /* "zh_CN", or NULL for the untranslated (English) value */
  char  *value;    /* unescaped by GKeyFile, trimmed */
} CLIniEntry;

typedef struct
{
  char      *name;     /* "Item 3" */
  GPtrArray *entries;  /* CLIniEntry, in file order */
} CLIniGroup;

typedef struct
{
  char      *source;   /* the file name, for messages */
  GPtrArray *groups;   /* CLIniGroup, in file order */
} CLIni;

/* Text in several languages: the untranslated value and its [LOCALE]
 * variants. */
typedef struct _CLLocalText CLLocalText;

/* NULL with a G_KEY_FILE_ERROR "SOURCE: …" on text GKeyFile refuses (a
 * line that is neither a group, a key, a comment nor blank, a key before
 * any group), text that is not UTF-8, a key name other than letters,
 * digits, - _ . and an optional [locale], a group or a key given twice. */
CLIni            *cl_ini_parse           (const char  *data,
                                          gssize       length,
                                          const char  *source,
                                          GError     **error);
void              cl_ini_free            (CLIni       *ini);

/* The value of @key (untranslated when @locale is NULL), or NULL. */
const CLIniEntry *cl_ini_group_lookup    (const CLIniGroup *group,
                                          const char       *key,
                                          const char       *locale);
/* Refuses a key not in @keys (translatable or not) and a [LOCALE]
 * variant of a key not in @localized. */
gboolean          cl_ini_group_check_keys (const CLIni       *ini,
                                           const CLIniGroup  *group,
                                           const char * const *keys,
                                           const char * const *localized,
                                           GError           **error);

/* Sets @error to "SOURCE: [GROUP] KEY: MESSAGE" (G_KEY_FILE_ERROR @code);
 * without @entry "SOURCE: [GROUP] MESSAGE", without @group "SOURCE: MESSAGE". */
void              cl_ini_set_error       (GError          **error,
                                          const CLIni      *ini,
                                          const CLIniGroup *group,
                                          const CLIniEntry *entry,
                                          gint              code,
                                          const char       *format,
                                          ...) G_GNUC_PRINTF (6, 7);

/* @key with all its translations; an error naming the group and key when
 * @required and the untranslated value or the zh_CN one is missing or
 * blank.  NULL without an error when it is absent and not @required. */
CLLocalText      *cl_ini_group_get_text  (const CLIni       *ini,
                                          const CLIniGroup  *group,
                                          const char        *key,
                                          gboolean           required,
                                          GError           **error);
/* An unsigned number; @fallback when absent and not @required. */
gboolean          cl_ini_group_get_uint  (const CLIni       *ini,
                                          const CLIniGroup  *group,
                                          const char        *key,
                                          gboolean           required,
                                          guint              fallback,
                                          guint              max,
                                          guint             *out,
                                          GError           **error);
/* "MIN-MAX" (both inclusive, MIN <= MAX <= @max), or a single number
 * for MIN = MAX. */
gboolean          cl_ini_group_get_range (const CLIni       *ini,
                                          const CLIniGroup  *group,
                                          const char        *key,
                                          guint              max,
                                          guint             *min_out,
                                          guint             *max_out,
                                          GError           **error);
/* true/false; @fallback when absent. */
gboolean          cl_ini_group_get_bool  (const CLIni       *ini,
                                          const CLIniGroup  *group,
                                          const char        *key,
                                          gboolean           fallback,
                                          gboolean          *out,
                                          GError           **error);

CLLocalText      *cl_local_text_new      (const char        *untranslated);
void              cl_local_text_add      (CLLocalText       *text,
                                          const char        *locale,
                                          const char        *value);
void              cl_local_text_free     (CLLocalText       *text);
/* The text in @lang ("zh_CN", "zh_CN.UTF-8", "en"), falling back from
 * "zh_CN.UTF-8" to "zh_CN" to "zh" to the untranslated text.  @lang NULL
 * means the current language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
const char       *cl_local_text_get      (const CLLocalText *text,
                                          const char        *lang);
/* Only the exact @locale (NULL: the untranslated one), or NULL. */
const char       *cl_local_text_get_exact (const CLLocalText *text,
                                           const char        *locale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLIni, cl_ini_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLLocalText, cl_local_text_free)

G_END_DECLS
