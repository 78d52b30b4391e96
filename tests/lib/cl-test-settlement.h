#pragma once

#include "cl-contract-store.h"
#include "cl-enrolment-store.h"

G_BEGIN_DECLS

/* Patients, enrolments, rates and deductions for the settlement's
 * tests (test-settlement.c, test-enrolment.c).  CARELINE_TODAY is
 * 2026-11-23 in the test environment (meson). */

/* The default packages are seeded by the migration with fixed ids. */
#define CL_TEST_PACKAGE_WHOLE "5e1d0a52-6b1f-4c38-9d2e-2f8a00000001"
#define CL_TEST_PACKAGE_MID   "5e1d0a52-6b1f-4c38-9d2e-2f8a00000002"
#define CL_TEST_PACKAGE_LATE  "5e1d0a52-6b1f-4c38-9d2e-2f8a00000003"

/* A patient with a dated pregnancy: @ga_days gestational days on
 * @on_date.  Returns her id. */
char        *cl_test_settlement_add_patient    (CLStore     *store,
                                                const char  *name,
                                                const char  *on_date,
                                                gint         ga_days);

/* An enrolment in @package_id agreed and paid @paid_fen on @date, not
 * saved. */
CLEnrolment *cl_test_settlement_new_enrolment  (const char  *patient_id,
                                                const char  *package_id,
                                                const char  *date,
                                                gint64       paid_fen);

/* Saves @e as @role; fails the test if refused. */
void         cl_test_settlement_save           (CLStore     *store,
                                                CLEnrolment *e,
                                                const char  *role);

/* A share rate of @bp from @from, and a deduction, saved by finance. */
void         cl_test_settlement_add_rate       (CLStore     *store,
                                                const char  *from,
                                                gint         bp);
void         cl_test_settlement_add_deduction  (CLStore     *store,
                                                const char  *date,
                                                gint64       fen,
                                                const char  *reason);

/* The example: 38 enrolments in the whole-pregnancy package at
 * 2 980.00 paid in October 2026, two of them cancelled and refunded in
 * full in October, rate 35.25 %, one deduction of 2 000.00. */
void         cl_test_settlement_make_october   (CLStore     *store);

/* Contracts (cl-contract-store.h): a fixed monthly fee of @fee_fen
 * from @from (a first day) for @contract_id, and a deduction of that
 * contract with its @reference, saved by finance. */
void         cl_test_settlement_add_fee        (CLStore     *store,
                                                const char  *contract_id,
                                                const char  *from,
                                                gint64       fee_fen);
void         cl_test_settlement_add_contract_deduction (CLStore    *store,
                                                        const char *contract_id,
                                                        const char *date,
                                                        gint64      fen,
                                                        const char *reason,
                                                        const char *reference);

/* Turns the store file at @path (closed) back into what schema 29, the
 * one before contracts, had: no contract table, no contract_id or
 * fee_fen columns, user_version 29.  Opening it again runs the
 * contracts migration on it, as on a desk or server updated from the
 * version before. */
void         cl_test_settlement_downgrade_to_single_contract (const char *path);

G_END_DECLS
