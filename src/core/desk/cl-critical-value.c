#define G_LOG_DOMAIN "cl-critical-value"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-choice.h"
#include "cl-critical-value.h"
#include "cl-health-event.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-util.h"

struct _CLCriticalValue
{
  CLRecord parent_instance;

  gint64    received_at;
  char     *source;
  char     *caller_name;
  char     *caller_phone;
  char     *patient_id;
  char     *department_id;
  char     *test_name;
  char     *result;
  char     *unit;
  char     *kind;
  char     *taken_by;
  gboolean  read_back;
  char     *reported_to;
  char     *reported_role;
  gint64    reported_at;
  char     *action;
  char     *reported_by;
};

G_DEFINE_FINAL_TYPE (CLCriticalValue, cl_critical_value, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_RECEIVED_AT,
  PROP_SOURCE,
  PROP_CALLER_NAME,
  PROP_CALLER_PHONE,
  PROP_PATIENT_ID,
  PROP_DEPARTMENT_ID,
  PROP_TEST_NAME,
  PROP_RESULT,
  PROP_UNIT,
  PROP_KIND,
  PROP_TAKEN_BY,
  PROP_READ_BACK,
  PROP_REPORTED_TO,
  PROP_REPORTED_ROLE,
  PROP_REPORTED_AT,
  PROP_ACTION,
  PROP_REPORTED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A name is a name, a phone is typed as said (an extension), a test's
 * name and value are what the caller reads out; an action is a
 * sentence or two. */
#define MAX_NAME   50
#define MAX_PHONE  30
#define MAX_TEST   100
#define MAX_RESULT 200
#define MAX_UNIT   30
#define MAX_ACTION 1000

static const char * const sources[] = {
  "lab", "radiology", "ultrasound", "ecg", "pathology", "other",
};
static const char * const kinds[] = {
  "critical", "tuberculosis",
};
static const char * const roles[] = {
  "doctor", "nurse",
};

G_STATIC_ASSERT (G_N_ELEMENTS (sources) == CL_CRITICAL_N_SOURCES);
G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == CL_CRITICAL_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (roles) == CL_CRITICAL_N_ROLES);

#define WORDS(name, Type, N, array) \
  const char * \
  cl_critical_##name##_to_string (Type value) \
  { \
    g_return_val_if_fail ((guint) value < N, NULL); \
    return array[value]; \
  } \
  gboolean \
  cl_critical_##name##_from_string (const char *text, \
                                    Type       *value) \
  { \
    guint i; \
    if (!cl_choice_word_index (array, G_N_ELEMENTS (array), text, &i)) \
      return FALSE; \
    *value = i; \
    return TRUE; \
  }

WORDS (source, CLCriticalSource, CL_CRITICAL_N_SOURCES, sources)
WORDS (kind, CLCriticalKind, CL_CRITICAL_N_KINDS, kinds)
WORDS (role, CLCriticalRole, CL_CRITICAL_N_ROLES, roles)

const char *
cl_critical_source_label (const char *source)
{
  static const char * const labels[] = {
    N_("Laboratory"), N_("Radiology"), N_("Ultrasound"), N_("ECG"), N_("Pathology"),
    N_("Other"),
  };
  CLCriticalSource value;

  if (!cl_critical_source_from_string (source, &value))
    return source ? source : "";
  return _(labels[value]);
}

const char *
cl_critical_kind_label (const char *kind)
{
  static const char * const labels[] = {
    N_("Critical value"), N_("Tuberculosis result"),
  };
  CLCriticalKind value;

  if (!cl_critical_kind_from_string (kind, &value))
    return kind ? kind : "";
  return _(labels[value]);
}

const char *
cl_critical_role_label (const char *role)
{
  static const char * const labels[] = {
    N_("Doctor"), N_("Nurse"),
  };
  CLCriticalRole value;

  if (!cl_critical_role_from_string (role, &value))
    return role ? role : "";
  return _(labels[value]);
}

static void
cl_critical_value_class_init (CLCriticalValueClass *klass)
{
#define TEXT(P, name, field) [P] = { name, CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLCriticalValue, field) }
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_RECEIVED_AT] = { "received-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLCriticalValue, received_at) },
    TEXT (PROP_SOURCE, "source", source),
    TEXT (PROP_CALLER_NAME, "caller-name", caller_name),
    TEXT (PROP_CALLER_PHONE, "caller-phone", caller_phone),
    TEXT (PROP_PATIENT_ID, "patient-id", patient_id),
    TEXT (PROP_DEPARTMENT_ID, "department-id", department_id),
    TEXT (PROP_TEST_NAME, "test-name", test_name),
    TEXT (PROP_RESULT, "result", result),
    TEXT (PROP_UNIT, "unit", unit),
    TEXT (PROP_KIND, "kind", kind),
    TEXT (PROP_TAKEN_BY, "taken-by", taken_by),
    [PROP_READ_BACK] = { "read-back", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLCriticalValue, read_back) },
    TEXT (PROP_REPORTED_TO, "reported-to", reported_to),
    TEXT (PROP_REPORTED_ROLE, "reported-role", reported_role),
    [PROP_REPORTED_AT] = { "reported-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLCriticalValue, reported_at) },
    TEXT (PROP_ACTION, "action", action),
    TEXT (PROP_REPORTED_BY, "reported-by", reported_by),
  };
#undef TEXT

  CL_RECORD_CLASS (klass)->table_name = "critical_value";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_critical_value_init (CLCriticalValue *self)
{
}

CLCriticalValue *
cl_critical_value_new (CLCriticalKind  kind,
                       gint64          at,
                       const char     *taken_by)
{
  CLCriticalValue *self = CL_CRITICAL_VALUE (cl_record_new (CL_TYPE_CRITICAL_VALUE));

  g_return_val_if_fail (kind < CL_CRITICAL_N_KINDS, self);

  cl_critical_value_set_kind (self, kinds[kind]);
  cl_critical_value_set_received_at (self, at);
  cl_critical_value_set_taken_by (self, taken_by);
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_critical_value_get_##field (CLCriticalValue *self) \
  { \
    g_return_val_if_fail (CL_IS_CRITICAL_VALUE (self), NULL); \
    return self->field; \
  } \
  void \
  cl_critical_value_set_##field (CLCriticalValue *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_CRITICAL_VALUE (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

#define INT_ACCESSORS(type, field, PROP) \
  type \
  cl_critical_value_get_##field (CLCriticalValue *self) \
  { \
    g_return_val_if_fail (CL_IS_CRITICAL_VALUE (self), 0); \
    return self->field; \
  } \
  void \
  cl_critical_value_set_##field (CLCriticalValue *self, type value) \
  { \
    g_return_if_fail (CL_IS_CRITICAL_VALUE (self)); \
    cl_record_set_int_column (self, properties[PROP], value); \
  }

INT_ACCESSORS (gint64, received_at, PROP_RECEIVED_AT)
TEXT_ACCESSORS (source, PROP_SOURCE)
TEXT_ACCESSORS (caller_name, PROP_CALLER_NAME)
TEXT_ACCESSORS (caller_phone, PROP_CALLER_PHONE)
TEXT_ACCESSORS (patient_id, PROP_PATIENT_ID)
TEXT_ACCESSORS (department_id, PROP_DEPARTMENT_ID)
TEXT_ACCESSORS (test_name, PROP_TEST_NAME)
TEXT_ACCESSORS (result, PROP_RESULT)
TEXT_ACCESSORS (unit, PROP_UNIT)
TEXT_ACCESSORS (kind, PROP_KIND)
TEXT_ACCESSORS (taken_by, PROP_TAKEN_BY)
INT_ACCESSORS (gboolean, read_back, PROP_READ_BACK)
TEXT_ACCESSORS (reported_to, PROP_REPORTED_TO)
TEXT_ACCESSORS (reported_role, PROP_REPORTED_ROLE)
INT_ACCESSORS (gint64, reported_at, PROP_REPORTED_AT)
TEXT_ACCESSORS (action, PROP_ACTION)
TEXT_ACCESSORS (reported_by, PROP_REPORTED_BY)

gboolean
cl_critical_value_is_reported (CLCriticalValue *self)
{
  g_return_val_if_fail (CL_IS_CRITICAL_VALUE (self), FALSE);
  return self->reported_at > 0;
}

gint64
cl_critical_value_minutes (CLCriticalValue *self,
                           gint64           now)
{
  gint64 end;

  g_return_val_if_fail (CL_IS_CRITICAL_VALUE (self), 0);

  end = self->reported_at > 0 ? self->reported_at : now;
  return end > self->received_at ? (end - self->received_at) / 60 : 0;
}

CLCriticalState
cl_critical_value_state (CLCriticalValue *self,
                         gint64           now,
                         gint64           limit_minutes)
{
  gint64 limit = limit_minutes * 60;

  g_return_val_if_fail (CL_IS_CRITICAL_VALUE (self), CL_CRITICAL_STATE_WAITING);

  /* In seconds, not whole minutes: 15 min 30 s is past a limit of 15. */
  if (self->reported_at > 0)
    return self->reported_at - self->received_at <= limit
           ? CL_CRITICAL_STATE_ON_TIME : CL_CRITICAL_STATE_LATE;
  return now - self->received_at > limit ? CL_CRITICAL_STATE_ALARM : CL_CRITICAL_STATE_WAITING;
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
  g_autofree char *copy = NULL;

  return text == NULL || *g_strstrip (copy = g_strdup (text)) == '\0';
}

static gboolean
too_long (const char *text,
          glong       max)
{
  return text && g_utf8_strlen (text, -1) > max;
}

GHashTable *
cl_critical_value_validate (CLCriticalValue *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CLCriticalSource source;
  CLCriticalKind kind;
  CLCriticalRole role;
  gboolean reporting;

  g_return_val_if_fail (CL_IS_CRITICAL_VALUE (self), errors);

  if (self->received_at <= 0)
    refuse (errors, "received_at", _("Enter when the value was received"));
  if (!cl_critical_kind_from_string (self->kind, &kind))
    refuse (errors, "kind", _("An entry is a critical value or a tuberculosis result"));
  if (!cl_critical_source_from_string (self->source, &source))
    refuse (errors, "source", _("Choose where the value came from"));
  if (too_long (self->caller_name, MAX_NAME))
    refuse (errors, "caller_name", _("The name is too long (at most 50 characters)"));
  if (too_long (self->caller_phone, MAX_PHONE))
    refuse (errors, "caller_phone", _("The phone number is too long (at most 30 characters)"));
  if (cl_str_empty (self->patient_id))
    refuse (errors, "patient_id", _("Choose the patient, or register her"));
  if (cl_str_empty (self->department_id))
    refuse (errors, "department_id", _("Choose the department responsible for her"));
  if (blank (self->test_name))
    refuse (errors, "test_name", _("Enter the test"));
  else if (too_long (self->test_name, MAX_TEST))
    refuse (errors, "test_name", _("At most 100 characters"));
  if (blank (self->result))
    refuse (errors, "result", _("Enter the value as the caller read it"));
  else if (too_long (self->result, MAX_RESULT))
    refuse (errors, "result", _("At most 200 characters"));
  if (too_long (self->unit, MAX_UNIT))
    refuse (errors, "unit", _("At most 30 characters"));
  if (cl_str_empty (self->taken_by))
    refuse (errors, "taken_by", _("An entry needs whoever took the call"));
  /* The safety rule of the whole register: a value not read back to
   * the caller and confirmed may have been misheard. */
  if (!self->read_back)
    refuse (errors, "read_back", _("Read the value back to the caller and confirm it before registering"));

  /* A report is whole or absent: to whom, as what, when and what was
   * done. */
  reporting = self->reported_at > 0 || !blank (self->reported_to) || !blank (self->action);
  if (reporting)
    {
      if (blank (self->reported_to))
        refuse (errors, "reported_to", _("Enter whom it was reported to"));
      else if (too_long (self->reported_to, MAX_NAME))
        refuse (errors, "reported_to", _("The name is too long (at most 50 characters)"));
      if (!cl_critical_role_from_string (self->reported_role, &role))
        refuse (errors, "reported_role", _("Choose doctor or nurse"));
      if (self->reported_at <= 0)
        refuse (errors, "reported_at", _("Enter when it was reported"));
      else if (self->received_at > 0 && self->reported_at < self->received_at)
        refuse (errors, "reported_at", _("It cannot be reported before it was received"));
      if (blank (self->action))
        refuse (errors, "action", _("Say what the doctor or nurse did"));
      else if (too_long (self->action, MAX_ACTION))
        refuse (errors, "action", _("At most 1000 characters"));
    }
  return errors;
}

void
cl_critical_value_check_change (CLCriticalValue *incoming,
                                CLCriticalValue *current,
                                gint64           now,
                                const char      *role,
                                GHashTable      *errors)
{
  gboolean admin = g_strcmp0 (role, CL_ROLE_ADMIN) == 0;

  g_return_if_fail (CL_IS_CRITICAL_VALUE (incoming));
  g_return_if_fail (current == NULL || CL_IS_CRITICAL_VALUE (current));
  g_return_if_fail (errors != NULL);

  /* Only a time that changed is checked against the clock, so an old
   * entry can still be reported. */
  if ((current == NULL || current->received_at != incoming->received_at) &&
      incoming->received_at > now + CL_CRITICAL_CLOCK_SLACK)
    refuse (errors, "received_at", _("The time received is in the future"));
  if ((current == NULL || current->reported_at != incoming->reported_at) &&
      incoming->reported_at > now + CL_CRITICAL_CLOCK_SLACK)
    refuse (errors, "reported_at", _("The time reported is in the future"));

  /* A report is the record of a telephone call that happened: it is
   * not taken back, nor is it rewritten, but by an administrator. */
  if (current && current->reported_at > 0 && !admin &&
      (incoming->reported_at != current->reported_at ||
       g_strcmp0 (incoming->reported_to, current->reported_to) != 0 ||
       g_strcmp0 (incoming->reported_role, current->reported_role) != 0 ||
       g_strcmp0 (incoming->action, current->action) != 0))
    refuse (errors, "reported_at", _("This value has been reported; only an administrator may change the report"));
}

gboolean
cl_critical_time_parse (const char *text,
                        gint64      now,
                        gint64     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  gint minutes;
  GDate day;
  gint64 at;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!cl_health_event_parse_minutes (copy, &minutes))
    return FALSE;
  cl_schedule_day_of (now, &day);
  at = cl_schedule_at (&day, minutes);
  if (at > now + CL_CRITICAL_CLOCK_SLACK)
    {
      g_date_subtract_days (&day, 1);
      at = cl_schedule_at (&day, minutes);
    }
  *out = at;
  return TRUE;
}
