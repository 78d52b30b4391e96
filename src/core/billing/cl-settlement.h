#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One month's service-fee statement: a line for every payment and
 * refund booked into the month, per-package subtotals, the totals, the
 * deductions and the amount payable to the vendor.
 *
 * The vendor's share follows the contract: fees collected × share rate,
 * computed once per rate period on the period's fee base (payments −
 * refunds; a refund is the negative of its payment and counts at its
 * payment's rate), rounded half up to the fen (cl_money_share()).  The
 * lines keep a share each for reference, handed out by largest
 * remainder so that they add up to the period's share exactly.  A month
 * closed before this rule keeps the per-line shares it was closed with
 * (README, "Settlement").
 *
 * Everything is integer fen; a statement is immutable once finished.
 * cl-enrolment-store.h builds statements from the store; tests and
 * benchmarks build them by hand. */

typedef enum
{
  CL_SETTLEMENT_PAYMENT,
  CL_SETTLEMENT_REFUND,
} ClSettlementKind;

typedef struct
{
  const char       *key;            /* "p:<enrolment id>" / "r:<enrolment id>" */
  const char       *date;           /* ISO date of the payment or refund */
  const char       *name;           /* patient name, masked: 张*梅 */
  const char       *package;        /* package name */
  const char       *receipt_no;     /* may be NULL */
  const char       *adjustment_of;  /* NULL, or "YYYY-MM": a late entry
                                     * for that closed month */
  ClSettlementKind  kind;
  gint64            amount_fen;     /* signed: a refund is negative */
  gint              rate_bp;
  gint64            share_fen;      /* signed: the line's part of its
                                     * period's share, by largest remainder */
} CLSettlementLine;

typedef struct
{
  const char *package;
  guint       n_payments;
  guint       n_refunds;
  gint64      gross_fen;     /* payments */
  gint64      refunds_fen;   /* refunds, positive */
  gint64      share_fen;     /* sum of the lines' shares */
} CLSettlementSubtotal;

typedef struct
{
  const char *key;            /* "d:<deduction id>" */
  const char *date;
  const char *reason;
  const char *reference;      /* may be NULL */
  const char *adjustment_of;  /* as for lines */
  gint64      amount_fen;     /* positive */
} CLSettlementDeduction;

/* A run of lines at one share rate (a month whose rate changed mid-month
 * has two): its fee base, and its share, fee base × rate rounded half up
 * once. */
typedef struct
{
  gint         rate_bp;
  const char  *first_date;    /* the earliest line's date */
  guint        n_lines;
  gint64       fee_base_fen;  /* signed: payments − refunds at this rate */
  gint64       share_fen;
} CLSettlementPeriod;

/* How the lines' shares were made: the contract's formula, or (months
 * closed before it) each line rounded on its own. */
typedef enum
{
  CL_SETTLEMENT_RULE_FEE_BASE,
  CL_SETTLEMENT_RULE_PER_LINE,
} ClSettlementRule;

/* One bar of the 12-month chart. */
typedef struct
{
  char     month[8];          /* "YYYY-MM" */
  gint64   gross_fen;
  gint64   payable_fen;
  gboolean closed;
} CLSettlementHistory;

#define CL_TYPE_SETTLEMENT (cl_settlement_get_type ())
G_DECLARE_FINAL_TYPE (CLSettlement, cl_settlement, CL, SETTLEMENT, GObject)

/* A new, empty statement for @month ("YYYY-MM"). */
CLSettlement *cl_settlement_new               (const char   *month);

/* Building (before cl_settlement_finish() only).  @name is the
 * patient's full name; the statement keeps only the masked form.
 * @amount_fen is positive for both kinds. */
void          cl_settlement_add_line          (CLSettlement     *self,
                                               ClSettlementKind  kind,
                                               const char       *key,
                                               const char       *date,
                                               const char       *name,
                                               const char       *package,
                                               const char       *receipt_no,
                                               gint64            amount_fen,
                                               gint              rate_bp,
                                               const char       *adjustment_of);
void          cl_settlement_add_deduction     (CLSettlement *self,
                                               const char   *key,
                                               const char   *date,
                                               gint64        amount_fen,
                                               const char   *reason,
                                               const char   *reference,
                                               const char   *adjustment_of);
/* Sorts the lines (by date, payments before refunds) and computes the
 * subtotals and totals. */
void          cl_settlement_finish            (CLSettlement *self);

/* The months before this one, oldest first, for the chart; the
 * statement's own month is always the last bar (added by finish()).
 * May be called before or after finish(). */
void          cl_settlement_set_history       (CLSettlement              *self,
                                               const CLSettlementHistory *months,
                                               guint                      n_months);
void          cl_settlement_set_closed        (CLSettlement *self,
                                               const char   *closed_by,
                                               gint64        closed_at);
void          cl_settlement_set_hospital      (CLSettlement *self,
                                               const char   *name);
void          cl_settlement_set_vendor        (CLSettlement *self,
                                               const char   *name);

const char   *cl_settlement_get_month         (CLSettlement *self);
const char   *cl_settlement_get_hospital      (CLSettlement *self);
/* The name to show and print for @package, a package name as the
 * lines and subtotals have it (as entered, or frozen in a closed
 * month): what cl_settlement_set_package_name() gave for it, else
 * @package itself.  The names shown are not part of the JSON. */
void          cl_settlement_set_package_name  (CLSettlement *self,
                                               const char   *package,
                                               const char   *shown);
const char   *cl_settlement_package_display_name (CLSettlement *self,
                                                  const char   *package);
const char   *cl_settlement_get_vendor        (CLSettlement *self);
gboolean      cl_settlement_get_closed        (CLSettlement *self);
const char   *cl_settlement_get_closed_by     (CLSettlement *self);
gint64        cl_settlement_get_closed_at     (CLSettlement *self);

const CLSettlementLine      *cl_settlement_get_lines      (CLSettlement *self,
                                                           guint        *n_lines);
const CLSettlementSubtotal  *cl_settlement_get_subtotals  (CLSettlement *self,
                                                           guint        *n_subtotals);
const CLSettlementDeduction *cl_settlement_get_deductions (CLSettlement *self,
                                                           guint        *n_deductions);
/* The last 12 months ending with this one, oldest first. */
const CLSettlementHistory   *cl_settlement_get_history    (CLSettlement *self,
                                                           guint        *n_months);

/* Payments, positive. */
gint64        cl_settlement_get_gross_fen      (CLSettlement *self);
/* Refunds, positive. */
gint64        cl_settlement_get_refunds_fen    (CLSettlement *self);
/* Gross − refunds: 门诊一体化管理服务项目收费 of the month. */
gint64        cl_settlement_get_fee_base_fen   (CLSettlement *self);
/* The month's share: the sum of its periods' shares (and so of its
 * lines' shares). */
gint64        cl_settlement_get_share_fen      (CLSettlement *self);
/* The rate periods, in the order of their first line (after finish()). */
const CLSettlementPeriod *cl_settlement_get_periods (CLSettlement *self,
                                                     guint        *n_periods);
ClSettlementRule cl_settlement_get_rule        (CLSettlement *self);
gint64        cl_settlement_get_deductions_fen (CLSettlement *self);
/* Share − deductions (negative if the deductions exceed the share);
 * under a fixed monthly fee, fee − deductions, never below zero. */
gint64        cl_settlement_get_payable_fen    (CLSettlement *self);

/* Contracts (cl-contract-store.h).  A statement is one contract's: its
 * id (set by the store, not part of the JSON) and, for a fixed fee,
 * the contract's title, printed on its statement. */
void          cl_settlement_set_contract       (CLSettlement *self,
                                                const char   *contract_id,
                                                const char   *title);
const char   *cl_settlement_get_contract_id    (CLSettlement *self);
const char   *cl_settlement_get_contract_title (CLSettlement *self);
/* A contract paid a fixed monthly fee (before finish()): the statement
 * has no lines, only the fee and the deductions. */
void          cl_settlement_set_fixed_fee      (CLSettlement *self,
                                                gint64        fee_fen);
gboolean      cl_settlement_is_fixed_fee       (CLSettlement *self);
gint64        cl_settlement_get_fee_fen        (CLSettlement *self);
/* Whether the deductions are more than the fixed fee (so the amount
 * payable stops at zero, which the statement says). */
gboolean      cl_settlement_get_deductions_exceed_fee (CLSettlement *self);
/* The rates the lines used, ascending, without repeats ("35.25%"
 * or "35.25% / 36.00%"); empty when there are no lines. */
char         *cl_settlement_format_rates       (CLSettlement *self);

/* The statement as JSON (kept as a closed month's snapshot) and back. */
JsonNode     *cl_settlement_to_json            (CLSettlement *self);
CLSettlement *cl_settlement_new_from_json      (JsonNode     *node,
                                                GError      **error);

/* CSV for the finance system: UTF-8 with a byte-order mark (so
 * spreadsheet programs show the Chinese), RFC 4180 quoting and CRLF,
 * a header row, then one row per line; amounts as 2980.00. */
gboolean      cl_settlement_write_csv          (CLSettlement  *self,
                                                GOutputStream *stream,
                                                GCancellable  *cancellable,
                                                GError       **error);
gboolean      cl_settlement_export_csv         (CLSettlement  *self,
                                                const char    *path,
                                                GError       **error);

/* Translated "Payment" / "Refund", with "(late, for 2026-09)" for an
 * adjustment. */
char         *cl_settlement_line_describe_kind (const CLSettlementLine *line);

/* A name shown on a statement without identifying the patient: the
 * first and last character stay, the middle becomes stars: 张小梅 →
 * 张*梅, 欧阳小梅 → 欧**梅, 张梅 → 张*, 梅 → *. */
char         *cl_name_mask                     (const char *name);

G_END_DECLS
