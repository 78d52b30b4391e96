#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-record.h"

G_BEGIN_DECLS

/* An administrator's form for a department, a price or a procedure of
 * the hospital directory (the doctor has CLDoctorDialog): one row per
 * column the desk reads, the price typed in yuan, a procedure's steps
 * one a line.  Core's refusals (cl_directory_store_save_department(),
 * _price(), _guide()) show under their field and nothing is saved.
 * "saved" (const char *id). */
#define CL_TYPE_DIRECTORY_ENTRY_DIALOG (cl_directory_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLDirectoryEntryDialog, cl_directory_entry_dialog, CL, DIRECTORY_ENTRY_DIALOG, AdwWindow)

/* @type CL_TYPE_DEPARTMENT, CL_TYPE_SERVICE_PRICE or
 * CL_TYPE_PROCEDURE_GUIDE; @record NULL for a new one. */
CLDirectoryEntryDialog *cl_directory_entry_dialog_new   (GtkWindow  *parent,
                                                         CLContext  *context,
                                                         GType       type,
                                                         CLRecord   *record);
gboolean    cl_directory_entry_dialog_save      (CLDirectoryEntryDialog *self);

/* For tests: the row of a column ("name", "price_fen", "steps" …; a
 * text view for the steps), "active" (a switch); "" for the dialog's
 * own message. */
GtkWidget  *cl_directory_entry_dialog_get_field (CLDirectoryEntryDialog *self,
                                                 const char             *field);
const char *cl_directory_entry_dialog_get_error (CLDirectoryEntryDialog *self,
                                                 const char             *field);

G_END_DECLS
