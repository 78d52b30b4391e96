/* cl-schedule-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-package-usage.h"
#include "cl-patient.h"
#include "cl-schedule-private.h"
#include "cl-staff.h"
#include "cl-store-patients.h"
#include "cl-store-schedule.h"
#include "cl-store-staff.h"
#include "cl-util.h"

/* The rules that need the store: overlaps, the patient, the escort, a
 * task or booking as a whole, and the server's hook. */

CLEscortTask *
cl_schedule_find_task_overlap (CLStore     *store,
                               const char  *escort_id,
                               gint64       start_at,
                               gint64       end_at,
                               const char  *except_id,
                               GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (cl_str_empty (escort_id))
    return NULL;
  return cl_store_schedule_task_overlap (store, escort_id, start_at, end_at, except_id);
}

CLVipBooking *
cl_schedule_find_booking_overlap (CLStore     *store,
                                  const char  *room_id,
                                  gint64       start_at,
                                  gint64       end_at,
                                  const char  *except_id,
                                  GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (cl_str_empty (room_id))
    return NULL;
  return cl_store_schedule_booking_overlap (store, room_id, start_at, end_at, except_id);
}

static gboolean
check_patient (CLStore     *store,
               const char  *patient_id,
               GError     **error)
{
  g_autoptr(CLRecord) patient = NULL;

  if (!cl_str_empty (patient_id))
    patient = cl_store_load_record (store, CL_TYPE_PATIENT, patient_id, NULL);
  if (patient == NULL)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_PATIENT,
                           _("Choose the patient"));
      return FALSE;
    }
  if (cl_record_get_deleted (patient))
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_PATIENT,
                   _("%s has been removed from the roster"),
                   cl_patient_get_name (CL_PATIENT (patient)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_escort (CLStore     *store,
              const char  *escort_id,
              GError     **error)
{
  g_autoptr(CLStaff) staff = NULL;

  staff = (CLStaff *) cl_store_load_record (store, CL_TYPE_STAFF, escort_id, NULL);
  if (staff == NULL || cl_record_get_deleted (CL_RECORD (staff)))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ESCORT,
                           _("The escort is not a member of staff"));
      return FALSE;
    }
  if (!cl_staff_has_role (staff, CL_ROLE_ESCORT))
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ESCORT,
                   _("%s does not have the escort role"),
                   cl_staff_get_display_name (staff));
      return FALSE;
    }
  if (!cl_staff_get_active (staff))
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ESCORT,
                   _("%s no longer works as an escort"),
                   cl_staff_get_display_name (staff));
      return FALSE;
    }
  return TRUE;
}

static void
set_overlap_error (GError      **error,
                   gint64        start_at,
                   gint64        end_at,
                   const char   *format)
{
  g_autofree char *when = cl_schedule_format_interval (start_at, end_at);

  g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVERLAP, format, when);
}

/* A new or restored booking of hers past her package's allowance
 * needs a reason (cl_package_usage_booking_over()). */
static gboolean
check_allowance (CLStore     *store,
                 CLUsageKind  kind,
                 const char  *patient_id,
                 CLRecord    *record,
                 const char  *over_reason,
                 GError     **error)
{
  g_autofree char *over = NULL;

  if (!cl_str_empty (over_reason))
    return TRUE;
  over = cl_package_usage_booking_over (store, kind, patient_id, cl_record_get_id (record));
  if (over == NULL)
    return TRUE;
  g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVER_ALLOWANCE, over);
  return FALSE;
}

gboolean
cl_schedule_check_task (CLStore               *store,
                        CLEscortTask          *task,
                        CLEscortTask          *stored,
                        gint64                 now,
                        ClScheduleCheckFlags   flags,
                        CLEscortTask         **conflict,
                        GError               **error)
{
  gboolean desk = !(flags & CL_SCHEDULE_CHECK_SERVER);
  const char *escort_id = cl_escort_task_get_escort_id (task);
  gint64 start_at = cl_escort_task_get_start_at (task);
  gint64 end_at = cl_escort_task_get_end_at (task);
  const char *status = cl_escort_task_get_status (task);
  gboolean retimed, reassigned, moved, restored;
  g_autoptr(CLEscortTask) other = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_ESCORT_TASK (task), FALSE);

  if (cl_str_empty (escort_id))
    escort_id = NULL;
  retimed = stored == NULL ||
            cl_escort_task_get_start_at (stored) != start_at ||
            cl_escort_task_get_end_at (stored) != end_at;
  reassigned = stored == NULL ||
               g_strcmp0 (cl_escort_task_get_escort_id (stored), escort_id) != 0;
  /* A tombstone brought back counts as new. */
  moved = retimed || reassigned || cl_record_get_deleted (CL_RECORD (stored));

  /* A tombstone takes nothing from anyone. */
  if (cl_record_get_deleted (CL_RECORD (task)))
    return TRUE;

  if ((stored == NULL ||
       g_strcmp0 (cl_escort_task_get_patient_id (stored), cl_escort_task_get_patient_id (task)) != 0) &&
      !check_patient (store, cl_escort_task_get_patient_id (task), error))
    return FALSE;

  if ((stored == NULL ||
       g_strcmp0 (cl_escort_task_get_kind (stored), cl_escort_task_get_kind (task)) != 0) &&
      !g_strv_contains (cl_escort_task_kinds (), cl_escort_task_get_kind (task) ? cl_escort_task_get_kind (task) : ""))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_KIND,
                           _("Choose what kind of escort this is"));
      return FALSE;
    }

  /* On the server too: a person deactivated at one desk takes no new
   * task from another that has not heard of it yet. */
  if (escort_id && reassigned && !check_escort (store, escort_id, error))
    return FALSE;

  if (!cl_schedule_check_interval (start_at, end_at, error) ||
      !cl_schedule_check_task_status (stored ? cl_escort_task_get_status (stored) : NULL,
                                      status, error))
    return FALSE;

  if (stored && moved &&
      g_strcmp0 (cl_escort_task_get_status (stored), CL_ESCORT_STATUS_PLANNED) != 0)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_LOCKED,
                           _("Only a planned task can be moved or given to another escort"));
      return FALSE;
    }

  if ((desk ? retimed : stored == NULL) && !cl_schedule_check_not_past (start_at, now, error))
    return FALSE;

  /* The escort's own working hours, at the desk and on the server, in
   * the local time, which is the hospital's (README, "Staff"). */
  if (moved)
    {
      GDate day;
      gint opens, closes;

      cl_schedule_day_of (start_at, &day);
      cl_schedule_escort_hours (store, escort_id, &day, &opens, &closes);
      if (opens == closes)
        {
          g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS,
                               _("The escort does not work on that day"));
          return FALSE;
        }
      if (!cl_schedule_check_hours (start_at, end_at, opens, closes, FALSE, error))
        return FALSE;
    }

  if (g_strcmp0 (status, CL_ESCORT_STATUS_DONE) == 0 &&
      (stored == NULL || g_strcmp0 (cl_escort_task_get_status (stored), CL_ESCORT_STATUS_DONE) != 0) &&
      cl_escort_task_ends_with_hand_over (task) &&
      (cl_str_empty (cl_escort_task_get_handover_ward (task)) ||
       cl_str_empty (cl_escort_task_get_handover_to (task))))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_HANDOVER,
                           _("Record the ward and who received her there before marking the transfer done"));
      return FALSE;
    }

  /* Only a new, moved or restored task can make an overlap: another
   * status change cannot, and must not fail on another desk's task
   * that this desk's own is about to lose to. */
  restored = stored && !cl_escort_task_is_live (stored) && cl_escort_task_is_live (task);
  if (escort_id && (moved || restored) && cl_escort_task_is_live (task))
    {
      other = cl_schedule_find_task_overlap (store, escort_id, start_at, end_at,
                                             cl_record_get_id (CL_RECORD (task)), NULL);
      if (other)
        {
          set_overlap_error (error, cl_escort_task_get_start_at (other),
                             cl_escort_task_get_end_at (other),
                             restored && !moved
                               ? _("The task cannot be restored: since it was cancelled, the escort has been given another task at %s")
                               : _("The escort already has a task at %s"));
          if (conflict)
            *conflict = g_steal_pointer (&other);
          return FALSE;
        }
    }

  /* Last: the other rules say what to fix before a reason is asked.
   * Only a task of her package counts, and only while she has one
   * (cl_package_usage_booking_over()): the desk's wheelchair for a
   * woman who walked in asks for nothing. */
  if ((stored == NULL || cl_record_get_deleted (CL_RECORD (stored)) || restored) &&
      cl_escort_task_is_live (task) &&
      cl_escort_task_kind_is_package (cl_escort_task_get_kind (task)) &&
      !check_allowance (store, CL_USAGE_ESCORT, cl_escort_task_get_patient_id (task), CL_RECORD (task),
                        cl_escort_task_get_over_reason (task), error))
    return FALSE;

  return TRUE;
}

gboolean
cl_schedule_check_booking (CLStore               *store,
                           CLVipBooking          *booking,
                           CLVipBooking          *stored,
                           gint64                 now,
                           ClScheduleCheckFlags   flags,
                           CLVipBooking         **conflict,
                           GError               **error)
{
  gboolean desk = !(flags & CL_SCHEDULE_CHECK_SERVER);
  const char *room_id = cl_vip_booking_get_room_id (booking);
  gint64 start_at = cl_vip_booking_get_start_at (booking);
  gint64 end_at = cl_vip_booking_get_end_at (booking);
  g_autoptr(CLVipRoom) room = NULL;
  g_autoptr(CLVipBooking) other = NULL;
  gboolean retimed, roomed, restored;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_VIP_BOOKING (booking), FALSE);

  if (cl_record_get_deleted (CL_RECORD (booking)))
    return TRUE;

  retimed = stored == NULL ||
            cl_vip_booking_get_start_at (stored) != start_at ||
            cl_vip_booking_get_end_at (stored) != end_at;
  roomed = stored == NULL || cl_record_get_deleted (CL_RECORD (stored)) ||
           g_strcmp0 (cl_vip_booking_get_room_id (stored), room_id) != 0;

  if ((stored == NULL ||
       g_strcmp0 (cl_vip_booking_get_patient_id (stored), cl_vip_booking_get_patient_id (booking)) != 0) &&
      !check_patient (store, cl_vip_booking_get_patient_id (booking), error))
    return FALSE;

  if (!cl_str_empty (room_id))
    room = (CLVipRoom *) cl_store_load_record (store, CL_TYPE_VIP_ROOM, room_id, NULL);
  if (room == NULL || cl_record_get_deleted (CL_RECORD (room)))
    {
      /* A booking of a room removed since can still be cancelled:
       * the overlap rule needs only its id. */
      if (cl_str_empty (room_id) || retimed || roomed)
        {
          g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ROOM,
                               _("Choose the room"));
          return FALSE;
        }
      g_clear_object (&room);
    }
  if (roomed && !cl_vip_room_get_active (room))
    {
      g_set_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ROOM,
                   _("%s is closed for bookings"), cl_vip_room_get_name (room));
      return FALSE;
    }

  if ((stored == NULL ||
       g_strcmp0 (cl_vip_booking_get_purpose (stored), cl_vip_booking_get_purpose (booking)) != 0) &&
      !g_strv_contains (cl_vip_booking_purposes (),
                        cl_vip_booking_get_purpose (booking) ? cl_vip_booking_get_purpose (booking) : ""))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_PURPOSE,
                           _("Choose the purpose of the booking"));
      return FALSE;
    }

  if (!cl_schedule_check_interval (start_at, end_at, error) ||
      !cl_schedule_check_booking_status (stored ? cl_vip_booking_get_status (stored) : NULL,
                                         cl_vip_booking_get_status (booking), error))
    return FALSE;

  /* On the server too, where "now" is later than the desk's: a
   * check-in made on the day is still on or after it. */
  if (stored && g_strcmp0 (cl_vip_booking_get_status (stored), CL_VIP_STATUS_BOOKED) == 0 &&
      g_strcmp0 (cl_vip_booking_get_status (booking), CL_VIP_STATUS_CHECKED_IN) == 0 &&
      !cl_schedule_check_check_in (start_at, now, error))
    return FALSE;

  if (stored && (retimed || roomed) &&
      g_strcmp0 (cl_vip_booking_get_status (stored), CL_VIP_STATUS_BOOKED) != 0)
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_LOCKED,
                           _("Only a booking that is not checked in yet can be moved"));
      return FALSE;
    }

  if ((desk ? retimed : stored == NULL) && !cl_schedule_check_not_past (start_at, now, error))
    return FALSE;

  if ((retimed || roomed) &&
      (!cl_schedule_check_hours (start_at, end_at, cl_vip_room_get_opens (room),
                                 cl_vip_room_get_closes (room), TRUE, error) ||
       !cl_schedule_check_slots (start_at, end_at, cl_vip_room_get_opens (room),
                                 cl_vip_room_get_slot_minutes (room), error)))
    return FALSE;

  restored = stored && !cl_vip_booking_is_live (stored) && cl_vip_booking_is_live (booking);
  if ((retimed || roomed || restored) && cl_vip_booking_is_live (booking))
    {
      other = cl_schedule_find_booking_overlap (store, room_id, start_at, end_at,
                                                cl_record_get_id (CL_RECORD (booking)), NULL);
      if (other)
        {
          set_overlap_error (error, cl_vip_booking_get_start_at (other),
                             cl_vip_booking_get_end_at (other),
                             restored && !retimed && !roomed
                               ? _("The booking cannot be restored: since it was cancelled, the room has been booked at %s")
                               : _("The room is already booked at %s"));
          if (conflict)
            *conflict = g_steal_pointer (&other);
          return FALSE;
        }
    }

  if ((stored == NULL || cl_record_get_deleted (CL_RECORD (stored)) || restored) &&
      cl_vip_booking_is_live (booking) &&
      !check_allowance (store, CL_USAGE_VIP_ROOM, cl_vip_booking_get_patient_id (booking), CL_RECORD (booking),
                        cl_vip_booking_get_over_reason (booking), error))
    return FALSE;

  return TRUE;
}

static gboolean
is_sync_or_own_column (const char *column)
{
  static const char * const allowed[] = {
    "id", "rev", "updated_at", "updated_by", "deleted",
    "status", "handover_ward", "handover_to", "handover_at", "note", NULL
  };

  return g_strv_contains (allowed, column);
}

gboolean
cl_schedule_check_escort_edit (CLEscortTask  *task,
                               CLEscortTask  *stored,
                               const char    *escort_id,
                               GError       **error)
{
  const char * const *columns;

  g_return_val_if_fail (CL_IS_ESCORT_TASK (task), FALSE);

  if (stored == NULL || cl_str_empty (escort_id) ||
      g_strcmp0 (cl_escort_task_get_escort_id (stored), escort_id) != 0 ||
      cl_record_get_deleted (CL_RECORD (task)))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN,
                           _("An escort can only update the status of their own tasks"));
      return FALSE;
    }

  columns = cl_record_type_get_columns (CL_TYPE_ESCORT_TASK);
  for (guint i = 0; columns[i]; i++)
    {
      g_autofree char *name = NULL;
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      GParamSpec *pspec;

      if (is_sync_or_own_column (columns[i]))
        continue;
      name = g_strdelimit (g_strdup (columns[i]), "_", '-');
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (task), name);
      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (G_OBJECT (task), name, &a);
      g_object_get_property (G_OBJECT (stored), name, &b);
      if (g_param_values_cmp (pspec, &a, &b) != 0)
        {
          g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN,
                               _("An escort can only update the status of their own tasks"));
          return FALSE;
        }
    }
  return TRUE;
}

char *
cl_schedule_staff_id_of (CLStore    *store,
                         const char *username)
{
  return cl_store_staff_find_username (store, username);
}

gboolean
cl_schedule_check_change (CLStore      *store,
                          CLRecord     *incoming,
                          CLRecord     *current,
                          const char   *username,
                          const char   *role,
                          CLRecord    **conflict,
                          GError      **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_RECORD (incoming), FALSE);

  if (CL_IS_ESCORT_TASK (incoming))
    {
      g_autofree char *me = NULL;

      /* A record that is not valid is refused as such whoever sent it;
       * then an escort's limits. */
      if (!cl_schedule_check_task (store, CL_ESCORT_TASK (incoming),
                                   current ? CL_ESCORT_TASK (current) : NULL,
                                   cl_schedule_now (), CL_SCHEDULE_CHECK_SERVER,
                                   (CLEscortTask **) conflict, error))
        return FALSE;
      if (g_strcmp0 (role, CL_ROLE_ESCORT) != 0)
        return TRUE;
      me = cl_schedule_staff_id_of (store, username);
      return cl_schedule_check_escort_edit (CL_ESCORT_TASK (incoming),
                                            current ? CL_ESCORT_TASK (current) : NULL,
                                            me, error);
    }
  if (CL_IS_VIP_BOOKING (incoming))
    return cl_schedule_check_booking (store, CL_VIP_BOOKING (incoming),
                                      current ? CL_VIP_BOOKING (current) : NULL,
                                      cl_schedule_now (), CL_SCHEDULE_CHECK_SERVER,
                                      (CLVipBooking **) conflict, error);
  return TRUE;
}

static GPtrArray *
patient_ids_of (GListModel *items)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *patient_id = NULL;

      g_object_get (item, "patient-id", &patient_id, NULL);
      if (patient_id)
        g_ptr_array_add (ids, g_steal_pointer (&patient_id));
    }
  g_ptr_array_add (ids, NULL);
  return ids;
}

GHashTable *
cl_schedule_patient_flags (CLStore     *store,
                           GListModel  *items,
                           const GDate *on)
{
  g_autoptr(GPtrArray) ids = patient_ids_of (items);
  g_autoptr(GHashTable) stored = cl_store_patients_priority (store, (const char * const *) ids->pdata);
  GHashTable *flags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer id, pair;

  g_hash_table_iter_init (&iter, stored);
  while (g_hash_table_iter_next (&iter, &id, &pair))
    {
      char **fields = pair;
      char *effective = cl_patient_effective_flags (fields[0], fields[1], on);

      if (*effective)
        g_hash_table_insert (flags, g_strdup (id), effective);
      else
        g_free (effective);
    }
  return flags;
}

static int
compare_flagged_first (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GHashTable *flags = user_data;
  CLEscortTask *x = (CLEscortTask *) a, *y = (CLEscortTask *) b;
  const char *px = cl_escort_task_get_patient_id (x), *py = cl_escort_task_get_patient_id (y);
  gboolean fx = px && g_hash_table_contains (flags, px);
  gboolean fy = py && g_hash_table_contains (flags, py);
  gint64 sx = cl_escort_task_get_start_at (x), sy = cl_escort_task_get_start_at (y);

  if (fx != fy)
    return fx ? -1 : 1;
  if (sx != sy)
    return sx < sy ? -1 : 1;
  return g_strcmp0 (cl_record_get_id (CL_RECORD (x)), cl_record_get_id (CL_RECORD (y)));
}

void
cl_schedule_sort_flagged_first (GListStore *tasks,
                                GHashTable *flags)
{
  g_return_if_fail (G_IS_LIST_STORE (tasks));
  g_return_if_fail (flags != NULL);

  g_list_store_sort (tasks, compare_flagged_first, flags);
}

GHashTable *
cl_schedule_patient_names (CLStore    *store,
                           GListModel *items)
{
  g_autoptr(GPtrArray) ids = patient_ids_of (items);

  /* Only the names, not whole patient records. */
  return cl_store_patients_names (store, (const char * const *) ids->pdata);
}
