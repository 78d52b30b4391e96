#define G_LOG_DOMAIN "cl-event-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-event-store.h"
#include "cl-schedule.h"
#include "cl-store-events.h"
#include "cl-store-save.h"
#include "cl-tables.h"
#include "cl-util.h"

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static void
merge (GHashTable *errors,
       GHashTable *own)
{
  GHashTableIter iter;
  gpointer column, message;

  g_hash_table_iter_init (&iter, own);
  while (g_hash_table_iter_next (&iter, &column, &message))
    refuse (errors, column, message);
}

void
cl_event_store_count (GPtrArray *registrations,
                      guint     *registered,
                      guint     *waiting)
{
  guint r = 0, w = 0;

  for (guint i = 0; registrations && i < registrations->len; i++)
    {
      CLEventRegistration *one = g_ptr_array_index (registrations, i);

      r += cl_event_registration_is_registered (one);
      w += cl_event_registration_is_waitlisted (one);
    }
  if (registered)
    *registered = r;
  if (waiting)
    *waiting = w;
}

void
cl_event_store_validate_event (CLStore       *store,
                               CLHealthEvent *event,
                               GHashTable    *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(GPtrArray) registrations = NULL;
  guint registered;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_HEALTH_EVENT (event));

  own = cl_health_event_validate (event);
  merge (errors, own);
  if (g_hash_table_contains (errors, "capacity"))
    return;
  registrations = cl_store_event_registrations (store, cl_record_get_id (CL_RECORD (event)));
  cl_event_store_count (registrations, &registered, NULL);
  if ((guint) cl_health_event_get_capacity (event) < registered)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u patient is already registered; the capacity cannot be less",
                                      "%u patients are already registered; the capacity cannot be less",
                                      registered), registered);

      refuse (errors, "capacity", message);
    }
}

/* Gives free places to the first waiters of @event_id, inside the
 * open transaction; each promoted registration is added to @promoted
 * (may be NULL). */
static gboolean
promote_waiters (CLStore    *store,
                 const char *event_id,
                 gint        capacity,
                 GPtrArray  *promoted,
                 GError    **error)
{
  g_autoptr(GPtrArray) registrations = cl_store_event_registrations (store, event_id);
  guint registered;

  cl_event_store_count (registrations, &registered, NULL);
  for (guint i = 0; i < registrations->len && registered < (guint) capacity; i++)
    {
      CLEventRegistration *one = g_ptr_array_index (registrations, i);

      if (!cl_event_registration_is_waitlisted (one))
        continue;
      cl_event_registration_set_state (one, CL_REGISTRATION_REGISTERED);
      if (!cl_store_write_record (store, CL_RECORD (one), CL_WRITE_DEFAULT, error))
        return FALSE;
      registered++;
      if (promoted)
        g_ptr_array_add (promoted, g_object_ref (one));
    }
  return TRUE;
}

gboolean
cl_event_store_save_event (CLStore        *store,
                           CLHealthEvent  *event,
                           const char     *role,
                           GHashTable    **field_errors,
                           GError        **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLHealthEvent) copy = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (event), FALSE);

  if (cl_store_refuse_role (role, "health_event", error))
    return FALSE;
  cl_event_store_validate_event (store, event, errors);
  if (!cl_store_accept_errors (errors, field_errors, error))
    return FALSE;

  copy = CL_HEALTH_EVENT (cl_record_dup (CL_RECORD (event)));
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!cl_store_write_record (store, CL_RECORD (copy), CL_WRITE_DEFAULT, error) ||
      (cl_tables_can_write (role, "event_registration") &&
       !promote_waiters (store, cl_record_get_id (CL_RECORD (copy)),
                         cl_health_event_get_capacity (copy), NULL, error)) ||
      !cl_store_commit (store, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  cl_record_assign (CL_RECORD (event), CL_RECORD (copy));
  return TRUE;
}

void
cl_event_store_validate_registration (CLStore             *store,
                                      CLEventRegistration *registration,
                                      GHashTable          *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLHealthEvent) event = NULL;
  g_autoptr(CLEventRegistration) stored = NULL;
  g_autoptr(GPtrArray) others = NULL;
  const char *id = cl_record_get_id (CL_RECORD (registration));
  gboolean taking_place;
  guint registered = 0;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_EVENT_REGISTRATION (registration));

  own = cl_event_registration_validate (registration);
  merge (errors, own);
  if (g_hash_table_contains (errors, "event_id") || g_hash_table_contains (errors, "state"))
    return;

  event = CL_HEALTH_EVENT (cl_store_load_record (store, CL_TYPE_HEALTH_EVENT,
                                                 cl_event_registration_get_event_id (registration), NULL));
  if (event == NULL || cl_record_get_deleted (CL_RECORD (event)))
    {
      refuse (errors, "event_id", _("There is no such event"));
      return;
    }
  stored = CL_EVENT_REGISTRATION (cl_store_load_record (store, CL_TYPE_EVENT_REGISTRATION, id, NULL));
  if (stored == NULL)
    {
      GDate today;
      g_autofree char *today_iso = NULL;

      cl_date_today (&today);
      today_iso = cl_date_to_iso (&today);
      if (g_strcmp0 (cl_health_event_get_date (event), today_iso) < 0)
        refuse (errors, "event_id", _("This event is over; she can no longer register"));
    }

  others = cl_store_event_registrations (store, cl_record_get_id (CL_RECORD (event)));
  for (guint i = 0; i < others->len; i++)
    {
      CLEventRegistration *other = g_ptr_array_index (others, i);

      if (g_strcmp0 (cl_record_get_id (CL_RECORD (other)), id) == 0)
        continue;
      if (cl_event_registration_is_live (registration) && cl_event_registration_is_live (other) &&
          g_strcmp0 (cl_event_registration_get_patient_id (other),
                     cl_event_registration_get_patient_id (registration)) == 0)
        refuse (errors, "patient_id", _("She is already registered for this event"));
      registered += cl_event_registration_is_registered (other);
    }

  /* A place is checked when it is taken, not each time its
   * attendance is recorded. */
  taking_place = cl_event_registration_is_registered (registration) &&
                 (stored == NULL || !cl_event_registration_is_registered (stored));
  if (!taking_place)
    return;
  if (registered >= (guint) cl_health_event_get_capacity (event))
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The event is full (%d place); she can join the waiting list",
                                      "The event is full (%d places); she can join the waiting list",
                                      cl_health_event_get_capacity (event)),
                         cl_health_event_get_capacity (event));

      refuse (errors, "state", message);
      return;
    }
  for (guint i = 0; i < others->len; i++)
    {
      CLEventRegistration *other = g_ptr_array_index (others, i);

      if (g_strcmp0 (cl_record_get_id (CL_RECORD (other)), id) != 0 &&
          cl_event_registration_is_waitlisted (other) &&
          cl_event_registration_compare (&other, &registration) < 0)
        {
          refuse (errors, "state", _("Others are waiting; the first on the waiting list takes a free place"));
          return;
        }
    }
}

gboolean
cl_event_store_save_registration (CLStore              *store,
                                  CLEventRegistration  *registration,
                                  const char           *role,
                                  GHashTable          **field_errors,
                                  GError              **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLRecord) copy = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (registration), FALSE);

  if (cl_store_refuse_role (role, "event_registration", error))
    return FALSE;
  /* Judged and written in one transaction: no other writer of this
   * store takes the place in between. */
  if (!cl_store_begin (store, error))
    return FALSE;
  cl_event_store_validate_registration (store, registration, errors);
  if (!cl_store_accept_errors (errors, field_errors, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  copy = cl_record_dup (CL_RECORD (registration));
  if (!cl_store_write_record (store, copy, CL_WRITE_DEFAULT, error) ||
      !cl_store_commit (store, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  cl_record_assign (CL_RECORD (registration), copy);
  return TRUE;
}

CLEventRegistration *
cl_event_store_register (CLStore     *store,
                         const char  *event_id,
                         const char  *patient_id,
                         const char  *role,
                         GError     **error)
{
  g_autoptr(CLEventRegistration) registration = cl_event_registration_new ();
  g_autoptr(CLHealthEvent) event = NULL;
  g_autoptr(GPtrArray) registrations = NULL;
  guint registered = 0, waiting = 0;
  gint64 at = cl_schedule_now ();

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  event = CL_HEALTH_EVENT (cl_store_load_record (store, CL_TYPE_HEALTH_EVENT, event_id, NULL));
  if (event)
    {
      registrations = cl_store_event_registrations (store, event_id);
      cl_event_store_count (registrations, &registered, &waiting);
      /* The line is by registered_at, in seconds: two registered at
       * this desk within a second keep the order they came in. */
      for (guint i = 0; i < registrations->len; i++)
        at = MAX (at, cl_event_registration_get_registered_at (g_ptr_array_index (registrations, i)) + 1);
    }
  cl_event_registration_set_event_id (registration, event_id);
  cl_event_registration_set_patient_id (registration, patient_id);
  cl_event_registration_set_registered_by (registration, cl_store_get_actor (store));
  cl_event_registration_set_registered_at (registration, at);
  cl_event_registration_set_state (registration,
                                   event && waiting == 0 &&
                                   registered < (guint) cl_health_event_get_capacity (event)
                                   ? CL_REGISTRATION_REGISTERED : CL_REGISTRATION_WAITLISTED);
  if (!cl_event_store_save_registration (store, registration, role, NULL, error))
    return NULL;
  return g_steal_pointer (&registration);
}

gboolean
cl_event_store_cancel (CLStore              *store,
                       CLEventRegistration  *registration,
                       const char           *role,
                       CLEventRegistration **promoted,
                       GError              **error)
{
  g_autoptr(CLEventRegistration) copy = NULL;
  g_autoptr(CLHealthEvent) event = NULL;
  g_autoptr(GPtrArray) in = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (registration), FALSE);

  if (promoted)
    *promoted = NULL;
  if (cl_store_refuse_role (role, "event_registration", error))
    return FALSE;
  copy = CL_EVENT_REGISTRATION (cl_record_dup (CL_RECORD (registration)));
  cl_event_registration_set_state (copy, CL_REGISTRATION_CANCELLED);
  cl_event_registration_set_attended (copy, FALSE);

  if (!cl_store_begin (store, error))
    return FALSE;
  cl_event_store_validate_registration (store, copy, errors);
  if (!cl_store_accept_errors (errors, NULL, error))
    goto fail;
  event = CL_HEALTH_EVENT (cl_store_load_record (store, CL_TYPE_HEALTH_EVENT,
                                                 cl_event_registration_get_event_id (copy), NULL));
  if (!cl_store_write_record (store, CL_RECORD (copy), CL_WRITE_DEFAULT, error) ||
      !promote_waiters (store, cl_event_registration_get_event_id (copy),
                        cl_health_event_get_capacity (event), in, error) ||
      !cl_store_commit (store, error))
    goto fail;
  cl_record_assign (CL_RECORD (registration), CL_RECORD (copy));
  if (promoted && in->len > 0)
    *promoted = g_object_ref (g_ptr_array_index (in, 0));
  return TRUE;

fail:
  cl_store_rollback (store);
  return FALSE;
}

gboolean
cl_event_store_set_attended (CLStore             *store,
                             CLEventRegistration *registration,
                             gboolean             attended,
                             const char          *role,
                             GError             **error)
{
  g_autoptr(CLEventRegistration) copy = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_EVENT_REGISTRATION (registration), FALSE);

  copy = CL_EVENT_REGISTRATION (cl_record_dup (CL_RECORD (registration)));
  cl_event_registration_set_attended (copy, attended);
  if (!cl_event_store_save_registration (store, copy, role, NULL, error))
    return FALSE;
  cl_record_assign (CL_RECORD (registration), CL_RECORD (copy));
  return TRUE;
}
