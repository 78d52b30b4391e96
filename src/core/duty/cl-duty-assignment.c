#define G_LOG_DOMAIN "cl-duty-assignment"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-duty-assignment.h"
#include "cl-duty-shift.h"
#include "cl-util.h"

struct _CLDutyAssignment
{
  CLRecord parent_instance;

  char *staff_id;
  char *day;
  char *post_id;
  char *shift;
};

G_DEFINE_FINAL_TYPE (CLDutyAssignment, cl_duty_assignment, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STAFF_ID,
  PROP_DAY,
  PROP_POST_ID,
  PROP_SHIFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_duty_assignment_class_init (CLDutyAssignmentClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_STAFF_ID] = { "staff-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDutyAssignment, staff_id) },
    [PROP_DAY]      = { "day", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDutyAssignment, day) },
    [PROP_POST_ID]  = { "post-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDutyAssignment, post_id) },
    [PROP_SHIFT]    = { "shift", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDutyAssignment, shift) },
  };

  CL_RECORD_CLASS (klass)->table_name = "duty_assignment";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_duty_assignment_init (CLDutyAssignment *self)
{
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_duty_assignment_get_##field (CLDutyAssignment *self) \
  { \
    g_return_val_if_fail (CL_IS_DUTY_ASSIGNMENT (self), NULL); \
    return self->field; \
  } \
  void \
  cl_duty_assignment_set_##field (CLDutyAssignment *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_DUTY_ASSIGNMENT (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (staff_id, PROP_STAFF_ID)
TEXT_ACCESSORS (day, PROP_DAY)
TEXT_ACCESSORS (post_id, PROP_POST_ID)
TEXT_ACCESSORS (shift, PROP_SHIFT)

CLDutyAssignment *
cl_duty_assignment_new (const char *staff_id,
                        const char *day,
                        const char *post_id,
                        const char *shift)
{
  CLDutyAssignment *self = CL_DUTY_ASSIGNMENT (cl_record_new (CL_TYPE_DUTY_ASSIGNMENT));

  cl_duty_assignment_set_staff_id (self, staff_id);
  cl_duty_assignment_set_day (self, day);
  cl_duty_assignment_set_post_id (self, post_id);
  cl_duty_assignment_set_shift (self, shift);
  return self;
}

gboolean
cl_duty_day_parse (const char *iso,
                   GDate      *day)
{
  g_autofree char *again = NULL;

  if (cl_str_empty (iso) || !cl_date_parse (iso, day, NULL))
    return FALSE;
  /* Stored days are ISO, one spelling each, so they compare as text. */
  again = cl_date_to_iso (day);
  return g_strcmp0 (again, iso) == 0;
}

GHashTable *
cl_duty_assignment_validate (CLDutyAssignment *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GDate day;

  g_return_val_if_fail (CL_IS_DUTY_ASSIGNMENT (self), errors);

  if (cl_str_empty (self->staff_id))
    g_hash_table_insert (errors, g_strdup ("staff_id"), g_strdup (_("Choose who is on duty")));
  if (!cl_duty_day_parse (self->day, &day))
    g_hash_table_insert (errors, g_strdup ("day"), g_strdup (_("Enter a real day")));
  if (cl_str_empty (self->post_id))
    g_hash_table_insert (errors, g_strdup ("post_id"), g_strdup (_("Choose a post")));
  if (!cl_duty_shift_is_known (self->shift))
    g_hash_table_insert (errors, g_strdup ("shift"),
                         g_strdup (_("Choose a shift: early, regular, late or night")));
  return errors;
}
