#define G_LOG_DOMAIN "cl-procedure-guide"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-procedure-guide.h"
#include "cl-util.h"

struct _CLProcedureGuide
{
  CLRecord parent_instance;

  char      *title;
  char      *title_en;
  char      *audience;
  char      *steps;
  char      *steps_en;
  char      *place;
  gboolean   active;
};

G_DEFINE_FINAL_TYPE (CLProcedureGuide, cl_procedure_guide, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TITLE_EN,
  PROP_AUDIENCE,
  PROP_STEPS,
  PROP_STEPS_EN,
  PROP_PLACE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_procedure_guide_class_init (CLProcedureGuideClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_TITLE] = { "title", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLProcedureGuide, title) },
    [PROP_TITLE_EN] = { "title-en", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLProcedureGuide, title_en) },
    [PROP_AUDIENCE] = { "audience", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLProcedureGuide, audience) },
    [PROP_STEPS] = { "steps", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLProcedureGuide, steps) },
    [PROP_STEPS_EN] = { "steps-en", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLProcedureGuide, steps_en) },
    [PROP_PLACE] = { "place", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLProcedureGuide, place) },
    [PROP_ACTIVE] = { "active", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLProcedureGuide, active) },
  };

  CL_RECORD_CLASS (klass)->table_name = "procedure_guide";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_procedure_guide_init (CLProcedureGuide *self)
{
}

CLProcedureGuide *
cl_procedure_guide_new (void)
{
  CLProcedureGuide *self = CL_PROCEDURE_GUIDE (cl_record_new (CL_TYPE_PROCEDURE_GUIDE));

  self->active = TRUE;
  return self;
}

const char *
cl_procedure_guide_get_title (CLProcedureGuide *self)
{
  g_return_val_if_fail (CL_IS_PROCEDURE_GUIDE (self), NULL);
  return self->title;
}

void
cl_procedure_guide_set_title (CLProcedureGuide *self,
                              const char *value)
{
  g_return_if_fail (CL_IS_PROCEDURE_GUIDE (self));
  cl_record_set_text_column (self, properties[PROP_TITLE], value);
}

const char *
cl_procedure_guide_get_title_en (CLProcedureGuide *self)
{
  g_return_val_if_fail (CL_IS_PROCEDURE_GUIDE (self), NULL);
  return self->title_en;
}

void
cl_procedure_guide_set_title_en (CLProcedureGuide *self,
                                 const char *value)
{
  g_return_if_fail (CL_IS_PROCEDURE_GUIDE (self));
  cl_record_set_text_column (self, properties[PROP_TITLE_EN], value);
}

const char *
cl_procedure_guide_get_audience (CLProcedureGuide *self)
{
  g_return_val_if_fail (CL_IS_PROCEDURE_GUIDE (self), NULL);
  return self->audience;
}

void
cl_procedure_guide_set_audience (CLProcedureGuide *self,
                                 const char *value)
{
  g_return_if_fail (CL_IS_PROCEDURE_GUIDE (self));
  cl_record_set_text_column (self, properties[PROP_AUDIENCE], value);
}

const char *
cl_procedure_guide_get_steps (CLProcedureGuide *self)
{
  g_return_val_if_fail (CL_IS_PROCEDURE_GUIDE (self), NULL);
  return self->steps;
}

void
cl_procedure_guide_set_steps (CLProcedureGuide *self,
                              const char *value)
{
  g_return_if_fail (CL_IS_PROCEDURE_GUIDE (self));
  cl_record_set_text_column (self, properties[PROP_STEPS], value);
}

const char *
cl_procedure_guide_get_steps_en (CLProcedureGuide *self)
{
  g_return_val_if_fail (CL_IS_PROCEDURE_GUIDE (self), NULL);
  return self->steps_en;
}

void
cl_procedure_guide_set_steps_en (CLProcedureGuide *self,
                                 const char *value)
{
  g_return_if_fail (CL_IS_PROCEDURE_GUIDE (self));
  cl_record_set_text_column (self, properties[PROP_STEPS_EN], value);
}

const char *
cl_procedure_guide_get_place (CLProcedureGuide *self)
{
  g_return_val_if_fail (CL_IS_PROCEDURE_GUIDE (self), NULL);
  return self->place;
}

void
cl_procedure_guide_set_place (CLProcedureGuide *self,
                              const char *value)
{
  g_return_if_fail (CL_IS_PROCEDURE_GUIDE (self));
  cl_record_set_text_column (self, properties[PROP_PLACE], value);
}

gboolean
cl_procedure_guide_get_active (CLProcedureGuide *self)
{
  g_return_val_if_fail (CL_IS_PROCEDURE_GUIDE (self), FALSE);
  return self->active;
}

void
cl_procedure_guide_set_active (CLProcedureGuide *self,
                               gboolean value)
{
  g_return_if_fail (CL_IS_PROCEDURE_GUIDE (self));
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

static gboolean
english_desk (void)
{
  return !g_str_has_prefix (g_get_language_names ()[0], "zh");
}

const char *
cl_procedure_guide_get_display_title (CLProcedureGuide *self)
{
  g_return_val_if_fail (CL_IS_PROCEDURE_GUIDE (self), NULL);

  if (english_desk () && !cl_str_empty (self->title_en))
    return self->title_en;
  return self->title;
}

const char *
cl_procedure_guide_get_display_steps (CLProcedureGuide *self)
{
  g_return_val_if_fail (CL_IS_PROCEDURE_GUIDE (self), NULL);

  if (english_desk () && !cl_str_empty (self->steps_en))
    return self->steps_en;
  return self->steps;
}

GHashTable *
cl_procedure_guide_validate (CLProcedureGuide *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_PROCEDURE_GUIDE (self), errors);

  if (blank (self->title))
    refuse (errors, "title", _("Enter the procedure’s title"));
  if (blank (self->steps))
    refuse (errors, "steps", _("Enter the steps, one a line"));
  return errors;
}
