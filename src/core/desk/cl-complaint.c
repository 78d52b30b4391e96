#define G_LOG_DOMAIN "cl-complaint"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-choice.h"
#include "cl-complaint.h"
#include "cl-staff.h"
#include "cl-util.h"

/* What happened and how it was resolved are a paragraph or two; a name
 * is a name; a phone is typed as the caller says it. */
#define MAX_TEXT  2000
#define MAX_NAME  50
#define MAX_PHONE 30

struct _CLComplaint
{
  CLRecord parent_instance;

  char     *contact_id;
  char     *complainant_name;
  char     *complainant_phone;
  char     *patient_id;
  char     *department_id;
  char     *description;
  char     *severity;
  char     *owner_id;
  char     *state;
  gint64    opened_at;
  gint64    promised_at;
  gint64    started_at;
  gint64    resolved_at;
  char     *resolved_by;
  char     *resolution;
  gint64    closed_at;
  char     *closed_by;
  char     *satisfaction;
  char     *satisfaction_reason;
  gboolean  settled_on_spot;
};

G_DEFINE_FINAL_TYPE (CLComplaint, cl_complaint, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CONTACT_ID,
  PROP_COMPLAINANT_NAME,
  PROP_COMPLAINANT_PHONE,
  PROP_PATIENT_ID,
  PROP_DEPARTMENT_ID,
  PROP_DESCRIPTION,
  PROP_SEVERITY,
  PROP_OWNER_ID,
  PROP_STATE,
  PROP_OPENED_AT,
  PROP_PROMISED_AT,
  PROP_STARTED_AT,
  PROP_RESOLVED_AT,
  PROP_RESOLVED_BY,
  PROP_RESOLUTION,
  PROP_CLOSED_AT,
  PROP_CLOSED_BY,
  PROP_SATISFACTION,
  PROP_SATISFACTION_REASON,
  PROP_SETTLED_ON_SPOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const severities[] = { "minor", "moderate", "serious" };
static const char * const states[] = { "open", "in_progress", "resolved", "closed" };
static const char * const satisfactions[] = {
  "satisfied", "basically_satisfied", "unsatisfied", "no_answer",
};
static const char * const hours_keys[] = {
  "complaint.hours.minor", "complaint.hours.moderate", "complaint.hours.serious",
};

G_STATIC_ASSERT (G_N_ELEMENTS (severities) == CL_COMPLAINT_N_SEVERITIES);
G_STATIC_ASSERT (G_N_ELEMENTS (states) == CL_COMPLAINT_N_STATES);
G_STATIC_ASSERT (G_N_ELEMENTS (satisfactions) == CL_COMPLAINT_N_SATISFACTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (hours_keys) == CL_COMPLAINT_N_SEVERITIES);

static void
cl_complaint_class_init (CLComplaintClass *klass)
{
#define TEXT(p, name, field) [p] = { name, CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLComplaint, field) }
#define TIME(p, name, field) [p] = { name, CL_COLUMN_INT64, G_STRUCT_OFFSET (CLComplaint, field) }
  static const CLRecordColumn columns[N_PROPS] = {
    TEXT (PROP_CONTACT_ID, "contact-id", contact_id),
    TEXT (PROP_COMPLAINANT_NAME, "complainant-name", complainant_name),
    TEXT (PROP_COMPLAINANT_PHONE, "complainant-phone", complainant_phone),
    TEXT (PROP_PATIENT_ID, "patient-id", patient_id),
    TEXT (PROP_DEPARTMENT_ID, "department-id", department_id),
    TEXT (PROP_DESCRIPTION, "description", description),
    TEXT (PROP_SEVERITY, "severity", severity),
    TEXT (PROP_OWNER_ID, "owner-id", owner_id),
    TEXT (PROP_STATE, "state", state),
    TIME (PROP_OPENED_AT, "opened-at", opened_at),
    TIME (PROP_PROMISED_AT, "promised-at", promised_at),
    TIME (PROP_STARTED_AT, "started-at", started_at),
    TIME (PROP_RESOLVED_AT, "resolved-at", resolved_at),
    TEXT (PROP_RESOLVED_BY, "resolved-by", resolved_by),
    TEXT (PROP_RESOLUTION, "resolution", resolution),
    TIME (PROP_CLOSED_AT, "closed-at", closed_at),
    TEXT (PROP_CLOSED_BY, "closed-by", closed_by),
    TEXT (PROP_SATISFACTION, "satisfaction", satisfaction),
    TEXT (PROP_SATISFACTION_REASON, "satisfaction-reason", satisfaction_reason),
    [PROP_SETTLED_ON_SPOT] = { "settled-on-spot", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLComplaint, settled_on_spot) },
  };
#undef TEXT
#undef TIME

  CL_RECORD_CLASS (klass)->table_name = "complaint";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_complaint_init (CLComplaint *self)
{
}

const char *
cl_complaint_severity_to_string (CLComplaintSeverity severity)
{
  g_return_val_if_fail (severity < CL_COMPLAINT_N_SEVERITIES, NULL);
  return severities[severity];
}

gboolean
cl_complaint_severity_from_string (const char          *text,
                                   CLComplaintSeverity *severity)
{
  guint i;

  if (!cl_choice_word_index (severities, G_N_ELEMENTS (severities), text, &i))
    return FALSE;
  *severity = i;
  return TRUE;
}

const char *
cl_complaint_state_to_string (CLComplaintState state)
{
  g_return_val_if_fail (state < CL_COMPLAINT_N_STATES, NULL);
  return states[state];
}

gboolean
cl_complaint_state_from_string (const char       *text,
                                CLComplaintState *state)
{
  guint i;

  if (!cl_choice_word_index (states, G_N_ELEMENTS (states), text, &i))
    return FALSE;
  *state = i;
  return TRUE;
}

const char *
cl_complaint_satisfaction_to_string (CLComplaintSatisfaction satisfaction)
{
  g_return_val_if_fail (satisfaction < CL_COMPLAINT_N_SATISFACTIONS, NULL);
  return satisfactions[satisfaction];
}

gboolean
cl_complaint_satisfaction_from_string (const char              *text,
                                       CLComplaintSatisfaction *satisfaction)
{
  guint i;

  if (!cl_choice_word_index (satisfactions, G_N_ELEMENTS (satisfactions), text, &i))
    return FALSE;
  *satisfaction = i;
  return TRUE;
}

const char *
cl_complaint_severity_label (const char *severity)
{
  static const char * const labels[] = {
    /* TRANSLATORS: a complaint's severity */
    N_("Minor"), N_("Moderate"), N_("Serious"),
  };
  CLComplaintSeverity value;

  if (!cl_complaint_severity_from_string (severity, &value))
    return severity ? severity : "";
  return _(labels[value]);
}

const char *
cl_complaint_state_label (const char *state)
{
  static const char * const labels[] = {
    NC_("complaint state", "Open"), NC_("complaint state", "In progress"),
    NC_("complaint state", "Resolved"), NC_("complaint state", "Closed"),
  };
  CLComplaintState value;

  if (!cl_complaint_state_from_string (state, &value))
    return state ? state : "";
  return g_dpgettext2 (GETTEXT_PACKAGE, "complaint state", labels[value]);
}

const char *
cl_complaint_satisfaction_label (const char *satisfaction)
{
  static const char * const labels[] = {
    N_("Satisfied"), N_("Basically satisfied"), N_("Unsatisfied"), N_("Could not be reached"),
  };
  CLComplaintSatisfaction value;

  if (!cl_complaint_satisfaction_from_string (satisfaction, &value))
    return satisfaction ? satisfaction : "";
  return _(labels[value]);
}

const char *
cl_complaint_hours_key (CLComplaintSeverity severity)
{
  g_return_val_if_fail (severity < CL_COMPLAINT_N_SEVERITIES, NULL);
  return hours_keys[severity];
}

CLComplaint *
cl_complaint_new (gint64      at,
                  const char *owner_id)
{
  CLComplaint *self = CL_COMPLAINT (cl_record_new (CL_TYPE_COMPLAINT));

  self->opened_at = at;
  self->owner_id = g_strdup (owner_id);
  self->state = g_strdup (states[CL_COMPLAINT_STATE_OPEN]);
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_complaint_get_##field (CLComplaint *self) \
  { \
    g_return_val_if_fail (CL_IS_COMPLAINT (self), NULL); \
    return self->field; \
  } \
  void \
  cl_complaint_set_##field (CLComplaint *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_COMPLAINT (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

#define INT_ACCESSORS(type, field, PROP) \
  type \
  cl_complaint_get_##field (CLComplaint *self) \
  { \
    g_return_val_if_fail (CL_IS_COMPLAINT (self), 0); \
    return self->field; \
  } \
  void \
  cl_complaint_set_##field (CLComplaint *self, type value) \
  { \
    g_return_if_fail (CL_IS_COMPLAINT (self)); \
    cl_record_set_int_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (contact_id, PROP_CONTACT_ID)
TEXT_ACCESSORS (complainant_name, PROP_COMPLAINANT_NAME)
TEXT_ACCESSORS (complainant_phone, PROP_COMPLAINANT_PHONE)
TEXT_ACCESSORS (patient_id, PROP_PATIENT_ID)
TEXT_ACCESSORS (department_id, PROP_DEPARTMENT_ID)
TEXT_ACCESSORS (description, PROP_DESCRIPTION)
TEXT_ACCESSORS (severity, PROP_SEVERITY)
TEXT_ACCESSORS (owner_id, PROP_OWNER_ID)
TEXT_ACCESSORS (state, PROP_STATE)
INT_ACCESSORS (gint64, opened_at, PROP_OPENED_AT)
INT_ACCESSORS (gint64, promised_at, PROP_PROMISED_AT)
INT_ACCESSORS (gint64, started_at, PROP_STARTED_AT)
INT_ACCESSORS (gint64, resolved_at, PROP_RESOLVED_AT)
TEXT_ACCESSORS (resolved_by, PROP_RESOLVED_BY)
TEXT_ACCESSORS (resolution, PROP_RESOLUTION)
INT_ACCESSORS (gint64, closed_at, PROP_CLOSED_AT)
TEXT_ACCESSORS (closed_by, PROP_CLOSED_BY)
TEXT_ACCESSORS (satisfaction, PROP_SATISFACTION)
TEXT_ACCESSORS (satisfaction_reason, PROP_SATISFACTION_REASON)
INT_ACCESSORS (gboolean, settled_on_spot, PROP_SETTLED_ON_SPOT)

static CLComplaintState
state_of (CLComplaint *self)
{
  CLComplaintState state = CL_COMPLAINT_STATE_OPEN;

  cl_complaint_state_from_string (self->state, &state);
  return state;
}

gboolean
cl_complaint_is_unresolved (CLComplaint *self)
{
  g_return_val_if_fail (CL_IS_COMPLAINT (self), FALSE);

  return !cl_record_get_deleted (CL_RECORD (self)) && state_of (self) < CL_COMPLAINT_STATE_RESOLVED;
}

gboolean
cl_complaint_is_overdue (CLComplaint *self,
                         gint64       now)
{
  g_return_val_if_fail (CL_IS_COMPLAINT (self), FALSE);

  return cl_complaint_is_unresolved (self) && self->promised_at > 0 && now > self->promised_at;
}

gboolean
cl_complaint_was_overdue (CLComplaint *self,
                          gint64       now)
{
  g_return_val_if_fail (CL_IS_COMPLAINT (self), FALSE);

  if (cl_complaint_is_unresolved (self))
    return cl_complaint_is_overdue (self, now);
  return self->promised_at > 0 && self->resolved_at > self->promised_at;
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

static void
check_text (GHashTable *errors,
            const char *column,
            const char *text,
            const char *missing)
{
  if (blank (text))
    refuse (errors, column, missing);
  else if (g_utf8_strlen (text, -1) > MAX_TEXT)
    refuse (errors, column, _("At most 2000 characters"));
}

GHashTable *
cl_complaint_validate (CLComplaint *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CLComplaintSeverity severity;
  CLComplaintState state;
  CLComplaintSatisfaction satisfaction;

  g_return_val_if_fail (CL_IS_COMPLAINT (self), errors);

  if (self->opened_at <= 0)
    refuse (errors, "opened_at", _("A complaint needs the time it was made"));
  if (blank (self->complainant_name) && blank (self->complainant_phone) && cl_str_empty (self->patient_id))
    refuse (errors, "complainant_name", _("Say who complains: a name, a phone number or the patient"));
  else if (self->complainant_name && g_utf8_strlen (self->complainant_name, -1) > MAX_NAME)
    refuse (errors, "complainant_name", _("The name is too long (at most 50 characters)"));
  if (self->complainant_phone && g_utf8_strlen (self->complainant_phone, -1) > MAX_PHONE)
    refuse (errors, "complainant_phone", _("The phone number is too long (at most 30 characters)"));
  if (cl_str_empty (self->department_id))
    refuse (errors, "department_id", _("Choose the department complained of"));
  check_text (errors, "description", self->description, _("Say what happened"));
  if (!cl_complaint_severity_from_string (self->severity, &severity))
    refuse (errors, "severity", _("Choose minor, moderate or serious"));
  if (cl_str_empty (self->owner_id))
    refuse (errors, "owner_id", _("A complaint needs whoever took it"));
  /* The promise follows from the severity: without one, that is the
   * message. */
  if (self->opened_at > 0 && self->promised_at <= self->opened_at && !g_hash_table_contains (errors, "severity"))
    refuse (errors, "promised_at", _("A complaint needs a promised resolution time after it was made"));

  if (!cl_complaint_state_from_string (self->state, &state))
    {
      refuse (errors, "state", _("A complaint is open, in progress, resolved or closed"));
      return errors;
    }
  if (state >= CL_COMPLAINT_STATE_IN_PROGRESS && (self->started_at <= 0 || self->started_at < self->opened_at))
    refuse (errors, "started_at", _("A complaint in progress needs when work on it started"));
  if (state >= CL_COMPLAINT_STATE_RESOLVED)
    {
      if (self->resolved_at <= 0 || self->resolved_at < self->started_at || cl_str_empty (self->resolved_by))
        refuse (errors, "resolved_at", _("A resolved complaint needs when and by whom it was resolved"));
      check_text (errors, "resolution", self->resolution, _("Say how it was resolved"));
    }
  if (state == CL_COMPLAINT_STATE_CLOSED)
    {
      if (self->closed_at <= 0 || self->closed_at < self->resolved_at || cl_str_empty (self->closed_by))
        refuse (errors, "closed_at", _("A closed complaint needs when and by whom it was closed"));
      if (!cl_complaint_satisfaction_from_string (self->satisfaction, &satisfaction))
        refuse (errors, "satisfaction", _("Ask whether the complainant is satisfied with the resolution"));
      else if (satisfaction == CL_COMPLAINT_UNSATISFIED && blank (self->satisfaction_reason))
        refuse (errors, "satisfaction_reason", _("Say why the complainant is unsatisfied"));
    }
  if (self->satisfaction_reason && g_utf8_strlen (self->satisfaction_reason, -1) > MAX_TEXT)
    refuse (errors, "satisfaction_reason", _("At most 2000 characters"));
  if (self->settled_on_spot &&
      (state < CL_COMPLAINT_STATE_RESOLVED || self->resolved_at != self->opened_at))
    refuse (errors, "settled_on_spot", _("A complaint settled on the spot is resolved when it is made"));
  return errors;
}

/* Whether every column of its own (not the sync stamps) is the same. */
static gboolean
same_columns (CLComplaint *a,
              CLComplaint *b)
{
  static const char * const stamps[] = { "id", "rev", "updated_at", "updated_by", "deleted", NULL };
  const char * const *names = cl_record_type_get_columns (CL_TYPE_COMPLAINT);
  GParamSpec * const *pspecs = cl_record_type_get_column_pspecs (CL_TYPE_COMPLAINT);

  for (guint i = 0; names[i]; i++)
    {
      g_auto(GValue) x = G_VALUE_INIT;
      g_auto(GValue) y = G_VALUE_INIT;

      if (g_strv_contains (stamps, names[i]))
        continue;
      cl_record_get_column_value (CL_RECORD (a), pspecs[i], &x);
      cl_record_get_column_value (CL_RECORD (b), pspecs[i], &y);
      if (g_param_values_cmp (pspecs[i], &x, &y) != 0)
        return FALSE;
    }
  return TRUE;
}

void
cl_complaint_check_change (CLComplaint *incoming,
                           CLComplaint *current,
                           const char  *actor_id,
                           const char  *role,
                           gint64       hours,
                           GHashTable  *errors)
{
  CLComplaintState state, was = CL_COMPLAINT_STATE_OPEN;
  gboolean admin = g_strcmp0 (role, CL_ROLE_ADMIN) == 0;
  gint64 promised;

  g_return_if_fail (CL_IS_COMPLAINT (incoming));
  g_return_if_fail (current == NULL || CL_IS_COMPLAINT (current));
  g_return_if_fail (errors != NULL);

  if (!cl_complaint_state_from_string (incoming->state, &state))
    return;  /* cl_complaint_validate() says so */
  if (current)
    was = state_of (current);

  if (current == NULL)
    {
      if (state != CL_COMPLAINT_STATE_OPEN && !incoming->settled_on_spot)
        refuse (errors, "state", _("A new complaint is open, or resolved if it was settled on the spot"));
    }
  else if (was == CL_COMPLAINT_STATE_CLOSED)
    {
      /* Closed is the end: what was recorded then stays. */
      if (!same_columns (incoming, current))
        refuse (errors, "state", _("A closed complaint stays as it was closed"));
      return;
    }
  else if (state != was && state != was + 1)
    refuse (errors, "state", _("A complaint moves one step at a time: open, in progress, resolved, closed"));

  if (current && incoming->opened_at != current->opened_at)
    refuse (errors, "opened_at", _("A complaint keeps the time it was made"));
  if (current && incoming->settled_on_spot != current->settled_on_spot)
    refuse (errors, "settled_on_spot", _("A complaint settled on the spot is resolved when it is made"));

  /* First-complaint responsibility: whoever took it keeps it until they
   * (or an administrator) hand it over. */
  if (current && g_strcmp0 (incoming->owner_id, current->owner_id) != 0 && !admin &&
      (actor_id == NULL || g_strcmp0 (actor_id, current->owner_id) != 0))
    refuse (errors, "owner_id", _("Only its owner or an administrator may hand a complaint over"));

  /* The promise is made when the complaint is, from the severity's
   * hours then; a changed severity makes a new one.  A later change of
   * the setting moves no promise already made. */
  if (current == NULL || g_strcmp0 (incoming->severity, current->severity) != 0)
    promised = incoming->opened_at + hours * 3600;
  else
    promised = current->promised_at;
  if (incoming->opened_at > 0 && hours > 0 && incoming->promised_at != promised)
    refuse (errors, "promised_at", _("The promised time follows from the severity; it is not set by hand"));
}
