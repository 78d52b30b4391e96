#pragma once

#include "cl-department.h"
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

G_END_DECLS
