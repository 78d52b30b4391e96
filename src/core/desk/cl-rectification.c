#define G_LOG_DOMAIN "cl-rectification"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-rectification.h"
#include "cl-util.h"

struct _CLRectification
{
  CLRecord parent_instance;

  char   *inspection_id;
  char   *task;
  char   *deadline;
  gint64  done_at;
  char   *done_by;
  char   *note;
};

G_DEFINE_FINAL_TYPE (CLRectification, cl_rectification, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_INSPECTION_ID,
  PROP_TASK,
  PROP_DEADLINE,
  PROP_DONE_AT,
  PROP_DONE_BY,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_rectification_class_init (CLRectificationClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_INSPECTION_ID] = { "inspection-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLRectification, inspection_id) },
    [PROP_TASK]          = { "task", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLRectification, task) },
    [PROP_DEADLINE]      = { "deadline", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLRectification, deadline) },
    [PROP_DONE_AT]       = { "done-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLRectification, done_at),
                             0, CL_COLUMN_NON_NEGATIVE },
    [PROP_DONE_BY]       = { "done-by", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLRectification, done_by) },
    [PROP_NOTE]          = { "note", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLRectification, note) },
  };

  CL_RECORD_CLASS (klass)->table_name = "rectification";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_rectification_init (CLRectification *self)
{
}

CLRectification *
cl_rectification_new (void)
{
  return CL_RECTIFICATION (cl_record_new (CL_TYPE_RECTIFICATION));
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_rectification_get_##field (CLRectification *self) \
  { \
    g_return_val_if_fail (CL_IS_RECTIFICATION (self), NULL); \
    return self->field; \
  } \
  void \
  cl_rectification_set_##field (CLRectification *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_RECTIFICATION (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (inspection_id, PROP_INSPECTION_ID)
TEXT_ACCESSORS (task, PROP_TASK)
TEXT_ACCESSORS (deadline, PROP_DEADLINE)
TEXT_ACCESSORS (done_by, PROP_DONE_BY)
TEXT_ACCESSORS (note, PROP_NOTE)

gint64
cl_rectification_get_done_at (CLRectification *self)
{
  g_return_val_if_fail (CL_IS_RECTIFICATION (self), 0);
  return self->done_at;
}

void
cl_rectification_set_done_at (CLRectification *self,
                              gint64           value)
{
  g_return_if_fail (CL_IS_RECTIFICATION (self));
  cl_record_set_int_column (self, properties[PROP_DONE_AT], value);
}

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 10 || !cl_date_parse (text, out, NULL))
    return FALSE;
  iso = cl_date_to_iso (out);
  return g_strcmp0 (iso, text) == 0;
}

gboolean
cl_rectification_done_in_time (CLRectification *self)
{
  g_autoptr(GDateTime) done = NULL;
  GDate deadline, day;

  g_return_val_if_fail (CL_IS_RECTIFICATION (self), FALSE);

  if (self->done_at <= 0 || !parse_date (self->deadline, &deadline) ||
      !(done = g_date_time_new_from_unix_local (self->done_at)))
    return FALSE;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (done), g_date_time_get_month (done),
                  g_date_time_get_year (done));
  return g_date_compare (&day, &deadline) <= 0;
}

gboolean
cl_rectification_is_overdue (CLRectification *self,
                             const GDate     *today)
{
  GDate deadline;

  g_return_val_if_fail (CL_IS_RECTIFICATION (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  /* The deadline is a whole day: it passes when that day ends. */
  if (!parse_date (self->deadline, &deadline) || g_date_compare (&deadline, today) >= 0)
    return FALSE;
  return !cl_rectification_done_in_time (self);
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
blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return *stripped == '\0';
}

GHashTable *
cl_rectification_validate (CLRectification *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GDate deadline;

  g_return_val_if_fail (CL_IS_RECTIFICATION (self), errors);

  if (blank (self->task))
    refuse (errors, "task", _("Enter what is to be put right"));
  if (!parse_date (self->deadline, &deadline))
    refuse (errors, "deadline", _("Enter the deadline as YYYY-MM-DD"));
  if (self->done_at > 0 && blank (self->done_by))
    refuse (errors, "done_by", _("Enter who put it right"));
  return errors;
}
