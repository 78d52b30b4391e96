#define G_LOG_DOMAIN "cl-desk-setting"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdlib.h>

#include "cl-desk-setting.h"
#include "cl-store-save.h"
#include "cl-util.h"

struct _CLDeskSetting
{
  CLRecord parent_instance;

  char *key;
  char *value;
};

G_DEFINE_FINAL_TYPE (CLDeskSetting, cl_desk_setting, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KEY,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Each part of the Service Desk adds its keys here. */
static const CLDeskSettingInfo infos[] = {
  /* A critical value is reported to a doctor or nurse within this
   * many minutes of its receipt, or it is late. */
  { "critical.limit_minutes", 15, 1, 120, N_("Report critical values within"), N_("minutes") },
  /* A complaint is promised to be resolved within this many hours of
   * being made, by its severity: a day for a serious one, three for a
   * moderate one, five for a minor one (cl-complaint.h). */
  { "complaint.hours.serious", 24, 1, 720, N_("Resolve serious complaints within"), N_("hours") },
  { "complaint.hours.moderate", 72, 1, 720, N_("Resolve moderate complaints within"), N_("hours") },
  { "complaint.hours.minor", 120, 1, 720, N_("Resolve minor complaints within"), N_("hours") },
  /* The duty roster (cl-duty-shift.h): the early shift starts this
   * long before a post opens, morning and afternoon, the late shift
   * ends this long after it closes; nobody works more than the week's
   * hours. */
  { "duty.early_minutes", 30, 0, 120, N_("Early shift starts before opening by"), N_("minutes") },
  { "duty.late_minutes", 30, 0, 120, N_("Late shift ends after closing by"), N_("minutes") },
  { "duty.week_hours", 40, 1, 84, N_("Most hours on duty a week"), N_("hours") },
  /* A discharged patient's follow-up call is due this many days after
   * her discharge (cl-discharge-store.h). */
  { "discharge.call_days", 3, 0, 60, N_("Call discharged patients after"), N_("days") },
  /* The guide-desk contract's deductions for inspections
   * (cl-inspection-rules.h), in yuan: 1 000 for a failure caused
   * by poor cooperation, 2 000 for a rectification past its deadline. */
  { "inspection.cooperation_yuan", 1000, 0, 1000000, N_("Deduction for a failure through poor cooperation"),
    N_("yuan") },
  { "inspection.overdue_yuan", 2000, 0, 1000000, N_("Deduction for a rectification past its deadline"),
    N_("yuan") },
  { NULL }
};

static void
cl_desk_setting_class_init (CLDeskSettingClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_KEY]   = { "key", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDeskSetting, key) },
    [PROP_VALUE] = { "value", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDeskSetting, value) },
  };

  CL_RECORD_CLASS (klass)->table_name = "desk_setting";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_desk_setting_init (CLDeskSetting *self)
{
}

const CLDeskSettingInfo *
cl_desk_setting_infos (void)
{
  return infos;
}

const CLDeskSettingInfo *
cl_desk_setting_info (const char *key)
{
  for (guint i = 0; key && infos[i].key; i++)
    if (g_str_equal (infos[i].key, key))
      return &infos[i];
  return NULL;
}

char *
cl_desk_setting_id_for_key (const char *key)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key ? key : "", -1);

  /* The layout of a UUID, version 8 (custom), variant 10. */
  return g_strdup_printf ("%.8s-%.4s-8%.3s-a%.3s-%.12s",
                          hash, hash + 8, hash + 12, hash + 15, hash + 18);
}

CLDeskSetting *
cl_desk_setting_new (const char *key)
{
  g_autofree char *id = cl_desk_setting_id_for_key (key);
  CLDeskSetting *self = CL_DESK_SETTING (cl_record_new (CL_TYPE_DESK_SETTING));

  cl_record_set_id (CL_RECORD (self), id);
  cl_desk_setting_set_key (self, key);
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_desk_setting_get_##field (CLDeskSetting *self) \
  { \
    g_return_val_if_fail (CL_IS_DESK_SETTING (self), NULL); \
    return self->field; \
  } \
  void \
  cl_desk_setting_set_##field (CLDeskSetting *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_DESK_SETTING (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (key, PROP_KEY)
TEXT_ACCESSORS (value, PROP_VALUE)

/* TRUE with the number when @text is a whole decimal number. */
static gboolean
parse_int (const char *text,
           gint64     *out)
{
  char *end = NULL;

  if (cl_str_empty (text))
    return FALSE;
  errno = 0;
  *out = g_ascii_strtoll (text, &end, 10);
  return errno == 0 && end != text && *end == '\0';
}

GHashTable *
cl_desk_setting_validate (CLDeskSetting *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const CLDeskSettingInfo *info;
  g_autofree char *id = NULL;
  gint64 value;

  g_return_val_if_fail (CL_IS_DESK_SETTING (self), errors);

  info = cl_desk_setting_info (self->key);
  if (info == NULL)
    {
      g_hash_table_insert (errors, g_strdup ("key"), g_strdup (_("This setting does not exist")));
      return errors;
    }
  id = cl_desk_setting_id_for_key (self->key);
  if (g_strcmp0 (id, cl_record_get_id (CL_RECORD (self))) != 0)
    g_hash_table_insert (errors, g_strdup ("key"), g_strdup (_("This setting does not exist")));
  if (!parse_int (self->value, &value) || value < info->min || value > info->max)
    {
      g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, info->min);
      g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, info->max);

      g_hash_table_insert (errors, g_strdup ("value"),
                           /* TRANSLATORS: a setting's allowed range, e.g. "Enter a whole number from 1 to 120" */
                           g_strdup_printf (_("Enter a whole number from %s to %s"), min, max));
    }
  return errors;
}

gint64
cl_desk_settings_get_int (CLStore    *store,
                          const char *key)
{
  const CLDeskSettingInfo *info = cl_desk_setting_info (key);
  g_autofree char *id = NULL;
  g_autoptr(CLRecord) record = NULL;
  gint64 value;

  g_return_val_if_fail (CL_IS_STORE (store), 0);
  g_return_val_if_fail (info != NULL, 0);

  id = cl_desk_setting_id_for_key (key);
  record = cl_store_load_record (store, CL_TYPE_DESK_SETTING, id, NULL);
  if (record == NULL || cl_record_get_deleted (record) ||
      !parse_int (CL_DESK_SETTING (record)->value, &value) ||
      value < info->min || value > info->max)
    return info->fallback;
  return value;
}

gboolean
cl_desk_settings_save (CLStore        *store,
                       CLDeskSetting  *setting,
                       const char     *role,
                       GHashTable    **field_errors,
                       GError        **error)
{
  g_autoptr(GHashTable) errors = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DESK_SETTING (setting), FALSE);

  errors = cl_desk_setting_validate (setting);
  return cl_store_save_checked (store, CL_RECORD (setting), role, errors, field_errors, error);
}

gboolean
cl_desk_settings_set_int (CLStore     *store,
                          const char  *key,
                          gint64       value,
                          const char  *role,
                          GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CLRecord) current = NULL;
  g_autoptr(CLDeskSetting) setting = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  id = cl_desk_setting_id_for_key (key);
  current = cl_store_load_record (store, CL_TYPE_DESK_SETTING, id, NULL);
  setting = current ? CL_DESK_SETTING (cl_record_dup (current)) : cl_desk_setting_new (key);
  cl_record_set_deleted (CL_RECORD (setting), FALSE);
  text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  cl_desk_setting_set_value (setting, text);
  return cl_desk_settings_save (store, setting, role, NULL, error);
}
