#define G_LOG_DOMAIN "cl-department"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-department.h"
#include "cl-util.h"

struct _CLDepartment
{
  CLRecord parent_instance;

  char     *name;
  char     *name_en;
  char     *building;
  char     *floor;
  char     *room;
  char     *phone;
  gboolean  active;
};

G_DEFINE_FINAL_TYPE (CLDepartment, cl_department, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_NAME_EN,
  PROP_BUILDING,
  PROP_FLOOR,
  PROP_ROOM,
  PROP_PHONE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_department_class_init (CLDepartmentClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_NAME]     = { "name", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDepartment, name) },
    [PROP_NAME_EN]  = { "name-en", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDepartment, name_en) },
    [PROP_BUILDING] = { "building", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDepartment, building) },
    [PROP_FLOOR]    = { "floor", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDepartment, floor) },
    [PROP_ROOM]     = { "room", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDepartment, room) },
    [PROP_PHONE]    = { "phone", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDepartment, phone) },
    [PROP_ACTIVE]   = { "active", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLDepartment, active) },
  };

  CL_RECORD_CLASS (klass)->table_name = "department";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_department_init (CLDepartment *self)
{
}

CLDepartment *
cl_department_new (void)
{
  CLDepartment *self = CL_DEPARTMENT (cl_record_new (CL_TYPE_DEPARTMENT));

  self->active = TRUE;
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_department_get_##field (CLDepartment *self) \
  { \
    g_return_val_if_fail (CL_IS_DEPARTMENT (self), NULL); \
    return self->field; \
  } \
  void \
  cl_department_set_##field (CLDepartment *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_DEPARTMENT (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (name_en, PROP_NAME_EN)
TEXT_ACCESSORS (building, PROP_BUILDING)
TEXT_ACCESSORS (floor, PROP_FLOOR)
TEXT_ACCESSORS (room, PROP_ROOM)
TEXT_ACCESSORS (phone, PROP_PHONE)

gboolean
cl_department_get_active (CLDepartment *self)
{
  g_return_val_if_fail (CL_IS_DEPARTMENT (self), FALSE);
  return self->active;
}

void
cl_department_set_active (CLDepartment *self,
                          gboolean      value)
{
  g_return_if_fail (CL_IS_DEPARTMENT (self));
  cl_record_set_int_column (self, properties[PROP_ACTIVE], value);
}

GHashTable *
cl_department_validate (CLDepartment *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *name = NULL;

  g_return_val_if_fail (CL_IS_DEPARTMENT (self), errors);

  name = g_strstrip (g_strdup (self->name ? self->name : ""));
  if (*name == '\0')
    g_hash_table_insert (errors, g_strdup ("name"), g_strdup (_("Enter the department’s name")));
  return errors;
}

const char *
cl_department_get_display_name (CLDepartment *self)
{
  const char *language = g_get_language_names ()[0];

  g_return_val_if_fail (CL_IS_DEPARTMENT (self), NULL);

  if (!g_str_has_prefix (language, "zh") && !cl_str_empty (self->name_en))
    return self->name_en;
  return self->name;
}

char *
cl_department_dup_location (CLDepartment *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CL_IS_DEPARTMENT (self), NULL);

  if (!cl_str_empty (self->building))
    g_ptr_array_add (parts, g_strdup (self->building));
  if (!cl_str_empty (self->floor))
    /* TRANSLATORS: a floor of a building, e.g. "3F" */
    g_ptr_array_add (parts, g_strdup_printf (_("%sF"), self->floor));
  if (!cl_str_empty (self->room))
    /* TRANSLATORS: a room number, e.g. "Room 305" */
    g_ptr_array_add (parts, g_strdup_printf (_("Room %s"), self->room));
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: between the parts of a place: building, floor, room */
  return g_strjoinv (C_("location", ", "), (char **) parts->pdata);
}
