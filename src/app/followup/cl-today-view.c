#define G_LOG_DOMAIN "cl-today-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-context.h"
#include "cl-date.h"
#include "cl-followup-delivery.h"
#include "cl-followup-dialog.h"
#include "cl-followup-worklist.h"
#include "cl-patient.h"
#include "cl-staff.h"
#include "cl-store-staff.h"
#include "cl-tables.h"
#include "cl-today-view.h"

struct _CLTodayView
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkWidget       *owner_box;
  GtkDropDown     *owner_dropdown;
  GtkLabel        *summary_label;
  GtkStack        *stack;
  GtkBox          *groups_box;

  /* owned */
  CLContext       *context;
  CLStore         *store;
  GPtrArray       *owner_ids;   /* staff ids, parallel to the dropdown */
  GPtrArray       *rows;        /* CLFollowupRow shown */
  GPtrArray       *groups;      /* GtkWidget, the groups in groups_box */
  guint            count;
  gulong           changed_id;
  gulong           delivery_changed_id;
};

G_DEFINE_FINAL_TYPE (CLTodayView, cl_today_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_COUNT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { PATIENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What an undo puts back. */
typedef struct
{
  CLTodayView      *view;
  CLFollowupRecord *item;
  CLFollowupRecord *before;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_object_unref (undo->view);
  g_object_unref (undo->item);
  g_object_unref (undo->before);
  g_free (undo);
}

static void
show_toast (CLTodayView *self,
            const char  *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
undo_clicked_cb (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (!cl_followup_worklist_restore (undo->view->store, undo->item, undo->before,
                                     cl_context_get_role (undo->view->context), &error))
    show_toast (undo->view, error->message);
  cl_today_view_reload (undo->view);
}

static void
toast_undo (CLTodayView      *self,
            const char       *message,
            CLFollowupRecord *item,
            CLFollowupRecord *before)
{
  AdwToast *toast = adw_toast_new (message);
  Undo *undo = g_new0 (Undo, 1);

  undo->view = g_object_ref (self);
  undo->item = g_object_ref (item);
  undo->before = before;
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const char *
outcome_message (CLFollowupOutcome outcome)
{
  switch (outcome)
    {
    case CL_FOLLOWUP_OUTCOME_REACHED: return _("Recorded: reached");
    case CL_FOLLOWUP_OUTCOME_NO_ANSWER: return _("Recorded: no answer");
    case CL_FOLLOWUP_OUTCOME_REFUSED: return _("Recorded: refused");
    default: return "";
    }
}

static void
outcome_clicked_cb (GtkButton   *button,
                    CLTodayView *self)
{
  CLFollowupRow *row = g_object_get_data (G_OBJECT (button), "row");
  GtkEditable *note = g_object_get_data (G_OBJECT (button), "note");
  CLFollowupOutcome outcome = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "outcome"));
  CLFollowupRecord *before = CL_FOLLOWUP_RECORD (cl_record_dup (CL_RECORD (row->item)));
  g_autoptr(CLFollowupRecord) item = g_object_ref (row->item);
  g_autoptr(GError) error = NULL;

  if (!cl_followup_worklist_record (self->store, item, outcome, gtk_editable_get_text (note),
                                    cl_context_get_now (self->context),
                                    cl_context_get_role (self->context), &error))
    {
      g_object_unref (before);
      show_toast (self, error->message);
      return;
    }
  cl_today_view_reload (self);
  toast_undo (self, outcome_message (outcome), item, before);
}

typedef struct
{
  CLTodayView      *view;
  CLFollowupRecord *item;
  GtkCalendar      *calendar;
  GtkLabel         *error_label;
  GtkEditable      *note;
} Reschedule;

static void
reschedule_free (gpointer data)
{
  Reschedule *r = data;

  g_object_unref (r->view);
  g_object_unref (r->item);
  g_free (r);
}

static void
calendar_date_of (GtkCalendar *calendar,
                  GDate       *out)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
}

/* A date in the past is refused at the calendar before it can be
 * chosen. */
static void
calendar_day_cb (GtkCalendar      *calendar,
                 AdwMessageDialog *dialog)
{
  Reschedule *r = g_object_get_data (G_OBJECT (dialog), "reschedule");
  GDate picked, today;

  calendar_date_of (calendar, &picked);
  cl_context_get_today (r->view->context, &today);
  adw_message_dialog_set_response_enabled (dialog, "reschedule", g_date_compare (&picked, &today) >= 0);
  gtk_label_set_label (r->error_label, g_date_compare (&picked, &today) >= 0
                       ? "" : _("The new date cannot be in the past"));
  gtk_widget_set_visible (GTK_WIDGET (r->error_label), g_date_compare (&picked, &today) < 0);
}

static void
reschedule_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  Reschedule *r = g_object_get_data (G_OBJECT (dialog), "reschedule");
  CLFollowupRecord *before;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  GDate picked, today;

  if (!g_str_equal (response, "reschedule"))
    return;
  calendar_date_of (r->calendar, &picked);
  cl_context_get_today (r->view->context, &today);
  before = CL_FOLLOWUP_RECORD (cl_record_dup (CL_RECORD (r->item)));
  if (!cl_followup_worklist_reschedule (r->view->store, r->item, &picked, &today,
                                        gtk_editable_get_text (r->note),
                                        cl_context_get_role (r->view->context), &error))
    {
      g_object_unref (before);
      show_toast (r->view, error->message);
      return;
    }
  cl_today_view_reload (r->view);
  shown = cl_date_format (&picked, CL_DATE_FULL, NULL);
  /* Translators: the date the item moved to. */
  message = g_strdup_printf (_("Rescheduled to %s"), shown);
  toast_undo (r->view, message, r->item, before);
}

static void
reschedule_clicked_cb (GtkButton   *button,
                       CLTodayView *self)
{
  CLFollowupRow *row = g_object_get_data (G_OBJECT (button), "row");
  GtkEditable *note = g_object_get_data (G_OBJECT (button), "note");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *error_label = gtk_label_new (NULL);
  AdwMessageDialog *dialog;
  Reschedule *r = g_new0 (Reschedule, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Reschedule"), NULL));
  adw_message_dialog_format_body (dialog, _("Choose the new date for “%s”."), row->patient_name);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), error_label);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reschedule", _("_Reschedule"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reschedule", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reschedule");

  r->view = g_object_ref (self);
  r->item = g_object_ref (row->item);
  r->calendar = GTK_CALENDAR (calendar);
  r->error_label = GTK_LABEL (error_label);
  r->note = note;
  g_object_set_data_full (G_OBJECT (dialog), "reschedule", r, reschedule_free);
  g_object_set_data (G_OBJECT (self), "reschedule-dialog", dialog);
  /* Start on her due date, or today for an overdue item. */
  {
    g_autoptr(GDateTime) start = NULL;
    GDate today, due;

    cl_context_get_today (self->context, &today);
    if (cl_date_parse (cl_followup_record_get_due_date (row->item), &due, NULL) &&
        g_date_compare (&due, &today) > 0)
      today = due;
    start = g_date_time_new_local (g_date_get_year (&today), g_date_get_month (&today),
                                   g_date_get_day (&today), 0, 0, 0);
    gtk_calendar_select_day (GTK_CALENDAR (calendar), start);
  }
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_cb), dialog);
  calendar_day_cb (GTK_CALENDAR (calendar), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (reschedule_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_patient_clicked_cb (GtkButton   *button,
                         CLTodayView *self)
{
  CLFollowupRow *row = g_object_get_data (G_OBJECT (button), "row");

  g_signal_emit (self, signals[PATIENT_ACTIVATED], 0, cl_followup_record_get_patient_id (row->item));
}

static GtkWidget *
suffix_button (CLTodayView   *self,
               const char    *label,
               CLFollowupRow *row,
               GtkEditable   *note,
               GCallback      callback,
               guint          outcome)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "row", row);
  g_object_set_data (G_OBJECT (button), "note", note);
  g_object_set_data (G_OBJECT (button), "outcome", GUINT_TO_POINTER (outcome));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* AdwExpanderRow (libadwaita 1.2) has no subtitle-lines: its labels
 * would take the width of the whole text and push the buttons out of
 * a narrow window.  At most three lines, then an ellipsis; the full
 * text is the row's tooltip. */
static void
tame_labels (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "subtitle"))
        {
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_lines (GTK_LABEL (child), 3);
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (child), 24);
        }
      tame_labels (child);
    }
}

static GtkWidget *
build_row (CLTodayView   *self,
           CLFollowupRow *row)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *note = adw_entry_row_new ();
  GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *due = cl_date_format_iso (cl_followup_record_get_due_date (row->item), CL_DATE_SHORT, NULL);

  title = g_markup_printf_escaped ("%s  %s", row->patient_name,
                                   row->phone_masked ? row->phone_masked : "");
  /* Translators: kind · channel · due date — the text to send or say. */
  subtitle = g_markup_printf_escaped (_("%s · %s · %s — %s"),
                                      cl_followup_kind_label (cl_followup_record_get_kind (row->item)),
                                      cl_followup_channel_label (cl_followup_record_get_channel (row->item)),
                                      due, cl_followup_record_get_content (row->item));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  /* Her badge before her name, as on the roster: why she is first. */
  if (row->priority)
    {
      g_auto(GStrv) codes = g_strsplit (row->flags, ",", 2);
      g_autofree char *all = cl_patient_flags_describe (row->flags);
      GtkWidget *badge = gtk_label_new (cl_patient_priority_label (codes[0]));

      gtk_widget_add_css_class (badge, "priority-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, all);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), badge);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Note (optional)"));

  /* The server's gateway sent it, or could not: then a person phones. */
  if (cl_followup_delivery_status_label (row->delivery))
    {
      GtkWidget *status = gtk_label_new (cl_followup_delivery_status_label (row->delivery));

      gtk_widget_add_css_class (status, "caption");
      gtk_widget_add_css_class (status, cl_followup_delivery_status_is_failed (row->delivery) ? "error" : "dim-label");
      gtk_label_set_wrap (GTK_LABEL (status), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (status), 26);
      gtk_label_set_width_chars (GTK_LABEL (status), 12);
      gtk_label_set_justify (GTK_LABEL (status), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), status);
    }

  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               suffix_button (self, _("_Reached"), row, GTK_EDITABLE (note),
                                              G_CALLBACK (outcome_clicked_cb), CL_FOLLOWUP_OUTCOME_REACHED));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               suffix_button (self, _("_No Answer"), row, GTK_EDITABLE (note),
                                              G_CALLBACK (outcome_clicked_cb), CL_FOLLOWUP_OUTCOME_NO_ANSWER));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               suffix_button (self, _("Re_fused"), row, GTK_EDITABLE (note),
                                              G_CALLBACK (outcome_clicked_cb), CL_FOLLOWUP_OUTCOME_REFUSED));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               suffix_button (self, _("Re_schedule…"), row, GTK_EDITABLE (note),
                                              G_CALLBACK (reschedule_clicked_cb), 0));
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, _("Open Patient"));
  g_object_set_data (G_OBJECT (open), "row", row);
  g_signal_connect (open, "clicked", G_CALLBACK (open_patient_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), open);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), note);
  gtk_widget_set_tooltip_text (expander, cl_followup_record_get_content (row->item));
  tame_labels (expander);
  return expander;
}

static void
clear_groups (CLTodayView *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static GtkWidget *
add_group (CLTodayView *self,
           const char  *title,
           guint        n)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *full = g_strdup_printf ("%s (%u)", title, n);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), full);
  gtk_box_append (self->groups_box, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

void
cl_today_view_reload (CLTodayView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *overdue_group = NULL, *today_group = NULL;
  guint n_overdue = 0, n_today;
  g_autofree char *summary = NULL;
  GDate today;

  g_return_if_fail (CL_IS_TODAY_VIEW (self));

  clear_groups (self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.add",
                                 self->store && cl_tables_can_write (cl_context_get_role (self->context), "followup_item"));
  if (self->store == NULL)
    return;
  cl_context_get_today (self->context, &today);
  rows = cl_followup_worklist_load (self->store, cl_today_view_get_owner_id (self), &today);
  for (guint i = 0; i < rows->len; i++)
    if (((CLFollowupRow *) g_ptr_array_index (rows, i))->overdue)
      n_overdue++;
  n_today = rows->len - n_overdue;

  for (guint i = 0; i < rows->len; i++)
    {
      CLFollowupRow *row = g_ptr_array_index (rows, i);
      GtkWidget *group;

      if (row->overdue)
        group = overdue_group ? overdue_group
                : (overdue_group = add_group (self, C_("follow-up", "Overdue"), n_overdue));
      else
        group = today_group ? today_group
                : (today_group = add_group (self, C_("follow-up", "Due Today"), n_today));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), build_row (self, row));
    }
  self->rows = g_steal_pointer (&rows);
  /* Translators: the counts of the two groups. */
  summary = g_strdup_printf (_("%u overdue, %u due today"), n_overdue, n_today);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, self->rows->len ? "list" : "empty");
  if (self->count != self->rows->len)
    {
      self->count = self->rows->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

/* Whose lists this person may pick: a case manager only her own; an
 * administrator, someone with another role besides, or a local desk
 * (no one logged in) any case manager's. */
static void
fill_owners (CLTodayView *self)
{
  g_autoptr(GPtrArray) managers = NULL;
  g_autofree char *own_id = NULL;
  GtkStringList *names = gtk_string_list_new (NULL);
  const char *role = cl_context_get_role (self->context);
  gboolean only_own;
  guint selected = 0;

  g_ptr_array_set_size (self->owner_ids, 0);
  managers = cl_store_staff_list_active (self->store, CL_ROLE_CASE_MANAGER);
  if (cl_context_get_username (self->context))
    own_id = cl_store_staff_find_username (self->store, cl_context_get_username (self->context));
  only_own = g_strcmp0 (role, CL_ROLE_CASE_MANAGER) == 0 && own_id != NULL;
  for (guint i = 0; i < managers->len; i++)
    {
      CLStaff *staff = g_ptr_array_index (managers, i);
      const char *id = cl_record_get_id (CL_RECORD (staff));

      if (only_own && g_strcmp0 (id, own_id) != 0)
        continue;
      if (g_strcmp0 (id, own_id) == 0)
        selected = self->owner_ids->len;
      g_ptr_array_add (self->owner_ids, g_strdup (id));
      gtk_string_list_append (names, cl_staff_get_display_name (staff));
    }
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (names));
  g_object_unref (names);
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_dropdown), self->owner_ids->len > 1);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CLTodayView *self = CL_TODAY_VIEW (widget);
  CLFollowupDialog *dialog = cl_followup_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                     self->context, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_today_view_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_changed_cb (CLTodayView *self)
{
  cl_today_view_reload (self);
}

static void
staff_changed_cb (CLTodayView *self)
{
  fill_owners (self);
  cl_today_view_reload (self);
}

static void
context_changed_cb (CLTodayView *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (self->store && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->store);
  if (self->store && self->delivery_changed_id)
    g_clear_signal_handler (&self->delivery_changed_id, self->store);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;
  g_signal_connect_object (store, "changed::staff", G_CALLBACK (staff_changed_cb), self, G_CONNECT_SWAPPED);
  self->changed_id = g_signal_connect_object (store, "changed::followup_item", G_CALLBACK (store_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  /* What the server's SMS/WeChat gateway did with her items. */
  self->delivery_changed_id = g_signal_connect_object (store, "changed::followup_delivery",
                                                       G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  fill_owners (self);
  cl_today_view_reload (self);
}

static void
owner_selected_cb (CLTodayView *self)
{
  cl_today_view_reload (self);
}

guint
cl_today_view_get_count (CLTodayView *self)
{
  g_return_val_if_fail (CL_IS_TODAY_VIEW (self), 0);
  return self->count;
}

const char *
cl_today_view_get_owner_id (CLTodayView *self)
{
  guint selected;

  g_return_val_if_fail (CL_IS_TODAY_VIEW (self), NULL);

  selected = gtk_drop_down_get_selected (self->owner_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->owner_ids->len)
    return NULL;
  return g_ptr_array_index (self->owner_ids, selected);
}

void
cl_today_view_set_owner_id (CLTodayView *self,
                            const char  *owner_id)
{
  guint index;

  g_return_if_fail (CL_IS_TODAY_VIEW (self));

  if (g_ptr_array_find_with_equal_func (self->owner_ids, owner_id, g_str_equal, &index))
    gtk_drop_down_set_selected (self->owner_dropdown, index);
}

static void
cl_today_view_constructed (GObject *object)
{
  CLTodayView *self = CL_TODAY_VIEW (object);

  G_OBJECT_CLASS (cl_today_view_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::username", G_CALLBACK (staff_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->owner_dropdown, "notify::selected", G_CALLBACK (owner_selected_cb), self);
  context_changed_cb (self);
}

static void
cl_today_view_dispose (GObject *object)
{
  CLTodayView *self = CL_TODAY_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_TODAY_VIEW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cl_today_view_parent_class)->dispose (object);
}

static void
cl_today_view_finalize (GObject *object)
{
  CLTodayView *self = CL_TODAY_VIEW (object);

  g_ptr_array_unref (self->owner_ids);
  g_ptr_array_unref (self->groups);

  G_OBJECT_CLASS (cl_today_view_parent_class)->finalize (object);
}

static void
cl_today_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CLTodayView *self = CL_TODAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_today_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      CL_TODAY_VIEW (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_today_view_class_init (CLTodayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cl_today_view_constructed;
  object_class->dispose = cl_today_view_dispose;
  object_class->finalize = cl_today_view_finalize;
  object_class->get_property = cl_today_view_get_property;
  object_class->set_property = cl_today_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The patient id of a row whose patient is to be opened. */
  signals[PATIENT_ACTIVATED] =
    g_signal_new ("patient-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/followup/cl-today-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CLTodayView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLTodayView, owner_box);
  gtk_widget_class_bind_template_child (widget_class, CLTodayView, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLTodayView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CLTodayView, stack);
  gtk_widget_class_bind_template_child (widget_class, CLTodayView, groups_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "today.add", NULL, add_action);
}

static void
cl_today_view_init (CLTodayView *self)
{
  self->owner_ids = g_ptr_array_new_with_free_func (g_free);
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
