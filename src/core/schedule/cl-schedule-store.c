/* cl-schedule-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-schedule-private.h"
#include "cl-tables.h"
#include "cl-util.h"

/* What cl-escort-store.c and cl-vip-store.c share (cl-schedule-private.h). */

gboolean
cl_schedule_save_record (CLStore          *store,
                         CLRecord         *record,
                         CLRecord         *edited,
                         const char       *role,
                         ClScheduleCheck   check,
                         GError          **error)
{
  g_autoptr(CLRecord) copy = NULL;
  g_autoptr(CLRecord) stored = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_RECORD (record), FALSE);

  if (!cl_tables_can_write (role, cl_record_get_table_name (record)))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN,
                           _("Your role may not change this"));
      return FALSE;
    }

  copy = cl_record_dup (edited ? edited : record);
  if (!cl_store_begin (store, error))
    return FALSE;

  stored = cl_store_load_record (store, G_OBJECT_TYPE (record), cl_record_get_id (record), &local_error);
  if (stored == NULL && !g_error_matches (local_error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND))
    goto failed;
  g_clear_error (&local_error);

  /* A view's copy may carry the rev its own change had before the
   * server acknowledged it; the write must be based on the stored one
   * when it is the same version. */
  if (stored)
    cl_store_adopt_acknowledged_rev (store, copy);

  if (!check (store, copy, stored, role, &local_error) ||
      !cl_store_write_record (store, copy, CL_WRITE_DEFAULT, &local_error))
    goto failed;
  if (!cl_store_commit (store, error))
    return FALSE;

  cl_record_assign (record, copy);
  return TRUE;

failed:
  cl_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
