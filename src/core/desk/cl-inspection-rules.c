#define G_LOG_DOMAIN "cl-inspection-rules"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-contract-store.h"
#include "cl-contract.h"
#include "cl-date.h"
#include "cl-desk-setting.h"
#include "cl-enrolment-store.h"
#include "cl-inspection-rules.h"
#include "cl-store-inspections.h"
#include "cl-util.h"

char *
cl_inspection_rules_deduction_id (const char *inspection_id,
                                  const char *cause)
{
  g_autofree char *key = g_strconcat ("deduction:", cause ? cause : "", ":", inspection_id ? inspection_id : "",
                                      NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  /* The layout of a UUID, version 8 (custom), variant 10. */
  return g_strdup_printf ("%.8s-%.4s-8%.3s-a%.3s-%.12s", hash, hash + 8, hash + 12, hash + 15, hash + 18);
}

void
cl_inspection_rules_amounts (CLStore *store,
                             gint64  *cooperation_fen,
                             gint64  *overdue_fen)
{
  g_return_if_fail (CL_IS_STORE (store));

  if (cooperation_fen)
    *cooperation_fen = (gint64) cl_desk_settings_get_int (store, CL_INSPECTION_COOPERATION_KEY) * 100;
  if (overdue_fen)
    *overdue_fen = (gint64) cl_desk_settings_get_int (store, CL_INSPECTION_OVERDUE_KEY) * 100;
}

static CLDeduction *
make (CLInspection *inspection,
      const char   *cause,
      const char   *date,
      gint64        amount_fen,
      const char   *reason)
{
  g_autofree char *id = cl_inspection_rules_deduction_id (cl_record_get_id (CL_RECORD (inspection)), cause);
  g_autofree char *reference = NULL;
  CLDeduction *deduction = g_object_new (CL_TYPE_DEDUCTION, "id", id, NULL);

  /* TRANSLATORS: a deduction's reference on the settlement statement: the inspection's date and post, "Inspection 2026-11-23 · 门诊服务中心" */
  reference = g_strdup_printf (_("Inspection %s · %s"), cl_inspection_get_date (inspection),
                               cl_inspection_get_post (inspection));
  /* The guide desk's contract is the one inspected, so its fee is the
   * one reduced. */
  cl_deduction_set_contract_id (deduction, CL_CONTRACT_GUIDE_DESK_ID);
  cl_deduction_set_date (deduction, date);
  cl_deduction_set_amount_fen (deduction, amount_fen);
  cl_deduction_set_reason (deduction, reason);
  cl_deduction_set_reference (deduction, reference);
  cl_deduction_set_inspection_id (deduction, cl_record_get_id (CL_RECORD (inspection)));
  return deduction;
}

GPtrArray *
cl_inspection_rules_wanted (CLInspection    *inspection,
                            CLRectification *rectification,
                            const GDate     *today,
                            gint64           cooperation_fen,
                            gint64           overdue_fen)
{
  GPtrArray *wanted = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CL_IS_INSPECTION (inspection), wanted);
  g_return_val_if_fail (today != NULL, wanted);

  if (cl_record_get_deleted (CL_RECORD (inspection)) || !cl_inspection_is_failed (inspection))
    return wanted;
  if (cl_inspection_get_poor_cooperation (inspection) && cooperation_fen > 0)
    g_ptr_array_add (wanted, make (inspection, "cooperation", cl_inspection_get_date (inspection), cooperation_fen,
                                   _("Inspection failed through poor cooperation")));
  if (rectification && !cl_record_get_deleted (CL_RECORD (rectification)) &&
      cl_rectification_is_overdue (rectification, today) && overdue_fen > 0)
    {
      /* TRANSLATORS: a deduction's reason; %s is the task that was not done */
      g_autofree char *reason = g_strdup_printf (_("Rectification not done by its deadline: %s"),
                                                 cl_rectification_get_task (rectification));

      g_ptr_array_add (wanted, make (inspection, "overdue", cl_rectification_get_deadline (rectification),
                                     overdue_fen, reason));
    }
  return wanted;
}

static gboolean
month_closed (CLStore    *store,
              const char *date)
{
  char month[8];

  if (date == NULL || strlen (date) < 7)
    return FALSE;
  g_strlcpy (month, date, sizeof month);
  return cl_contract_store_month_is_closed (store, CL_CONTRACT_GUIDE_DESK_ID, month);
}

gboolean
cl_inspection_rules_apply (CLStore      *store,
                           const char   *role,
                           const GDate  *today,
                           guint        *made,
                           guint        *undone,
                           GError      **error)
{
  g_autoptr(GPtrArray) inspections = NULL;
  g_autoptr(GPtrArray) rectifications = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GHashTable) by_inspection = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) stored = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) wanted_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *today_iso = NULL;
  gint64 cooperation_fen, overdue_fen;
  guint n_made = 0, n_undone = 0;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (made)
    *made = 0;
  if (undone)
    *undone = 0;
  today_iso = cl_date_to_iso (today);
  cl_inspection_rules_amounts (store, &cooperation_fen, &overdue_fen);
  inspections = cl_store_inspections_all (store);
  rectifications = cl_store_rectifications_live (store);
  existing = cl_store_inspection_deductions (store);
  for (guint i = 0; i < rectifications->len; i++)
    {
      CLRectification *r = g_ptr_array_index (rectifications, i);

      g_hash_table_insert (by_inspection, (gpointer) cl_rectification_get_inspection_id (r), r);
    }
  for (guint i = 0; i < existing->len; i++)
    {
      CLDeduction *d = g_ptr_array_index (existing, i);

      g_hash_table_insert (stored, (gpointer) cl_record_get_id (CL_RECORD (d)), d);
    }

  for (guint i = 0; i < inspections->len; i++)
    {
      CLInspection *inspection = g_ptr_array_index (inspections, i);
      CLRectification *rectification = g_hash_table_lookup (by_inspection,
                                                            cl_record_get_id (CL_RECORD (inspection)));
      g_autoptr(GPtrArray) wanted = cl_inspection_rules_wanted (inspection, rectification, today,
                                                                cooperation_fen, overdue_fen);

      for (guint j = 0; j < wanted->len; j++)
        {
          CLDeduction *want = g_ptr_array_index (wanted, j);
          const char *id = cl_record_get_id (CL_RECORD (want));
          CLDeduction *have = g_hash_table_lookup (stored, id);

          g_hash_table_add (wanted_ids, g_strdup (id));
          /* Made once: a live one stays as it was made. */
          if (have && !cl_record_get_deleted (CL_RECORD (have)))
            continue;
          if (month_closed (store, cl_deduction_get_date (want)))
            {
              if (month_closed (store, today_iso))
                continue;
              cl_deduction_set_date (want, today_iso);
            }
          /* One undone before comes back as the same record, unless
           * its tombstone stands in a closed month, which keeps it. */
          if (have)
            {
              if (month_closed (store, cl_deduction_get_date (have)))
                continue;
              cl_record_set_rev (CL_RECORD (want), cl_record_get_rev (CL_RECORD (have)));
            }
          if (!cl_enrolment_store_save_deduction (store, want, role, error))
            return FALSE;
          n_made++;
        }
    }

  for (guint i = 0; i < existing->len; i++)
    {
      CLDeduction *have = g_ptr_array_index (existing, i);
      g_autoptr(CLDeduction) gone = NULL;

      if (cl_record_get_deleted (CL_RECORD (have)) ||
          g_hash_table_contains (wanted_ids, cl_record_get_id (CL_RECORD (have))) ||
          month_closed (store, cl_deduction_get_date (have)))
        continue;
      gone = CL_DEDUCTION (cl_record_dup (CL_RECORD (have)));
      cl_record_set_deleted (CL_RECORD (gone), TRUE);
      if (!cl_enrolment_store_save_deduction (store, gone, role, error))
        return FALSE;
      n_undone++;
    }
  if (made)
    *made = n_made;
  if (undone)
    *undone = n_undone;
  return TRUE;
}

void
cl_inspection_rules_validate_deduction (CLStore     *store,
                                        CLDeduction *deduction,
                                        GHashTable  *errors)
{
  g_autoptr(CLRecord) inspection = NULL;
  const char *inspection_id;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_DEDUCTION (deduction));

  inspection_id = cl_deduction_get_inspection_id (deduction);
  if (cl_str_empty (inspection_id))
    return;
  /* A removed inspection still names its deduction: it may stand in a
   * closed month. */
  inspection = cl_store_load_record (store, CL_TYPE_INSPECTION, inspection_id, NULL);
  if (inspection == NULL && !g_hash_table_contains (errors, "inspection_id"))
    g_hash_table_insert (errors, g_strdup ("inspection_id"), g_strdup (_("There is no such inspection")));
}
