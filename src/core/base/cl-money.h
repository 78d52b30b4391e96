#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is integer fen (分) and a share rate is integer hundredths of a
 * percent, "basis points" (35.25 % → 3525), everywhere, so that
 * sums and shares are exact.  Nothing here ever holds money in a
 * double. */

/* The largest amount accepted as typed: 99 999 999.99 yuan.  Anything
 * above it is a typing slip at a clinic desk, and the bound keeps
 * fen × rate well inside gint64. */
#define CL_MONEY_MAX_FEN G_GINT64_CONSTANT (9999999999)

/* 100.00 % */
#define CL_RATE_MAX_BP 10000

/* Parses an amount as typed at a desk: "2980", "2,980.00", "2980.5",
 * "¥2,980.00", "￥2980元", full-width digits "２９８０．００"; blanks
 * around are ignored.  Refused with a translated CL_VALIDATION_ERROR:
 * empty (_EMPTY), negative (_RANGE), not a number or more than two
 * decimals (_FORMAT), absurdly large (_RANGE). */
gboolean  cl_money_parse          (const char  *text,
                                   gint64      *out_fen,
                                   GError     **error);

/* "2,980.00", "-1,050.45": grouped, two decimals, locale-neutral (the
 * same in every language; Chinese finance writes it so too). */
char     *cl_money_format         (gint64       fen);

/* "2980.00", "-1050.45": no grouping, for CSV and machine readers. */
char     *cl_money_format_plain   (gint64       fen);

/* "¥2,980.00", "-¥1,050.45": for display. */
char     *cl_money_format_display (gint64       fen);

/* The amount in Chinese financial capitals (大写金额), as written on
 * statements and cheques in every language: 7 111 971.95 yuan is
 * "柒佰壹拾壹万壹仟玖佰柒拾壹元玖角伍分", 100 500.00 is
 * "壹拾万零伍佰元整"; a negative amount starts with 负. */
char     *cl_money_format_capital (gint64       fen);

/* Parses a share rate: "35.25", "35.25%", "35.25 %", "35", full-width
 * forms too.  Exactly as a percent with at most two decimals, from 0 to
 * 100.  Refused with a translated CL_VALIDATION_ERROR: empty, three or
 * more decimals or not a number (_FORMAT), negative or over 100 %
 * (_RANGE). */
gboolean  cl_rate_parse           (const char  *text,
                                   gint        *out_bp,
                                   GError     **error);

/* "35.25%" (always two decimals). */
char     *cl_rate_format          (gint         rate_bp);

/* The vendor's share of @fen at @rate_bp: fen × rate / 10000 rounded
 * to the fen, half up, in integer arithmetic only.  A negative amount
 * (a refund) rounds half away from zero, i.e. it is exactly the
 * negation of the share of the positive amount, so a refund line
 * mirrors its payment line and a full refund cancels the share to the
 * fen: share (-x) == -share (x). */
gint64    cl_money_share          (gint64       fen,
                                   gint         rate_bp);

G_END_DECLS
