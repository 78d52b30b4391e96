#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* One attempt at a discharged patient's follow-up call (table
 * discharge_call), synced: the discharge it is about, when it was made
 * (UTC seconds) and by whom (the user name), its outcome ("reached",
 * "no_answer", "refused") and a note.  A discharge's call item is the
 * list of its attempts: closed once she was reached or refused, or
 * after the third no answer (cl_discharge_call_state()). */
#define CL_TYPE_DISCHARGE_CALL (cl_discharge_call_get_type ())
G_DECLARE_FINAL_TYPE (CLDischargeCall, cl_discharge_call, CL, DISCHARGE_CALL, CLRecord)

/* The no answers that close a call item. */
#define CL_DISCHARGE_CALL_MAX_NO_ANSWERS 3

typedef enum
{
  CL_DISCHARGE_CALL_OPEN,
  CL_DISCHARGE_CALL_REACHED,
  CL_DISCHARGE_CALL_REFUSED,
  CL_DISCHARGE_CALL_UNREACHABLE,   /* closed by the third no answer */
} ClDischargeCallState;

CLDischargeCall *cl_discharge_call_new (void);

const char *cl_discharge_call_get_discharge_id (CLDischargeCall *self);
void        cl_discharge_call_set_discharge_id (CLDischargeCall *self, const char *value);
gint64      cl_discharge_call_get_called_at    (CLDischargeCall *self);
void        cl_discharge_call_set_called_at    (CLDischargeCall *self, gint64 value);
const char *cl_discharge_call_get_caller       (CLDischargeCall *self);
void        cl_discharge_call_set_caller       (CLDischargeCall *self, const char *value);
const char *cl_discharge_call_get_outcome      (CLDischargeCall *self);
void        cl_discharge_call_set_outcome      (CLDischargeCall *self, const char *value);
const char *cl_discharge_call_get_note         (CLDischargeCall *self);
void        cl_discharge_call_set_note         (CLDischargeCall *self, const char *value);

/* The outcomes as stored, NULL-terminated, and what a person reads for
 * one (translated). */
const char * const  *cl_discharge_call_outcomes      (void);
const char          *cl_discharge_call_outcome_label (const char *outcome);

/* The attempt's own rules, column → translated message: a discharge,
 * a time, a caller and an outcome of the list.  Empty when valid. */
GHashTable          *cl_discharge_call_validate      (CLDischargeCall *self);
/* The rule against the clock: not after @now (UTC seconds; a minute's
 * grace for a desk's clock).  Adds column → message to @errors. */
void                 cl_discharge_call_check_now     (CLDischargeCall *self,
                                                      gint64           now,
                                                      GHashTable      *errors);

/* The state of a call item made of @attempts (CLDischargeCalls of one
 * discharge, deleted ones skipped), leaving out the one with
 * @except_id (may be NULL), and its no answers in @no_answers (may be
 * NULL). */
ClDischargeCallState cl_discharge_call_state         (GPtrArray       *attempts,
                                                      const char      *except_id,
                                                      guint           *no_answers);
/* What a person reads for a closed state, or for an open item with
 * @no_answers so far (translated, "Reached", "No answer twice"). */
char                *cl_discharge_call_state_label   (ClDischargeCallState state,
                                                      guint                no_answers);

G_END_DECLS
