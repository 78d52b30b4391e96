#define G_LOG_DOMAIN "cl-assessment-history"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-assessment-history.h"
#include "cl-date.h"
#include "cl-staff.h"
#include "cl-store-nursing.h"
#include "cl-util.h"

struct _CLAssessmentHistory
{
  AdwWindow  parent_instance;

  GString   *text;    /* what the rows say, for tests */
};

G_DEFINE_FINAL_TYPE (CLAssessmentHistory, cl_assessment_history, ADW_TYPE_WINDOW)

char *
cl_assessment_history_name_of (CLStore    *store,
                               const char *staff_id)
{
  g_autoptr(CLRecord) staff = NULL;

  if (cl_str_empty (staff_id))
    return g_strdup ("—");
  staff = cl_store_load_record (store, CL_TYPE_STAFF, staff_id, NULL);
  if (staff && !cl_str_empty (cl_staff_get_display_name (CL_STAFF (staff))))
    return g_strdup (cl_staff_get_display_name (CL_STAFF (staff)));
  return g_strdup (staff_id);
}

static GtkWidget *
add_row (CLAssessmentHistory *self,
         AdwExpanderRow      *expander,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_expander_row_add_row (expander, row);
  g_string_append_printf (self->text, "  %s: %s\n", title, subtitle);
  return row;
}

static GtkWidget *
version_row (CLAssessmentHistory *self,
             CLStore             *store,
             CLNursingAssessment *version,
             CLNursingAssessment *before)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = cl_date_format_time (cl_nursing_assessment_get_recorded_at (version), CL_DATE_FULL, NULL);
  g_autofree char *who = cl_assessment_history_name_of (store, cl_nursing_assessment_get_recorded_by (version));
  g_autofree char *what = NULL;
  g_autofree char *subtitle = NULL;
  g_auto(GStrv) changes = cl_nursing_assessment_changes (before, version);

  /* Translators: a version of her nursing assessment */
  title = g_strdup_printf (_("Version %d"), cl_nursing_assessment_get_version (version));
  if (before == NULL)
    what = g_strdup (_("First assessment"));
  else if (changes[0] == NULL)
    what = g_strdup (_("Nothing changed"));
  else
    {
      g_autofree char *list = g_strjoinv (_(", "), changes);

      /* Translators: the parts of her assessment a version changed */
      what = g_strdup_printf (_("Changed: %s"), list);
    }
  /* Translators: when, by whom, and what a version of her assessment changed */
  subtitle = g_strdup_printf (_("%s · %s · %s"), when, who, what);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  g_string_append_printf (self->text, "%s: %s\n", title, subtitle);

  for (guint i = 0; i < CL_NURSING_N_FIELDS; i++)
    {
      g_autofree char *after = cl_nursing_assessment_field_text (version, i);
      g_autofree char *was = before ? cl_nursing_assessment_field_text (before, i) : NULL;

      if (before == NULL)
        add_row (self, ADW_EXPANDER_ROW (expander), cl_nursing_field_label (i), after);
      else if (g_strcmp0 (was, after) != 0)
        {
          /* Translators: what a part of her assessment said before and after */
          g_autofree char *change = g_strdup_printf (_("%s → %s"), was, after);

          add_row (self, ADW_EXPANDER_ROW (expander), cl_nursing_field_label (i), change);
        }
    }
  return expander;
}

static void
cl_assessment_history_finalize (GObject *object)
{
  g_string_free (CL_ASSESSMENT_HISTORY (object)->text, TRUE);
  G_OBJECT_CLASS (cl_assessment_history_parent_class)->finalize (object);
}

static void
cl_assessment_history_class_init (CLAssessmentHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_assessment_history_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_assessment_history_init (CLAssessmentHistory *self)
{
  self->text = g_string_new (NULL);
}

CLAssessmentHistory *
cl_assessment_history_new (GtkWindow  *parent,
                           CLStore    *store,
                           const char *patient_id)
{
  CLAssessmentHistory *self;
  g_autoptr(GPtrArray) versions = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  self = g_object_new (CL_TYPE_ASSESSMENT_HISTORY, "transient-for", parent, "modal", TRUE, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Nursing Assessment History"));
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 560);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each update is a new version; earlier versions stay as they were recorded."));

  versions = cl_store_nursing_assessments (store, patient_id);
  for (guint i = 0; i < versions->len; i++)
    {
      CLNursingAssessment *version = g_ptr_array_index (versions, i);
      CLNursingAssessment *before = i + 1 < versions->len ? g_ptr_array_index (versions, i + 1) : NULL;
      GtkWidget *row = version_row (self, store, version, before);

      /* The newest open: what changed last is what is asked about. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), i == 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (versions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not assessed yet"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}

char *
cl_assessment_history_get_text (CLAssessmentHistory *self)
{
  g_return_val_if_fail (CL_IS_ASSESSMENT_HISTORY (self), NULL);
  return g_strdup (self->text->str);
}
