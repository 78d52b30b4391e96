#define G_LOG_DOMAIN "cl-courses-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-course-dialog.h"
#include "cl-courses-window.h"
#include "cl-store-events.h"

struct _CLCoursesWindow
{
  AdwWindow   parent_instance;

  GtkListBox *list;

  CLContext  *context;
  GPtrArray  *courses;   /* CLCourse, as listed */
};

G_DEFINE_FINAL_TYPE (CLCoursesWindow, cl_courses_window, ADW_TYPE_WINDOW)

static GtkWidget *
course_row (CLCourse *course,
            gboolean  may_edit)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* Translators: a course's stage, length in minutes and link */
  subtitle = g_strdup_printf (_("%s · %d min · %s"), cl_course_stage_label (cl_course_get_stage (course)),
                              cl_course_get_duration_min (course),
                              cl_course_get_link (course) ? cl_course_get_link (course) : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_course_get_display_title (course));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!cl_course_get_active (course))
    {
      GtkWidget *label = gtk_label_new (_("Not offered"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (may_edit)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  return row;
}

void
cl_courses_window_reload (CLCoursesWindow *self)
{
  CLStore *store = cl_context_get_store (self->context);
  gboolean may_edit = store && cl_context_may (self->context, CL_WRITE, "course");
  GtkWidget *child;

  g_return_if_fail (CL_IS_COURSES_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "courses.new", may_edit);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->courses, g_ptr_array_unref);
  if (store == NULL)
    return;
  self->courses = cl_store_courses (store, FALSE);
  for (guint i = 0; i < self->courses->len; i++)
    gtk_list_box_append (self->list, course_row (g_ptr_array_index (self->courses, i), may_edit));
  if (self->courses->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No course in the catalogue yet"));
      gtk_list_box_append (self->list, row);
    }
}

static void
open_dialog (CLCoursesWindow *self,
             CLCourse        *course)
{
  CLCourseDialog *dialog = cl_course_dialog_new (GTK_WINDOW (self), self->context, course);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_courses_window_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated_cb (CLCoursesWindow *self,
                  GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->courses && index >= 0 && (guint) index < self->courses->len &&
      cl_context_may (self->context, CL_WRITE, "course"))
    open_dialog (self, g_ptr_array_index (self->courses, index));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_dialog (CL_COURSES_WINDOW (widget), NULL);
}

static void
cl_courses_window_dispose (GObject *object)
{
  CLCoursesWindow *self = CL_COURSES_WINDOW (object);

  g_clear_pointer (&self->courses, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_courses_window_parent_class)->dispose (object);
}

static void
cl_courses_window_class_init (CLCoursesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_courses_window_dispose;
  gtk_widget_class_install_action (widget_class, "courses.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "courses.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_courses_window_init (CLCoursesWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_New Course…"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Course Catalogue"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "courses.new");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), add);
  gtk_box_append (GTK_BOX (box), header);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Courses a case manager assigns to a patient, by stage. "
                                           "Only an administrator changes the catalogue."));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Courses"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

CLCoursesWindow *
cl_courses_window_new (GtkWindow *parent,
                       CLContext *context)
{
  CLCoursesWindow *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_COURSES_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::role", G_CALLBACK (cl_courses_window_reload), self, G_CONNECT_SWAPPED);
  cl_courses_window_reload (self);
  return self;
}

guint
cl_courses_window_get_n_courses (CLCoursesWindow *self)
{
  g_return_val_if_fail (CL_IS_COURSES_WINDOW (self), 0);
  return self->courses ? self->courses->len : 0;
}
