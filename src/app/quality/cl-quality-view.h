#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The Quality view: the service contract's back office, what its lead
 * and the hospital's quality office look at each week and quarter —
 * the satisfaction surveys and their results, the duty roster and the
 * inspections with their rectifications — each a page under one
 * switcher. */
#define CL_TYPE_QUALITY_VIEW (cl_quality_view_get_type ())
G_DECLARE_FINAL_TYPE (CLQualityView, cl_quality_view, CL, QUALITY_VIEW, GtkWidget)

/* The view's pages by name: "surveys", "duty", "inspections". */
GtkWidget   *cl_quality_view_get_page     (CLQualityView *self,
                                           const char    *name);
void         cl_quality_view_show_page    (CLQualityView *self,
                                           const char    *name);

G_END_DECLS
