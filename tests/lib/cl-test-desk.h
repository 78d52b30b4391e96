#pragma once

#include <libsoup/soup.h>

#include "cl-escort-task.h"
#include "cl-store.h"
#include "cl-sync-client.h"
#include "cl-vip-booking.h"
#include "cl-test-store.h"
#include "cl-vip-booking.h"

G_BEGIN_DECLS

/* Desks against a real careline-server, for the schedule's sync test
 * and benchmark: a store in a folder of its own and a logged-in sync
 * client, and waiting on the main loop. */

/* A store at DIR/NAME/careline.db (the folder is made). */
CLStore      *cl_test_desk_open_store (const char   *dir,
                                       const char   *name);

/* A sync client for @store logged in to @url as @user. */
CLSyncClient *cl_test_desk_login      (CLStore      *store,
                                       const char   *url,
                                       const char   *user,
                                       const char   *password);

/* The same for a client made by the test (its signals connected, a
 * CA file set, …). */
void          cl_test_desk_login_client (CLSyncClient *client,
                                         const char   *url,
                                         const char   *user,
                                         const char   *password);

/* What a client's "rejected" signal said: how many times, and the
 * last one's record, reason and message. */
typedef struct
{
  guint  n;
  char  *record_id;
  char  *reason;
  char  *message;
} CLTestRejections;

/* Keeps @client's rejections in @into (which must outlive it) and
 * tells them in the test's log; cl_test_rejections_clear() frees the
 * strings. */
void          cl_test_desk_watch_rejections (CLSyncClient     *client,
                                             CLTestRejections *into);
void          cl_test_rejections_clear      (CLTestRejections *rejections);

/* Starts one full sync round; cl_test_desk_sync_wait() ends it, and
 * fails the test if the round failed; cl_test_desk_sync_finish()
 * returns its error instead. */
GAsyncResult **cl_test_desk_sync_start (CLSyncClient *client);
void          cl_test_desk_sync_wait  (CLSyncClient  *client,
                                       GAsyncResult **slot);
gboolean      cl_test_desk_sync_finish (CLSyncClient  *client,
                                        GAsyncResult **slot,
                                        GError       **error);
/* Both at once. */
void          cl_test_desk_sync       (CLSyncClient *client);

/* A GAsyncReadyCallback that keeps a reference to the result in the
 * GAsyncResult * at @data; cl_test_wait_result() runs the main loop
 * until it is there and returns it. */
void          cl_test_got_result_cb   (GObject      *source,
                                       GAsyncResult *result,
                                       gpointer      data);
GAsyncResult *cl_test_wait_result     (GAsyncResult **slot);

/* Runs the main loop until *@flag; the test fails after the wait
 * limit (30 s unless cl_test_set_wait_limit() said otherwise: a
 * benchmark's rounds on large data may take longer). */
void          cl_test_wait_flag       (gboolean     *flag);
void          cl_test_set_wait_limit  (guint         seconds);
/* Runs the main loop for @ms. */
void          cl_test_spin            (guint         ms);

/* The first column of the first row of @sql on @store: the same as
 * cl_test_store_count() (cl-test-store.h), under the name the
 * schedule's tests first used. */
#define cl_test_count cl_test_store_count

/* Local time on 2026-11-@day at @hour:@minute (the week the schedule's
 * tests are set in: today is 23 Nov), as UTC seconds. */
gint64        cl_test_nov_2026        (guint         day,
                                       guint         hour,
                                       guint         minute);

/* Saves @record as it is (no rules; a test's setting) and returns a
 * copy of its id. */
char         *cl_test_save            (CLStore      *store,
                                       gpointer      record);
/* A staff member, a room: saved, their id returned. */
char         *cl_test_add_staff       (CLStore      *store,
                                       const char   *username,
                                       const char   *name,
                                       const char   *role);
char         *cl_test_add_room        (CLStore      *store,
                                       const char   *name,
                                       const char   *location);

/* A consultation in @room_id for @patient_id from @start_at to
 * @end_at, saved through the VIP store as @role; fails the test if it
 * is refused. */
CLVipBooking *cl_test_book            (CLStore      *store,
                                       const char   *role,
                                       const char   *room_id,
                                       const char   *patient_id,
                                       gint64        start_at,
                                       gint64        end_at);

/* Not saved: a consultation booking of @room for @patient, and an
 * examination task of @patient with @escort (NULL: unassigned) from the
 * clinic hall (门诊大厅) to ultrasound (超声科). */
CLVipBooking *cl_test_new_booking     (const char   *room,
                                       const char   *patient,
                                       gint64        start_at,
                                       gint64        end_at);
CLEscortTask *cl_test_new_task        (const char   *patient,
                                       const char   *escort,
                                       gint64        start_at,
                                       gint64        end_at);

/* The @p quantile (0–1) of @values (doubles; sorts them). */
double        cl_test_percentile      (GArray       *values,
                                       double        p);

/* One HTTP request from the test itself, not through a desk: the
 * bearer @token and a @body of @content_type if given.  Returns the
 * answer's body and sets @status; @headers (if not NULL) gets a
 * reference to the answer's headers. */
GBytes       *cl_test_http            (const char          *method,
                                       const char          *url,
                                       const char          *token,
                                       const char          *content_type,
                                       GBytes              *body,
                                       guint               *status,
                                       SoupMessageHeaders **headers);

G_END_DECLS
