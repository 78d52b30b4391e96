#pragma once

#include "cl-followup-delivery.h"
#include "cl-followup-record.h"
#include "cl-scale-record.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The follow-up items' reads (cl-store-followup.c).  The rules over
 * them are in src/core/followup/. */

/* The live CLFollowupRecords of a pregnancy, by due date then id. */
GPtrArray *cl_store_followup_for_pregnancy (CLStore    *store,
                                            const char *pregnancy_id);

/* The open (due or rescheduled) live CLFollowupRecords that @owner_id
 * owns, due on or before @through (YYYY-MM-DD), by due date then id. */
GPtrArray *cl_store_followup_open_for_owner (CLStore    *store,
                                             const char *owner_id,
                                             const char *through);

/* The live CLFollowupRecords of a patient, every pregnancy: the open
 * first, soonest due first; then the done and cancelled, the latest
 * first. */
GPtrArray *cl_store_followup_for_patient (CLStore    *store,
                                          const char *patient_id);

/* The open (due or rescheduled) live psychological-support items of a
 * patient that a scale result raised (source_id is the result's id),
 * the oldest due first. */
GPtrArray *cl_store_followup_open_alerts (CLStore    *store,
                                          const char *patient_id);

/* The live CLScaleRecords of a patient, the latest filled first. */
GPtrArray *cl_store_scale_results_for_patient (CLStore    *store,
                                               const char *patient_id);

/* The latest live CLFollowupDelivery of a follow-up item (what the
 * server's gateway did with it), or NULL when it sent none. */
CLFollowupDelivery *cl_store_followup_latest_delivery (CLStore    *store,
                                                       const char *item_id);

G_END_DECLS
