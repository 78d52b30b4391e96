#pragma once

#include <adwaita.h>

#include "cl-escort-task.h"
#include "cl-context.h"

G_BEGIN_DECLS

/* New or edit an escort task: patient, kind, from, to, day, start,
 * end, escort, note.  What core refuses (end before start, outside
 * working hours, in the past, over another task of the escort, a staff
 * member who is not an escort…) is shown under its field and nothing
 * is saved.  "saved" (const char *id). */

#define CL_TYPE_ESCORT_TASK_DIALOG (cl_escort_task_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLEscortTaskDialog, cl_escort_task_dialog, CL, ESCORT_TASK_DIALOG, AdwWindow)

/* @task NULL: a new task for @escort_id (NULL: unassigned) over
 * [start_at, end_at) (0, 0: empty fields). */
CLEscortTaskDialog *cl_escort_task_dialog_new (GtkWindow    *parent,
                                               CLContext    *context,
                                               CLEscortTask *task,
                                               const char   *escort_id,
                                               gint64        start_at,
                                               gint64        end_at);

/* A new task for her (the desk's "Book Escort…" for the patient it
 * has), of @kind (CL_ESCORT_KIND_*). */
void         cl_escort_task_dialog_set_patient (CLEscortTaskDialog *self,
                                                const char         *patient_id);
void         cl_escort_task_dialog_set_kind    (CLEscortTaskDialog *self,
                                                const char         *kind);

gboolean     cl_escort_task_dialog_save        (CLEscortTaskDialog *self);

/* For tests: "patient", "kind", "from", "to", "day", "start", "end",
 * "escort", "note"; "" for the dialog's own message.  "free": the box
 * of buttons for the escorts free when the chosen one is busy. */
GtkWidget   *cl_escort_task_dialog_get_field   (CLEscortTaskDialog *self,
                                                const char         *field);
const char  *cl_escort_task_dialog_get_error   (CLEscortTaskDialog *self,
                                                const char         *field);

G_END_DECLS
