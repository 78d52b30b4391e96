/* cl-store-collation.c: the collations the store's SQL may name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store-collation"

#include "config.h"

#include <string.h>
#include <unicode/ucol.h>

#include "cl-store-private.h"

/* Lists of people (staff pickers, escort lanes, the Staff window) read
 * in the order a Chinese reader expects, pinyin, as the roster sorts;
 * SQLite's own BINARY order is the order of code points, which is
 * neither.  One ICU collator per connection: a connection is used by
 * one thread at a time (SQLITE_OPEN_FULLMUTEX). */
static int
pinyin_compare (void       *data,
                int         length_a,
                const void *a,
                int         length_b,
                const void *b)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result;

  result = ucol_strcollUTF8 (data, a, length_a, b, length_b, &status);
  if (U_FAILURE (status))
    {
      int c = memcmp (a, b, MIN (length_a, length_b));
      return c != 0 ? c : length_a - length_b;
    }
  return result == UCOL_LESS ? -1 : result == UCOL_GREATER ? 1 : 0;
}

static void
pinyin_collator_free (void *data)
{
  ucol_close (data);
}

int
cl_store_register_collations (sqlite3  *db,
                              GError  **error)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator = ucol_open ("zh", &status);
  int rc;

  if (U_FAILURE (status))
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED,
                   "ICU has no Chinese collation: %s", u_errorName (status));
      return SQLITE_ERROR;
    }
  rc = sqlite3_create_collation_v2 (db, "pinyin", SQLITE_UTF8, collator,
                                    pinyin_compare, pinyin_collator_free);
  if (rc != SQLITE_OK)
    ucol_close (collator);
  return rc;
}
