#define G_LOG_DOMAIN "cl-duty-post"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-duty-post.h"
#include "cl-duty-shift.h"
#include "cl-util.h"

struct _CLDutyPost
{
  CLRecord parent_instance;

  char     *name;
  char     *name_en;
  gint      morning_opens;
  gint      morning_closes;
  gint      afternoon_opens;
  gint      afternoon_closes;
  gboolean  all_day;
  gint      headcount;
  gboolean  active;
  gint      sort_order;
};

G_DEFINE_FINAL_TYPE (CLDutyPost, cl_duty_post, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_NAME_EN,
  PROP_MORNING_OPENS,
  PROP_MORNING_CLOSES,
  PROP_AFTERNOON_OPENS,
  PROP_AFTERNOON_CLOSES,
  PROP_ALL_DAY,
  PROP_HEADCOUNT,
  PROP_ACTIVE,
  PROP_SORT_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_duty_post_class_init (CLDutyPostClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_NAME]             = { "name", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDutyPost, name) },
    [PROP_NAME_EN]          = { "name-en", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDutyPost, name_en) },
    [PROP_MORNING_OPENS]    = { "morning-opens", CL_COLUMN_INT, G_STRUCT_OFFSET (CLDutyPost, morning_opens),
                                8 * 60, CL_COLUMN_NON_NEGATIVE },
    [PROP_MORNING_CLOSES]   = { "morning-closes", CL_COLUMN_INT, G_STRUCT_OFFSET (CLDutyPost, morning_closes),
                                12 * 60, CL_COLUMN_NON_NEGATIVE },
    [PROP_AFTERNOON_OPENS]  = { "afternoon-opens", CL_COLUMN_INT, G_STRUCT_OFFSET (CLDutyPost, afternoon_opens),
                                14 * 60 + 30, CL_COLUMN_NON_NEGATIVE },
    [PROP_AFTERNOON_CLOSES] = { "afternoon-closes", CL_COLUMN_INT,
                                G_STRUCT_OFFSET (CLDutyPost, afternoon_closes), 17 * 60 + 30,
                                CL_COLUMN_NON_NEGATIVE },
    [PROP_ALL_DAY]          = { "all-day", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLDutyPost, all_day) },
    [PROP_HEADCOUNT]        = { "headcount", CL_COLUMN_INT, G_STRUCT_OFFSET (CLDutyPost, headcount), 1,
                                CL_COLUMN_NON_NEGATIVE },
    [PROP_ACTIVE]           = { "active", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLDutyPost, active), TRUE },
    [PROP_SORT_ORDER]       = { "sort-order", CL_COLUMN_INT, G_STRUCT_OFFSET (CLDutyPost, sort_order), 0,
                                CL_COLUMN_NON_NEGATIVE },
  };

  CL_RECORD_CLASS (klass)->table_name = "duty_post";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_duty_post_init (CLDutyPost *self)
{
  self->morning_opens = 8 * 60;
  self->morning_closes = 12 * 60;
  self->afternoon_opens = 14 * 60 + 30;
  self->afternoon_closes = 17 * 60 + 30;
  self->headcount = 1;
  self->active = TRUE;
}

CLDutyPost *
cl_duty_post_new (void)
{
  return CL_DUTY_POST (cl_record_new (CL_TYPE_DUTY_POST));
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_duty_post_get_##field (CLDutyPost *self) \
  { \
    g_return_val_if_fail (CL_IS_DUTY_POST (self), NULL); \
    return self->field; \
  } \
  void \
  cl_duty_post_set_##field (CLDutyPost *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_DUTY_POST (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

#define INT_ACCESSORS(type, field, PROP) \
  type \
  cl_duty_post_get_##field (CLDutyPost *self) \
  { \
    g_return_val_if_fail (CL_IS_DUTY_POST (self), 0); \
    return self->field; \
  } \
  void \
  cl_duty_post_set_##field (CLDutyPost *self, type value) \
  { \
    g_return_if_fail (CL_IS_DUTY_POST (self)); \
    cl_record_set_int_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (name_en, PROP_NAME_EN)
INT_ACCESSORS (gint, morning_opens, PROP_MORNING_OPENS)
INT_ACCESSORS (gint, morning_closes, PROP_MORNING_CLOSES)
INT_ACCESSORS (gint, afternoon_opens, PROP_AFTERNOON_OPENS)
INT_ACCESSORS (gint, afternoon_closes, PROP_AFTERNOON_CLOSES)
INT_ACCESSORS (gboolean, all_day, PROP_ALL_DAY)
INT_ACCESSORS (gint, headcount, PROP_HEADCOUNT)
INT_ACCESSORS (gboolean, active, PROP_ACTIVE)
INT_ACCESSORS (gint, sort_order, PROP_SORT_ORDER)

const char *
cl_duty_post_get_display_name (CLDutyPost *self)
{
  const char *language = g_get_language_names ()[0];

  g_return_val_if_fail (CL_IS_DUTY_POST (self), NULL);

  if (!g_str_has_prefix (language, "zh") && !cl_str_empty (self->name_en))
    return self->name_en;
  return self->name ? self->name : "";
}

gboolean
cl_duty_post_has_afternoon (CLDutyPost *self)
{
  g_return_val_if_fail (CL_IS_DUTY_POST (self), FALSE);

  return !(self->afternoon_opens == 0 && self->afternoon_closes == 0);
}

char *
cl_duty_post_format_hours (CLDutyPost *self)
{
  g_autofree char *mo = NULL, *mc = NULL, *ao = NULL, *ac = NULL;
  g_autofree char *hours = NULL;

  g_return_val_if_fail (CL_IS_DUTY_POST (self), NULL);

  mo = cl_duty_format_minutes (self->morning_opens);
  mc = cl_duty_format_minutes (self->morning_closes);
  if (cl_duty_post_has_afternoon (self))
    {
      ao = cl_duty_format_minutes (self->afternoon_opens);
      ac = cl_duty_format_minutes (self->afternoon_closes);
      hours = g_strdup_printf ("%s–%s, %s–%s", mo, mc, ao, ac);
    }
  else
    hours = g_strdup_printf ("%s–%s", mo, mc);
  if (self->all_day)
    /* TRANSLATORS: a post open round the clock, then its day shifts' hours */
    return g_strdup_printf (_("24 h (day %s)"), hours);
  return g_steal_pointer (&hours);
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static gboolean
in_day (gint minutes)
{
  return minutes >= 0 && minutes <= 24 * 60;
}

GHashTable *
cl_duty_post_validate (CLDutyPost *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *name = NULL;

  g_return_val_if_fail (CL_IS_DUTY_POST (self), errors);

  name = g_strstrip (g_strdup (self->name ? self->name : ""));
  if (*name == '\0')
    refuse (errors, "name", _("Enter the post’s name"));
  if (self->headcount < 1 || self->headcount > CL_DUTY_POST_MAX_HEADCOUNT)
    refuse (errors, "headcount", _("Enter how many people the post needs a day, from 1 to 50"));
  if (!in_day (self->morning_opens) || !in_day (self->morning_closes)
      || self->morning_closes <= self->morning_opens)
    refuse (errors, "morning_closes", _("The morning session must end after it starts"));
  if (cl_duty_post_has_afternoon (self))
    {
      if (!in_day (self->afternoon_opens) || !in_day (self->afternoon_closes)
          || self->afternoon_closes <= self->afternoon_opens)
        refuse (errors, "afternoon_closes", _("The afternoon session must end after it starts"));
      else if (self->afternoon_opens < self->morning_closes)
        refuse (errors, "afternoon_opens", _("The afternoon session must start after the morning one ends"));
    }
  return errors;
}
