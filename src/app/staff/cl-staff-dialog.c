/* cl-staff-dialog.c
 *
 * One member of staff (cl-staff-dialog.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-staff-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cl-form-message.h"
#include "cl-staff-dialog.h"
#include "cl-date.h"
#include "cl-staff-login-group.h"
#include "cl-staff-quals.h"
#include "cl-staff-store.h"

enum { F_NAME, F_USERNAME, F_PHONE, F_ACTIVE, F_ROLES, F_HOURS, F_EDUCATION, F_LICENCE_NUMBER,
       F_LICENCE_EXPIRES, F_CPR_DATE, F_LANGUAGES, N_FIELDS };

/* The keys core's field errors use (property or column names). */
static const char * const field_keys[N_FIELDS] = {
  "display-name", "username", "phone", "active", "roles", "hours",
  "education", "licence_number", "licence_expires", "cpr_date", "languages",
};

#define N_LANGUAGES 5

struct _CLStaffDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwEntryRow *name_row;
  AdwEntryRow *username_row;
  AdwEntryRow *phone_row;
  GtkWidget   *active_row;
  GtkSwitch   *active_switch;
  GtkWidget   *roles_group;
  GtkWidget   *hours_group;
  GtkLabel    *form_message;
  GtkWidget   *quals_group;
  AdwComboRow *education_row;
  AdwEntryRow *licence_number_row;
  AdwEntryRow *licence_expires_row;
  AdwEntryRow *cpr_date_row;
  GtkWidget   *languages_group;

  GtkCheckButton *language_checks[N_LANGUAGES];

  GtkCheckButton *role_checks[6];
  GtkSwitch      *works[7];
  GtkEntry       *opens[7];
  GtkEntry       *closes[7];
  /* Core says "hours"; the message goes under the day that is wrong,
   * so messages[F_HOURS] stays NULL. */
  GtkLabel       *day_messages[7];
  GtkLabel       *messages[N_FIELDS];

  CLContext *context;
  CLStaff   *staff;       /* the copy being edited */
  CLStaffLoginGroup *login_group;  /* borrowed: a child */
};

G_DEFINE_FINAL_TYPE (CLStaffDialog, cl_staff_dialog, ADW_TYPE_WINDOW)

static guint saved_signal;

static char *
format_minutes (gint minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* "HH:MM" (or "H:MM") → minutes after midnight; FALSE if it is not a
 * time of day. */
static gboolean
parse_minutes (const char *text,
               gint       *minutes)
{
  guint h, m;
  char end;

  if (sscanf (text, "%u:%u%c", &h, &m, &end) != 2 || h > 24 || m > 59 || (h == 24 && m > 0))
    return FALSE;
  *minutes = (gint) (h * 60 + m);
  return TRUE;
}

static void
clear_messages (CLStaffDialog *self)
{
  cl_form_messages_clear (self->messages, N_FIELDS, self->form_message);
  cl_form_messages_clear (self->day_messages, 7, NULL);
}

/* For a few frames, while the message row takes its place: scrolls
 * to the end of the form.  The hours are its last group and fit in
 * the window whole, with the message; focus alone scrolls only as far
 * as the focused entry, leaving the message under it out of sight. */
static gboolean
reveal_tick_cb (GtkWidget     *scrolled,
                GdkFrameClock *clock,
                gpointer       data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  guint frames = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (scrolled), "cl-reveal-frames"));

  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  g_object_set_data (G_OBJECT (scrolled), "cl-reveal-frames", GUINT_TO_POINTER (frames + 1));
  if (frames + 1 < 5)
    return G_SOURCE_CONTINUE;
  g_object_set_data (G_OBJECT (scrolled), "cl-reveal-frames", NULL);
  return G_SOURCE_REMOVE;
}

/* Shows @message under @day's row; with @focus takes the keyboard
 * there and scrolls the message into view (the hours are at the
 * bottom). */
static void
show_day_message (CLStaffDialog *self,
                  guint          day,
                  const char    *message,
                  gboolean       focus)
{
  GtkWidget *scrolled;

  cl_form_message_set (self->day_messages[day], message);
  if (!focus)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->closes[day]));
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->day_messages[day]), GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled)
    gtk_widget_add_tick_callback (scrolled, reveal_tick_cb, NULL, NULL);
}

static void
works_changed_cb (GtkSwitch  *works,
                  GParamSpec *pspec,
                  CLStaffDialog *self)
{
  for (guint i = 0; i < 7; i++)
    if (self->works[i] == works)
      {
        gtk_widget_set_sensitive (GTK_WIDGET (self->opens[i]), gtk_switch_get_active (works));
        gtk_widget_set_sensitive (GTK_WIDGET (self->closes[i]), gtk_switch_get_active (works));
        cl_form_message_set (self->day_messages[i], NULL);
      }
}

static GtkEntry *
time_entry (const char *accessible_name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 5);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return GTK_ENTRY (entry);
}

/* Education's choices, the languages' checks and the CPR rule, from
 * core's lists and its validity constant. */
static void
build_qual_rows (CLStaffDialog *self)
{
  const char * const *educations = cl_staff_educations ();
  const char * const *languages = cl_staff_language_codes ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *cpr = NULL;
  GtkWidget *last = NULL;

  gtk_string_list_append (labels, _("Not recorded"));
  for (guint i = 0; educations[i]; i++)
    gtk_string_list_append (labels, cl_staff_education_label (educations[i]));
  adw_combo_row_set_model (self->education_row, G_LIST_MODEL (labels));

  cpr = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "A CPR certificate is valid %d year from its date. The Staff window warns %d days before a licence or certificate expires.",
                                      "A CPR certificate is valid %d years from its date. The Staff window warns %d days before a licence or certificate expires.",
                                      CL_STAFF_CPR_VALID_YEARS),
                         CL_STAFF_CPR_VALID_YEARS, CL_STAFF_EXPIRY_WARN_DAYS);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->quals_group), cpr);

  g_assert (g_strv_length ((GStrv) languages) == N_LANGUAGES);
  for (guint i = 0; languages[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_staff_language_label (languages[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->languages_group), row);
      self->language_checks[i] = GTK_CHECK_BUTTON (check);
      last = row;
    }
  self->messages[F_EDUCATION] = cl_form_message_attach (GTK_WIDGET (self->education_row));
  self->messages[F_LICENCE_NUMBER] = cl_form_message_attach (GTK_WIDGET (self->licence_number_row));
  self->messages[F_LICENCE_EXPIRES] = cl_form_message_attach (GTK_WIDGET (self->licence_expires_row));
  self->messages[F_CPR_DATE] = cl_form_message_attach (GTK_WIDGET (self->cpr_date_row));
  self->messages[F_LANGUAGES] = cl_form_message_attach (last);
  cl_form_message_clear_on (self->licence_number_row, "text", self->messages[F_LICENCE_NUMBER]);
  cl_form_message_clear_on (self->licence_expires_row, "text", self->messages[F_LICENCE_EXPIRES]);
  cl_form_message_clear_on (self->cpr_date_row, "text", self->messages[F_CPR_DATE]);
}

static void
fill_quals (CLStaffDialog *self)
{
  const char * const *educations = cl_staff_educations ();
  const char * const *languages = cl_staff_language_codes ();
  const char *education = cl_staff_get_education (self->staff);
  const char *spoken = cl_staff_get_languages (self->staff);
  g_auto(GStrv) codes = g_strsplit (spoken ? spoken : "", " ", -1);
  const char *text;
  guint selected = 0;

  for (guint i = 0; education && educations[i]; i++)
    if (g_str_equal (educations[i], education))
      selected = i + 1;
  adw_combo_row_set_selected (self->education_row, selected);
  text = cl_staff_get_licence_number (self->staff);
  gtk_editable_set_text (GTK_EDITABLE (self->licence_number_row), text ? text : "");
  text = cl_staff_get_licence_expires (self->staff);
  gtk_editable_set_text (GTK_EDITABLE (self->licence_expires_row), text ? text : "");
  text = cl_staff_get_cpr_date (self->staff);
  gtk_editable_set_text (GTK_EDITABLE (self->cpr_date_row), text ? text : "");
  for (guint i = 0; languages[i]; i++)
    gtk_check_button_set_active (self->language_checks[i],
                                 g_strv_contains ((const char * const *) codes, languages[i]));
}

/* A date typed at @row in any form cl_date_parse() takes, into @iso
 * (NULL when empty); FALSE with the message at the field. */
static gboolean
read_date (CLStaffDialog *self,
           AdwEntryRow   *row,
           guint          field,
           char         **iso)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  GDate date;

  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  if (!cl_date_parse (text, &date, &error))
    {
      cl_form_message_set (self->messages[field], error->message);
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return FALSE;
    }
  *iso = cl_date_to_iso (&date);
  return TRUE;
}

/* The qualifications into @copy; FALSE, with the message at the
 * field, for a date that is not one. */
static gboolean
read_quals (CLStaffDialog *self,
            CLStaff       *copy)
{
  const char * const *educations = cl_staff_educations ();
  const char * const *languages = cl_staff_language_codes ();
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->licence_number_row))));
  g_autofree char *expires = NULL;
  g_autofree char *cpr = NULL;
  g_autoptr(GString) spoken = g_string_new (NULL);
  guint education = adw_combo_row_get_selected (self->education_row);

  if (!read_date (self, self->licence_expires_row, F_LICENCE_EXPIRES, &expires) ||
      !read_date (self, self->cpr_date_row, F_CPR_DATE, &cpr))
    return FALSE;
  for (guint i = 0; languages[i]; i++)
    if (gtk_check_button_get_active (self->language_checks[i]))
      g_string_append_printf (spoken, "%s%s", spoken->len ? " " : "", languages[i]);
  g_object_set (copy,
                "education", education > 0 && education != GTK_INVALID_LIST_POSITION ? educations[education - 1] : NULL,
                "licence-number", *number ? number : NULL,
                "licence-expires", expires,
                "cpr-date", cpr,
                "languages", spoken->len ? spoken->str : NULL,
                NULL);
  return TRUE;
}

/* The six roles and seven days, rows of their own made here: the
 * template holds their groups. */
static void
build_rows (CLStaffDialog *self)
{
  const char * const *roles = cl_staff_roles ();
  GtkWidget *last_role = NULL;

  for (guint i = 0; roles[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_staff_role_label (roles[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->roles_group), row);
      self->role_checks[i] = GTK_CHECK_BUTTON (check);
      last_role = row;
    }

  for (guint i = 0; i < 7; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dash = gtk_label_new ("–");
      GtkWidget *works = gtk_switch_new ();
      char name[64];
      GDate date;

      /* 2024-01-01 was a Monday. */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1 + i, G_DATE_JANUARY, 2024);
      g_date_strftime (name, sizeof name, "%A", &date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      self->opens[i] = time_entry (_("Starts"));
      self->closes[i] = time_entry (_("Ends"));
      gtk_widget_set_valign (works, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (works, _("Works on this day"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->opens[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dash);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->closes[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), works);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->hours_group), row);
      self->works[i] = GTK_SWITCH (works);
      g_signal_connect (works, "notify::active", G_CALLBACK (works_changed_cb), self);
      self->day_messages[i] = cl_form_message_attach (row);
      cl_form_message_clear_on (self->opens[i], "text", self->day_messages[i]);
      cl_form_message_clear_on (self->closes[i], "text", self->day_messages[i]);
    }

  build_qual_rows (self);
  self->messages[F_ROLES] = cl_form_message_attach (last_role);
  for (guint i = 0; roles[i]; i++)
    cl_form_message_clear_on (self->role_checks[i], "active", self->messages[F_ROLES]);
}

static void
fill (CLStaffDialog *self)
{
  const char * const *roles = cl_staff_roles ();
  g_autofree char *name = NULL;
  const char *text;

  g_object_get (self->staff, "display-name", &name, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  text = cl_staff_get_username (self->staff);
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), text ? text : "");
  text = cl_staff_get_phone (self->staff);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), text ? text : "");
  gtk_switch_set_active (self->active_switch, cl_staff_get_active (self->staff));
  for (guint i = 0; roles[i]; i++)
    gtk_check_button_set_active (self->role_checks[i], cl_staff_has_role (self->staff, roles[i]));
  for (guint i = 0; i < 7; i++)
    {
      gint opens, closes;
      gboolean works = cl_staff_get_day_hours (self->staff, G_DATE_MONDAY + i, &opens, &closes);
      g_autofree char *from = format_minutes (works ? opens : CL_STAFF_DAY_OPENS);
      g_autofree char *to = format_minutes (works ? closes : CL_STAFF_DAY_CLOSES);

      gtk_editable_set_text (GTK_EDITABLE (self->opens[i]), from);
      gtk_editable_set_text (GTK_EDITABLE (self->closes[i]), to);
      gtk_switch_set_active (self->works[i], works);
      gtk_widget_set_sensitive (GTK_WIDGET (self->opens[i]), works);
      gtk_widget_set_sensitive (GTK_WIDGET (self->closes[i]), works);
    }
  fill_quals (self);
  clear_messages (self);
}

static char *
stripped_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

gboolean
cl_staff_dialog_save (CLStaffDialog *self)
{
  const char * const *roles = cl_staff_roles ();
  g_autoptr(CLStaff) copy = NULL;
  g_autoptr(GStrvBuilder) held = g_strv_builder_new ();
  g_auto(GStrv) role_list = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *username = stripped_text (self->username_row);
  g_autofree char *phone = stripped_text (self->phone_row);
  guint bad_day = 0;
  gboolean found_bad = FALSE;

  g_return_val_if_fail (CL_IS_STAFF_DIALOG (self), FALSE);

  clear_messages (self);
  /* Checked on a copy: a refused save leaves the person as stored. */
  copy = CL_STAFF (cl_record_dup (CL_RECORD (self->staff)));
  g_object_set (copy,
                "display-name", name,
                "username", username,
                "phone", *phone ? phone : NULL,
                NULL);
  cl_staff_set_active (copy, gtk_switch_get_active (self->active_switch));
  for (guint i = 0; roles[i]; i++)
    if (gtk_check_button_get_active (self->role_checks[i]))
      g_strv_builder_add (held, roles[i]);
  role_list = g_strv_builder_end (held);
  cl_staff_set_roles (copy, (const char * const *) role_list);
  if (!read_quals (self, copy))
    return FALSE;

  for (guint i = 0; i < 7; i++)
    {
      gint opens, closes;

      if (!gtk_switch_get_active (self->works[i]))
        {
          cl_staff_set_day_hours (copy, G_DATE_MONDAY + i, -1, -1);
          continue;
        }
      if (!parse_minutes (gtk_editable_get_text (GTK_EDITABLE (self->opens[i])), &opens) ||
          !parse_minutes (gtk_editable_get_text (GTK_EDITABLE (self->closes[i])), &closes))
        {
          show_day_message (self, i, _("Enter the times as HH:MM, such as 07:30"), TRUE);
          return FALSE;
        }
      if (closes <= opens && !found_bad)
        {
          bad_day = i;
          found_bad = TRUE;
        }
      cl_staff_set_day_hours (copy, G_DATE_MONDAY + i, opens, closes);
    }

  if (!cl_staff_store_save (cl_context_get_store (self->context), copy,
                            cl_context_get_role (self->context), &field_errors, &error))
    {
      const char *hours = field_errors ? g_hash_table_lookup (field_errors, "hours") : NULL;

      guint placed = cl_form_show_field_errors (field_errors, field_keys, self->messages, N_FIELDS);

      /* The fields above come first: the keyboard goes to the hours
       * only when nothing else is wrong. */
      if (hours)
        show_day_message (self, bad_day, hours, placed == 0);
      else if (placed == 0)
        cl_form_message_set (self->form_message, error->message);
      return FALSE;
    }

  cl_record_assign (CL_RECORD (self->staff), CL_RECORD (copy));
  cl_form_dialog_saved (GTK_WINDOW (self), saved_signal, cl_record_get_id (CL_RECORD (copy)));
  return TRUE;
}

static void
on_save_clicked_cb (CLStaffDialog *self)
{
  cl_staff_dialog_save (self);
}

static void
cl_staff_dialog_finalize (GObject *object)
{
  CLStaffDialog *self = CL_STAFF_DIALOG (object);

  g_clear_object (&self->staff);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_staff_dialog_parent_class)->finalize (object);
}

static void
cl_staff_dialog_class_init (CLStaffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_staff_dialog_finalize;
  saved_signal = cl_form_dialog_class_setup (widget_class, TRUE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/staff/cl-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, username_row);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, active_row);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, roles_group);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, hours_group);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, form_message);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, quals_group);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, education_row);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, licence_number_row);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, licence_expires_row);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, cpr_date_row);
  gtk_widget_class_bind_template_child (widget_class, CLStaffDialog, languages_group);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
}

static void
cl_staff_dialog_init (CLStaffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->messages[F_NAME] = cl_form_message_attach (GTK_WIDGET (self->name_row));
  self->messages[F_USERNAME] = cl_form_message_attach (GTK_WIDGET (self->username_row));
  self->messages[F_PHONE] = cl_form_message_attach (GTK_WIDGET (self->phone_row));
  self->messages[F_ACTIVE] = cl_form_message_attach (self->active_row);
  cl_form_message_clear_on (self->name_row, "text", self->messages[F_NAME]);
  cl_form_message_clear_on (self->username_row, "text", self->messages[F_USERNAME]);
  cl_form_message_clear_on (self->phone_row, "text", self->messages[F_PHONE]);
  cl_form_message_clear_on (self->active_switch, "active", self->messages[F_ACTIVE]);
  build_rows (self);
}

CLStaffDialog *
cl_staff_dialog_new (GtkWindow *parent,
                     CLContext *context,
                     CLStaff   *staff)
{
  CLStaffDialog *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (staff == NULL || CL_IS_STAFF (staff), NULL);

  self = g_object_new (CL_TYPE_STAFF_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  if (staff)
    self->staff = CL_STAFF (cl_record_dup (CL_RECORD (staff)));
  else
    {
      self->staff = CL_STAFF (cl_record_new (CL_TYPE_STAFF));
      gtk_window_set_title (GTK_WINDOW (self), _("New Person"));
    }
  fill (self);

  /* Their server log-in, below who they are. */
  self->login_group = cl_staff_login_group_new (context, staff);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->roles_group)),
                              GTK_WIDGET (self->login_group),
                              gtk_widget_get_prev_sibling (self->roles_group));
  return self;
}

CLStaffLoginGroup *
cl_staff_dialog_get_login_group (CLStaffDialog *self)
{
  g_return_val_if_fail (CL_IS_STAFF_DIALOG (self), NULL);
  return self->login_group;
}

static int
entry_index (const char *field,
             const char *prefix)
{
  guint64 n;

  if (!g_str_has_prefix (field, prefix) ||
      !g_ascii_string_to_unsigned (field + strlen (prefix), 10, 0, 6, &n, NULL))
    return -1;
  return (int) n;
}

GtkEditable *
cl_staff_dialog_get_entry (CLStaffDialog *self,
                           const char    *field)
{
  int day;

  g_return_val_if_fail (CL_IS_STAFF_DIALOG (self), NULL);

  if (g_str_equal (field, "display-name"))
    return GTK_EDITABLE (self->name_row);
  if (g_str_equal (field, "username"))
    return GTK_EDITABLE (self->username_row);
  if (g_str_equal (field, "phone"))
    return GTK_EDITABLE (self->phone_row);
  if (g_str_equal (field, "licence_number"))
    return GTK_EDITABLE (self->licence_number_row);
  if (g_str_equal (field, "licence_expires"))
    return GTK_EDITABLE (self->licence_expires_row);
  if (g_str_equal (field, "cpr_date"))
    return GTK_EDITABLE (self->cpr_date_row);
  if ((day = entry_index (field, "opens.")) >= 0)
    return GTK_EDITABLE (self->opens[day]);
  if ((day = entry_index (field, "closes.")) >= 0)
    return GTK_EDITABLE (self->closes[day]);
  g_return_val_if_reached (NULL);
}

void
cl_staff_dialog_set_role (CLStaffDialog *self,
                          const char    *role,
                          gboolean       held)
{
  const char * const *roles = cl_staff_roles ();

  g_return_if_fail (CL_IS_STAFF_DIALOG (self));

  for (guint i = 0; roles[i]; i++)
    if (g_str_equal (roles[i], role))
      gtk_check_button_set_active (self->role_checks[i], held);
}

void
cl_staff_dialog_set_language (CLStaffDialog *self,
                              const char    *code,
                              gboolean       spoken)
{
  const char * const *languages = cl_staff_language_codes ();

  g_return_if_fail (CL_IS_STAFF_DIALOG (self));

  for (guint i = 0; languages[i]; i++)
    if (g_str_equal (languages[i], code))
      gtk_check_button_set_active (self->language_checks[i], spoken);
}

void
cl_staff_dialog_set_education (CLStaffDialog *self,
                               guint          index)
{
  g_return_if_fail (CL_IS_STAFF_DIALOG (self));
  adw_combo_row_set_selected (self->education_row, index);
}

void
cl_staff_dialog_set_works (CLStaffDialog *self,
                           guint          day,
                           gboolean       works)
{
  g_return_if_fail (CL_IS_STAFF_DIALOG (self));
  g_return_if_fail (day < 7);
  gtk_switch_set_active (self->works[day], works);
}

void
cl_staff_dialog_set_active (CLStaffDialog *self,
                            gboolean       active)
{
  g_return_if_fail (CL_IS_STAFF_DIALOG (self));
  gtk_switch_set_active (self->active_switch, active);
}

const char *
cl_staff_dialog_get_error (CLStaffDialog *self,
                           const char    *field)
{
  g_return_val_if_fail (CL_IS_STAFF_DIALOG (self), NULL);

  if (g_str_equal (field, "hours"))
    {
      for (guint i = 0; i < 7; i++)
        if (cl_form_message_get (self->day_messages[i]))
          return cl_form_message_get (self->day_messages[i]);
      return NULL;
    }
  return cl_form_message_lookup (field_keys, self->messages, N_FIELDS, self->form_message, field);
}
