#pragma once

#include "cl-record.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* One of the hospital's settings for the service desk (table
 * desk_setting), synced: a key and its value as text.  An
 * administrator keeps them; every desk and the server read them, so a
 * promised time or a limit is the same everywhere.  A setting's record
 * id follows from its key (cl_desk_setting_id_for_key()), so two desks
 * setting the same key write one record, not two.
 *
 * Only the keys listed here exist; each is a whole number within a
 * range, with a default that holds until an administrator sets it. */
#define CL_TYPE_DESK_SETTING (cl_desk_setting_get_type ())
G_DECLARE_FINAL_TYPE (CLDeskSetting, cl_desk_setting, CL, DESK_SETTING, CLRecord)

typedef struct
{
  const char *key;
  gint64      fallback;   /* until set */
  gint64      min;
  gint64      max;
  const char *label;      /* marked for translation, for the administrator's form */
  const char *unit;       /* marked for translation too, e.g. "minutes" */
} CLDeskSettingInfo;

/* The known settings, NULL-key-terminated. */
const CLDeskSettingInfo *cl_desk_setting_infos (void);
const CLDeskSettingInfo *cl_desk_setting_info  (const char *key);

CLDeskSetting *cl_desk_setting_new        (const char    *key);

const char    *cl_desk_setting_get_key    (CLDeskSetting *self);
void           cl_desk_setting_set_key    (CLDeskSetting *self, const char *value);
const char    *cl_desk_setting_get_value  (CLDeskSetting *self);
void           cl_desk_setting_set_value  (CLDeskSetting *self, const char *value);

/* The record id of @key's setting (a UUID made from the key). */
char          *cl_desk_setting_id_for_key (const char *key);

/* The setting's rules, column → translated message: a known key, its
 * own id, and a whole number within the key's range. */
GHashTable    *cl_desk_setting_validate   (CLDeskSetting *self);

/* @key's value in @store: what an administrator set, else the
 * default. */
gint64         cl_desk_settings_get_int   (CLStore       *store,
                                           const char    *key);

/* Saves @setting for @role with its rules (cl_desk_setting_validate()),
 * refusing with CL_STORE_ERROR_INVALID and, when @field_errors, column
 * → message, and writing nothing when one is broken. */
gboolean       cl_desk_settings_save      (CLStore       *store,
                                           CLDeskSetting *setting,
                                           const char    *role,
                                           GHashTable   **field_errors,
                                           GError       **error);

/* Sets @key to @value for @role (an administrator), refusing with
 * CL_STORE_ERROR_INVALID (the range in the message) and writing
 * nothing when the value or the role is wrong. */
gboolean       cl_desk_settings_set_int   (CLStore       *store,
                                           const char    *key,
                                           gint64         value,
                                           const char    *role,
                                           GError       **error);

G_END_DECLS
