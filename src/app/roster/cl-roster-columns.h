#pragma once

#include <gtk/gtk.h>

#include "cl-risk.h"

G_BEGIN_DECLS

/* The roster's columns, in the template's order. */
typedef enum
{
  CL_ROSTER_COLUMN_NAME,
  CL_ROSTER_COLUMN_AGE,
  CL_ROSTER_COLUMN_GA,
  CL_ROSTER_COLUMN_EDD,
  CL_ROSTER_COLUMN_RISK,
  CL_ROSTER_COLUMN_PACKAGE,
  CL_ROSTER_COLUMN_MANAGER,
  CL_ROSTER_COLUMN_NEXT_VISIT,
  CL_ROSTER_COLUMN_PHONE,
  CL_N_ROSTER_COLUMNS
} CLRosterColumn;

/* Sizes the roster's @columns (in @view, inside a scrolled window) from
 * their content, not from the rows on screen, so they stay put while
 * filtering.  Each column has a natural width (the widest text it is
 * meant to hold: an age of 45, a gestation of 40+6, a date of next
 * year, a risk chip, a masked phone…, measured with Pango in the
 * cells' own style, or its title if wider) and a smaller minimum.
 * When the view is narrower than the natural widths, the columns whose
 * cells ellipsize give way, the package and the next visit first, then
 * the gestation and the badge beside the name, down to their minimums; whatever is left over goes to
 * the name and the package.  Call again when the risk scale (@scale,
 * may be NULL) changes. */
void cl_roster_columns_fit        (GtkColumnView        *view,
                                   GtkColumnViewColumn **columns,
                                   ClRiskScale          *scale);

/* The width a name keeps beside a priority badge: a typical full name
 * (four characters) is never ellipsized. */
int  cl_roster_columns_name_width (void);

G_END_DECLS
