#define G_LOG_DOMAIN "cl-referring-hospital"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-referring-hospital.h"

struct _CLReferringHospital
{
  CLRecord parent_instance;

  char     *name;
  char     *phone;
  gboolean  active;
};

G_DEFINE_FINAL_TYPE (CLReferringHospital, cl_referring_hospital, CL_TYPE_RECORD)

enum { PROP_0, PROP_NAME, PROP_PHONE, PROP_ACTIVE, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
cl_referring_hospital_class_init (CLReferringHospitalClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_NAME]   = { "name", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLReferringHospital, name) },
    [PROP_PHONE]  = { "phone", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLReferringHospital, phone) },
    [PROP_ACTIVE] = { "active", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLReferringHospital, active) },
  };

  CL_RECORD_CLASS (klass)->table_name = "referring_hospital";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_referring_hospital_init (CLReferringHospital *self)
{
}

CLReferringHospital *
cl_referring_hospital_new (void)
{
  CLReferringHospital *self = CL_REFERRING_HOSPITAL (cl_record_new (CL_TYPE_REFERRING_HOSPITAL));

  self->active = TRUE;
  return self;
}

const char *
cl_referring_hospital_get_name (CLReferringHospital *self)
{
  g_return_val_if_fail (CL_IS_REFERRING_HOSPITAL (self), NULL);
  return self->name;
}

void
cl_referring_hospital_set_name (CLReferringHospital *self,
                                const char          *value)
{
  g_return_if_fail (CL_IS_REFERRING_HOSPITAL (self));
  cl_record_set_text_column (self, properties[PROP_NAME], value);
}

const char *
cl_referring_hospital_get_phone (CLReferringHospital *self)
{
  g_return_val_if_fail (CL_IS_REFERRING_HOSPITAL (self), NULL);
  return self->phone;
}

void
cl_referring_hospital_set_phone (CLReferringHospital *self,
                                 const char          *value)
{
  g_return_if_fail (CL_IS_REFERRING_HOSPITAL (self));
  cl_record_set_text_column (self, properties[PROP_PHONE], value);
}

gboolean
cl_referring_hospital_get_active (CLReferringHospital *self)
{
  g_return_val_if_fail (CL_IS_REFERRING_HOSPITAL (self), FALSE);
  return self->active;
}

void
cl_referring_hospital_set_active (CLReferringHospital *self,
                                  gboolean             value)
{
  g_return_if_fail (CL_IS_REFERRING_HOSPITAL (self));
  cl_record_set_int_column (self, properties[PROP_ACTIVE], value);
}

GHashTable *
cl_referring_hospital_validate (CLReferringHospital *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *name = NULL;

  g_return_val_if_fail (CL_IS_REFERRING_HOSPITAL (self), errors);

  name = g_strstrip (g_strdup (self->name ? self->name : ""));
  if (*name == '\0')
    g_hash_table_insert (errors, g_strdup ("name"), g_strdup (_("Enter the hospital’s name")));
  return errors;
}
