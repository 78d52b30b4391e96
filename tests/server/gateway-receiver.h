#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The SMS/WeChat provider for tests/server/test-gateway.c: a libsoup
 * server on 127.0.0.1 in a thread of the test program that checks each
 * POST's signature with SECRET, remembers its Idempotency-Key and body,
 * and answers as told: "200", "500", "400", "hang" or "hold" (no
 * answer until the client gives up or dies), "slow" (200 after 1.5 s);
 * 200 when told nothing, 401 to a wrong signature. */

#define SECRET "the shared secret of the provider"

typedef struct
{
  GMutex        lock;
  GCond         cond;
  GQueue        modes;          /* what to answer next: "200", "500", "400", "hang", "slow", "hold" */
  GPtrArray    *keys;           /* Idempotency-Key of each POST, in order */
  GPtrArray    *bodies;
  guint         bad_signatures;
  GPtrArray    *held;           /* paused SoupServerMessages */
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *url;
} Receiver;

extern Receiver receiver;

void        receiver_start       (void);
/* Forgets what came and what to answer; then answers the modes given
 * (NULL-terminated) in order. */
void        receiver_reset       (const char *first_mode,
                                  ...) G_GNUC_NULL_TERMINATED;
void        receiver_answer_next (const char *mode);
guint       receiver_count       (void);
/* Waits up to @seconds for the @n-th POST; fails the test otherwise. */
void        receiver_wait_for    (guint       n,
                                  guint       seconds);
/* The Idempotency-Key of the @i-th POST. */
const char *receiver_key         (guint       i);

G_END_DECLS
