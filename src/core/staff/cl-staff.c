#define G_LOG_DOMAIN "cl-staff"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-staff.h"
#include "cl-util.h"

struct _CLStaff
{
  CLRecord parent_instance;

  char     *username;
  char     *display_name;
  char     *role;
  char     *phone;
  gboolean  active;
};

G_DEFINE_FINAL_TYPE (CLStaff, cl_staff, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_USERNAME,
  PROP_DISPLAY_NAME,
  PROP_ROLE,
  PROP_PHONE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (CLStaff *self,
              guint    prop_id)
{
  char **fields[] = { NULL, &self->username, &self->display_name, &self->role, &self->phone };

  g_assert (prop_id > 0 && prop_id < PROP_ACTIVE);

  return fields[prop_id];
}

static void
cl_staff_finalize (GObject *object)
{
  CLStaff *self = CL_STAFF (object);

  for (guint i = 1; i < PROP_ACTIVE; i++)
    g_clear_pointer (string_field (self, i), g_free);

  G_OBJECT_CLASS (cl_staff_parent_class)->finalize (object);
}

static void
cl_staff_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CLStaff *self = CL_STAFF (object);

  if (prop_id > 0 && prop_id < PROP_ACTIVE)
    g_value_set_string (value, *string_field (self, prop_id));
  else if (prop_id == PROP_ACTIVE)
    g_value_set_boolean (value, self->active);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_staff_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CLStaff *self = CL_STAFF (object);

  if (prop_id > 0 && prop_id < PROP_ACTIVE)
    {
      if (cl_set_str (string_field (self, prop_id), g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id == PROP_ACTIVE)
    cl_staff_set_active (self, g_value_get_boolean (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_staff_class_init (CLStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[] = { NULL, "username", "display-name", "role", "phone" };

  object_class->finalize = cl_staff_finalize;
  object_class->get_property = cl_staff_get_property;
  object_class->set_property = cl_staff_set_property;

  CL_RECORD_CLASS (klass)->table_name = "staff";

  for (guint i = 1; i < PROP_ACTIVE; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE |
                                         G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_staff_init (CLStaff *self)
{
  self->active = TRUE;
}

CLStaff *
cl_staff_new (const char *username,
              const char *display_name,
              const char *role)
{
  CLStaff *self = CL_STAFF (cl_record_new (CL_TYPE_STAFF));

  g_object_set (self,
                "username", username,
                "display-name", display_name,
                "role", role,
                NULL);

  return self;
}

const char *
cl_staff_get_username (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->username;
}

const char *
cl_staff_get_display_name (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->display_name ? self->display_name : self->username;
}

const char *
cl_staff_get_role (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->role;
}

const char *
cl_staff_get_phone (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->phone;
}

gboolean
cl_staff_get_active (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), FALSE);
  return self->active;
}

void
cl_staff_set_active (CLStaff  *self,
                     gboolean  active)
{
  g_return_if_fail (CL_IS_STAFF (self));

  active = !!active;
  if (self->active != active)
    {
      self->active = active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
}

const char * const *
cl_staff_roles (void)
{
  static const char * const roles[] = {
    CL_ROLE_ADMIN, CL_ROLE_CASE_MANAGER, CL_ROLE_ESCORT, CL_ROLE_VIP_STEWARD,
    CL_ROLE_SERVICE_DESK, CL_ROLE_FINANCE, NULL,
  };

  return roles;
}

