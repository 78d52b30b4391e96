#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The Service Desk's Discharge Calls page: each discharged patient's
 * follow-up call, the open ones first by the day they are due (those
 * past it in red and said in words), then those closed in the last 7
 * days; Import Discharges… and Record Call…. */
#define CL_TYPE_DISCHARGE_CALLS_PAGE (cl_discharge_calls_page_get_type ())
G_DECLARE_FINAL_TYPE (CLDischargeCallsPage, cl_discharge_calls_page, CL, DISCHARGE_CALLS_PAGE, GtkWidget)

GtkWidget  *cl_discharge_calls_page_new         (CLContext            *context);

/* The columns, for tests. */
typedef enum
{
  CL_DISCHARGE_COL_DUE,
  CL_DISCHARGE_COL_NAME,
  CL_DISCHARGE_COL_PHONE,
  CL_DISCHARGE_COL_DEPARTMENT,
  CL_DISCHARGE_COL_DISCHARGED,
  CL_DISCHARGE_COL_DIAGNOSIS,
  CL_DISCHARGE_COL_CALLS,
  CL_DISCHARGE_COL_LAST_CALL,
  CL_DISCHARGE_N_COLUMNS
} ClDischargeColumn;

/* For tests: the rows shown; row @i's @column as it reads, and whether
 * it is flagged (a call past its day); the line above the list; the
 * dialogs the buttons open (transfer none; Record Call… for row @i,
 * NULL when its call is closed). */
guint       cl_discharge_calls_page_get_n_rows  (CLDischargeCallsPage *self);
char       *cl_discharge_calls_page_dup_cell    (CLDischargeCallsPage *self,
                                                 guint                 i,
                                                 ClDischargeColumn     column,
                                                 gboolean             *flagged);
const char *cl_discharge_calls_page_get_summary (CLDischargeCallsPage *self);
GtkWindow  *cl_discharge_calls_page_open_import (CLDischargeCallsPage *self);
GtkWindow  *cl_discharge_calls_page_open_call   (CLDischargeCallsPage *self,
                                                 guint                 i);

/* Answer Survey…: the follow-up survey's answers of row @i, reached
 * and not yet answered, in the open campaign of her call's quarter; NULL
 * otherwise (transfer none). */
GtkWindow  *cl_discharge_calls_page_open_survey (CLDischargeCallsPage *self,
                                                 guint                 i);
/* The survey answer dialog a reached call opened last, for her answers
 * (transfer none), or NULL. */
GtkWindow  *cl_discharge_calls_page_get_survey_dialog (CLDischargeCallsPage *self);

G_END_DECLS
