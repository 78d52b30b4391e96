#define G_LOG_DOMAIN "cl-course-assignment"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-course-assignment.h"
#include "cl-util.h"

enum {
  F_PATIENT_ID,
  F_COURSE_ID,
  F_ASSIGNED_BY,
  N_TEXT
};

static const char * const text_names[N_TEXT] = {
  "patient-id", "course-id", "assigned-by",
};

enum {
  N_ASSIGNED_AT,
  N_COMPLETED_AT,
  N_NUM
};

struct _CLCourseAssignment
{
  CLRecord parent_instance;

  char   *text[N_TEXT];
  gint64  num[N_NUM];
};

G_DEFINE_FINAL_TYPE (CLCourseAssignment, cl_course_assignment, CL_TYPE_RECORD)

/* Properties: the texts from 1, then the numbers. */
#define PROP_NUM(i) (N_TEXT + 1 + (i))
#define N_PROPS     (N_TEXT + 1 + N_NUM)

static GParamSpec *properties[N_PROPS];

static void
cl_course_assignment_finalize (GObject *object)
{
  CLCourseAssignment *self = (CLCourseAssignment *) object;

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (cl_course_assignment_parent_class)->finalize (object);
}

static void
cl_course_assignment_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CLCourseAssignment *self = (CLCourseAssignment *) object;

  if (prop_id >= 1 && prop_id <= N_TEXT)
    g_value_set_string (value, self->text[prop_id - 1]);
  else if (prop_id == PROP_NUM (0))
    g_value_set_int64 (value, self->num[0]);
  else if (prop_id == PROP_NUM (1))
    g_value_set_int64 (value, self->num[1]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_course_assignment_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CLCourseAssignment *self = (CLCourseAssignment *) object;

  if (prop_id >= 1 && prop_id <= N_TEXT)
    {
      if (cl_set_str (&self->text[prop_id - 1], g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      return;
    }
  if (prop_id == PROP_NUM (0))
    {
      gint64 v = g_value_get_int64 (value);

      if (self->num[0] != v)
        {
          self->num[0] = v;
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }
  if (prop_id == PROP_NUM (1))
    {
      gint64 v = g_value_get_int64 (value);

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
cl_course_assignment_class_init (CLCourseAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cl_course_assignment_finalize;
  object_class->get_property = cl_course_assignment_get_property;
  object_class->set_property = cl_course_assignment_set_property;
  CL_RECORD_CLASS (klass)->table_name = "course_assignment";

  for (guint i = 0; i < N_TEXT; i++)
    properties[i + 1] = g_param_spec_string (text_names[i], NULL, NULL, NULL, flags);
  properties[PROP_NUM (0)] = g_param_spec_int64 ("assigned-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NUM (1)] = g_param_spec_int64 ("completed-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_course_assignment_init (CLCourseAssignment *self)
{
}

CLCourseAssignment *
cl_course_assignment_new (void)
{
  return CL_COURSE_ASSIGNMENT (cl_record_new (CL_TYPE_COURSE_ASSIGNMENT));
}

const char *
cl_course_assignment_get_patient_id (CLCourseAssignment *self)
{
  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (self), NULL);
  return self->text[F_PATIENT_ID];
}

void
cl_course_assignment_set_patient_id (CLCourseAssignment *self,
                                    const char *value)
{
  g_return_if_fail (CL_IS_COURSE_ASSIGNMENT (self));
  if (cl_set_str (&self->text[F_PATIENT_ID], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_PATIENT_ID + 1]);
}

const char *
cl_course_assignment_get_course_id (CLCourseAssignment *self)
{
  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (self), NULL);
  return self->text[F_COURSE_ID];
}

void
cl_course_assignment_set_course_id (CLCourseAssignment *self,
                                   const char *value)
{
  g_return_if_fail (CL_IS_COURSE_ASSIGNMENT (self));
  if (cl_set_str (&self->text[F_COURSE_ID], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_COURSE_ID + 1]);
}

const char *
cl_course_assignment_get_assigned_by (CLCourseAssignment *self)
{
  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (self), NULL);
  return self->text[F_ASSIGNED_BY];
}

void
cl_course_assignment_set_assigned_by (CLCourseAssignment *self,
                                     const char *value)
{
  g_return_if_fail (CL_IS_COURSE_ASSIGNMENT (self));
  if (cl_set_str (&self->text[F_ASSIGNED_BY], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_ASSIGNED_BY + 1]);
}

gint64
cl_course_assignment_get_assigned_at (CLCourseAssignment *self)
{
  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (self), 0);
  return self->num[0];
}

void
cl_course_assignment_set_assigned_at (CLCourseAssignment *self,
                                     gint64 value)
{
  g_return_if_fail (CL_IS_COURSE_ASSIGNMENT (self));
  if (self->num[0] == value)
    return;
  self->num[0] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUM (0)]);
}

gint64
cl_course_assignment_get_completed_at (CLCourseAssignment *self)
{
  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (self), 0);
  return self->num[1];
}

void
cl_course_assignment_set_completed_at (CLCourseAssignment *self,
                                      gint64 value)
{
  g_return_if_fail (CL_IS_COURSE_ASSIGNMENT (self));
  if (self->num[1] == value)
    return;
  self->num[1] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUM (1)]);
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
cl_course_assignment_validate (CLCourseAssignment *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (self), errors);

  if (cl_str_empty (self->text[F_PATIENT_ID]))
    refuse (errors, "patient_id", _("A course assignment must belong to a patient"));
  if (cl_str_empty (self->text[F_COURSE_ID]))
    refuse (errors, "course_id", _("Choose a course from the catalogue"));
  if (self->num[N_ASSIGNED_AT] <= 0)
    refuse (errors, "assigned_at", _("Say when the course was assigned"));
  else if (self->num[N_COMPLETED_AT] != 0 && self->num[N_COMPLETED_AT] < self->num[N_ASSIGNED_AT])
    refuse (errors, "completed_at", _("A course cannot be completed before it was assigned"));
  return errors;
}
