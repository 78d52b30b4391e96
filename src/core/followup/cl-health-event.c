#define G_LOG_DOMAIN "cl-health-event"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cl-health-event.h"
#include "cl-util.h"
#include "cl-date.h"
#include "cl-validation.h"

struct _CLHealthEvent
{
  CLRecord parent_instance;

  char *title;
  char *kind;
  char *date;
  char *place;
  char *link;
  gint starts;
  gint ends;
  gint capacity;
};

G_DEFINE_FINAL_TYPE (CLHealthEvent, cl_health_event, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_KIND,
  PROP_DATE,
  PROP_PLACE,
  PROP_LINK,
  PROP_STARTS,
  PROP_ENDS,
  PROP_CAPACITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_health_event_class_init (CLHealthEventClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_TITLE]    = { "title", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLHealthEvent, title) },
    [PROP_KIND]     = { "kind", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLHealthEvent, kind) },
    [PROP_DATE]     = { "date", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLHealthEvent, date) },
    [PROP_PLACE]    = { "place", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLHealthEvent, place) },
    [PROP_LINK]     = { "link", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLHealthEvent, link) },
    [PROP_STARTS]   = { "starts", CL_COLUMN_INT, G_STRUCT_OFFSET (CLHealthEvent, starts) },
    [PROP_ENDS]     = { "ends", CL_COLUMN_INT, G_STRUCT_OFFSET (CLHealthEvent, ends) },
    [PROP_CAPACITY] = { "capacity", CL_COLUMN_INT, G_STRUCT_OFFSET (CLHealthEvent, capacity) },
  };

  CL_RECORD_CLASS (klass)->table_name = "health_event";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_health_event_init (CLHealthEvent *self)
{
}

CLHealthEvent *
cl_health_event_new (void)
{
  return CL_HEALTH_EVENT (cl_record_new (CL_TYPE_HEALTH_EVENT));
}

const char *
cl_health_event_get_title (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), NULL);
  return self->title;
}

void
cl_health_event_set_title (CLHealthEvent *self,
                          const char *value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (cl_set_str (&self->title, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
cl_health_event_get_kind (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), NULL);
  return self->kind;
}

void
cl_health_event_set_kind (CLHealthEvent *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (cl_set_str (&self->kind, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
cl_health_event_get_date (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), NULL);
  return self->date;
}

void
cl_health_event_set_date (CLHealthEvent *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (cl_set_str (&self->date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
cl_health_event_get_place (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), NULL);
  return self->place;
}

void
cl_health_event_set_place (CLHealthEvent *self,
                          const char *value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (cl_set_str (&self->place, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

const char *
cl_health_event_get_link (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), NULL);
  return self->link;
}

void
cl_health_event_set_link (CLHealthEvent *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (cl_set_str (&self->link, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK]);
}

gint
cl_health_event_get_starts (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), 0);
  return (gint) self->starts;
}

void
cl_health_event_set_starts (CLHealthEvent *self,
                           gint value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (self->starts == value)
    return;
  self->starts = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS]);
}

gint
cl_health_event_get_ends (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), 0);
  return (gint) self->ends;
}

void
cl_health_event_set_ends (CLHealthEvent *self,
                         gint value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (self->ends == value)
    return;
  self->ends = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDS]);
}

gint
cl_health_event_get_capacity (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), 0);
  return (gint) self->capacity;
}

void
cl_health_event_set_capacity (CLHealthEvent *self,
                             gint value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (self->capacity == value)
    return;
  self->capacity = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static const char * const kinds[] = { "lecture", "live_stream", "salon", NULL };

const char * const *
cl_health_event_kinds (void)
{
  return kinds;
}

const char *
cl_health_event_kind_label (const char *kind)
{
  static const char * const labels[] = { N_("Lecture"), N_("Live stream"), N_("Salon") };

  for (guint i = 0; kind && kinds[i]; i++)
    if (g_str_equal (kind, kinds[i]))
      return _(labels[i]);
  return kind ? kind : "";
}

GHashTable *
cl_health_event_validate (CLHealthEvent *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *title = NULL;
  g_autofree char *place = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), errors);

  title = g_strstrip (g_strdup (self->title ? self->title : ""));
  place = g_strstrip (g_strdup (self->place ? self->place : ""));
  if (*title == '\0')
    refuse (errors, "title", _("Enter the event’s title"));
  if (self->kind == NULL || !g_strv_contains (kinds, self->kind))
    refuse (errors, "kind", _("Choose lecture, live stream or salon"));
  g_date_clear (&date, 1);
  /* Stored as ISO, never as a desk's typing ("2026/11/28"). */
  if (self->date == NULL || strlen (self->date) != 10 ||
      self->date[4] != '-' || self->date[7] != '-' ||
      !cl_date_parse (self->date, &date, NULL))
    refuse (errors, "date", _("Enter the date as YYYY-MM-DD"));
  if (self->starts < 0 || self->starts >= 24 * 60)
    refuse (errors, "starts", _("Enter the start time as HH:MM"));
  else if (self->ends <= self->starts || self->ends > 24 * 60)
    refuse (errors, "ends", _("The end time must be after the start time, on the same day"));
  if (!cl_str_empty (self->link) && !cl_validation_check_web_link (self->link, &error))
    refuse (errors, "link", error->message);
  else if (cl_str_empty (self->link) && g_strcmp0 (self->kind, "live_stream") == 0)
    refuse (errors, "link", _("A live stream needs its link"));
  else if (cl_str_empty (self->link) && *place == '\0')
    refuse (errors, "place", _("Enter the place or the link"));
  if (self->capacity < 1 || self->capacity > CL_HEALTH_EVENT_MAX_CAPACITY)
    refuse (errors, "capacity", _("The capacity is 1 to 10000 people"));
  return errors;
}

gint64
cl_health_event_get_start_time (CLHealthEvent *self)
{
  g_autoptr(GDateTime) at = NULL;
  GDate date;

  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), 0);

  g_date_clear (&date, 1);
  if (!cl_date_parse (self->date, &date, NULL))
    return 0;
  at = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                              (gint) self->starts / 60, (gint) self->starts % 60, 0);
  return at ? g_date_time_to_unix (at) : 0;
}

char *
cl_health_event_format_minutes (gint minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

char *
cl_health_event_format_hours (CLHealthEvent *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), NULL);

  from = cl_health_event_format_minutes ((gint) self->starts);
  to = cl_health_event_format_minutes ((gint) self->ends);
  return g_strdup_printf ("%s–%s", from, to);
}

gboolean
cl_health_event_parse_minutes (const char *text,
                               gint       *minutes)
{
  g_autofree char *folded = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  guint hours = 0, mins = 0;
  char *p;
  gsize digits;

  g_return_val_if_fail (minutes != NULL, FALSE);

  if (folded == NULL)
    return FALSE;
  p = g_strstrip (folded);
  /* The full-width colon folds to ':' above. */
  if (strchr (p, ':'))
    {
      char *colon = strchr (p, ':');

      *colon = '\0';
      if (strlen (p) < 1 || strlen (p) > 2 || strlen (colon + 1) != 2 ||
          strspn (p, "0123456789") != strlen (p) || strspn (colon + 1, "0123456789") != 2)
        return FALSE;
      hours = (guint) atoi (p);
      mins = (guint) atoi (colon + 1);
    }
  else
    {
      digits = strspn (p, "0123456789");
      if (digits != strlen (p) || (digits != 3 && digits != 4))
        return FALSE;
      mins = (guint) atoi (p + digits - 2);
      p[digits - 2] = '\0';
      hours = (guint) atoi (p);
    }
  if (hours > 23 || mins > 59)
    return FALSE;
  *minutes = (gint) (hours * 60 + mins);
  return TRUE;
}
