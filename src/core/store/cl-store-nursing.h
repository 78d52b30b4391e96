#pragma once

#include "cl-nursing-assessment.h"
#include "cl-store.h"
#include "cl-visit-vitals.h"

G_BEGIN_DECLS

/* The reads of nursing assessments and visits' vital signs
 * (cl-store-nursing.c).  The rules over them are cl-nursing-store.h's. */

/* Every live version of her assessment, the newest first. */
GPtrArray           *cl_store_nursing_assessments (CLStore    *store,
                                                   const char *patient_id);

/* Her latest live version, or NULL when she has none. */
CLNursingAssessment *cl_store_nursing_latest      (CLStore    *store,
                                                   const char *patient_id);

/* Her visits' CLVisitVitals, the latest taken first. */
GPtrArray           *cl_store_visit_vitals        (CLStore    *store,
                                                   const char *patient_id);

G_END_DECLS
