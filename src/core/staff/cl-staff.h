#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

#define CL_TYPE_STAFF (cl_staff_get_type ())
G_DECLARE_FINAL_TYPE (CLStaff, cl_staff, CL, STAFF, CLRecord)

/* Roles a staff member may hold (README, "Roles"). */
#define CL_ROLE_ADMIN         "admin"
#define CL_ROLE_CASE_MANAGER  "case_manager"
#define CL_ROLE_ESCORT        "escort"
#define CL_ROLE_VIP_STEWARD   "vip_steward"
#define CL_ROLE_SERVICE_DESK  "service_desk"
#define CL_ROLE_FINANCE       "finance"

/* Working hours when a person's own say nothing: 07:30–17:30, as
 * minutes after local midnight, every day of the week. */
#define CL_STAFF_DAY_OPENS   (7 * 60 + 30)
#define CL_STAFF_DAY_CLOSES  (17 * 60 + 30)

/* A new member of staff holding the one role @role (the "roles" column
 * and the older single "role" column both say it). */
CLStaff    *cl_staff_new              (const char *username,
                                       const char *display_name,
                                       const char *role);

const char *cl_staff_get_username     (CLStaff    *self);
const char *cl_staff_get_display_name (CLStaff    *self);
const char *cl_staff_get_role         (CLStaff    *self);
const char *cl_staff_get_phone        (CLStaff    *self);
gboolean    cl_staff_get_active       (CLStaff    *self);
/* The qualifications (cl-staff-quals.h): each may be NULL. */
const char *cl_staff_get_education       (CLStaff *self);
const char *cl_staff_get_licence_number  (CLStaff *self);
const char *cl_staff_get_licence_expires (CLStaff *self);
const char *cl_staff_get_cpr_date        (CLStaff *self);
const char *cl_staff_get_languages       (CLStaff *self);
void        cl_staff_set_active       (CLStaff    *self,
                                       gboolean    active);

const char * const *cl_staff_roles    (void);
/* The role's name for people, translated ("Escort"). */
const char *cl_staff_role_label       (const char *role);

/* Roles: the "roles" column, space-separated, in the order of
 * cl_staff_roles(); a row written before it existed has only "role",
 * which then stands for its one role, so old rows mean the same. */
char      **cl_staff_dup_roles        (CLStaff    *self);
gboolean    cl_staff_has_role         (CLStaff    *self,
                                       const char *role);
/* Sets "roles" and, for desks and queries that read it, "role" to the
 * first of them. */
void        cl_staff_set_roles        (CLStaff            *self,
                                       const char * const *roles);
/* The roles for people: "Escort, Case manager". */
char       *cl_staff_format_roles     (CLStaff    *self);
/* The one role a server log-in of this person works with: the first
 * they hold in the order of cl_staff_roles(), so an administrator logs
 * in as one (README, "Roles"); NULL without a known role. */
char       *cl_staff_dup_login_role   (CLStaff    *self);

/* Working hours: the "hours" column holds seven entries, Monday first,
 * separated by blanks, each "HH:MM-HH:MM" or "off"; empty means
 * CL_STAFF_DAY_OPENS–CL_STAFF_DAY_CLOSES every day.  FALSE when the
 * person is off on @weekday (then @opens = @closes = 0). */
gboolean    cl_staff_get_day_hours    (CLStaff      *self,
                                       GDateWeekday  weekday,
                                       gint         *opens,
                                       gint         *closes);
/* @opens < 0: off that day. */
void        cl_staff_set_day_hours    (CLStaff      *self,
                                       GDateWeekday  weekday,
                                       gint          opens,
                                       gint          closes);

/* The rules of one record alone, as a table of property name →
 * translated message (empty when all is well): a user name and a name,
 * at least one known role, a mobile phone number if any, hours that
 * end after they start.  The rules against the other staff (a user
 * name taken, the last administrator) are cl_staff_store_check(). */
GHashTable *cl_staff_validate         (CLStaff    *self);

G_END_DECLS
