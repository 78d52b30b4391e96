#pragma once

#include "cl-followup-record.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Writing follow-up items: the desk's saves and the server's rules are
 * the same (cl_followup_record_validate()). */

/* The rules of an open item added by hand that need the store, for the
 * desk's save and the server's check of a pushed change: when it is
 * new, its due date is not before today; when it is new or changes
 * owner, the owner is an active member of staff with the case_manager
 * role and, unless @role may assign (cl_followup_role_may_assign()),
 * her case manager when she has one.  Adds column → translated message
 * to @errors. */
void     cl_followup_store_validate (CLStore          *store,
                                     CLFollowupRecord *item,
                                     const char       *role,
                                     GHashTable       *errors);

/* Whether @role may choose who owns an item added by hand (an
 * administrator); others give it to her case manager. */
gboolean cl_followup_role_may_assign (const char *role);

/* Saves @item as typed, if @role may write follow-up items and it is
 * valid; else FALSE with CL_STORE_ERROR_INVALID and, when
 * @field_errors, column → message.  On success @item takes the written
 * record's rev. */
gboolean cl_followup_store_save (CLStore           *store,
                                 CLFollowupRecord  *item,
                                 const char        *role,
                                 GHashTable       **field_errors,
                                 GError           **error);


/* Plans @pregnancy_id's follow-up items from the rules in force
 * (cl_followup_rules_in_force()), reconciles them with the stored
 * ones (cl_followup_reconcile()) and writes the additions, moves and
 * cancellations, inside the store's open transaction.  The store calls
 * it at commit for every pregnancy whose plan a write may have changed
 * (cl-store-records.c); a new item's owner is her case manager and its
 * id is derived from the pregnancy, the rule and the source, so two
 * desks planning the same pregnancy offline make the same record. */
gboolean cl_followup_store_replan_in_transaction (CLStore     *store,
                                                  const char  *pregnancy_id,
                                                  GError     **error);
/* The same in a transaction of its own. */
gboolean cl_followup_store_replan (CLStore     *store,
                                   const char  *pregnancy_id,
                                   GError     **error);

G_END_DECLS
