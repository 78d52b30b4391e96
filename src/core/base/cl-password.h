#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rules for a password a person chooses (README, "Log-ins"), the
 * same at the desk's change-password page and on the server. */

/* At least this many characters. */
#define CL_PASSWORD_MIN_LENGTH 10
/* argon2id hashes what it is given; a megabyte "password" is an attack
 * on the CPU, not a password. */
#define CL_PASSWORD_MAX_BYTES 1024

/* Adds to @errors (field → translated message) what is wrong with
 * @new_password: "new_password" for one too short, too long or the
 * same as @current (may be NULL); "confirm" when @confirm (NULL: not
 * asked) differs.  TRUE when nothing was added. */
gboolean  cl_password_check_new  (const char  *new_password,
                                  const char  *confirm,
                                  const char  *current,
                                  GHashTable  *errors);

G_END_DECLS
