#define G_LOG_DOMAIN "cl-scale-record"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cl-scale-catalog.h"
#include "cl-scale-record.h"
#include "cl-util.h"

enum {
  F_PATIENT_ID,
  F_PREGNANCY_ID,
  F_SCALE_ID,
  F_ANSWERS,
  F_BAND_ID,
  F_FLAGS,
  F_FILLED_BY,
  F_SOURCE,
  N_TEXT
};

static const char * const text_names[N_TEXT] = {
  "patient-id", "pregnancy-id", "scale-id", "answers", "band-id", "flags",
  "filled-by", "source",
};

/* More items than any scale has: a longer array is refused unread. */
#define MAX_ANSWERS 200

struct _CLScaleRecord
{
  CLRecord parent_instance;

  char   *text[N_TEXT];
  gint    total;
  gint64  filled_at;
};

G_DEFINE_FINAL_TYPE (CLScaleRecord, cl_scale_record, CL_TYPE_RECORD)

#define PROP_TOTAL     (N_TEXT + 1)
#define PROP_FILLED_AT (N_TEXT + 2)
#define N_PROPS        (N_TEXT + 3)

static GParamSpec *properties[N_PROPS];

static const char * const sources[] = { "desk", "phone", "link" };

const char *
cl_scale_source_label (const char *source)
{
  static const char * const labels[] = { N_("At the desk"), N_("By phone"), N_("By link") };

  for (guint i = 0; source && i < G_N_ELEMENTS (sources); i++)
    if (g_str_equal (source, sources[i]))
      return _(labels[i]);
  return source ? source : "";
}

static void
cl_scale_record_finalize (GObject *object)
{
  CLScaleRecord *self = CL_SCALE_RECORD (object);

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (cl_scale_record_parent_class)->finalize (object);
}

static void
cl_scale_record_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CLScaleRecord *self = CL_SCALE_RECORD (object);

  if (prop_id >= 1 && prop_id <= N_TEXT)
    g_value_set_string (value, self->text[prop_id - 1]);
  else if (prop_id == PROP_TOTAL)
    g_value_set_int (value, self->total);
  else if (prop_id == PROP_FILLED_AT)
    g_value_set_int64 (value, self->filled_at);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_scale_record_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CLScaleRecord *self = CL_SCALE_RECORD (object);

  if (prop_id >= 1 && prop_id <= N_TEXT)
    cl_set_str (&self->text[prop_id - 1], g_value_get_string (value));
  else if (prop_id == PROP_TOTAL)
    self->total = g_value_get_int (value);
  else if (prop_id == PROP_FILLED_AT)
    self->filled_at = g_value_get_int64 (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_scale_record_class_init (CLScaleRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cl_scale_record_finalize;
  object_class->get_property = cl_scale_record_get_property;
  object_class->set_property = cl_scale_record_set_property;
  CL_RECORD_CLASS (klass)->table_name = "scale_result";

  for (guint i = 0; i < N_TEXT; i++)
    properties[i + 1] = g_param_spec_string (text_names[i], NULL, NULL, NULL, flags);
  properties[PROP_TOTAL] = g_param_spec_int ("total", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_FILLED_AT] = g_param_spec_int64 ("filled-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_scale_record_init (CLScaleRecord *self)
{
}

CLScaleRecord *
cl_scale_record_new (void)
{
  CLScaleRecord *self = CL_SCALE_RECORD (cl_record_new (CL_TYPE_SCALE_RECORD));

  self->text[F_SOURCE] = g_strdup ("desk");
  self->text[F_FLAGS] = g_strdup ("");
  return self;
}

static void
set_text (CLScaleRecord *self,
          guint          field,
          const char    *value)
{
  g_return_if_fail (CL_IS_SCALE_RECORD (self));

  if (cl_set_str (&self->text[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
}

#define TEXT_ACCESSORS(name, FIELD) \
  const char * \
  cl_scale_record_get_##name (CLScaleRecord *self) \
  { \
    g_return_val_if_fail (CL_IS_SCALE_RECORD (self), NULL); \
    return self->text[FIELD]; \
  } \
  void \
  cl_scale_record_set_##name (CLScaleRecord *self, \
                              const char    *value) \
  { \
    set_text (self, FIELD, value); \
  }

TEXT_ACCESSORS (patient_id, F_PATIENT_ID)
TEXT_ACCESSORS (pregnancy_id, F_PREGNANCY_ID)
TEXT_ACCESSORS (scale_id, F_SCALE_ID)
TEXT_ACCESSORS (answers, F_ANSWERS)
TEXT_ACCESSORS (band_id, F_BAND_ID)
TEXT_ACCESSORS (flags, F_FLAGS)
TEXT_ACCESSORS (filled_by, F_FILLED_BY)
TEXT_ACCESSORS (source, F_SOURCE)

gint
cl_scale_record_get_total (CLScaleRecord *self)
{
  g_return_val_if_fail (CL_IS_SCALE_RECORD (self), 0);
  return self->total;
}

void
cl_scale_record_set_total (CLScaleRecord *self,
                           gint           value)
{
  g_return_if_fail (CL_IS_SCALE_RECORD (self));

  if (self->total == value)
    return;
  self->total = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

gint64
cl_scale_record_get_filled_at (CLScaleRecord *self)
{
  g_return_val_if_fail (CL_IS_SCALE_RECORD (self), 0);
  return self->filled_at;
}

void
cl_scale_record_set_filled_at (CLScaleRecord *self,
                               gint64         value)
{
  g_return_if_fail (CL_IS_SCALE_RECORD (self));

  if (self->filled_at == value)
    return;
  self->filled_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLED_AT]);
}

CLScale *
cl_scale_lookup (const char *id)
{
  return cl_scale_catalog_lookup (id);
}

static char *
flags_of (CLScaleResult *result)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < cl_scale_result_get_n_flags (result); i++)
    g_strv_builder_add (ids, cl_scale_result_get_flag (result, i)->rule->id);
  strv = g_strv_builder_end (ids);
  return g_strjoinv (" ", strv);
}

void
cl_scale_record_set_result (CLScaleRecord *self,
                            CLScaleResult *result,
                            const gint    *answers,
                            guint          n_answers)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *flags = NULL;

  g_return_if_fail (CL_IS_SCALE_RECORD (self));
  g_return_if_fail (CL_IS_SCALE_RESULT (result));

  for (guint i = 0; i < n_answers; i++)
    g_string_append_printf (json, "%s%d", i ? "," : "", answers[i]);
  g_string_append_c (json, ']');
  flags = flags_of (result);
  cl_scale_record_set_scale_id (self, cl_scale_get_id (cl_scale_result_get_scale (result)));
  cl_scale_record_set_answers (self, json->str);
  cl_scale_record_set_total (self, (gint) cl_scale_result_get_total (result));
  cl_scale_record_set_band_id (self, cl_scale_result_get_band (result)->id);
  cl_scale_record_set_flags (self, flags);
}

CLScaleResult *
cl_scale_record_score (CLScaleRecord  *self,
                       GError        **error)
{
  CLScale *scale;
  g_autoptr(JsonNode) node = NULL;
  g_autofree gint *answers = NULL;
  g_autoptr(CLScaleResult) result = NULL;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (CL_IS_SCALE_RECORD (self), NULL);

  if (!(scale = cl_scale_lookup (self->text[F_SCALE_ID])))
    {
      g_set_error_literal (error, CL_SCALE_ERROR, CL_SCALE_ERROR_WRONG_COUNT, _("Unknown scale"));
      return NULL;
    }
  node = self->text[F_ANSWERS] ? json_from_string (self->text[F_ANSWERS], NULL) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      (n = json_array_get_length (array = json_node_get_array (node))) > MAX_ANSWERS)
    {
      g_set_error_literal (error, CL_SCALE_ERROR, CL_SCALE_ERROR_WRONG_COUNT,
                           _("The answers are a list of the chosen options"));
      return NULL;
    }
  answers = g_new0 (gint, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64 ||
          json_node_get_int (element) < 0 || json_node_get_int (element) > G_MAXINT)
        {
          g_set_error_literal (error, CL_SCALE_ERROR, CL_SCALE_ERROR_WRONG_COUNT,
                               _("The answers are a list of the chosen options"));
          return NULL;
        }
      answers[i] = (gint) json_node_get_int (element);
    }
  if (!cl_scale_score (scale, answers, n, &result, error))
    return NULL;
  return g_steal_pointer (&result);
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

GHashTable *
cl_scale_record_validate (CLScaleRecord *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLScaleResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CL_IS_SCALE_RECORD (self), errors);

  if (cl_str_empty (self->text[F_PATIENT_ID]))
    refuse (errors, "patient_id", _("A scale result must belong to a patient"));
  if (cl_scale_lookup (self->text[F_SCALE_ID]) == NULL)
    refuse (errors, "scale_id", _("Unknown scale"));
  else if (!(result = cl_scale_record_score (self, &error)))
    refuse (errors, "answers", error->message);
  else
    {
      g_autofree char *flags = flags_of (result);

      /* Never the sender's word: the score is what the answers make. */
      if (self->total != (gint) cl_scale_result_get_total (result))
        refuse (errors, "total", _("The total does not agree with the answers"));
      if (g_strcmp0 (self->text[F_BAND_ID], cl_scale_result_get_band (result)->id) != 0)
        refuse (errors, "band_id", _("The band does not agree with the answers"));
      if (g_strcmp0 (self->text[F_FLAGS] ? self->text[F_FLAGS] : "", flags) != 0)
        refuse (errors, "flags", _("The flags do not agree with the answers"));
    }
  if (self->text[F_SOURCE] == NULL || !g_strv_contains ((const char * const[]) { "desk", "phone", "link", NULL },
                                                        self->text[F_SOURCE]))
    refuse (errors, "source", _("Say whether it was filled at the desk, by phone or by link"));
  if (self->filled_at <= 0)
    refuse (errors, "filled_at", _("Say when the scale was filled"));
  return errors;
}
