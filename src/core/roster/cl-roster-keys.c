/* cl-roster-keys.c
 *
 * What a roster row and its search keys need that is pure computation
 * (cl-roster-keys.h): pinyin, initials and the ICU sort key of a name.
 * Writing them into the store is cl-roster-index.c's (src/core/store/).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-roster-index"

#include "config.h"

#include <glib/gi18n.h>
#include <unicode/ucol.h>
#include <unicode/uversion.h>
#include <unicode/ustring.h>

#include "cl-patient.h"
#include "cl-pinyin.h"
#include "cl-roster-keys.h"
#include "cl-util.h"

static void
close_collator (gpointer data)
{
  ucol_close (data);
}

/* A UCollator is not thread-safe and costly to open: one per thread. */
static GPrivate collator_key = G_PRIVATE_INIT (close_collator);

static UCollator *
get_collator (void)
{
  UCollator *collator = g_private_get (&collator_key);

  if (collator == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;

      collator = ucol_open ("zh", &status);
      if (U_FAILURE (status))
        {
          g_warning ("ICU zh collator unavailable: %s", u_errorName (status));
          return NULL;
        }
      g_private_set (&collator_key, collator);
    }
  return collator;
}

char *
cl_roster_index_derivation (void)
{
  return g_strdup_printf ("%d/icu-%s", CL_ROSTER_INDEX_VERSION, U_ICU_VERSION);
}

GBytes *
cl_roster_index_sort_key (const char *name)
{
  UCollator *collator = get_collator ();
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[128];
  int32_t length = 0;
  uint8_t key[512];
  int32_t key_length;

  if (name == NULL)
    name = "";
  if (collator == NULL)
    return g_bytes_new (name, strlen (name));

  u_strFromUTF8 (buffer, G_N_ELEMENTS (buffer), &length, name, -1, &status);
  if (U_FAILURE (status) || length > (int32_t) G_N_ELEMENTS (buffer))
    return g_bytes_new (name, strlen (name));

  key_length = ucol_getSortKey (collator, buffer, length, key, sizeof key);
  if (key_length <= 0 || key_length > (int32_t) sizeof key)
    return g_bytes_new (name, strlen (name));

  /* The key ends in a NUL that must not be part of the blob. */
  return g_bytes_new (key, key_length - 1);
}

struct _ClRosterKeys
{
  /* what they were made from */
  char      *name;
  char      *phone;
  char      *mrn;
  char      *id_number;

  GBytes    *sort_key;
  GPtrArray *keys;     /* lower-cased search keys, none empty */
};

void
cl_roster_keys_free (ClRosterKeys *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->phone);
  g_free (self->mrn);
  g_free (self->id_number);
  g_bytes_unref (self->sort_key);
  g_ptr_array_unref (self->keys);
  g_free (self);
}

static void
add_key (ClRosterKeys *self,
         const char   *key)
{
  if (!cl_str_empty (key))
    g_ptr_array_add (self->keys, g_utf8_strdown (key, -1));
}

static char *
strip_spaces (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; p && *p; p++)
    if (*p != ' ')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
add_name_keys (ClRosterKeys *self,
               const char   *name)
{
  g_autofree char *full = cl_pinyin_full (name);
  g_autofree char *initials = cl_pinyin_initials (name);
  g_autofree char *joined = strip_spaces (full);
  g_autofree char *name_joined = strip_spaces (name);

  add_key (self, name_joined);
  add_key (self, joined);
  add_key (self, initials);

  /* Also the given name alone ("xiaomei", "xm", "小梅"): a caller on the
   * phone often gives only that.  The surname is the first syllable
   * except for compound surnames, where the initials tell us its
   * length only roughly, so index both splits. */
  if (g_utf8_strlen (name, -1) >= 3 && g_utf8_strlen (initials, -1) >= 3)
    {
      for (guint skip = 1; skip <= 2; skip++)
        {
          g_auto(GStrv) syllables = g_strsplit (full, " ", -1);
          g_autofree char *rest = NULL;

          if (g_strv_length (syllables) <= skip + 0 || g_strv_length (syllables) - skip < 2)
            continue;
          rest = g_strjoinv ("", syllables + skip);
          add_key (self, rest);
          add_key (self, initials + skip);
          add_key (self, g_utf8_offset_to_pointer (name, skip));
        }
    }
  else if (g_utf8_strlen (name, -1) == 2)
    add_key (self, g_utf8_offset_to_pointer (name, 1));
}

ClRosterKeys *
cl_roster_keys_new (const char *name,
                    const char *phone,
                    const char *mrn,
                    const char *id_number)
{
  ClRosterKeys *self = g_new0 (ClRosterKeys, 1);

  self->name = g_strdup (name);
  self->phone = g_strdup (phone);
  self->mrn = g_strdup (mrn);
  self->id_number = g_strdup (id_number);
  self->sort_key = cl_roster_index_sort_key (name);
  self->keys = g_ptr_array_new_with_free_func (g_free);

  add_name_keys (self, name ? name : "");
  add_key (self, phone);
  add_key (self, id_number);
  add_key (self, mrn);
  /* The last four digits of the phone are what people quote. */
  if (phone && strlen (phone) == 11)
    add_key (self, phone + 7);
  g_ptr_array_add (self->keys, NULL);

  return self;
}

ClRosterKeys *
cl_roster_keys_new_for_record (CLRecord *record)
{
  CLPatient *patient;

  if (!CL_IS_PATIENT (record) || cl_record_get_deleted (record))
    return NULL;
  patient = CL_PATIENT (record);
  return cl_roster_keys_new (cl_patient_get_name (patient), cl_patient_get_phone (patient),
                             cl_patient_get_mrn (patient), cl_patient_get_id_number (patient));
}

const char * const *
cl_roster_keys_get_keys (ClRosterKeys *self)
{
  return (const char * const *) self->keys->pdata;
}

GBytes *
cl_roster_keys_get_sort_key (ClRosterKeys *self)
{
  return self->sort_key;
}

gboolean
cl_roster_keys_made_from (ClRosterKeys *self,
                          const char   *name,
                          const char   *phone,
                          const char   *mrn,
                          const char   *id_number)
{
  return self != NULL &&
         g_strcmp0 (self->name, name) == 0 && g_strcmp0 (self->phone, phone) == 0 &&
         g_strcmp0 (self->mrn, mrn) == 0 && g_strcmp0 (self->id_number, id_number) == 0;
}
