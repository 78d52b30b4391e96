#define G_LOG_DOMAIN "cl-course"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-course.h"
#include "cl-util.h"
#include "cl-validation.h"

enum {
  F_TITLE,
  F_TITLE_EN,
  F_STAGE,
  F_LINK,
  N_TEXT
};

static const char * const text_names[N_TEXT] = {
  "title", "title-en", "stage", "link",
};

enum {
  N_DURATION_MIN,
  N_ACTIVE,
  N_NUM
};

struct _CLCourse
{
  CLRecord parent_instance;

  char   *text[N_TEXT];
  gint64  num[N_NUM];
};

G_DEFINE_FINAL_TYPE (CLCourse, cl_course, CL_TYPE_RECORD)

/* Properties: the texts from 1, then the numbers. */
#define PROP_NUM(i) (N_TEXT + 1 + (i))
#define N_PROPS     (N_TEXT + 1 + N_NUM)

static GParamSpec *properties[N_PROPS];

static void
cl_course_finalize (GObject *object)
{
  CLCourse *self = (CLCourse *) object;

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (cl_course_parent_class)->finalize (object);
}

static void
cl_course_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CLCourse *self = (CLCourse *) object;

  if (prop_id >= 1 && prop_id <= N_TEXT)
    g_value_set_string (value, self->text[prop_id - 1]);
  else if (prop_id == PROP_NUM (0))
    g_value_set_int (value, (gint) self->num[0]);
  else if (prop_id == PROP_NUM (1))
    g_value_set_boolean (value, self->num[1] != 0);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_course_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CLCourse *self = (CLCourse *) object;

  if (prop_id >= 1 && prop_id <= N_TEXT)
    {
      if (cl_set_str (&self->text[prop_id - 1], g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      return;
    }
  if (prop_id == PROP_NUM (0))
    {
      gint64 v = g_value_get_int (value);

      if (self->num[0] != v)
        {
          self->num[0] = v;
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }
  if (prop_id == PROP_NUM (1))
    {
      gint64 v = (g_value_get_boolean (value) ? 1 : 0);

      if (self->num[1] != v)
        {
          self->num[1] = v;
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }
  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_course_class_init (CLCourseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cl_course_finalize;
  object_class->get_property = cl_course_get_property;
  object_class->set_property = cl_course_set_property;
  CL_RECORD_CLASS (klass)->table_name = "course";

  for (guint i = 0; i < N_TEXT; i++)
    properties[i + 1] = g_param_spec_string (text_names[i], NULL, NULL, NULL, flags);
  properties[PROP_NUM (0)] = g_param_spec_int ("duration-min", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_NUM (1)] = g_param_spec_boolean ("active", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_course_init (CLCourse *self)
{
}

CLCourse *
cl_course_new (void)
{
  CLCourse *self = CL_COURSE (cl_record_new (CL_TYPE_COURSE));

  self->num[N_ACTIVE] = TRUE;
  return self;
}

const char *
cl_course_get_title (CLCourse *self)
{
  g_return_val_if_fail (CL_IS_COURSE (self), NULL);
  return self->text[F_TITLE];
}

void
cl_course_set_title (CLCourse *self,
                    const char *value)
{
  g_return_if_fail (CL_IS_COURSE (self));
  if (cl_set_str (&self->text[F_TITLE], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_TITLE + 1]);
}

const char *
cl_course_get_title_en (CLCourse *self)
{
  g_return_val_if_fail (CL_IS_COURSE (self), NULL);
  return self->text[F_TITLE_EN];
}

void
cl_course_set_title_en (CLCourse *self,
                       const char *value)
{
  g_return_if_fail (CL_IS_COURSE (self));
  if (cl_set_str (&self->text[F_TITLE_EN], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_TITLE_EN + 1]);
}

const char *
cl_course_get_stage (CLCourse *self)
{
  g_return_val_if_fail (CL_IS_COURSE (self), NULL);
  return self->text[F_STAGE];
}

void
cl_course_set_stage (CLCourse *self,
                    const char *value)
{
  g_return_if_fail (CL_IS_COURSE (self));
  if (cl_set_str (&self->text[F_STAGE], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_STAGE + 1]);
}

const char *
cl_course_get_link (CLCourse *self)
{
  g_return_val_if_fail (CL_IS_COURSE (self), NULL);
  return self->text[F_LINK];
}

void
cl_course_set_link (CLCourse *self,
                   const char *value)
{
  g_return_if_fail (CL_IS_COURSE (self));
  if (cl_set_str (&self->text[F_LINK], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_LINK + 1]);
}

gint
cl_course_get_duration_min (CLCourse *self)
{
  g_return_val_if_fail (CL_IS_COURSE (self), 0);
  return (gint) self->num[0];
}

void
cl_course_set_duration_min (CLCourse *self,
                           gint value)
{
  g_return_if_fail (CL_IS_COURSE (self));
  if (self->num[0] == value)
    return;
  self->num[0] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUM (0)]);
}

gboolean
cl_course_get_active (CLCourse *self)
{
  g_return_val_if_fail (CL_IS_COURSE (self), 0);
  return self->num[1] != 0;
}

void
cl_course_set_active (CLCourse *self,
                     gboolean value)
{
  g_return_if_fail (CL_IS_COURSE (self));
  if (self->num[1] == (value ? 1 : 0))
    return;
  self->num[1] = (value ? 1 : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUM (1)]);
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

  title = g_strstrip (g_strdup (self->text[F_TITLE] ? self->text[F_TITLE] : ""));
  if (*title == '\0')
    refuse (errors, "title", _("Enter the course’s title"));
  if (self->text[F_STAGE] == NULL || !g_strv_contains (stages, self->text[F_STAGE]))
    refuse (errors, "stage", _("Choose the stage: pregnancy, birth, postpartum or parenting"));
  if (self->num[N_DURATION_MIN] < 1 || self->num[N_DURATION_MIN] > CL_COURSE_MAX_MINUTES)
    refuse (errors, "duration_min", _("The length is 1 to 600 minutes"));
  if (!cl_validation_check_web_link (self->text[F_LINK], &error))
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
  if (!g_str_has_prefix (language, "zh") && !cl_str_empty (self->text[F_TITLE_EN]))
    return self->text[F_TITLE_EN];
  return self->text[F_TITLE];
}
