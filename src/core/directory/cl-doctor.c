#define G_LOG_DOMAIN "cl-doctor"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-doctor.h"
#include "cl-choice.h"
#include "cl-util.h"

struct _CLDoctor
{
  CLRecord parent_instance;

  char      *name;
  char      *title;
  char      *department_id;
  char      *specialty;
  gboolean   active;
};

G_DEFINE_FINAL_TYPE (CLDoctor, cl_doctor, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_DEPARTMENT_ID,
  PROP_SPECIALTY,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_doctor_class_init (CLDoctorClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_NAME] = { "name", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDoctor, name) },
    [PROP_TITLE] = { "title", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDoctor, title) },
    [PROP_DEPARTMENT_ID] = { "department-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDoctor, department_id) },
    [PROP_SPECIALTY] = { "specialty", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDoctor, specialty) },
    [PROP_ACTIVE] = { "active", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLDoctor, active) },
  };

  CL_RECORD_CLASS (klass)->table_name = "doctor";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_doctor_init (CLDoctor *self)
{
}

CLDoctor *
cl_doctor_new (void)
{
  CLDoctor *self = CL_DOCTOR (cl_record_new (CL_TYPE_DOCTOR));

  self->active = TRUE;
  return self;
}

const char *
cl_doctor_get_name (CLDoctor *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR (self), NULL);
  return self->name;
}

void
cl_doctor_set_name (CLDoctor *self,
                    const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR (self));
  cl_record_set_text_column (self, properties[PROP_NAME], value);
}

const char *
cl_doctor_get_title (CLDoctor *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR (self), NULL);
  return self->title;
}

void
cl_doctor_set_title (CLDoctor *self,
                     const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR (self));
  cl_record_set_text_column (self, properties[PROP_TITLE], value);
}

const char *
cl_doctor_get_department_id (CLDoctor *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR (self), NULL);
  return self->department_id;
}

void
cl_doctor_set_department_id (CLDoctor *self,
                             const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR (self));
  cl_record_set_text_column (self, properties[PROP_DEPARTMENT_ID], value);
}

const char *
cl_doctor_get_specialty (CLDoctor *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR (self), NULL);
  return self->specialty;
}

void
cl_doctor_set_specialty (CLDoctor *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR (self));
  cl_record_set_text_column (self, properties[PROP_SPECIALTY], value);
}

gboolean
cl_doctor_get_active (CLDoctor *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR (self), FALSE);
  return self->active;
}

void
cl_doctor_set_active (CLDoctor *self,
                      gboolean value)
{
  g_return_if_fail (CL_IS_DOCTOR (self));
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

static const ClChoice titles[] = {
  { "chief", "doctor", NC_("doctor", "Chief Physician") },
  { "associate_chief", "doctor", NC_("doctor", "Associate Chief Physician") },
  { "attending", "doctor", NC_("doctor", "Attending Physician") },
  { "resident", "doctor", NC_("doctor", "Resident") },
};

const char * const *
cl_doctor_titles (void)
{
  static const char **cache;

  return cl_choice_values (titles, G_N_ELEMENTS (titles), &cache);
}

const char *
cl_doctor_title_label (const char *title)
{
  const char *label = cl_choice_label (titles, G_N_ELEMENTS (titles), title);

  return label ? label : (title ? title : "");
}

GHashTable *
cl_doctor_validate (CLDoctor *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_DOCTOR (self), errors);

  if (blank (self->name))
    refuse (errors, "name", _("Enter the doctor’s name"));
  if (cl_choice_label (titles, G_N_ELEMENTS (titles), self->title) == NULL)
    refuse (errors, "title", _("Choose the doctor’s title"));
  if (cl_str_empty (self->department_id))
    refuse (errors, "department_id", _("Choose the doctor’s department"));
  return errors;
}
