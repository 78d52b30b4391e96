#pragma once

#include "cl-followup-record.h"
#include "cl-scale-record.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Writing scale results: the desk's saves and the server's rules are
 * the same (cl_scale_record_validate()). */

/* Saves @result if @role may write scale results and it is valid
 * (complete answers, the score they make); else FALSE with
 * CL_STORE_ERROR_INVALID and, when @field_errors, column → message,
 * and nothing written.  A positive screen or a flag (EPDS item 10,
 * PHQ-9 item 9) also adds, in the same transaction, an urgent
 * psychological-support follow-up item due today for her case manager;
 * *@urgent_item (may be NULL) is set to it, else NULL. */
gboolean cl_scale_store_save (CLStore           *store,
                              CLScaleRecord     *result,
                              const char        *role,
                              GHashTable       **field_errors,
                              CLFollowupRecord **urgent_item,
                              GError           **error);

/* The urgent psychological-support item a positive screen or a flag in
 * @result (the score of @record) makes, due today for her case manager
 * (else for the staff member @record was filled by), not written; NULL
 * when @result is not urgent.  For cl_scale_store_save() and for the
 * server, which writes a patient's own answers as pushed changes. */
CLFollowupRecord *cl_scale_store_urgent_item (CLStore       *store,
                                              CLScaleRecord *record,
                                              CLScaleResult *result);

G_END_DECLS
