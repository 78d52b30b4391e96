#define G_LOG_DOMAIN "cl-slot-capacity"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-appointment.h"
#include "cl-slot-capacity.h"
#include "cl-util.h"

struct _CLSlotCapacity
{
  CLRecord parent_instance;

  char *department_id;
  char *slot;
  gint  weekday;
  gint  places;
};

G_DEFINE_FINAL_TYPE (CLSlotCapacity, cl_slot_capacity, CL_TYPE_RECORD)

enum { PROP_0, PROP_DEPARTMENT_ID, PROP_SLOT, PROP_WEEKDAY, PROP_PLACES, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
cl_slot_capacity_class_init (CLSlotCapacityClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_DEPARTMENT_ID] = { "department-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSlotCapacity, department_id) },
    [PROP_SLOT]          = { "slot", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSlotCapacity, slot) },
    [PROP_WEEKDAY]       = { "weekday", CL_COLUMN_INT, G_STRUCT_OFFSET (CLSlotCapacity, weekday) },
    [PROP_PLACES]        = { "places", CL_COLUMN_INT, G_STRUCT_OFFSET (CLSlotCapacity, places) },
  };

  CL_RECORD_CLASS (klass)->table_name = "slot_capacity";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_slot_capacity_init (CLSlotCapacity *self)
{
}

CLSlotCapacity *
cl_slot_capacity_new (void)
{
  return CL_SLOT_CAPACITY (cl_record_new (CL_TYPE_SLOT_CAPACITY));
}

const char *
cl_slot_capacity_get_department_id (CLSlotCapacity *self)
{
  g_return_val_if_fail (CL_IS_SLOT_CAPACITY (self), NULL);
  return self->department_id;
}

void
cl_slot_capacity_set_department_id (CLSlotCapacity *self,
                                    const char     *value)
{
  g_return_if_fail (CL_IS_SLOT_CAPACITY (self));
  cl_record_set_text_column (self, properties[PROP_DEPARTMENT_ID], value);
}

const char *
cl_slot_capacity_get_slot (CLSlotCapacity *self)
{
  g_return_val_if_fail (CL_IS_SLOT_CAPACITY (self), NULL);
  return self->slot;
}

void
cl_slot_capacity_set_slot (CLSlotCapacity *self,
                           const char     *value)
{
  g_return_if_fail (CL_IS_SLOT_CAPACITY (self));
  cl_record_set_text_column (self, properties[PROP_SLOT], value);
}

gint
cl_slot_capacity_get_weekday (CLSlotCapacity *self)
{
  g_return_val_if_fail (CL_IS_SLOT_CAPACITY (self), 0);
  return self->weekday;
}

void
cl_slot_capacity_set_weekday (CLSlotCapacity *self,
                              gint            value)
{
  g_return_if_fail (CL_IS_SLOT_CAPACITY (self));
  cl_record_set_int_column (self, properties[PROP_WEEKDAY], value);
}

gint
cl_slot_capacity_get_places (CLSlotCapacity *self)
{
  g_return_val_if_fail (CL_IS_SLOT_CAPACITY (self), 0);
  return self->places;
}

void
cl_slot_capacity_set_places (CLSlotCapacity *self,
                             gint            value)
{
  g_return_if_fail (CL_IS_SLOT_CAPACITY (self));
  cl_record_set_int_column (self, properties[PROP_PLACES], value);
}

const char *
cl_slot_capacity_weekday_label (gint weekday)
{
  static const char * const labels[] = {
    N_("Every day"), N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday"),
  };

  if (weekday < 0 || weekday >= (gint) G_N_ELEMENTS (labels))
    return "";
  return _(labels[weekday]);
}

GHashTable *
cl_slot_capacity_validate (CLSlotCapacity *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_SLOT_CAPACITY (self), errors);

  if (cl_str_empty (self->department_id))
    g_hash_table_insert (errors, g_strdup ("department_id"), g_strdup (_("Choose the department")));
  if (self->slot == NULL || !g_strv_contains (cl_appointment_slots (), self->slot))
    g_hash_table_insert (errors, g_strdup ("slot"), g_strdup (_("Choose the morning or the afternoon")));
  if (self->weekday < 0 || self->weekday > 7)
    g_hash_table_insert (errors, g_strdup ("weekday"), g_strdup (_("Choose every day or one weekday")));
  if (self->places < 0 || self->places > CL_SLOT_CAPACITY_MAX)
    g_hash_table_insert (errors, g_strdup ("places"), g_strdup (_("The places are 0 to 999")));
  return errors;
}
