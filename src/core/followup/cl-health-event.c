#define G_LOG_DOMAIN "cl-health-event"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cl-health-event.h"
#include "cl-util.h"
#include "cl-date.h"
#include "cl-validation.h"

enum {
  F_TITLE,
  F_KIND,
  F_DATE,
  F_PLACE,
  F_LINK,
  N_TEXT
};

static const char * const text_names[N_TEXT] = {
  "title", "kind", "date", "place", "link",
};

enum {
  N_STARTS,
  N_ENDS,
  N_CAPACITY,
  N_NUM
};

struct _CLHealthEvent
{
  CLRecord parent_instance;

  char   *text[N_TEXT];
  gint64  num[N_NUM];
};

G_DEFINE_FINAL_TYPE (CLHealthEvent, cl_health_event, CL_TYPE_RECORD)

/* Properties: the texts from 1, then the numbers. */
#define PROP_NUM(i) (N_TEXT + 1 + (i))
#define N_PROPS     (N_TEXT + 1 + N_NUM)

static GParamSpec *properties[N_PROPS];

static void
cl_health_event_finalize (GObject *object)
{
  CLHealthEvent *self = (CLHealthEvent *) object;

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (cl_health_event_parent_class)->finalize (object);
}

static void
cl_health_event_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CLHealthEvent *self = (CLHealthEvent *) object;

  if (prop_id >= 1 && prop_id <= N_TEXT)
    g_value_set_string (value, self->text[prop_id - 1]);
  else if (prop_id == PROP_NUM (0))
    g_value_set_int (value, (gint) self->num[0]);
  else if (prop_id == PROP_NUM (1))
    g_value_set_int (value, (gint) self->num[1]);
  else if (prop_id == PROP_NUM (2))
    g_value_set_int (value, (gint) self->num[2]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_health_event_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CLHealthEvent *self = (CLHealthEvent *) object;

  if (prop_id >= 1 && prop_id <= N_TEXT)
    {
      if (cl_set_str (&self->text[prop_id - 1], g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      return;
    }
  if (prop_id == PROP_NUM (0))
    {
      gint64 v = g_value_get_int (value);

      if (self->num[0] != v)
        {
          self->num[0] = v;
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }
  if (prop_id == PROP_NUM (1))
    {
      gint64 v = g_value_get_int (value);

      if (self->num[1] != v)
        {
          self->num[1] = v;
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }
  if (prop_id == PROP_NUM (2))
    {
      gint64 v = g_value_get_int (value);

      if (self->num[2] != v)
        {
          self->num[2] = v;
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }
  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_health_event_class_init (CLHealthEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cl_health_event_finalize;
  object_class->get_property = cl_health_event_get_property;
  object_class->set_property = cl_health_event_set_property;
  CL_RECORD_CLASS (klass)->table_name = "health_event";

  for (guint i = 0; i < N_TEXT; i++)
    properties[i + 1] = g_param_spec_string (text_names[i], NULL, NULL, NULL, flags);
  properties[PROP_NUM (0)] = g_param_spec_int ("starts", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_NUM (1)] = g_param_spec_int ("ends", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_NUM (2)] = g_param_spec_int ("capacity", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  return self->text[F_TITLE];
}

void
cl_health_event_set_title (CLHealthEvent *self,
                          const char *value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (cl_set_str (&self->text[F_TITLE], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_TITLE + 1]);
}

const char *
cl_health_event_get_kind (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), NULL);
  return self->text[F_KIND];
}

void
cl_health_event_set_kind (CLHealthEvent *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (cl_set_str (&self->text[F_KIND], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_KIND + 1]);
}

const char *
cl_health_event_get_date (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), NULL);
  return self->text[F_DATE];
}

void
cl_health_event_set_date (CLHealthEvent *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (cl_set_str (&self->text[F_DATE], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_DATE + 1]);
}

const char *
cl_health_event_get_place (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), NULL);
  return self->text[F_PLACE];
}

void
cl_health_event_set_place (CLHealthEvent *self,
                          const char *value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (cl_set_str (&self->text[F_PLACE], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_PLACE + 1]);
}

const char *
cl_health_event_get_link (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), NULL);
  return self->text[F_LINK];
}

void
cl_health_event_set_link (CLHealthEvent *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (cl_set_str (&self->text[F_LINK], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[F_LINK + 1]);
}

gint
cl_health_event_get_starts (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), 0);
  return (gint) self->num[0];
}

void
cl_health_event_set_starts (CLHealthEvent *self,
                           gint value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (self->num[0] == value)
    return;
  self->num[0] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUM (0)]);
}

gint
cl_health_event_get_ends (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), 0);
  return (gint) self->num[1];
}

void
cl_health_event_set_ends (CLHealthEvent *self,
                         gint value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (self->num[1] == value)
    return;
  self->num[1] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUM (1)]);
}

gint
cl_health_event_get_capacity (CLHealthEvent *self)
{
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (self), 0);
  return (gint) self->num[2];
}

void
cl_health_event_set_capacity (CLHealthEvent *self,
                             gint value)
{
  g_return_if_fail (CL_IS_HEALTH_EVENT (self));
  if (self->num[2] == value)
    return;
  self->num[2] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUM (2)]);
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

  title = g_strstrip (g_strdup (self->text[F_TITLE] ? self->text[F_TITLE] : ""));
  place = g_strstrip (g_strdup (self->text[F_PLACE] ? self->text[F_PLACE] : ""));
  if (*title == '\0')
    refuse (errors, "title", _("Enter the event’s title"));
  if (self->text[F_KIND] == NULL || !g_strv_contains (kinds, self->text[F_KIND]))
    refuse (errors, "kind", _("Choose lecture, live stream or salon"));
  g_date_clear (&date, 1);
  /* Stored as ISO, never as a desk's typing ("2026/11/28"). */
  if (self->text[F_DATE] == NULL || strlen (self->text[F_DATE]) != 10 ||
      self->text[F_DATE][4] != '-' || self->text[F_DATE][7] != '-' ||
      !cl_date_parse (self->text[F_DATE], &date, NULL))
    refuse (errors, "date", _("Enter the date as YYYY-MM-DD"));
  if (self->num[N_STARTS] < 0 || self->num[N_STARTS] >= 24 * 60)
    refuse (errors, "starts", _("Enter the start time as HH:MM"));
  else if (self->num[N_ENDS] <= self->num[N_STARTS] || self->num[N_ENDS] > 24 * 60)
    refuse (errors, "ends", _("The end time must be after the start time, on the same day"));
  if (!cl_str_empty (self->text[F_LINK]) && !cl_validation_check_web_link (self->text[F_LINK], &error))
    refuse (errors, "link", error->message);
  else if (cl_str_empty (self->text[F_LINK]) && g_strcmp0 (self->text[F_KIND], "live_stream") == 0)
    refuse (errors, "link", _("A live stream needs its link"));
  else if (cl_str_empty (self->text[F_LINK]) && *place == '\0')
    refuse (errors, "place", _("Enter the place or the link"));
  if (self->num[N_CAPACITY] < 1 || self->num[N_CAPACITY] > CL_HEALTH_EVENT_MAX_CAPACITY)
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
  if (!cl_date_parse (self->text[F_DATE], &date, NULL))
    return 0;
  at = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                              (gint) self->num[N_STARTS] / 60, (gint) self->num[N_STARTS] % 60, 0);
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

  from = cl_health_event_format_minutes ((gint) self->num[N_STARTS]);
  to = cl_health_event_format_minutes ((gint) self->num[N_ENDS]);
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
