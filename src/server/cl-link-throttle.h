#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How often a patient's page (/p/TOKEN) may be asked for: per token and
 * per client address, within a window, so nobody can try tokens by the
 * thousand or hammer one link.  Kept in memory: a restart forgets the
 * counts, which only lets a prober start again at the same slow rate.
 *
 * The figures come from $CARELINE_LINK_LIMITS, e.g.
 * "per-token=20,per-address=120,window=60" (window in seconds), else
 * the defaults below. */

#define CL_LINK_LIMITS_ENV "CARELINE_LINK_LIMITS"

#define CL_LINK_DEFAULT_PER_TOKEN   20
#define CL_LINK_DEFAULT_PER_ADDRESS 120
#define CL_LINK_DEFAULT_WINDOW      60

typedef struct _ClLinkThrottle ClLinkThrottle;

ClLinkThrottle *cl_link_throttle_new   (void);
void            cl_link_throttle_free  (ClLinkThrottle *self);

/* Counts one request for @token (may be NULL) from @address at @now
 * (seconds); FALSE when either is over its limit, with the seconds to
 * wait in @retry_after.  Safe from any thread. */
gboolean        cl_link_throttle_allow (ClLinkThrottle *self,
                                        const char     *token,
                                        const char     *address,
                                        gint64          now,
                                        gint64         *retry_after);

G_END_DECLS
