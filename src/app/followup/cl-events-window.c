#define G_LOG_DOMAIN "cl-events-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-event-dialog.h"
#include "cl-event-page.h"
#include "cl-event-store.h"
#include "cl-events-window.h"
#include "cl-store-events.h"

/* How far back the list goes: attendance is often recorded a few days
 * after. */
#define PAST_DAYS 30

struct _CLEventsWindow
{
  AdwWindow   parent_instance;

  /* template widgets */
  GtkListBox *list;
  AdwBin     *page_bin;

  /* owned */
  CLContext  *context;
  GtkWidget  *page;    /* CLEventPage, in page_bin */
  guint       n_events;
};

G_DEFINE_FINAL_TYPE (CLEventsWindow, cl_events_window, ADW_TYPE_WINDOW)

static GtkWidget *
event_row (CLStore       *store,
           CLHealthEvent *event,
           const char    *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GPtrArray) registrations = cl_store_event_registrations (store, cl_record_get_id (CL_RECORD (event)));
  g_autofree char *date = cl_date_format_iso (cl_health_event_get_date (event), CL_DATE_SHORT, NULL);
  g_autofree char *hours = cl_health_event_format_hours (event);
  g_autofree char *subtitle = NULL;
  guint registered, waiting;

  cl_event_store_count (registrations, &registered, &waiting);
  /* Translators: an event in the list: its day and hours, places taken of all, and how many wait */
  subtitle = g_strdup_printf (_("%s %s · %u/%d · %u waiting"), date, hours, registered,
                              cl_health_event_get_capacity (event), waiting);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_health_event_get_title (event));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (g_strcmp0 (cl_health_event_get_date (event), today) < 0)
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data_full (G_OBJECT (row), "event-id", g_strdup (cl_record_get_id (CL_RECORD (event))), g_free);
  return row;
}

void
cl_events_window_reload (CLEventsWindow *self)
{
  CLStore *store = cl_context_get_store (self->context);
  g_autofree char *selected = g_strdup (cl_event_page_get_event_id (CL_EVENT_PAGE (self->page)));
  g_autofree char *today_iso = NULL;
  g_autofree char *from_iso = NULL;
  g_autoptr(GPtrArray) events = NULL;
  GtkListBoxRow *first_upcoming = NULL;
  GtkWidget *child;
  GDate today, from;

  g_return_if_fail (CL_IS_EVENTS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.new",
                                 store && cl_context_may (self->context, CL_WRITE, "health_event"));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  self->n_events = 0;
  if (store == NULL)
    return;
  cl_context_get_today (self->context, &today);
  from = today;
  g_date_subtract_days (&from, PAST_DAYS);
  today_iso = cl_date_to_iso (&today);
  from_iso = cl_date_to_iso (&from);
  events = cl_store_health_events_from (store, from_iso);
  for (guint i = 0; i < events->len; i++)
    {
      CLHealthEvent *event = g_ptr_array_index (events, i);
      GtkWidget *row = event_row (store, event, today_iso);

      gtk_list_box_append (self->list, row);
      if (first_upcoming == NULL && g_strcmp0 (cl_health_event_get_date (event), today_iso) >= 0)
        first_upcoming = GTK_LIST_BOX_ROW (row);
    }
  self->n_events = events->len;
  if (events->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No upcoming events"));
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->list, row);
    }
  if (selected)
    cl_events_window_select (self, selected);
  else if (first_upcoming)
    gtk_list_box_select_row (self->list, first_upcoming);
}

void
cl_events_window_select (CLEventsWindow *self,
                         const char     *event_id)
{
  g_return_if_fail (CL_IS_EVENTS_WINDOW (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "event-id"), event_id) == 0)
      {
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        return;
      }
  cl_event_page_set_event_id (CL_EVENT_PAGE (self->page), event_id);
}

static void
on_row_selected_cb (CLEventsWindow *self,
                    GtkListBoxRow  *row)
{
  const char *event_id = row ? g_object_get_data (G_OBJECT (row), "event-id") : NULL;

  if (event_id && g_strcmp0 (event_id, cl_event_page_get_event_id (CL_EVENT_PAGE (self->page))) != 0)
    cl_event_page_set_event_id (CL_EVENT_PAGE (self->page), event_id);
  else if (event_id)
    cl_event_page_reload (CL_EVENT_PAGE (self->page));
}

static void
saved_cb (CLEventsWindow *self,
          const char     *event_id)
{
  cl_event_page_set_event_id (CL_EVENT_PAGE (self->page), event_id);
  cl_events_window_reload (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CLEventsWindow *self = CL_EVENTS_WINDOW (widget);
  CLEventDialog *dialog = cl_event_dialog_new (GTK_WINDOW (self), self->context, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A registration or an edit on the page changes the list's counts. */
static void
store_changed_cb (CLEventsWindow *self,
                  const char     *table)
{
  if (g_strcmp0 (table, "health_event") == 0 || g_strcmp0 (table, "event_registration") == 0)
    {
      g_autofree char *selected = g_strdup (cl_event_page_get_event_id (CL_EVENT_PAGE (self->page)));

      cl_events_window_reload (self);
      if (selected)
        cl_event_page_reload (CL_EVENT_PAGE (self->page));
    }
}

static void
cl_events_window_dispose (GObject *object)
{
  CLEventsWindow *self = CL_EVENTS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_EVENTS_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_events_window_parent_class)->dispose (object);
}

static void
cl_events_window_class_init (CLEventsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_events_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/followup/cl-events-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CLEventsWindow, list);
  gtk_widget_class_bind_template_child (widget_class, CLEventsWindow, page_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_install_action (widget_class, "events.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "events.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_events_window_init (CLEventsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CLEventsWindow *
cl_events_window_new (GtkWindow *parent,
                      CLContext *context)
{
  CLEventsWindow *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_EVENTS_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->page = cl_event_page_new (context);
  adw_bin_set_child (self->page_bin, self->page);
  g_signal_connect_object (cl_context_get_store (context), "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* A log-in as another role changes who may add events. */
  g_signal_connect_object (context, "notify::role", G_CALLBACK (cl_events_window_reload), self, G_CONNECT_SWAPPED);
  cl_events_window_reload (self);
  return self;
}

GtkWidget *
cl_events_window_get_page (CLEventsWindow *self)
{
  g_return_val_if_fail (CL_IS_EVENTS_WINDOW (self), NULL);
  return self->page;
}

guint
cl_events_window_get_n_events (CLEventsWindow *self)
{
  g_return_val_if_fail (CL_IS_EVENTS_WINDOW (self), 0);
  return self->n_events;
}
