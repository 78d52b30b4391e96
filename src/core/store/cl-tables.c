#define G_LOG_DOMAIN "cl-tables"

#include "config.h"

#include "cl-deduction.h"
#include "cl-doctor-order.h"
#include "cl-document-access.h"
#include "cl-document.h"
#include "cl-enrolment-store.h"
#include "cl-enrolment.h"
#include "cl-escort-task.h"
#include "cl-package.h"
#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-risk-event.h"
#include "cl-schedule.h"
#include "cl-settlement-month.h"
#include "cl-share-rate.h"
#include "cl-staff-store.h"
#include "cl-staff.h"
#include "cl-tables.h"
#include "cl-vip-booking.h"
#include "cl-vip-room.h"
#include "cl-visit-mark.h"

typedef struct
{
  const char *table;
  GType     (*get_type) (void);
  /* Roles, space separated; admin may always read and write. */
  const char *readers;
  const char *writers;
  /* Invariants across records, checked by the server inside the write
   * transaction of a pushed change (cl_tables_check_change()); NULL
   * for none. */
  ClTablesCheckFunc check;
} TableInfo;

/* The permission table (README, "Roles"): the escort, the VIP steward
 * and finance see patients to serve them but do not edit their
 * records; only an administrator manages staff, and the staff rules
 * (a user name once, the last administrator stays) hold on the server
 * too, where a change of roles is audited (cl-staff-store.c). */
static const TableInfo tables[] = {
  { "staff", cl_staff_get_type,
    "case_manager escort vip_steward service_desk finance",
    "",
    cl_staff_store_check_change },
  { "patient", cl_patient_get_type,
    "case_manager escort vip_steward service_desk finance",
    "case_manager service_desk" },
  { "pregnancy", cl_pregnancy_get_type,
    "case_manager escort vip_steward service_desk",
    "case_manager" },
  { "risk_event", cl_risk_event_get_type,
    "case_manager service_desk",
    "case_manager" },
  /* The pregnancy archive: the service desk reads a patient's orders
   * and visit plan to answer her calls; only her case manager writes
   * them. */
  { "visit_mark", cl_visit_mark_get_type,
    "case_manager service_desk",
    "case_manager" },
  { "doctor_order", cl_doctor_order_get_type,
    "case_manager service_desk",
    "case_manager" },
  /* Packages are the hospital's price list: everyone sees it, only an
   * administrator changes it.  Money tables are finance's; a closed
   * settlement month, and every amount it settled, never changes
   * again, whichever desk asks and whatever it knew when it made the
   * change (cl_enrolment_store_check_change()). */
  { "package", cl_package_get_type,
    "case_manager escort vip_steward service_desk finance",
    "" },
  { "enrolment", cl_enrolment_get_type,
    "case_manager service_desk finance",
    "case_manager",
    cl_enrolment_store_check_change },
  { "share_rate", cl_share_rate_get_type,
    "finance",
    "finance",
    cl_enrolment_store_check_change },
  { "deduction", cl_deduction_get_type,
    "finance",
    "finance",
    cl_enrolment_store_check_change },
  { "settlement_month", cl_settlement_month_get_type,
    "finance",
    "finance",
    cl_enrolment_store_check_change },
  /* Escort tasks are booked by case managers and the service desk; an
   * escort updates the status and hand-over of their own tasks (the
   * finer rule is cl_schedule_check_escort_edit()).  No escort gets two
   * overlapping tasks, no room two overlapping bookings: checked by the
   * server in the write transaction. */
  { "escort_task", cl_escort_task_get_type,
    "case_manager escort vip_steward service_desk",
    "case_manager escort service_desk",
    cl_schedule_check_change },
  /* Rooms are configured by an administrator; VIP stewards and case
   * managers book them. */
  { "vip_room", cl_vip_room_get_type,
    "case_manager escort vip_steward service_desk",
    "" },
  { "vip_booking", cl_vip_booking_get_type,
    "case_manager vip_steward service_desk",
    "case_manager vip_steward",
    cl_schedule_check_change },
  /* The archive's check reports: the same roles as the server's
   * GET/PUT /documents, so whoever sees a record can open its file and
   * whoever files one can upload it.  Access records only go up: the
   * server audits each, nobody but an administrator reads them back. */
  { "document", cl_document_get_type,
    "case_manager service_desk",
    "case_manager" },
  { "document_access", cl_document_access_get_type,
    "",
    "case_manager service_desk" },
};

static const TableInfo *
find (const char *table)
{
  for (guint i = 0; table && i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].table, table))
      return &tables[i];
  return NULL;
}

GType
cl_tables_lookup (const char *table)
{
  const TableInfo *info = find (table);

  return info ? info->get_type () : G_TYPE_INVALID;
}

const char * const *
cl_tables_list (void)
{
  static const char *names[G_N_ELEMENTS (tables) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      names[i] = tables[i].table;
  return names;
}

static gboolean
role_in (const char *role,
         const char *roles)
{
  g_auto(GStrv) list = g_strsplit (roles, " ", -1);

  return g_strv_contains ((const char * const *) list, role);
}

gboolean
cl_tables_role_may (const char *role,
                    ClAccess    access,
                    const char *table)
{
  const TableInfo *info = find (table);

  g_return_val_if_fail (access == CL_READ || access == CL_WRITE, FALSE);

  if (info == NULL || role == NULL)
    return FALSE;
  if (g_str_equal (role, CL_ROLE_ADMIN))
    return TRUE;
  return role_in (role, access == CL_READ ? info->readers : info->writers);
}

gboolean
cl_tables_can_read (const char *role,
                    const char *table)
{
  return cl_tables_role_may (role, CL_READ, table);
}

gboolean
cl_tables_can_write (const char *role,
                     const char *table)
{
  return cl_tables_role_may (role, CL_WRITE, table);
}

gboolean
cl_tables_check_change (CLStore     *store,
                        CLRecord    *incoming,
                        CLRecord    *current,
                        const char  *username,
                        const char  *role,
                        CLRecord   **conflict,
                        GError     **error)
{
  const TableInfo *info;

  g_return_val_if_fail (CL_IS_RECORD (incoming), FALSE);

  info = find (cl_record_get_table_name (incoming));
  if (info == NULL || info->check == NULL)
    return TRUE;
  return info->check (store, incoming, current, username, role, conflict, error);
}
