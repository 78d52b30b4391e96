#define G_LOG_DOMAIN "cl-service-price"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-service-price.h"
#include "cl-money.h"
#include "cl-util.h"

struct _CLServicePrice
{
  CLRecord parent_instance;

  char      *code;
  char      *name;
  char      *category;
  char      *unit;
  gint64     price_fen;
  char      *note;
  gboolean   active;
};

G_DEFINE_FINAL_TYPE (CLServicePrice, cl_service_price, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_UNIT,
  PROP_PRICE_FEN,
  PROP_NOTE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_service_price_class_init (CLServicePriceClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_CODE] = { "code", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLServicePrice, code) },
    [PROP_NAME] = { "name", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLServicePrice, name) },
    [PROP_CATEGORY] = { "category", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLServicePrice, category) },
    [PROP_UNIT] = { "unit", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLServicePrice, unit) },
    [PROP_PRICE_FEN] = { "price-fen", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLServicePrice, price_fen) },
    [PROP_NOTE] = { "note", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLServicePrice, note) },
    [PROP_ACTIVE] = { "active", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLServicePrice, active) },
  };

  CL_RECORD_CLASS (klass)->table_name = "service_price";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_service_price_init (CLServicePrice *self)
{
}

CLServicePrice *
cl_service_price_new (void)
{
  CLServicePrice *self = CL_SERVICE_PRICE (cl_record_new (CL_TYPE_SERVICE_PRICE));

  self->active = TRUE;
  return self;
}

const char *
cl_service_price_get_code (CLServicePrice *self)
{
  g_return_val_if_fail (CL_IS_SERVICE_PRICE (self), NULL);
  return self->code;
}

void
cl_service_price_set_code (CLServicePrice *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_SERVICE_PRICE (self));
  cl_record_set_text_column (self, properties[PROP_CODE], value);
}

const char *
cl_service_price_get_name (CLServicePrice *self)
{
  g_return_val_if_fail (CL_IS_SERVICE_PRICE (self), NULL);
  return self->name;
}

void
cl_service_price_set_name (CLServicePrice *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_SERVICE_PRICE (self));
  cl_record_set_text_column (self, properties[PROP_NAME], value);
}

const char *
cl_service_price_get_category (CLServicePrice *self)
{
  g_return_val_if_fail (CL_IS_SERVICE_PRICE (self), NULL);
  return self->category;
}

void
cl_service_price_set_category (CLServicePrice *self,
                               const char *value)
{
  g_return_if_fail (CL_IS_SERVICE_PRICE (self));
  cl_record_set_text_column (self, properties[PROP_CATEGORY], value);
}

const char *
cl_service_price_get_unit (CLServicePrice *self)
{
  g_return_val_if_fail (CL_IS_SERVICE_PRICE (self), NULL);
  return self->unit;
}

void
cl_service_price_set_unit (CLServicePrice *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_SERVICE_PRICE (self));
  cl_record_set_text_column (self, properties[PROP_UNIT], value);
}

gint64
cl_service_price_get_price_fen (CLServicePrice *self)
{
  g_return_val_if_fail (CL_IS_SERVICE_PRICE (self), 0);
  return self->price_fen;
}

void
cl_service_price_set_price_fen (CLServicePrice *self,
                                gint64 value)
{
  g_return_if_fail (CL_IS_SERVICE_PRICE (self));
  cl_record_set_int_column (self, properties[PROP_PRICE_FEN], value);
}

const char *
cl_service_price_get_note (CLServicePrice *self)
{
  g_return_val_if_fail (CL_IS_SERVICE_PRICE (self), NULL);
  return self->note;
}

void
cl_service_price_set_note (CLServicePrice *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_SERVICE_PRICE (self));
  cl_record_set_text_column (self, properties[PROP_NOTE], value);
}

gboolean
cl_service_price_get_active (CLServicePrice *self)
{
  g_return_val_if_fail (CL_IS_SERVICE_PRICE (self), FALSE);
  return self->active;
}

void
cl_service_price_set_active (CLServicePrice *self,
                             gboolean value)
{
  g_return_if_fail (CL_IS_SERVICE_PRICE (self));
  cl_record_set_int_column (self, properties[PROP_ACTIVE], value);
}

static gboolean
blank (const char *text)
{
  for (; text && *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

char *
cl_service_price_dup_label (CLServicePrice *self)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (CL_IS_SERVICE_PRICE (self), NULL);

  amount = cl_money_format_display (self->price_fen);
  if (cl_str_empty (self->unit))
    return g_steal_pointer (&amount);
  /* TRANSLATORS: a price and what it is charged by, "¥35.00 / visit" */
  return g_strdup_printf (_("%s / %s"), amount, self->unit);
}

GHashTable *
cl_service_price_validate (CLServicePrice *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_SERVICE_PRICE (self), errors);

  if (blank (self->name))
    refuse (errors, "name", _("Enter what is charged for"));
  if (self->price_fen < 0 || self->price_fen > CL_SERVICE_PRICE_MAX_FEN)
    refuse (errors, "price_fen", _("The price is 0 to 10,000,000.00 yuan"));
  return errors;
}
