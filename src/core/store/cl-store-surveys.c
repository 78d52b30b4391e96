/* cl-store-surveys.c
 *
 * The satisfaction surveys as the desk reads them (cl-store-surveys.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-private.h"
#include "cl-store-surveys.h"

GPtrArray *
cl_store_survey_campaigns_of_quarter (CLStore    *store,
                                      const char *quarter)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_SURVEY_CAMPAIGN,
                                 "deleted = 0 AND quarter = ?1"
                                 " ORDER BY status <> 'open', title, rowid",
                                 quarter ? quarter : "", NULL);
}

GPtrArray *
cl_store_survey_answers_of_campaign (CLStore    *store,
                                     const char *campaign_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_SURVEY_ANSWER,
                                 "deleted = 0 AND campaign_id = ?1"
                                 " ORDER BY answered_at, rowid",
                                 campaign_id ? campaign_id : "", NULL);
}

GPtrArray *
cl_store_survey_answers_by (CLStore    *store,
                            const char *person_kind,
                            const char *person_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_SURVEY_ANSWER,
                                 "deleted = 0 AND person_kind = ?1 AND person_id = ?2"
                                 " ORDER BY answered_at, rowid",
                                 person_kind ? person_kind : "", person_id ? person_id : "", NULL);
}
