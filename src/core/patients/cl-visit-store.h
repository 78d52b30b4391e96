#pragma once

#include "cl-pregnancy.h"
#include "cl-store.h"
#include "cl-visit-plan.h"

G_BEGIN_DECLS

/* The visit plan over the store: what marks visits done (reports in the
 * document table, ticks in visit_mark), ticking and unticking, and the
 * reports of a pregnancy for the timeline and the printed summary. */

/* A check report as the archive lists it (read from the document table,
 * whose records belong to the archive). */
typedef struct
{
  char *id;
  char *title;
  char *kind;         /* ultrasound, blood, ogtt, screening, nst, other */
  char *check_date;   /* ISO, may be NULL */
  char *visit;        /* visit key, may be NULL */
} ClReport;

void          cl_report_free               (ClReport     *report);

/* The plan of @pregnancy on @today (NULL: today), or NULL when it has
 * no EDD yet. */
ClVisitPlan  *cl_visit_store_load_plan     (CLStore      *store,
                                            CLPregnancy  *pregnancy,
                                            const GDate  *today);

/* Reports and ticks of a pregnancy, as ClVisitDone entries. */
GPtrArray    *cl_visit_store_list_done     (CLStore      *store,
                                            const char   *pregnancy_id);

/* The live reports of a pregnancy (ClReport), by check date. */
GPtrArray    *cl_visit_store_list_reports  (CLStore      *store,
                                            const char   *pregnancy_id);

/* Ticks visit @key of @pregnancy done on @done_date (ISO; NULL or ""
 * means today) by the store's actor.  Refused with a translated
 * CL_VALIDATION_ERROR for an unknown visit, a date that is not a date
 * or is in the future, or a visit already ticked; nothing is written
 * then.  A visit unticked before is ticked again by reviving its
 * tombstone, so it stays one record everywhere. */
gboolean      cl_visit_store_tick          (CLStore      *store,
                                            CLPregnancy  *pregnancy,
                                            const char   *key,
                                            const char   *done_date,
                                            const char   *note,
                                            GError      **error);

/* Unticks: the visit_mark becomes a tombstone.  A visit done by a
 * report stays done. */
gboolean      cl_visit_store_untick        (CLStore      *store,
                                            CLPregnancy  *pregnancy,
                                            const char   *key,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClReport, cl_report_free)

G_END_DECLS
