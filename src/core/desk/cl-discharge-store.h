#pragma once

#include "cl-discharge-call.h"
#include "cl-discharge.h"
#include "cl-hl7.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Writing the discharged-patient call list, at the desk and on the
 * server, with one set of rules and messages.  Reads are
 * cl-store-discharges.h's; the CSV import is cl-discharge-import.h,
 * the HL7 feed cl-discharge-hl7.h. */

/* The desk setting: days after her discharge her call is due. */
#define CL_DISCHARGE_CALL_DAYS_KEY "discharge.call_days"

/* Fills in what follows from the store when @discharge leaves it
 * unset: the desk's patient with her ID number, and the day her call
 * is due (the discharge date plus CL_DISCHARGE_CALL_DAYS_KEY). */
void     cl_discharge_store_prepare        (CLStore          *store,
                                            CLDischarge      *discharge);

/* @discharge's rules with the store: its own (cl_discharge_validate()),
 * a live department and patient when named, and no other live
 * discharge of the same ID number on the same day.  Adds column →
 * message to @errors. */
void     cl_discharge_store_validate       (CLStore          *store,
                                            CLDischarge      *discharge,
                                            GHashTable       *errors);

/* Every rule, with neither date after today (by cl_schedule_now()),
 * then saves @discharge for @role.  On a refusal
 * CL_STORE_ERROR_INVALID and, if given, @field_errors; nothing is
 * written. */
gboolean cl_discharge_store_save           (CLStore          *store,
                                            CLDischarge      *discharge,
                                            const char       *role,
                                            GHashTable      **field_errors,
                                            GError          **error);

/* The server's hook for the table (cl-tables.c), inside the write
 * transaction of a pushed change: cl_discharge_check_day() with the
 * server's day, as CL_STORE_ERROR_INVALID "column: message". */
gboolean cl_discharge_store_check_change   (CLStore          *store,
                                            CLRecord         *incoming,
                                            CLRecord         *current,
                                            const char       *username,
                                            const char       *role,
                                            CLRecord        **conflict,
                                            GError          **error);

/* @call's rules with the store: its own (cl_discharge_call_validate()),
 * a live discharge, and that discharge's call still open without
 * @call (a call reached, refused or unanswered three times takes no
 * further attempt).  Adds column → message to @errors. */
void     cl_discharge_store_validate_call  (CLStore          *store,
                                            CLDischargeCall  *call,
                                            GHashTable       *errors);

/* Every rule of @call, its time not in the future, then saves it for
 * @role.  On a refusal CL_STORE_ERROR_INVALID and, if given,
 * @field_errors; nothing is written. */
gboolean cl_discharge_store_save_call      (CLStore          *store,
                                            CLDischargeCall  *call,
                                            const char       *role,
                                            GHashTable      **field_errors,
                                            GError          **error);

/* Records an attempt at @discharge's call made at @called_at (UTC
 * seconds) by @caller with @outcome ("reached", "no_answer",
 * "refused") and @note: every rule, the time not in the future.  The
 * saved attempt in @saved (may be NULL).  On a refusal
 * CL_STORE_ERROR_INVALID and, if given, @field_errors; nothing is
 * written. */
gboolean cl_discharge_store_record_call    (CLStore          *store,
                                            CLDischarge      *discharge,
                                            const char       *outcome,
                                            const char       *note,
                                            gint64            called_at,
                                            const char       *caller,
                                            const char       *role,
                                            CLDischargeCall **saved,
                                            GHashTable      **field_errors,
                                            GError          **error);

/* The server's hook for discharge_call: cl_discharge_call_check_now()
 * with the server's clock, and a new attempt's caller the user who
 * pushes it (an administrator may record another's). */
gboolean cl_discharge_store_check_call_change (CLStore       *store,
                                               CLRecord      *incoming,
                                               CLRecord      *current,
                                               const char    *username,
                                               const char    *role,
                                               CLRecord     **conflict,
                                               GError       **error);

/* The discharge an HL7 ADT^A03 @message describes: source "hl7" with
 * its control id, the department found by its name, the phone and ID
 * number as the desk's checks write them, prepared
 * (cl_discharge_store_prepare()) and checked with every rule and the
 * clock.  When this store has it already (the same control id, or the
 * same ID number and discharge date), NULL with its id in @existing_id
 * and no error; when a rule refuses it, NULL with
 * CL_STORE_ERROR_INVALID and the rule's message. */
CLDischarge *cl_discharge_store_from_hl7   (CLStore              *store,
                                            const ClHl7Discharge *message,
                                            char                **existing_id,
                                            GError              **error);

G_END_DECLS
