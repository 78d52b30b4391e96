#pragma once

#include "cl-enrolment-store.h"

G_BEGIN_DECLS

/* What cl-enrolment-store.c and cl-enrolment-settlement.c share:
 * private to core.  Months are "YYYY-MM" text, compared as text. */

/* First day of @month and of the month after, for date ranges. */
void      cl_enrolment_month_range          (const char  *month,
                                             char       **from,
                                             char       **to);
/* FALSE with a translated error unless @role may write @table. */
gboolean  cl_enrolment_check_role           (const char  *role,
                                             const char  *table,
                                             GError     **error);
/* Is the month of ISO @date closed for @contract_id? */
gboolean  cl_enrolment_date_in_closed_month (CLStore     *store,
                                             const char  *contract_id,
                                             const char  *date);
/* Why an entry cannot go into the closed month of @date. */
char     *cl_enrolment_closed_message       (const char  *date);
/* Why an entry settled in the closed month of @date cannot change. */
char     *cl_enrolment_settled_message      (const char  *date);
/* Why @month cannot be closed or changed again. */
char     *cl_enrolment_already_closed_message (const char *month);

typedef enum
{
  CL_CLOSED_MONTH_UNTOUCHED,
  CL_CLOSED_MONTH_SETTLED,   /* the old amount is in a closed month */
  CL_CLOSED_MONTH_ENTERED,   /* the new amount would go into one */
} ClClosedMonthTouch;

/* Does changing one dated amount (a payment, a refund, a deduction, a
 * rate) of @contract_id (payments and refunds are the obstetric
 * contract's) from @old_date/@old_amount to @new_date/@new_amount touch a
 * closed month?  @old_date is NULL and @old_amount 0 for a new record;
 * an amount of 0 (or a deleted record's) is no entry.  Unless
 * untouched, *@message receives the translated reason.  The desk's
 * saves and the server's hook (cl_enrolment_store_check_change()) both
 * decide with it, so they agree. */
ClClosedMonthTouch cl_enrolment_closed_month_touch (CLStore     *store,
                                                    const char  *contract_id,
                                                    const char  *old_date,
                                                    gint64       old_amount,
                                                    const char  *new_date,
                                                    gint64       new_amount,
                                                    char       **message);
/* Parses an ISO date field; FALSE if empty or not a date. */
gboolean  cl_enrolment_parse_date           (const char  *text,
                                             GDate       *out);

/* Field errors as the desk's saves answer them: the single reason, or
 * a summary, as CL_STORE_ERROR_INVALID; @out gets the errors. */
gboolean  cl_enrolment_fail_with            (GHashTable  *errors,
                                             GHashTable **out,
                                             GError     **error);
/* @errors[@field] = @message (taken) unless the field has one. */
void      cl_enrolment_refuse               (GHashTable  *errors,
                                             const char  *field,
                                             char        *message);
/* A dated amount of @contract_id that touches a closed month is
 * refused at @amount_field if the closed month settled it, else at
 * @date_field. */
void      cl_enrolment_refuse_in_closed_month (CLStore    *store,
                                               const char *contract_id,
                                               GHashTable *errors,
                                               const char *amount_field,
                                               const char *date_field,
                                               const char *old_date,
                                               gint64      old_amount,
                                               const char *new_date,
                                               gint64      new_amount);

G_END_DECLS
