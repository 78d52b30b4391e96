#define G_LOG_DOMAIN "cl-followup-record"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-followup-record.h"
#include "cl-util.h"

/* The text columns, in the order of the properties. */
enum {
  F_PATIENT_ID,
  F_PREGNANCY_ID,
  F_KIND,
  F_RULE_ID,
  F_SOURCE_ID,
  F_DUE_DATE,
  F_CHANNEL,
  F_CONTENT,
  F_OWNER_ID,
  F_STATE,
  F_OUTCOME,
  F_OUTCOME_NOTE,
  F_CANCEL_REASON,
  N_TEXT
};

static const char * const text_names[N_TEXT] = {
  "patient-id", "pregnancy-id", "kind", "rule-id", "source-id", "due-date",
  "channel", "content", "owner-id", "state", "outcome", "outcome-note",
  "cancel-reason",
};

/* What an outcome note, a content and a cancel reason may hold: a
 * sentence or two, not a document. */
#define MAX_TEXT 2000

struct _CLFollowupRecord
{
  CLRecord parent_instance;

  char   *text[N_TEXT];
  gint64  done_at;
};

G_DEFINE_FINAL_TYPE (CLFollowupRecord, cl_followup_record, CL_TYPE_RECORD)

/* Property ids: 1 + the text field, then done-at. */
#define PROP_DONE_AT (N_TEXT + 1)
#define N_PROPS      (N_TEXT + 2)

static GParamSpec *properties[N_PROPS];

static const char * const outcomes[] = {
  [CL_FOLLOWUP_OUTCOME_NONE] = "",
  [CL_FOLLOWUP_OUTCOME_REACHED] = "reached",
  [CL_FOLLOWUP_OUTCOME_NO_ANSWER] = "no_answer",
  [CL_FOLLOWUP_OUTCOME_REFUSED] = "refused",
  [CL_FOLLOWUP_OUTCOME_RESCHEDULED] = "rescheduled",
  [CL_FOLLOWUP_OUTCOME_SENT] = "sent",
};

const char *
cl_followup_outcome_to_string (CLFollowupOutcome outcome)
{
  g_return_val_if_fail (outcome < G_N_ELEMENTS (outcomes), NULL);
  return outcomes[outcome];
}

gboolean
cl_followup_outcome_from_string (const char        *text,
                                 CLFollowupOutcome *outcome)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (g_str_equal (outcomes[i], text ? text : ""))
      {
        *outcome = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cl_followup_kind_label (const char *kind)
{
  static const char * const labels[] = {
    [CL_FOLLOWUP_KIND_VISIT_REMINDER] = N_("Visit reminder"),
    [CL_FOLLOWUP_KIND_VISIT_OVERDUE] = N_("Overdue visit"),
    [CL_FOLLOWUP_KIND_ORDER_REMINDER] = N_("Order reminder"),
    [CL_FOLLOWUP_KIND_POST_CHECK_REVIEW] = N_("Post-check review"),
    [CL_FOLLOWUP_KIND_POSTPARTUM_OPEN] = N_("Open postpartum record"),
    [CL_FOLLOWUP_KIND_POSTPARTUM_REVISIT_REMINDER] = N_("42-day revisit reminder"),
    [CL_FOLLOWUP_KIND_SCALE] = N_("Scale"),
    [CL_FOLLOWUP_KIND_OTHER] = N_("Other"),
    [CL_FOLLOWUP_KIND_PSYCHOLOGICAL_SUPPORT] = N_("Psychological support"),
  };
  CLFollowupKind value;

  if (!cl_followup_kind_from_string (kind, &value))
    return kind ? kind : "";
  return _(labels[value]);
}

const char *
cl_followup_channel_label (const char *channel)
{
  static const char * const labels[] = {
    [CL_FOLLOWUP_CHANNEL_SMS] = N_("SMS"),
    [CL_FOLLOWUP_CHANNEL_WECHAT] = N_("WeChat"),
    [CL_FOLLOWUP_CHANNEL_PHONE] = N_("Phone call"),
    [CL_FOLLOWUP_CHANNEL_IN_PERSON] = N_("In person"),
  };
  CLFollowupChannel value;

  if (!cl_followup_channel_from_string (channel, &value))
    return channel ? channel : "";
  return _(labels[value]);
}

const char *
cl_followup_state_label (const char *state)
{
  static const char * const labels[] = {
    [CL_FOLLOWUP_STATE_DUE] = N_("Due"),
    [CL_FOLLOWUP_STATE_RESCHEDULED] = N_("Rescheduled"),
    [CL_FOLLOWUP_STATE_DONE] = N_("Done"),
    [CL_FOLLOWUP_STATE_CANCELLED] = N_("Cancelled"),
  };
  CLFollowupState value;

  if (!cl_followup_state_from_string (state, &value))
    return state ? state : "";
  return _(labels[value]);
}

const char *
cl_followup_outcome_label (const char *outcome)
{
  CLFollowupOutcome value;

  if (!cl_followup_outcome_from_string (outcome, &value))
    return outcome ? outcome : "";
  switch (value)
    {
    case CL_FOLLOWUP_OUTCOME_REACHED: return _("Reached");
    case CL_FOLLOWUP_OUTCOME_NO_ANSWER: return _("No answer");
    case CL_FOLLOWUP_OUTCOME_REFUSED: return _("Refused");
    case CL_FOLLOWUP_OUTCOME_RESCHEDULED: return C_("follow-up outcome", "Rescheduled");
    case CL_FOLLOWUP_OUTCOME_NONE:
    default: return "";
    }
}

const char *
cl_followup_cancel_reason_label (const char *reason)
{
  /* The words cl_followup_reason_to_string() writes. */
  if (g_strcmp0 (reason, "pregnancy-closed") == 0)
    return _("The pregnancy ended or was closed");
  if (g_strcmp0 (reason, "not-planned") == 0)
    return _("No longer in her plan: the visit was done, its window passed after a corrected due date, or the rule changed");
  if (reason == NULL || *reason == '\0' || g_strcmp0 (reason, "none") == 0)
    return _("No reason recorded");
  /* A reason a person or a later version wrote: as written. */
  return reason;
}

const CLFollowupKind *
cl_followup_kinds_by_hand (guint *n_kinds)
{
  /* Not "scale" (it names a scale to fill, which a rule gives) nor an
   * overdue visit (planning notices those). */
  static const CLFollowupKind kinds[] = {
    CL_FOLLOWUP_KIND_OTHER,
    CL_FOLLOWUP_KIND_PSYCHOLOGICAL_SUPPORT,
    CL_FOLLOWUP_KIND_VISIT_REMINDER,
    CL_FOLLOWUP_KIND_ORDER_REMINDER,
    CL_FOLLOWUP_KIND_POST_CHECK_REVIEW,
    CL_FOLLOWUP_KIND_POSTPARTUM_REVISIT_REMINDER,
  };

  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

static void
cl_followup_record_finalize (GObject *object)
{
  CLFollowupRecord *self = CL_FOLLOWUP_RECORD (object);

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (cl_followup_record_parent_class)->finalize (object);
}

static void
cl_followup_record_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CLFollowupRecord *self = CL_FOLLOWUP_RECORD (object);

  if (prop_id >= 1 && prop_id <= N_TEXT)
    g_value_set_string (value, self->text[prop_id - 1]);
  else if (prop_id == PROP_DONE_AT)
    g_value_set_int64 (value, self->done_at);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_followup_record_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CLFollowupRecord *self = CL_FOLLOWUP_RECORD (object);

  if (prop_id >= 1 && prop_id <= N_TEXT)
    cl_set_str (&self->text[prop_id - 1], g_value_get_string (value));
  else if (prop_id == PROP_DONE_AT)
    self->done_at = g_value_get_int64 (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_followup_record_class_init (CLFollowupRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cl_followup_record_finalize;
  object_class->get_property = cl_followup_record_get_property;
  object_class->set_property = cl_followup_record_set_property;
  CL_RECORD_CLASS (klass)->table_name = "followup_item";

  for (guint i = 0; i < N_TEXT; i++)
    properties[i + 1] = g_param_spec_string (text_names[i], NULL, NULL, NULL, flags);
  properties[PROP_DONE_AT] = g_param_spec_int64 ("done-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_followup_record_init (CLFollowupRecord *self)
{
}

CLFollowupRecord *
cl_followup_record_new (void)
{
  CLFollowupRecord *self = CL_FOLLOWUP_RECORD (cl_record_new (CL_TYPE_FOLLOWUP_RECORD));

  self->text[F_STATE] = g_strdup ("due");
  return self;
}

CLFollowupRecord *
cl_followup_record_new_by_hand (const char *patient_id,
                                const char *pregnancy_id)
{
  CLFollowupRecord *self = cl_followup_record_new ();

  self->text[F_PATIENT_ID] = g_strdup (patient_id);
  self->text[F_PREGNANCY_ID] = g_strdup (pregnancy_id);
  self->text[F_KIND] = g_strdup (cl_followup_kind_to_string (CL_FOLLOWUP_KIND_OTHER));
  self->text[F_CHANNEL] = g_strdup (cl_followup_channel_to_string (CL_FOLLOWUP_CHANNEL_PHONE));
  return self;
}

static void
set_text (CLFollowupRecord *self,
          guint             field,
          const char       *value)
{
  g_return_if_fail (CL_IS_FOLLOWUP_RECORD (self));

  if (cl_set_str (&self->text[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
}

#define TEXT_ACCESSORS(name, FIELD) \
  const char * \
  cl_followup_record_get_##name (CLFollowupRecord *self) \
  { \
    g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (self), NULL); \
    return self->text[FIELD]; \
  } \
  void \
  cl_followup_record_set_##name (CLFollowupRecord *self, \
                                 const char       *value) \
  { \
    set_text (self, FIELD, value); \
  }

TEXT_ACCESSORS (patient_id, F_PATIENT_ID)
TEXT_ACCESSORS (pregnancy_id, F_PREGNANCY_ID)
TEXT_ACCESSORS (kind, F_KIND)
TEXT_ACCESSORS (rule_id, F_RULE_ID)
TEXT_ACCESSORS (source_id, F_SOURCE_ID)
TEXT_ACCESSORS (due_date, F_DUE_DATE)
TEXT_ACCESSORS (channel, F_CHANNEL)
TEXT_ACCESSORS (content, F_CONTENT)
TEXT_ACCESSORS (owner_id, F_OWNER_ID)
TEXT_ACCESSORS (state, F_STATE)
TEXT_ACCESSORS (outcome, F_OUTCOME)
TEXT_ACCESSORS (outcome_note, F_OUTCOME_NOTE)
TEXT_ACCESSORS (cancel_reason, F_CANCEL_REASON)

gint64
cl_followup_record_get_done_at (CLFollowupRecord *self)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (self), 0);
  return self->done_at;
}

void
cl_followup_record_set_done_at (CLFollowupRecord *self,
                                gint64            value)
{
  g_return_if_fail (CL_IS_FOLLOWUP_RECORD (self));

  if (self->done_at == value)
    return;
  self->done_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);
}

gboolean
cl_followup_record_is_open (CLFollowupRecord *self)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (self), FALSE);

  return !cl_record_get_deleted (CL_RECORD (self)) &&
         (g_strcmp0 (self->text[F_STATE], "due") == 0 ||
          g_strcmp0 (self->text[F_STATE], "rescheduled") == 0);
}

gboolean
cl_followup_record_is_by_hand (CLFollowupRecord *self)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (self), FALSE);

  return cl_str_empty (self->text[F_RULE_ID]) && cl_str_empty (self->text[F_SOURCE_ID]);
}

CLFollowupItem *
cl_followup_record_to_item (CLFollowupRecord *self)
{
  CLFollowupItem *item;

  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (self), NULL);

  item = cl_followup_item_new ();
  item->id = g_strdup (cl_record_get_id (CL_RECORD (self)));
  item->rule_id = g_strdup (self->text[F_RULE_ID]);
  item->source_id = g_strdup (self->text[F_SOURCE_ID]);
  item->content = g_strdup (self->text[F_CONTENT]);
  if (!cl_followup_kind_from_string (self->text[F_KIND], &item->kind))
    item->kind = CL_FOLLOWUP_KIND_OTHER;
  if (!cl_followup_channel_from_string (self->text[F_CHANNEL], &item->channel))
    item->channel = CL_FOLLOWUP_CHANNEL_PHONE;
  if (!cl_followup_state_from_string (self->text[F_STATE], &item->state))
    item->state = CL_FOLLOWUP_STATE_DUE;
  if (!cl_date_parse (self->text[F_DUE_DATE], &item->due, NULL))
    g_date_clear (&item->due, 1);
  return item;
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
cl_followup_record_validate (CLFollowupRecord *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CLFollowupKind kind;
  CLFollowupChannel channel;
  CLFollowupState state;
  CLFollowupOutcome outcome;
  g_autofree char *iso = NULL;
  g_autofree char *content = NULL;
  GDate due;

  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (self), errors);

  if (cl_str_empty (self->text[F_PATIENT_ID]))
    refuse (errors, "patient_id", _("A follow-up item must belong to a patient"));
  if (!cl_followup_kind_from_string (self->text[F_KIND], &kind))
    refuse (errors, "kind", _("Unknown kind of follow-up item"));
  if (!cl_followup_channel_from_string (self->text[F_CHANNEL], &channel))
    refuse (errors, "channel", _("Choose SMS, WeChat, phone or in person"));
  if (!cl_date_parse (self->text[F_DUE_DATE], &due, NULL) ||
      !g_str_equal (iso = cl_date_to_iso (&due), self->text[F_DUE_DATE]))
    refuse (errors, "due_date", _("Enter the due date as YYYY-MM-DD"));
  if (self->text[F_CONTENT] == NULL || *g_strstrip (content = g_strdup (self->text[F_CONTENT])) == '\0')
    refuse (errors, "content", _("Say what to do or to tell her"));
  else if (g_utf8_strlen (self->text[F_CONTENT], -1) > MAX_TEXT)
    refuse (errors, "content", _("At most 2000 characters"));
  if (self->text[F_OUTCOME_NOTE] && g_utf8_strlen (self->text[F_OUTCOME_NOTE], -1) > MAX_TEXT)
    refuse (errors, "outcome_note", _("At most 2000 characters"));
  if (!cl_followup_outcome_from_string (self->text[F_OUTCOME], &outcome))
    refuse (errors, "outcome", _("The outcome is reached, no answer, refused or rescheduled"));
  if (!cl_followup_state_from_string (self->text[F_STATE], &state))
    refuse (errors, "state", _("Unknown state of follow-up item"));
  else if (state == CL_FOLLOWUP_STATE_DONE && outcome == CL_FOLLOWUP_OUTCOME_NONE)
    refuse (errors, "outcome", _("A done item needs its outcome"));
  else if (state == CL_FOLLOWUP_STATE_CANCELLED && cl_str_empty (self->text[F_CANCEL_REASON]))
    refuse (errors, "cancel_reason", _("A cancelled item needs its reason"));
  else if ((state == CL_FOLLOWUP_STATE_DUE) && outcome != CL_FOLLOWUP_OUTCOME_NONE)
    refuse (errors, "outcome", _("An item still due has no outcome yet"));
  return errors;
}
