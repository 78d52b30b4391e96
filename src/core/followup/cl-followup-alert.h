#pragma once

#include "cl-followup-record.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* What her header warns of while a scale's positive screen or flagged
 * answer waits for someone to act: the open psychological-support item
 * that the scale result raised (cl-scale-store.c), until its outcome is
 * recorded (from Today or her page). */

/* The translated warning for @patient_id ("Self-harm risk flagged on
 * EPDS — record the action taken"), a flag before a positive screen,
 * or NULL when nothing waits.  *@item (may be NULL) is set to the item
 * the warning is about. */
char *cl_followup_alert_for_patient (CLStore           *store,
                                     const char        *patient_id,
                                     CLFollowupRecord **item);

G_END_DECLS
