#pragma once

#include "cl-record.h"
#include "cl-followup-item.h"

G_BEGIN_DECLS

/* A stored follow-up item (table followup_item), synced like every
 * record.  CLFollowupItem is the planner's value; this is the row the
 * desk and the server keep, with who owns it and what came of it.  The
 * words in kind, channel and state are cl_followup_*_to_string()'s. */
#define CL_TYPE_FOLLOWUP_RECORD (cl_followup_record_get_type ())
G_DECLARE_FINAL_TYPE (CLFollowupRecord, cl_followup_record, CL, FOLLOWUP_RECORD, CLRecord)

typedef enum
{
  CL_FOLLOWUP_OUTCOME_NONE,
  CL_FOLLOWUP_OUTCOME_REACHED,
  CL_FOLLOWUP_OUTCOME_NO_ANSWER,
  CL_FOLLOWUP_OUTCOME_REFUSED,
  CL_FOLLOWUP_OUTCOME_RESCHEDULED,
  CL_FOLLOWUP_OUTCOME_SENT,           /* by careline-server's SMS/WeChat gateway */
} CLFollowupOutcome;

/* "", "reached", "no_answer", "refused", "rescheduled", "sent" */
const char       *cl_followup_outcome_to_string   (CLFollowupOutcome  outcome);
gboolean          cl_followup_outcome_from_string (const char        *text,
                                                   CLFollowupOutcome *outcome);

/* What a person reads for a kind or a channel word of the table
 * (translated); the word itself when unknown. */
const char       *cl_followup_kind_label          (const char        *kind);
const char       *cl_followup_channel_label       (const char        *channel);

/* What a person reads for a state, an outcome or a cancel reason word
 * of the table (translated); the word itself when unknown.  The cancel
 * reasons are those planning writes (cl_followup_reason_to_string()). */
const char       *cl_followup_state_label         (const char        *state);
const char       *cl_followup_outcome_label       (const char        *outcome);
const char       *cl_followup_cancel_reason_label (const char        *reason);

/* The kinds a person may add by hand, in the order a form offers them;
 * the first is the default. */
const CLFollowupKind *cl_followup_kinds_by_hand   (guint             *n_kinds);

CLFollowupRecord *cl_followup_record_new (void);
/* A new item added by hand for @patient_id (and her @pregnancy_id, may
 * be NULL): kind other, by phone, due; no rule and no source. */
CLFollowupRecord *cl_followup_record_new_by_hand (const char *patient_id,
                                                  const char *pregnancy_id);

const char *cl_followup_record_get_patient_id    (CLFollowupRecord *self);
void        cl_followup_record_set_patient_id    (CLFollowupRecord *self, const char *value);
const char *cl_followup_record_get_pregnancy_id  (CLFollowupRecord *self);
void        cl_followup_record_set_pregnancy_id  (CLFollowupRecord *self, const char *value);
const char *cl_followup_record_get_kind          (CLFollowupRecord *self);
void        cl_followup_record_set_kind          (CLFollowupRecord *self, const char *value);
/* The [Rule NAME] that planned it; NULL for one added by hand. */
const char *cl_followup_record_get_rule_id       (CLFollowupRecord *self);
void        cl_followup_record_set_rule_id       (CLFollowupRecord *self, const char *value);
const char *cl_followup_record_get_source_id     (CLFollowupRecord *self);
void        cl_followup_record_set_source_id     (CLFollowupRecord *self, const char *value);
/* A civil date, "YYYY-MM-DD". */
const char *cl_followup_record_get_due_date      (CLFollowupRecord *self);
void        cl_followup_record_set_due_date      (CLFollowupRecord *self, const char *value);
const char *cl_followup_record_get_channel       (CLFollowupRecord *self);
void        cl_followup_record_set_channel       (CLFollowupRecord *self, const char *value);
const char *cl_followup_record_get_content       (CLFollowupRecord *self);
void        cl_followup_record_set_content       (CLFollowupRecord *self, const char *value);
/* The staff id of her case manager. */
const char *cl_followup_record_get_owner_id      (CLFollowupRecord *self);
void        cl_followup_record_set_owner_id      (CLFollowupRecord *self, const char *value);
const char *cl_followup_record_get_state         (CLFollowupRecord *self);
void        cl_followup_record_set_state         (CLFollowupRecord *self, const char *value);
const char *cl_followup_record_get_outcome       (CLFollowupRecord *self);
void        cl_followup_record_set_outcome       (CLFollowupRecord *self, const char *value);
const char *cl_followup_record_get_outcome_note  (CLFollowupRecord *self);
void        cl_followup_record_set_outcome_note  (CLFollowupRecord *self, const char *value);
const char *cl_followup_record_get_cancel_reason (CLFollowupRecord *self);
void        cl_followup_record_set_cancel_reason (CLFollowupRecord *self, const char *value);
/* When the outcome was recorded, UTC seconds; 0 while open. */
gint64      cl_followup_record_get_done_at       (CLFollowupRecord *self);
void        cl_followup_record_set_done_at       (CLFollowupRecord *self, gint64 value);

/* Added by a person: no rule planned it and no scale raised it. */
gboolean    cl_followup_record_is_by_hand        (CLFollowupRecord *self);

/* Open: due or rescheduled, not deleted. */
gboolean    cl_followup_record_is_open           (CLFollowupRecord *self);

/* The planner's view of the row (id, rule, source, kind, channel, due,
 * content, state), for cl_followup_reconcile(). */
CLFollowupItem *cl_followup_record_to_item       (CLFollowupRecord *self);

/* The record's own rules, column → translated message, for the desk's
 * form and the server's check of a pushed change; empty when valid. */
GHashTable *cl_followup_record_validate          (CLFollowupRecord *self);

G_END_DECLS
