#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* An inspection of a guide-desk post by the hospital's quality office
 * (table inspection), synced: the civil date, the inspector (a staff
 * id), the post (free text, "门诊服务中心"), the four items checked,
 * each passed or failed, the findings, and whether a failure was
 * caused by the vendor's poor cooperation, which the contract punishes
 * with a deduction (cl-inspection-rules.h).  The service desk and an
 * administrator write it; finance reads it beside the deductions.
 *
 * The items are one JSON object, {"duties":true,"workflows":false,…},
 * with exactly the keys of cl_inspection_item_codes(): what the server
 * checks of a pushed record as of one made here. */
#define CL_TYPE_INSPECTION (cl_inspection_get_type ())
G_DECLARE_FINAL_TYPE (CLInspection, cl_inspection, CL, INSPECTION, CLRecord)

CLInspection *cl_inspection_new (void);

const char *cl_inspection_get_date             (CLInspection *self);
void        cl_inspection_set_date             (CLInspection *self, const char *value);
const char *cl_inspection_get_inspector_id     (CLInspection *self);
void        cl_inspection_set_inspector_id     (CLInspection *self, const char *value);
const char *cl_inspection_get_post             (CLInspection *self);
void        cl_inspection_set_post             (CLInspection *self, const char *value);
const char *cl_inspection_get_items            (CLInspection *self);
void        cl_inspection_set_items            (CLInspection *self, const char *value);
const char *cl_inspection_get_findings         (CLInspection *self);
void        cl_inspection_set_findings         (CLInspection *self, const char *value);
gboolean    cl_inspection_get_poor_cooperation (CLInspection *self);
void        cl_inspection_set_poor_cooperation (CLInspection *self, gboolean value);

/* The items checked, as stored: "duties", "workflows", "etiquette",
 * "knowledge"; NULL-terminated. */
const char * const *cl_inspection_item_codes (void);
/* What a person reads for one (translated): "Job duties" … */
const char         *cl_inspection_item_label (const char *code);

/* Sets every item at once from @passed, one per code in
 * cl_inspection_item_codes()'s order. */
void        cl_inspection_set_results  (CLInspection   *self,
                                        const gboolean *passed);
/* Whether the item @code passed; FALSE for an item not (well)
 * recorded. */
gboolean    cl_inspection_item_passed  (CLInspection   *self,
                                        const char     *code);
/* Whether any item failed, or the items are not a well-formed record
 * (an inspection that cannot be read as passed is not passed). */
gboolean    cl_inspection_is_failed    (CLInspection   *self);

/* The failed items' names, translated and joined ("Workflows,
 * Etiquette"); "" when all passed. */
char       *cl_inspection_format_failed (CLInspection  *self);

/* The inspection's own rules, column → translated message, for the
 * desk's dialog and the server's check of a pushed change: a real
 * date, the post said, the four items each passed or failed, findings
 * for a failure, poor cooperation only for a failure.  Empty when
 * valid. */
GHashTable *cl_inspection_validate     (CLInspection   *self);

G_END_DECLS
