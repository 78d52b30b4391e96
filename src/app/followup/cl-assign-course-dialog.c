#define G_LOG_DOMAIN "cl-assign-course-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-assign-course-dialog.h"
#include "cl-course-store.h"
#include "cl-form-message.h"
#include "cl-schedule-form.h"
#include "cl-store-events.h"

struct _CLAssignCourseDialog
{
  AdwWindow    parent_instance;

  AdwComboRow *course;
  GtkLabel    *course_error;
  GtkLabel    *form_error;

  CLStore     *store;
  CLContext   *context;
  char        *patient_id;
  GStrv        course_ids;   /* offered, in the combo's order */
};

G_DEFINE_FINAL_TYPE (CLAssignCourseDialog, cl_assign_course_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_assign_course_dialog_save (CLAssignCourseDialog *self)
{
  g_autoptr(CLCourseAssignment) assignment = NULL;
  g_autoptr(GError) error = NULL;
  const char *course_id;

  g_return_val_if_fail (CL_IS_ASSIGN_COURSE_DIALOG (self), FALSE);

  cl_form_message_set (self->form_error, NULL);
  course_id = cl_schedule_form_combo_get (self->course);
  if (course_id == NULL)
    {
      cl_form_message_set (self->course_error, _("Choose a course from the catalogue"));
      return FALSE;
    }
  assignment = cl_course_store_assign (self->store, self->patient_id, course_id,
                                       cl_context_get_role (self->context), &error);
  if (assignment == NULL)
    {
      cl_form_message_set (self->course_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (assignment)));
  return TRUE;
}

static void
save_clicked_cb (CLAssignCourseDialog *self)
{
  cl_assign_course_dialog_save (self);
}

static void
cl_assign_course_dialog_finalize (GObject *object)
{
  CLAssignCourseDialog *self = CL_ASSIGN_COURSE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_free (self->patient_id);
  g_strfreev (self->course_ids);
  G_OBJECT_CLASS (cl_assign_course_dialog_parent_class)->finalize (object);
}

static void
cl_assign_course_dialog_class_init (CLAssignCourseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_assign_course_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_assign_course_dialog_init (CLAssignCourseDialog *self)
{
}

/* A course she has open already is not offered again. */
static gboolean
open_for_her (GPtrArray  *hers,
              const char *course_id)
{
  for (guint i = 0; i < hers->len; i++)
    if (g_strcmp0 (cl_course_assignment_get_course_id (g_ptr_array_index (hers, i)), course_id) == 0 &&
        cl_course_assignment_get_completed_at (g_ptr_array_index (hers, i)) == 0)
      return TRUE;
  return FALSE;
}

CLAssignCourseDialog *
cl_assign_course_dialog_new (GtkWindow  *parent,
                             CLContext  *context,
                             const char *patient_id)
{
  CLAssignCourseDialog *self;
  GtkWidget *groups[2] = { adw_preferences_group_new (), NULL };
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) hers = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  self = g_object_new (CL_TYPE_ASSIGN_COURSE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->patient_id = g_strdup (patient_id);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);

  courses = cl_store_courses (self->store, TRUE);
  hers = cl_store_course_assignments_for_patient (self->store, patient_id);
  for (guint i = 0; i < courses->len; i++)
    {
      CLCourse *course = g_ptr_array_index (courses, i);

      if (open_for_her (hers, cl_record_get_id (CL_RECORD (course))))
        continue;
      g_strv_builder_add (ids, cl_record_get_id (CL_RECORD (course)));
      /* Translators: a course offered: its title, stage and length in minutes */
      g_ptr_array_add (labels, g_strdup_printf (_("%s · %s · %d min"), cl_course_get_display_title (course),
                                                cl_course_stage_label (cl_course_get_stage (course)),
                                                cl_course_get_duration_min (course)));
    }
  g_ptr_array_add (labels, NULL);
  self->course_ids = g_strv_builder_end (ids);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (groups[0]),
                                         labels->len > 1
                                         ? _("She gets the course’s link to watch or read; mark it completed when she has.")
                                         : _("No course left to assign. An administrator keeps the Course Catalogue."));
  self->course = cl_schedule_form_combo (ADW_PREFERENCES_GROUP (groups[0]), _("Course"),
                                         (const char * const *) self->course_ids,
                                         (const char * const *) labels->pdata, NULL, NULL, &self->course_error);
  gtk_widget_set_sensitive (GTK_WIDGET (self->course), labels->len > 1);
  self->form_error = cl_schedule_form_build_window (ADW_WINDOW (self), _("Assign Course"), _("_Assign"),
                                                    G_CALLBACK (save_clicked_cb), groups);
  return self;
}

guint
cl_assign_course_dialog_get_n_courses (CLAssignCourseDialog *self)
{
  g_return_val_if_fail (CL_IS_ASSIGN_COURSE_DIALOG (self), 0);
  return g_strv_length (self->course_ids);
}

void
cl_assign_course_dialog_choose (CLAssignCourseDialog *self,
                                const char           *course_id)
{
  g_return_if_fail (CL_IS_ASSIGN_COURSE_DIALOG (self));
  cl_schedule_form_combo_set (self->course, course_id);
}

const char *
cl_assign_course_dialog_get_error (CLAssignCourseDialog *self)
{
  g_return_val_if_fail (CL_IS_ASSIGN_COURSE_DIALOG (self), NULL);
  return cl_form_message_get (self->course_error) ? cl_form_message_get (self->course_error)
                                                   : cl_form_message_get (self->form_error);
}
