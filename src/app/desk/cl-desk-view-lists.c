#define G_LOG_DOMAIN "cl-desk-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-contact-close-dialog.h"
#include "cl-date.h"
#include "cl-desk-view-private.h"
#include "cl-schedule.h"
#include "cl-store-desk.h"
#include "cl-store-discharges.h"
#include "cl-store-patients.h"

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
char *
cl_desk_view_format_who (CLDeskView *self,
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

void
cl_desk_view_load_patient_names (CLDeskView *self,
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
make_complaint_clicked_cb (GtkButton  *button,
                           CLDeskView *self)
{
  CLContact *contact = g_object_get_data (G_OBJECT (button), "contact");

  if (contact)
    cl_desk_view_make_complaint (self, contact);
}

static void
entry_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CLDeskView               *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button;
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
  /* Any contact may turn out to be a complaint. */
  button = gtk_button_new_from_icon_name ("mail-mark-important-symbolic");
  gtk_widget_set_tooltip_text (button, _("Make Complaint…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Make Complaint…"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (make_complaint_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);
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
  g_autofree char *who = cl_desk_view_format_who (self, contact);
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
  g_object_set_data_full (G_OBJECT (gtk_widget_get_last_child (gtk_list_item_get_child (item))), "contact",
                          g_object_ref (contact), g_object_unref);
  label = gtk_widget_get_prev_sibling (gtk_widget_get_last_child (gtk_list_item_get_child (item)));
  if (cl_contact_is_overdue (contact, now))
    gtk_widget_add_css_class (label, "overdue");
  else
    gtk_widget_remove_css_class (label, "overdue");
}

static void
show_entries (CLDeskView *self,
              GPtrArray  *contacts)
{
  cl_desk_view_load_patient_names (self, contacts);
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

void
cl_desk_view_search_changed (CLDeskView *self)
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
  g_task_set_source_tag (task, cl_desk_view_search_changed);
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
  g_autofree char *who = cl_desk_view_format_who (self, contact);
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
  g_autofree char *who = cl_desk_view_format_who (self, contact);
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
  cl_desk_view_load_patient_names (self, self->open);
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

void
cl_desk_view_show_calls_due (CLDeskView *self)
{
  g_autofree char *today_iso = NULL;
  g_autofree char *text = NULL;
  gint64 n;
  GDate day;

  if (self->store == NULL || !cl_context_may (self->context, CL_READ, "discharge"))
    {
      gtk_widget_set_visible (self->calls_due_button, FALSE);
      return;
    }
  cl_context_get_today (self->context, &day);
  today_iso = cl_date_to_iso (&day);
  n = cl_store_discharge_due_count (self->store, today_iso);
  /* TRANSLATORS: on the Now page: discharged patients' calls due today or before */
  text = g_strdup_printf (_("Discharge calls due now: %u"), (guint) n);
  gtk_button_set_label (GTK_BUTTON (self->calls_due_button), text);
  if (n == 0)
    gtk_widget_add_css_class (self->calls_due_button, "dim-label");
  else
    gtk_widget_remove_css_class (self->calls_due_button, "dim-label");
  gtk_widget_set_visible (self->calls_due_button, TRUE);
}

void
cl_desk_view_reload_lists (CLDeskView *self)
{
  if (self->store == NULL)
    return;
  if (self->searching || *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    cl_desk_view_search_changed (self);
  else
    show_today (self);
  show_open (self);
  show_counts (self);
  cl_desk_view_show_calls_due (self);
}

void
cl_desk_view_reload (CLDeskView *self)
{
  g_return_if_fail (CL_IS_DESK_VIEW (self));
  cl_desk_view_reload_lists (self);
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

void
cl_desk_view_lists_init (CLDeskView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (entry_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (entry_bind_cb), self);
  gtk_list_view_set_factory (self->entries_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->entries_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)))));
  self->tick = g_timeout_add_seconds (30, tick_cb, self);
}

GtkWidget *
cl_desk_view_close_handover (CLDeskView *self,
                             guint       position)
{
  g_return_val_if_fail (CL_IS_DESK_VIEW (self), NULL);
  g_return_val_if_fail (self->open && position < self->open->len, NULL);
  return open_close_dialog (self, g_ptr_array_index (self->open, position));
}
