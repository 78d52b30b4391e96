#define G_LOG_DOMAIN "cl-duty-post-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-duty-post-dialog.h"
#include "cl-duty-store.h"
#include "cl-form-message.h"

enum {
  F_NAME, F_NAME_EN, F_MORNING_OPENS, F_MORNING_CLOSES, F_AFTERNOON_OPENS, F_AFTERNOON_CLOSES, F_ALL_DAY,
  F_HEADCOUNT, F_ACTIVE, N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  "name", "name_en", "morning_opens", "morning_closes", "afternoon_opens", "afternoon_closes", "all_day",
  "headcount", "active",
};

struct _CLDutyPostDialog
{
  AdwWindow    parent_instance;

  AdwEntryRow *name_row;
  AdwEntryRow *name_en_row;
  AdwEntryRow *times[4];     /* morning opens, closes, afternoon opens, closes */
  GtkSwitch   *all_day;
  AdwEntryRow *headcount_row;
  GtkSwitch   *active;
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;

  CLContext   *context;
  CLDutyPost  *post;
};

G_DEFINE_FINAL_TYPE (CLDutyPostDialog, cl_duty_post_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
blank (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (text_of (row)));

  return *text == '\0';
}

static void
set_time (AdwEntryRow *row,
          gint         minutes)
{
  g_autofree char *text = minutes == 24 * 60 ? g_strdup ("24:00") : cl_duty_format_minutes (minutes);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

gboolean
cl_duty_post_dialog_save (CLDutyPostDialog *self)
{
  g_autoptr(CLDutyPost) post = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *name_en = NULL, *count = NULL;
  gint minutes[4] = { 0, 0, 0, 0 };
  gboolean no_afternoon, bad = FALSE;
  char *end = NULL;
  gint64 headcount;

  g_return_val_if_fail (CL_IS_DUTY_POST_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  no_afternoon = blank (self->times[2]) && blank (self->times[3]);
  for (guint i = 0; i < 4; i++)
    if (!(i >= 2 && no_afternoon) && !cl_duty_parse_minutes (text_of (self->times[i]), &minutes[i]))
      {
        cl_form_message_set (self->errors[F_MORNING_OPENS + i], _("Enter the time as HH:MM"));
        bad = TRUE;
      }
  count = g_strstrip (g_strdup (text_of (self->headcount_row)));
  headcount = g_ascii_strtoll (count, &end, 10);
  if (*count == '\0' || *end != '\0')
    {
      cl_form_message_set (self->errors[F_HEADCOUNT], _("Enter how many people the post needs a day, from 1 to 50"));
      bad = TRUE;
    }
  if (bad)
    return FALSE;

  post = self->post ? CL_DUTY_POST (cl_record_dup (CL_RECORD (self->post))) : cl_duty_post_new ();
  name = g_strstrip (g_strdup (text_of (self->name_row)));
  name_en = g_strstrip (g_strdup (text_of (self->name_en_row)));
  cl_duty_post_set_name (post, name);
  cl_duty_post_set_name_en (post, name_en);
  cl_duty_post_set_morning_opens (post, minutes[0]);
  cl_duty_post_set_morning_closes (post, minutes[1]);
  cl_duty_post_set_afternoon_opens (post, minutes[2]);
  cl_duty_post_set_afternoon_closes (post, minutes[3]);
  cl_duty_post_set_all_day (post, gtk_switch_get_active (self->all_day));
  cl_duty_post_set_headcount (post, (gint) CLAMP (headcount, -1, CL_DUTY_POST_MAX_HEADCOUNT + 1));
  cl_duty_post_set_active (post, gtk_switch_get_active (self->active));
  if (!cl_duty_store_save_post (cl_context_get_store (self->context), post, cl_context_get_role (self->context),
                                &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (post)));
  return TRUE;
}

static void
save_clicked_cb (CLDutyPostDialog *self)
{
  cl_duty_post_dialog_save (self);
}

static void
cl_duty_post_dialog_finalize (GObject *object)
{
  CLDutyPostDialog *self = CL_DUTY_POST_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->post);
  G_OBJECT_CLASS (cl_duty_post_dialog_parent_class)->finalize (object);
}

static void
cl_duty_post_dialog_class_init (CLDutyPostDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_duty_post_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_duty_post_dialog_init (CLDutyPostDialog *self)
{
  GtkWidget *names = adw_preferences_group_new ();
  GtkWidget *hours = adw_preferences_group_new ();
  GtkWidget *staffing = adw_preferences_group_new ();
  GtkWidget *groups[] = { names, hours, staffing, NULL };
  const char *time_titles[4] = {
    _("Morning opens (HH:MM)"), _("Morning closes"), _("Afternoon opens (empty: none)"), _("Afternoon closes"),
  };

  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  self->name_row = cl_form_entry_row_add (names, _("Post name"), &self->errors[F_NAME]);
  cl_form_row_set_required (GTK_WIDGET (self->name_row));
  self->name_en_row = cl_form_entry_row_add (names, _("Name in English"), &self->errors[F_NAME_EN]);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (hours), _("Opening Hours"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (hours),
                                         _("The early shift starts and the late shift ends by the Service Desk "
                                           "Settings’ minutes around these hours."));
  for (guint i = 0; i < 4; i++)
    self->times[i] = cl_form_entry_row_add (hours, time_titles[i], &self->errors[F_MORNING_OPENS + i]);
  self->all_day = cl_form_switch_row_add (hours, _("Open 24 hours (the night shift covers the rest)"));
  self->headcount_row = cl_form_entry_row_add (staffing, _("People needed a day"), &self->errors[F_HEADCOUNT]);
  cl_form_row_set_required (GTK_WIDGET (self->headcount_row));
  self->active = cl_form_switch_row_add (staffing, _("Staffed (off: given up, kept for past weeks)"));
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save Post"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_SCROLLED_NATURAL, 12, groups);
}

CLDutyPostDialog *
cl_duty_post_dialog_new (GtkWindow  *parent,
                         CLContext  *context,
                         CLDutyPost *post)
{
  CLDutyPostDialog *self;
  g_autoptr(CLDutyPost) shown = NULL;
  g_autofree char *count = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_DUTY_POST_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  self->post = post ? g_object_ref (post) : NULL;
  gtk_window_set_title (GTK_WINDOW (self), post ? _("Edit Post") : _("New Post"));
  shown = post ? g_object_ref (post) : cl_duty_post_new ();
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cl_duty_post_get_name (shown) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_row), cl_duty_post_get_name_en (shown) ?: "");
  set_time (self->times[0], cl_duty_post_get_morning_opens (shown));
  set_time (self->times[1], cl_duty_post_get_morning_closes (shown));
  if (cl_duty_post_has_afternoon (shown))
    {
      set_time (self->times[2], cl_duty_post_get_afternoon_opens (shown));
      set_time (self->times[3], cl_duty_post_get_afternoon_closes (shown));
    }
  gtk_switch_set_active (self->all_day, cl_duty_post_get_all_day (shown));
  count = g_strdup_printf ("%d", cl_duty_post_get_headcount (shown));
  gtk_editable_set_text (GTK_EDITABLE (self->headcount_row), count);
  gtk_switch_set_active (self->active, cl_duty_post_get_active (shown));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

GtkWidget *
cl_duty_post_dialog_get_field (CLDutyPostDialog *self,
                               const char       *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_en_row), GTK_WIDGET (self->times[0]),
    GTK_WIDGET (self->times[1]), GTK_WIDGET (self->times[2]), GTK_WIDGET (self->times[3]),
    GTK_WIDGET (self->all_day), GTK_WIDGET (self->headcount_row), GTK_WIDGET (self->active),
  };
  int i;

  g_return_val_if_fail (CL_IS_DUTY_POST_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_duty_post_dialog_get_error (CLDutyPostDialog *self,
                               const char       *field)
{
  g_return_val_if_fail (CL_IS_DUTY_POST_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
