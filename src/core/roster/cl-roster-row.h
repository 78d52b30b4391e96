#pragma once

#include <glib-object.h>

#include "cl-dating.h"
#include "cl-risk.h"

G_BEGIN_DECLS

/* One line of the roster, built on demand from the roster index: the
 * list asks only for the rows it shows, so a roster of 100 000
 * patients never holds 100 000 of these. */
#define CL_TYPE_ROSTER_ROW (cl_roster_row_get_type ())
G_DECLARE_FINAL_TYPE (CLRosterRow, cl_roster_row, CL, ROSTER_ROW, GObject)

/* What a row is made from: the roster index's columns for one patient
 * (cl-store-roster.h reads them), each NULL when unknown. */
typedef struct
{
  const char *patient_id;
  const char *name;
  const char *birth_date;
  const char *phone;
  const char *edd;
  const char *risk;
  const char *status;
  const char *delivery_date;
  const char *package;
  const char *case_manager;   /* the case manager's name */
  const char *priority;
  const char *visits_done;    /* keys of the visits done, space-separated */
  gboolean    needs_action;   /* a flagged or positive scale waits for its action */
} ClRosterRowFields;

CLRosterRow *cl_roster_row_new                (const ClRosterRowFields *fields,
                                               const GDate  *today);

const char  *cl_roster_row_get_patient_id     (CLRosterRow  *self);
const char  *cl_roster_row_get_name           (CLRosterRow  *self);
/* Years, or -1 when the birth date is unknown. */
gint         cl_roster_row_get_age            (CLRosterRow  *self);
/* Days of gestation today, or -1 when not pregnant / no dating. */
gint         cl_roster_row_get_ga_days        (CLRosterRow  *self);
ClStage      cl_roster_row_get_stage          (CLRosterRow  *self);
const char  *cl_roster_row_get_edd            (CLRosterRow  *self);
const char  *cl_roster_row_get_risk           (CLRosterRow  *self);
const char  *cl_roster_row_get_package        (CLRosterRow  *self);
const char  *cl_roster_row_get_case_manager   (CLRosterRow  *self);
/* Her flags today, comma-separated: the stored ones and "aged-70"
 * (cl_patient_effective_flags()). */
const char  *cl_roster_row_get_priority       (CLRosterRow  *self);
/* A scale's flag or positive screen waits for someone to record the
 * action taken (cl-followup-alert.h). */
gboolean     cl_roster_row_get_needs_action   (CLRosterRow  *self);
/* 138****5678 */
const char  *cl_roster_row_get_phone_masked   (CLRosterRow  *self);

/* Text for the cells, in the current language. */
char        *cl_roster_row_format_ga          (CLRosterRow  *self);
char        *cl_roster_row_format_edd         (CLRosterRow  *self);
/* The next visit, short enough for the roster's column ("Overdue: 3rd
 * visit"); @overdue tells whether to show it in red. */
char        *cl_roster_row_format_next_visit  (CLRosterRow  *self,
                                               gboolean     *overdue);
/* The same in full, with the visit's full name and the date it became
 * overdue ("Third visit, overdue since 10-25"), for its tooltip; NULL
 * when there is no next visit. */
char        *cl_roster_row_describe_next_visit (CLRosterRow *self);
/* The day the "Next Visit" cell shows: the next visit's first day when
 * it is upcoming, its last day when it is due or overdue; FALSE when
 * there is no next visit.  The column sorts by it. */
gboolean     cl_roster_row_get_next_visit_date (CLRosterRow *self,
                                                GDate       *date);

/* The day the "Next Visit" cell of a roster row with these columns
 * shows (the next visit's first day when it is upcoming, its last day
 * when it is due or overdue), for sorting by that column; FALSE when
 * there is no next visit. */
gboolean     cl_roster_row_next_visit_date    (const char   *edd,
                                               const char   *status,
                                               const char   *delivery_date,
                                               const char   *visits_done,
                                               const GDate  *today,
                                               GDate        *date);

G_END_DECLS
