#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The follow-up data files (scales, pathway rules) are key files in the
 * syntax GKeyFile reads ([Group], key=value, key[zh_CN]=value, # comments),
 * read here line by line so that every complaint names the file, the
 * line and the key: a hospital admin edits these by hand. */

typedef struct
{
  char  *key;      /* "text" */
  char  *locale;   /* "zh_CN", or NULL for the untranslated (English) value */
  char  *value;    /* unescaped (\n \t \s \\ as GKeyFile), trimmed */
  guint  line;
} ClIniEntry;

typedef struct
{
  char      *name;     /* "Item 3" */
  guint      line;
  GPtrArray *entries;  /* ClIniEntry, in file order */
} ClIniGroup;

typedef struct
{
  char      *source;   /* the file name, for messages */
  GPtrArray *groups;   /* ClIniGroup, in file order */
} ClIni;

/* Text in several languages: the untranslated value and its [LOCALE]
 * variants. */
typedef struct _ClLocalText ClLocalText;

/* NULL with G_KEY_FILE_ERROR_PARSE "SOURCE:LINE: …" on a line that is
 * neither a group, a key, a comment nor blank, a key before any group, a
 * group or a key given twice. */
ClIni            *cl_ini_parse           (const char  *data,
                                          gssize       length,
                                          const char  *source,
                                          GError     **error);
void              cl_ini_free            (ClIni       *ini);

/* The value of @key (untranslated when @locale is NULL), or NULL. */
const ClIniEntry *cl_ini_group_lookup    (const ClIniGroup *group,
                                          const char       *key,
                                          const char       *locale);
/* Refuses a key not in @keys (translatable or not) and a [LOCALE]
 * variant of a key not in @localized. */
gboolean          cl_ini_group_check_keys (const ClIni       *ini,
                                           const ClIniGroup  *group,
                                           const char * const *keys,
                                           const char * const *localized,
                                           GError           **error);

/* Sets @error to "SOURCE:LINE: [GROUP] MESSAGE" (G_KEY_FILE_ERROR @code). */
void              cl_ini_set_error       (GError          **error,
                                          const ClIni      *ini,
                                          const ClIniGroup *group,
                                          guint             line,
                                          gint              code,
                                          const char       *format,
                                          ...) G_GNUC_PRINTF (6, 7);

/* @key with all its translations; an error naming the group's line when
 * @required and the untranslated value or the zh_CN one is missing or
 * blank.  NULL without an error when it is absent and not @required. */
ClLocalText      *cl_ini_group_get_text  (const ClIni       *ini,
                                          const ClIniGroup  *group,
                                          const char        *key,
                                          gboolean           required,
                                          GError           **error);
/* An unsigned number; @fallback when absent and not @required. */
gboolean          cl_ini_group_get_uint  (const ClIni       *ini,
                                          const ClIniGroup  *group,
                                          const char        *key,
                                          gboolean           required,
                                          guint              fallback,
                                          guint              max,
                                          guint             *out,
                                          GError           **error);
/* "MIN-MAX" (both inclusive, MIN <= MAX <= @max), or a single number
 * for MIN = MAX. */
gboolean          cl_ini_group_get_range (const ClIni       *ini,
                                          const ClIniGroup  *group,
                                          const char        *key,
                                          guint              max,
                                          guint             *min_out,
                                          guint             *max_out,
                                          GError           **error);
/* true/false; @fallback when absent. */
gboolean          cl_ini_group_get_bool  (const ClIni       *ini,
                                          const ClIniGroup  *group,
                                          const char        *key,
                                          gboolean           fallback,
                                          gboolean          *out,
                                          GError           **error);

ClLocalText      *cl_local_text_new      (const char        *untranslated);
void              cl_local_text_add      (ClLocalText       *text,
                                          const char        *locale,
                                          const char        *value);
void              cl_local_text_free     (ClLocalText       *text);
/* The text in @lang ("zh_CN", "zh_CN.UTF-8", "en"), falling back from
 * "zh_CN.UTF-8" to "zh_CN" to "zh" to the untranslated text.  @lang NULL
 * means the current language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
const char       *cl_local_text_get      (const ClLocalText *text,
                                          const char        *lang);
/* Only the exact @locale (NULL: the untranslated one), or NULL. */
const char       *cl_local_text_get_exact (const ClLocalText *text,
                                           const char        *locale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClIni, cl_ini_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClLocalText, cl_local_text_free)

G_END_DECLS
