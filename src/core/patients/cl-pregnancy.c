#define G_LOG_DOMAIN "cl-pregnancy"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-pregnancy.h"
#include "cl-record-rules.h"
#include "cl-util.h"

struct _CLPregnancy
{
  CLRecord parent_instance;

  char *patient_id;
  char *lmp;
  char *edd;
  char *corrected_edd;
  char *risk;
  char *status;
  char *delivery_date;
  gint  gravida;
  gint  para;
};

G_DEFINE_FINAL_TYPE (CLPregnancy, cl_pregnancy, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_LMP,
  PROP_EDD,
  PROP_CORRECTED_EDD,
  PROP_RISK,
  PROP_STATUS,
  PROP_DELIVERY_DATE,
  N_STRING_PROPS,
  PROP_GRAVIDA = N_STRING_PROPS,
  PROP_PARA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (CLPregnancy *self,
              guint        prop_id)
{
  char **fields[] = {
    NULL, &self->patient_id, &self->lmp, &self->edd, &self->corrected_edd,
    &self->risk, &self->status, &self->delivery_date,
  };

  g_assert (prop_id > 0 && prop_id < N_STRING_PROPS);

  return fields[prop_id];
}

static void
cl_pregnancy_finalize (GObject *object)
{
  CLPregnancy *self = CL_PREGNANCY (object);

  for (guint i = 1; i < N_STRING_PROPS; i++)
    g_clear_pointer (string_field (self, i), g_free);

  G_OBJECT_CLASS (cl_pregnancy_parent_class)->finalize (object);
}

static void
set_string (CLPregnancy *self,
            guint        prop_id,
            const char  *value)
{
  if (cl_set_str (string_field (self, prop_id), value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int (CLPregnancy *self,
         guint        prop_id,
         gint         value)
{
  gint *field = prop_id == PROP_GRAVIDA ? &self->gravida : &self->para;

  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

static void
cl_pregnancy_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CLPregnancy *self = CL_PREGNANCY (object);

  if (prop_id > 0 && prop_id < N_STRING_PROPS)
    g_value_set_string (value, *string_field (self, prop_id));
  else if (prop_id == PROP_GRAVIDA)
    g_value_set_int (value, self->gravida);
  else if (prop_id == PROP_PARA)
    g_value_set_int (value, self->para);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_pregnancy_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CLPregnancy *self = CL_PREGNANCY (object);

  if (prop_id > 0 && prop_id < N_STRING_PROPS)
    set_string (self, prop_id, g_value_get_string (value));
  else if (prop_id == PROP_GRAVIDA || prop_id == PROP_PARA)
    set_int (self, prop_id, g_value_get_int (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_pregnancy_class_init (CLPregnancyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);
  const char *names[] = {
    NULL, "patient-id", "lmp", "edd", "corrected-edd", "risk", "status",
    "delivery-date",
  };

  object_class->finalize = cl_pregnancy_finalize;
  object_class->get_property = cl_pregnancy_get_property;
  object_class->set_property = cl_pregnancy_set_property;

  record_class->table_name = "pregnancy";

  for (guint i = 1; i < N_STRING_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE |
                                         G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);
  properties[PROP_GRAVIDA] =
    g_param_spec_int ("gravida", NULL, NULL, 0, 30, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARA] =
    g_param_spec_int ("para", NULL, NULL, 0, 30, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_pregnancy_init (CLPregnancy *self)
{
  self->status = g_strdup ("ongoing");
  self->risk = g_strdup ("");
  self->gravida = 1;
}

CLPregnancy *
cl_pregnancy_new (const char *patient_id)
{
  CLPregnancy *self = CL_PREGNANCY (cl_record_new (CL_TYPE_PREGNANCY));

  set_string (self, PROP_PATIENT_ID, patient_id);

  return self;
}

#define GETTER(field)                                              \
  const char *                                                     \
  cl_pregnancy_get_##field (CLPregnancy *self)                     \
  {                                                                \
    g_return_val_if_fail (CL_IS_PREGNANCY (self), NULL);           \
    return self->field;                                            \
  }
#define SETTER(field, PROP)                                        \
  void                                                             \
  cl_pregnancy_set_##field (CLPregnancy *self, const char *value)  \
  {                                                                \
    g_return_if_fail (CL_IS_PREGNANCY (self));                     \
    set_string (self, PROP, value);                                \
  }

GETTER (patient_id)
GETTER (lmp)
GETTER (edd)
GETTER (corrected_edd)
GETTER (risk)
GETTER (status)
GETTER (delivery_date)
SETTER (lmp, PROP_LMP)
SETTER (corrected_edd, PROP_CORRECTED_EDD)
SETTER (risk, PROP_RISK)
SETTER (status, PROP_STATUS)
SETTER (delivery_date, PROP_DELIVERY_DATE)

const char *
cl_pregnancy_get_effective_edd (CLPregnancy *self)
{
  g_return_val_if_fail (CL_IS_PREGNANCY (self), NULL);

  return cl_str_empty (self->corrected_edd) ? self->edd : self->corrected_edd;
}

gint
cl_pregnancy_get_gravida (CLPregnancy *self)
{
  g_return_val_if_fail (CL_IS_PREGNANCY (self), 0);
  return self->gravida;
}

void
cl_pregnancy_set_gravida (CLPregnancy *self,
                          gint         gravida)
{
  g_return_if_fail (CL_IS_PREGNANCY (self));
  set_int (self, PROP_GRAVIDA, gravida);
}

gint
cl_pregnancy_get_para (CLPregnancy *self)
{
  g_return_val_if_fail (CL_IS_PREGNANCY (self), 0);
  return self->para;
}

void
cl_pregnancy_set_para (CLPregnancy *self,
                       gint         para)
{
  g_return_if_fail (CL_IS_PREGNANCY (self));
  set_int (self, PROP_PARA, para);
}

/* Parses an optional date field; returns FALSE (error recorded) only
 * when text was given and is not a date. */
static gboolean
parse_optional (CLPregnancy *self,
                guint        prop_id,
                const char  *field,
                GDate       *out,
                GHashTable  *errors)
{
  const char *text = *string_field (self, prop_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  g_date_clear (out, 1);
  if (cl_str_empty (text))
    {
      set_string (self, prop_id, NULL);
      return TRUE;
    }
  if (!cl_date_parse (text, out, &error))
    {
      g_hash_table_insert (errors, g_strdup (field), g_strdup (error->message));
      return FALSE;
    }
  iso = cl_date_to_iso (out);
  set_string (self, prop_id, iso);
  return TRUE;
}

GHashTable *
cl_pregnancy_validate (CLPregnancy *self,
                       ClRiskScale *scale)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GDate lmp, corrected, delivery, today;
  gboolean dates_ok = TRUE;

  g_return_val_if_fail (CL_IS_PREGNANCY (self), errors);

  cl_date_today (&today);

  if (cl_str_empty (self->lmp))
    {
      g_hash_table_insert (errors, g_strdup ("lmp"),
                           g_strdup (_("Enter the first day of the last menstrual period")));
      dates_ok = FALSE;
    }
  dates_ok &= parse_optional (self, PROP_LMP, "lmp", &lmp, errors);
  dates_ok &= parse_optional (self, PROP_CORRECTED_EDD, "corrected_edd", &corrected, errors);
  dates_ok &= parse_optional (self, PROP_DELIVERY_DATE, "delivery_date", &delivery, errors);

  if (g_strcmp0 (self->status, "ongoing") != 0 &&
      g_strcmp0 (self->status, "delivered") != 0 &&
      g_strcmp0 (self->status, "ended") != 0)
    g_hash_table_insert (errors, g_strdup ("status"), g_strdup (_("Unknown pregnancy status")));
  else if (g_strcmp0 (self->status, "delivered") == 0 && cl_str_empty (self->delivery_date) &&
           !g_hash_table_contains (errors, "delivery_date"))
    g_hash_table_insert (errors, g_strdup ("delivery_date"),
                         g_strdup (_("Enter the delivery date")));
  else if (g_strcmp0 (self->status, "ongoing") == 0 && !cl_str_empty (self->delivery_date))
    g_hash_table_insert (errors, g_strdup ("delivery_date"),
                         g_strdup (_("An ongoing pregnancy has no delivery date; change the status first")));

  if (dates_ok)
    {
      g_autoptr(GError) error = NULL;
      const char *field = NULL;

      if (!cl_dating_check (&lmp,
                            g_date_valid (&corrected) ? &corrected : NULL,
                            g_date_valid (&delivery) ? &delivery : NULL,
                            &today, &field, &error))
        {
          /* cl_dating_check() names fields like properties
           * ("corrected-edd"); our keys are column names. */
          g_autofree char *column = g_strdelimit (g_strdup (field), "-", '_');

          if (!g_hash_table_contains (errors, column))
            g_hash_table_insert (errors, g_steal_pointer (&column), g_strdup (error->message));
        }
      else
        {
          GDate edd;
          g_autofree char *iso = NULL;

          cl_dating_edd_from_lmp (&lmp, &edd);
          iso = cl_date_to_iso (&edd);
          set_string (self, PROP_EDD, iso);
        }

      /* An ongoing pregnancy long past its EDD is almost surely a
       * forgotten status change, so say so rather than store it. */
      if (g_strcmp0 (self->status, "ongoing") == 0 && g_hash_table_size (errors) == 0)
        {
          GDate edd;

          if (cl_date_parse (cl_pregnancy_get_effective_edd (self), &edd, NULL) &&
              cl_date_days_between (&edd, &today) > 21)
            g_hash_table_insert (errors, g_strdup ("status"),
                                 g_strdup (_("The due date is more than three weeks ago; record the delivery or end the pregnancy")));
        }
    }

  if (self->gravida < 1)
    g_hash_table_insert (errors, g_strdup ("gravida"),
                         g_strdup (_("Gravida counts this pregnancy, so it is at least 1")));
  else if (self->para >= self->gravida + (g_strcmp0 (self->status, "delivered") == 0 ? 1 : 0))
    g_hash_table_insert (errors, g_strdup ("para"),
                         g_strdup (_("Para cannot be more than the earlier pregnancies")));

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *normalized = NULL;

    if (!cl_risk_normalize (scale, self->risk ? self->risk : "", &normalized, &error))
      g_hash_table_insert (errors, g_strdup ("risk"), g_strdup (error->message));
    else
      set_string (self, PROP_RISK, normalized);
  }

  /* Lengths of texts, as the server checks them (cl-record-rules.h). */
  cl_record_rules_check (CL_RECORD (self), errors);
  return errors;
}

const char *
cl_pregnancy_status_label (const char *status)
{
  if (g_strcmp0 (status, "ongoing") == 0)
    return C_("pregnancy status", "Ongoing");
  if (g_strcmp0 (status, "delivered") == 0)
    return C_("pregnancy status", "Delivered");
  if (g_strcmp0 (status, "ended") == 0)
    return C_("pregnancy status", "Ended");
  return status;
}

const char * const *
cl_pregnancy_statuses (void)
{
  static const char * const statuses[] = { "ongoing", "delivered", "ended", NULL };

  return statuses;
}

gboolean
cl_pregnancy_is_ongoing (CLPregnancy *self)
{
  g_return_val_if_fail (CL_IS_PREGNANCY (self), FALSE);
  return g_strcmp0 (cl_pregnancy_get_status (self), "ongoing") == 0;
}

gboolean
cl_pregnancy_status_has_delivery (const char *status)
{
  return g_strcmp0 (status, "delivered") == 0;
}
