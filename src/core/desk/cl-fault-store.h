#pragma once

#include "cl-equipment-fault.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Writing the equipment fault log, at the desk and on the server, with
 * one set of rules and messages.  Reads are cl-store-faults.h's. */

/* Every rule (cl_equipment_fault_validate() and, against the clock
 * cl_schedule_now(), cl_equipment_fault_check_now()), then saves
 * @fault for @role.  On a refusal CL_STORE_ERROR_INVALID and, if given,
 * @field_errors (column → message); nothing is written. */
gboolean cl_fault_store_save         (CLStore           *store,
                                      CLEquipmentFault  *fault,
                                      const char        *role,
                                      GHashTable       **field_errors,
                                      GError           **error);

/* Records that @fault was fixed at @at, with @note when not empty:
 * cl_fault_store_save()'s rules.  On a refusal @fault is left as it
 * was. */
gboolean cl_fault_store_mark_fixed   (CLStore           *store,
                                      CLEquipmentFault  *fault,
                                      gint64             at,
                                      const char        *note,
                                      const char        *role,
                                      GHashTable       **field_errors,
                                      GError           **error);

/* The server's hook for the table (cl-tables.c), inside the write
 * transaction of a pushed change: cl_equipment_fault_check_now() with
 * the server's clock, as CL_STORE_ERROR_INVALID "column: message". */
gboolean cl_fault_store_check_change (CLStore           *store,
                                      CLRecord          *incoming,
                                      CLRecord          *current,
                                      const char        *username,
                                      const char        *role,
                                      CLRecord         **conflict,
                                      GError           **error);

G_END_DECLS
