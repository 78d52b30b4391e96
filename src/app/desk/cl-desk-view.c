#define G_LOG_DOMAIN "cl-desk-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-allergy-line.h"
#include "cl-complaints-page.h"
#include "cl-critical-page.h"
#include "cl-desk-patient-dialog.h"
#include "cl-desk-store.h"
#include "cl-desk-view-private.h"
#include "cl-directory-page.h"
#include "cl-faults-page.h"
#include "cl-inspections-page.h"
#include "cl-opinions-page.h"
#include "cl-schedule.h"
#include "cl-store-desk.h"
#include "cl-store-staff.h"

/* The due times a hand-over is given at the bar: a phone is ringing,
 * so a choice, not a clock to set. */
enum { DUE_1H, DUE_2H, DUE_4H, DUE_TODAY, DUE_TOMORROW, N_DUE };

G_DEFINE_FINAL_TYPE (CLDeskView, cl_desk_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- the quick-entry bar --------------------------------------------- */

static void
fill_staff (CLDeskView *self)
{
  g_autoptr(GPtrArray) staff = cl_store_staff_list_all (self->store);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_hash_table_remove_all (self->staff_names);
  g_ptr_array_set_size (self->staff_ids, 0);
  g_free (self->actor_id);
  self->actor_id = cl_desk_store_actor_id (self->store, cl_context_get_username (self->context));
  for (guint i = 0; i < staff->len; i++)
    {
      CLStaff *person = g_ptr_array_index (staff, i);
      const char *id = cl_record_get_id (CL_RECORD (person));

      g_hash_table_insert (self->staff_names, g_strdup (id), g_strdup (cl_staff_get_display_name (person)));
      /* Hand over to a colleague at work, not to oneself. */
      if (!cl_staff_get_active (person) || g_strcmp0 (id, self->actor_id) == 0)
        continue;
      g_ptr_array_add (self->staff_ids, g_strdup (id));
      gtk_string_list_append (names, cl_staff_get_display_name (person));
    }
  gtk_drop_down_set_model (self->handover_dropdown, G_LIST_MODEL (names));
}

static gint64
due_at (CLDeskView *self,
        guint       choice)
{
  gint64 now = cl_context_get_now (self->context);
  GDate day;

  cl_context_get_today (self->context, &day);
  switch (choice)
    {
    case DUE_1H: return now + 3600;
    case DUE_2H: return now + 2 * 3600;
    case DUE_4H: return now + 4 * 3600;
    case DUE_TODAY: return cl_schedule_at (&day, 17 * 60 + 30);
    case DUE_TOMORROW:
      g_date_add_days (&day, 1);
      return cl_schedule_at (&day, 12 * 60);
    default: return 0;
    }
}

static void
show_message (CLDeskView *self,
              const char *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
mark_field (GtkWidget  *field,
            const char *message)
{
  if (message)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_widget_set_tooltip_text (field, message);
}

/* The bar's field for a column of the contact, or NULL. */
static GtkWidget *
field_of (CLDeskView *self,
          const char *column)
{
  static const char * const columns[] = {
    "channel", "category", "caller_name", "caller_phone", "patient_id", "summary",
    "handover_to", "handover_due_at",
  };
  GtkWidget *fields[] = {
    GTK_WIDGET (self->channel_dropdown), GTK_WIDGET (self->category_dropdown),
    GTK_WIDGET (self->caller_entry), GTK_WIDGET (self->phone_entry),
    GTK_WIDGET (cl_patient_chooser_get_entry (self->chooser)), GTK_WIDGET (self->summary_entry),
    GTK_WIDGET (self->handover_dropdown), GTK_WIDGET (self->due_dropdown),
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_strcmp0 (columns[i], column) == 0)
      return fields[i];
  return NULL;
}

/* An error stays at its field only until the field is edited; the
 * message under the bar keeps what is still wrong. */
static void
unmark (CLDeskView *self,
        GtkWidget  *field)
{
  static const char * const columns[] = {
    "channel", "category", "caller_name", "caller_phone", "patient_id", "summary",
    "handover_to", "handover_due_at",
  };
  g_autoptr(GString) messages = g_string_new (NULL);

  if (!gtk_widget_has_css_class (field, "error"))
    return;
  mark_field (field, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkWidget *other = field_of (self, columns[i]);

      if (other && gtk_widget_has_css_class (other, "error") && gtk_widget_get_tooltip_text (other))
        g_string_append_printf (messages, "%s%s", messages->len ? "\n" : "", gtk_widget_get_tooltip_text (other));
    }
  show_message (self, messages->len ? messages->str : NULL);
}

static void
field_changed_cb (GtkEditable *field,
                  CLDeskView  *self)
{
  unmark (self, GTK_WIDGET (field));
}

static void
field_chosen_cb (GtkWidget  *field,
                 GParamSpec *pspec,
                 CLDeskView *self)
{
  unmark (self, field);
}

static void
unmark_on_edit (CLDeskView *self,
                gpointer    field)
{
  if (GTK_IS_EDITABLE (field))
    g_signal_connect_object (field, "changed", G_CALLBACK (field_changed_cb), self, 0);
  else
    g_signal_connect_object (field, "notify::selected", G_CALLBACK (field_chosen_cb), self, 0);
}

static void
clear_marks (CLDeskView *self)
{
  static const char * const columns[] = {
    "channel", "category", "caller_name", "caller_phone", "patient_id", "summary",
    "handover_to", "handover_due_at",
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    mark_field (field_of (self, columns[i]), NULL);
  show_message (self, NULL);
}

static gboolean
save (CLDeskView *self)
{
  g_autoptr(CLContact) contact = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autofree char *who = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *caller = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->caller_entry))));
  g_autofree char *phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_entry))));
  g_autofree char *summary = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_entry))));
  GtkWidget *first = NULL;
  guint to;

  clear_marks (self);
  contact = cl_contact_new (cl_context_get_now (self->context), self->actor_id);
  cl_contact_set_channel (contact, cl_contact_channel_to_string (gtk_drop_down_get_selected (self->channel_dropdown)));
  cl_contact_set_category (contact, cl_contact_category_to_string (gtk_drop_down_get_selected (self->category_dropdown)));
  cl_contact_set_caller_name (contact, *caller ? caller : NULL);
  cl_contact_set_caller_phone (contact, *phone ? phone : NULL);
  cl_contact_set_patient_id (contact, cl_patient_chooser_get_patient_id (self->chooser));
  cl_contact_set_summary (contact, summary);
  if (gtk_toggle_button_get_active (self->handover_toggle))
    {
      to = gtk_drop_down_get_selected (self->handover_dropdown);
      cl_contact_set_state (contact, cl_contact_state_to_string (CL_CONTACT_STATE_HANDED_OVER));
      cl_contact_set_handover_to (contact, to < self->staff_ids->len ? g_ptr_array_index (self->staff_ids, to) : NULL);
      cl_contact_set_handover_due_at (contact, due_at (self, gtk_drop_down_get_selected (self->due_dropdown)));
    }

  if (!cl_desk_store_save (self->store, contact, cl_context_get_role (self->context), self->actor_id,
                           &field_errors, &error))
    {
      GHashTableIter iter;
      gpointer column, message;

      if (field_errors)
        {
          g_hash_table_iter_init (&iter, field_errors);
          while (g_hash_table_iter_next (&iter, &column, &message))
            {
              GtkWidget *field = field_of (self, column);

              mark_field (field, message);
              if (field && first == NULL)
                first = field;
              g_string_append_printf (messages, "%s%s", messages->len ? "\n" : "", (const char *) message);
            }
        }
      show_message (self, messages->len ? messages->str : error->message);
      gtk_widget_grab_focus (first ? first : GTK_WIDGET (self->summary_entry));
      return FALSE;
    }

  /* A complaint becomes a ticket: its dialog opens prefilled from the
   * contact, over the bar, which is ready for the next call behind it. */
  if (g_strcmp0 (cl_contact_get_category (contact),
                 cl_contact_category_to_string (CL_CONTACT_CATEGORY_COMPLAINT)) == 0)
    cl_desk_view_make_complaint (self, contact);

  /* The next call starts at once: the channel and category stay as
   * they were, everything else is cleared and the caller field has the
   * focus. */
  cl_desk_view_load_patient_names (self, &(GPtrArray) { .pdata = (gpointer *) &contact, .len = 1 });
  who = cl_desk_view_format_who (self, contact);
  saved = g_strdup_printf (_("Saved: %s · %s"), *who ? who : "", summary);
  gtk_label_set_label (self->saved_label, saved);
  gtk_widget_set_visible (GTK_WIDGET (self->saved_label), TRUE);
  self->n_saved++;
  gtk_editable_set_text (GTK_EDITABLE (self->caller_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->summary_entry), "");
  cl_patient_chooser_set_patient (self->chooser, NULL, NULL);
  gtk_toggle_button_set_active (self->handover_toggle, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->caller_entry));
  return TRUE;
}

static void
save_activate_cb (CLDeskView *self)
{
  save (self);
}

/* Enter in the caller or the phone: on to the summary while it is
 * empty, else save. */
static void
field_activate_cb (CLDeskView *self)
{
  g_autofree char *summary = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_entry))));

  if (*summary == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->summary_entry));
  else
    save (self);
}

static void
patient_registered_cb (CLDeskPatientDialog *dialog,
                       const char          *patient_id,
                       CLDeskView          *self)
{
  cl_patient_chooser_set_patient (self->chooser, patient_id, cl_desk_patient_dialog_get_name (dialog));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Patient registered")));
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_entry));
}

static void
new_patient_clicked_cb (CLDeskView *self)
{
  const char *typed = gtk_editable_get_text (cl_patient_chooser_get_entry (self->chooser));
  const char *caller = gtk_editable_get_text (GTK_EDITABLE (self->caller_entry));
  CLDeskPatientDialog *dialog;

  if (self->store == NULL)
    return;
  /* What was typed already: the patient searched for, else the caller. */
  dialog = cl_desk_patient_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                       *typed ? typed : caller,
                                       gtk_editable_get_text (GTK_EDITABLE (self->phone_entry)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (patient_registered_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_choices (CLDeskView *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) dues = gtk_string_list_new (NULL);

  for (guint i = 0; i < CL_CONTACT_N_CHANNELS; i++)
    gtk_string_list_append (channels, cl_contact_channel_label (cl_contact_channel_to_string (i)));
  for (guint i = 0; i < CL_CONTACT_N_CATEGORIES; i++)
    gtk_string_list_append (categories, cl_contact_category_label (cl_contact_category_to_string (i)));
  gtk_string_list_append (dues, _("In 1 hour"));
  gtk_string_list_append (dues, _("In 2 hours"));
  gtk_string_list_append (dues, _("In 4 hours"));
  gtk_string_list_append (dues, _("Today at 17:30"));
  gtk_string_list_append (dues, _("Tomorrow at 12:00"));
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));
  gtk_drop_down_set_model (self->due_dropdown, G_LIST_MODEL (dues));
  gtk_drop_down_set_selected (self->due_dropdown, DUE_2H);
}

/* The channel and category stay as they were, from one call to the
 * next and from one session to the next: a hotline seat answers the
 * hotline all day. */
static void
choice_changed_cb (CLDeskView *self)
{
  GSettings *settings = cl_context_get_settings (self->context);
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);

  if (channel < CL_CONTACT_N_CHANNELS)
    g_settings_set_string (settings, "desk-channel", cl_contact_channel_to_string (channel));
  if (category < CL_CONTACT_N_CATEGORIES)
    g_settings_set_string (settings, "desk-category", cl_contact_category_to_string (category));
}

static void
restore_choices (CLDeskView *self)
{
  GSettings *settings = cl_context_get_settings (self->context);
  g_autofree char *channel_word = g_settings_get_string (settings, "desk-channel");
  g_autofree char *category_word = g_settings_get_string (settings, "desk-category");
  CLContactChannel channel;
  CLContactCategory category;

  if (cl_contact_channel_from_string (channel_word, &channel))
    gtk_drop_down_set_selected (self->channel_dropdown, channel);
  if (cl_contact_category_from_string (category_word, &category))
    gtk_drop_down_set_selected (self->category_dropdown, category);
  g_signal_connect_object (self->channel_dropdown, "notify::selected", G_CALLBACK (choice_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_dropdown, "notify::selected", G_CALLBACK (choice_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---- the context ----------------------------------------------------- */

static void
staff_changed_cb (CLDeskView *self)
{
  if (self->store == NULL)
    return;
  fill_staff (self);
  cl_desk_view_reload_lists (self);
}

static void
context_changed_cb (CLDeskView *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (store == self->store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (self->chooser)
    {
      gtk_box_remove (self->patient_box, GTK_WIDGET (self->chooser));
      self->chooser = NULL;
    }
  cl_desk_view_update_actions (self);
  if (store == NULL)
    return;
  self->chooser = CL_PATIENT_CHOOSER (cl_patient_chooser_new (store));
  gtk_widget_set_hexpand (GTK_WIDGET (self->chooser), TRUE);
  gtk_box_append (self->patient_box, GTK_WIDGET (self->chooser));
  /* Her assessment is reachable from the desk, where she is chosen. */
  cl_allergy_line_set_context (CL_ALLERGY_LINE (cl_patient_chooser_get_allergy_line (self->chooser)), self->context);
  unmark_on_edit (self, cl_patient_chooser_get_entry (self->chooser));
  g_signal_connect_object (store, "changed::contact", G_CALLBACK (cl_desk_view_reload_lists), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::patient", G_CALLBACK (cl_desk_view_reload_lists), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::staff", G_CALLBACK (staff_changed_cb), self, G_CONNECT_SWAPPED);
  staff_changed_cb (self);
}

/* ---- pages ----------------------------------------------------------- */

/* The view's pages under the template's switcher: Now, then each part
 * of the desk's work as a page widget of its own. */
static void
add_pages (CLDeskView *self)
{
  self->directory_page = cl_directory_page_new (self->context);
  gtk_stack_add_titled (self->pages, self->directory_page, "directory", _("Directory"));
  self->complaints = cl_complaints_page_new (self->context);
  gtk_stack_add_titled (self->pages, self->complaints, "complaints", _("Complaints"));
  gtk_stack_add_titled (self->pages, cl_critical_page_new (self->context), "critical", _("Critical Values"));
  gtk_stack_add_titled (self->pages, cl_opinions_page_new (self->context), "opinions", _("Opinions"));
  gtk_stack_add_titled (self->pages, cl_faults_page_new (self->context), "faults", _("Faults"));
  gtk_stack_add_titled (self->pages, cl_inspections_page_new (self->context), "inspections", _("Inspections"));
}

GtkWidget *
cl_desk_view_make_complaint (CLDeskView *self,
                             CLContact  *contact)
{
  return cl_complaints_page_new_complaint (CL_COMPLAINTS_PAGE (self->complaints), contact);
}

GtkWidget *
cl_desk_view_get_page (CLDeskView *self,
                       const char *name)
{
  g_return_val_if_fail (CL_IS_DESK_VIEW (self), NULL);
  return gtk_stack_get_child_by_name (self->pages, name);
}

void
cl_desk_view_show_page (CLDeskView *self,
                        const char *name)
{
  g_return_if_fail (CL_IS_DESK_VIEW (self));
  gtk_stack_set_visible_child_name (self->pages, name);
}

/* ---- GObject --------------------------------------------------------- */

static void
cl_desk_view_constructed (GObject *object)
{
  CLDeskView *self = CL_DESK_VIEW (object);
  G_OBJECT_CLASS (cl_desk_view_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  cl_desk_view_lists_init (self);
  cl_appointments_page_set_context (self->appointments_page, self->context);
  cl_referrals_page_set_context (self->referrals_page, self->context);
  add_pages (self);
  fill_choices (self);
  restore_choices (self);
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::username", G_CALLBACK (staff_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (cl_desk_view_update_actions), self,
                           G_CONNECT_SWAPPED);
  {
    gpointer fields[] = {
      self->channel_dropdown, self->category_dropdown, self->caller_entry, self->phone_entry,
      self->summary_entry, self->handover_dropdown, self->due_dropdown,
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      unmark_on_edit (self, fields[i]);
  }
  context_changed_cb (self);
}

static void
cl_desk_view_dispose (GObject *object)
{
  CLDeskView *self = CL_DESK_VIEW (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_DESK_VIEW);
  g_clear_pointer (&self->open, g_ptr_array_unref);
  g_clear_object (&self->entries);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_desk_view_parent_class)->dispose (object);
}

static void
cl_desk_view_finalize (GObject *object)
{
  CLDeskView *self = CL_DESK_VIEW (object);

  g_ptr_array_unref (self->staff_ids);
  g_hash_table_unref (self->staff_names);
  g_hash_table_unref (self->patient_names);
  g_free (self->actor_id);
  G_OBJECT_CLASS (cl_desk_view_parent_class)->finalize (object);
}

static void
cl_desk_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CLDeskView *self = CL_DESK_VIEW (object);

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
cl_desk_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CLDeskView *self = CL_DESK_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The caller asks where, who or how much: the directory, its search
 * ready for typing. */
static void
directory_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CLDeskView *self = CL_DESK_VIEW (widget);

  gtk_stack_set_visible_child_name (self->pages, "directory");
  cl_directory_page_focus_search (CL_DIRECTORY_PAGE (self->directory_page));
}

static void
cl_desk_view_class_init (CLDeskViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cl_desk_view_constructed;
  object_class->dispose = cl_desk_view_dispose;
  object_class->finalize = cl_desk_view_finalize;
  object_class->set_property = cl_desk_view_set_property;
  object_class->get_property = cl_desk_view_get_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_APPOINTMENTS_PAGE);
  g_type_ensure (CL_TYPE_REFERRALS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/desk/cl-desk-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, pages);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, caller_entry);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, patient_box);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, new_patient_button);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, book_escort_button);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, summary_entry);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, handover_toggle);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, save_button);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, handover_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, due_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, message_label);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, saved_label);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, list_title);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, entries_view);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, handovers_title);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, handovers_list);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, counts_grid);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, appointments_page);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, referrals_page);
  gtk_widget_class_install_action (widget_class, "desk.directory", NULL, directory_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "desk.directory", NULL);
  gtk_widget_class_bind_template_callback (widget_class, field_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_patient_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_changed_cb",
                                                G_CALLBACK (cl_desk_view_search_changed));
  cl_desk_view_actions_class_init (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_desk_view_init (CLDeskView *self)
{
  self->entries = g_list_store_new (CL_TYPE_CONTACT);
  self->staff_ids = g_ptr_array_new_with_free_func (g_free);
  self->staff_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->patient_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
cl_desk_view_focus_entry (CLDeskView *self)
{
  g_return_if_fail (CL_IS_DESK_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->caller_entry));
}

guint
cl_desk_view_get_n_entries (CLDeskView *self)
{
  g_return_val_if_fail (CL_IS_DESK_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->entries));
}

guint
cl_desk_view_get_n_open (CLDeskView *self)
{
  g_return_val_if_fail (CL_IS_DESK_VIEW (self), 0);
  return self->open ? self->open->len : 0;
}

guint
cl_desk_view_get_n_overdue (CLDeskView *self)
{
  g_return_val_if_fail (CL_IS_DESK_VIEW (self), 0);
  return self->n_overdue;
}

guint
cl_desk_view_get_n_saved (CLDeskView *self)
{
  g_return_val_if_fail (CL_IS_DESK_VIEW (self), 0);
  return self->n_saved;
}

gboolean
cl_desk_view_get_searching (CLDeskView *self)
{
  g_return_val_if_fail (CL_IS_DESK_VIEW (self), FALSE);
  return self->searching;
}

const char *
cl_desk_view_get_message (CLDeskView *self)
{
  g_return_val_if_fail (CL_IS_DESK_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_label (self->message_label) : NULL;
}

GtkWidget *
cl_desk_view_get_widget (CLDeskView *self,
                         const char *name)
{
  const struct { const char *name; gpointer widget; } widgets[] = {
    { "channel", self->channel_dropdown }, { "category", self->category_dropdown },
    { "caller", self->caller_entry }, { "phone", self->phone_entry }, { "patient", self->chooser },
    { "summary", self->summary_entry }, { "handover", self->handover_toggle },
    { "handover_to", self->handover_dropdown }, { "due", self->due_dropdown },
    { "search", self->search_entry }, { "new_patient", self->new_patient_button },
    { "save", self->save_button }, { "book_escort", self->book_escort_button },
    { "stack", self->pages }, { "appointments", self->appointments_page },
    { "referrals", self->referrals_page }, { "directory", self->directory_page },
  };

  g_return_val_if_fail (CL_IS_DESK_VIEW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].name, name))
      return GTK_WIDGET (widgets[i].widget);
  return NULL;
}
