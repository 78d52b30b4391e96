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

CLStaff    *cl_staff_new              (const char *username,
                                       const char *display_name,
                                       const char *role);

const char *cl_staff_get_username     (CLStaff    *self);
const char *cl_staff_get_display_name (CLStaff    *self);
const char *cl_staff_get_role         (CLStaff    *self);
const char *cl_staff_get_phone        (CLStaff    *self);
gboolean    cl_staff_get_active       (CLStaff    *self);
void        cl_staff_set_active       (CLStaff    *self,
                                       gboolean    active);

const char * const *cl_staff_roles    (void);

G_END_DECLS
