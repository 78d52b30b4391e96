#pragma once

#include "cl-server-limits.h"

G_BEGIN_DECLS

/* Shared by cl-server-limits.c and cl-server-refuse.c. */

/* Defaults (README, "Reliability"). */
#define CL_SERVER_HEADER_TIMEOUT    20      /* s */
#define CL_SERVER_BODY_TIMEOUT      30      /* s */
#define CL_SERVER_IDLE_TIMEOUT      60      /* s */
#define CL_SERVER_MAX_CONNECTIONS   10000
#define CL_SERVER_MAX_PER_ADDRESS   512

typedef struct
{
  guint header_timeout_ms;
  guint body_timeout_ms;
  guint idle_timeout_ms;
  guint max_connections;
  guint max_per_address;
} ClServerLimitsConfig;

const ClServerLimitsConfig *cl_server_limits_get_config (ClServerLimits    *self);

/* The limits following @msg's connection (and its client's address),
 * or NULL if none does. */
ClServerLimits *cl_server_limits_of_message  (SoupServerMessage  *msg,
                                              char              **address);

/* Counts a connection of @address, FALSE if it is over a cap (counted
 * all the same); uncount it when it is closed. */
gboolean        cl_server_limits_count       (ClServerLimits     *self,
                                              const char         *address);
void            cl_server_limits_uncount     (ClServerLimits     *self,
                                              const char         *address);

G_END_DECLS
