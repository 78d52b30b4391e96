#define G_LOG_DOMAIN "cl-course-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-assign-course-dialog.h"
#include "cl-course-list.h"
#include "cl-course-store.h"
#include "cl-date.h"
#include "cl-store-events.h"

struct _CLCourseList
{
  CLPatientSection     parent_instance;

  /* template widgets */
  AdwPreferencesGroup *group;
  GtkListBox          *list;

  guint                n_assigned;
  guint                n_completed;
};

G_DEFINE_FINAL_TYPE (CLCourseList, cl_course_list, CL_TYPE_PATIENT_SECTION)

static GtkWidget *
assignment_row (CLCourseAssignment *assignment,
                CLCourse           *course,
                gboolean            may_write)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *assigned = cl_date_format_time (cl_course_assignment_get_assigned_at (assignment),
                                                   CL_DATE_SHORT, NULL);
  g_autofree char *subtitle = NULL;
  gint64 completed_at = cl_course_assignment_get_completed_at (assignment);

  if (completed_at)
    {
      g_autofree char *completed = cl_date_format_time (completed_at, CL_DATE_FULL, NULL);

      /* Translators: a course's stage, length, and when she completed it */
      subtitle = g_strdup_printf (_("%s · %d min · completed %s"),
                                  course ? cl_course_stage_label (cl_course_get_stage (course)) : "",
                                  course ? cl_course_get_duration_min (course) : 0, completed);
    }
  else
    /* Translators: a course's stage, length, and when it was assigned to her */
    subtitle = g_strdup_printf (_("%s · %d min · assigned %s"),
                                course ? cl_course_stage_label (cl_course_get_stage (course)) : "",
                                course ? cl_course_get_duration_min (course) : 0, assigned);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 course ? cl_course_get_display_title (course) : _("A course no longer in the catalogue"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (course && cl_course_get_link (course) && *cl_course_get_link (course))
    {
      GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      /* To paste into the message she gets (WeChat, SMS). */
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, _("Copy the Course’s Link"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Copy the Course’s Link"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "patient-courses.copy-link");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", cl_course_get_link (course));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
    }
  if (completed_at)
    {
      GtkWidget *done = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (done, "success");
      gtk_widget_set_tooltip_text (done, _("Completed"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Completed"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
    }
  else
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Mark Completed"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, may_write);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "patient-courses.complete");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", cl_record_get_id (CL_RECORD (assignment)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

void
cl_course_list_reload (CLCourseList *self)
{
  CLContext *context = cl_patient_section_get_context (CL_PATIENT_SECTION (self));
  CLStore *store = cl_patient_section_get_store (CL_PATIENT_SECTION (self));
  const char *patient_id = cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self));
  g_autoptr(GPtrArray) assignments = NULL;
  gboolean may_write;
  GtkWidget *child;

  g_return_if_fail (CL_IS_COURSE_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  self->n_assigned = self->n_completed = 0;
  may_write = store && patient_id && cl_context_may (context, CL_WRITE, "course_assignment");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient-courses.assign", may_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient-courses.complete", may_write);
  gtk_widget_set_visible (GTK_WIDGET (self), context && cl_context_may (context, CL_READ, "course_assignment"));
  if (store == NULL || patient_id == NULL)
    return;

  assignments = cl_store_course_assignments_for_patient (store, patient_id);
  for (guint i = 0; i < assignments->len; i++)
    {
      CLCourseAssignment *assignment = g_ptr_array_index (assignments, i);
      g_autoptr(CLRecord) course = cl_store_load_record (store, CL_TYPE_COURSE,
                                                         cl_course_assignment_get_course_id (assignment), NULL);

      gtk_list_box_append (self->list, assignment_row (assignment, course ? CL_COURSE (course) : NULL, may_write));
      self->n_completed += cl_course_assignment_get_completed_at (assignment) != 0;
    }
  self->n_assigned = assignments->len;
  if (assignments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No course assigned yet"));
      gtk_list_box_append (self->list, row);
    }
}

guint
cl_course_list_get_n_assigned (CLCourseList *self)
{
  g_return_val_if_fail (CL_IS_COURSE_LIST (self), 0);
  return self->n_assigned;
}

guint
cl_course_list_get_n_completed (CLCourseList *self)
{
  g_return_val_if_fail (CL_IS_COURSE_LIST (self), 0);
  return self->n_completed;
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CLCourseList *self = CL_COURSE_LIST (widget);
  CLAssignCourseDialog *dialog;

  dialog = cl_assign_course_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                        cl_patient_section_get_context (CL_PATIENT_SECTION (self)),
                                        cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self)));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_course_list_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
complete_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CLCourseList *self = CL_COURSE_LIST (widget);
  CLStore *store = cl_patient_section_get_store (CL_PATIENT_SECTION (self));
  CLContext *context = cl_patient_section_get_context (CL_PATIENT_SECTION (self));
  g_autoptr(CLRecord) assignment = cl_store_load_record (store, CL_TYPE_COURSE_ASSIGNMENT,
                                                         g_variant_get_string (param, NULL), NULL);
  g_autoptr(GError) error = NULL;

  if (assignment &&
      !cl_course_store_complete (store, CL_COURSE_ASSIGNMENT (assignment),
                                 cl_context_get_role (context), &error))
    g_warning ("Course not marked completed: %s", error->message);
  cl_course_list_reload (self);
}

static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (param, NULL));
}

static void
cl_course_list_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CL_TYPE_COURSE_LIST);
  G_OBJECT_CLASS (cl_course_list_parent_class)->dispose (object);
}

static void
cl_course_list_class_init (CLCourseListClass *klass)
{
  static const char * const tables[] = { "course", "course_assignment", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CLPatientSectionClass *section_class = CL_PATIENT_SECTION_CLASS (klass);

  object_class->dispose = cl_course_list_dispose;
  section_class->reload = (void (*) (CLPatientSection *)) cl_course_list_reload;
  /* Health Events, the catalogue or a pull may change what she has. */
  section_class->tables = tables;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/followup/cl-course-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CLCourseList, group);
  gtk_widget_class_bind_template_child (widget_class, CLCourseList, list);
  gtk_widget_class_install_action (widget_class, "patient-courses.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "patient-courses.complete", "s", complete_action);
  gtk_widget_class_install_action (widget_class, "patient-courses.copy-link", "s", copy_link_action);
}

static void
cl_course_list_init (CLCourseList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient-courses.assign", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient-courses.complete", FALSE);
}
