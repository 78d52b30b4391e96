#define G_LOG_DOMAIN "cl-settlement-line-item"

#include "config.h"

#include <gio/gio.h>

#include "cl-settlement-line-item.h"

struct _CLSettlementLineItem
{
  GObject       parent_instance;

  CLSettlement *settlement;  /* owned */
  guint         index;
};

G_DEFINE_FINAL_TYPE (CLSettlementLineItem, cl_settlement_line_item, G_TYPE_OBJECT)

static void
cl_settlement_line_item_finalize (GObject *object)
{
  CLSettlementLineItem *self = CL_SETTLEMENT_LINE_ITEM (object);

  g_clear_object (&self->settlement);
  G_OBJECT_CLASS (cl_settlement_line_item_parent_class)->finalize (object);
}

static void
cl_settlement_line_item_class_init (CLSettlementLineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_settlement_line_item_finalize;
}

static void
cl_settlement_line_item_init (CLSettlementLineItem *self)
{
}

CLSettlementLineItem *
cl_settlement_line_item_new (CLSettlement *settlement,
                             guint         index)
{
  CLSettlementLineItem *self;

  g_return_val_if_fail (CL_IS_SETTLEMENT (settlement), NULL);

  self = g_object_new (CL_TYPE_SETTLEMENT_LINE_ITEM, NULL);
  self->settlement = g_object_ref (settlement);
  self->index = index;
  return self;
}

const CLSettlementLine *
cl_settlement_line_item_get_line (CLSettlementLineItem *self)
{
  const CLSettlementLine *lines;
  guint n_lines;

  g_return_val_if_fail (CL_IS_SETTLEMENT_LINE_ITEM (self), NULL);

  lines = cl_settlement_get_lines (self->settlement, &n_lines);
  g_return_val_if_fail (self->index < n_lines, NULL);
  return &lines[self->index];
}

GListModel *
cl_settlement_line_item_list_new (CLSettlement *settlement)
{
  GListStore *store = g_list_store_new (CL_TYPE_SETTLEMENT_LINE_ITEM);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_lines = 0;

  g_return_val_if_fail (CL_IS_SETTLEMENT (settlement), NULL);

  cl_settlement_get_lines (settlement, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    g_ptr_array_add (items, cl_settlement_line_item_new (settlement, i));
  /* One splice: one items-changed for the whole statement. */
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}
