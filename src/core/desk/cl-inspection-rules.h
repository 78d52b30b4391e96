#pragma once

#include "cl-deduction.h"
#include "cl-inspection.h"
#include "cl-rectification.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The guide-desk contract's deductions for inspections (三(八)):
 *
 *  - a failed inspection whose failure was caused by the vendor's poor
 *    cooperation costs the desk setting "inspection.cooperation_yuan"
 *    (1 000 yuan), dated on the inspection;
 *  - a rectification not done by the end of its deadline costs
 *    "inspection.overdue_yuan" (2 000 yuan) from the fee of the month in
 *    which the deadline passed: dated on the deadline.
 *
 * Each is one row of the deduction table naming its inspection
 * (inspection_id, and the reference the statement prints), with an id
 * that follows from the inspection and the cause, so the rules can run
 * again, on any desk, without making a second one.  A deduction whose
 * cause is gone (the inspection corrected or removed, the rectification
 * found done in time) is tombstoned, unless its month is closed: a
 * closed statement never changes.  A cause found only after its month
 * closed is dated today instead, so it is taken from the next open
 * statement. */

/* In whole yuan, as the contract states them and an administrator
 * types them; the rules work in fen. */
#define CL_INSPECTION_COOPERATION_KEY "inspection.cooperation_yuan"
#define CL_INSPECTION_OVERDUE_KEY     "inspection.overdue_yuan"

/* The two amounts in force on @store, in fen. */
void       cl_inspection_rules_amounts      (CLStore         *store,
                                             gint64          *cooperation_fen,
                                             gint64          *overdue_fen);

/* The id of the deduction for @inspection_id's @cause ("cooperation"
 * or "overdue"): a UUID made from both. */
char      *cl_inspection_rules_deduction_id (const char      *inspection_id,
                                             const char      *cause);

/* The deductions the rules want for @inspection (live) and its
 * @rectification (NULL for none) on @today, with the amounts given:
 * new CLDeductions with their ids, dates, amounts, reasons and
 * references, not yet adjusted for closed months.  Empty when none. */
GPtrArray *cl_inspection_rules_wanted       (CLInspection    *inspection,
                                             CLRectification *rectification,
                                             const GDate     *today,
                                             gint64           cooperation_fen,
                                             gint64           overdue_fen);

/* Brings the store's deductions in line with the rules on @today for
 * @role (who may write deductions: finance or an administrator), each
 * change saved as a deduction made by hand would be
 * (cl_enrolment_store_save_deduction()).  @made and @undone (may be
 * NULL) count the deductions written and tombstoned.  FALSE with the
 * first refusal; what was written before it stays, and running again
 * finishes the work. */
gboolean   cl_inspection_rules_apply        (CLStore         *store,
                                             const char      *role,
                                             const GDate     *today,
                                             guint           *made,
                                             guint           *undone,
                                             GError         **error);

/* For the deduction table's validate hook: a deduction that names an
 * inspection names one that exists ("inspection_id": "There is no such
 * inspection"). */
void       cl_inspection_rules_validate_deduction (CLStore     *store,
                                                   CLDeduction *deduction,
                                                   GHashTable  *errors);

G_END_DECLS
