#define G_LOG_DOMAIN "cl-course-assignment"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-course-assignment.h"
#include "cl-util.h"

struct _CLCourseAssignment
{
  CLRecord parent_instance;

  char   *patient_id;
  char   *course_id;
  char   *assigned_by;
  gint64 assigned_at;
  gint64 completed_at;
};

G_DEFINE_FINAL_TYPE (CLCourseAssignment, cl_course_assignment, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_COURSE_ID,
  PROP_ASSIGNED_BY,
  PROP_ASSIGNED_AT,
  PROP_COMPLETED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_course_assignment_class_init (CLCourseAssignmentClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_PATIENT_ID]   = { "patient-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLCourseAssignment, patient_id) },
    [PROP_COURSE_ID]    = { "course-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLCourseAssignment, course_id) },
    [PROP_ASSIGNED_BY]  = { "assigned-by", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLCourseAssignment, assigned_by) },
    [PROP_ASSIGNED_AT]  = { "assigned-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLCourseAssignment, assigned_at), 0, CL_COLUMN_NON_NEGATIVE },
    [PROP_COMPLETED_AT] = { "completed-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLCourseAssignment, completed_at), 0, CL_COLUMN_NON_NEGATIVE },
  };

  CL_RECORD_CLASS (klass)->table_name = "course_assignment";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
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
  return self->patient_id;
}

void
cl_course_assignment_set_patient_id (CLCourseAssignment *self,
                                    const char *value)
{
  g_return_if_fail (CL_IS_COURSE_ASSIGNMENT (self));
  if (cl_set_str (&self->patient_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_ID]);
}

const char *
cl_course_assignment_get_course_id (CLCourseAssignment *self)
{
  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (self), NULL);
  return self->course_id;
}

void
cl_course_assignment_set_course_id (CLCourseAssignment *self,
                                   const char *value)
{
  g_return_if_fail (CL_IS_COURSE_ASSIGNMENT (self));
  if (cl_set_str (&self->course_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE_ID]);
}

const char *
cl_course_assignment_get_assigned_by (CLCourseAssignment *self)
{
  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (self), NULL);
  return self->assigned_by;
}

void
cl_course_assignment_set_assigned_by (CLCourseAssignment *self,
                                     const char *value)
{
  g_return_if_fail (CL_IS_COURSE_ASSIGNMENT (self));
  if (cl_set_str (&self->assigned_by, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNED_BY]);
}

gint64
cl_course_assignment_get_assigned_at (CLCourseAssignment *self)
{
  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (self), 0);
  return self->assigned_at;
}

void
cl_course_assignment_set_assigned_at (CLCourseAssignment *self,
                                     gint64 value)
{
  g_return_if_fail (CL_IS_COURSE_ASSIGNMENT (self));
  if (self->assigned_at == value)
    return;
  self->assigned_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNED_AT]);
}

gint64
cl_course_assignment_get_completed_at (CLCourseAssignment *self)
{
  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (self), 0);
  return self->completed_at;
}

void
cl_course_assignment_set_completed_at (CLCourseAssignment *self,
                                      gint64 value)
{
  g_return_if_fail (CL_IS_COURSE_ASSIGNMENT (self));
  if (self->completed_at == value)
    return;
  self->completed_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED_AT]);
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

  if (cl_str_empty (self->patient_id))
    refuse (errors, "patient_id", _("A course assignment must belong to a patient"));
  if (cl_str_empty (self->course_id))
    refuse (errors, "course_id", _("Choose a course from the catalogue"));
  if (self->assigned_at <= 0)
    refuse (errors, "assigned_at", _("Say when the course was assigned"));
  else if (self->completed_at != 0 && self->completed_at < self->assigned_at)
    refuse (errors, "completed_at", _("A course cannot be completed before it was assigned"));
  return errors;
}
