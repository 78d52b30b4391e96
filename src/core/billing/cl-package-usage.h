#pragma once

#include "cl-enrolment.h"
#include "cl-handout.h"
#include "cl-package.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* What a package includes, counted against what she used (issue #15):
 *  - escorts: her escort tasks done (CLEscortTask);
 *  - VIP room visits: her VIP bookings done (CLVipBooking);
 *  - counselling (psychological support): her follow-up items of that
 *    kind done;
 *  - breakfasts, the gift pack and any other service without a booking
 *    of its own (one an administrator typed into a package): hand-outs
 *    (CLHandout) under the enrolment;
 *  - the rest (the online course, the health butler, the archive, the
 *    42-day revisit) is included but not counted.
 * Bookings, counselling and hand-outs count from the enrolment's
 * agreement day (up to its cancellation, if cancelled).
 *
 * Going over asks for a reason.  Handing out more than the package
 * includes, and booking an escort or a VIP room for a patient whose
 * live enrolment's allowance is taken (done and still ahead), is
 * refused without one (field "over_reason"); the desk's saves and the
 * server's checks of a pushed change apply the same rule. */

typedef enum
{
  CL_USAGE_NOT_COUNTED,
  CL_USAGE_ESCORT,
  CL_USAGE_VIP_ROOM,
  CL_USAGE_COUNSELLING,
  CL_USAGE_HANDOUT,
} CLUsageKind;

typedef struct
{
  char        *service;   /* what a hand-out names: the code, or the name of one without */
  char        *name;      /* as the package lists it */
  CLUsageKind  kind;
  guint        included;
  guint        used;      /* done, or handed out */
  guint        pending;   /* booked and still ahead */
} CLServiceUsage;

void          cl_service_usage_free          (CLServiceUsage *usage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLServiceUsage, cl_service_usage_free)

/* How a service of @code is counted. */
CLUsageKind   cl_package_usage_kind          (const char     *code);

/* What a person calls the service, translated for the services Careline
 * knows ("Escort" / 陪诊), else its name in the package. */
const char   *cl_service_usage_label         (const CLServiceUsage *usage);
/* Used more than included? */
gboolean      cl_service_usage_is_over       (const CLServiceUsage *usage);
/* "Escort 5 of 12 used", translated. */
char         *cl_service_usage_format        (const CLServiceUsage *usage);

/* Each service @enrolment's package includes, in the package's order,
 * with what she used (a CLServiceUsage array; empty if the package is
 * gone). */
GPtrArray    *cl_package_usage_of_enrolment  (CLStore        *store,
                                              CLEnrolment    *enrolment);

/* The enrolment whose usage her page shows: the newest that was not
 * cancelled, or NULL. */
CLEnrolment  *cl_package_usage_find_enrolment (CLStore       *store,
                                               const char    *patient_id);

/* Why booking one more escort (@kind CL_USAGE_ESCORT) or VIP room
 * visit (CL_USAGE_VIP_ROOM) for @patient_id needs a reason: her live
 * enrolment's package lists the service and its allowance is taken by
 * what is done and still ahead, other than @except_id (the booking
 * itself).  Translated; NULL if it does not. */
char         *cl_package_usage_booking_over  (CLStore        *store,
                                              CLUsageKind     kind,
                                              const char     *patient_id,
                                              const char     *except_id);

/* The rules of a hand-out, into @errors (column → message; a column
 * already there keeps its own): her enrolment, a service that is handed
 * out, a date not in the future, who handed it out, and a reason when
 * it is more than the package includes. */
void          cl_package_usage_validate_handout (CLStore     *store,
                                                 CLHandout   *handout,
                                                 GHashTable  *errors);

/* Saves @handout as one user action if @role may write hand-outs and it
 * is valid, the count checked inside the transaction; else FALSE with
 * CL_STORE_ERROR_INVALID and, when @field_errors, column → message, and
 * nothing written. */
gboolean      cl_package_usage_save_handout  (CLStore        *store,
                                              CLHandout      *handout,
                                              const char     *role,
                                              GHashTable    **field_errors,
                                              GError        **error);

/* The over-allowance reason a hand-out, escort task or VIP booking
 * carries, or NULL: the server audits it.  An escort of one of the
 * desk's kinds (cl_escort_task_kind_is_package()) has none. */
const char   *cl_package_usage_over_reason_of (CLRecord      *record);

G_END_DECLS
