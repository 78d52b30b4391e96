#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

#define CL_TYPE_PATIENT (cl_patient_get_type ())
G_DECLARE_FINAL_TYPE (CLPatient, cl_patient, CL, PATIENT, CLRecord)

CLPatient  *cl_patient_new                 (void);

const char *cl_patient_get_name            (CLPatient  *self);
void        cl_patient_set_name            (CLPatient  *self,
                                            const char *name);
const char *cl_patient_get_id_number       (CLPatient  *self);
void        cl_patient_set_id_number       (CLPatient  *self,
                                            const char *id_number);
const char *cl_patient_get_phone           (CLPatient  *self);
void        cl_patient_set_phone           (CLPatient  *self,
                                            const char *phone);
const char *cl_patient_get_birth_date      (CLPatient  *self);
void        cl_patient_set_birth_date      (CLPatient  *self,
                                            const char *birth_date);
const char *cl_patient_get_address         (CLPatient  *self);
void        cl_patient_set_address         (CLPatient  *self,
                                            const char *address);
const char *cl_patient_get_mrn             (CLPatient  *self);
void        cl_patient_set_mrn             (CLPatient  *self,
                                            const char *mrn);
const char *cl_patient_get_priority        (CLPatient  *self);
void        cl_patient_set_priority        (CLPatient  *self,
                                            const char *priority);
const char *cl_patient_get_case_manager_id (CLPatient  *self);
void        cl_patient_set_case_manager_id (CLPatient  *self,
                                            const char *case_manager_id);
const char *cl_patient_get_note            (CLPatient  *self);
void        cl_patient_set_note            (CLPatient  *self,
                                            const char *note);

/* Checks every field as a person typed it.  Returns a table of
 * column name ("name", "id_number", "phone", "birth_date", "mrn") to a
 * translated message; empty when all is well.  Normalises the ID number
 * and phone in place, and fills an empty birth date from the ID number;
 * a birth date that disagrees with the ID number is an error. */
GHashTable *cl_patient_validate            (CLPatient  *self);

/* Priority flags (重点患者) are stored as a comma-separated list of
 * these codes. */
const char * const *cl_patient_priority_codes (void);
/* The label of a stored code, or of CL_PATIENT_FLAG_AGED. */
const char *cl_patient_priority_label     (const char *code);

/* Aged 70 or more is a flag of its own, never stored: it follows from
 * the date of birth, so it turns on by itself on her 70th birthday.
 * Born on 29 February, she turns 70 on 1 March of a common year. */
#define CL_PATIENT_FLAG_AGED "aged-70"
#define CL_PATIENT_AGED_YEARS 70

gboolean    cl_patient_is_aged            (const char  *birth_date,
                                           const GDate *on);
/* The latest ISO birth date of someone aged 70+ on @on: the roster
 * index compares its birth dates with it. */
char       *cl_patient_aged_birth_cutoff  (const GDate *on);
/* Her flags on the civil date @on: the stored ones, then
 * CL_PATIENT_FLAG_AGED when she is 70 or more.  Empty when none; never
 * NULL. */
char       *cl_patient_effective_flags    (const char  *stored,
                                           const char  *birth_date,
                                           const GDate *on);
/* The labels of comma-separated @flags, for a badge's tooltip. */
char       *cl_patient_flags_describe     (const char  *flags);
/* Her name with her badge before it ("[Retired cadre] 张敏", the label
 * of her first flag), where a name is drawn as text (a time grid's
 * block, a printed sheet); @name alone when @flags is empty or NULL. */
char       *cl_patient_badged_name        (const char  *name,
                                           const char  *flags);

G_END_DECLS
