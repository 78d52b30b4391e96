#pragma once

#include "cl-department.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Writing the hospital directory: the administrator's saves and the
 * server's rules are the same functions (README, "Hospital
 * directory"). */

/* A department's rules with the list: its own
 * (cl_department_validate()) and a name no other live department has.
 * Adds to @errors (column → message). */
void     cl_directory_store_validate_department (CLStore      *store,
                                                 CLDepartment *department,
                                                 GHashTable   *errors);

/* Saves @department for @role, refusing with CL_STORE_ERROR_INVALID
 * (and, when @field_errors, column → message) and writing nothing when
 * a rule is broken or the role may not. */
gboolean cl_directory_store_save_department     (CLStore       *store,
                                                 CLDepartment  *department,
                                                 const char    *role,
                                                 GHashTable   **field_errors,
                                                 GError       **error);

G_END_DECLS
