/* cl-contract.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-contract"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-contract.h"
#include "cl-util.h"

struct _CLContract
{
  CLRecord parent_instance;

  char     *vendor;
  char     *kind;
  char     *title;
  gboolean  active;
};

G_DEFINE_FINAL_TYPE (CLContract, cl_contract, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_VENDOR,
  PROP_KIND,
  PROP_TITLE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_contract_class_init (CLContractClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_VENDOR] = { "vendor", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLContract, vendor) },
    [PROP_KIND]   = { "kind", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLContract, kind) },
    [PROP_TITLE]  = { "title", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLContract, title) },
    [PROP_ACTIVE] = { "active", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLContract, active) },
  };

  CL_RECORD_CLASS (klass)->table_name = "contract";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_contract_init (CLContract *self)
{
}

CLContract *
cl_contract_new (void)
{
  CLContract *self = CL_CONTRACT (cl_record_new (CL_TYPE_CONTRACT));

  self->active = TRUE;
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_contract_get_##field (CLContract *self) \
  { \
    g_return_val_if_fail (CL_IS_CONTRACT (self), NULL); \
    return self->field; \
  } \
  void \
  cl_contract_set_##field (CLContract *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_CONTRACT (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (vendor, PROP_VENDOR)
TEXT_ACCESSORS (kind, PROP_KIND)
TEXT_ACCESSORS (title, PROP_TITLE)

gboolean
cl_contract_get_active (CLContract *self)
{
  g_return_val_if_fail (CL_IS_CONTRACT (self), FALSE);
  return self->active;
}

void
cl_contract_set_active (CLContract *self,
                        gboolean    value)
{
  g_return_if_fail (CL_IS_CONTRACT (self));
  cl_record_set_int_column (self, properties[PROP_ACTIVE], value);
}

gboolean
cl_contract_is_fixed_fee (CLContract *self)
{
  g_return_val_if_fail (CL_IS_CONTRACT (self), FALSE);
  return g_strcmp0 (self->kind, CL_CONTRACT_FIXED_MONTHLY_FEE) == 0;
}

static const char * const kinds[] = { CL_CONTRACT_SHARE_OF_FEES, CL_CONTRACT_FIXED_MONTHLY_FEE, NULL };

const char * const *
cl_contract_kinds (void)
{
  return kinds;
}

gboolean
cl_contract_kind_known (const char *kind)
{
  return kind != NULL && g_strv_contains (kinds, kind);
}

const char *
cl_contract_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, CL_CONTRACT_SHARE_OF_FEES) == 0)
    return _("Share of the package fees");
  if (g_strcmp0 (kind, CL_CONTRACT_FIXED_MONTHLY_FEE) == 0)
    return _("Fixed monthly fee less deductions");
  return kind ? kind : "";
}

/* The titles the migration seeds (cl-store-migrations.c). */
#define OBSTETRIC_TITLE  "产科一体化管理服务"
#define GUIDE_DESK_TITLE "客服导诊服务"

const char *
cl_contract_get_display_title (CLContract *self)
{
  const char *id;

  g_return_val_if_fail (CL_IS_CONTRACT (self), NULL);

  id = cl_record_get_id (CL_RECORD (self));
  if (g_strcmp0 (id, CL_CONTRACT_OBSTETRIC_ID) == 0 && g_strcmp0 (self->title, OBSTETRIC_TITLE) == 0)
    return _("Obstetric integrated management services");
  if (g_strcmp0 (id, CL_CONTRACT_GUIDE_DESK_ID) == 0 && g_strcmp0 (self->title, GUIDE_DESK_TITLE) == 0)
    return _("Customer service and guide desk");
  return self->title ? self->title : "";
}
