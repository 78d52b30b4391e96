#define G_LOG_DOMAIN "cl-course"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-course.h"
#include "cl-util.h"
#include "cl-validation.h"

struct _CLCourse
{
  CLRecord parent_instance;

  char     *title;
  char     *title_en;
  char     *stage;
  char     *link;
  gint      duration_min;
  gboolean  active;
};

G_DEFINE_FINAL_TYPE (CLCourse, cl_course, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TITLE_EN,
  PROP_STAGE,
  PROP_LINK,
  PROP_DURATION_MIN,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_course_class_init (CLCourseClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_TITLE]        = { "title", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLCourse, title) },
    [PROP_TITLE_EN]     = { "title-en", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLCourse, title_en) },
    [PROP_STAGE]        = { "stage", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLCourse, stage) },
    [PROP_LINK]         = { "link", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLCourse, link) },
    [PROP_DURATION_MIN] = { "duration-min", CL_COLUMN_INT, G_STRUCT_OFFSET (CLCourse, duration_min) },
    [PROP_ACTIVE]       = { "active", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLCourse, active) },
  };

  CL_RECORD_CLASS (klass)->table_name = "course";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_course_init (CLCourse *self)
{
}

CLCourse *
cl_course_new (void)
{
  CLCourse *self = CL_COURSE (cl_record_new (CL_TYPE_COURSE));

  self->active = TRUE;
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_course_get_##field (CLCourse *self) \
  { \
    g_return_val_if_fail (CL_IS_COURSE (self), NULL); \
    return self->field; \
  } \
  void \
  cl_course_set_##field (CLCourse *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_COURSE (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (title, PROP_TITLE)
TEXT_ACCESSORS (title_en, PROP_TITLE_EN)
TEXT_ACCESSORS (stage, PROP_STAGE)
TEXT_ACCESSORS (link, PROP_LINK)

gint
cl_course_get_duration_min (CLCourse *self)
{
  g_return_val_if_fail (CL_IS_COURSE (self), 0);
  return self->duration_min;
}

void
cl_course_set_duration_min (CLCourse *self,
                            gint      value)
{
  g_return_if_fail (CL_IS_COURSE (self));
  cl_record_set_int_column (self, properties[PROP_DURATION_MIN], value);
}

gboolean
cl_course_get_active (CLCourse *self)
{
  g_return_val_if_fail (CL_IS_COURSE (self), FALSE);
  return self->active;
}

void
cl_course_set_active (CLCourse *self,
                      gboolean  value)
{
  g_return_if_fail (CL_IS_COURSE (self));
  cl_record_set_int_column (self, properties[PROP_ACTIVE], value);
}

static const char * const stages[] = { "pregnancy", "birth", "postpartum", "parenting", NULL };

const char * const *
cl_course_stages (void)
{
  return stages;
}

const char *
cl_course_stage_label (const char *stage)
{
  static const char * const labels[] = {
    N_("Pregnancy"), N_("Birth"), N_("Postpartum"), N_("Parenting"),
  };

  for (guint i = 0; stage && stages[i]; i++)
    if (g_str_equal (stage, stages[i]))
      return _(labels[i]);
  return stage ? stage : "";
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

GHashTable *
cl_course_validate (CLCourse *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CL_IS_COURSE (self), errors);

  title = g_strstrip (g_strdup (self->title ? self->title : ""));
  if (*title == '\0')
    refuse (errors, "title", _("Enter the course’s title"));
  if (self->stage == NULL || !g_strv_contains (stages, self->stage))
    refuse (errors, "stage", _("Choose the stage: pregnancy, birth, postpartum or parenting"));
  if (self->duration_min < 1 || self->duration_min > CL_COURSE_MAX_MINUTES)
    refuse (errors, "duration_min", _("The length is 1 to 600 minutes"));
  if (!cl_validation_check_web_link (self->link, &error))
    refuse (errors, "link", error->message);
  return errors;
}

const char *
cl_course_get_display_title (CLCourse *self)
{
  const char *language = g_get_language_names ()[0];

  g_return_val_if_fail (CL_IS_COURSE (self), NULL);

  /* The Chinese title is the course's own; an English desk reads the
   * English one where the catalogue gives it. */
  if (!g_str_has_prefix (language, "zh") && !cl_str_empty (self->title_en))
    return self->title_en;
  return self->title;
}
