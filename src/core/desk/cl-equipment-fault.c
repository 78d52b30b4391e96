#define G_LOG_DOMAIN "cl-equipment-fault"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cl-critical-value.h"
#include "cl-equipment-fault.h"
#include "cl-util.h"

struct _CLEquipmentFault
{
  CLRecord parent_instance;

  char   *machine;
  char   *location;
  char   *fault;
  gint64  reported_at;
  char   *reported_to;
  char   *reported_to_name;
  gint64  fixed_at;
  char   *note;
};

G_DEFINE_FINAL_TYPE (CLEquipmentFault, cl_equipment_fault, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_MACHINE,
  PROP_LOCATION,
  PROP_FAULT,
  PROP_REPORTED_AT,
  PROP_REPORTED_TO,
  PROP_REPORTED_TO_NAME,
  PROP_FIXED_AT,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_equipment_fault_class_init (CLEquipmentFaultClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_MACHINE]          = { "machine", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEquipmentFault, machine) },
    [PROP_LOCATION]         = { "location", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEquipmentFault, location) },
    [PROP_FAULT]            = { "fault", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEquipmentFault, fault) },
    [PROP_REPORTED_AT]      = { "reported-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLEquipmentFault, reported_at),
                                0, CL_COLUMN_NON_NEGATIVE },
    [PROP_REPORTED_TO]      = { "reported-to", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEquipmentFault, reported_to) },
    [PROP_REPORTED_TO_NAME] = { "reported-to-name", CL_COLUMN_TEXT,
                                G_STRUCT_OFFSET (CLEquipmentFault, reported_to_name) },
    [PROP_FIXED_AT]         = { "fixed-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLEquipmentFault, fixed_at),
                                0, CL_COLUMN_NON_NEGATIVE },
    [PROP_NOTE]             = { "note", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEquipmentFault, note) },
  };

  CL_RECORD_CLASS (klass)->table_name = "equipment_fault";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_equipment_fault_init (CLEquipmentFault *self)
{
}

CLEquipmentFault *
cl_equipment_fault_new (void)
{
  return CL_EQUIPMENT_FAULT (cl_record_new (CL_TYPE_EQUIPMENT_FAULT));
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_equipment_fault_get_##field (CLEquipmentFault *self) \
  { \
    g_return_val_if_fail (CL_IS_EQUIPMENT_FAULT (self), NULL); \
    return self->field; \
  } \
  void \
  cl_equipment_fault_set_##field (CLEquipmentFault *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_EQUIPMENT_FAULT (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

#define TIME_ACCESSORS(field, PROP) \
  gint64 \
  cl_equipment_fault_get_##field (CLEquipmentFault *self) \
  { \
    g_return_val_if_fail (CL_IS_EQUIPMENT_FAULT (self), 0); \
    return self->field; \
  } \
  void \
  cl_equipment_fault_set_##field (CLEquipmentFault *self, gint64 value) \
  { \
    g_return_if_fail (CL_IS_EQUIPMENT_FAULT (self)); \
    cl_record_set_int_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (machine, PROP_MACHINE)
TEXT_ACCESSORS (location, PROP_LOCATION)
TEXT_ACCESSORS (fault, PROP_FAULT)
TEXT_ACCESSORS (reported_to, PROP_REPORTED_TO)
TEXT_ACCESSORS (reported_to_name, PROP_REPORTED_TO_NAME)
TEXT_ACCESSORS (note, PROP_NOTE)
TIME_ACCESSORS (reported_at, PROP_REPORTED_AT)
TIME_ACCESSORS (fixed_at, PROP_FIXED_AT)

static const char * const reported_tos[] = { "it", "vendor", "other", NULL };

const char * const *
cl_equipment_fault_reported_tos (void)
{
  return reported_tos;
}

const char *
cl_equipment_fault_reported_to_label (const char *reported_to)
{
  static const char * const labels[] = { N_("IT room"), N_("Kiosk vendor"), N_("Other") };

  for (guint i = 0; reported_to && reported_tos[i]; i++)
    if (g_str_equal (reported_to, reported_tos[i]))
      return _(labels[i]);
  return reported_to ? reported_to : "";
}

gboolean
cl_equipment_fault_is_overdue (CLEquipmentFault *self,
                               gint64            now)
{
  g_return_val_if_fail (CL_IS_EQUIPMENT_FAULT (self), FALSE);

  return self->fixed_at == 0 && self->reported_at > 0
         && now - self->reported_at > CL_EQUIPMENT_FAULT_OVERDUE_SECONDS;
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
cl_equipment_fault_validate (CLEquipmentFault *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_EQUIPMENT_FAULT (self), errors);

  if (blank (self->machine))
    refuse (errors, "machine", _("Enter the machine"));
  if (blank (self->fault))
    refuse (errors, "fault", _("Describe the fault"));
  if (self->reported_at <= 0)
    refuse (errors, "reported_at", _("Enter when the fault was reported"));
  if (self->reported_to == NULL || !g_strv_contains (reported_tos, self->reported_to))
    refuse (errors, "reported_to", _("Choose whom it was reported to: the IT room, the kiosk vendor or other"));
  else if (g_str_equal (self->reported_to, "other") && blank (self->reported_to_name))
    refuse (errors, "reported_to_name", _("Enter whom it was reported to"));
  if (self->fixed_at != 0 && self->fixed_at < self->reported_at)
    refuse (errors, "fixed_at", _("The fix is before the report"));
  return errors;
}

void
cl_equipment_fault_check_now (CLEquipmentFault *self,
                              gint64            now,
                              GHashTable       *errors)
{
  g_return_if_fail (CL_IS_EQUIPMENT_FAULT (self));

  if (self->reported_at > now)
    refuse (errors, "reported_at", _("The report lies in the future"));
  if (self->fixed_at > now)
    refuse (errors, "fixed_at", _("The fix lies in the future"));
}

gboolean
cl_equipment_fault_time_parse (const char *text,
                               gint64      now,
                               gint64     *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) when = NULL;
  int year, month, day, hour, minute;
  char end;

  g_return_val_if_fail (out != NULL, FALSE);

  /* A fault is often reported days before it is logged or fixed, so a
   * date may come with the time. */
  if (strchr (stripped, '-') == NULL)
    return cl_critical_time_parse (stripped, now, out);
  if (sscanf (stripped, "%d-%d-%d %d:%d%c", &year, &month, &day, &hour, &minute, &end) != 5)
    return FALSE;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  zone = g_time_zone_new_local ();
  when = g_date_time_new (zone, year, month, day, hour, minute, 0);
  if (when == NULL)
    return FALSE;
  *out = g_date_time_to_unix (when);
  return TRUE;
}
