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
cl_package_finalize (GObject *object)
{
  CLPackage *self = CL_PACKAGE (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->name_en, g_free);
  g_clear_pointer (&self->services, g_free);

  G_OBJECT_CLASS (cl_package_parent_class)->finalize (object);
}

static void
cl_package_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CLPackage *self = CL_PACKAGE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NAME_EN:
      g_value_set_string (value, self->name_en);
      break;
    case PROP_PRICE_FEN:
      g_value_set_int64 (value, self->price_fen);
      break;
    case PROP_ENROL_FROM_DAY:
      g_value_set_int (value, self->enrol_from_day);
      break;
    case PROP_ENROL_TO_DAY:
      g_value_set_int (value, self->enrol_to_day);
      break;
    case PROP_POSTPARTUM_DAYS:
      g_value_set_int (value, self->postpartum_days);
      break;
    case PROP_SERVICES:
      g_value_set_string (value, self->services);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_package_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CLPackage *self = CL_PACKAGE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      cl_package_set_code (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      cl_package_set_name (self, g_value_get_string (value));
      break;
    case PROP_NAME_EN:
      cl_package_set_name_en (self, g_value_get_string (value));
      break;
    case PROP_PRICE_FEN:
      cl_package_set_price_fen (self, g_value_get_int64 (value));
      break;
    case PROP_ENROL_FROM_DAY:
      cl_package_set_enrol_from_day (self, g_value_get_int (value));
      break;
    case PROP_ENROL_TO_DAY:
      cl_package_set_enrol_to_day (self, g_value_get_int (value));
      break;
    case PROP_POSTPARTUM_DAYS:
      cl_package_set_postpartum_days (self, g_value_get_int (value));
      break;
    case PROP_SERVICES:
      cl_package_set_services (self, g_value_get_string (value));
      break;
    case PROP_ACTIVE:
      cl_package_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_package_class_init (CLPackageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);

  object_class->finalize = cl_package_finalize;
  object_class->get_property = cl_package_get_property;
  object_class->set_property = cl_package_set_property;

  record_class->table_name = "package";

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_EN] =
    g_param_spec_string ("name-en", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRICE_FEN] =
    g_param_spec_int64 ("price-fen", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENROL_FROM_DAY] =
    g_param_spec_int ("enrol-from-day", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENROL_TO_DAY] =
    g_param_spec_int ("enrol-to-day", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSTPARTUM_DAYS] =
    g_param_spec_int ("postpartum-days", NULL, NULL, G_MININT, G_MAXINT, 42,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICES] =
    g_param_spec_string ("services", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
