#pragma once

#include "cl-followup-record.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* A case manager's worklist for one day (the Today view): her open
 * items due by then, each with what the list shows of its patient,
 * and the writes a row's buttons make. */

typedef struct
{
  CLFollowupRecord *item;
  char             *patient_name;
  char             *phone_masked;   /* "138****8000" */
  gboolean          priority;       /* the patient carries a priority flag */
  char             *flags;          /* her flags on the day, aged 70+ included
                                     * (cl_patient_effective_flags()) */
  gboolean          overdue;        /* due before the day */
  char             *delivery;       /* what the server's gateway did with it
                                     * (cl-followup-delivery.h's status), or NULL */
} CLFollowupRow;

void      cl_followup_row_free (CLFollowupRow *row);

/* The open items @owner_id owns due on or before @today: the overdue
 * first, then today's; in each, priority patients first, then by due
 * date, then by name. */
GPtrArray *cl_followup_worklist_load (CLStore     *store,
                                      const char  *owner_id,
                                      const GDate *today);

/* Records what came of @item: done with @outcome (reached, no_answer,
 * refused) and @note, at @now (UTC seconds).  FALSE with
 * CL_STORE_ERROR_INVALID when @role may not. */
gboolean  cl_followup_worklist_record (CLStore           *store,
                                       CLFollowupRecord  *item,
                                       CLFollowupOutcome  outcome,
                                       const char        *note,
                                       gint64             now,
                                       const char        *role,
                                       GError           **error);
/* Moves @item to @date (YYYY-MM-DD), state and outcome rescheduled; a
 * date before @today is refused with CL_STORE_ERROR_INVALID. */
gboolean  cl_followup_worklist_reschedule (CLStore           *store,
                                           CLFollowupRecord  *item,
                                           const GDate       *date,
                                           const GDate       *today,
                                           const char        *note,
                                           const char        *role,
                                           GError           **error);
/* Puts @item back as @before was (an undone outcome). */
gboolean  cl_followup_worklist_restore (CLStore           *store,
                                        CLFollowupRecord  *item,
                                        CLFollowupRecord  *before,
                                        const char        *role,
                                        GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLFollowupRow, cl_followup_row_free)

G_END_DECLS
