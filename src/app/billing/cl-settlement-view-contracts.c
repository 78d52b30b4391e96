/* cl-settlement-view-contracts.c
 *
 * The Settlement view's contracts: the dropdown that chooses whose
 * statement is shown (remembered in the settings), and the
 * administrator's contract dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-settlement-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-contract-dialog.h"
#include "cl-contract-store.h"
#include "cl-settlement-view-private.h"

#define SETTINGS_KEY "settlement-contract"

static GSettings *
settings_of (CLSettlementView *self)
{
  return self->context ? cl_context_get_settings (self->context) : NULL;
}

static gboolean
contract_is_fixed (CLSettlementView *self)
{
  for (guint i = 0; self->contracts && i < self->contracts->len; i++)
    {
      CLContract *c = g_ptr_array_index (self->contracts, i);

      if (g_strcmp0 (cl_record_get_id (CL_RECORD (c)), self->contract_id) == 0)
        return cl_contract_is_fixed_fee (c);
    }
  return FALSE;
}

static void
update_rate_button (CLSettlementView *self)
{
  gtk_button_set_label (self->rate_button, contract_is_fixed (self) ? _("Monthly _Fee…") : _("Share _Rate…"));
}

void
cl_settlement_view_load_contracts (CLSettlementView *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autofree char *remembered = NULL;
  GSettings *settings = settings_of (self);
  guint selected = 0;

  g_clear_pointer (&self->contracts, g_ptr_array_unref);
  if (self->store)
    self->contracts = cl_contract_store_list (self->store, FALSE);
  else
    self->contracts = g_ptr_array_new_with_free_func (g_object_unref);

  remembered = settings ? g_settings_get_string (settings, SETTINGS_KEY) : g_strdup (self->contract_id);
  for (guint i = 0; i < self->contracts->len; i++)
    {
      CLContract *c = g_ptr_array_index (self->contracts, i);

      gtk_string_list_append (titles, cl_contract_get_display_title (c));
      if (g_strcmp0 (cl_record_get_id (CL_RECORD (c)), remembered) == 0)
        selected = i;
    }

  g_signal_handlers_block_by_func (self->contract_dropdown, cl_settlement_view_contract_chosen_cb, self);
  gtk_drop_down_set_model (self->contract_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->contract_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->contract_dropdown, cl_settlement_view_contract_chosen_cb, self);

  g_free (self->contract_id);
  self->contract_id = g_strdup (self->contracts->len
                                ? cl_record_get_id (g_ptr_array_index (self->contracts, selected))
                                : CL_CONTRACT_OBSTETRIC_ID);
  gtk_widget_set_visible (GTK_WIDGET (self->contract_dropdown), self->contracts->len > 1);
  update_rate_button (self);
}

void
cl_settlement_view_contract_chosen_cb (CLSettlementView *self)
{
  guint selected = gtk_drop_down_get_selected (self->contract_dropdown);
  GSettings *settings = settings_of (self);
  const char *id;

  if (self->contracts == NULL || selected >= self->contracts->len)
    return;
  id = cl_record_get_id (g_ptr_array_index (self->contracts, selected));
  if (g_strcmp0 (id, self->contract_id) == 0)
    return;
  g_free (self->contract_id);
  self->contract_id = g_strdup (id);
  if (settings)
    g_settings_set_string (settings, SETTINGS_KEY, id);
  update_rate_button (self);
  cl_settlement_view_reload (self);
}

static void
contract_saved_cb (CLSettlementView *self,
                   const char       *id)
{
  GSettings *settings = settings_of (self);

  /* A new contract is shown at once. */
  if (settings)
    g_settings_set_string (settings, SETTINGS_KEY, id);
  else
    {
      g_free (self->contract_id);
      self->contract_id = g_strdup (id);
    }
  cl_settlement_view_load_contracts (self);
  cl_settlement_view_reload (self);
}

void
cl_settlement_view_contract_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  CLSettlementView *self = CL_SETTLEMENT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean editing = g_str_equal (action_name, "settlement.edit-contract");
  CLContractDialog *dialog;

  dialog = cl_contract_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                                   editing ? self->contract_id : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (contract_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

const char *
cl_settlement_view_get_contract_id (CLSettlementView *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_VIEW (self), NULL);
  return self->contract_id;
}

void
cl_settlement_view_set_contract (CLSettlementView *self,
                                 const char       *contract_id)
{
  g_return_if_fail (CL_IS_SETTLEMENT_VIEW (self));

  for (guint i = 0; self->contracts && i < self->contracts->len; i++)
    if (g_strcmp0 (cl_record_get_id (g_ptr_array_index (self->contracts, i)), contract_id) == 0)
      gtk_drop_down_set_selected (self->contract_dropdown, i);
}
