#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The Service Desk's Referrals page: the referrals from community
 * hospitals still open (or all), urgent ones and then the longest
 * waiting first, each with her waiting time (from receipt to her
 * appointment, or to now while none is made), Book… for one without an
 * appointment, and its outcome. */
#define CL_TYPE_REFERRALS_PAGE (cl_referrals_page_get_type ())
G_DECLARE_FINAL_TYPE (CLReferralsPage, cl_referrals_page, CL, REFERRALS_PAGE, GtkWidget)

void        cl_referrals_page_set_context (CLReferralsPage *self,
                                           CLContext       *context);
/* For tests: the CLReferralRows shown, in order; the waiting text of
 * row @index; its outcome set as the row's menu sets it; Book… of row
 * @index (the dialog, not yet presented). */
GPtrArray  *cl_referrals_page_get_rows    (CLReferralsPage *self);
const char *cl_referrals_page_get_waiting (CLReferralsPage *self,
                                           guint            index);
gboolean    cl_referrals_page_set_outcome (CLReferralsPage *self,
                                           guint            index,
                                           const char      *outcome);
GtkWindow  *cl_referrals_page_book        (CLReferralsPage *self,
                                           guint            index);

G_END_DECLS
