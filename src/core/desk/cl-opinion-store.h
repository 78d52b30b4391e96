#pragma once

#include "cl-opinion-entry.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Writing the daily opinion log, at the desk and on the server, with
 * one set of rules and messages.  Reads are cl-store-opinions.h's. */

/* @entry's rules with the store: its own (cl_opinion_entry_validate())
 * and a live department and complaint ticket when named.  Adds column
 * → message to @errors. */
void     cl_opinion_store_validate     (CLStore         *store,
                                        CLOpinionEntry  *entry,
                                        GHashTable      *errors);

/* Every rule, with the date not after today (by cl_schedule_now()), then
 * saves @entry for @role.  On a refusal CL_STORE_ERROR_INVALID and, if
 * given, @field_errors (column → message); nothing is written. */
gboolean cl_opinion_store_save         (CLStore         *store,
                                        CLOpinionEntry  *entry,
                                        const char      *role,
                                        GHashTable     **field_errors,
                                        GError         **error);

/* Records that @entry was made the complaint ticket @complaint_id (and
 * is a complaint): cl_opinion_store_save()'s rules.  On a refusal
 * @entry is left as it was. */
gboolean cl_opinion_store_link_complaint (CLStore        *store,
                                          CLOpinionEntry *entry,
                                          const char     *complaint_id,
                                          const char     *role,
                                          GError        **error);

/* The server's hook for the table (cl-tables.c), inside the write
 * transaction of a pushed change: cl_opinion_entry_check_day() with
 * the server's day, as CL_STORE_ERROR_INVALID "column: message". */
gboolean cl_opinion_store_check_change (CLStore         *store,
                                        CLRecord        *incoming,
                                        CLRecord        *current,
                                        const char      *username,
                                        const char      *role,
                                        CLRecord       **conflict,
                                        GError         **error);

G_END_DECLS
