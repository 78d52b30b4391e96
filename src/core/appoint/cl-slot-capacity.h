#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* How many appointments a department takes in a slot (table
 * slot_capacity), synced, kept by an administrator: on every day
 * (weekday 0) or on one weekday (1 Monday … 7 Sunday), which then
 * overrides the every-day number.  No row for a department's slot means
 * no limit. */
#define CL_TYPE_SLOT_CAPACITY (cl_slot_capacity_get_type ())
G_DECLARE_FINAL_TYPE (CLSlotCapacity, cl_slot_capacity, CL, SLOT_CAPACITY, CLRecord)

#define CL_SLOT_CAPACITY_MAX 999

CLSlotCapacity *cl_slot_capacity_new (void);

const char *cl_slot_capacity_get_department_id (CLSlotCapacity *self);
void        cl_slot_capacity_set_department_id (CLSlotCapacity *self, const char *value);
const char *cl_slot_capacity_get_slot          (CLSlotCapacity *self);
void        cl_slot_capacity_set_slot          (CLSlotCapacity *self, const char *value);
/* 0: every day; 1–7: Monday–Sunday (GDateWeekday). */
gint        cl_slot_capacity_get_weekday       (CLSlotCapacity *self);
void        cl_slot_capacity_set_weekday       (CLSlotCapacity *self, gint value);
gint        cl_slot_capacity_get_places        (CLSlotCapacity *self);
void        cl_slot_capacity_set_places        (CLSlotCapacity *self, gint value);

/* "Every day", "Monday"… */
const char *cl_slot_capacity_weekday_label     (gint weekday);

/* Own rules, column → translated message; empty when valid. */
GHashTable *cl_slot_capacity_validate          (CLSlotCapacity *self);

G_END_DECLS
