#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The hospital directory's search keys (README, "Hospital directory").
 * A directory entry is found by any part of its name as typed in
 * Chinese ("产科" finds 妇产科门诊), by the pinyin of any syllable on
 * ("chanke", "menzhen"), by initials ("ck", "fckmz") and by a code or
 * an English word.  Each key is a string matched by prefix, so the
 * store's index (directory_key) answers every keystroke with one range
 * read. */

/* The keys of @texts (NULL-terminated; NULL or empty members are
 * skipped), distinct, at most CL_DIRECTORY_MAX_KEYS.  The first is the
 * entry's name, found from any of its characters or syllables; the
 * others (an English name, a code, a doctor's specialty) from any word
 * when in Latin letters, but from their start only when in Chinese, so
 * a search for a surname does not bring every specialty with that
 * syllable in it. */
#define CL_DIRECTORY_MAX_KEYS 96
GPtrArray *cl_directory_keys (const char * const *texts);

/* What a person typed, as a key prefix (cl_pinyin_normalize_query()),
 * or NULL when nothing is left to search by. */
char      *cl_directory_query_key (const char *typed);

G_END_DECLS
