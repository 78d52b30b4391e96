#pragma once

#include "cl-department.h"
#include "cl-doctor.h"
#include "cl-doctor-session.h"
#include "cl-procedure-guide.h"
#include "cl-service-price.h"
#include "cl-session-check.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The hospital directory's reads (cl-store-directory.c).  The rules
 * over it are in src/core/directory/. */

/* The live CLDepartments, the open ones only when @active_only, in the
 * order of their Chinese names' pinyin. */
GPtrArray *cl_store_departments (CLStore  *store,
                                 gboolean  active_only);

/* The id of a live department other than @except_id named @name
 * (compared as stored), or NULL. */
char      *cl_store_department_named (CLStore    *store,
                                      const char *name,
                                      const char *except_id);

/* The live CLDoctors (those still seeing patients only when
 * @active_only), by the pinyin of their names. */
GPtrArray *cl_store_doctors (CLStore  *store,
                             gboolean  active_only);

/* The live CLDoctorSessions of @doctor_id, Monday morning first. */
GPtrArray *cl_store_doctor_sessions (CLStore    *store,
                                     const char *doctor_id);

/* The live sessions of doctors still seeing patients that run on
 * @iso_date (a weekday 1 Monday … 7 Sunday given as @weekday, within
 * their dates), morning first, then by room. */
GPtrArray *cl_store_sessions_on (CLStore    *store,
                                 const char *iso_date,
                                 gint        weekday);

/* The live CLSessionChecks of @iso_date, in the order they were made. */
GPtrArray *cl_store_session_checks_on (CLStore    *store,
                                       const char *iso_date);

/* The id of a live check of @session_id on @iso_date other than
 * @except_id, or NULL. */
char      *cl_store_session_check_for (CLStore    *store,
                                       const char *session_id,
                                       const char *iso_date,
                                       const char *except_id);

/* The live CLServicePrices (those charged now only when @active_only),
 * by code, then name. */
GPtrArray *cl_store_service_prices (CLStore  *store,
                                    gboolean  active_only);

/* The live CLProcedureGuides (those in use only when @active_only),
 * seeded ones first. */
GPtrArray *cl_store_procedure_guides (CLStore  *store,
                                      gboolean  active_only);

/* The directory's search: the live entries in use whose keys
 * (cl_directory_keys()) start with @key (cl_directory_query_key()),
 * departments, then doctors, prices and procedures, at most @limit of
 * each kind.  One range read of the directory_key index per kind. */
GPtrArray *cl_store_directory_search (CLStore    *store,
                                      const char *key,
                                      guint       limit);

G_END_DECLS
