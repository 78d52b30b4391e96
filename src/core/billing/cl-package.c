/* cl-package.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-package"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cl-json-strict.h"
#include "cl-package.h"
#include "cl-util.h"

struct _CLPackage
{
  CLRecord parent_instance;

  char *code;
  char *name;
  char *name_en;
  gint64 price_fen;
  gint enrol_from_day;
  gint enrol_to_day;
  gint postpartum_days;
  char *services;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (CLPackage, cl_package, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_EN,
  PROP_PRICE_FEN,
  PROP_ENROL_FROM_DAY,
  PROP_ENROL_TO_DAY,
  PROP_POSTPARTUM_DAYS,
  PROP_SERVICES,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_package_class_init (CLPackageClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_CODE]            = { "code", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLPackage, code) },
    [PROP_NAME]            = { "name", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLPackage, name) },
    [PROP_NAME_EN]         = { "name-en", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLPackage, name_en) },
    [PROP_PRICE_FEN]       = { "price-fen", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLPackage, price_fen) },
    [PROP_ENROL_FROM_DAY]  = { "enrol-from-day", CL_COLUMN_INT, G_STRUCT_OFFSET (CLPackage, enrol_from_day) },
    [PROP_ENROL_TO_DAY]    = { "enrol-to-day", CL_COLUMN_INT, G_STRUCT_OFFSET (CLPackage, enrol_to_day) },
    [PROP_POSTPARTUM_DAYS] = { "postpartum-days", CL_COLUMN_INT, G_STRUCT_OFFSET (CLPackage, postpartum_days), 42 },
    [PROP_SERVICES]        = { "services", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLPackage, services) },
    [PROP_ACTIVE]          = { "active", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLPackage, active), 1 },
  };

  CL_RECORD_CLASS (klass)->table_name = "package";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_package_init (CLPackage *self)
{
  self->postpartum_days = 42;
  self->active = TRUE;
}

CLPackage *
cl_package_new (void)
{
  return CL_PACKAGE (cl_record_new (CL_TYPE_PACKAGE));
}

const char *
cl_package_get_code (CLPackage *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE (self), NULL);
  return self->code;
}

void
cl_package_set_code (CLPackage *self,
                     const char *value)
{
  g_return_if_fail (CL_IS_PACKAGE (self));

  if (cl_set_str (&self->code, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
cl_package_get_name (CLPackage *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE (self), NULL);
  return self->name;
}

void
cl_package_set_name (CLPackage *self,
                     const char *value)
{
  g_return_if_fail (CL_IS_PACKAGE (self));

  if (cl_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
cl_package_get_name_en (CLPackage *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE (self), NULL);
  return self->name_en;
}

void
cl_package_set_name_en (CLPackage *self,
                        const char *value)
{
  g_return_if_fail (CL_IS_PACKAGE (self));

  if (cl_set_str (&self->name_en, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_EN]);
}

gboolean
cl_package_names_in_english (void)
{
  /* The interface's own translation says which name fits it, so a
   * desk shown in Chinese shows the Chinese name whatever else the
   * environment lists. */
  /* Translators: which of a package's names the interface shows: keep
   * "en" for the English name; a Chinese translation says "zh" */
  return g_str_equal (C_("package name language", "en"), "en");
}

const char *
cl_package_get_display_name (CLPackage *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE (self), NULL);

  if (cl_package_names_in_english () && !cl_str_empty (self->name_en))
    return self->name_en;
  return self->name ? self->name : "";
}

gint64
cl_package_get_price_fen (CLPackage *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE (self), 0);
  return self->price_fen;
}

void
cl_package_set_price_fen (CLPackage *self,
                          gint64 value)
{
  g_return_if_fail (CL_IS_PACKAGE (self));

  if (self->price_fen != value)
    {
      self->price_fen = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_FEN]);
    }
}

gint
cl_package_get_enrol_from_day (CLPackage *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE (self), 0);
  return self->enrol_from_day;
}

void
cl_package_set_enrol_from_day (CLPackage *self,
                               gint value)
{
  g_return_if_fail (CL_IS_PACKAGE (self));

  if (self->enrol_from_day != value)
    {
      self->enrol_from_day = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENROL_FROM_DAY]);
    }
}

gint
cl_package_get_enrol_to_day (CLPackage *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE (self), 0);
  return self->enrol_to_day;
}

void
cl_package_set_enrol_to_day (CLPackage *self,
                             gint value)
{
  g_return_if_fail (CL_IS_PACKAGE (self));

  if (self->enrol_to_day != value)
    {
      self->enrol_to_day = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENROL_TO_DAY]);
    }
}

gint
cl_package_get_postpartum_days (CLPackage *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE (self), 0);
  return self->postpartum_days;
}

void
cl_package_set_postpartum_days (CLPackage *self,
                                gint value)
{
  g_return_if_fail (CL_IS_PACKAGE (self));

  if (self->postpartum_days != value)
    {
      self->postpartum_days = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTPARTUM_DAYS]);
    }
}

const char *
cl_package_get_services (CLPackage *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE (self), NULL);
  return self->services;
}

void
cl_package_set_services (CLPackage *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_PACKAGE (self));

  if (cl_set_str (&self->services, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICES]);
}

gboolean
cl_package_get_active (CLPackage *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE (self), 0);
  return self->active;
}

void
cl_package_set_active (CLPackage *self,
                       gboolean value)
{
  g_return_if_fail (CL_IS_PACKAGE (self));

  value = !!value;
  if (self->active != value)
    {
      self->active = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
}

CLPackageService *
cl_package_service_new (const char *code,
                        const char *name,
                        gint        quantity)
{
  CLPackageService *service = g_new0 (CLPackageService, 1);

  service->code = g_strdup (code ? code : "");
  service->name = g_strdup (name ? name : "");
  service->quantity = quantity;
  return service;
}

void
cl_package_service_free (CLPackageService *service)
{
  if (service == NULL)
    return;
  g_free (service->code);
  g_free (service->name);
  g_free (service);
}

GPtrArray *
cl_package_dup_service_list (CLPackage *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_package_service_free);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  g_return_val_if_fail (CL_IS_PACKAGE (self), list);

  if (self->services == NULL || !(root = cl_json_strict_parse (self->services, -1, 2, NULL)) ||
      !JSON_NODE_HOLDS_ARRAY (root))
    return list;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      o = json_node_get_object (node);
      g_ptr_array_add (list, cl_package_service_new (json_object_get_string_member_with_default (o, "code", ""),
                                                     json_object_get_string_member_with_default (o, "name", ""),
                                                     (gint) json_object_get_int_member_with_default (o, "quantity", 0)));
    }
  return list;
}

void
cl_package_set_service_list (CLPackage *self,
                             GPtrArray *services)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CL_IS_PACKAGE (self));

  json_builder_begin_array (builder);
  for (guint i = 0; services && i < services->len; i++)
    {
      CLPackageService *service = g_ptr_array_index (services, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, service->code ? service->code : "");
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, service->name ? service->name : "");
      json_builder_set_member_name (builder, "quantity");
      json_builder_add_int_value (builder, service->quantity);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  cl_package_set_services (self, text);
}
