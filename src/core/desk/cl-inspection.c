#define G_LOG_DOMAIN "cl-inspection"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cl-date.h"
#include "cl-inspection.h"
#include "cl-util.h"

struct _CLInspection
{
  CLRecord parent_instance;

  char     *date;
  char     *inspector_id;
  char     *post;
  char     *items;
  char     *findings;
  gboolean  poor_cooperation;
};

G_DEFINE_FINAL_TYPE (CLInspection, cl_inspection, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DATE,
  PROP_INSPECTOR_ID,
  PROP_POST,
  PROP_ITEMS,
  PROP_FINDINGS,
  PROP_POOR_COOPERATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_inspection_class_init (CLInspectionClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_DATE]             = { "date", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLInspection, date) },
    [PROP_INSPECTOR_ID]     = { "inspector-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLInspection, inspector_id) },
    [PROP_POST]             = { "post", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLInspection, post) },
    [PROP_ITEMS]            = { "items", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLInspection, items) },
    [PROP_FINDINGS]         = { "findings", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLInspection, findings) },
    [PROP_POOR_COOPERATION] = { "poor-cooperation", CL_COLUMN_BOOL,
                                G_STRUCT_OFFSET (CLInspection, poor_cooperation) },
  };

  CL_RECORD_CLASS (klass)->table_name = "inspection";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_inspection_init (CLInspection *self)
{
}

CLInspection *
cl_inspection_new (void)
{
  return CL_INSPECTION (cl_record_new (CL_TYPE_INSPECTION));
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_inspection_get_##field (CLInspection *self) \
  { \
    g_return_val_if_fail (CL_IS_INSPECTION (self), NULL); \
    return self->field; \
  } \
  void \
  cl_inspection_set_##field (CLInspection *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_INSPECTION (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (date, PROP_DATE)
TEXT_ACCESSORS (inspector_id, PROP_INSPECTOR_ID)
TEXT_ACCESSORS (post, PROP_POST)
TEXT_ACCESSORS (items, PROP_ITEMS)
TEXT_ACCESSORS (findings, PROP_FINDINGS)

gboolean
cl_inspection_get_poor_cooperation (CLInspection *self)
{
  g_return_val_if_fail (CL_IS_INSPECTION (self), FALSE);
  return self->poor_cooperation;
}

void
cl_inspection_set_poor_cooperation (CLInspection *self,
                                    gboolean      value)
{
  g_return_if_fail (CL_IS_INSPECTION (self));
  cl_record_set_int_column (self, properties[PROP_POOR_COOPERATION], value);
}

/* The contract's four items: what the quality office checks at each
 * post. */
static const char * const item_codes[] = { "duties", "workflows", "etiquette", "knowledge", NULL };

const char * const *
cl_inspection_item_codes (void)
{
  return item_codes;
}

const char *
cl_inspection_item_label (const char *code)
{
  static const char * const labels[] = {
    N_("Job duties"), N_("Workflows"), N_("Etiquette"), N_("Specialist knowledge"),
  };

  for (guint i = 0; code && item_codes[i]; i++)
    if (g_str_equal (code, item_codes[i]))
      return _(labels[i]);
  return code ? code : "";
}

void
cl_inspection_set_results (CLInspection   *self,
                           const gboolean *passed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CL_IS_INSPECTION (self));
  g_return_if_fail (passed != NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; item_codes[i]; i++)
    {
      json_builder_set_member_name (builder, item_codes[i]);
      json_builder_add_boolean_value (builder, passed[i] ? TRUE : FALSE);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  cl_inspection_set_items (self, text);
}

/* The items as an object of exactly the four codes, each a boolean;
 * NULL otherwise. */
static JsonNode *
parse_items (const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  if (cl_str_empty (text) || !(node = json_from_string (text, NULL)) || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (json_object_get_size (object) != g_strv_length ((char **) item_codes))
    return NULL;
  for (guint i = 0; item_codes[i]; i++)
    {
      JsonNode *member = json_object_get_member (object, item_codes[i]);

      if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
          json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        return NULL;
    }
  return g_steal_pointer (&node);
}

gboolean
cl_inspection_item_passed (CLInspection *self,
                           const char   *code)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (CL_IS_INSPECTION (self), FALSE);

  if (code == NULL || !g_strv_contains (item_codes, code) || !(node = parse_items (self->items)))
    return FALSE;
  return json_object_get_boolean_member (json_node_get_object (node), code);
}

gboolean
cl_inspection_is_failed (CLInspection *self)
{
  g_return_val_if_fail (CL_IS_INSPECTION (self), TRUE);

  for (guint i = 0; item_codes[i]; i++)
    if (!cl_inspection_item_passed (self, item_codes[i]))
      return TRUE;
  return FALSE;
}

char *
cl_inspection_format_failed (CLInspection *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (CL_IS_INSPECTION (self), g_string_free (text, FALSE));

  for (guint i = 0; item_codes[i]; i++)
    if (!cl_inspection_item_passed (self, item_codes[i]))
      {
        if (text->len)
          /* TRANSLATORS: between the names of failed items, "Workflows, Etiquette" */
          g_string_append (text, _(", "));
        g_string_append (text, cl_inspection_item_label (item_codes[i]));
      }
  return g_string_free (text, FALSE);
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

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 10 || !cl_date_parse (text, out, NULL))
    return FALSE;
  iso = cl_date_to_iso (out);
  return g_strcmp0 (iso, text) == 0;
}

GHashTable *
cl_inspection_validate (CLInspection *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) items = NULL;
  GDate date;

  g_return_val_if_fail (CL_IS_INSPECTION (self), errors);

  if (!parse_date (self->date, &date))
    refuse (errors, "date", _("Enter the date as YYYY-MM-DD"));
  if (blank (self->post))
    refuse (errors, "post", _("Enter the post inspected"));
  if (!(items = parse_items (self->items)))
    refuse (errors, "items",
            _("Record job duties, workflows, etiquette and specialist knowledge, each passed or failed"));
  else if (cl_inspection_is_failed (self) && blank (self->findings))
    refuse (errors, "findings", _("Describe what failed"));
  if (items && self->poor_cooperation && !cl_inspection_is_failed (self))
    refuse (errors, "poor_cooperation", _("Poor cooperation applies only to a failed inspection"));
  return errors;
}
