#pragma once

#include "cl-deduction.h"
#include "cl-enrolment.h"
#include "cl-package.h"
#include "cl-settlement-month.h"
#include "cl-settlement.h"
#include "cl-share-rate.h"
#include "cl-store.h"

G_BEGIN_DECLS

#define CL_ENROLMENT_ERROR (cl_enrolment_error_quark ())

typedef enum
{
  CL_ENROLMENT_ERROR_CLOSED,  /* the change touches a closed settlement month */
} CLEnrolmentError;

GQuark        cl_enrolment_error_quark            (void);

/* Packages, enrolments and the monthly settlement (issue #6), as
 * functions on the store like cl-patient-store.h.
 *
 * Every save takes the acting user's role and refuses what the role
 * may not write (cl-tables.c); rules refuse with CL_STORE_ERROR_INVALID
 * and a translated message saying why, and nothing is written.
 *
 * Closed months.  Settlement lines are not stored: a month's lines are
 * the payments (enrolment.paid_date) and refunds (enrolment.cancel_date)
 * dated in it, derived by a query.  Closing a month writes a
 * settlement_month row with closed = 1 and the whole statement as a
 * JSON snapshot (lines, deductions, totals); from then on the month's
 * statement is read from the snapshot and never recomputed, so it is
 * immutable.
 *  - Entering or changing a payment, refund or deduction dated in a
 *    closed month, or changing one already settled in a closed month,
 *    is refused here, and by the server inside its write transaction
 *    (cl_enrolment_store_check_change()), so a desk that did not yet
 *    know of the close cannot slip one in either.
 *  - A payment, refund or deduction that the closing desk had not yet
 *    received (the server took it before the close reached it) is not
 *    lost: it is in no closed snapshot, so it is booked into the first
 *    open month after its own as an adjustment line
 *    (CLSettlementLine.adjustment_of names the closed month).  Once that
 *    month is closed in turn, its snapshot holds the line and the
 *    booking is final. */

/* Months are "YYYY-MM" text.  TRUE if @month is one, with its parts. */
gboolean      cl_enrolment_month_parse            (const char   *month,
                                                   guint        *year,
                                                   guint        *mon);
/* @month moved by @delta months; @month must be valid. */
char         *cl_enrolment_month_shift            (const char   *month,
                                                   gint          delta);
/* The month of cl_date_today(). */
char         *cl_enrolment_month_this             (void);
/* @month formatted by g_date_time_format() @format ("%B %Y"); @month
 * itself if it is not a month. */
char         *cl_enrolment_month_format           (const char   *month,
                                                   const char   *format);

/* Live packages by price, descending; only active ones unless
 * @include_inactive. */
GPtrArray    *cl_enrolment_store_list_packages    (CLStore      *store,
                                                   gboolean      include_inactive);

/* Validates and saves a package (admin only).  Field errors are keyed by
 * column: code, name, price_fen, enrol_from_day, enrol_to_day,
 * postpartum_days, services (not a list of services at all) and
 * services.N (the Nth service, from 0: no name, or a quantity not from
 * 1 to 999).  Existing enrolments keep the price they were sold at. */
gboolean      cl_enrolment_store_save_package     (CLStore      *store,
                                                   CLPackage    *package,
                                                   const char   *role,
                                                   GHashTable  **field_errors,
                                                   GError      **error);

/* The rules of cl_enrolment_store_save_package() without saving, for
 * the desk and the server alike: each refused field's message goes into
 * @errors (column → message; a field already there keeps its own). */
void          cl_enrolment_store_validate_package (CLStore      *store,
                                                   CLPackage    *package,
                                                   GHashTable   *errors);

/* Live enrolments of a patient, newest agreement first. */
GPtrArray    *cl_enrolment_store_list_for_patient (CLStore      *store,
                                                   const char   *patient_id);

/* Why she may not be enrolled in @package on @agreement without an
 * administrator's override (her pregnancy is not dated, or she is
 * outside the package's window), translated; NULL if she may. */
char         *cl_enrolment_store_window_problem   (CLStore      *store,
                                                   const char   *patient_id,
                                                   CLPackage    *package,
                                                   const GDate  *agreement);

/* Her live enrolment (cl_enrolment_is_live()) other than @except_id
 * (may be NULL), the newest agreement first; NULL if she has none. */
CLEnrolment  *cl_enrolment_store_find_live        (CLStore      *store,
                                                   const char   *patient_id,
                                                   const char   *except_id);

/* “She is already enrolled in 全孕期 (signed 2026-11-20)”, of @live,
 * translated: why a second enrolment needs an override. */
char         *cl_enrolment_store_already_enrolled (CLStore      *store,
                                                   CLEnrolment  *live);

/* Validates and saves an enrolment as one user action.
 *  - A new enrolment (or one moved to another package) copies the
 *    package's price now; a later price change does not touch it.
 *  - Her gestational age on the agreement date (from her current
 *    pregnancy) must be inside the package's window, unless @role is
 *    "admin" and an override reason is given.
 *  - While she has a live enrolment, a new one (or a cancelled one made
 *    active again) is refused, under the same override.
 *  - A payment needs its date, amount and receipt number; a refund is
 *    recorded by cancelling, is dated, and is at most the payment.
 *  - Nothing may be dated in, or change what was settled in, a closed
 *    month.
 * On refusal, @field_errors (if given) maps columns (patient_id,
 * package_id, agreement_date, explained_by, paid_date, paid_fen,
 * receipt_no, status, cancel_date, refund_fen, override_reason) to
 * messages, and the error message is the single reason or a summary. */
gboolean      cl_enrolment_store_save             (CLStore      *store,
                                                   CLEnrolment  *enrolment,
                                                   const char   *role,
                                                   GHashTable  **field_errors,
                                                   GError      **error);

/* The rules of cl_enrolment_store_save() but the closed months (the
 * server's cl_enrolment_store_check_change() answers those as
 * "closed"), without saving, into @errors; dates are normalised to
 * ISO.  The window is checked against @role and the record as stored
 * now, so the server judges a pushed enrolment as the desk did. */
void          cl_enrolment_store_validate         (CLStore      *store,
                                                   CLEnrolment  *enrolment,
                                                   const char   *role,
                                                   GHashTable   *errors);

/* The rate in force on @date (ISO): the latest rate whose
 * effective_from is not after it.  FALSE with a message if none. */
gboolean      cl_enrolment_store_rate_on          (CLStore      *store,
                                                   const char   *date,
                                                   gint         *out_rate_bp,
                                                   GError      **error);

/* Every live rate of the obstetric contract, oldest first: the history
 * is kept, never edited. */
GPtrArray    *cl_enrolment_store_rate_history     (CLStore      *store);

/* A new rate or fee of its contract from a date (finance).  Under a
 * share of the fees the rate is 0–100 % (0–10000) and there is no fee;
 * under a fixed monthly fee the fee is 0 or more, from the first day of
 * a month, and there is no rate.  The date may not fall in a closed
 * month of its contract. */
gboolean      cl_enrolment_store_save_rate        (CLStore      *store,
                                                   CLShareRate  *rate,
                                                   const char   *role,
                                                   GError      **error);

/* The rules of cl_enrolment_store_save_rate() but the closed months,
 * into @errors (contract_id, rate_bp, fee_fen, effective_from). */
void          cl_enrolment_store_validate_rate    (CLStore      *store,
                                                   CLShareRate  *rate,
                                                   GHashTable   *errors);

/* The rules of cl_enrolment_store_save_deduction() but the closed
 * months, into @errors (contract_id, amount_fen, date, reason). */
void          cl_enrolment_store_validate_deduction (CLStore     *store,
                                                     CLDeduction *deduction,
                                                     GHashTable  *errors);

/* A deduction from its contract's fee (finance): a live contract, a
 * positive amount, a date not in a closed month of that contract, and a
 * reason. */
gboolean      cl_enrolment_store_save_deduction   (CLStore      *store,
                                                   CLDeduction  *deduction,
                                                   const char   *role,
                                                   GError      **error);

/* The hospital's and the vendor's names printed on the statements of
 * open months (and so frozen into a month's snapshot when it closes);
 * NULL or empty keeps the placeholders. */
void          cl_enrolment_store_set_parties      (CLStore      *store,
                                                   const char   *hospital,
                                                   const char   *vendor);

gboolean      cl_enrolment_store_month_is_closed  (CLStore      *store,
                                                   const char   *month);

/* The statement of @month ("YYYY-MM") with the last 12 months for the
 * chart: read from the snapshot for a closed month, computed for an
 * open one. */
CLSettlement *cl_enrolment_store_settlement       (CLStore      *store,
                                                   const char   *month,
                                                   GError      **error);

/* Closes @month (finance): one transaction writing the settlement_month
 * row with closed = 1, who and when, and the statement's snapshot.
 * Refused if it is already closed or has not ended yet. */
gboolean      cl_enrolment_store_close_month      (CLStore      *store,
                                                   const char   *month,
                                                   const char   *role,
                                                   GError      **error);

/* The money tables' invariant hook for the server (cl-tables.c), inside
 * the write transaction of a pushed change (or delete) of @incoming
 * over @current (NULL if new): refuses with CL_ENROLMENT_ERROR_CLOSED
 * and a translated reason anything that touches a closed month: a
 * change to a closed settlement_month or a second close of one; a
 * payment, refund or deduction dated in a closed month, new or changed;
 * a change to (or the delete of) one that a closed month settled; a
 * share rate effective in a closed month.  The desk's saves above apply
 * the same rule.  Other records pass. */
gboolean      cl_enrolment_store_check_change     (CLStore      *store,
                                                   CLRecord     *incoming,
                                                   CLRecord     *current,
                                                   const char   *username,
                                                   const char   *role,
                                                   CLRecord    **conflict,
                                                   GError      **error);

G_END_DECLS
