#pragma once

#include <adwaita.h>

#include "cl-record.h"
#include "cl-patient-chooser.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Pieces shared by the escort task dialog and the VIP booking dialog:
 * rows with a message under them, choice rows over a list of codes,
 * and the day / start / end rows read as instants.  What may be saved
 * is core's to say (cl-schedule.h); these only read what was typed. */

typedef const char *(*ClLabelFunc) (const char *code);

/* A combo row of @codes (NULL-terminated) shown as @labels (as many)
 * or through @label, with
 * @first (may be NULL) as an extra first choice ("Unassigned"). */
AdwComboRow *cl_schedule_form_combo      (AdwPreferencesGroup *group,
                                          const char          *title,
                                          const char * const  *codes,
                                          const char * const  *labels,
                                          ClLabelFunc          label,
                                          const char          *first,
                                          GtkLabel           **message);

/* The code chosen in a combo of cl_schedule_form_combo(), NULL for the
 * extra first choice; and choosing one by code. */
const char  *cl_schedule_form_combo_get  (AdwComboRow         *row);
void         cl_schedule_form_combo_set  (AdwComboRow         *row,
                                          const char          *code);

/* "09:30" (also "9:30", "0930", "9") → minutes after midnight. */
gboolean     cl_schedule_form_parse_time (const char          *text,
                                          int                 *minutes,
                                          GError             **error);

/* Trimmed text of a row, NULL when empty. */
char        *cl_schedule_form_text        (AdwEntryRow *row);


/* The "Patient" group: a patient chooser and its message under it. */
GtkWidget   *cl_schedule_form_patient_group (CLStore           *store,
                                             CLPatientChooser **chooser,
                                             GtkLabel         **message);
/* Shows @record's (a task or a booking) patient in @chooser. */
void         cl_schedule_form_show_patient  (CLPatientChooser  *chooser,
                                             CLStore           *store,
                                             CLRecord          *record,
                                             const char        *patient_id);

/* Lays out a form dialog of cl_form_dialog_build(), titled @title;
 * returns its own message. */
GtkLabel    *cl_schedule_form_build_window  (AdwWindow         *window,
                                             const char        *title,
                                             const char        *save_label,
                                             GCallback          save_cb,
                                             GtkWidget        **groups);

/* Shows core's refusal under the field whose column (in @columns, as
 * many as @messages) it names, else in @form_message. */
void         cl_schedule_form_show_error    (const GError       *error,
                                             const char * const *columns,
                                             GtkLabel          **messages,
                                             guint               n,
                                             GtkLabel           *form_message);

/* A group with the row for why she is booked past her package's
 * allowance (cl-package-usage.h), shown when core asks for the reason:
 * for a new booking as soon as @chooser's patient has her allowance of
 * @kind (CL_USAGE_ESCORT or CL_USAGE_VIP_ROOM) taken, with core's words
 * under it; after a refusal (cl_schedule_form_ask_over_reason()); or
 * with the reason @value (may be NULL) a booking already has.  @editing:
 * an existing booking, which asks nothing before Save. */
GtkWidget   *cl_schedule_form_over_reason_group (CLPatientChooser  *chooser,
                                                 CLStore           *store,
                                                 int                kind,
                                                 gboolean           editing,
                                                 const char        *value,
                                                 AdwEntryRow      **row,
                                                 GtkLabel         **message);
/* Whether her package applies to what is booked (core's
 * cl_escort_task_kind_is_package() for an escort's kind): when it does
 * not, @row's group is hidden and asks nothing. */
void         cl_schedule_form_over_reason_set_applies (AdwEntryRow *row,
                                                       gboolean     applies);
/* Shows @row's group (from cl_schedule_form_over_reason_group()) if
 * @error asks for a reason, and puts the focus in it. */
void         cl_schedule_form_ask_over_reason   (AdwEntryRow       *row,
                                                 const GError      *error);

G_END_DECLS
