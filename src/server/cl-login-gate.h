#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The log-in lock, taken before the password is hashed.  The failure
 * count in the store (cl-login-throttle.h) is read before the argon2
 * work and written after it, so log-ins sent at once all passed the
 * read and all got their password checked.  The gate counts, in this
 * process, the attempts of a name that are being checked (pending) and
 * those that failed, and admits one only while the two together stay
 * below CL_LOGIN_MAX_FAILURES: never more guesses than the lock allows,
 * however many arrive at once. */

typedef enum
{
  CL_LOGIN_GATE_SUCCEEDED,
  CL_LOGIN_GATE_FAILED,     /* wrong password, unknown name or locked */
  CL_LOGIN_GATE_ABANDONED,  /* the store failed: the attempt does not count */
} ClLoginGateOutcome;

/* Counts an attempt of @username as pending and returns TRUE, or
 * returns FALSE (refuse it as locked) while pending and failed
 * attempts reach CL_LOGIN_MAX_FAILURES.  When only failures stand in
 * the way and none is pending, @store decides: a name an administrator
 * unlocked (or whose lock ran out) starts afresh.  Every TRUE must be
 * followed by one cl_login_gate_leave(). */
gboolean cl_login_gate_enter (CLStore            *store,
                              const char         *username,
                              gint64              now);

/* Ends a pending attempt of @username with its @outcome: a success
 * forgets the failures, as the store's count does. */
void     cl_login_gate_leave (const char         *username,
                              ClLoginGateOutcome  outcome,
                              gint64              now);

G_END_DECLS
