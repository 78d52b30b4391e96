#define G_LOG_DOMAIN "cl-date-nav"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-date-nav.h"

struct _CLDateNav
{
  GtkWidget   parent_instance;

  /* children */
  GtkWidget  *box;
  GtkWidget  *prev_button;
  GtkWidget  *next_button;
  GtkWidget  *date_button;
  GtkCalendar *calendar;

  GDate       date;
  guint       step;
  gboolean    syncing;
};

G_DEFINE_FINAL_TYPE (CLDateNav, cl_date_nav, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_DATE, N_PROPS };
static GParamSpec *properties[N_PROPS];

void
cl_date_nav_week_start (const GDate *date,
                        GDate       *monday)
{
  *monday = *date;
  g_date_subtract_days (monday, g_date_get_weekday (date) - G_DATE_MONDAY);
}

char *
cl_date_nav_weekday (const GDate *date,
                     gboolean     abbreviated)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  /* Translators: the format of a weekday's name (strftime: %A "Monday",
   * %a "Mon"); change it where the short form needs a word around it */
  return g_date_time_format (dt, abbreviated ? _("%a") : _("%A"));
}

static void
update (CLDateNav *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                                   g_date_get_day (&self->date), 0, 0, 0);

  if (self->step == 7)
    {
      GDate monday, sunday;

      cl_date_nav_week_start (&self->date, &monday);
      sunday = monday;
      g_date_add_days (&sunday, 6);
      text = cl_date_format_range (&monday, &sunday, CL_DATE_FULL, NULL);
    }
  else
    {
      g_autofree char *day = cl_date_format_display (&self->date);
      g_autofree char *weekday = cl_date_nav_weekday (&self->date, FALSE);

      /* Translators: the day shown in a schedule: a date, then its weekday */
      text = g_strdup_printf (_("%s, %s"), day, weekday);
    }
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->date_button), text);

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->syncing = FALSE;
}

static void
day_selected_cb (CLDateNav *self)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (self->syncing)
    return;
  dt = gtk_calendar_get_date (self->calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt), g_date_time_get_year (dt));
  cl_date_nav_set_date (self, &date);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->date_button));
}

static void
prev_cb (CLDateNav *self)
{
  cl_date_nav_step (self, -1);
}

static void
next_cb (CLDateNav *self)
{
  cl_date_nav_step (self, 1);
}

static void
cl_date_nav_dispose (GObject *object)
{
  CLDateNav *self = CL_DATE_NAV (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (cl_date_nav_parent_class)->dispose (object);
}

static void
cl_date_nav_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CLDateNav *self = CL_DATE_NAV (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_take_string (value, cl_date_to_iso (&self->date));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_date_nav_class_init (CLDateNavClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_date_nav_dispose;
  object_class->get_property = cl_date_nav_get_property;

  /* The day, as an ISO date (read-only; set with cl_date_nav_set_date()). */
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_date_nav_init (CLDateNav *self)
{
  GtkWidget *today = gtk_button_new_with_mnemonic (_("_Today"));
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->step = 1;
  cl_date_today (&self->date);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_add_css_class (linked, "linked");
  self->prev_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  self->next_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (self->prev_button, _("Previous (Alt+Left)"));
  gtk_widget_set_tooltip_text (self->next_button, _("Next (Alt+Right)"));
  gtk_widget_set_tooltip_text (today, _("Go to today (Alt+Home)"));
  g_signal_connect_swapped (self->prev_button, "clicked", G_CALLBACK (prev_cb), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_cb), self);
  g_signal_connect_swapped (today, "clicked", G_CALLBACK (cl_date_nav_today), self);
  gtk_box_append (GTK_BOX (linked), self->prev_button);
  gtk_box_append (GTK_BOX (linked), today);
  gtk_box_append (GTK_BOX (linked), self->next_button);
  gtk_box_append (GTK_BOX (self->box), linked);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->date_button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->date_button), popover);
  gtk_widget_set_tooltip_text (self->date_button, _("Choose a day"));
  gtk_widget_add_css_class (self->date_button, "flat");
  gtk_box_append (GTK_BOX (self->box), self->date_button);
  update (self);
}

const GDate *
cl_date_nav_get_date (CLDateNav *self)
{
  g_return_val_if_fail (CL_IS_DATE_NAV (self), NULL);
  return &self->date;
}

void
cl_date_nav_set_date (CLDateNav   *self,
                      const GDate *date)
{
  g_return_if_fail (CL_IS_DATE_NAV (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_date_compare (date, &self->date) == 0)
    return;
  self->date = *date;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
cl_date_nav_today (CLDateNav *self)
{
  GDate today;

  g_return_if_fail (CL_IS_DATE_NAV (self));
  cl_date_today (&today);
  cl_date_nav_set_date (self, &today);
}

void
cl_date_nav_step (CLDateNav *self,
                  int        direction)
{
  GDate date;

  g_return_if_fail (CL_IS_DATE_NAV (self));
  if (direction == 0)
    {
      cl_date_nav_today (self);
      return;
    }
  date = self->date;
  if (direction > 0)
    g_date_add_days (&date, self->step);
  else
    g_date_subtract_days (&date, self->step);
  cl_date_nav_set_date (self, &date);
}

void
cl_date_nav_set_step (CLDateNav *self,
                      guint      days)
{
  g_return_if_fail (CL_IS_DATE_NAV (self));
  self->step = days == 7 ? 7 : 1;
  update (self);
}
