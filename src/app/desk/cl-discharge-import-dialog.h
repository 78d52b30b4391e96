#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Imports the hospital system's CSV export of discharges
 * (cl_discharge_import_csv()): all rows or none, saying how many were
 * imported, or listing each wrong row. */
#define CL_TYPE_DISCHARGE_IMPORT_DIALOG (cl_discharge_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLDischargeImportDialog, cl_discharge_import_dialog, CL, DISCHARGE_IMPORT_DIALOG, AdwWindow)

CLDischargeImportDialog *cl_discharge_import_dialog_new          (GtkWindow               *parent,
                                                                  CLContext               *context);

/* Imports @contents (the file's bytes) and shows the outcome; what a
 * chosen file is given to.  TRUE when imported. */
gboolean                 cl_discharge_import_dialog_import_bytes (CLDischargeImportDialog *self,
                                                                  GBytes                  *contents);

/* For tests: the outcome's line, and the problems listed. */
const char              *cl_discharge_import_dialog_get_result   (CLDischargeImportDialog *self);
guint                    cl_discharge_import_dialog_get_n_problems (CLDischargeImportDialog *self);
const char              *cl_discharge_import_dialog_get_problem  (CLDischargeImportDialog *self,
                                                                  guint                    i);

G_END_DECLS
