#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* One hand-out of a package service that has no booking of its own (a
 * nutrition breakfast, the gift pack, a service an administrator typed
 * into a package): under which enrolment, which service (its code, or
 * its name for one typed in without a code), the day, who handed it
 * out (a user name) and a note.  Table handout, synced.  More than the
 * package includes needs over_reason (cl-package-usage.h); save through
 * cl_package_usage_save_handout(). */

#define CL_TYPE_HANDOUT (cl_handout_get_type ())
G_DECLARE_FINAL_TYPE (CLHandout, cl_handout, CL, HANDOUT, CLRecord)

CLHandout  *cl_handout_new             (void);

const char *cl_handout_get_patient_id   (CLHandout  *self);
void        cl_handout_set_patient_id   (CLHandout  *self,
                                         const char *value);
const char *cl_handout_get_enrolment_id (CLHandout  *self);
void        cl_handout_set_enrolment_id (CLHandout  *self,
                                         const char *value);
/* the service's code ("nutrition-breakfast", "gift-pack"), or the
 * name of a service without one */
const char *cl_handout_get_service      (CLHandout  *self);
void        cl_handout_set_service      (CLHandout  *self,
                                         const char *value);
/* YYYY-MM-DD */
const char *cl_handout_get_date         (CLHandout  *self);
void        cl_handout_set_date         (CLHandout  *self,
                                         const char *value);
const char *cl_handout_get_handed_by    (CLHandout  *self);
void        cl_handout_set_handed_by    (CLHandout  *self,
                                         const char *value);
const char *cl_handout_get_note         (CLHandout  *self);
void        cl_handout_set_note         (CLHandout  *self,
                                         const char *value);
/* why she had more than her package includes; NULL within it */
const char *cl_handout_get_over_reason  (CLHandout  *self);
void        cl_handout_set_over_reason  (CLHandout  *self,
                                         const char *value);

G_END_DECLS
