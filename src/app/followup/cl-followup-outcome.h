#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-followup-record.h"

G_BEGIN_DECLS

/* Asks what came of @item (reached, no answer, refused) with a note of
 * the action taken, and records it (cl_followup_worklist_record()),
 * over @parent's window.  A refusal of the store shows in the dialog's
 * body and nothing is written.  For her page and her header's warning;
 * Today has its own row buttons. */
AdwMessageDialog *cl_followup_outcome_ask (GtkWidget        *parent,
                                           CLContext        *context,
                                           CLFollowupRecord *item);

/* For tests: the dialog's note entry. */
GtkEditable      *cl_followup_outcome_get_note (AdwMessageDialog *dialog);

G_END_DECLS
