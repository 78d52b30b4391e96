#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A procedure the desk explains (table procedure_guide), synced: its
 * title and steps in Chinese and, optionally, English (one step a
 * line), whom it is for (audience, free text: "门诊患者"…), where it
 * happens, and whether it is in use.  The standard ones (registration,
 * prenatal check, payment …) come seeded with the schema and a
 * hospital edits them; an administrator keeps the list. */
#define CL_TYPE_PROCEDURE_GUIDE (cl_procedure_guide_get_type ())
G_DECLARE_FINAL_TYPE (CLProcedureGuide, cl_procedure_guide, CL, PROCEDURE_GUIDE, CLRecord)

CLProcedureGuide *cl_procedure_guide_new (void);

const char  *cl_procedure_guide_get_title (CLProcedureGuide *self);
void         cl_procedure_guide_set_title (CLProcedureGuide *self, const char *value);
const char  *cl_procedure_guide_get_title_en (CLProcedureGuide *self);
void         cl_procedure_guide_set_title_en (CLProcedureGuide *self, const char *value);
const char  *cl_procedure_guide_get_audience (CLProcedureGuide *self);
void         cl_procedure_guide_set_audience (CLProcedureGuide *self, const char *value);
const char  *cl_procedure_guide_get_steps (CLProcedureGuide *self);
void         cl_procedure_guide_set_steps (CLProcedureGuide *self, const char *value);
const char  *cl_procedure_guide_get_steps_en (CLProcedureGuide *self);
void         cl_procedure_guide_set_steps_en (CLProcedureGuide *self, const char *value);
const char  *cl_procedure_guide_get_place (CLProcedureGuide *self);
void         cl_procedure_guide_set_place (CLProcedureGuide *self, const char *value);
gboolean     cl_procedure_guide_get_active (CLProcedureGuide *self);
void         cl_procedure_guide_set_active (CLProcedureGuide *self, gboolean value);

/* The title and steps in the desk's language: the English ones in an
 * English desk where given, else the Chinese. */
const char *cl_procedure_guide_get_display_title (CLProcedureGuide *self);
const char *cl_procedure_guide_get_display_steps (CLProcedureGuide *self);

GHashTable *cl_procedure_guide_validate (CLProcedureGuide *self);

G_END_DECLS
