#define G_LOG_DOMAIN "cl-directory-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-directory-keys.h"
#include "cl-directory-page.h"
#include "cl-directory-store.h"
#include "cl-directory-text.h"
#include "cl-form-message.h"
#include "cl-store-directory.h"
#include "cl-util.h"

/* Results of each kind: a caller's question has a short answer. */
#define RESULTS_PER_KIND 20

struct _CLDirectoryPage
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkStack       *results_stack;
  GtkListBox     *results_list;
  AdwStatusPage  *results_empty;
  GtkLabel       *sessions_title;
  GtkDropDown    *half_day_dropdown;
  GtkListBox     *sessions_list;
  GtkLabel       *late_title;
  GtkListBox     *late_list;

  /* the mark's popover, moved to the button pressed */
  GtkPopover     *mark_popover;
  GtkEntry       *phoned_entry;
  GtkLabel       *mark_message;
  GtkWidget      *mark_button;

  /* owned */
  CLContext      *context;
  CLStore        *store;
  GPtrArray      *results;      /* CLRecord, as listed */
  GPtrArray      *sessions;     /* CLDoctorSession, as listed */
  GPtrArray      *buttons;      /* parallel to sessions: its button or NULL (borrowed) */
  GPtrArray      *checks;       /* CLSessionCheck of the day */
  GHashTable     *doctors;      /* id → CLDoctor */
  GHashTable     *departments;  /* id → CLDepartment */
  CLDoctorSession *marking;     /* the session the popover marks */
};

G_DEFINE_FINAL_TYPE (CLDirectoryPage, cl_directory_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
today (CLDirectoryPage *self,
       GDate           *date,
       char           **iso)
{
  cl_context_get_today (self->context, date);
  *iso = cl_date_to_iso (date);
}

static CLSessionCheck *
check_of (CLDirectoryPage *self,
          CLDoctorSession *session)
{
  for (guint i = 0; self->checks && i < self->checks->len; i++)
    {
      CLSessionCheck *check = g_ptr_array_index (self->checks, i);

      if (g_strcmp0 (cl_session_check_get_session_id (check), cl_record_get_id (CL_RECORD (session))) == 0)
        return check;
    }
  return NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static const char *
department_name (CLDirectoryPage *self,
                 const char      *id)
{
  CLDepartment *department = id ? g_hash_table_lookup (self->departments, id) : NULL;

  return department ? cl_department_get_display_name (department) : "";
}

/* ---- the search -------------------------------------------------------- */

static char *
doctor_subtitle (CLDirectoryPage *self,
                 CLDoctor        *doctor)
{
  g_autoptr(GPtrArray) sessions = cl_store_doctor_sessions (self->store, cl_record_get_id (CL_RECORD (doctor)));
  g_autoptr(GPtrArray) today_parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) week = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (department_name (self, cl_doctor_get_department_id (doctor)));
  g_autofree char *iso = NULL;
  GDate date;

  today (self, &date, &iso);
  if (!cl_str_empty (cl_doctor_get_specialty (doctor)))
    g_string_append_printf (text, " · %s", cl_doctor_get_specialty (doctor));
  for (guint i = 0; i < sessions->len; i++)
    {
      CLDoctorSession *session = g_ptr_array_index (sessions, i);

      g_ptr_array_add (week, cl_directory_session_label (session));
      if (cl_doctor_session_runs_on (session, &date))
        {
          CLSessionCheck *check = check_of (self, session);
          const char *half = cl_doctor_session_half_day_label (cl_doctor_session_get_half_day (session));
          const char *room = cl_doctor_session_get_room (session);

          if (check && !cl_session_check_get_arrived (check))
            /* TRANSLATORS: today's session of a doctor marked late: half-day, room */
            g_ptr_array_add (today_parts, g_strdup_printf (_("%s, Room %s (not arrived)"), half, room ? room : ""));
          else
            /* TRANSLATORS: today's session of a doctor: half-day, room */
            g_ptr_array_add (today_parts, g_strdup_printf (_("%s, Room %s"), half, room ? room : ""));
        }
    }
  g_ptr_array_add (today_parts, NULL);
  g_ptr_array_add (week, NULL);
  g_string_append_c (text, '\n');
  if (today_parts->len > 1)
    {
      g_autofree char *joined = g_strjoinv ("; ", (char **) today_parts->pdata);

      g_string_append_printf (text, _("Today: %s"), joined);
    }
  else
    g_string_append (text, _("No session today"));
  if (week->len > 1)
    {
      g_autofree char *joined = g_strjoinv ("; ", (char **) week->pdata);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Weekly: %s"), joined);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
result_row (CLDirectoryPage *self,
            CLRecord        *record)
{
  GtkWidget *row;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (CL_IS_PROCEDURE_GUIDE (record))
    {
      CLProcedureGuide *guide = CL_PROCEDURE_GUIDE (record);
      GtkWidget *steps = gtk_label_new (cl_procedure_guide_get_display_steps (guide));

      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_procedure_guide_get_display_title (guide));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), cl_procedure_guide_get_place (guide)
                                     ? cl_procedure_guide_get_place (guide) : "");
      adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (row), "dialog-information-symbolic");
      gtk_label_set_wrap (GTK_LABEL (steps), TRUE);
      gtk_label_set_xalign (GTK_LABEL (steps), 0);
      gtk_label_set_selectable (GTK_LABEL (steps), TRUE);
      gtk_widget_set_margin_start (steps, 12);
      gtk_widget_set_margin_end (steps, 12);
      gtk_widget_set_margin_top (steps, 6);
      gtk_widget_set_margin_bottom (steps, 6);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), steps);
      return row;
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (CL_IS_DEPARTMENT (record))
    {
      CLDepartment *department = CL_DEPARTMENT (record);
      g_autofree char *location = cl_department_dup_location (department);

      title = g_strdup (cl_department_get_display_name (department));
      if (!cl_str_empty (cl_department_get_phone (department)))
        /* TRANSLATORS: where a department is, and its phone */
        subtitle = g_strdup_printf (_("%s · Tel. %s"), location, cl_department_get_phone (department));
      else
        subtitle = g_steal_pointer (&location);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "mark-location-symbolic");
    }
  else if (CL_IS_DOCTOR (record))
    {
      title = cl_directory_doctor_label (CL_DOCTOR (record));
      subtitle = doctor_subtitle (self, CL_DOCTOR (record));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "avatar-default-symbolic");
    }
  else if (CL_IS_SERVICE_PRICE (record))
    {
      CLServicePrice *price = CL_SERVICE_PRICE (record);
      g_autofree char *amount = cl_service_price_dup_label (price);
      GtkWidget *label = gtk_label_new (amount);
      g_autoptr(GString) text = g_string_new (cl_service_price_get_code (price));

      title = g_strdup (cl_service_price_get_name (price));
      if (!cl_str_empty (cl_service_price_get_category (price)))
        g_string_append_printf (text, "%s%s", text->len ? " · " : "", cl_service_price_get_category (price));
      if (!cl_str_empty (cl_service_price_get_note (price)))
        g_string_append_printf (text, "%s%s", text->len ? " · " : "", cl_service_price_get_note (price));
      subtitle = g_string_free (g_steal_pointer (&text), FALSE);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "accessories-calculator-symbolic");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  return row;
}

static void
search_changed_cb (CLDirectoryPage *self)
{
  g_autofree char *key = cl_directory_query_key (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  clear_list (self->results_list);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  if (self->store == NULL || key == NULL)
    {
      adw_status_page_set_title (self->results_empty, _("Hospital Directory"));
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      return;
    }
  self->results = cl_store_directory_search (self->store, key, RESULTS_PER_KIND);
  for (guint i = 0; i < self->results->len; i++)
    gtk_list_box_append (self->results_list, result_row (self, g_ptr_array_index (self->results, i)));
  if (self->results->len == 0)
    adw_status_page_set_title (self->results_empty, _("Nothing Found"));
  gtk_stack_set_visible_child_name (self->results_stack, self->results->len ? "results" : "empty");
}

/* ---- today's sessions ------------------------------------------------ */

static void
mark_message (CLDirectoryPage *self,
              const char      *text)
{
  gtk_label_set_label (self->mark_message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->mark_message), text != NULL);
}

static void
mark_clicked_cb (CLDirectoryPage *self)
{
  g_autoptr(CLSessionCheck) check = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *phoned = NULL;
  gint64 now = cl_context_get_now (self->context);
  GDate date;

  if (self->marking == NULL || self->store == NULL)
    return;
  today (self, &date, &iso);
  phoned = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phoned_entry))));
  check = cl_directory_store_new_check (self->marking, iso, now);
  if (*phoned != '\0')
    {
      cl_session_check_set_phoned (check, phoned);
      cl_session_check_set_phoned_at (check, now);
    }
  if (!cl_directory_store_save_check (self->store, check, cl_context_get_role (self->context),
                                      &field_errors, &error))
    {
      mark_message (self, error->message);
      return;
    }
  gtk_popover_popdown (self->mark_popover);
  cl_directory_page_reload (self);
}

static void
open_mark (CLDirectoryPage *self,
           GtkWidget       *button)
{
  guint i;

  if (!g_ptr_array_find (self->buttons, button, &i))
    return;
  g_set_object (&self->marking, g_ptr_array_index (self->sessions, i));
  gtk_editable_set_text (GTK_EDITABLE (self->phoned_entry), "");
  mark_message (self, NULL);
  if (gtk_widget_get_parent (GTK_WIDGET (self->mark_popover)))
    gtk_widget_unparent (GTK_WIDGET (self->mark_popover));
  gtk_widget_set_parent (GTK_WIDGET (self->mark_popover), button);
  gtk_popover_popup (self->mark_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->phoned_entry));
}

static void
arrived (CLDirectoryPage *self,
         GtkWidget       *button)
{
  g_autoptr(CLSessionCheck) copy = NULL;
  g_autoptr(GError) error = NULL;
  CLSessionCheck *check;
  guint i;

  if (!g_ptr_array_find (self->buttons, button, &i) ||
      !(check = check_of (self, g_ptr_array_index (self->sessions, i))))
    return;
  copy = CL_SESSION_CHECK (cl_record_dup (CL_RECORD (check)));
  cl_session_check_set_arrived_at (copy, cl_context_get_now (self->context));
  if (!cl_directory_store_save_check (self->store, copy, cl_context_get_role (self->context), NULL, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      /* Nothing was written; the row stays as it was. */
      if (overlay)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      return;
    }
  cl_directory_page_reload (self);
}

static void
session_button_clicked_cb (GtkWidget       *button,
                           CLDirectoryPage *self)
{
  if (g_object_get_data (G_OBJECT (button), "arrived"))
    arrived (self, button);
  else
    open_mark (self, button);
}

static GtkWidget *
session_row (CLDirectoryPage *self,
             CLDoctorSession *session,
             GtkWidget      **button)
{
  CLDoctor *doctor = g_hash_table_lookup (self->doctors, cl_doctor_session_get_doctor_id (session));
  CLSessionCheck *check = check_of (self, session);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = doctor ? cl_directory_doctor_label (doctor) : g_strdup ("");
  g_autofree char *subtitle = NULL;
  const char *room = cl_doctor_session_get_room (session);

  /* TRANSLATORS: a session today: department, half-day, room */
  subtitle = g_strdup_printf (_("%s · %s, Room %s"),
                              doctor ? department_name (self, cl_doctor_get_department_id (doctor)) : "",
                              cl_doctor_session_half_day_label (cl_doctor_session_get_half_day (session)),
                              room ? room : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *button = NULL;
  if (check)
    {
      g_autofree char *state = cl_directory_check_label (check, cl_context_get_now (self->context));
      g_autofree char *both = g_strconcat (subtitle, "\n", state, NULL);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), both);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      if (!cl_session_check_get_arrived (check))
        {
          gtk_widget_add_css_class (row, "desk-late");
          *button = gtk_button_new_with_label (C_("doctor session", "Arrived"));
          gtk_widget_set_tooltip_text (*button, _("The doctor has come: record the time"));
          g_object_set_data (G_OBJECT (*button), "arrived", GINT_TO_POINTER (TRUE));
        }
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      *button = gtk_button_new_with_label (_("Not Arrived…"));
      gtk_widget_set_tooltip_text (*button, _("Mark that the doctor has not come to the room, and whom you phoned"));
    }
  if (*button)
    {
      if (!cl_context_may (self->context, CL_WRITE, "session_check"))
        gtk_widget_set_sensitive (*button, FALSE);
      gtk_widget_set_valign (*button, GTK_ALIGN_CENTER);
      g_signal_connect (*button, "clicked", G_CALLBACK (session_button_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), *button);
    }
  return row;
}

static const char *
chosen_half_day (CLDirectoryPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->half_day_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return cl_doctor_session_half_days ()[selected - 1];
}

static void
fill_lookup (GHashTable *table,
             GPtrArray  *records)
{
  g_hash_table_remove_all (table);
  for (guint i = 0; i < records->len; i++)
    {
      CLRecord *record = g_ptr_array_index (records, i);

      g_hash_table_insert (table, g_strdup (cl_record_get_id (record)), g_object_ref (record));
    }
}

static void
reload_sessions (CLDirectoryPage *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *late_title = NULL;
  const char *half_day = chosen_half_day (self);
  guint n_late = 0;
  GDate date;

  if (gtk_widget_get_parent (GTK_WIDGET (self->mark_popover)))
    gtk_widget_unparent (GTK_WIDGET (self->mark_popover));
  clear_list (self->sessions_list);
  clear_list (self->late_list);
  g_ptr_array_set_size (self->sessions, 0);
  g_ptr_array_set_size (self->buttons, 0);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  if (self->store == NULL)
    return;

  today (self, &date, &iso);
  self->checks = cl_store_session_checks_on (self->store, iso);
  all = cl_store_sessions_on (self->store, iso, g_date_get_weekday (&date));
  for (guint i = 0; i < all->len; i++)
    {
      CLDoctorSession *session = g_ptr_array_index (all, i);
      GtkWidget *button;

      if (half_day && g_strcmp0 (cl_doctor_session_get_half_day (session), half_day) != 0)
        continue;
      g_ptr_array_add (self->sessions, g_object_ref (session));
      gtk_list_box_append (self->sessions_list, session_row (self, session, &button));
      g_ptr_array_add (self->buttons, button);
    }
  if (self->sessions->len == 0)
    gtk_list_box_append (self->sessions_list, placeholder_row (_("Nobody sees patients then")));

  /* The day's summary of late sessions: every session marked, the
   * doctor's arrival with it. */
  for (guint i = 0; i < self->checks->len; i++)
    {
      CLSessionCheck *check = g_ptr_array_index (self->checks, i);
      CLDoctor *doctor = g_hash_table_lookup (self->doctors, cl_session_check_get_doctor_id (check));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = doctor ? cl_directory_doctor_label (doctor) : g_strdup ("");
      g_autofree char *state = cl_directory_check_label (check, cl_context_get_now (self->context));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                                   cl_doctor_session_half_day_label (cl_session_check_get_half_day (check)),
                                                   state);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      if (!cl_session_check_get_arrived (check))
        gtk_widget_add_css_class (row, "desk-late");
      gtk_list_box_append (self->late_list, row);
      n_late++;
    }
  if (n_late == 0)
    gtk_list_box_append (self->late_list, placeholder_row (_("No session marked late today")));
  late_title = g_strdup_printf (_("Today’s Late Sessions (%u)"), n_late);
  gtk_label_set_label (self->late_title, late_title);
}

static void
half_day_changed_cb (CLDirectoryPage *self)
{
  reload_sessions (self);
}

void
cl_directory_page_reload (CLDirectoryPage *self)
{
  g_autoptr(GPtrArray) doctors = NULL;
  g_autoptr(GPtrArray) departments = NULL;

  g_return_if_fail (CL_IS_DIRECTORY_PAGE (self));

  if (self->store)
    {
      doctors = cl_store_doctors (self->store, FALSE);
      departments = cl_store_departments (self->store, FALSE);
      fill_lookup (self->doctors, doctors);
      fill_lookup (self->departments, departments);
    }
  reload_sessions (self);
  search_changed_cb (self);
}

void
cl_directory_page_focus_search (CLDirectoryPage *self)
{
  g_return_if_fail (CL_IS_DIRECTORY_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* ---- the context ----------------------------------------------------- */

static void
store_changed_cb (CLDirectoryPage *self)
{
  CLStore *store = cl_context_get_store (self->context);
  static const char * const tables[] = {
    "department", "doctor", "doctor_session", "service_price", "procedure_guide", "session_check",
  };

  if (store != self->store)
    {
      if (self->store)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      for (guint i = 0; store && i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);

          g_signal_connect_object (store, signal, G_CALLBACK (cl_directory_page_reload), self, G_CONNECT_SWAPPED);
        }
    }
  cl_directory_page_reload (self);
}

static void
build_popover (CLDirectoryPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Whom you phoned (optional)"));
  GtkWidget *mark = self->mark_button = gtk_button_new_with_mnemonic (_("_Mark Late"));

  self->mark_popover = GTK_POPOVER (gtk_popover_new ());
  g_object_ref_sink (self->mark_popover);
  self->phoned_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->phoned_entry, _("e.g. the head nurse of the department"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->phoned_entry));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->mark_message = GTK_LABEL (cl_form_message_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->mark_message), FALSE);
  gtk_widget_add_css_class (mark, "suggested-action");
  g_signal_connect_swapped (mark, "clicked", G_CALLBACK (mark_clicked_cb), self);
  g_signal_connect_swapped (self->phoned_entry, "activate", G_CALLBACK (mark_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->phoned_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->mark_message));
  gtk_box_append (GTK_BOX (box), mark);
  gtk_popover_set_child (self->mark_popover, box);
}

/* ---- GObject --------------------------------------------------------- */

static void
cl_directory_page_constructed (GObject *object)
{
  CLDirectoryPage *self = CL_DIRECTORY_PAGE (object);

  G_OBJECT_CLASS (cl_directory_page_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (cl_directory_page_reload), self, G_CONNECT_SWAPPED);
  store_changed_cb (self);
}

static void
cl_directory_page_dispose (GObject *object)
{
  CLDirectoryPage *self = CL_DIRECTORY_PAGE (object);
  GtkWidget *child;

  if (self->mark_popover && gtk_widget_get_parent (GTK_WIDGET (self->mark_popover)))
    gtk_widget_unparent (GTK_WIDGET (self->mark_popover));
  g_clear_object (&self->mark_popover);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_DIRECTORY_PAGE);
  /* The template's top box has no id, so it is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->marking);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->doctors, g_hash_table_unref);
  g_clear_pointer (&self->departments, g_hash_table_unref);
  G_OBJECT_CLASS (cl_directory_page_parent_class)->dispose (object);
}

static void
cl_directory_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CLDirectoryPage *self = CL_DIRECTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_directory_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CLDirectoryPage *self = CL_DIRECTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_directory_page_class_init (CLDirectoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cl_directory_page_constructed;
  object_class->dispose = cl_directory_page_dispose;
  object_class->set_property = cl_directory_page_set_property;
  object_class->get_property = cl_directory_page_get_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/desk/cl-directory-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CLDirectoryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CLDirectoryPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, CLDirectoryPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, CLDirectoryPage, results_empty);
  gtk_widget_class_bind_template_child (widget_class, CLDirectoryPage, sessions_title);
  gtk_widget_class_bind_template_child (widget_class, CLDirectoryPage, half_day_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLDirectoryPage, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, CLDirectoryPage, late_title);
  gtk_widget_class_bind_template_child (widget_class, CLDirectoryPage, late_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, half_day_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_directory_page_init (CLDirectoryPage *self)
{
  g_autoptr(GtkStringList) half_days = gtk_string_list_new (NULL);

  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  self->buttons = g_ptr_array_new ();
  self->doctors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  build_popover (self);

  gtk_string_list_append (half_days, _("All Day"));
  for (const char * const *h = cl_doctor_session_half_days (); *h; h++)
    gtk_string_list_append (half_days, cl_doctor_session_half_day_label (*h));
  gtk_drop_down_set_model (self->half_day_dropdown, G_LIST_MODEL (half_days));
}

GtkWidget *
cl_directory_page_new (CLContext *context)
{
  return g_object_new (CL_TYPE_DIRECTORY_PAGE, "context", context, NULL);
}

GtkWidget *
cl_directory_page_get_widget (CLDirectoryPage *self,
                              const char      *name)
{
  g_return_val_if_fail (CL_IS_DIRECTORY_PAGE (self), NULL);

  if (g_strcmp0 (name, "search") == 0)
    return GTK_WIDGET (self->search_entry);
  if (g_strcmp0 (name, "half_day") == 0)
    return GTK_WIDGET (self->half_day_dropdown);
  if (g_strcmp0 (name, "phoned") == 0)
    return GTK_WIDGET (self->phoned_entry);
  if (g_strcmp0 (name, "mark_popover") == 0)
    return GTK_WIDGET (self->mark_popover);
  if (g_strcmp0 (name, "mark") == 0)
    return self->mark_button;
  if (g_strcmp0 (name, "mark_message") == 0)
    return GTK_WIDGET (self->mark_message);
  return NULL;
}

guint
cl_directory_page_get_n_results (CLDirectoryPage *self)
{
  g_return_val_if_fail (CL_IS_DIRECTORY_PAGE (self), 0);
  return self->results ? self->results->len : 0;
}

guint
cl_directory_page_get_n_sessions (CLDirectoryPage *self)
{
  g_return_val_if_fail (CL_IS_DIRECTORY_PAGE (self), 0);
  return self->sessions->len;
}

guint
cl_directory_page_get_n_late (CLDirectoryPage *self)
{
  g_return_val_if_fail (CL_IS_DIRECTORY_PAGE (self), 0);
  return self->checks ? self->checks->len : 0;
}

GtkWidget *
cl_directory_page_get_session_button (CLDirectoryPage *self,
                                      guint            position)
{
  g_return_val_if_fail (CL_IS_DIRECTORY_PAGE (self), NULL);
  return position < self->buttons->len ? g_ptr_array_index (self->buttons, position) : NULL;
}
