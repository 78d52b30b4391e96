#pragma once

#include "cl-patient.h"
#include "cl-roster-model.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The roster's tests (test-roster*.c) share one demo store of 3 000
 * patients per program (generating it is the slow part); tests that
 * add patients use names and numbers demo data never makes. */

/* Makes the demo store; removes it and the known patients. */
void           cl_test_roster_init         (void);
void           cl_test_roster_finish       (void);
CLStore       *cl_test_roster_store        (void);

/* Two patients every program knows: 张小梅 (ID ending in X, GA 32+4
 * on CARELINE_TODAY, 2026-11-23) and 单丽 (a surname read shan). */
typedef struct
{
  CLPatient *zhang;
  CLPatient *shan;
  char      *zhang_id;
} CLTestRosterKnown;

/* Adds them to the store, once. */
void           cl_test_roster_ensure_known (void);
/* Them (added if not yet). */
CLTestRosterKnown *cl_test_roster_known    (void);

/* A valid ID number from a region demo data does not use (Ürümqi), so
 * it can never clash with a generated one; @want_x asks for one that
 * ends in X. */
char          *cl_test_roster_id_number    (const char    *birth,
                                            gboolean       want_x);
/* Saves a patient (and, with @lmp, her pregnancy of @risk) through the
 * patient store; fails the test if refused. */
CLPatient     *cl_test_roster_add_patient  (const char    *name,
                                            const char    *id_number,
                                            const char    *phone,
                                            const char    *mrn,
                                            const char    *lmp,
                                            const char    *risk);

/* A roster model on the store. */
CLRosterModel *cl_test_roster_model_new    (void);
/* Sets @query, runs it and returns the number of rows (checked against
 * the model's items). */
guint          cl_test_roster_query        (CLRosterModel *model,
                                            const char    *query);
/* Whether @model's rows hold @patient; her row, or NULL. */
gboolean       cl_test_roster_contains     (CLRosterModel *model,
                                            CLPatient     *patient);
CLRosterRow   *cl_test_roster_find_row     (CLRosterModel *model,
                                            CLPatient     *patient);
/* Fails the test unless @query finds @patient. */
void           cl_test_roster_assert_found (CLRosterModel *model,
                                            const char    *query,
                                            CLPatient     *patient);

G_END_DECLS
