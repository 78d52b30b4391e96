#define G_LOG_DOMAIN "cl-appointment"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-appointment.h"
#include "cl-date.h"
#include "cl-schedule.h"
#include "cl-util.h"

struct _CLAppointment
{
  CLRecord parent_instance;

  char   *patient_id;
  char   *kind;
  char   *department_id;
  char   *date;
  char   *slot;
  char   *source;
  char   *state;
  char   *cancel_reason;
  char   *overbook_reason;
  char   *referral_id;
  char   *booked_by;
  gint64  booked_at;
  gint64  state_at;
  char   *state_by;
};

G_DEFINE_FINAL_TYPE (CLAppointment, cl_appointment, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_KIND,
  PROP_DEPARTMENT_ID,
  PROP_DATE,
  PROP_SLOT,
  PROP_SOURCE,
  PROP_STATE,
  PROP_CANCEL_REASON,
  PROP_OVERBOOK_REASON,
  PROP_REFERRAL_ID,
  PROP_BOOKED_BY,
  PROP_BOOKED_AT,
  PROP_STATE_AT,
  PROP_STATE_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define COLUMN(PROP, name, kind, field) [PROP] = { name, kind, G_STRUCT_OFFSET (CLAppointment, field) }

static void
cl_appointment_class_init (CLAppointmentClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    COLUMN (PROP_PATIENT_ID, "patient-id", CL_COLUMN_TEXT, patient_id),
    COLUMN (PROP_KIND, "kind", CL_COLUMN_TEXT, kind),
    COLUMN (PROP_DEPARTMENT_ID, "department-id", CL_COLUMN_TEXT, department_id),
    COLUMN (PROP_DATE, "date", CL_COLUMN_TEXT, date),
    COLUMN (PROP_SLOT, "slot", CL_COLUMN_TEXT, slot),
    COLUMN (PROP_SOURCE, "source", CL_COLUMN_TEXT, source),
    COLUMN (PROP_STATE, "state", CL_COLUMN_TEXT, state),
    COLUMN (PROP_CANCEL_REASON, "cancel-reason", CL_COLUMN_TEXT, cancel_reason),
    COLUMN (PROP_OVERBOOK_REASON, "overbook-reason", CL_COLUMN_TEXT, overbook_reason),
    COLUMN (PROP_REFERRAL_ID, "referral-id", CL_COLUMN_TEXT, referral_id),
    COLUMN (PROP_BOOKED_BY, "booked-by", CL_COLUMN_TEXT, booked_by),
    COLUMN (PROP_BOOKED_AT, "booked-at", CL_COLUMN_INT64, booked_at),
    COLUMN (PROP_STATE_AT, "state-at", CL_COLUMN_INT64, state_at),
    COLUMN (PROP_STATE_BY, "state-by", CL_COLUMN_TEXT, state_by),
  };

  CL_RECORD_CLASS (klass)->table_name = "appointment";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_appointment_init (CLAppointment *self)
{
}

CLAppointment *
cl_appointment_new (void)
{
  CLAppointment *self = CL_APPOINTMENT (cl_record_new (CL_TYPE_APPOINTMENT));

  self->state = g_strdup (CL_APPOINTMENT_BOOKED);
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_appointment_get_##field (CLAppointment *self) \
  { \
    g_return_val_if_fail (CL_IS_APPOINTMENT (self), NULL); \
    return self->field; \
  } \
  void \
  cl_appointment_set_##field (CLAppointment *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_APPOINTMENT (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

#define INT64_ACCESSORS(field, PROP) \
  gint64 \
  cl_appointment_get_##field (CLAppointment *self) \
  { \
    g_return_val_if_fail (CL_IS_APPOINTMENT (self), 0); \
    return self->field; \
  } \
  void \
  cl_appointment_set_##field (CLAppointment *self, gint64 value) \
  { \
    g_return_if_fail (CL_IS_APPOINTMENT (self)); \
    cl_record_set_int_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (patient_id, PROP_PATIENT_ID)
TEXT_ACCESSORS (kind, PROP_KIND)
TEXT_ACCESSORS (department_id, PROP_DEPARTMENT_ID)
TEXT_ACCESSORS (date, PROP_DATE)
TEXT_ACCESSORS (slot, PROP_SLOT)
TEXT_ACCESSORS (source, PROP_SOURCE)
TEXT_ACCESSORS (state, PROP_STATE)
TEXT_ACCESSORS (cancel_reason, PROP_CANCEL_REASON)
TEXT_ACCESSORS (overbook_reason, PROP_OVERBOOK_REASON)
TEXT_ACCESSORS (referral_id, PROP_REFERRAL_ID)
TEXT_ACCESSORS (booked_by, PROP_BOOKED_BY)
INT64_ACCESSORS (booked_at, PROP_BOOKED_AT)
INT64_ACCESSORS (state_at, PROP_STATE_AT)
TEXT_ACCESSORS (state_by, PROP_STATE_BY)

/* ---- words ----------------------------------------------------------- */

static const char * const kinds[] = { "clinic", "examination", "admission", NULL };
static const char * const slots[] = { CL_SLOT_AM, CL_SLOT_PM, NULL };
static const char * const sources[] = { "hotline", "counter", "web", "wechat", "kiosk",
                                        CL_APPOINTMENT_SOURCE_REFERRAL, NULL };
static const char * const states[] = { CL_APPOINTMENT_BOOKED, CL_APPOINTMENT_ARRIVED,
                                       CL_APPOINTMENT_NO_SHOW, CL_APPOINTMENT_CANCELLED, NULL };

const char * const *cl_appointment_kinds (void) { return kinds; }
const char * const *cl_appointment_slots (void) { return slots; }
const char * const *cl_appointment_sources (void) { return sources; }
const char * const *cl_appointment_states (void) { return states; }

static const char *
label_of (const char * const *words,
          const char * const *labels,
          const char         *word)
{
  for (guint i = 0; word && words[i]; i++)
    if (g_str_equal (word, words[i]))
      return _(labels[i]);
  return word ? word : "";
}

const char *
cl_appointment_kind_label (const char *kind)
{
  static const char * const labels[] = { N_("Clinic visit"), N_("Examination"), N_("Admission") };

  return label_of (kinds, labels, kind);
}

const char *
cl_appointment_slot_label (const char *slot)
{
  static const char * const labels[] = { N_("Morning 08:00–12:00"), N_("Afternoon 14:00–17:30") };

  return label_of (slots, labels, slot);
}

const char *
cl_appointment_slot_name (const char *slot)
{
  static const char * const labels[] = { N_("Morning"), N_("Afternoon") };

  return label_of (slots, labels, slot);
}

const char *
cl_appointment_source_label (const char *source)
{
  static const char * const labels[] = {
    N_("Hotline"), N_("Counter"), N_("Web"), N_("WeChat"), N_("Kiosk"), N_("Community referral"),
  };

  return label_of (sources, labels, source);
}

const char *
cl_appointment_state_label (const char *state)
{
  static const char * const labels[] = {
    /* TRANSLATORS: an appointment's state */
    N_("Booked"), N_("Arrived"), N_("No-show"), N_("Cancelled"),
  };

  return label_of (states, labels, state);
}

gboolean
cl_appointment_slot_minutes (const char *slot,
                             gint       *start,
                             gint       *end)
{
  gint s, e;

  if (g_strcmp0 (slot, CL_SLOT_AM) == 0)
    s = 8 * 60, e = 12 * 60;
  else if (g_strcmp0 (slot, CL_SLOT_PM) == 0)
    s = 14 * 60, e = 17 * 60 + 30;
  else
    return FALSE;
  if (start)
    *start = s;
  if (end)
    *end = e;
  return TRUE;
}

/* ---- rules ----------------------------------------------------------- */

gboolean
cl_appointment_holds_place (CLAppointment *self)
{
  g_return_val_if_fail (CL_IS_APPOINTMENT (self), FALSE);
  return !cl_record_get_deleted (CL_RECORD (self)) &&
         g_strcmp0 (self->state, CL_APPOINTMENT_CANCELLED) != 0;
}

gboolean
cl_appointment_is_referral (CLAppointment *self)
{
  g_return_val_if_fail (CL_IS_APPOINTMENT (self), FALSE);
  return g_strcmp0 (self->source, CL_APPOINTMENT_SOURCE_REFERRAL) == 0;
}

gint64
cl_appointment_get_start (CLAppointment *self)
{
  GDate day;
  gint start;

  g_return_val_if_fail (CL_IS_APPOINTMENT (self), 0);

  g_date_clear (&day, 1);
  if (self->date == NULL || !cl_date_parse (self->date, &day, NULL) ||
      !cl_appointment_slot_minutes (self->slot, &start, NULL))
    return 0;
  return cl_schedule_at (&day, start);
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static gboolean
blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return *copy == '\0';
}

GHashTable *
cl_appointment_validate (CLAppointment *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GDate day;

  g_return_val_if_fail (CL_IS_APPOINTMENT (self), errors);

  if (cl_str_empty (self->patient_id))
    refuse (errors, "patient_id", _("Choose the patient, or register her first"));
  if (self->kind == NULL || !g_strv_contains (kinds, self->kind))
    refuse (errors, "kind", _("Choose what is booked: a clinic visit, an examination or an admission"));
  if (cl_str_empty (self->department_id))
    refuse (errors, "department_id", _("Choose the department"));
  g_date_clear (&day, 1);
  if (self->date == NULL || !cl_date_parse (self->date, &day, NULL))
    refuse (errors, "date", _("Enter the date as YYYY-MM-DD"));
  if (self->slot == NULL || !g_strv_contains (slots, self->slot))
    refuse (errors, "slot", _("Choose the morning or the afternoon"));
  if (self->source == NULL || !g_strv_contains (sources, self->source))
    refuse (errors, "source", _("Choose how the booking came in"));
  if (self->state == NULL || !g_strv_contains (states, self->state))
    refuse (errors, "state", _("Unknown appointment state"));
  else if (g_str_equal (self->state, CL_APPOINTMENT_CANCELLED) && blank (self->cancel_reason))
    refuse (errors, "cancel_reason", _("Say why the appointment is cancelled"));
  if (cl_appointment_is_referral (self) && cl_str_empty (self->referral_id))
    refuse (errors, "referral_id", _("A community referral’s booking is made from the referral"));
  if (!cl_appointment_is_referral (self) && !cl_str_empty (self->referral_id))
    refuse (errors, "source", _("A booking made from a referral has the source “Community referral”"));
  return errors;
}

static char *
iso_day_of (gint64 instant)
{
  GDate day;

  cl_schedule_day_of (instant, &day);
  return cl_date_to_iso (&day);
}

void
cl_appointment_check_change (CLAppointment *incoming,
                             CLAppointment *current,
                             gint64         now,
                             GHashTable    *errors)
{
  g_autofree char *today = iso_day_of (now);
  gboolean moved;

  g_return_if_fail (CL_IS_APPOINTMENT (incoming));
  g_return_if_fail (current == NULL || CL_IS_APPOINTMENT (current));

  if (cl_record_get_deleted (CL_RECORD (incoming)))
    return;
  if (current == NULL || cl_record_get_deleted (CL_RECORD (current)))
    {
      if (g_strcmp0 (incoming->state, CL_APPOINTMENT_BOOKED) != 0)
        refuse (errors, "state", _("A new appointment is booked first"));
      if (incoming->date && g_strcmp0 (incoming->date, today) < 0)
        refuse (errors, "date", _("This day is over; book today or a later day"));
      return;
    }

  if (g_strcmp0 (incoming->patient_id, current->patient_id) != 0)
    refuse (errors, "patient_id", _("An appointment stays hers; book a new one for someone else"));
  if (g_strcmp0 (current->state, CL_APPOINTMENT_BOOKED) != 0)
    {
      if (g_strcmp0 (incoming->state, current->state) != 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("This appointment is already “%s”; it can no longer change"),
                             cl_appointment_state_label (current->state));

          refuse (errors, "state", message);
        }
      return;
    }

  moved = g_strcmp0 (incoming->date, current->date) != 0 ||
          g_strcmp0 (incoming->slot, current->slot) != 0 ||
          g_strcmp0 (incoming->department_id, current->department_id) != 0;
  if (moved && incoming->date && g_strcmp0 (incoming->date, today) < 0)
    refuse (errors, "date", _("This day is over; book today or a later day"));
  if ((g_strcmp0 (incoming->state, CL_APPOINTMENT_ARRIVED) == 0 ||
       g_strcmp0 (incoming->state, CL_APPOINTMENT_NO_SHOW) == 0) &&
      incoming->date && g_strcmp0 (incoming->date, today) > 0)
    refuse (errors, "state", _("Arrival and no-show are recorded on the day of the appointment"));
}
