#define G_LOG_DOMAIN "cl-nursing-assessment"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-nursing-assessment.h"
#include "cl-util.h"

struct _CLNursingAssessment
{
  CLRecord parent_instance;

  char    *patient_id;
  gint     version;
  char    *supersedes_id;
  char    *medical_history;
  char    *surgical_history;
  char    *drug_allergies;
  char    *drug_allergy_note;
  char    *food_allergies;
  char    *food_allergy_note;
  char    *social;
  char    *psychological;
  char    *risks;
  char    *risk_note;
  char    *recorded_by;
  gint64   recorded_at;
};

G_DEFINE_FINAL_TYPE (CLNursingAssessment, cl_nursing_assessment, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_VERSION,
  PROP_SUPERSEDES_ID,
  PROP_MEDICAL_HISTORY,
  PROP_SURGICAL_HISTORY,
  PROP_DRUG_ALLERGIES,
  PROP_DRUG_ALLERGY_NOTE,
  PROP_FOOD_ALLERGIES,
  PROP_FOOD_ALLERGY_NOTE,
  PROP_SOCIAL,
  PROP_PSYCHOLOGICAL,
  PROP_RISKS,
  PROP_RISK_NOTE,
  PROP_RECORDED_BY,
  PROP_RECORDED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define COLUMN(prop, name, kind, field) \
  [prop] = { name, kind, G_STRUCT_OFFSET (CLNursingAssessment, field) }

static void
cl_nursing_assessment_class_init (CLNursingAssessmentClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    COLUMN (PROP_PATIENT_ID, "patient-id", CL_COLUMN_TEXT, patient_id),
    COLUMN (PROP_VERSION, "version", CL_COLUMN_INT, version),
    COLUMN (PROP_SUPERSEDES_ID, "supersedes-id", CL_COLUMN_TEXT, supersedes_id),
    COLUMN (PROP_MEDICAL_HISTORY, "medical-history", CL_COLUMN_TEXT, medical_history),
    COLUMN (PROP_SURGICAL_HISTORY, "surgical-history", CL_COLUMN_TEXT, surgical_history),
    COLUMN (PROP_DRUG_ALLERGIES, "drug-allergies", CL_COLUMN_TEXT, drug_allergies),
    COLUMN (PROP_DRUG_ALLERGY_NOTE, "drug-allergy-note", CL_COLUMN_TEXT, drug_allergy_note),
    COLUMN (PROP_FOOD_ALLERGIES, "food-allergies", CL_COLUMN_TEXT, food_allergies),
    COLUMN (PROP_FOOD_ALLERGY_NOTE, "food-allergy-note", CL_COLUMN_TEXT, food_allergy_note),
    COLUMN (PROP_SOCIAL, "social", CL_COLUMN_TEXT, social),
    COLUMN (PROP_PSYCHOLOGICAL, "psychological", CL_COLUMN_TEXT, psychological),
    COLUMN (PROP_RISKS, "risks", CL_COLUMN_TEXT, risks),
    COLUMN (PROP_RISK_NOTE, "risk-note", CL_COLUMN_TEXT, risk_note),
    COLUMN (PROP_RECORDED_BY, "recorded-by", CL_COLUMN_TEXT, recorded_by),
    COLUMN (PROP_RECORDED_AT, "recorded-at", CL_COLUMN_INT64, recorded_at),
  };

  CL_RECORD_CLASS (klass)->table_name = "nursing_assessment";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_nursing_assessment_init (CLNursingAssessment *self)
{
}

CLNursingAssessment *
cl_nursing_assessment_new (const char *patient_id)
{
  CLNursingAssessment *self = CL_NURSING_ASSESSMENT (cl_record_new (CL_TYPE_NURSING_ASSESSMENT));

  self->patient_id = g_strdup (patient_id);
  self->version = 1;
  return self;
}

CLNursingAssessment *
cl_nursing_assessment_new_version (CLNursingAssessment *latest)
{
  CLNursingAssessment *self;
  g_autofree char *id = g_uuid_string_random ();

  g_return_val_if_fail (CL_IS_NURSING_ASSESSMENT (latest), NULL);

  self = CL_NURSING_ASSESSMENT (cl_record_dup (CL_RECORD (latest)));
  cl_record_set_id (CL_RECORD (self), id);
  cl_record_set_rev (CL_RECORD (self), 0);
  cl_record_set_updated_at (CL_RECORD (self), 0);
  cl_record_set_updated_by (CL_RECORD (self), NULL);
  cl_nursing_assessment_set_version (self, latest->version + 1);
  cl_nursing_assessment_set_supersedes_id (self, cl_record_get_id (CL_RECORD (latest)));
  cl_nursing_assessment_set_recorded_by (self, NULL);
  cl_nursing_assessment_set_recorded_at (self, 0);
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_nursing_assessment_get_##field (CLNursingAssessment *self) \
  { \
    g_return_val_if_fail (CL_IS_NURSING_ASSESSMENT (self), NULL); \
    return self->field; \
  } \
  void \
  cl_nursing_assessment_set_##field (CLNursingAssessment *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_NURSING_ASSESSMENT (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (patient_id, PROP_PATIENT_ID)
TEXT_ACCESSORS (supersedes_id, PROP_SUPERSEDES_ID)
TEXT_ACCESSORS (medical_history, PROP_MEDICAL_HISTORY)
TEXT_ACCESSORS (surgical_history, PROP_SURGICAL_HISTORY)
TEXT_ACCESSORS (drug_allergies, PROP_DRUG_ALLERGIES)
TEXT_ACCESSORS (drug_allergy_note, PROP_DRUG_ALLERGY_NOTE)
TEXT_ACCESSORS (food_allergies, PROP_FOOD_ALLERGIES)
TEXT_ACCESSORS (food_allergy_note, PROP_FOOD_ALLERGY_NOTE)
TEXT_ACCESSORS (social, PROP_SOCIAL)
TEXT_ACCESSORS (psychological, PROP_PSYCHOLOGICAL)
TEXT_ACCESSORS (risks, PROP_RISKS)
TEXT_ACCESSORS (risk_note, PROP_RISK_NOTE)
TEXT_ACCESSORS (recorded_by, PROP_RECORDED_BY)

gint
cl_nursing_assessment_get_version (CLNursingAssessment *self)
{
  g_return_val_if_fail (CL_IS_NURSING_ASSESSMENT (self), 0);
  return self->version;
}

void
cl_nursing_assessment_set_version (CLNursingAssessment *self,
                                   gint                 value)
{
  g_return_if_fail (CL_IS_NURSING_ASSESSMENT (self));
  cl_record_set_int_column (self, properties[PROP_VERSION], value);
}

gint64
cl_nursing_assessment_get_recorded_at (CLNursingAssessment *self)
{
  g_return_val_if_fail (CL_IS_NURSING_ASSESSMENT (self), 0);
  return self->recorded_at;
}

void
cl_nursing_assessment_set_recorded_at (CLNursingAssessment *self,
                                       gint64               value)
{
  g_return_if_fail (CL_IS_NURSING_ASSESSMENT (self));
  cl_record_set_int_column (self, properties[PROP_RECORDED_AT], value);
}

/* ---- the coded choices ----------------------------------------------- */

static const char * const drug_words[] = {
  "penicillin", "cephalosporin", "sulfonamide", "nsaid", "iodine-contrast", "latex",
  "local-anaesthetic", NULL,
};
static const char * const food_words[] = {
  "seafood", "egg", "milk", "peanut", "tree-nut", "wheat", "soy", NULL,
};
static const char * const risk_words[] = { "fall", "infection", "pregnancy", NULL };

static const struct { const char *word, *label; } labels[] = {
  { CL_NURSING_NONE, N_("No known allergies") },
  { "penicillin", N_("Penicillin") },
  { "cephalosporin", N_("Cephalosporins") },
  { "sulfonamide", N_("Sulfonamides") },
  { "nsaid", N_("Aspirin / NSAIDs") },
  { "iodine-contrast", N_("Iodine contrast") },
  { "latex", N_("Latex") },
  { "local-anaesthetic", N_("Local anaesthetics") },
  { "seafood", N_("Seafood") },
  { "egg", N_("Eggs") },
  { "milk", N_("Milk") },
  { "peanut", N_("Peanuts") },
  { "tree-nut", N_("Tree nuts") },
  { "wheat", N_("Wheat") },
  { "soy", N_("Soy") },
  { "fall", N_("Fall risk") },
  { "infection", N_("Infectious disease") },
  { "pregnancy", N_("Pregnant") },
};

const char * const *
cl_nursing_drug_allergies (void)
{
  return drug_words;
}

const char * const *
cl_nursing_food_allergies (void)
{
  return food_words;
}

const char * const *
cl_nursing_risks (void)
{
  return risk_words;
}

const char *
cl_nursing_word_label (const char *word)
{
  for (guint i = 0; word && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (word, labels[i].word))
      return _(labels[i].label);
  return word ? word : "";
}

/* The words of @list, trimmed, empty ones dropped. */
static GStrv
split_list (const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list ? list : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i])
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

gboolean
cl_nursing_list_has (const char *list,
                     const char *word)
{
  g_auto(GStrv) words = split_list (list);

  return word && g_strv_contains ((const char * const *) words, word);
}

/* ---- rules ----------------------------------------------------------- */

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

/* "No known allergies" is said, never assumed: an empty answer is
 * refused, and so is "none" beside an allergy. */
static void
check_allergies (GHashTable         *errors,
                 const char         *column,
                 const char         *list,
                 const char         *note,
                 const char * const *allowed,
                 const char         *empty_message)
{
  g_auto(GStrv) words = split_list (list);
  gboolean none = g_strv_contains ((const char * const *) words, CL_NURSING_NONE);

  for (guint i = 0; words[i]; i++)
    if (!g_str_equal (words[i], CL_NURSING_NONE) && !g_strv_contains (allowed, words[i]))
      {
        refuse (errors, column, _("Unknown allergy; choose from the list"));
        return;
      }
  if (none && (g_strv_length (words) > 1 || !cl_str_empty (note)))
    refuse (errors, column, _("“No known allergies” cannot be combined with an allergy"));
  else if (words[0] == NULL && cl_str_empty (note))
    refuse (errors, column, empty_message);
}

GHashTable *
cl_nursing_assessment_validate (CLNursingAssessment *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) risks = NULL;

  g_return_val_if_fail (CL_IS_NURSING_ASSESSMENT (self), errors);

  if (cl_str_empty (self->patient_id))
    refuse (errors, "patient_id", _("An assessment must belong to a patient"));
  check_allergies (errors, "drug_allergies", self->drug_allergies, self->drug_allergy_note, drug_words,
                   _("Choose her drug allergies, or “No known drug allergies”"));
  check_allergies (errors, "food_allergies", self->food_allergies, self->food_allergy_note, food_words,
                   _("Choose her food allergies, or “No known food allergies”"));
  risks = split_list (self->risks);
  for (guint i = 0; risks[i]; i++)
    if (!g_strv_contains (risk_words, risks[i]))
      refuse (errors, "risks", _("Unknown risk; choose from the list"));
  if (self->version < 1)
    refuse (errors, "version", _("The versions of an assessment are numbered from 1"));
  if (cl_str_empty (self->recorded_by))
    refuse (errors, "recorded_by", _("Say who recorded the assessment"));
  if (self->recorded_at == 0)
    refuse (errors, "recorded_at", _("Say when the assessment was recorded"));
  return errors;
}

/* ---- what a person reads --------------------------------------------- */

static void
append_labels (GString    *out,
               const char *list)
{
  g_auto(GStrv) words = split_list (list);

  for (guint i = 0; words[i]; i++)
    {
      if (g_str_equal (words[i], CL_NURSING_NONE))
        continue;
      if (out->len)
        /* Translators: between the items of a list */
        g_string_append (out, _(", "));
      g_string_append (out, cl_nursing_word_label (words[i]));
    }
}

char *
cl_nursing_describe_list (const char *words,
                          const char *note)
{
  GString *out = g_string_new (NULL);

  if (cl_nursing_list_has (words, CL_NURSING_NONE))
    g_string_append (out, cl_nursing_word_label (CL_NURSING_NONE));
  append_labels (out, words);
  if (!cl_str_empty (note))
    {
      if (out->len)
        /* Translators: between the coded choices and the free text */
        g_string_append (out, _("; "));
      g_string_append (out, note);
    }
  if (out->len == 0)
    g_string_append (out, "—");
  return g_string_free (out, FALSE);
}

char *
cl_nursing_assessment_describe_alerts (CLNursingAssessment *self,
                                       gboolean            *alert)
{
  g_autoptr(GString) allergies = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  g_auto(GStrv) risks = NULL;
  gboolean any = FALSE;

  if (self == NULL)
    {
      if (alert)
        *alert = FALSE;
      g_string_append (out, _("Allergies not assessed"));
      return g_string_free (out, FALSE);
    }

  append_labels (allergies, self->drug_allergies);
  if (!cl_str_empty (self->drug_allergy_note))
    g_string_append_printf (allergies, "%s%s", allergies->len ? _(", ") : "", self->drug_allergy_note);
  append_labels (allergies, self->food_allergies);
  if (!cl_str_empty (self->food_allergy_note))
    g_string_append_printf (allergies, "%s%s", allergies->len ? _(", ") : "", self->food_allergy_note);
  if (allergies->len)
    {
      /* Translators: the allergies she has, always shown by her name */
      g_string_append_printf (out, _("⚠ Allergies: %s"), allergies->str);
      any = TRUE;
    }
  else
    g_string_append (out, _("No known allergies"));

  risks = split_list (self->risks);
  for (guint i = 0; risks[i]; i++)
    {
      g_string_append_printf (out, " · %s", cl_nursing_word_label (risks[i]));
      any = TRUE;
    }
  if (risks[0] && !cl_str_empty (self->risk_note))
    g_string_append_printf (out, " (%s)", self->risk_note);
  if (alert)
    *alert = any;
  return g_string_free (out, FALSE);
}

const char *
cl_nursing_field_label (CLNursingField field)
{
  static const char * const field_labels[CL_NURSING_N_FIELDS] = {
    N_("Drug allergies"), N_("Food allergies"), N_("High-risk screening"), N_("Medical history"),
    N_("Surgical history"), N_("Social assessment"), N_("Psychological assessment"),
  };

  g_return_val_if_fail (field < CL_NURSING_N_FIELDS, NULL);
  return _(field_labels[field]);
}

static char *
plain_text (const char *text)
{
  return g_strdup (cl_str_empty (text) ? "—" : text);
}

char *
cl_nursing_assessment_field_text (CLNursingAssessment *self,
                                  CLNursingField       field)
{
  g_return_val_if_fail (CL_IS_NURSING_ASSESSMENT (self), NULL);

  switch (field)
    {
    case CL_NURSING_DRUG_ALLERGIES:
      return cl_nursing_describe_list (self->drug_allergies, self->drug_allergy_note);
    case CL_NURSING_FOOD_ALLERGIES:
      return cl_nursing_describe_list (self->food_allergies, self->food_allergy_note);
    case CL_NURSING_RISKS:
      if (cl_str_empty (self->risks) && cl_str_empty (self->risk_note))
        /* Translators: a high-risk screening that found no risk */
        return g_strdup (_("No risk found"));
      return cl_nursing_describe_list (self->risks, self->risk_note);
    case CL_NURSING_MEDICAL_HISTORY:
      return plain_text (self->medical_history);
    case CL_NURSING_SURGICAL_HISTORY:
      return plain_text (self->surgical_history);
    case CL_NURSING_SOCIAL:
      return plain_text (self->social);
    case CL_NURSING_PSYCHOLOGICAL:
      return plain_text (self->psychological);
    case CL_NURSING_N_FIELDS:
    default:
      return g_strdup ("");
    }
}

GStrv
cl_nursing_assessment_changes (CLNursingAssessment *older,
                               CLNursingAssessment *newer)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CL_IS_NURSING_ASSESSMENT (newer), NULL);

  /* Compared as read, so an empty text and no text are one answer. */
  for (guint i = 0; older && i < CL_NURSING_N_FIELDS; i++)
    {
      g_autofree char *before = cl_nursing_assessment_field_text (older, i);
      g_autofree char *after = cl_nursing_assessment_field_text (newer, i);

      if (g_strcmp0 (before, after) != 0)
        g_strv_builder_add (builder, cl_nursing_field_label (i));
    }
  return g_strv_builder_end (builder);
}
