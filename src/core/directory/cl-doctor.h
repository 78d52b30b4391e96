#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A doctor of the hospital (table doctor), synced: the name, the
 * professional title (cl_doctor_titles()), the department, what they
 * specialise in, and whether they still see patients.  Kept by an
 * administrator; the service desk finds them in the directory and by
 * their weekly clinic sessions (CLDoctorSession).  A doctor who left is
 * switched off, never deleted, so a session check that named them still
 * reads. */
#define CL_TYPE_DOCTOR (cl_doctor_get_type ())
G_DECLARE_FINAL_TYPE (CLDoctor, cl_doctor, CL, DOCTOR, CLRecord)

CLDoctor *cl_doctor_new (void);

const char  *cl_doctor_get_name (CLDoctor *self);
void         cl_doctor_set_name (CLDoctor *self, const char *value);
const char  *cl_doctor_get_title (CLDoctor *self);
void         cl_doctor_set_title (CLDoctor *self, const char *value);
const char  *cl_doctor_get_department_id (CLDoctor *self);
void         cl_doctor_set_department_id (CLDoctor *self, const char *value);
const char  *cl_doctor_get_specialty (CLDoctor *self);
void         cl_doctor_set_specialty (CLDoctor *self, const char *value);
gboolean     cl_doctor_get_active (CLDoctor *self);
void         cl_doctor_set_active (CLDoctor *self, gboolean value);

/* The professional titles, in rank order: "chief" (主任医师),
 * "associate_chief" (副主任医师), "attending" (主治医师), "resident"
 * (住院医师). */
const char * const *cl_doctor_titles      (void);
/* The translated title, or @title itself when it is none of them. */
const char         *cl_doctor_title_label (const char *title);

/* The doctor's own rules, column → translated message; empty when
 * valid.  (That the department exists is the store's rule:
 * cl_directory_store_validate_doctor().) */
GHashTable *cl_doctor_validate (CLDoctor *self);

G_END_DECLS
