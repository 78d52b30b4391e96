#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A complaint ticket (table complaint), synced: a contact of the
 * category "complaint" that is settled where it arose (首诉负责制).
 * It names the contact it came from, the complainant (a name, a phone
 * and the patient if she is one), the department complained of, what
 * happened, its severity, and its owner: whoever took it stays
 * responsible until it is handed over to someone else.  It is promised
 * to be resolved by opened_at + the severity's hours (a desk setting,
 * cl_complaint_hours_key()), and goes open → in progress → resolved →
 * closed, one step at a time.  Resolving needs the resolution;
 * closing needs the complainant's satisfaction with it, and a reason
 * when she is unsatisfied.  A complaint settled on the spot is recorded
 * resolved at once: resolved_at = opened_at. */
#define CL_TYPE_COMPLAINT (cl_complaint_get_type ())
G_DECLARE_FINAL_TYPE (CLComplaint, cl_complaint, CL, COMPLAINT, CLRecord)

typedef enum
{
  CL_COMPLAINT_SEVERITY_MINOR,
  CL_COMPLAINT_SEVERITY_MODERATE,
  CL_COMPLAINT_SEVERITY_SERIOUS,
  CL_COMPLAINT_N_SEVERITIES
} CLComplaintSeverity;

typedef enum
{
  CL_COMPLAINT_STATE_OPEN,
  CL_COMPLAINT_STATE_IN_PROGRESS,
  CL_COMPLAINT_STATE_RESOLVED,
  CL_COMPLAINT_STATE_CLOSED,
  CL_COMPLAINT_N_STATES
} CLComplaintState;

typedef enum
{
  CL_COMPLAINT_SATISFIED,
  CL_COMPLAINT_BASICALLY_SATISFIED,
  CL_COMPLAINT_UNSATISFIED,
  /* She could not be reached or would not say: closed without an
   * answer, and left out of the satisfaction share. */
  CL_COMPLAINT_NO_ANSWER,
  CL_COMPLAINT_N_SATISFACTIONS
} CLComplaintSatisfaction;

/* "minor", "moderate", "serious" */
const char *cl_complaint_severity_to_string     (CLComplaintSeverity      severity);
gboolean    cl_complaint_severity_from_string   (const char              *text,
                                                 CLComplaintSeverity     *severity);
/* "open", "in_progress", "resolved", "closed" */
const char *cl_complaint_state_to_string        (CLComplaintState         state);
gboolean    cl_complaint_state_from_string      (const char              *text,
                                                 CLComplaintState        *state);
/* "satisfied", "basically_satisfied", "unsatisfied", "no_answer" */
const char *cl_complaint_satisfaction_to_string (CLComplaintSatisfaction  satisfaction);
gboolean    cl_complaint_satisfaction_from_string (const char            *text,
                                                   CLComplaintSatisfaction *satisfaction);

/* What a person reads (translated); the word itself when unknown. */
const char *cl_complaint_severity_label         (const char *severity);
const char *cl_complaint_state_label            (const char *state);
const char *cl_complaint_satisfaction_label     (const char *satisfaction);

/* The desk setting that holds @severity's promised hours
 * ("complaint.hours.serious", …). */
const char *cl_complaint_hours_key              (CLComplaintSeverity severity);

/* A new open complaint, opened at @at by @owner_id. */
CLComplaint *cl_complaint_new                   (gint64      at,
                                                 const char *owner_id);

const char *cl_complaint_get_contact_id         (CLComplaint *self);
void        cl_complaint_set_contact_id         (CLComplaint *self, const char *value);
const char *cl_complaint_get_complainant_name   (CLComplaint *self);
void        cl_complaint_set_complainant_name   (CLComplaint *self, const char *value);
const char *cl_complaint_get_complainant_phone  (CLComplaint *self);
void        cl_complaint_set_complainant_phone  (CLComplaint *self, const char *value);
const char *cl_complaint_get_patient_id         (CLComplaint *self);
void        cl_complaint_set_patient_id         (CLComplaint *self, const char *value);
const char *cl_complaint_get_department_id      (CLComplaint *self);
void        cl_complaint_set_department_id      (CLComplaint *self, const char *value);
const char *cl_complaint_get_description        (CLComplaint *self);
void        cl_complaint_set_description        (CLComplaint *self, const char *value);
const char *cl_complaint_get_severity           (CLComplaint *self);
void        cl_complaint_set_severity           (CLComplaint *self, const char *value);
const char *cl_complaint_get_owner_id           (CLComplaint *self);
void        cl_complaint_set_owner_id           (CLComplaint *self, const char *value);
const char *cl_complaint_get_state              (CLComplaint *self);
void        cl_complaint_set_state              (CLComplaint *self, const char *value);
gint64      cl_complaint_get_opened_at          (CLComplaint *self);
void        cl_complaint_set_opened_at          (CLComplaint *self, gint64 value);
gint64      cl_complaint_get_promised_at        (CLComplaint *self);
void        cl_complaint_set_promised_at        (CLComplaint *self, gint64 value);
gint64      cl_complaint_get_started_at         (CLComplaint *self);
void        cl_complaint_set_started_at         (CLComplaint *self, gint64 value);
gint64      cl_complaint_get_resolved_at        (CLComplaint *self);
void        cl_complaint_set_resolved_at        (CLComplaint *self, gint64 value);
const char *cl_complaint_get_resolved_by        (CLComplaint *self);
void        cl_complaint_set_resolved_by        (CLComplaint *self, const char *value);
const char *cl_complaint_get_resolution         (CLComplaint *self);
void        cl_complaint_set_resolution         (CLComplaint *self, const char *value);
gint64      cl_complaint_get_closed_at          (CLComplaint *self);
void        cl_complaint_set_closed_at          (CLComplaint *self, gint64 value);
const char *cl_complaint_get_closed_by          (CLComplaint *self);
void        cl_complaint_set_closed_by          (CLComplaint *self, const char *value);
const char *cl_complaint_get_satisfaction       (CLComplaint *self);
void        cl_complaint_set_satisfaction       (CLComplaint *self, const char *value);
const char *cl_complaint_get_satisfaction_reason (CLComplaint *self);
void        cl_complaint_set_satisfaction_reason (CLComplaint *self, const char *value);
gboolean    cl_complaint_get_settled_on_spot    (CLComplaint *self);
void        cl_complaint_set_settled_on_spot    (CLComplaint *self, gboolean value);

/* Not yet resolved (open or in progress) and not deleted. */
gboolean    cl_complaint_is_unresolved          (CLComplaint *self);
/* Unresolved and past its promised time at @now: flagged in lists. */
gboolean    cl_complaint_is_overdue             (CLComplaint *self,
                                                 gint64       now);
/* Resolved after its promised time, or unresolved and past it at
 * @now: what a report counts as overdue. */
gboolean    cl_complaint_was_overdue            (CLComplaint *self,
                                                 gint64       now);

/* The record's own rules, column → translated message, for the desk
 * and the server alike; empty when valid. */
GHashTable *cl_complaint_validate               (CLComplaint *self);

/* The rules of a change of @current (NULL: new) into @incoming, made
 * by the staff member @actor_id (NULL if the user has no staff row)
 * with @role, @hours being the promised hours of @incoming's severity
 * (cl_desk_settings_get_int()): the state moves one step forward only
 * (a new ticket is open, or resolved or closed when settled on the
 * spot), a closed one stays as it was; the owner changes only when the
 * owner or an administrator hands it over; the promised time is
 * opened_at + @hours when the ticket is made or its severity changes,
 * and otherwise stays.  Adds column → translated message to
 * @errors. */
void        cl_complaint_check_change           (CLComplaint *incoming,
                                                 CLComplaint *current,
                                                 const char  *actor_id,
                                                 const char  *role,
                                                 gint64       hours,
                                                 GHashTable  *errors);

G_END_DECLS
