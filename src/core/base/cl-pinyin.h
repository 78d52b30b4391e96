#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pinyin search keys for Chinese names, from ICU's Han-Latin
 * transliterator (tone marks removed, lower case).  The leading
 * surname is read through an override table first, because several
 * common surnames are read differently from the character's usual
 * reading: 单 shan, 曾 zeng, 解 xie, 仇 qiu, 朴 piao, 查 zha, 区 ou,
 * 盖 ge, 乐 yue, 覃 qin, 尉迟 yuchi, 万俟 moqi, 单于 chanyu, 长孙 zhangsun …
 * Non-Han characters (Latin letters, digits) pass through lower-cased,
 * with accents removed ("Zoë" -> "zoe"); punctuation separates words.
 * Leading blanks are skipped before the surname match.  Readings are
 * cached per character (see cl-pinyin.c), so after warm-up a call
 * costs about a microsecond.  Safe to call from any thread. */

/* Syllables separated by single spaces: "zhang xiao mei". */
char *cl_pinyin_full     (const char *text);

/* First letters of each syllable: "zxm". */
char *cl_pinyin_initials (const char *text);

/* Normalises what a person typed into the search box for matching
 * against keys: lower case, blanks and apostrophes removed
 * ("Zhang Xiao'mei" -> "zhangxiaomei"), full-width letters made ASCII
 * and accents dropped from Latin letters.  Han characters are kept, so
 * match it against keys with their spaces removed. */
char *cl_pinyin_normalize_query (const char *text);

G_END_DECLS
