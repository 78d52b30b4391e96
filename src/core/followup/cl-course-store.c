#define G_LOG_DOMAIN "cl-course-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-course-store.h"
#include "cl-schedule.h"
#include "cl-store-events.h"
#include "cl-store-save.h"
#include "cl-tables.h"
#include "cl-util.h"

gboolean
cl_course_store_save (CLStore     *store,
                      CLCourse    *course,
                      const char  *role,
                      GHashTable **field_errors,
                      GError     **error)
{
  g_autoptr(GHashTable) errors = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_COURSE (course), FALSE);

  if (cl_store_refuse_role (role, "course", error))
    return FALSE;
  errors = cl_course_validate (course);
  if (!cl_store_accept_errors (errors, field_errors, error))
    return FALSE;
  return cl_store_save_copy (store, CL_RECORD (course), error);
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

void
cl_course_store_validate_assignment (CLStore            *store,
                                     CLCourseAssignment *assignment,
                                     GHashTable         *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLCourse) course = NULL;
  g_autoptr(CLRecord) stored = NULL;
  const char *id = cl_record_get_id (CL_RECORD (assignment));
  GHashTableIter iter;
  gpointer column, message;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_COURSE_ASSIGNMENT (assignment));

  own = cl_course_assignment_validate (assignment);
  g_hash_table_iter_init (&iter, own);
  while (g_hash_table_iter_next (&iter, &column, &message))
    refuse (errors, column, message);
  if (g_hash_table_contains (errors, "course_id") || g_hash_table_contains (errors, "patient_id"))
    return;

  course = CL_COURSE (cl_store_load_record (store, CL_TYPE_COURSE,
                                            cl_course_assignment_get_course_id (assignment), NULL));
  if (course == NULL || cl_record_get_deleted (CL_RECORD (course)))
    {
      refuse (errors, "course_id", _("Choose a course from the catalogue"));
      return;
    }
  stored = cl_store_load_record (store, CL_TYPE_COURSE_ASSIGNMENT, id, NULL);
  if (stored == NULL && !cl_course_get_active (course))
    refuse (errors, "course_id", _("This course is no longer offered"));

  /* Once at a time: assigned again only after she completed it. */
  if (cl_course_assignment_get_completed_at (assignment) == 0)
    {
      g_autoptr(GPtrArray) hers = cl_store_course_assignments_for_patient (store,
                                                                           cl_course_assignment_get_patient_id (assignment));

      for (guint i = 0; i < hers->len; i++)
        {
          CLCourseAssignment *other = g_ptr_array_index (hers, i);

          if (g_strcmp0 (cl_record_get_id (CL_RECORD (other)), id) != 0 &&
              g_strcmp0 (cl_course_assignment_get_course_id (other),
                         cl_course_assignment_get_course_id (assignment)) == 0 &&
              cl_course_assignment_get_completed_at (other) == 0)
            {
              refuse (errors, "course_id", _("This course is already assigned to her"));
              break;
            }
        }
    }
}

gboolean
cl_course_store_save_assignment (CLStore             *store,
                                 CLCourseAssignment  *assignment,
                                 const char          *role,
                                 GHashTable         **field_errors,
                                 GError             **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (assignment), FALSE);

  if (cl_store_refuse_role (role, "course_assignment", error))
    return FALSE;
  cl_course_store_validate_assignment (store, assignment, errors);
  if (!cl_store_accept_errors (errors, field_errors, error))
    return FALSE;
  return cl_store_save_copy (store, CL_RECORD (assignment), error);
}

CLCourseAssignment *
cl_course_store_assign (CLStore    *store,
                        const char *patient_id,
                        const char *course_id,
                        const char *role,
                        GError    **error)
{
  g_autoptr(CLCourseAssignment) assignment = cl_course_assignment_new ();

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  cl_course_assignment_set_patient_id (assignment, patient_id);
  cl_course_assignment_set_course_id (assignment, course_id);
  cl_course_assignment_set_assigned_by (assignment, cl_store_get_actor (store));
  cl_course_assignment_set_assigned_at (assignment, cl_schedule_now ());
  if (!cl_course_store_save_assignment (store, assignment, role, NULL, error))
    return NULL;
  return g_steal_pointer (&assignment);
}

gboolean
cl_course_store_complete (CLStore             *store,
                          CLCourseAssignment  *assignment,
                          const char          *role,
                          GError             **error)
{
  g_autoptr(CLCourseAssignment) copy = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_COURSE_ASSIGNMENT (assignment), FALSE);

  copy = CL_COURSE_ASSIGNMENT (cl_record_dup (CL_RECORD (assignment)));
  /* Never before it was assigned, even if the desk's clock is behind
   * the one that assigned it. */
  cl_course_assignment_set_completed_at (copy, MAX (cl_schedule_now (),
                                                    cl_course_assignment_get_assigned_at (copy)));
  if (!cl_course_store_save_assignment (store, copy, role, NULL, error))
    return FALSE;
  cl_record_assign (CL_RECORD (assignment), CL_RECORD (copy));
  return TRUE;
}
