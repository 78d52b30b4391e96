#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A prenatal visit ticked as done without a report (the report came on
 * paper, or the visit was elsewhere).  Unticking tombstones it. */
#define CL_TYPE_VISIT_MARK (cl_visit_mark_get_type ())
G_DECLARE_FINAL_TYPE (CLVisitMark, cl_visit_mark, CL, VISIT_MARK, CLRecord)

CLVisitMark *cl_visit_mark_new (void);

/* the patient */
void        cl_visit_mark_set_patient_id (CLVisitMark *self,
                                     const char *value);
/* the pregnancy */
void        cl_visit_mark_set_pregnancy_id (CLVisitMark *self,
                                       const char *value);
/* visit key of the schedule, "v20" */
void        cl_visit_mark_set_visit (CLVisitMark *self,
                                const char *value);
/* ISO date the visit took place */
void        cl_visit_mark_set_done_date (CLVisitMark *self,
                                    const char *value);
/* who ticked it */
const char *cl_visit_mark_get_done_by (CLVisitMark *self);
void        cl_visit_mark_set_done_by (CLVisitMark *self,
                                  const char *value);
/* free text */
void        cl_visit_mark_set_note (CLVisitMark *self,
                               const char *value);

G_END_DECLS
