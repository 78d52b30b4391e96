#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A community hospital that refers patients to us (table
 * referring_hospital), synced; an administrator keeps the list.  One
 * that stops referring is switched off, never deleted, so its
 * referrals still read. */
#define CL_TYPE_REFERRING_HOSPITAL (cl_referring_hospital_get_type ())
G_DECLARE_FINAL_TYPE (CLReferringHospital, cl_referring_hospital, CL, REFERRING_HOSPITAL, CLRecord)

CLReferringHospital *cl_referring_hospital_new (void);

const char *cl_referring_hospital_get_name   (CLReferringHospital *self);
void        cl_referring_hospital_set_name   (CLReferringHospital *self, const char *value);
const char *cl_referring_hospital_get_phone  (CLReferringHospital *self);
void        cl_referring_hospital_set_phone  (CLReferringHospital *self, const char *value);
gboolean    cl_referring_hospital_get_active (CLReferringHospital *self);
void        cl_referring_hospital_set_active (CLReferringHospital *self, gboolean value);

/* Own rules, column → translated message; empty when valid. */
GHashTable *cl_referring_hospital_validate   (CLReferringHospital *self);

G_END_DECLS
