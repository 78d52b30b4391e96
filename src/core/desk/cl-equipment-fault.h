#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A fault of a self-service kiosk or other equipment the desk looks
 * after (table equipment_fault), synced: the machine and where it
 * stands (free text, "门诊大厅自助机 3号"), the fault, when and to whom
 * it was reported (the IT room, the kiosk vendor or someone else, by
 * name), when it was fixed (UTC seconds, 0 while open) and a note.
 * The service desk and an administrator write it. */
#define CL_TYPE_EQUIPMENT_FAULT (cl_equipment_fault_get_type ())
G_DECLARE_FINAL_TYPE (CLEquipmentFault, cl_equipment_fault, CL, EQUIPMENT_FAULT, CLRecord)

CLEquipmentFault *cl_equipment_fault_new (void);

const char *cl_equipment_fault_get_machine          (CLEquipmentFault *self);
void        cl_equipment_fault_set_machine          (CLEquipmentFault *self, const char *value);
const char *cl_equipment_fault_get_location         (CLEquipmentFault *self);
void        cl_equipment_fault_set_location         (CLEquipmentFault *self, const char *value);
const char *cl_equipment_fault_get_fault            (CLEquipmentFault *self);
void        cl_equipment_fault_set_fault            (CLEquipmentFault *self, const char *value);
gint64      cl_equipment_fault_get_reported_at      (CLEquipmentFault *self);
void        cl_equipment_fault_set_reported_at      (CLEquipmentFault *self, gint64 value);
const char *cl_equipment_fault_get_reported_to      (CLEquipmentFault *self);
void        cl_equipment_fault_set_reported_to      (CLEquipmentFault *self, const char *value);
const char *cl_equipment_fault_get_reported_to_name (CLEquipmentFault *self);
void        cl_equipment_fault_set_reported_to_name (CLEquipmentFault *self, const char *value);
gint64      cl_equipment_fault_get_fixed_at         (CLEquipmentFault *self);
void        cl_equipment_fault_set_fixed_at         (CLEquipmentFault *self, gint64 value);
const char *cl_equipment_fault_get_note             (CLEquipmentFault *self);
void        cl_equipment_fault_set_note             (CLEquipmentFault *self, const char *value);

/* Whom a fault is reported to, as stored: "it", "vendor", "other";
 * NULL-terminated. */
const char * const *cl_equipment_fault_reported_tos     (void);
/* What a person reads for one of them (translated). */
const char         *cl_equipment_fault_reported_to_label (const char *reported_to);

/* How long a fault may stay open before it is flagged, in seconds. */
#define CL_EQUIPMENT_FAULT_OVERDUE_SECONDS (24 * 3600)

/* TRUE when @self is still open at @now (UTC seconds) more than a day
 * after it was reported. */
gboolean    cl_equipment_fault_is_overdue (CLEquipmentFault *self,
                                           gint64            now);

/* The fault's own rules, column → translated message, for the desk's
 * dialog and the server's check of a pushed change: the machine and
 * the fault said, whom it was reported to (a name for "other"), fixed
 * not before it was reported.  Empty when valid. */
GHashTable *cl_equipment_fault_validate  (CLEquipmentFault *self);

/* The rules against the clock: neither the report nor the fix lies
 * after @now.  Adds column → message to @errors. */
void        cl_equipment_fault_check_now (CLEquipmentFault *self,
                                          gint64            now,
                                          GHashTable       *errors);

/* A time typed at the desk: "HH:MM" (the latest such instant not
 * after @now, as cl_critical_time_parse()) or "YYYY-MM-DD HH:MM",
 * local.  FALSE for anything else. */
gboolean    cl_equipment_fault_time_parse (const char *text,
                                           gint64      now,
                                           gint64     *out);

G_END_DECLS
