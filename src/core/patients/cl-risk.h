#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pregnancy risk colours (妊娠风险五色分级).  A risk value is stored as
 * text: one or more level codes joined by '+', e.g. "orange+purple".
 * At most one non-combinable level; a combinable level (purple,
 * infectious disease) may stand alone or join one other level.  The
 * empty string means "not yet assessed". */

typedef struct _ClRiskLevel
{
  char     *code;        /* "green" */
  char     *label;       /* translated: "Green (low risk)" / "绿色（低风险）" */
  char     *short_label; /* the colour alone, for a chip in a list: "Green" / "绿色" */
  char     *color;       /* "#2ec27e": CSS colour for the chip */
  gint      rank;        /* severity for sorting: higher is more severe */
  gboolean  combinable;  /* may join another level (purple) */
} ClRiskLevel;

typedef struct _ClRiskScale ClRiskScale;

/* The built-in scale: green, yellow, orange, red and combinable purple.
 * Owned by the library (transfer none); labels are translated when it
 * is first requested. */
ClRiskScale       *cl_risk_scale_get_default (void);

/* A scale read from a GKeyFile file, one group per level:
 *   [red]
 *   label=High risk      (label[zh_CN]=… for translations)
 *   color=#e01b24
 *   rank=40
 *   combinable=false
 * Returns NULL with an error on a malformed file.  Levels are ordered
 * by ascending rank (file order for equal ranks). */
ClRiskScale       *cl_risk_scale_new_from_file (const char  *path,
                                                GError     **error);

ClRiskScale       *cl_risk_scale_ref   (ClRiskScale *scale);
void               cl_risk_scale_unref (ClRiskScale *scale);

guint              cl_risk_scale_get_n_levels (ClRiskScale *scale);
const ClRiskLevel *cl_risk_scale_get_level    (ClRiskScale *scale,
                                               guint        index);
const ClRiskLevel *cl_risk_scale_lookup       (ClRiskScale *scale,
                                               const char  *code);

/* Validates and normalises a risk value ("purple+orange" becomes
 * "orange+purple": main level first).  Sets a translated
 * CL_VALIDATION_ERROR_FORMAT (unknown code) or _COMBINATION (two main
 * levels, or a repeated level). */
gboolean           cl_risk_normalize   (ClRiskScale  *scale,
                                        const char   *value,
                                        char        **normalized,
                                        GError      **error);

/* Highest rank among the value's levels; 0 for empty/unknown. */
gint               cl_risk_rank        (ClRiskScale *scale,
                                        const char  *value);

/* "Orange + Purple" style translated label; "Not assessed" for "". */
char              *cl_risk_format      (ClRiskScale *scale,
                                        const char  *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClRiskScale, cl_risk_scale_unref)

G_END_DECLS
