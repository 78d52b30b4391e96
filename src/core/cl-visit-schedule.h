#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prenatal visit windows of the 2018 Chinese prenatal care guideline
 * (孕前和孕期保健指南 2018), in days of gestation.  The full schedule
 * with check items and done/overdue state comes with the archive. */
typedef struct
{
  gint start_day;
  gint end_day;      /* inclusive */
} ClVisitWindow;

guint                cl_visit_schedule_get_n_windows (void);
const ClVisitWindow *cl_visit_schedule_get_window    (guint index);

/* The next visit a pregnancy is due for on @today, given its effective
 * EDD: the first window that has not yet ended.  Returns FALSE when
 * none is left (past 41+6).  @start and @end receive the window's
 * calendar dates. */
gboolean cl_visit_schedule_next_due (const GDate *edd,
                                     const GDate *today,
                                     GDate       *start,
                                     GDate       *end);

G_END_DECLS
