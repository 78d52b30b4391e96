#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Mainland China mobile numbers: 11 digits, 1[3-9]xxxxxxxxx.  Accepts
 * blanks and dashes between digits and a leading +86 / 86 / 0086.
 * On success optionally returns the bare 11 digits.  On failure sets a
 * translated CL_VALIDATION_ERROR (EMPTY or FORMAT). */
gboolean  cl_phone_validate (const char  *text,
                             char       **normalized,
                             GError     **error);

/* "138****5678": the middle four digits hidden.  Anything that is not
 * an 11-digit number is returned with all but the last 4 characters
 * replaced by '*'. */
char     *cl_phone_mask     (const char *phone);

G_END_DECLS
