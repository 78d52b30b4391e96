#pragma once

#include <adwaita.h>

#include "cl-package.h"
#include "cl-context.h"

G_BEGIN_DECLS

/* "Package": one service package as an administrator edits it: name,
 * code, price in yuan, the gestational window in which one may enrol
 * (weeks+days), the service period after delivery, the included
 * services with their quantities, and whether it is offered.  The core
 * validates (cl_enrolment_store_save_package()); a refused field gets
 * its message right under it and nothing is saved.  Any other role sees
 * the same form read-only.  Emits "saved". */

#define CL_TYPE_PACKAGE_DIALOG (cl_package_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLPackageDialog, cl_package_dialog, CL, PACKAGE_DIALOG, AdwWindow)

/* @package NULL makes a new one; an existing one is edited on a copy. */
CLPackageDialog *cl_package_dialog_new          (GtkWindow       *parent,
                                                 CLContext       *context,
                                                 CLPackage       *package);

gboolean         cl_package_dialog_get_editable (CLPackageDialog *self);

/* For tests: what the buttons do, and the rows and messages.  Fields:
 * "name", "code", "price", "enrol-from", "enrol-to", "postpartum",
 * "service-name.N", "service-quantity.N" (N from 0). */
gboolean         cl_package_dialog_save           (CLPackageDialog *self);
void             cl_package_dialog_add_service    (CLPackageDialog *self);
void             cl_package_dialog_remove_service (CLPackageDialog *self,
                                                   guint            index);
guint            cl_package_dialog_get_n_services (CLPackageDialog *self);
GtkEditable     *cl_package_dialog_get_entry      (CLPackageDialog *self,
                                                   const char      *field);
/* The message under @field (the fields above, "service.N" for a
 * service row, or "" for the whole form), NULL if none. */
const char      *cl_package_dialog_get_error      (CLPackageDialog *self,
                                                   const char      *field);

G_END_DECLS
