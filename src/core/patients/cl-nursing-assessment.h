#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* Her nursing assessment (table nursing_assessment), taken at her first
 * visit and read at every later one: medical and surgical history, drug
 * and food allergies (coded words plus free text), the social and
 * psychological assessments and the high-risk screening.  It is never
 * edited: an update is a new record with the next version number that
 * supersedes the latest one, so the versions are her history, each
 * with who recorded it and when.
 *
 * Allergies are a comma-separated list of the words of
 * cl_nursing_drug_allergies() / cl_nursing_food_allergies();
 * CL_NURSING_NONE ("none") says "no known allergies" and stands alone.
 * The screening's risks are words of cl_nursing_risks(). */
#define CL_TYPE_NURSING_ASSESSMENT (cl_nursing_assessment_get_type ())
G_DECLARE_FINAL_TYPE (CLNursingAssessment, cl_nursing_assessment, CL, NURSING_ASSESSMENT, CLRecord)

#define CL_NURSING_NONE "none"

CLNursingAssessment *cl_nursing_assessment_new (const char *patient_id);

/* A new record (a fresh id) with @latest's contents, the next version,
 * superseding it; recorded_by and recorded_at are left for the saver. */
CLNursingAssessment *cl_nursing_assessment_new_version (CLNursingAssessment *latest);

const char *cl_nursing_assessment_get_patient_id (CLNursingAssessment *self);
void        cl_nursing_assessment_set_patient_id (CLNursingAssessment *self, const char *value);
gint        cl_nursing_assessment_get_version (CLNursingAssessment *self);
void        cl_nursing_assessment_set_version (CLNursingAssessment *self, gint value);
const char *cl_nursing_assessment_get_supersedes_id (CLNursingAssessment *self);
void        cl_nursing_assessment_set_supersedes_id (CLNursingAssessment *self, const char *value);
const char *cl_nursing_assessment_get_medical_history (CLNursingAssessment *self);
void        cl_nursing_assessment_set_medical_history (CLNursingAssessment *self, const char *value);
const char *cl_nursing_assessment_get_surgical_history (CLNursingAssessment *self);
void        cl_nursing_assessment_set_surgical_history (CLNursingAssessment *self, const char *value);
const char *cl_nursing_assessment_get_drug_allergies (CLNursingAssessment *self);
void        cl_nursing_assessment_set_drug_allergies (CLNursingAssessment *self, const char *value);
const char *cl_nursing_assessment_get_drug_allergy_note (CLNursingAssessment *self);
void        cl_nursing_assessment_set_drug_allergy_note (CLNursingAssessment *self, const char *value);
const char *cl_nursing_assessment_get_food_allergies (CLNursingAssessment *self);
void        cl_nursing_assessment_set_food_allergies (CLNursingAssessment *self, const char *value);
const char *cl_nursing_assessment_get_food_allergy_note (CLNursingAssessment *self);
void        cl_nursing_assessment_set_food_allergy_note (CLNursingAssessment *self, const char *value);
const char *cl_nursing_assessment_get_social (CLNursingAssessment *self);
void        cl_nursing_assessment_set_social (CLNursingAssessment *self, const char *value);
const char *cl_nursing_assessment_get_psychological (CLNursingAssessment *self);
void        cl_nursing_assessment_set_psychological (CLNursingAssessment *self, const char *value);
const char *cl_nursing_assessment_get_risks (CLNursingAssessment *self);
void        cl_nursing_assessment_set_risks (CLNursingAssessment *self, const char *value);
const char *cl_nursing_assessment_get_risk_note (CLNursingAssessment *self);
void        cl_nursing_assessment_set_risk_note (CLNursingAssessment *self, const char *value);
const char *cl_nursing_assessment_get_recorded_by (CLNursingAssessment *self);
void        cl_nursing_assessment_set_recorded_by (CLNursingAssessment *self, const char *value);
gint64      cl_nursing_assessment_get_recorded_at (CLNursingAssessment *self);
void        cl_nursing_assessment_set_recorded_at (CLNursingAssessment *self, gint64 value);

/* The coded choices, as stored, NULL-terminated (CL_NURSING_NONE not
 * among them). */
const char * const *cl_nursing_drug_allergies (void);
const char * const *cl_nursing_food_allergies (void);
const char * const *cl_nursing_risks          (void);
/* What a person reads for a word of any of the three lists or for
 * CL_NURSING_NONE (translated); the word itself when unknown. */
const char         *cl_nursing_word_label     (const char *word);

/* Whether @list (comma separated) holds @word. */
gboolean            cl_nursing_list_has       (const char *list,
                                               const char *word);

/* The record's own rules, column → translated message; empty when
 * valid.  The version chain against her other versions is
 * cl_nursing_store_validate_assessment()'s. */
GHashTable         *cl_nursing_assessment_validate (CLNursingAssessment *self);

/* The line every view that shows her puts by her name: her allergies
 * ("⚠ Allergies: Penicillin, Seafood"), "No known allergies" or, for a
 * NULL @self, "Allergies not assessed", then her screening's risks
 * ("· Fall risk").  *@alert is set when there is an allergy or a risk
 * to heed. */
char               *cl_nursing_assessment_describe_alerts (CLNursingAssessment *self,
                                                           gboolean            *alert);

/* The parts of an assessment as a person reads them, in form order. */
typedef enum
{
  CL_NURSING_DRUG_ALLERGIES,
  CL_NURSING_FOOD_ALLERGIES,
  CL_NURSING_RISKS,
  CL_NURSING_MEDICAL_HISTORY,
  CL_NURSING_SURGICAL_HISTORY,
  CL_NURSING_SOCIAL,
  CL_NURSING_PSYCHOLOGICAL,
  CL_NURSING_N_FIELDS,
} CLNursingField;

/* A part's name ("Drug allergies"), translated. */
const char         *cl_nursing_field_label (CLNursingField field);
/* What @self says of @field: the coded words as labels and the free
 * text ("Penicillin; rash as a child"), "None" for a screening that
 * found nothing, "—" for a text left empty. */
char               *cl_nursing_assessment_field_text (CLNursingAssessment *self,
                                                      CLNursingField       field);

/* The labels (translated) of what @newer changed from @older, in form
 * order, NULL-terminated; for a NULL @older, none. */
GStrv               cl_nursing_assessment_changes (CLNursingAssessment *older,
                                                   CLNursingAssessment *newer);

/* One coded list with its free text as a person reads it: "Penicillin,
 * Latex; rash as a child"; "—" for nothing. */
char               *cl_nursing_describe_list (const char *words,
                                              const char *note);

G_END_DECLS
