#define G_LOG_DOMAIN "cl-appoint-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-appoint-store.h"
#include "cl-date.h"
#include "cl-department.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-store-appoint.h"
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
merge (GHashTable *into,
       GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    refuse (into, key, value);
}

static gboolean
blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return *copy == '\0';
}

/* ---- appointments ---------------------------------------------------- */

void
cl_appoint_store_validate_appointment (CLStore       *store,
                                       CLAppointment *appointment,
                                       GHashTable    *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLAppointment) stored = NULL;
  g_autoptr(CLDepartment) department = NULL;
  g_autoptr(CLPatient) patient = NULL;
  g_autoptr(GPtrArray) others = NULL;
  const char *id = cl_record_get_id (CL_RECORD (appointment));
  gboolean taking_place;
  guint used = 0;
  gint places;
  GDate day;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_APPOINTMENT (appointment));

  /* A tombstone holds no place and names nothing. */
  if (cl_record_get_deleted (CL_RECORD (appointment)))
    return;
  own = cl_appointment_validate (appointment);
  merge (errors, own);
  stored = CL_APPOINTMENT (cl_store_load_record (store, CL_TYPE_APPOINTMENT, id, NULL));
  cl_appointment_check_change (appointment, stored, cl_schedule_now (), errors);
  if (stored && cl_record_get_deleted (CL_RECORD (stored)))
    g_clear_object (&stored);

  patient = cl_store_load_live (store, CL_TYPE_PATIENT, cl_appointment_get_patient_id (appointment));
  if (patient == NULL && !g_hash_table_contains (errors, "patient_id"))
    refuse (errors, "patient_id", _("There is no such patient"));
  department = cl_store_load_live (store, CL_TYPE_DEPARTMENT, cl_appointment_get_department_id (appointment));
  if (!g_hash_table_contains (errors, "department_id") &&
      (department == NULL ||
       /* A closed department keeps its bookings; it takes no new ones. */
       (!cl_department_get_active (department) &&
        (stored == NULL || g_strcmp0 (cl_appointment_get_department_id (stored),
                                      cl_appointment_get_department_id (appointment)) != 0))))
    refuse (errors, "department_id", _("There is no such open department"));
  if (cl_appointment_is_referral (appointment) && !g_hash_table_contains (errors, "referral_id"))
    {
      g_autoptr(CLReferral) referral = cl_store_load_live (store, CL_TYPE_REFERRAL, cl_appointment_get_referral_id (appointment));

      if (referral == NULL ||
          g_strcmp0 (cl_referral_get_patient_id (referral), cl_appointment_get_patient_id (appointment)) != 0)
        refuse (errors, "referral_id", _("The booking names no referral of hers"));
    }
  if (g_hash_table_size (errors) > 0 || !cl_appointment_holds_place (appointment))
    return;

  others = cl_store_appointments_in_slot (store, cl_appointment_get_department_id (appointment),
                                          cl_appointment_get_date (appointment),
                                          cl_appointment_get_slot (appointment), id);
  for (guint i = 0; i < others->len; i++)
    {
      CLAppointment *other = g_ptr_array_index (others, i);

      if (g_strcmp0 (cl_appointment_get_patient_id (other), cl_appointment_get_patient_id (appointment)) == 0)
        {
          refuse (errors, "patient_id", _("She is already booked in this department at this time"));
          return;
        }
      used++;
    }

  /* A place is counted when it is taken (booked, or moved to another
   * slot), not each time its arrival is recorded. */
  taking_place = stored == NULL || !cl_appointment_holds_place (stored) ||
                 g_strcmp0 (cl_appointment_get_date (stored), cl_appointment_get_date (appointment)) != 0 ||
                 g_strcmp0 (cl_appointment_get_slot (stored), cl_appointment_get_slot (appointment)) != 0 ||
                 g_strcmp0 (cl_appointment_get_department_id (stored),
                            cl_appointment_get_department_id (appointment)) != 0;
  if (!taking_place)
    return;
  g_date_clear (&day, 1);
  cl_date_parse (cl_appointment_get_date (appointment), &day, NULL);
  places = cl_store_slot_places (store, cl_appointment_get_department_id (appointment),
                                 cl_appointment_get_slot (appointment), g_date_get_weekday (&day));
  /* The referral is its reason: referred patients are booked ahead of
   * others, so a full slot still takes them. */
  if (places < 0 || (gint) used < places || cl_appointment_is_referral (appointment) ||
      !blank (cl_appointment_get_overbook_reason (appointment)))
    return;
  {
    g_autofree char *message =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    /* TRANSLATORS: %s is the slot, "Morning" or "Afternoon" */
                                    "%s: the %d place is booked; give a reason to book over",
                                    "%s: all %d places are booked; give a reason to book over",
                                    places),
                       cl_appointment_slot_name (cl_appointment_get_slot (appointment)), places);

    refuse (errors, "overbook_reason", message);
  }
}

static gboolean
write_appointment (CLStore        *store,
                   CLAppointment  *appointment,
                   CLReferral     *referral,
                   GHashTable    **field_errors,
                   GError        **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLRecord) copy = NULL;
  g_autoptr(CLRecord) referral_copy = NULL;

  /* Judged and written in one transaction: no other writer of this
   * store takes the last place in between. */
  if (!cl_store_begin (store, error))
    return FALSE;
  cl_appoint_store_validate_appointment (store, appointment, errors);
  copy = cl_record_dup (CL_RECORD (appointment));
  if (!cl_store_accept_errors (errors, field_errors, error) ||
      !cl_store_write_record (store, copy, CL_WRITE_DEFAULT, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  if (referral)
    {
      referral_copy = cl_record_dup (CL_RECORD (referral));
      cl_referral_set_appointment_id (CL_REFERRAL (referral_copy), cl_record_get_id (copy));
      cl_appoint_store_validate_referral (store, CL_REFERRAL (referral_copy), errors);
      if (!cl_store_accept_errors (errors, field_errors, error) ||
          !cl_store_write_record (store, referral_copy, CL_WRITE_DEFAULT, error))
        {
          cl_store_rollback (store);
          return FALSE;
        }
    }
  if (!cl_store_commit (store, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  cl_record_assign (CL_RECORD (appointment), copy);
  if (referral)
    cl_record_assign (CL_RECORD (referral), referral_copy);
  return TRUE;
}

static void
stamp_new (CLStore       *store,
           CLAppointment *appointment,
           const char    *actor_id)
{
  g_autoptr(CLRecord) stored = cl_store_load_record (store, CL_TYPE_APPOINTMENT,
                                                     cl_record_get_id (CL_RECORD (appointment)), NULL);

  if (stored != NULL)
    return;
  cl_appointment_set_booked_at (appointment, cl_schedule_now ());
  cl_appointment_set_booked_by (appointment, actor_id);
}

gboolean
cl_appoint_store_save_appointment (CLStore        *store,
                                   CLAppointment  *appointment,
                                   const char     *role,
                                   const char     *actor_id,
                                   GHashTable    **field_errors,
                                   GError        **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_APPOINTMENT (appointment), FALSE);

  if (cl_store_refuse_role (role, "appointment", error))
    return FALSE;
  stamp_new (store, appointment, actor_id);
  return write_appointment (store, appointment, NULL, field_errors, error);
}

gboolean
cl_appoint_store_book_referral (CLStore        *store,
                                CLAppointment  *appointment,
                                CLReferral     *referral,
                                const char     *role,
                                const char     *actor_id,
                                GHashTable    **field_errors,
                                GError        **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_APPOINTMENT (appointment), FALSE);
  g_return_val_if_fail (CL_IS_REFERRAL (referral), FALSE);

  if (cl_store_refuse_role (role, "appointment", error) || cl_store_refuse_role (role, "referral", error))
    return FALSE;
  stamp_new (store, appointment, actor_id);
  cl_appointment_set_source (appointment, CL_APPOINTMENT_SOURCE_REFERRAL);
  cl_appointment_set_referral_id (appointment, cl_record_get_id (CL_RECORD (referral)));
  cl_appointment_set_patient_id (appointment, cl_referral_get_patient_id (referral));
  return write_appointment (store, appointment, referral, field_errors, error);
}

gboolean
cl_appoint_store_set_state (CLStore        *store,
                            CLAppointment  *appointment,
                            const char     *state,
                            const char     *reason,
                            const char     *role,
                            const char     *actor_id,
                            GHashTable    **field_errors,
                            GError        **error)
{
  g_autoptr(CLAppointment) copy = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_APPOINTMENT (appointment), FALSE);

  copy = CL_APPOINTMENT (cl_record_dup (CL_RECORD (appointment)));
  cl_appointment_set_state (copy, state);
  if (g_strcmp0 (state, CL_APPOINTMENT_CANCELLED) == 0)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));

      cl_appointment_set_cancel_reason (copy, *trimmed ? trimmed : NULL);
    }
  cl_appointment_set_state_at (copy, cl_schedule_now ());
  cl_appointment_set_state_by (copy, actor_id);
  if (!cl_appoint_store_save_appointment (store, copy, role, actor_id, field_errors, error))
    return FALSE;
  cl_record_assign (CL_RECORD (appointment), CL_RECORD (copy));
  return TRUE;
}

void
cl_appoint_store_slot_usage (CLStore    *store,
                             const char *department_id,
                             const char *date,
                             const char *slot,
                             guint      *used,
                             gint       *places)
{
  g_autoptr(GPtrArray) taken = NULL;
  GDate day;

  g_return_if_fail (CL_IS_STORE (store));

  taken = cl_store_appointments_in_slot (store, department_id, date, slot, NULL);
  if (used)
    *used = taken->len;
  g_date_clear (&day, 1);
  if (places)
    *places = cl_date_parse (date, &day, NULL)
              ? cl_store_slot_places (store, department_id, slot, g_date_get_weekday (&day))
              : -1;
}

void
cl_appointment_row_free (CLAppointmentRow *row)
{
  if (row == NULL)
    return;
  g_clear_object (&row->appointment);
  g_free (row->patient_name);
  g_free (row->flags);
  g_free (row);
}

static void
unref_nullable (gpointer object)
{
  if (object)
    g_object_unref (object);
}

/* Her name and flags, loaded once per patient (NULL kept for one that
 * is gone). */
static CLPatient *
patient_of (CLStore    *store,
            GHashTable *patients,
            const char *id)
{
  CLPatient *patient;

  if (id == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (patients, id, NULL, (gpointer *) &patient))
    return patient;
  patient = cl_store_load_live (store, CL_TYPE_PATIENT, id);
  g_hash_table_insert (patients, g_strdup (id), patient);
  return patient;
}

static gint
slot_rank (const char *slot)
{
  const char * const *slots = cl_appointment_slots ();

  for (guint i = 0; slots[i]; i++)
    if (g_strcmp0 (slot, slots[i]) == 0)
      return i;
  return G_MAXINT;
}

static gint
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const CLAppointmentRow *x = *(CLAppointmentRow * const *) a;
  const CLAppointmentRow *y = *(CLAppointmentRow * const *) b;
  gint rank_x = slot_rank (cl_appointment_get_slot (x->appointment));
  gint rank_y = slot_rank (cl_appointment_get_slot (y->appointment));
  gboolean live_x = cl_appointment_holds_place (x->appointment);
  gboolean live_y = cl_appointment_holds_place (y->appointment);
  gboolean referred_x = cl_appointment_is_referral (x->appointment);
  gboolean referred_y = cl_appointment_is_referral (y->appointment);
  gboolean flagged_x = *x->flags != '\0', flagged_y = *y->flags != '\0';
  gint64 at_x = cl_appointment_get_booked_at (x->appointment);
  gint64 at_y = cl_appointment_get_booked_at (y->appointment);

  if (rank_x != rank_y)
    return rank_x < rank_y ? -1 : 1;
  if (live_x != live_y)
    return live_x ? -1 : 1;
  if (referred_x != referred_y)
    return referred_x ? -1 : 1;
  if (flagged_x != flagged_y)
    return flagged_x ? -1 : 1;
  if (at_x != at_y)
    return at_x < at_y ? -1 : 1;
  return g_strcmp0 (cl_record_get_id (CL_RECORD (x->appointment)), cl_record_get_id (CL_RECORD (y->appointment)));
}

GPtrArray *
cl_appoint_store_day (CLStore     *store,
                      const char  *date,
                      const char  *department_id,
                      const GDate *today)
{
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(GHashTable) patients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          unref_nullable);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_appointment_row_free);

  GDate day;

  g_return_val_if_fail (CL_IS_STORE (store), rows);

  if (today == NULL)
    {
      cl_date_today (&day);
      today = &day;
    }
  appointments = cl_store_appointments_on (store, date, department_id);
  for (guint i = 0; i < appointments->len; i++)
    {
      CLAppointment *appointment = g_ptr_array_index (appointments, i);
      CLPatient *patient = patient_of (store, patients, cl_appointment_get_patient_id (appointment));
      CLAppointmentRow *row = g_new0 (CLAppointmentRow, 1);

      row->appointment = g_object_ref (appointment);
      row->patient_name = g_strdup (patient ? cl_patient_get_name (patient) : "");
      row->flags = patient ? cl_patient_effective_flags (cl_patient_get_priority (patient),
                                                         cl_patient_get_birth_date (patient), today)
                           : g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_rows);
  return rows;
}

/* ---- the administrator's settings ------------------------------------ */

void
cl_appoint_store_validate_capacity (CLStore        *store,
                                    CLSlotCapacity *capacity,
                                    GHashTable     *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLDepartment) department = NULL;
  g_autofree char *clash = NULL;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_SLOT_CAPACITY (capacity));

  if (cl_record_get_deleted (CL_RECORD (capacity)))
    return;
  own = cl_slot_capacity_validate (capacity);
  merge (errors, own);
  if (g_hash_table_size (errors) > 0)
    return;
  department = cl_store_load_live (store, CL_TYPE_DEPARTMENT, cl_slot_capacity_get_department_id (capacity));
  if (department == NULL)
    {
      refuse (errors, "department_id", _("There is no such open department"));
      return;
    }
  clash = cl_store_slot_capacity_clash (store, cl_slot_capacity_get_department_id (capacity),
                                        cl_slot_capacity_get_slot (capacity),
                                        cl_slot_capacity_get_weekday (capacity),
                                        cl_record_get_id (CL_RECORD (capacity)));
  if (clash)
    refuse (errors, "weekday", _("This department’s slot has places set for this day already"));
}

gboolean
cl_appoint_store_save_capacity (CLStore         *store,
                                CLSlotCapacity  *capacity,
                                const char      *role,
                                GHashTable     **field_errors,
                                GError         **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_SLOT_CAPACITY (capacity), FALSE);

  cl_appoint_store_validate_capacity (store, capacity, errors);
  return cl_store_save_checked (store, CL_RECORD (capacity), role, errors, field_errors, error);
}

void
cl_appoint_store_validate_hospital (CLStore             *store,
                                    CLReferringHospital *hospital,
                                    GHashTable          *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autofree char *name = NULL;
  g_autofree char *other = NULL;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_REFERRING_HOSPITAL (hospital));

  own = cl_referring_hospital_validate (hospital);
  merge (errors, own);
  if (cl_record_get_deleted (CL_RECORD (hospital)) || g_hash_table_contains (errors, "name"))
    return;
  name = g_strstrip (g_strdup (cl_referring_hospital_get_name (hospital)));
  other = cl_store_referring_hospital_named (store, name, cl_record_get_id (CL_RECORD (hospital)));
  if (other)
    refuse (errors, "name", _("Another referring hospital has this name"));
}

gboolean
cl_appoint_store_save_hospital (CLStore              *store,
                                CLReferringHospital  *hospital,
                                const char           *role,
                                GHashTable          **field_errors,
                                GError              **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *name = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_REFERRING_HOSPITAL (hospital), FALSE);

  /* Kept as a person would read it back: no stray spaces. */
  name = g_strstrip (g_strdup (cl_referring_hospital_get_name (hospital) ? cl_referring_hospital_get_name (hospital) : ""));
  cl_referring_hospital_set_name (hospital, name);
  cl_appoint_store_validate_hospital (store, hospital, errors);
  return cl_store_save_checked (store, CL_RECORD (hospital), role, errors, field_errors, error);
}

/* ---- referrals ------------------------------------------------------- */

void
cl_appoint_store_validate_referral (CLStore    *store,
                                    CLReferral *referral,
                                    GHashTable *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLReferral) stored = NULL;
  g_autoptr(CLPatient) patient = NULL;
  g_autoptr(CLReferringHospital) hospital = NULL;
  g_autoptr(CLDepartment) department = NULL;
  const char *id = cl_record_get_id (CL_RECORD (referral));

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_REFERRAL (referral));

  if (cl_record_get_deleted (CL_RECORD (referral)))
    return;
  own = cl_referral_validate (referral, cl_schedule_now ());
  merge (errors, own);
  stored = cl_store_load_live (store, CL_TYPE_REFERRAL, id);

  patient = cl_store_load_live (store, CL_TYPE_PATIENT, cl_referral_get_patient_id (referral));
  if (patient == NULL && !g_hash_table_contains (errors, "patient_id"))
    refuse (errors, "patient_id", _("There is no such patient"));
  if (stored && g_strcmp0 (cl_referral_get_patient_id (stored), cl_referral_get_patient_id (referral)) != 0)
    refuse (errors, "patient_id", _("A referral stays hers; record a new one for someone else"));
  hospital = cl_store_load_live (store, CL_TYPE_REFERRING_HOSPITAL, cl_referral_get_hospital_id (referral));
  if (!g_hash_table_contains (errors, "hospital_id") &&
      (hospital == NULL ||
       (!cl_referring_hospital_get_active (hospital) &&
        (stored == NULL || g_strcmp0 (cl_referral_get_hospital_id (stored), cl_referral_get_hospital_id (referral)) != 0))))
    refuse (errors, "hospital_id", _("There is no such referring hospital in the list"));
  department = cl_store_load_live (store, CL_TYPE_DEPARTMENT, cl_referral_get_department_id (referral));
  if (department == NULL && !g_hash_table_contains (errors, "department_id"))
    refuse (errors, "department_id", _("There is no such open department"));
  if (!cl_str_empty (cl_referral_get_appointment_id (referral)))
    {
      g_autoptr(CLAppointment) appointment =
        cl_store_load_live (store, CL_TYPE_APPOINTMENT, cl_referral_get_appointment_id (referral));

      if (appointment == NULL ||
          g_strcmp0 (cl_appointment_get_patient_id (appointment), cl_referral_get_patient_id (referral)) != 0)
        refuse (errors, "appointment_id", _("The referral names no appointment of hers"));
    }
}

gboolean
cl_appoint_store_save_referral (CLStore     *store,
                                CLReferral  *referral,
                                const char  *role,
                                GHashTable **field_errors,
                                GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *reason = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_REFERRAL (referral), FALSE);

  reason = g_strstrip (g_strdup (cl_referral_get_reason (referral) ? cl_referral_get_reason (referral) : ""));
  cl_referral_set_reason (referral, reason);
  cl_appoint_store_validate_referral (store, referral, errors);
  return cl_store_save_checked (store, CL_RECORD (referral), role, errors, field_errors, error);
}

void
cl_referral_row_free (CLReferralRow *row)
{
  if (row == NULL)
    return;
  g_clear_object (&row->referral);
  g_clear_object (&row->appointment);
  g_free (row->patient_name);
  g_free (row->flags);
  g_free (row->hospital_name);
  g_free (row->department_name);
  g_free (row);
}

static gint
compare_referral_rows (gconstpointer a,
                       gconstpointer b)
{
  const CLReferralRow *x = *(CLReferralRow * const *) a;
  const CLReferralRow *y = *(CLReferralRow * const *) b;

  return cl_referral_compare (x->referral, y->referral);
}

GPtrArray *
cl_appoint_store_referrals (CLStore     *store,
                            gboolean     open_only,
                            gint64       now,
                            const GDate *today)
{
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GHashTable) patients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          unref_nullable);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_referral_row_free);

  GDate day;

  g_return_val_if_fail (CL_IS_STORE (store), rows);

  if (today == NULL)
    {
      cl_date_today (&day);
      today = &day;
    }
  referrals = cl_store_referrals (store, open_only);
  for (guint i = 0; i < referrals->len; i++)
    {
      CLReferral *referral = g_ptr_array_index (referrals, i);
      CLPatient *patient = patient_of (store, patients, cl_referral_get_patient_id (referral));
      g_autoptr(CLReferringHospital) hospital =
        cl_store_load_live (store, CL_TYPE_REFERRING_HOSPITAL, cl_referral_get_hospital_id (referral));
      g_autoptr(CLDepartment) department =
        cl_store_load_live (store, CL_TYPE_DEPARTMENT, cl_referral_get_department_id (referral));
      CLReferralRow *row = g_new0 (CLReferralRow, 1);

      row->referral = g_object_ref (referral);
      row->appointment = cl_store_load_live (store, CL_TYPE_APPOINTMENT, cl_referral_get_appointment_id (referral));
      /* A cancelled appointment is none: she waits on. */
      if (row->appointment && !cl_appointment_holds_place (row->appointment))
        g_clear_object (&row->appointment);
      row->patient_name = g_strdup (patient ? cl_patient_get_name (patient) : "");
      row->flags = patient ? cl_patient_effective_flags (cl_patient_get_priority (patient),
                                                         cl_patient_get_birth_date (patient), today)
                           : g_strdup ("");
      row->hospital_name = g_strdup (hospital ? cl_referring_hospital_get_name (hospital) : "");
      row->department_name = g_strdup (department ? cl_department_get_display_name (department) : "");
      /* She waits until her slot opens, or, booked into a slot already
       * open, until she was booked. */
      row->waiting = cl_referral_waiting (cl_referral_get_received_at (referral),
                                          row->appointment
                                          ? MAX (cl_appointment_get_start (row->appointment),
                                                 cl_appointment_get_booked_at (row->appointment))
                                          : 0,
                                          now);
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_referral_rows);
  return rows;
}
