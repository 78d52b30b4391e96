#pragma once

#include <gtk/gtk.h>

#include "cl-context.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Her allergies and risk flags in one line, by her name wherever the
 * desk shows one patient (her page's header, the patient field of the
 * quick-entry bar, of an escort task, of a booking…): "⚠ Allergies:
 * Penicillin, Seafood · Fall risk", "No known allergies", or "Allergies
 * not assessed".  The words are core's
 * (cl_nursing_assessment_describe_alerts()); it follows her latest
 * assessment as it is saved here or pulled.
 *
 * With a context it also offers "Nursing Assessment…", which opens
 * her assessment and vitals in a window of their own. */

#define CL_TYPE_ALLERGY_LINE (cl_allergy_line_get_type ())
G_DECLARE_FINAL_TYPE (CLAllergyLine, cl_allergy_line, CL, ALLERGY_LINE, GtkWidget)

GtkWidget  *cl_allergy_line_new            (void);
void        cl_allergy_line_set_store      (CLAllergyLine *self,
                                            CLStore       *store);
void        cl_allergy_line_set_context    (CLAllergyLine *self,
                                            CLContext     *context);
/* NULL hides the line. */
void        cl_allergy_line_set_patient_id (CLAllergyLine *self,
                                            const char    *patient_id);
/* What it says (for tests), NULL while hidden. */
const char *cl_allergy_line_get_text       (CLAllergyLine *self);
/* Whether it shows an allergy or a risk to heed (for tests). */
gboolean    cl_allergy_line_get_alert      (CLAllergyLine *self);

G_END_DECLS
