#define G_LOG_DOMAIN "cl-record"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-record.h"
#include "cl-util.h"

typedef struct
{
  char     *id;
  gint64    rev;
  gint64    updated_at;
  char     *updated_by;
  gboolean  deleted;
} CLRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CLRecord, cl_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_UPDATED_AT,
  PROP_UPDATED_BY,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark
column_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("cl-record-column");
  return quark;
}

/* Kept on each pspec installed by cl_record_class_install_columns():
 * where its field is and what it holds. */
typedef struct
{
  gsize          offset;
  CLColumnKind   kind;
} FieldInfo;

static const FieldInfo *
field_info (GParamSpec *pspec)
{
  return g_param_spec_get_qdata (pspec, column_quark ());
}

/* The offsets (+ 1) of the text fields of a record type with installed
 * columns, 0-terminated, kept as type data when the class installs
 * them: freeing a record must not list its class's properties. */
static void
free_text_columns (GObject *object)
{
  const gsize *offsets = g_type_get_qdata (G_OBJECT_TYPE (object), column_quark ());

  for (guint i = 0; offsets && offsets[i]; i++)
    g_clear_pointer ((char **) G_STRUCT_MEMBER_P (object, offsets[i] - 1), g_free);
}

static void
column_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  const FieldInfo *info = field_info (pspec);
  gpointer field;

  if (info == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  field = G_STRUCT_MEMBER_P (object, info->offset);
  switch (info->kind)
    {
    case CL_COLUMN_TEXT:
      g_value_set_string (value, *(char **) field);
      break;
    case CL_COLUMN_INT:
      g_value_set_int (value, *(gint *) field);
      break;
    case CL_COLUMN_INT64:
      g_value_set_int64 (value, *(gint64 *) field);
      break;
    case CL_COLUMN_BOOL:
      g_value_set_boolean (value, *(gboolean *) field);
      break;
    }
}

static void
column_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  const FieldInfo *info = field_info (pspec);

  if (info == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  switch (info->kind)
    {
    case CL_COLUMN_TEXT:
      cl_record_set_text_column (object, pspec, g_value_get_string (value));
      break;
    case CL_COLUMN_INT:
      cl_record_set_int_column (object, pspec, g_value_get_int (value));
      break;
    case CL_COLUMN_INT64:
      cl_record_set_int_column (object, pspec, g_value_get_int64 (value));
      break;
    case CL_COLUMN_BOOL:
      cl_record_set_int_column (object, pspec, g_value_get_boolean (value));
      break;
    }
}

void
cl_record_set_text_column (gpointer    record,
                           GParamSpec *pspec,
                           const char *value)
{
  const FieldInfo *info = field_info (pspec);

  g_return_if_fail (info != NULL && info->kind == CL_COLUMN_TEXT);

  if (cl_set_str ((char **) G_STRUCT_MEMBER_P (record, info->offset), value))
    g_object_notify_by_pspec (G_OBJECT (record), pspec);
}

void
cl_record_set_int_column (gpointer    record,
                          GParamSpec *pspec,
                          gint64      value)
{
  const FieldInfo *info = field_info (pspec);
  gpointer field;
  gboolean changed = FALSE;

  g_return_if_fail (info != NULL && info->kind != CL_COLUMN_TEXT);

  field = G_STRUCT_MEMBER_P (record, info->offset);
  switch (info->kind)
    {
    case CL_COLUMN_INT:
      changed = *(gint *) field != (gint) value;
      *(gint *) field = (gint) value;
      break;
    case CL_COLUMN_INT64:
      changed = *(gint64 *) field != value;
      *(gint64 *) field = value;
      break;
    case CL_COLUMN_BOOL:
      changed = *(gboolean *) field != (value != 0);
      *(gboolean *) field = (value != 0);
      break;
    case CL_COLUMN_TEXT:
      g_assert_not_reached ();
    }
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (record), pspec);
}

void
cl_record_class_install_columns (GObjectClass         *klass,
                                 guint                 n_pspecs,
                                 GParamSpec          **pspecs,
                                 const CLRecordColumn *columns)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  gsize *text_fields;
  guint n_text = 0;

  g_return_if_fail (G_IS_OBJECT_CLASS (klass));

  klass->get_property = column_get_property;
  klass->set_property = column_set_property;
  /* Kept for the life of the process, like the class. */
  text_fields = g_new0 (gsize, n_pspecs);
  for (guint i = 1; i < n_pspecs; i++)
    {
      const CLRecordColumn *column = &columns[i];
      FieldInfo *info = g_new0 (FieldInfo, 1);

      switch (column->kind)
        {
        case CL_COLUMN_TEXT:
          pspecs[i] = g_param_spec_string (column->name, NULL, NULL, NULL, flags);
          text_fields[n_text++] = column->offset + 1;
          break;
        case CL_COLUMN_INT:
          pspecs[i] = g_param_spec_int (column->name, NULL, NULL,
                                        (column->flags & CL_COLUMN_NON_NEGATIVE) ? 0 : G_MININT, G_MAXINT,
                                        (gint) column->default_value, flags);
          break;
        case CL_COLUMN_INT64:
          pspecs[i] = g_param_spec_int64 (column->name, NULL, NULL,
                                          (column->flags & CL_COLUMN_NON_NEGATIVE) ? 0 : G_MININT64, G_MAXINT64,
                                          column->default_value, flags);
          break;
        case CL_COLUMN_BOOL:
          pspecs[i] = g_param_spec_boolean (column->name, NULL, NULL, column->default_value != 0, flags);
          break;
        }
      info->offset = column->offset;
      info->kind = column->kind;
      g_param_spec_set_qdata (pspecs[i], column_quark (), info);
    }
  g_object_class_install_properties (klass, n_pspecs, pspecs);
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), column_quark (), text_fields);
}

void
cl_record_class_install_text_columns (GObjectClass       *klass,
                                      guint               n_pspecs,
                                      GParamSpec        **pspecs,
                                      const char * const *names,
                                      const gsize        *offsets)
{
  g_autofree CLRecordColumn *columns = g_new0 (CLRecordColumn, n_pspecs);

  for (guint i = 1; i < n_pspecs; i++)
    columns[i] = (CLRecordColumn) { names[i], CL_COLUMN_TEXT, offsets[i] };
  cl_record_class_install_columns (klass, n_pspecs, pspecs, columns);
}

static void
cl_record_finalize (GObject *object)
{
  CLRecord *self = CL_RECORD (object);
  CLRecordPrivate *priv = cl_record_get_instance_private (self);

  free_text_columns (object);
  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->updated_by, g_free);

  G_OBJECT_CLASS (cl_record_parent_class)->finalize (object);
}

static void
cl_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CLRecord *self = CL_RECORD (object);
  CLRecordPrivate *priv = cl_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_REV:
      g_value_set_int64 (value, priv->rev);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, priv->updated_at);
      break;
    case PROP_UPDATED_BY:
      g_value_set_string (value, priv->updated_by);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CLRecord *self = CL_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      cl_record_set_id (self, g_value_get_string (value));
      break;
    case PROP_REV:
      cl_record_set_rev (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED_AT:
      cl_record_set_updated_at (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED_BY:
      cl_record_set_updated_by (self, g_value_get_string (value));
      break;
    case PROP_DELETED:
      cl_record_set_deleted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_record_class_init (CLRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_record_finalize;
  object_class->get_property = cl_record_get_property;
  object_class->set_property = cl_record_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_BY] =
    g_param_spec_string ("updated-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_record_init (CLRecord *self)
{
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                                \
  const char *                                                              \
  cl_record_get_##field (CLRecord *self)                                    \
  {                                                                         \
    CLRecordPrivate *priv;                                                  \
    g_return_val_if_fail (CL_IS_RECORD (self), NULL);                       \
    priv = cl_record_get_instance_private (self);                           \
    return priv->field;                                                     \
  }                                                                         \
  void                                                                      \
  cl_record_set_##field (CLRecord *self, const char *value)                 \
  {                                                                         \
    CLRecordPrivate *priv;                                                  \
    g_return_if_fail (CL_IS_RECORD (self));                                 \
    priv = cl_record_get_instance_private (self);                           \
    if (cl_set_str (&priv->field, value))                                    \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);         \
  }

#define DEFINE_SCALAR_ACCESSORS(field, type, PROP)                          \
  type                                                                      \
  cl_record_get_##field (CLRecord *self)                                    \
  {                                                                         \
    CLRecordPrivate *priv;                                                  \
    g_return_val_if_fail (CL_IS_RECORD (self), 0);                          \
    priv = cl_record_get_instance_private (self);                           \
    return priv->field;                                                     \
  }                                                                         \
  void                                                                      \
  cl_record_set_##field (CLRecord *self, type value)                        \
  {                                                                         \
    CLRecordPrivate *priv;                                                  \
    g_return_if_fail (CL_IS_RECORD (self));                                 \
    priv = cl_record_get_instance_private (self);                           \
    if (priv->field != value)                                               \
      {                                                                     \
        priv->field = value;                                                \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
      }                                                                     \
  }

DEFINE_STRING_ACCESSORS (id, PROP_ID)
DEFINE_STRING_ACCESSORS (updated_by, PROP_UPDATED_BY)
DEFINE_SCALAR_ACCESSORS (rev, gint64, PROP_REV)
DEFINE_SCALAR_ACCESSORS (updated_at, gint64, PROP_UPDATED_AT)
DEFINE_SCALAR_ACCESSORS (deleted, gboolean, PROP_DELETED)

const char *
cl_record_type_get_table (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  return CL_RECORD_CLASS (klass)->table_name;
}

const char *
cl_record_type_sql (GType       type,
                    const char *format)
{
  static GHashTable *cache;   /* format → (type → SQL) */
  static GMutex lock;
  GHashTable *by_type;
  const char *sql;

  g_return_val_if_fail (g_type_is_a (type, CL_TYPE_RECORD), NULL);

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  by_type = g_hash_table_lookup (cache, format);
  if (by_type == NULL)
    {
      by_type = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (cache, (gpointer) format, by_type);
    }
  sql = g_hash_table_lookup (by_type, GSIZE_TO_POINTER (type));
  if (sql == NULL)
    {
      g_autofree char *text = g_strdup_printf (format, cl_record_type_get_table (type));

      sql = g_intern_string (text);
      g_hash_table_insert (by_type, GSIZE_TO_POINTER (type), (gpointer) sql);
    }
  g_mutex_unlock (&lock);

  return sql;
}

const char *
cl_record_get_table_name (CLRecord *self)
{
  g_return_val_if_fail (CL_IS_RECORD (self), NULL);

  return CL_RECORD_GET_CLASS (self)->table_name;
}

static gboolean
column_type_supported (GType type)
{
  return type == G_TYPE_STRING || type == G_TYPE_INT ||
         type == G_TYPE_INT64 || type == G_TYPE_BOOLEAN;
}

/* What the store and the sync codec need of a record type, computed
 * once per type and kept for the life of the process, like the class
 * itself: the column names (id first), the property behind each, and
 * a column name → index table. */
typedef struct
{
  GPtrArray  *columns;   /* interned names, NULL-terminated */
  GPtrArray  *pspecs;    /* aligned with columns, NULL-terminated */
  GHashTable *index;     /* column name → index + 1 */
} ColumnInfo;

static const ColumnInfo *
column_info (GType type)
{
  static GHashTable *cache;
  static GMutex lock;
  ColumnInfo *info;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  info = g_hash_table_lookup (cache, GSIZE_TO_POINTER (type));
  if (info == NULL)
    {
      GObjectClass *klass = g_type_class_ref (type);   /* kept */
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;

      info = g_new0 (ColumnInfo, 1);
      info->columns = g_ptr_array_new ();
      info->pspecs = g_ptr_array_new ();
      info->index = g_hash_table_new (g_str_hash, g_str_equal);
      g_ptr_array_add (info->columns, (gpointer) "id");
      g_ptr_array_add (info->pspecs, g_object_class_find_property (klass, "id"));
      pspecs = g_object_class_list_properties (klass, &n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        {
          char *column;

          if (g_str_equal (pspecs[i]->name, "id") ||
              !column_type_supported (pspecs[i]->value_type) ||
              !(pspecs[i]->flags & G_PARAM_WRITABLE))
            continue;
          column = g_strdelimit (g_strdup (pspecs[i]->name), "-", '_');
          g_ptr_array_add (info->columns, (gpointer) g_intern_string (column));
          g_ptr_array_add (info->pspecs, pspecs[i]);
          g_free (column);
        }
      for (guint i = 0; i < info->columns->len; i++)
        g_hash_table_insert (info->index, g_ptr_array_index (info->columns, i), GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (info->columns, NULL);
      g_ptr_array_add (info->pspecs, NULL);
      g_hash_table_insert (cache, GSIZE_TO_POINTER (type), info);
    }
  g_mutex_unlock (&lock);

  return info;
}

const char * const *
cl_record_type_get_columns (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, CL_TYPE_RECORD), NULL);

  return (const char * const *) column_info (type)->columns->pdata;
}

GParamSpec * const *
cl_record_type_get_column_pspecs (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, CL_TYPE_RECORD), NULL);

  return (GParamSpec * const *) column_info (type)->pspecs->pdata;
}

/* What g_object_get_property() does for a plain readable property,
 * without looking the property up by name again: the record types have
 * no redirected or construct-only columns. */
void
cl_record_get_column_value (CLRecord   *self,
                            GParamSpec *pspec,
                            GValue     *value)
{
  GObjectClass *owner = g_type_class_peek (pspec->owner_type);

  g_value_init (value, pspec->value_type);
  owner->get_property (G_OBJECT (self), pspec->param_id, value, pspec);
}

/* What g_object_set_property() does for a plain writable property, with
 * a value already of its type and valid, without the lookup by name. */
void
cl_record_set_column_value (CLRecord     *self,
                            GParamSpec   *pspec,
                            const GValue *value)
{
  GObjectClass *owner = g_type_class_peek (pspec->owner_type);

  owner->set_property (G_OBJECT (self), pspec->param_id, value, pspec);
  if (!(pspec->flags & G_PARAM_EXPLICIT_NOTIFY))
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

JsonNode *
cl_record_to_json (CLRecord *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *columns;
  GParamSpec * const *pspecs;

  g_return_val_if_fail (CL_IS_RECORD (self), NULL);

  columns = cl_record_type_get_columns (G_OBJECT_TYPE (self));
  pspecs = cl_record_type_get_column_pspecs (G_OBJECT_TYPE (self));
  json_builder_begin_object (builder);
  for (guint i = 0; columns[i]; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      cl_record_get_column_value (self, pspec, &value);
      json_builder_set_member_name (builder, columns[i]);
      switch (pspec->value_type)
        {
        case G_TYPE_STRING:
          if (g_value_get_string (&value))
            json_builder_add_string_value (builder, g_value_get_string (&value));
          else
            json_builder_add_null_value (builder);
          break;
        case G_TYPE_INT:
          json_builder_add_int_value (builder, g_value_get_int (&value));
          break;
        case G_TYPE_INT64:
          json_builder_add_int_value (builder, g_value_get_int64 (&value));
          break;
        case G_TYPE_BOOLEAN:
          json_builder_add_boolean_value (builder, g_value_get_boolean (&value));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
cl_record_update_from_json (CLRecord    *self,
                            JsonObject  *object,
                            GError     **error)
{
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  const ColumnInfo *info;

  g_return_val_if_fail (CL_IS_RECORD (self), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);

  /* Check every member first and set nothing unless all are good. */
  info = column_info (G_OBJECT_TYPE (self));
  members = json_object_get_members (object);
  for (const GList *l = members; l; l = l->next)
    {
      const char *member = l->data;
      JsonNode *node = json_object_get_member (object, member);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (info->index, member));
      GParamSpec *pspec = index ? g_ptr_array_index (info->pspecs, index - 1) : NULL;
      GValue value = G_VALUE_INIT;
      gboolean ok = FALSE;

      if (pspec == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "unknown field “%s” for %s", member,
                       cl_record_get_table_name (self));
          return FALSE;
        }

      g_value_init (&value, pspec->value_type);
      if (JSON_NODE_HOLDS_NULL (node))
        ok = pspec->value_type == G_TYPE_STRING;
      else if (JSON_NODE_HOLDS_VALUE (node))
        {
          GType vt = json_node_get_value_type (node);

          switch (pspec->value_type)
            {
            case G_TYPE_STRING:
              /* The node outlives the value: no copy until it is set. */
              if ((ok = vt == G_TYPE_STRING))
                g_value_set_static_string (&value, json_node_get_string (node));
              break;
            case G_TYPE_INT:
              if ((ok = vt == G_TYPE_INT64 &&
                        json_node_get_int (node) >= G_MININT &&
                        json_node_get_int (node) <= G_MAXINT))
                g_value_set_int (&value, (gint) json_node_get_int (node));
              break;
            case G_TYPE_INT64:
              if ((ok = vt == G_TYPE_INT64))
                g_value_set_int64 (&value, json_node_get_int (node));
              break;
            case G_TYPE_BOOLEAN:
              if ((ok = vt == G_TYPE_BOOLEAN))
                g_value_set_boolean (&value, json_node_get_boolean (node));
              break;
            default:
              break;
            }
        }

      if (ok)
        ok = !g_param_value_validate (pspec, &value);

      if (!ok)
        {
          g_value_unset (&value);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "field “%s” of %s has the wrong type or range", member,
                       cl_record_get_table_name (self));
          return FALSE;
        }

      g_ptr_array_add (targets, pspec);
      g_array_append_val (values, value);
    }

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < targets->len; i++)
    cl_record_set_column_value (self, g_ptr_array_index (targets, i),
                                &g_array_index (values, GValue, i));
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

CLRecord *
cl_record_new (GType type)
{
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (g_type_is_a (type, CL_TYPE_RECORD), NULL);

  return g_object_new (type, "id", uuid, NULL);
}

void
cl_record_assign (CLRecord *self,
                  CLRecord *from)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (CL_IS_RECORD (self));
  g_return_if_fail (G_OBJECT_TYPE (from) == G_OBJECT_TYPE (self));

  node = cl_record_to_json (from);
  if (!cl_record_update_from_json (self, json_node_get_object (node), NULL))
    g_assert_not_reached ();
}

CLRecord *
cl_record_dup (CLRecord *self)
{
  CLRecord *copy;

  g_return_val_if_fail (CL_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  cl_record_assign (copy, self);
  return copy;
}
