#define G_LOG_DOMAIN "cl-course-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-course-dialog.h"
#include "cl-course-store.h"
#include "cl-form-message.h"
#include "cl-schedule-form.h"
#include "cl-validation.h"

enum { F_TITLE, F_TITLE_EN, F_STAGE, F_DURATION, F_LINK, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "title", "title_en", "stage", "duration_min", "link" };

struct _CLCourseDialog
{
  AdwWindow    parent_instance;

  AdwEntryRow *rows[N_FIELDS];   /* F_STAGE's is NULL */
  AdwComboRow *stage;
  GtkSwitch   *active;
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;

  CLStore     *store;
  CLContext   *context;
  CLCourse    *course;   /* the one edited, or NULL */
};

G_DEFINE_FINAL_TYPE (CLCourseDialog, cl_course_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_course_dialog_save (CLCourseDialog *self)
{
  g_autoptr(CLCourse) course = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *title_en = NULL;
  g_autofree char *link = NULL;
  int minutes = 0;

  g_return_val_if_fail (CL_IS_COURSE_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  if (!cl_form_message_check (self->errors[F_DURATION],
                              cl_validation_parse_int (gtk_editable_get_text (GTK_EDITABLE (self->rows[F_DURATION])),
                                                       1, CL_COURSE_MAX_MINUTES, &minutes, &error), &error))
    return FALSE;

  course = self->course ? CL_COURSE (cl_record_dup (CL_RECORD (self->course))) : cl_course_new ();
  title = cl_schedule_form_text (self->rows[F_TITLE]);
  title_en = cl_schedule_form_text (self->rows[F_TITLE_EN]);
  link = cl_schedule_form_text (self->rows[F_LINK]);
  cl_course_set_title (course, title);
  cl_course_set_title_en (course, title_en);
  cl_course_set_stage (course, cl_schedule_form_combo_get (self->stage));
  cl_course_set_duration_min (course, minutes);
  cl_course_set_link (course, link);
  cl_course_set_active (course, gtk_switch_get_active (self->active));
  if (!cl_course_store_save (self->store, course, cl_context_get_role (self->context), &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (course)));
  return TRUE;
}

static void
save_clicked_cb (CLCourseDialog *self)
{
  cl_course_dialog_save (self);
}

static void
cl_course_dialog_finalize (GObject *object)
{
  CLCourseDialog *self = CL_COURSE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->course);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_course_dialog_parent_class)->finalize (object);
}

static void
cl_course_dialog_class_init (CLCourseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_course_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_course_dialog_init (CLCourseDialog *self)
{
}

CLCourseDialog *
cl_course_dialog_new (GtkWindow *parent,
                      CLContext *context,
                      CLCourse  *course)
{
  const char *titles[N_FIELDS] = {
    _("Title (Chinese)"), _("Title (English, optional)"), NULL, _("Length (minutes)"), _("Link"),
  };
  CLCourseDialog *self;
  GtkWidget *groups[2] = { adw_preferences_group_new (), NULL };
  g_autofree char *minutes = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_COURSE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->course = course ? g_object_ref (course) : NULL;
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (groups[0]), cl_form_required_note ());
  for (guint i = 0; i < N_FIELDS; i++)
    if (i == F_STAGE)
      self->stage = cl_schedule_form_combo (ADW_PREFERENCES_GROUP (groups[0]), _("Stage"), cl_course_stages (), NULL,
                                            cl_course_stage_label, NULL, &self->errors[F_STAGE]);
    else
      self->rows[i] = cl_form_entry_row_add (groups[0], titles[i], &self->errors[i]);
  self->active = cl_form_switch_row_add (groups[0], _("Offered"));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_TITLE]));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_DURATION]));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_LINK]));
  gtk_widget_add_css_class (GTK_WIDGET (self->rows[F_DURATION]), "numeric");
  self->form_error = cl_schedule_form_build_window (ADW_WINDOW (self), course ? _("Edit Course") : _("New Course"),
                                                    _("_Save"), G_CALLBACK (save_clicked_cb), groups);

  if (course)
    {
      cl_schedule_form_combo_set (self->stage, cl_course_get_stage (course));
      gtk_editable_set_text (GTK_EDITABLE (self->rows[F_TITLE]), cl_course_get_title (course) ? cl_course_get_title (course) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->rows[F_TITLE_EN]),
                             cl_course_get_title_en (course) ? cl_course_get_title_en (course) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->rows[F_LINK]), cl_course_get_link (course) ? cl_course_get_link (course) : "");
      minutes = g_strdup_printf ("%d", cl_course_get_duration_min (course));
      gtk_editable_set_text (GTK_EDITABLE (self->rows[F_DURATION]), minutes);
    }
  gtk_switch_set_active (self->active, course ? cl_course_get_active (course) : TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->rows[F_TITLE]));
  return self;
}

GtkWidget *
cl_course_dialog_get_field (CLCourseDialog *self,
                            const char     *field)
{
  int i;

  g_return_val_if_fail (CL_IS_COURSE_DIALOG (self), NULL);

  if (g_strcmp0 (field, "active") == 0)
    return GTK_WIDGET (self->active);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  if (i == F_STAGE)
    return GTK_WIDGET (self->stage);
  return i < 0 ? NULL : GTK_WIDGET (self->rows[i]);
}

const char *
cl_course_dialog_get_error (CLCourseDialog *self,
                            const char     *field)
{
  g_return_val_if_fail (CL_IS_COURSE_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
