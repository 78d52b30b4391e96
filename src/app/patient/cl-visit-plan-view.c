#define G_LOG_DOMAIN "cl-visit-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-form-message.h"
#include "cl-visit-plan-view.h"
#include "cl-visit-store.h"

struct _CLVisitPlanView
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwPreferencesGroup *group;
  GtkListBox          *list;

  /* owned */
  CLContext           *context;
  CLStore             *store;     /* the context's */
  CLPregnancy         *pregnancy;
  ClVisitPlan         *plan;
  GHashTable          *state_labels;   /* key → GtkLabel (borrowed) */
};

G_DEFINE_FINAL_TYPE (CLVisitPlanView, cl_visit_plan_view, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
state_css (ClVisitState state)
{
  const char *classes[] = {
    [CL_VISIT_UPCOMING] = "upcoming",
    [CL_VISIT_DUE] = "due",
    [CL_VISIT_OVERDUE] = "overdue-visit",
    [CL_VISIT_DONE] = "done",
    [CL_VISIT_SKIPPED] = "skipped",
  };
  return classes[state];
}

static const char *
state_icon (ClVisitState state)
{
  const char *icons[] = {
    [CL_VISIT_UPCOMING] = "content-loading-symbolic",
    [CL_VISIT_DUE] = "alarm-symbolic",
    [CL_VISIT_OVERDUE] = "dialog-warning-symbolic",
    [CL_VISIT_DONE] = "emblem-ok-symbolic",
    [CL_VISIT_SKIPPED] = "action-unavailable-symbolic",
  };
  return icons[state];
}

/* "20+0–24+6 wk · 2 Dec – 5 Jan 2027" */
static char *
format_window (gint         start_day,
               gint         end_day,
               ClVisitAnchor anchor,
               const GDate *start,
               const GDate *end,
               const GDate *today)
{
  g_autofree char *dates = cl_date_format_range (start, end, CL_DATE_SHORT, today);
  g_autofree char *weeks = NULL;

  if (anchor == CL_VISIT_ANCHOR_DELIVERY)
    /* Translators: days after the delivery, e.g. "Day 42–56 after birth" */
    weeks = g_strdup_printf (_("Day %d–%d after birth"), start_day, end_day);
  else
    weeks = cl_date_format_ga (start_day, end_day, CL_GA_WEEKS);
  return g_strdup_printf ("%s · %s", weeks, dates);
}

static char *
visit_subtitle (const ClPlannedVisit *visit,
                const GDate          *today)
{
  g_autofree char *window = format_window (visit->window->start_day, visit->window->end_day,
                                           visit->window->anchor, &visit->start, &visit->end, today);
  g_autofree char *done = NULL;

  if (visit->state != CL_VISIT_DONE)
    return g_steal_pointer (&window);

  {
    g_autofree char *date = g_date_valid (&visit->done_date)
      ? cl_date_format_display (&visit->done_date) : g_strdup ("—");

    if (visit->n_reports > 0)
      /* Translators: a visit done on %s, with its reports filed */
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Done on %s · %u report",
                                           "Done on %s · %u reports", visit->n_reports),
                              date, visit->n_reports);
    else
      /* Translators: a visit ticked done on %s by the user %s */
      done = g_strdup_printf (_("Done on %s · ticked by %s"), date,
                              visit->ticked_by ? visit->ticked_by : "—");
  }
  return g_strdup_printf ("%s\n%s", done, window);
}

static gboolean
reload_and_notify (CLVisitPlanView *self)
{
  cl_visit_plan_view_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
toggle_clicked_cb (GtkButton       *button,
                   CLVisitPlanView *self)
{
  cl_visit_plan_view_toggle (self, g_object_get_data (G_OBJECT (button), "visit-key"));
}

static void
tick_save_cb (GtkWidget       *button,
              CLVisitPlanView *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "visit-key");
  GtkEditable *date = g_object_get_data (G_OBJECT (button), "tick-date");
  GtkEditable *note = g_object_get_data (G_OBJECT (button), "tick-note");
  GtkLabel *message = g_object_get_data (G_OBJECT (button), "tick-message");
  g_autoptr(GError) error = NULL;

  if (self->pregnancy == NULL)
    return;
  /* Bad input stays in the popover with its message; nothing is written. */
  if (!cl_visit_store_tick (self->store, self->pregnancy, key, gtk_editable_get_text (date),
                            gtk_editable_get_text (note), &error))
    {
      cl_form_message_set (message, error->message);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (button, GTK_TYPE_POPOVER)));
  /* The rows are rebuilt once the popover has gone. */
  g_idle_add_full (G_PRIORITY_DEFAULT, (GSourceFunc) reload_and_notify, g_object_ref (self), g_object_unref);
}

/* "Mark Done…": a popover asking the day she was seen (today unless
 * told otherwise) and an optional note. */
static GtkWidget *
tick_button (CLVisitPlanView      *self,
             const ClPlannedVisit *visit)
{
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Day of the visit"));
  GtkWidget *date = gtk_entry_new ();
  GtkWidget *message = cl_form_message_new ();
  GtkWidget *note = gtk_entry_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("Mark _Done"));
  g_autofree char *today_iso = NULL;
  GDate today;

  cl_date_today (&today);
  today_iso = cl_date_to_iso (&today);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_editable_set_text (GTK_EDITABLE (date), today_iso);
  gtk_entry_set_activates_default (GTK_ENTRY (date), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (date), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Day of the visit"), -1);
  gtk_widget_set_visible (message, FALSE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), message);
  gtk_box_append (GTK_BOX (box), note);
  gtk_box_append (GTK_BOX (box), save);
  gtk_widget_set_size_request (box, 240, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), save);

  g_object_set_data_full (G_OBJECT (save), "visit-key", g_strdup (visit->window->key), g_free);
  g_object_set_data (G_OBJECT (save), "tick-date", date);
  g_object_set_data (G_OBJECT (save), "tick-note", note);
  g_object_set_data (G_OBJECT (save), "tick-message", message);
  g_signal_connect (save, "clicked", G_CALLBACK (tick_save_cb), self);

  /* One per visit row: a mnemonic would be shared by them all. */
  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu_button), _("Mark Done"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_widget_set_tooltip_text (menu_button, _("The visit took place without a report filed here"));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (menu_button), "visit-key", g_strdup (visit->window->key), g_free);
  g_object_set_data (G_OBJECT (menu_button), "tick-save", save);
  /* Only the visits asking for attention get a raised button. */
  if (visit->state != CL_VISIT_DUE && visit->state != CL_VISIT_OVERDUE)
    gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (menu_button), FALSE);
  return menu_button;
}

static GtkWidget *
item_row (const ClVisitItem    *item,
          const ClPlannedVisit *visit,
          const GDate          *edd,
          const GDate          *today)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->label);
  if (visit->window->anchor == CL_VISIT_ANCHOR_PREGNANCY &&
      (item->start_day != visit->window->start_day || item->end_day != visit->window->end_day))
    {
      ClVisitWindow own = *visit->window;
      g_autofree char *subtitle = NULL;
      GDate start, end;

      /* An item with a window of its own (NT, OGTT, GBS…). */
      own.start_day = item->start_day;
      own.end_day = item->end_day;
      cl_visit_window_dates (&own, edd, NULL, &start, &end);
      subtitle = format_window (item->start_day, item->end_day, own.anchor, &start, &end, today);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  return row;
}

static GtkWidget *
visit_row (CLVisitPlanView      *self,
           const ClPlannedVisit *visit,
           const GDate          *edd,
           const GDate          *today)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (state_icon (visit->state));
  GtkWidget *state = gtk_label_new (cl_visit_state_to_label (visit->state));
  g_autofree char *subtitle = visit_subtitle (visit, today);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), visit->window->label);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "visit-row");

  gtk_widget_add_css_class (icon, "visit-icon");
  gtk_widget_add_css_class (icon, state_css (visit->state));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state, "visit-state");
  gtk_widget_add_css_class (state, state_css (visit->state));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), state);
  g_hash_table_insert (self->state_labels, g_strdup (visit->window->key), state);

  /* Ticking is for visits that are not skipped; a visit done by a
   * report alone has nothing to undo here (the report is the archive's). */
  if (visit->ticked)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Undo"));

      gtk_widget_set_tooltip_text (button, _("Undo the tick: the visit is not done"));
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "visit-key", g_strdup (visit->window->key), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (toggle_clicked_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
    }
  else if (visit->state != CL_VISIT_SKIPPED && visit->state != CL_VISIT_DONE)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tick_button (self, visit));

  /* The items with a window of their own (NT, OGTT, GBS…) one per
   * row; the routine ones of every visit together in one. */
  {
    g_autoptr(GString) routine = g_string_new (NULL);

    for (guint i = 0; i < visit->window->n_items; i++)
      {
        const ClVisitItem *item = visit->window->items[i];

        if (item->start_day >= 0)
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item_row (item, visit, edd, today));
        else
          {
            if (routine->len > 0)
              /* Translators: separator between the routine checks of a visit */
              g_string_append (routine, _(", "));
            g_string_append (routine, item->label);
          }
      }
    if (routine->len > 0)
      {
        GtkWidget *routine_row = adw_action_row_new ();

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (routine_row), _("Routine checks"));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (routine_row), routine->str);
        adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (routine_row), 4);
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), routine_row);
      }
  }
  return row;
}

static void
clear_list (CLVisitPlanView *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->state_labels);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
}

void
cl_visit_plan_view_reload (CLVisitPlanView *self)
{
  GDate today, edd;

  g_return_if_fail (CL_IS_VISIT_PLAN_VIEW (self));

  clear_list (self);
  g_clear_pointer (&self->plan, cl_visit_plan_free);
  cl_date_today (&today);

  if (self->store && self->pregnancy)
    self->plan = cl_visit_store_load_plan (self->store, self->pregnancy, &today);

  if (self->plan == NULL ||
      !cl_date_parse (cl_pregnancy_get_effective_edd (self->pregnancy), &edd, NULL))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Enter the last menstrual period to plan her visits"));
      gtk_list_box_append (self->list, row);
      return;
    }

  for (guint i = 0; i < cl_visit_plan_get_n_visits (self->plan); i++)
    gtk_list_box_append (self->list, visit_row (self, cl_visit_plan_get_visit (self->plan, i), &edd, &today));
}

gboolean
cl_visit_plan_view_toggle (CLVisitPlanView *self,
                           const char      *key)
{
  const ClPlannedVisit *visit;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (CL_IS_VISIT_PLAN_VIEW (self), FALSE);

  if (self->plan == NULL || (visit = cl_visit_plan_lookup (self->plan, key)) == NULL)
    return FALSE;

  if (visit->ticked)
    ok = cl_visit_store_untick (self->store, self->pregnancy, key, &error);
  else
    ok = cl_visit_store_tick (self->store, self->pregnancy, key, NULL, NULL, &error);

  if (!ok)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  _("Visit Not Changed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  cl_visit_plan_view_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

const char *
cl_visit_plan_view_get_state_text (CLVisitPlanView *self,
                                   const char      *key)
{
  GtkLabel *label;

  g_return_val_if_fail (CL_IS_VISIT_PLAN_VIEW (self), NULL);

  label = g_hash_table_lookup (self->state_labels, key);
  return label ? gtk_label_get_label (label) : NULL;
}

static void
context_store_cb (CLVisitPlanView *self)
{
  g_set_object (&self->store, cl_context_get_store (self->context));
}

void
cl_visit_plan_view_set_context (CLVisitPlanView *self,
                                CLContext       *context)
{
  g_return_if_fail (CL_IS_VISIT_PLAN_VIEW (self));
  g_return_if_fail (CL_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  context_store_cb (self);
}

void
cl_visit_plan_view_set_pregnancy (CLVisitPlanView *self,
                                  CLPregnancy     *pregnancy)
{
  g_return_if_fail (CL_IS_VISIT_PLAN_VIEW (self));

  g_set_object (&self->pregnancy, pregnancy);
  cl_visit_plan_view_reload (self);
}

static void
cl_visit_plan_view_dispose (GObject *object)
{
  CLVisitPlanView *self = CL_VISIT_PLAN_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_VISIT_PLAN_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->pregnancy);
  g_clear_pointer (&self->plan, cl_visit_plan_free);
  g_clear_pointer (&self->state_labels, g_hash_table_unref);

  G_OBJECT_CLASS (cl_visit_plan_view_parent_class)->dispose (object);
}

static void
cl_visit_plan_view_class_init (CLVisitPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_visit_plan_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/patient/cl-visit-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CLVisitPlanView, group);
  gtk_widget_class_bind_template_child (widget_class, CLVisitPlanView, list);
}

static void
cl_visit_plan_view_init (CLVisitPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->state_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
