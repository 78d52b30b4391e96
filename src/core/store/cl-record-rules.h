#pragma once

#include <glib.h>

#include "cl-record.h"

G_BEGIN_DECLS

/* Rules every synced record follows by the kind of its fields, read
 * from the columns' metadata so that no table needs code of its own
 * (README, "Reliability"):
 *  - money (an integer column named *_fen): from 0 to CL_MONEY_MAX_FEN,
 *    the bound a desk's form accepts, unless the field is meant to be
 *    negative (none is today);
 *  - instants (an integer column named *_at, UTC seconds): within the
 *    years 2000 to 2100, or 0 where the field may be unset;
 *  - texts: bounded in length by kind (names, notes, codes…).
 * The desk's forms and the server's write transaction use the same
 * messages, so a value refused at one is refused at the other, in the
 * same words. */

/* 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z. */
#define CL_INSTANT_MIN G_GINT64_CONSTANT (946684800)
#define CL_INSTANT_MAX G_GINT64_CONSTANT (4102444800)

/* The message for an amount of @fen in a field that may not be
 * negative, or NULL when it is fine. */
char     *cl_record_rules_money_message   (gint64      fen);

/* The message for an instant outside the years 2000 to 2100, or NULL. */
char     *cl_record_rules_instant_message (gint64      at);

/* The most characters a text column @column (an underscore name) may
 * hold. */
gsize     cl_record_rules_text_limit      (const char *column);

/* Checks every column of @record; each field that breaks a rule and
 * is not yet in @errors (column name → message, both owned by the
 * table) is added.  TRUE if none broke one. */
gboolean  cl_record_rules_check           (CLRecord   *record,
                                           GHashTable *errors);

G_END_DECLS
