#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CL_SEX_UNKNOWN = 0,
  CL_SEX_MALE    = 1,
  CL_SEX_FEMALE  = 2,
} ClSex;

/* GB 11643-1999 check digit for the first 17 digits: '0'..'9' or 'X'.
 * Returns 0 if @first17 is not 17 ASCII digits. */
char      cl_id_card_check_digit (const char *first17);

/* Validates a mainland resident ID number (18 characters, 17 digits and
 * a check digit 0-9 or X; a lowercase x is accepted).  Checks the
 * shape, that digits 7-14 form a real birth date not in the future and
 * not before 1900, and the check digit.  On success optionally returns
 * the normalised number (upper-case X, blanks removed), the birth date
 * and the sex (17th digit odd = male).  On failure sets a translated
 * CL_VALIDATION_ERROR (EMPTY, FORMAT, DATE or CHECKSUM). */
gboolean  cl_id_card_validate    (const char  *text,
                                  char       **normalized,
                                  GDate       *birth,
                                  ClSex       *sex,
                                  GError     **error);

/* "110105********1234"-style masking for lists: keeps the first 6 and
 * last 4 characters. */
char     *cl_id_card_mask        (const char *number);

G_END_DECLS
