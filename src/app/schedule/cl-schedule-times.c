#define G_LOG_DOMAIN "cl-schedule-times"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-form-message.h"
#include "cl-schedule-times.h"
#include "cl-schedule.h"

struct _CLScheduleTimes
{
  GObject              parent_instance;

  /* borrowed: the rows live in the dialog's group */
  AdwEntryRow         *day;
  AdwComboRow         *start;
  AdwComboRow         *end;
  GtkLabel            *day_message;
  GtkLabel            *start_message;

  GArray              *ends;       /* every end offered on the day */
  CLScheduleTimesFunc  choices;
  gpointer             data;
  int                  want_start; /* minutes, before a day is known */
  GDate                own_day;    /* the edited entry's, or cleared */
  int                  own_start;
  int                  own_end;
  int                  duration;   /* minutes, as last set */
  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (CLScheduleTimes, cl_schedule_times, G_TYPE_OBJECT)

static GArray *
row_times (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cl-times");
}

gboolean
cl_schedule_times_offers (GtkWidget *row,
                          int        minutes)
{
  GArray *times = row_times (row);

  for (guint i = 0; times && i < times->len; i++)
    if (g_array_index (times, int, i) == minutes)
      return TRUE;
  return FALSE;
}

int
cl_schedule_times_chosen (GtkWidget *row)
{
  GArray *times = row_times (row);
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return times && selected < times->len ? g_array_index (times, int, selected) : -1;
}

gboolean
cl_schedule_times_choose (GtkWidget *row,
                          int        minutes)
{
  GArray *times = row_times (row);
  guint i;

  if (times == NULL || times->len == 0)
    return FALSE;
  for (i = 0; i < times->len - 1 && g_array_index (times, int, i) < minutes; i++)
    ;
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  return TRUE;
}

/* Offers @times (taken) in @row and chooses the nearest to @keep. */
static void
set_row_times (AdwComboRow *row,
               GArray      *times,
               int          keep)
{
  g_autoptr(GtkStringList) shown = gtk_string_list_new (NULL);

  for (guint i = 0; i < times->len; i++)
    {
      int m = g_array_index (times, int, i);
      g_autofree char *text = g_strdup_printf ("%02d:%02d", m / 60, m % 60);

      gtk_string_list_append (shown, text);
    }
  g_object_set_data_full (G_OBJECT (row), "cl-times", times, (GDestroyNotify) g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (shown));
  cl_schedule_times_choose (GTK_WIDGET (row), keep);
}

/* The ends after the chosen start, the one nearest @want chosen. */
static void
update_ends (CLScheduleTimes *self,
             int              want)
{
  int start = cl_schedule_times_chosen (GTK_WIDGET (self->start));
  GArray *after = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; self->ends && start >= 0 && i < self->ends->len; i++)
    if (g_array_index (self->ends, int, i) > start)
      g_array_append_val (after, g_array_index (self->ends, int, i));
  set_row_times (self->end, after, want);
}

/* Adds @minutes to the sorted @times if it is not there. */
static GArray *
with_time (GArray *times,
           int     minutes)
{
  guint i;

  for (i = 0; i < times->len && g_array_index (times, int, i) < minutes; i++)
    ;
  if (i == times->len || g_array_index (times, int, i) != minutes)
    g_array_insert_val (times, i, minutes);
  return times;
}

void
cl_schedule_times_refresh (CLScheduleTimes *self)
{
  GArray *starts;
  GDate day;
  g_autofree char *hint = NULL;
  int start;

  g_return_if_fail (CL_IS_SCHEDULE_TIMES (self));

  if (!cl_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->day)), &day, NULL))
    return;
  start = cl_schedule_times_chosen (GTK_WIDGET (self->start));
  if (start < 0)
    start = self->want_start;
  self->syncing = TRUE;
  g_clear_pointer (&self->ends, g_array_unref);
  self->ends = self->choices (self->data, &day, TRUE, NULL);
  starts = self->choices (self->data, &day, FALSE, &hint);
  if (g_date_valid (&self->own_day) && g_date_compare (&self->own_day, &day) == 0)
    {
      with_time (starts, self->own_start);
      with_time (self->ends, self->own_end);
    }
  set_row_times (self->start, starts, start);
  update_ends (self, cl_schedule_times_chosen (GTK_WIDGET (self->start)) + self->duration);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->start), hint ? hint : "");
  self->syncing = FALSE;
  if (row_times (GTK_WIDGET (self->start))->len == 0)
    cl_form_message_set (self->start_message, _("There is no time to choose on that day"));
}

static void
day_changed_cb (CLScheduleTimes *self)
{
  if (!self->syncing)
    cl_schedule_times_refresh (self);
}

static void
start_changed_cb (CLScheduleTimes *self)
{
  int start;

  if (self->syncing)
    return;
  /* The end follows, by the duration last set; where the day ends
   * first it stops there, and the duration is kept for the next move. */
  start = cl_schedule_times_chosen (GTK_WIDGET (self->start));
  self->syncing = TRUE;
  update_ends (self, start + self->duration);
  self->syncing = FALSE;
}

static void
end_changed_cb (CLScheduleTimes *self)
{
  int start = cl_schedule_times_chosen (GTK_WIDGET (self->start));
  int end = cl_schedule_times_chosen (GTK_WIDGET (self->end));

  if (!self->syncing && start >= 0 && end > start)
    self->duration = end - start;
}

CLScheduleTimes *
cl_schedule_times_new (AdwPreferencesGroup *group,
                       CLScheduleTimesFunc  choices,
                       gpointer             data,
                       GtkLabel           **day_message,
                       GtkLabel           **start_message,
                       GtkLabel           **end_message)
{
  CLScheduleTimes *self;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);
  g_return_val_if_fail (choices != NULL, NULL);

  self = g_object_new (CL_TYPE_SCHEDULE_TIMES, NULL);
  self->choices = choices;
  self->data = data;
  self->day = cl_form_entry_row_add (GTK_WIDGET (group), _("Day"), day_message);
  self->start = ADW_COMBO_ROW (adw_combo_row_new ());
  *start_message = cl_form_row_add (GTK_WIDGET (group), GTK_WIDGET (self->start), _("Start"));
  self->end = ADW_COMBO_ROW (adw_combo_row_new ());
  *end_message = cl_form_row_add (GTK_WIDGET (group), GTK_WIDGET (self->end), _("End"));
  self->day_message = *day_message;
  self->start_message = *start_message;
  g_signal_connect_object (self->day, "notify::text", G_CALLBACK (day_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start, "notify::selected", G_CALLBACK (start_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->end, "notify::selected", G_CALLBACK (end_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
cl_schedule_times_set (CLScheduleTimes *self,
                       gint64           start_at,
                       gint64           end_at,
                       gboolean         own)
{
  GDate date;
  g_autofree char *iso = NULL;

  g_return_if_fail (CL_IS_SCHEDULE_TIMES (self));

  cl_schedule_day_of (start_at, &date);
  iso = cl_date_to_iso (&date);
  self->want_start = cl_schedule_minutes_of_day (start_at);
  g_date_clear (&self->own_day, 1);
  if (own && end_at > start_at)
    {
      self->own_day = date;
      self->own_start = self->want_start;
      /* An end at midnight is the day's last minute, 1440. */
      self->own_end = self->own_start + (int) ((end_at - start_at) / 60);
    }
  if (end_at > start_at)
    self->duration = (int) ((end_at - start_at) / 60);
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->day), iso);
  /* A fresh choice: not the one of a day shown before. */
  adw_combo_row_set_selected (self->start, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
  cl_schedule_times_refresh (self);
  end_changed_cb (self);
}

gboolean
cl_schedule_times_get (CLScheduleTimes *self,
                       gint64          *start_at,
                       gint64          *end_at)
{
  g_autoptr(GError) error = NULL;
  int from, to;
  GDate date;

  g_return_val_if_fail (CL_IS_SCHEDULE_TIMES (self), FALSE);

  if (!cl_form_message_check (self->day_message,
                              cl_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->day)), &date, &error),
                              &error))
    return FALSE;
  from = cl_schedule_times_chosen (GTK_WIDGET (self->start));
  to = cl_schedule_times_chosen (GTK_WIDGET (self->end));
  if (from < 0 || to < 0)
    {
      cl_form_message_set (self->start_message, _("There is no time to choose on that day"));
      return FALSE;
    }
  *start_at = cl_schedule_at (&date, from);
  *end_at = cl_schedule_at (&date, to);
  return TRUE;
}

GtkWidget *
cl_schedule_times_get_day (CLScheduleTimes *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_TIMES (self), NULL);
  return GTK_WIDGET (self->day);
}

GtkWidget *
cl_schedule_times_get_start (CLScheduleTimes *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_TIMES (self), NULL);
  return GTK_WIDGET (self->start);
}

GtkWidget *
cl_schedule_times_get_end (CLScheduleTimes *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_TIMES (self), NULL);
  return GTK_WIDGET (self->end);
}

static void
cl_schedule_times_finalize (GObject *object)
{
  CLScheduleTimes *self = CL_SCHEDULE_TIMES (object);

  g_clear_pointer (&self->ends, g_array_unref);
  G_OBJECT_CLASS (cl_schedule_times_parent_class)->finalize (object);
}

static void
cl_schedule_times_class_init (CLScheduleTimesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_schedule_times_finalize;
}

static void
cl_schedule_times_init (CLScheduleTimes *self)
{
  self->want_start = 8 * 60;
  self->duration = 30;
  g_date_clear (&self->own_day, 1);
}
