#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A critical value (危急值) telephoned to the service desk (table
 * critical_value), synced: when it was received, from which service
 * and by whom, the patient and the department responsible for her, the
 * test and its value, and who at the desk took it — never without
 * reading it back to the caller.  Then whom it was reported to (a
 * doctor or a nurse), when, and what they did.  Tuberculosis results
 * from radiology are registered the same way, with kind
 * "tuberculosis", and have their own list.
 *
 * The clock: the minutes from receipt to report.  A report later than
 * the hospital's limit (the desk setting "critical.limit_minutes") is
 * late; a value still unreported past the limit is an alarm on every
 * desk that may report it. */
#define CL_TYPE_CRITICAL_VALUE (cl_critical_value_get_type ())
G_DECLARE_FINAL_TYPE (CLCriticalValue, cl_critical_value, CL, CRITICAL_VALUE, CLRecord)

typedef enum
{
  CL_CRITICAL_SOURCE_LAB,
  CL_CRITICAL_SOURCE_RADIOLOGY,
  CL_CRITICAL_SOURCE_ULTRASOUND,
  CL_CRITICAL_SOURCE_ECG,
  CL_CRITICAL_SOURCE_PATHOLOGY,
  CL_CRITICAL_SOURCE_OTHER,
  CL_CRITICAL_N_SOURCES
} CLCriticalSource;

typedef enum
{
  CL_CRITICAL_KIND_CRITICAL,
  CL_CRITICAL_KIND_TUBERCULOSIS,
  CL_CRITICAL_N_KINDS
} CLCriticalKind;

typedef enum
{
  CL_CRITICAL_ROLE_DOCTOR,
  CL_CRITICAL_ROLE_NURSE,
  CL_CRITICAL_N_ROLES
} CLCriticalRole;

/* Where an entry stands on the clock at a given time. */
typedef enum
{
  CL_CRITICAL_STATE_WAITING,   /* unreported, within the limit */
  CL_CRITICAL_STATE_ALARM,     /* unreported, past the limit */
  CL_CRITICAL_STATE_ON_TIME,   /* reported within the limit */
  CL_CRITICAL_STATE_LATE,      /* reported after the limit */
} CLCriticalState;

/* The limit's setting key (cl-desk-setting.h). */
#define CL_CRITICAL_LIMIT_KEY "critical.limit_minutes"

/* A desk's clock may run a little ahead of the server's: a time this
 * many seconds past the checker's now is not yet "in the future". */
#define CL_CRITICAL_CLOCK_SLACK 120

/* "lab", "radiology", "ultrasound", "ecg", "pathology", "other" */
const char *cl_critical_source_to_string   (CLCriticalSource source);
gboolean    cl_critical_source_from_string (const char *text, CLCriticalSource *source);
/* "critical", "tuberculosis" */
const char *cl_critical_kind_to_string     (CLCriticalKind kind);
gboolean    cl_critical_kind_from_string   (const char *text, CLCriticalKind *kind);
/* "doctor", "nurse" */
const char *cl_critical_role_to_string     (CLCriticalRole role);
gboolean    cl_critical_role_from_string   (const char *text, CLCriticalRole *role);

/* What a person reads (translated); the word itself when unknown. */
const char *cl_critical_source_label       (const char *source);
const char *cl_critical_kind_label         (const char *kind);
const char *cl_critical_role_label         (const char *role);

/* A new entry of @kind received at @at, taken by @taken_by, not yet
 * read back nor reported. */
CLCriticalValue *cl_critical_value_new      (CLCriticalKind kind,
                                             gint64         at,
                                             const char    *taken_by);

gint64      cl_critical_value_get_received_at    (CLCriticalValue *self);
void        cl_critical_value_set_received_at    (CLCriticalValue *self, gint64 value);
const char *cl_critical_value_get_source         (CLCriticalValue *self);
void        cl_critical_value_set_source         (CLCriticalValue *self, const char *value);
/* The person of the reporting service who telephoned, and their phone. */
const char *cl_critical_value_get_caller_name    (CLCriticalValue *self);
void        cl_critical_value_set_caller_name    (CLCriticalValue *self, const char *value);
const char *cl_critical_value_get_caller_phone   (CLCriticalValue *self);
void        cl_critical_value_set_caller_phone   (CLCriticalValue *self, const char *value);
const char *cl_critical_value_get_patient_id     (CLCriticalValue *self);
void        cl_critical_value_set_patient_id     (CLCriticalValue *self, const char *value);
/* The ordering, responsible department (table department). */
const char *cl_critical_value_get_department_id  (CLCriticalValue *self);
void        cl_critical_value_set_department_id  (CLCriticalValue *self, const char *value);
const char *cl_critical_value_get_test_name      (CLCriticalValue *self);
void        cl_critical_value_set_test_name      (CLCriticalValue *self, const char *value);
const char *cl_critical_value_get_result         (CLCriticalValue *self);
void        cl_critical_value_set_result         (CLCriticalValue *self, const char *value);
const char *cl_critical_value_get_unit           (CLCriticalValue *self);
void        cl_critical_value_set_unit           (CLCriticalValue *self, const char *value);
const char *cl_critical_value_get_kind           (CLCriticalValue *self);
void        cl_critical_value_set_kind           (CLCriticalValue *self, const char *value);
/* The staff id of whoever took the call. */
const char *cl_critical_value_get_taken_by       (CLCriticalValue *self);
void        cl_critical_value_set_taken_by       (CLCriticalValue *self, const char *value);
gboolean    cl_critical_value_get_read_back      (CLCriticalValue *self);
void        cl_critical_value_set_read_back      (CLCriticalValue *self, gboolean value);
/* Reported: to whom (a name), as what ("doctor", "nurse"), when (UTC
 * seconds; 0 while unreported), what they did, and who at the desk
 * recorded it (a staff id). */
const char *cl_critical_value_get_reported_to    (CLCriticalValue *self);
void        cl_critical_value_set_reported_to    (CLCriticalValue *self, const char *value);
const char *cl_critical_value_get_reported_role  (CLCriticalValue *self);
void        cl_critical_value_set_reported_role  (CLCriticalValue *self, const char *value);
gint64      cl_critical_value_get_reported_at    (CLCriticalValue *self);
void        cl_critical_value_set_reported_at    (CLCriticalValue *self, gint64 value);
const char *cl_critical_value_get_action         (CLCriticalValue *self);
void        cl_critical_value_set_action         (CLCriticalValue *self, const char *value);
const char *cl_critical_value_get_reported_by    (CLCriticalValue *self);
void        cl_critical_value_set_reported_by    (CLCriticalValue *self, const char *value);

gboolean        cl_critical_value_is_reported    (CLCriticalValue *self);

/* Whole minutes on the clock: from receipt to report, or, while
 * unreported, to @now; never below 0. */
gint64          cl_critical_value_minutes        (CLCriticalValue *self,
                                                  gint64           now);

/* Where it stands at @now with a limit of @limit_minutes: reported
 * within the limit (at most @limit_minutes after receipt) is on time,
 * later is late; unreported for more than @limit_minutes is an
 * alarm. */
CLCriticalState cl_critical_value_state          (CLCriticalValue *self,
                                                  gint64           now,
                                                  gint64           limit_minutes);

/* The record's own rules, column → translated message, for the desk
 * and the server alike; empty when valid. */
GHashTable *cl_critical_value_validate     (CLCriticalValue *self);

/* The rules against the clock and the stored version @current (NULL:
 * new), at @now: neither receipt nor report lies in the future; a
 * report once recorded stays (an administrator alone may correct it).
 * Adds column → translated message to @errors. */
void        cl_critical_value_check_change (CLCriticalValue *incoming,
                                            CLCriticalValue *current,
                                            gint64           now,
                                            const char      *role,
                                            GHashTable      *errors);

/* A time of day typed at the desk ("09:05", "905") as the latest such
 * instant not after @now (give or take CL_CRITICAL_CLOCK_SLACK): today's,
 * or yesterday's for a call taken before midnight.  FALSE for anything
 * else. */
gboolean    cl_critical_time_parse         (const char      *text,
                                            gint64           now,
                                            gint64          *out);

G_END_DECLS
