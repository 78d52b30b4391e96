#pragma once

#include "cl-staff.h"

G_BEGIN_DECLS

/* A CPR certificate is valid this many years from the date it was
 * issued (the staff dialog says so next to the date). */
#define CL_STAFF_CPR_VALID_YEARS 2

/* How many days ahead the Staff window warns of a licence or a CPR
 * certificate that runs out. */
#define CL_STAFF_EXPIRY_WARN_DAYS 30

/* Education: one of cl_staff_educations() or empty. */
const char * const *cl_staff_educations      (void);
const char         *cl_staff_education_label (const char *education);

/* Languages: the "languages" column is a space-separated list of
 * cl_staff_language_codes(), in that order. */
const char * const *cl_staff_language_codes  (void);
const char         *cl_staff_language_label  (const char *code);
/* "Mandarin, Minnan", translated; empty when none. */
char               *cl_staff_format_languages (CLStaff *self);

/* The CPR certificate's last valid day: its date plus
 * CL_STAFF_CPR_VALID_YEARS.  FALSE (and @out cleared) without a date. */
gboolean            cl_staff_get_cpr_expires (CLStaff *self,
                                              GDate   *out);

/* Adds the qualification rules' messages to @errors (property name →
 * message): a known education, a licence number of 6 to 20 Latin
 * letters and digits with its expiry, real dates from 2000 on, a CPR
 * date not in the future, known languages. */
void                cl_staff_quals_validate  (CLStaff    *self,
                                              GHashTable *errors);

typedef enum {
  CL_STAFF_QUAL_LICENCE,
  CL_STAFF_QUAL_CPR,
} CLStaffQual;

typedef struct {
  CLStaff     *staff;      /* a reference */
  CLStaffQual  qual;
  GDate        expires;    /* the last valid day */
  gint         days_left;  /* from today to @expires; < 0: expired */
} CLStaffExpiry;

void cl_staff_expiry_free (CLStaffExpiry *expiry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLStaffExpiry, cl_staff_expiry_free)

/* The licences and CPR certificates of the active staff in @staff
 * (CLStaff) that expired before @today or expire within @within_days
 * of it (the last valid day @within_days after @today included), the
 * soonest first.  A CLStaffExpiry array. */
GPtrArray *cl_staff_list_expiring    (GPtrArray   *staff,
                                      const GDate *today,
                                      guint        within_days);

/* "Nurse licence expires in 5 days, on 8 Jan 2027" or "CPR certificate
 * expired on 8 Jan 2027", translated. */
char      *cl_staff_expiry_describe  (const CLStaffExpiry *expiry,
                                      const GDate         *today);

G_END_DECLS
