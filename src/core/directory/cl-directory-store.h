#pragma once

#include "cl-department.h"
#include "cl-doctor.h"
#include "cl-doctor-session.h"
#include "cl-procedure-guide.h"
#include "cl-service-price.h"
#include "cl-session-check.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Writing the hospital directory: the administrator's saves, the
 * desk's session checks and the server's rules are the same functions
 * (README, "Hospital directory").  Each validate function adds to
 * @errors (column → translated message) the record's own rules and
 * those over the other records; each save function refuses with
 * CL_STORE_ERROR_INVALID (and, when @field_errors, column → message)
 * and writes nothing when a rule is broken or @role may not. */

/* A department: its own rules and a name no other live one has. */
void     cl_directory_store_validate_department (CLStore      *store,
                                                 CLDepartment *department,
                                                 GHashTable   *errors);
gboolean cl_directory_store_save_department     (CLStore       *store,
                                                 CLDepartment  *department,
                                                 const char    *role,
                                                 GHashTable   **field_errors,
                                                 GError       **error);

/* A doctor: their own rules and a live department. */
void     cl_directory_store_validate_doctor     (CLStore    *store,
                                                 CLDoctor   *doctor,
                                                 GHashTable *errors);
gboolean cl_directory_store_save_doctor         (CLStore     *store,
                                                 CLDoctor    *doctor,
                                                 const char  *role,
                                                 GHashTable **field_errors,
                                                 GError     **error);

/* A weekly session: its own rules and a live doctor. */
void     cl_directory_store_validate_session    (CLStore         *store,
                                                 CLDoctorSession *session,
                                                 GHashTable      *errors);
gboolean cl_directory_store_save_session        (CLStore          *store,
                                                 CLDoctorSession  *session,
                                                 const char       *role,
                                                 GHashTable      **field_errors,
                                                 GError          **error);

/* A price: its own rules and a code no other live price has. */
void     cl_directory_store_validate_price      (CLStore        *store,
                                                 CLServicePrice *price,
                                                 GHashTable     *errors);
gboolean cl_directory_store_save_price          (CLStore         *store,
                                                 CLServicePrice  *price,
                                                 const char      *role,
                                                 GHashTable     **field_errors,
                                                 GError         **error);

gboolean cl_directory_store_save_guide          (CLStore           *store,
                                                 CLProcedureGuide  *guide,
                                                 const char        *role,
                                                 GHashTable       **field_errors,
                                                 GError           **error);

/* A session check: its own rules, a live session of that doctor on
 * that weekday and half-day, and no other live check of the session
 * that day. */
void     cl_directory_store_validate_check      (CLStore        *store,
                                                 CLSessionCheck *check,
                                                 GHashTable     *errors);
gboolean cl_directory_store_save_check          (CLStore         *store,
                                                 CLSessionCheck  *check,
                                                 const char      *role,
                                                 GHashTable     **field_errors,
                                                 GError         **error);

/* A new check of @session on @iso_date, marked at @now, with whom the
 * desk phoned (may be empty: not yet) at @now; not saved. */
CLSessionCheck *cl_directory_store_new_check    (CLDoctorSession *session,
                                                 const char      *iso_date,
                                                 gint64           now);

G_END_DECLS
