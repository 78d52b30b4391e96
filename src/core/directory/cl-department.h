#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A department or clinic of the hospital (table department), synced:
 * its name in Chinese (name) and, optionally, English (name_en), where
 * it is (building, floor, room) and its desk telephone.  An
 * administrator keeps the list; the service desk's complaints,
 * appointments and critical values name a department by its id.  A
 * department closed is switched off, never deleted, so what named it
 * still reads. */
#define CL_TYPE_DEPARTMENT (cl_department_get_type ())
G_DECLARE_FINAL_TYPE (CLDepartment, cl_department, CL, DEPARTMENT, CLRecord)

CLDepartment *cl_department_new (void);

const char *cl_department_get_name     (CLDepartment *self);
void        cl_department_set_name     (CLDepartment *self, const char *value);
const char *cl_department_get_name_en  (CLDepartment *self);
void        cl_department_set_name_en  (CLDepartment *self, const char *value);
const char *cl_department_get_building (CLDepartment *self);
void        cl_department_set_building (CLDepartment *self, const char *value);
const char *cl_department_get_floor    (CLDepartment *self);
void        cl_department_set_floor    (CLDepartment *self, const char *value);
const char *cl_department_get_room     (CLDepartment *self);
void        cl_department_set_room     (CLDepartment *self, const char *value);
const char *cl_department_get_phone    (CLDepartment *self);
void        cl_department_set_phone    (CLDepartment *self, const char *value);
gboolean    cl_department_get_active   (CLDepartment *self);
void        cl_department_set_active   (CLDepartment *self, gboolean value);

/* The department's own rules, column → translated message, for the
 * administrator's dialog and the server's check of a pushed change;
 * empty when valid.  (A name taken by another live department is the
 * store's rule: cl_directory_store_validate_department().) */
GHashTable *cl_department_validate     (CLDepartment *self);

/* Its name in the desk's language: the English one in an English desk
 * when there is one, else the Chinese. */
const char *cl_department_get_display_name (CLDepartment *self);

/* Where it is, for a person: "Building 2, 3F, Room 305", or "" when
 * nothing is known. */
char       *cl_department_dup_location (CLDepartment *self);

G_END_DECLS
