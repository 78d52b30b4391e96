#define G_LOG_DOMAIN "cl-patient"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-id-card.h"
#include "cl-patient.h"
#include "cl-phone.h"
#include "cl-record-rules.h"
#include "cl-util.h"

struct _CLPatient
{
  CLRecord parent_instance;

  char *name;
  char *id_number;
  char *phone;
  char *birth_date;
  char *address;
  char *mrn;
  char *priority;
  char *case_manager_id;
  char *note;
};

G_DEFINE_FINAL_TYPE (CLPatient, cl_patient, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ID_NUMBER,
  PROP_PHONE,
  PROP_BIRTH_DATE,
  PROP_ADDRESS,
  PROP_MRN,
  PROP_PRIORITY,
  PROP_CASE_MANAGER_ID,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Field storage in property order, so get/set need no switch. */
static char **
field_for_prop (CLPatient *self,
                guint      prop_id)
{
  char **fields[] = {
    NULL, &self->name, &self->id_number, &self->phone, &self->birth_date,
    &self->address, &self->mrn, &self->priority, &self->case_manager_id,
    &self->note,
  };

  g_assert (prop_id > 0 && prop_id < N_PROPS);

  return fields[prop_id];
}

static void
cl_patient_finalize (GObject *object)
{
  CLPatient *self = CL_PATIENT (object);

  for (guint i = 1; i < N_PROPS; i++)
    g_clear_pointer (field_for_prop (self, i), g_free);

  G_OBJECT_CLASS (cl_patient_parent_class)->finalize (object);
}

static void
cl_patient_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_set_string (value, *field_for_prop (CL_PATIENT (object), prop_id));
}

static void
set_field (CLPatient  *self,
           guint       prop_id,
           const char *value)
{
  if (cl_set_str (field_for_prop (self, prop_id), value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
cl_patient_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  set_field (CL_PATIENT (object), prop_id, g_value_get_string (value));
}

static void
cl_patient_class_init (CLPatientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);
  const char *names[] = {
    NULL, "name", "id-number", "phone", "birth-date", "address", "mrn",
    "priority", "case-manager-id", "note",
  };

  object_class->finalize = cl_patient_finalize;
  object_class->get_property = cl_patient_get_property;
  object_class->set_property = cl_patient_set_property;

  record_class->table_name = "patient";

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE |
                                         G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_patient_init (CLPatient *self)
{
}

CLPatient *
cl_patient_new (void)
{
  return CL_PATIENT (cl_record_new (CL_TYPE_PATIENT));
}

#define ACCESSORS(field, PROP)                                   \
  const char *                                                   \
  cl_patient_get_##field (CLPatient *self)                       \
  {                                                              \
    g_return_val_if_fail (CL_IS_PATIENT (self), NULL);           \
    return self->field;                                          \
  }                                                              \
  void                                                           \
  cl_patient_set_##field (CLPatient *self, const char *value)    \
  {                                                              \
    g_return_if_fail (CL_IS_PATIENT (self));                     \
    set_field (self, PROP, value);                               \
  }

ACCESSORS (name, PROP_NAME)
ACCESSORS (id_number, PROP_ID_NUMBER)
ACCESSORS (phone, PROP_PHONE)
ACCESSORS (birth_date, PROP_BIRTH_DATE)
ACCESSORS (address, PROP_ADDRESS)
ACCESSORS (mrn, PROP_MRN)
ACCESSORS (priority, PROP_PRIORITY)
ACCESSORS (case_manager_id, PROP_CASE_MANAGER_ID)
ACCESSORS (note, PROP_NOTE)

static void
add_error (GHashTable *errors,
           const char *field,
           GError     *error)
{
  if (!g_hash_table_contains (errors, field))
    g_hash_table_insert (errors, g_strdup (field), g_strdup (error->message));
}

GHashTable *
cl_patient_validate (CLPatient *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GDate id_birth;
  gboolean have_id_birth = FALSE;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CL_IS_PATIENT (self), errors);

  g_date_clear (&id_birth, 1);

  name = g_strstrip (g_strdup (self->name ? self->name : ""));
  if (*name == '\0')
    g_hash_table_insert (errors, g_strdup ("name"),
                         g_strdup (_("Enter the patient’s name")));
  else if (g_utf8_strlen (name, -1) > 50)
    g_hash_table_insert (errors, g_strdup ("name"),
                         g_strdup (_("The name is too long (at most 50 characters)")));
  else
    cl_patient_set_name (self, name);

  if (!cl_str_empty (self->id_number))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      if (cl_id_card_validate (self->id_number, &normalized, &id_birth, NULL, &error))
        {
          cl_patient_set_id_number (self, normalized);
          have_id_birth = TRUE;
        }
      else
        add_error (errors, "id_number", error);
    }

  if (!cl_str_empty (self->phone))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      if (cl_phone_validate (self->phone, &normalized, &error))
        cl_patient_set_phone (self, normalized);
      else
        add_error (errors, "phone", error);
    }
  else
    g_hash_table_insert (errors, g_strdup ("phone"),
                         g_strdup (_("Enter a mobile number so the patient can be reached")));

  if (!cl_str_empty (self->birth_date))
    {
      g_autoptr(GError) error = NULL;
      GDate birth, today;

      cl_date_today (&today);
      if (!cl_date_parse (self->birth_date, &birth, &error))
        add_error (errors, "birth_date", error);
      else if (g_date_compare (&birth, &today) > 0)
        g_hash_table_insert (errors, g_strdup ("birth_date"),
                             g_strdup (_("The date of birth is in the future")));
      /* The desk serves every outpatient, the aged too: only a date no
       * one lives to is a typing error. */
      else if (cl_date_age_years (&birth, &today) > 120)
        g_hash_table_insert (errors, g_strdup ("birth_date"),
                             g_strdup (_("The date of birth is more than 120 years ago; please check it")));
      else if (have_id_birth && g_date_compare (&birth, &id_birth) != 0)
        g_hash_table_insert (errors, g_strdup ("birth_date"),
                             g_strdup (_("The date of birth does not match the ID number")));
      else
        {
          g_autofree char *iso = cl_date_to_iso (&birth);
          cl_patient_set_birth_date (self, iso);
        }
    }
  else if (have_id_birth)
    {
      g_autofree char *iso = cl_date_to_iso (&id_birth);
      cl_patient_set_birth_date (self, iso);
    }

  if (!cl_str_empty (self->mrn))
    {
      g_autofree char *mrn = g_strstrip (g_strdup (self->mrn));

      for (const char *p = mrn; *p; p++)
        if (!g_ascii_isalnum (*p) && *p != '-')
          {
            g_hash_table_insert (errors, g_strdup ("mrn"),
                                 g_strdup (_("A record number has only letters, digits and dashes")));
            break;
          }
      cl_patient_set_mrn (self, mrn);
    }

  if (!cl_str_empty (self->priority))
    {
      g_auto(GStrv) codes = g_strsplit (self->priority, ",", -1);

      for (guint i = 0; codes[i]; i++)
        if (!g_strv_contains (cl_patient_priority_codes (), codes[i]))
          {
            g_hash_table_insert (errors, g_strdup ("priority"),
                                 g_strdup (_("Unknown priority flag")));
            break;
          }
    }

  /* Lengths of texts, as the server checks them (cl-record-rules.h). */
  cl_record_rules_check (CL_RECORD (self), errors);
  return errors;
}

const char * const *
cl_patient_priority_codes (void)
{
  static const char * const codes[] = {
    "vip", "special-care", "staff-family", "complaint", "disability",
    "retired-cadre", "military", "honoured-citizen", "mobility-help", "language-help", NULL,
  };

  return codes;
}

const char *
cl_patient_priority_label (const char *code)
{
  if (g_strcmp0 (code, "vip") == 0)
    return _("VIP");
  if (g_strcmp0 (code, "special-care") == 0)
    return _("Special care");
  if (g_strcmp0 (code, "staff-family") == 0)
    return _("Staff family");
  if (g_strcmp0 (code, "complaint") == 0)
    return _("Complaint on file");
  if (g_strcmp0 (code, "disability") == 0)
    return _("Disability");
  if (g_strcmp0 (code, "retired-cadre") == 0)
    return _("Retired cadre");
  if (g_strcmp0 (code, "military") == 0)
    return _("Military");
  if (g_strcmp0 (code, "honoured-citizen") == 0)
    return _("Honoured citizen");
  if (g_strcmp0 (code, "mobility-help") == 0)
    return _("Needs mobility help");
  if (g_strcmp0 (code, "language-help") == 0)
    return _("Needs language help");
  if (g_strcmp0 (code, CL_PATIENT_FLAG_AGED) == 0)
    return _("Aged 70+");
  return code;
}

gboolean
cl_patient_is_aged (const char  *birth_date,
                    const GDate *on)
{
  GDate birth;

  g_return_val_if_fail (on != NULL && g_date_valid (on), FALSE);

  if (cl_str_empty (birth_date) || !cl_date_parse (birth_date, &birth, NULL))
    return FALSE;
  /* cl_date_age_years() counts a 29 February birthday on 1 March in
   * common years, so she turns 70 then, not on 28 February. */
  return cl_date_age_years (&birth, on) >= CL_PATIENT_AGED_YEARS;
}

char *
cl_patient_aged_birth_cutoff (const GDate *on)
{
  g_return_val_if_fail (on != NULL && g_date_valid (on), NULL);

  /* The same rule as cl_patient_is_aged() in one string comparison:
   * born on or before this day.  On 29 February of a leap year the
   * string names 29 February of a common year, which is no date but
   * still sorts between the 28th and 1 March. */
  return g_strdup_printf ("%04d-%02d-%02d", (int) g_date_get_year (on) - CL_PATIENT_AGED_YEARS,
                          (int) g_date_get_month (on), (int) g_date_get_day (on));
}

char *
cl_patient_effective_flags (const char  *stored,
                            const char  *birth_date,
                            const GDate *on)
{
  GString *flags = g_string_new (cl_str_empty (stored) ? NULL : stored);

  if (cl_patient_is_aged (birth_date, on))
    g_string_append_printf (flags, "%s%s", flags->len ? "," : "", CL_PATIENT_FLAG_AGED);
  return g_string_free (flags, FALSE);
}

char *
cl_patient_flags_describe (const char *flags)
{
  g_auto(GStrv) codes = g_strsplit (flags ? flags : "", ",", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; codes[i]; i++)
    if (*codes[i])
      g_string_append_printf (text, "%s%s", text->len ? _(", ") : "", cl_patient_priority_label (codes[i]));
  return g_string_free (text, FALSE);
}

char *
cl_patient_badged_name (const char *name,
                        const char *flags)
{
  g_auto(GStrv) codes = NULL;

  if (flags == NULL || *flags == '\0')
    return g_strdup (name ? name : "");
  codes = g_strsplit (flags, ",", 2);
  /* Translators: a priority badge (her first flag, e.g. "Retired
   * cadre") before her name, where the name is plain text */
  return g_strdup_printf (_("[%s] %s"), cl_patient_priority_label (codes[0]), name ? name : "");
}
