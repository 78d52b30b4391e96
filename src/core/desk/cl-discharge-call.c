#define G_LOG_DOMAIN "cl-discharge-call"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-discharge-call.h"
#include "cl-util.h"

struct _CLDischargeCall
{
  CLRecord parent_instance;

  char   *discharge_id;
  gint64  called_at;
  char   *caller;
  char   *outcome;
  char   *note;
};

G_DEFINE_FINAL_TYPE (CLDischargeCall, cl_discharge_call, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DISCHARGE_ID,
  PROP_CALLED_AT,
  PROP_CALLER,
  PROP_OUTCOME,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_discharge_call_class_init (CLDischargeCallClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_DISCHARGE_ID] = { "discharge-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischargeCall, discharge_id) },
    [PROP_CALLED_AT]    = { "called-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLDischargeCall, called_at),
                            0, CL_COLUMN_NON_NEGATIVE },
    [PROP_CALLER]       = { "caller", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischargeCall, caller) },
    [PROP_OUTCOME]      = { "outcome", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischargeCall, outcome) },
    [PROP_NOTE]         = { "note", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDischargeCall, note) },
  };

  CL_RECORD_CLASS (klass)->table_name = "discharge_call";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_discharge_call_init (CLDischargeCall *self)
{
}

CLDischargeCall *
cl_discharge_call_new (void)
{
  return CL_DISCHARGE_CALL (cl_record_new (CL_TYPE_DISCHARGE_CALL));
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_discharge_call_get_##field (CLDischargeCall *self) \
  { \
    g_return_val_if_fail (CL_IS_DISCHARGE_CALL (self), NULL); \
    return self->field; \
  } \
  void \
  cl_discharge_call_set_##field (CLDischargeCall *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_DISCHARGE_CALL (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (discharge_id, PROP_DISCHARGE_ID)
TEXT_ACCESSORS (caller, PROP_CALLER)
TEXT_ACCESSORS (outcome, PROP_OUTCOME)
TEXT_ACCESSORS (note, PROP_NOTE)

gint64
cl_discharge_call_get_called_at (CLDischargeCall *self)
{
  g_return_val_if_fail (CL_IS_DISCHARGE_CALL (self), 0);
  return self->called_at;
}

void
cl_discharge_call_set_called_at (CLDischargeCall *self,
                                 gint64           value)
{
  g_return_if_fail (CL_IS_DISCHARGE_CALL (self));
  cl_record_set_int_column (self, properties[PROP_CALLED_AT], value);
}

static const char * const outcomes[] = { "reached", "no_answer", "refused", NULL };

const char * const *
cl_discharge_call_outcomes (void)
{
  return outcomes;
}

const char *
cl_discharge_call_outcome_label (const char *outcome)
{
  static const char * const labels[] = {
    N_("Reached"), N_("No answer"), N_("Refused"),
  };

  for (guint i = 0; outcome && outcomes[i]; i++)
    if (g_str_equal (outcome, outcomes[i]))
      return _(labels[i]);
  return outcome ? outcome : "";
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
cl_discharge_call_validate (CLDischargeCall *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_DISCHARGE_CALL (self), errors);

  if (cl_str_empty (self->discharge_id))
    refuse (errors, "discharge_id", _("There is no such discharge"));
  if (self->called_at <= 0)
    refuse (errors, "called_at", _("Enter when you called"));
  if (cl_str_empty (self->caller))
    refuse (errors, "caller", _("Enter who called"));
  if (self->outcome == NULL || !g_strv_contains (outcomes, self->outcome))
    refuse (errors, "outcome", _("Choose reached, no answer or refused"));
  return errors;
}

void
cl_discharge_call_check_now (CLDischargeCall *self,
                             gint64           now,
                             GHashTable      *errors)
{
  g_return_if_fail (CL_IS_DISCHARGE_CALL (self));

  if (self->called_at > now + 60)
    refuse (errors, "called_at", _("The call lies in the future"));
}

ClDischargeCallState
cl_discharge_call_state (GPtrArray  *attempts,
                         const char *except_id,
                         guint      *no_answers)
{
  ClDischargeCallState state = CL_DISCHARGE_CALL_OPEN;
  guint n = 0;

  for (guint i = 0; attempts && i < attempts->len; i++)
    {
      CLDischargeCall *call = g_ptr_array_index (attempts, i);

      if (cl_record_get_deleted (CL_RECORD (call)) ||
          (except_id && g_strcmp0 (cl_record_get_id (CL_RECORD (call)), except_id) == 0))
        continue;
      if (g_strcmp0 (call->outcome, "reached") == 0)
        state = CL_DISCHARGE_CALL_REACHED;
      else if (g_strcmp0 (call->outcome, "refused") == 0 && state == CL_DISCHARGE_CALL_OPEN)
        state = CL_DISCHARGE_CALL_REFUSED;
      else if (g_strcmp0 (call->outcome, "no_answer") == 0)
        n++;
    }
  if (state == CL_DISCHARGE_CALL_OPEN && n >= CL_DISCHARGE_CALL_MAX_NO_ANSWERS)
    state = CL_DISCHARGE_CALL_UNREACHABLE;
  if (no_answers)
    *no_answers = n;
  return state;
}

char *
cl_discharge_call_state_label (ClDischargeCallState state,
                               guint                no_answers)
{
  switch (state)
    {
    case CL_DISCHARGE_CALL_REACHED:
      return g_strdup (_("Reached"));
    case CL_DISCHARGE_CALL_REFUSED:
      return g_strdup (_("Refused"));
    case CL_DISCHARGE_CALL_UNREACHABLE:
      return g_strdup (_("Closed after three calls unanswered"));
    case CL_DISCHARGE_CALL_OPEN:
    default:
      if (no_answers == 0)
        return g_strdup (_("Not yet called"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No answer once", "No answer %u times", no_answers),
                              no_answers);
    }
}
