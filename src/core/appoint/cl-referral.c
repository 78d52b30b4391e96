#define G_LOG_DOMAIN "cl-referral"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-referral.h"
#include "cl-util.h"

struct _CLReferral
{
  CLRecord parent_instance;

  char   *patient_id;
  char   *hospital_id;
  char   *reason;
  char   *department_id;
  char   *priority;
  gint64  received_at;
  char   *appointment_id;
  char   *outcome;
  char   *received_by;
};

G_DEFINE_FINAL_TYPE (CLReferral, cl_referral, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_HOSPITAL_ID,
  PROP_REASON,
  PROP_DEPARTMENT_ID,
  PROP_PRIORITY,
  PROP_RECEIVED_AT,
  PROP_APPOINTMENT_ID,
  PROP_OUTCOME,
  PROP_RECEIVED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define COLUMN(PROP, name, kind, field) [PROP] = { name, kind, G_STRUCT_OFFSET (CLReferral, field) }

static void
cl_referral_class_init (CLReferralClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    COLUMN (PROP_PATIENT_ID, "patient-id", CL_COLUMN_TEXT, patient_id),
    COLUMN (PROP_HOSPITAL_ID, "hospital-id", CL_COLUMN_TEXT, hospital_id),
    COLUMN (PROP_REASON, "reason", CL_COLUMN_TEXT, reason),
    COLUMN (PROP_DEPARTMENT_ID, "department-id", CL_COLUMN_TEXT, department_id),
    COLUMN (PROP_PRIORITY, "priority", CL_COLUMN_TEXT, priority),
    COLUMN (PROP_RECEIVED_AT, "received-at", CL_COLUMN_INT64, received_at),
    COLUMN (PROP_APPOINTMENT_ID, "appointment-id", CL_COLUMN_TEXT, appointment_id),
    COLUMN (PROP_OUTCOME, "outcome", CL_COLUMN_TEXT, outcome),
    COLUMN (PROP_RECEIVED_BY, "received-by", CL_COLUMN_TEXT, received_by),
  };

  CL_RECORD_CLASS (klass)->table_name = "referral";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_referral_init (CLReferral *self)
{
}

CLReferral *
cl_referral_new (gint64 received_at)
{
  CLReferral *self = CL_REFERRAL (cl_record_new (CL_TYPE_REFERRAL));

  self->received_at = received_at;
  self->priority = g_strdup (CL_REFERRAL_ROUTINE);
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_referral_get_##field (CLReferral *self) \
  { \
    g_return_val_if_fail (CL_IS_REFERRAL (self), NULL); \
    return self->field; \
  } \
  void \
  cl_referral_set_##field (CLReferral *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_REFERRAL (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (patient_id, PROP_PATIENT_ID)
TEXT_ACCESSORS (hospital_id, PROP_HOSPITAL_ID)
TEXT_ACCESSORS (reason, PROP_REASON)
TEXT_ACCESSORS (department_id, PROP_DEPARTMENT_ID)
TEXT_ACCESSORS (priority, PROP_PRIORITY)
TEXT_ACCESSORS (appointment_id, PROP_APPOINTMENT_ID)
TEXT_ACCESSORS (outcome, PROP_OUTCOME)
TEXT_ACCESSORS (received_by, PROP_RECEIVED_BY)

gint64
cl_referral_get_received_at (CLReferral *self)
{
  g_return_val_if_fail (CL_IS_REFERRAL (self), 0);
  return self->received_at;
}

void
cl_referral_set_received_at (CLReferral *self,
                             gint64      value)
{
  g_return_if_fail (CL_IS_REFERRAL (self));
  cl_record_set_int_column (self, properties[PROP_RECEIVED_AT], value);
}

static const char * const priorities[] = { CL_REFERRAL_ROUTINE, CL_REFERRAL_URGENT, NULL };
static const char * const outcomes[] = { "seen", "admitted", "referred_back", "did_not_attend", "withdrawn", NULL };

const char * const *cl_referral_priorities (void) { return priorities; }
const char * const *cl_referral_outcomes (void) { return outcomes; }

const char *
cl_referral_priority_label (const char *priority)
{
  if (g_strcmp0 (priority, CL_REFERRAL_URGENT) == 0)
    return _("Urgent");
  if (g_strcmp0 (priority, CL_REFERRAL_ROUTINE) == 0)
    return _("Routine");
  return priority ? priority : "";
}

const char *
cl_referral_outcome_label (const char *outcome)
{
  static const char * const labels[] = {
    N_("Seen"), N_("Admitted"), N_("Referred back"), N_("Did not attend"), N_("Withdrawn"),
  };

  if (cl_str_empty (outcome))
    /* TRANSLATORS: a referral without an outcome yet */
    return _("Open");
  for (guint i = 0; outcomes[i]; i++)
    if (g_str_equal (outcome, outcomes[i]))
      return _(labels[i]);
  return outcome;
}

gboolean
cl_referral_is_open (CLReferral *self)
{
  g_return_val_if_fail (CL_IS_REFERRAL (self), FALSE);
  return !cl_record_get_deleted (CL_RECORD (self)) && cl_str_empty (self->outcome);
}

gboolean
cl_referral_is_urgent (CLReferral *self)
{
  g_return_val_if_fail (CL_IS_REFERRAL (self), FALSE);
  return g_strcmp0 (self->priority, CL_REFERRAL_URGENT) == 0;
}

gint64
cl_referral_waiting (gint64 received_at,
                     gint64 appointment_start,
                     gint64 now)
{
  gint64 until = appointment_start > 0 ? appointment_start : now;

  return MAX (0, until - received_at);
}

char *
cl_referral_format_waiting (gint64 seconds)
{
  gint64 days = seconds / 86400;
  gint64 hours = (seconds % 86400) / 3600;

  if (days > 0)
    /* TRANSLATORS: a waiting time in days and hours */
    return g_strdup_printf (_("%d d %d h"), (int) days, (int) hours);
  if (hours > 0)
    /* TRANSLATORS: a waiting time in hours */
    return g_strdup_printf (_("%d h"), (int) hours);
  /* TRANSLATORS: a waiting time in minutes */
  return g_strdup_printf (_("%d min"), (int) (seconds / 60));
}

gint
cl_referral_compare (CLReferral *a,
                     CLReferral *b)
{
  gboolean open_a = cl_referral_is_open (a), open_b = cl_referral_is_open (b);
  gboolean urgent_a = cl_referral_is_urgent (a), urgent_b = cl_referral_is_urgent (b);

  if (open_a != open_b)
    return open_a ? -1 : 1;
  if (urgent_a != urgent_b)
    return urgent_a ? -1 : 1;
  if (a->received_at != b->received_at)
    return a->received_at < b->received_at ? -1 : 1;
  return g_strcmp0 (cl_record_get_id (CL_RECORD (a)), cl_record_get_id (CL_RECORD (b)));
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

GHashTable *
cl_referral_validate (CLReferral *self,
                      gint64      now)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *reason = NULL;

  g_return_val_if_fail (CL_IS_REFERRAL (self), errors);

  if (cl_str_empty (self->patient_id))
    refuse (errors, "patient_id", _("Choose the patient, or register her first"));
  if (cl_str_empty (self->hospital_id))
    refuse (errors, "hospital_id", _("Choose the referring hospital"));
  reason = g_strstrip (g_strdup (self->reason ? self->reason : ""));
  if (*reason == '\0')
    refuse (errors, "reason", _("Enter the reason for the referral"));
  if (cl_str_empty (self->department_id))
    refuse (errors, "department_id", _("Choose the service asked for"));
  if (self->priority == NULL || !g_strv_contains (priorities, self->priority))
    refuse (errors, "priority", _("Choose routine or urgent"));
  if (self->received_at <= 0)
    refuse (errors, "received_at", _("Enter when the referral was received"));
  /* A few minutes' grace for a desk whose clock runs ahead. */
  else if (self->received_at > now + 600)
    refuse (errors, "received_at", _("A referral cannot be received in the future"));
  if (!cl_str_empty (self->outcome) && !g_strv_contains (outcomes, self->outcome))
    refuse (errors, "outcome", _("Unknown outcome"));
  return errors;
}
