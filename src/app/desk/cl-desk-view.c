#define G_LOG_DOMAIN "cl-desk-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-contact-close-dialog.h"
#include "cl-desk-patient-dialog.h"
#include "cl-desk-store.h"
#include "cl-desk-view.h"
#include "cl-patient-chooser.h"
#include "cl-schedule.h"
#include "cl-store-desk.h"
#include "cl-store-patients.h"
#include "cl-store-staff.h"

/* How many of the log's matches a search shows: the latest. */
#define SEARCH_LIMIT 200

/* The due times a hand-over is given at the bar: a phone is ringing,
 * so a choice, not a clock to set. */
enum { DUE_1H, DUE_2H, DUE_4H, DUE_TODAY, DUE_TOMORROW, N_DUE };

struct _CLDeskView
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown     *channel_dropdown;
  GtkDropDown     *category_dropdown;
  GtkEntry        *caller_entry;
  GtkEntry        *phone_entry;
  GtkBox          *patient_box;
  GtkWidget       *new_patient_button;
  GtkEntry        *summary_entry;
  GtkToggleButton *handover_toggle;
  GtkWidget       *save_button;
  GtkDropDown     *handover_dropdown;
  GtkDropDown     *due_dropdown;
  GtkLabel        *message_label;
  GtkLabel        *saved_label;
  GtkLabel        *list_title;
  GtkSearchEntry  *search_entry;
  GtkStack        *list_stack;
  GtkListView     *entries_view;
  AdwStatusPage   *empty_page;
  GtkLabel        *handovers_title;
  GtkListBox      *handovers_list;
  GtkGrid         *counts_grid;

  /* owned */
  CLContext        *context;
  CLStore          *store;
  CLPatientChooser *chooser;
  GListStore       *entries;       /* CLContact shown in the list */
  GPtrArray        *open;          /* CLContact, the open hand-overs as listed */
  GPtrArray        *staff_ids;     /* parallel to handover_dropdown */
  GHashTable       *staff_names;   /* staff id → name */
  GHashTable       *patient_names; /* patient id → name, of the rows shown */
  char             *actor_id;
  GCancellable     *search_cancellable;
  guint             tick;
  guint             n_saved;
  guint             n_overdue;
  gboolean          searching;
};

G_DEFINE_FINAL_TYPE (CLDeskView, cl_desk_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void reload_lists (CLDeskView *self);

/* ---- names ---------------------------------------------------------- */

static const char *
staff_name (CLDeskView *self,
            const char *id)
{
  const char *name = id ? g_hash_table_lookup (self->staff_names, id) : NULL;

  /* Someone without a staff row is named by their user name. */
  return name ? name : (id ? id : "");
}

static char *
format_time (gint64 at,
             gint64 now)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (at);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);

  if (g_date_time_get_year (when) == g_date_time_get_year (today) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (today))
    return g_date_time_format (when, "%H:%M");
  /* TRANSLATORS: a date and time in a list, strftime format */
  return g_date_time_format (when, _("%m-%d %H:%M"));
}

/* Who it was: the caller, her phone, and the patient when it is
 * someone else or the caller gave no name. */
static char *
format_who (CLDeskView *self,
            CLContact  *contact)
{
  const char *caller = cl_contact_get_caller_name (contact);
  const char *phone = cl_contact_get_caller_phone (contact);
  const char *patient_id = cl_contact_get_patient_id (contact);
  const char *patient = patient_id ? g_hash_table_lookup (self->patient_names, patient_id) : NULL;
  GString *s = g_string_new (NULL);

  if (caller && *caller)
    g_string_append (s, caller);
  if (patient && g_strcmp0 (patient, caller) != 0)
    g_string_append_printf (s, s->len ? " → %s" : "%s", patient);
  if (phone && *phone)
    g_string_append_printf (s, s->len ? "  %s" : "%s", phone);
  return g_string_free (s, FALSE);
}

static void
load_patient_names (CLDeskView *self,
                    GPtrArray  *contacts)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) names = NULL;
  GHashTableIter iter;
  gpointer id, name;

  for (guint i = 0; i < contacts->len; i++)
    {
      const char *patient_id = cl_contact_get_patient_id (g_ptr_array_index (contacts, i));

      if (patient_id && !g_hash_table_contains (self->patient_names, patient_id))
        g_ptr_array_add (ids, (gpointer) patient_id);
    }
  if (ids->len == 0)
    return;
  g_ptr_array_add (ids, NULL);
  names = cl_store_patients_names (self->store, (const char * const *) ids->pdata);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &id, &name))
    g_hash_table_insert (self->patient_names, g_strdup (id), g_strdup (name));
}

/* ---- the entries list ------------------------------------------------ */

enum { COL_TIME, COL_KIND, COL_WHO, COL_SUMMARY, COL_STATE, N_COLS };

static void
entry_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Characters each column asks for and at most takes; the summary
   * has the rest. */
  static const int widths[N_COLS] = { 5, 10, 8, -1, 6 };
  static const int max_widths[N_COLS] = { 11, 22, 18, -1, 12 };

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  for (guint i = 0; i < N_COLS; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      if (widths[i] > 0)
        {
          gtk_label_set_width_chars (GTK_LABEL (label), widths[i]);
          gtk_label_set_max_width_chars (GTK_LABEL (label), max_widths[i]);
        }
      if (i == COL_SUMMARY)
        gtk_widget_set_hexpand (label, TRUE);
      if (i == COL_TIME)
        gtk_widget_add_css_class (label, "numeric");
      if (i == COL_TIME || i == COL_KIND)
        gtk_widget_add_css_class (label, "dim-label");
      if (i == COL_WHO)
        gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_item_set_child (item, box);
}

static void
entry_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CLDeskView               *self)
{
  CLContact *contact = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  gint64 now = cl_context_get_now (self->context);
  g_autofree char *time = format_time (cl_contact_get_contact_at (contact), now);
  g_autofree char *kind = g_strdup_printf ("%s · %s", cl_contact_channel_label (cl_contact_get_channel (contact)),
                                           cl_contact_category_label (cl_contact_get_category (contact)));
  g_autofree char *who = format_who (self, contact);
  g_autofree char *state = NULL;
  const char *texts[N_COLS];

  /* Answered on the spot is how most calls end: only the others say
   * how they stand. */
  if (cl_contact_is_open (contact))
    state = g_strdup_printf (_("To %s"), staff_name (self, cl_contact_get_handover_to (contact)));
  else if (cl_contact_is_closed (contact))
    state = g_strdup (cl_contact_state_label (cl_contact_get_state (contact)));
  texts[COL_TIME] = time;
  texts[COL_KIND] = kind;
  texts[COL_WHO] = who;
  texts[COL_SUMMARY] = cl_contact_get_summary (contact);
  texts[COL_STATE] = state;
  for (guint i = 0; i < N_COLS && label; i++, label = gtk_widget_get_next_sibling (label))
    {
      gtk_label_set_label (GTK_LABEL (label), texts[i] ? texts[i] : "");
      gtk_widget_set_tooltip_text (label, texts[i]);
    }
  label = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  if (cl_contact_is_overdue (contact, now))
    gtk_widget_add_css_class (label, "overdue");
  else
    gtk_widget_remove_css_class (label, "overdue");
}

static void
show_entries (CLDeskView *self,
              GPtrArray  *contacts)
{
  load_patient_names (self, contacts);
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       contacts->pdata, contacts->len);
  gtk_stack_set_visible_child_name (self->list_stack, contacts->len ? "list" : "empty");
}

static void
show_today (CLDeskView *self)
{
  g_autoptr(GPtrArray) today = NULL;
  g_autofree char *title = NULL;
  GDate day;

  cl_context_get_today (self->context, &day);
  today = cl_store_desk_between (self->store, cl_schedule_at (&day, 0), cl_schedule_at (&day, 1440));
  title = g_strdup_printf (_("Today: %u"), today->len);
  gtk_label_set_label (self->list_title, title);
  adw_status_page_set_title (self->empty_page, _("No Calls Yet Today"));
  adw_status_page_set_description (self->empty_page, _("Each call or counter visit recorded above is listed here, the latest first."));
  show_entries (self, today);
}

/* ---- search ---------------------------------------------------------- */

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CLStore *store = source;

  g_task_return_pointer (task, cl_store_desk_search (store, task_data, SEARCH_LIMIT),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CLDeskView) self = user_data;
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autofree char *title = NULL;

  /* A newer search has taken its place. */
  if (found == NULL)
    return;
  self->searching = FALSE;
  if (found->len >= SEARCH_LIMIT)
    title = g_strdup_printf (_("Found: the latest %u"), found->len);
  else
    title = g_strdup_printf (_("Found: %u"), found->len);
  gtk_label_set_label (self->list_title, title);
  adw_status_page_set_title (self->empty_page, _("Nothing Found"));
  adw_status_page_set_description (self->empty_page, _("No caller, phone, summary or patient in the log holds these words."));
  show_entries (self, found);
}

static void
search_changed_cb (CLDeskView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (*text == '\0')
    {
      self->searching = FALSE;
      show_today (self);
      return;
    }
  /* Off the main thread: a search of a short word may read much of a
   * year's log, and typing must not wait for it. */
  self->searching = TRUE;
  self->search_cancellable = g_cancellable_new ();
  task = g_task_new (self->store, self->search_cancellable, search_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, search_changed_cb);
  g_task_set_task_data (task, g_steal_pointer (&text), g_free);
  g_task_run_in_thread (task, search_thread);
}

/* ---- open hand-overs and counts -------------------------------------- */

static void
close_saved_cb (CLDeskView *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Contact closed")));
  cl_desk_view_reload (self);
}

static GtkWidget *
open_close_dialog (CLDeskView *self,
                   CLContact  *contact)
{
  g_autofree char *who = format_who (self, contact);
  g_autofree char *description = g_strdup_printf ("%s · %s\n%s", who,
                                                  cl_contact_category_label (cl_contact_get_category (contact)),
                                                  cl_contact_get_summary (contact));
  CLContactCloseDialog *dialog = cl_contact_close_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                              self->context, contact, description);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (close_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
close_clicked_cb (GtkButton  *button,
                  CLDeskView *self)
{
  open_close_dialog (self, g_object_get_data (G_OBJECT (button), "contact"));
}

static GtkWidget *
handover_row (CLDeskView *self,
              CLContact  *contact,
              gint64      now)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *summary, *due_label, *button;
  g_autofree char *who = format_who (self, contact);
  g_autofree char *heading = g_strdup_printf ("%s · %s", who,
                                              cl_contact_category_label (cl_contact_get_category (contact)));
  g_autofree char *time = format_time (cl_contact_get_handover_due_at (contact), now);
  g_autofree char *due = NULL;
  gboolean overdue = cl_contact_is_overdue (contact, now);

  /* TRANSLATORS: whom a contact went to, by when, and who stays responsible for it */
  due = g_strdup_printf (overdue ? _("Overdue since %s · to %s · owner %s") : _("Due %s · to %s · owner %s"), time,
                         staff_name (self, cl_contact_get_handover_to (contact)),
                         staff_name (self, cl_contact_get_owner_id (contact)));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  title = gtk_label_new (heading);
  summary = gtk_label_new (cl_contact_get_summary (contact));
  due_label = gtk_label_new (due);
  for (GtkWidget *l = title; l; l = l == title ? summary : l == summary ? due_label : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_ellipsize (GTK_LABEL (l), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (l, gtk_label_get_label (GTK_LABEL (l)));
      gtk_box_append (GTK_BOX (text), l);
    }
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (due_label, "caption");
  gtk_widget_add_css_class (due_label, overdue ? "overdue" : "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  button = gtk_button_new_with_mnemonic (_("_Close…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "contact", g_object_ref (contact), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (close_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (overdue)
    gtk_widget_add_css_class (row, "desk-overdue");
  return row;
}

/* The person's own first (they answer for them), each part by due
 * time, so the overdue come first. */
static int
compare_open (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  CLContact *x = *(CLContact **) a, *y = *(CLContact **) b;
  const char *me = user_data;
  gboolean x_mine = me && g_strcmp0 (cl_contact_get_owner_id (x), me) == 0;
  gboolean y_mine = me && g_strcmp0 (cl_contact_get_owner_id (y), me) == 0;
  gint64 dx = cl_contact_get_handover_due_at (x), dy = cl_contact_get_handover_due_at (y);

  if (x_mine != y_mine)
    return x_mine ? -1 : 1;
  return dx < dy ? -1 : dx > dy;
}

static void
show_open (CLDeskView *self)
{
  gint64 now = cl_context_get_now (self->context);
  g_autofree char *title = NULL;
  GtkListBoxRow *row;

  g_clear_pointer (&self->open, g_ptr_array_unref);
  self->open = cl_store_desk_open_handovers (self->store);
  g_ptr_array_sort_with_data (self->open, compare_open, self->actor_id);
  load_patient_names (self, self->open);
  /* Row by row: the placeholder is a child too, and stays. */
  while ((row = gtk_list_box_get_row_at_index (self->handovers_list, 0)))
    gtk_list_box_remove (self->handovers_list, GTK_WIDGET (row));
  self->n_overdue = 0;
  for (guint i = 0; i < self->open->len; i++)
    {
      CLContact *contact = g_ptr_array_index (self->open, i);

      self->n_overdue += cl_contact_is_overdue (contact, now);
      gtk_list_box_append (self->handovers_list, handover_row (self, contact, now));
    }
  if (self->n_overdue)
    title = g_strdup_printf (_("Open Hand-overs: %u, %u overdue"), self->open->len, self->n_overdue);
  else
    title = g_strdup_printf (_("Open Hand-overs: %u"), self->open->len);
  gtk_label_set_label (self->handovers_title, title);
}

static void
show_counts (CLDeskView *self)
{
  g_autoptr(GHashTable) counts = NULL;
  GtkWidget *child;
  GDate day;
  guint row = 0;

  cl_context_get_today (self->context, &day);
  counts = cl_store_desk_count_by_category (self->store, cl_schedule_at (&day, 0), cl_schedule_at (&day, 1440));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->counts_grid))))
    gtk_grid_remove (self->counts_grid, child);
  /* Every category, in the bar's order, so the desk sees what did not
   * come up as well as what did. */
  for (guint i = 0; i < CL_CONTACT_N_CATEGORIES; i++)
    {
      const char *word = cl_contact_category_to_string (i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, word));
      g_autofree char *number = g_strdup_printf ("%u", n);
      GtkWidget *name_label = gtk_label_new (cl_contact_category_label (word));
      GtkWidget *count_label = gtk_label_new (number);

      gtk_label_set_xalign (GTK_LABEL (name_label), 0);
      gtk_label_set_xalign (GTK_LABEL (count_label), 1);
      gtk_widget_add_css_class (count_label, "numeric");
      if (n == 0)
        {
          gtk_widget_add_css_class (name_label, "dim-label");
          gtk_widget_add_css_class (count_label, "dim-label");
        }
      /* Two columns of name and count. */
      gtk_grid_attach (self->counts_grid, name_label, (i % 2) * 2, row, 1, 1);
      gtk_grid_attach (self->counts_grid, count_label, (i % 2) * 2 + 1, row, 1, 1);
      gtk_widget_set_hexpand (name_label, TRUE);
      row += i % 2;
    }
}

static void
reload_lists (CLDeskView *self)
{
  if (self->store == NULL)
    return;
  if (self->searching || *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    search_changed_cb (self);
  else
    show_today (self);
  show_open (self);
  show_counts (self);
}

void
cl_desk_view_reload (CLDeskView *self)
{
  g_return_if_fail (CL_IS_DESK_VIEW (self));
  reload_lists (self);
}

static gboolean
tick_cb (gpointer data)
{
  CLDeskView *self = data;

  /* Overdue is a matter of the clock, not of a change in the store. */
  if (self->store)
    show_open (self);
  return G_SOURCE_CONTINUE;
}

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

  /* The next call starts at once: the channel and category stay as
   * they were, everything else is cleared and the caller field has the
   * focus. */
  load_patient_names (self, &(GPtrArray) { .pdata = (gpointer *) &contact, .len = 1 });
  who = format_who (self, contact);
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

/* ---- the context ----------------------------------------------------- */

static void
staff_changed_cb (CLDeskView *self)
{
  if (self->store == NULL)
    return;
  fill_staff (self);
  reload_lists (self);
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
  if (store == NULL)
    return;
  self->chooser = CL_PATIENT_CHOOSER (cl_patient_chooser_new (store));
  gtk_widget_set_hexpand (GTK_WIDGET (self->chooser), TRUE);
  gtk_box_append (self->patient_box, GTK_WIDGET (self->chooser));
  g_signal_connect_object (store, "changed::contact", G_CALLBACK (reload_lists), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::patient", G_CALLBACK (reload_lists), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::staff", G_CALLBACK (staff_changed_cb), self, G_CONNECT_SWAPPED);
  staff_changed_cb (self);
}

/* ---- GObject --------------------------------------------------------- */

static void
cl_desk_view_constructed (GObject *object)
{
  CLDeskView *self = CL_DESK_VIEW (object);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  G_OBJECT_CLASS (cl_desk_view_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (entry_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (entry_bind_cb), self);
  gtk_list_view_set_factory (self->entries_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->entries_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)))));
  fill_choices (self);
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::username", G_CALLBACK (staff_changed_cb), self, G_CONNECT_SWAPPED);
  self->tick = g_timeout_add_seconds (30, tick_cb, self);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/desk/cl-desk-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, caller_entry);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, patient_box);
  gtk_widget_class_bind_template_child (widget_class, CLDeskView, new_patient_button);
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
  gtk_widget_class_bind_template_callback (widget_class, field_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_patient_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
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
    { "save", self->save_button },
  };

  g_return_val_if_fail (CL_IS_DESK_VIEW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].name, name))
      return GTK_WIDGET (widgets[i].widget);
  return NULL;
}

GtkWidget *
cl_desk_view_close_handover (CLDeskView *self,
                             guint       position)
{
  g_return_val_if_fail (CL_IS_DESK_VIEW (self), NULL);
  g_return_val_if_fail (self->open && position < self->open->len, NULL);
  return open_close_dialog (self, g_ptr_array_index (self->open, position));
}
