#pragma once

#include <cairo.h>
#include <glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* The printed patient summary: one drawing function shared by the
 * GtkPrintOperation and the PDF export, so that the PDF the tests read
 * back is what is printed (README, "Printed summary").  Sizes
 * are in points on a page of @width × @height, A4 (595 × 842) being the
 * one it is made for.  Page 1 has the hospital, the patient, her
 * gestational age and risk colour; then the visit table, the reports
 * and the current doctor's orders follow over as many pages as they
 * need, each table's header repeated on a new page. */

typedef struct _ClPatientSummary ClPatientSummary;

/* Gathers the summary of a patient and her current pregnancy from the
 * store.  @hospital is the name printed on top.  NULL with @error if
 * the patient cannot be read. */
ClPatientSummary *cl_patient_summary_new        (CLStore          *store,
                                                 const char       *patient_id,
                                                 const char       *hospital,
                                                 GError          **error);
void              cl_patient_summary_free       (ClPatientSummary *summary);

/* The file name offered when exporting: "Summary NAME DATE.pdf". */
char             *cl_patient_summary_file_name  (ClPatientSummary *summary);
const char       *cl_patient_summary_get_title  (ClPatientSummary *summary);

int               cl_patient_summary_n_pages    (ClPatientSummary *summary,
                                                 double            width,
                                                 double            height);

/* Draws page @page (0-based) with the origin at the page's top left. */
void              cl_patient_summary_draw       (ClPatientSummary *summary,
                                                 cairo_t          *cr,
                                                 double            width,
                                                 double            height,
                                                 int               page);

/* Writes the summary as an A4 PDF to @path. */
gboolean          cl_patient_summary_export_pdf (ClPatientSummary *summary,
                                                 const char       *path,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClPatientSummary, cl_patient_summary_free)

G_END_DECLS
