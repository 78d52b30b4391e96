#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-test-desk.h"
#include "cl-test-store.h"
#include "cl-vip-room.h"
#include "cl-vip-store.h"

/* How long a wait on the main loop may take before the test fails. */
static gint64 wait_limit_us = 30 * G_USEC_PER_SEC;

void
cl_test_set_wait_limit (guint seconds)
{
  wait_limit_us = (gint64) seconds * G_USEC_PER_SEC;
}

CLStore *
cl_test_desk_open_store (const char *dir,
                         const char *name)
{
  g_autofree char *folder = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return cl_test_store_open (folder);
}

void
cl_test_got_result_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

GAsyncResult *
cl_test_wait_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + wait_limit_us;

  while (*slot == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out");
      g_main_context_iteration (NULL, TRUE);
    }
  return *slot;
}

void
cl_test_desk_login_client (CLSyncClient *client,
                           const char   *url,
                           const char   *user,
                           const char   *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cl_sync_client_set_server_url (client, url);
  cl_sync_client_login_async (client, user, password, NULL, cl_test_got_result_cb, &result);
  cl_sync_client_login_finish (client, cl_test_wait_result (&result), &error);
  g_assert_no_error (error);
}

CLSyncClient *
cl_test_desk_login (CLStore    *store,
                    const char *url,
                    const char *user,
                    const char *password)
{
  CLSyncClient *client = cl_sync_client_new (store);

  cl_test_desk_login_client (client, url, user, password);
  return client;
}

static void
rejected_cb (CLSyncClient     *client,
             const char       *table,
             const char       *record_id,
             const char       *reason,
             const char       *message,
             CLTestRejections *into)
{
  into->n++;
  g_free (into->record_id);
  into->record_id = g_strdup (record_id);
  g_free (into->reason);
  into->reason = g_strdup (reason);
  g_free (into->message);
  into->message = g_strdup (message);
  g_test_message ("rejected %s %s: %s (%s)", table, record_id, reason, message);
}

void
cl_test_desk_watch_rejections (CLSyncClient     *client,
                               CLTestRejections *into)
{
  g_signal_connect (client, "rejected", G_CALLBACK (rejected_cb), into);
}

void
cl_test_rejections_clear (CLTestRejections *rejections)
{
  g_clear_pointer (&rejections->record_id, g_free);
  g_clear_pointer (&rejections->reason, g_free);
  g_clear_pointer (&rejections->message, g_free);
}

GAsyncResult **
cl_test_desk_sync_start (CLSyncClient *client)
{
  GAsyncResult **slot = g_new0 (GAsyncResult *, 1);

  cl_sync_client_sync_async (client, NULL, cl_test_got_result_cb, slot);
  return slot;
}

void
cl_test_desk_sync_wait (CLSyncClient  *client,
                        GAsyncResult **slot)
{
  g_autoptr(GError) error = NULL;

  cl_test_desk_sync_finish (client, slot, &error);
  g_assert_no_error (error);
}

gboolean
cl_test_desk_sync_finish (CLSyncClient  *client,
                          GAsyncResult **slot,
                          GError       **error)
{
  gboolean ok = cl_sync_client_sync_finish (client, cl_test_wait_result (slot), error);

  g_object_unref (*slot);
  g_free (slot);
  return ok;
}

void
cl_test_desk_sync (CLSyncClient *client)
{
  cl_test_desk_sync_wait (client, cl_test_desk_sync_start (client));
}

void
cl_test_wait_flag (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + wait_limit_us;

  while (!*flag)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out");
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
cl_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  cl_test_wait_flag (&done);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
cl_test_percentile (GArray *values,
                    double  p)
{
  g_assert_cmpuint (values->len, >, 0);
  g_array_sort (values, compare_double);
  return g_array_index (values, double, (guint) (p * (values->len - 1) + 0.5));
}

gint64
cl_test_nov_2026 (guint day,
                  guint hour,
                  guint minute)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, G_DATE_NOVEMBER, 2026);
  return cl_schedule_at (&d, hour * 60 + minute);
}

char *
cl_test_save (CLStore  *store,
              gpointer  record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_store_save_record (store, CL_RECORD (record), &error));
  g_assert_no_error (error);
  return g_strdup (cl_record_get_id (CL_RECORD (record)));
}

char *
cl_test_add_staff (CLStore    *store,
                   const char *username,
                   const char *name,
                   const char *role)
{
  g_autoptr(CLStaff) staff = cl_staff_new (username, name, role);

  return cl_test_save (store, staff);
}

char *
cl_test_add_room (CLStore    *store,
                  const char *name,
                  const char *location)
{
  g_autoptr(CLVipRoom) room = cl_vip_room_new ();

  cl_vip_room_set_name (room, name);
  cl_vip_room_set_location (room, location);
  return cl_test_save (store, room);
}

GBytes *
cl_test_http (const char          *method,
              const char          *url,
              const char          *token,
              const char          *content_type,
              GBytes              *body,
              guint               *status,
              SoupMessageHeaders **headers)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  GBytes *reply;

  g_assert_nonnull (msg);
  if (token)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (body)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  if (headers)
    *headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return reply;
}

CLVipBooking *
cl_test_book (CLStore    *store,
              const char *role,
              const char *room_id,
              const char *patient_id,
              gint64      start_at,
              gint64      end_at)
{
  CLVipBooking *booking = cl_test_new_booking (room_id, patient_id, start_at, end_at);
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_vip_store_save_booking (store, booking, role, &error));
  g_assert_no_error (error);
  return booking;
}
CLVipBooking *
cl_test_new_booking (const char *room,
                     const char *patient,
                     gint64      start_at,
                     gint64      end_at)
{
  CLVipBooking *booking = cl_vip_booking_new ();

  cl_vip_booking_set_room_id (booking, room);
  cl_vip_booking_set_patient_id (booking, patient);
  cl_vip_booking_set_purpose (booking, CL_VIP_PURPOSE_CONSULTATION);
  cl_vip_booking_set_start_at (booking, start_at);
  cl_vip_booking_set_end_at (booking, end_at);
  return booking;
}

CLEscortTask *
cl_test_new_task (const char *patient,
                  const char *escort,
                  gint64      start_at,
                  gint64      end_at)
{
  CLEscortTask *task = cl_escort_task_new ();

  cl_escort_task_set_patient_id (task, patient);
  cl_escort_task_set_kind (task, CL_ESCORT_KIND_EXAMINATION);
  cl_escort_task_set_place_from (task, "门诊大厅");
  cl_escort_task_set_place_to (task, "超声科");
  cl_escort_task_set_start_at (task, start_at);
  cl_escort_task_set_end_at (task, end_at);
  cl_escort_task_set_escort_id (task, escort);
  return task;
}
