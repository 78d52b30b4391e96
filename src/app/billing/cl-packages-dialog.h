#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* "Packages" (main menu): the hospital's service packages with their
 * price, enrolment window and service period, inactive ones included.
 * A row opens the package (CLPackageDialog); an administrator may add
 * and change packages, everyone else sees them read-only. */

#define CL_TYPE_PACKAGES_DIALOG (cl_packages_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLPackagesDialog, cl_packages_dialog, CL, PACKAGES_DIALOG, AdwWindow)

CLPackagesDialog *cl_packages_dialog_new         (GtkWindow        *parent,
                                                  CLContext        *context);

/* For tests: the rows shown (one per package), and what activating
 * row @index and "New Package" do: open the package's dialog. */
guint             cl_packages_dialog_get_n_rows  (CLPackagesDialog *self);
GtkWidget        *cl_packages_dialog_get_row     (CLPackagesDialog *self,
                                                  guint             index);
GtkWindow        *cl_packages_dialog_open        (CLPackagesDialog *self,
                                                  guint             index);
GtkWindow        *cl_packages_dialog_open_new    (CLPackagesDialog *self);

G_END_DECLS
