#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A row of a synced table.  Every synced record has the columns sync
 * needs (id, rev, updated_at, updated_by, deleted: README, "Pushing
 * changes"); a subclass adds its own as GObject properties.  Property
 * names map to column and JSON names by turning '-' into '_', so the
 * store and the sync codec need no per-table code. */

#define CL_TYPE_RECORD (cl_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (CLRecord, cl_record, CL, RECORD, GObject)

struct _CLRecordClass
{
  GObjectClass parent_class;

  /* SQL table the subclass lives in */
  const char *table_name;
};

const char *cl_record_get_id          (CLRecord   *self);
void        cl_record_set_id          (CLRecord   *self,
                                       const char *id);
gint64      cl_record_get_rev         (CLRecord   *self);
void        cl_record_set_rev         (CLRecord   *self,
                                       gint64      rev);
gint64      cl_record_get_updated_at  (CLRecord   *self);
void        cl_record_set_updated_at  (CLRecord   *self,
                                       gint64      updated_at);
const char *cl_record_get_updated_by  (CLRecord   *self);
void        cl_record_set_updated_by  (CLRecord   *self,
                                       const char *updated_by);
gboolean    cl_record_get_deleted     (CLRecord   *self);
void        cl_record_set_deleted     (CLRecord   *self,
                                       gboolean    deleted);

const char *cl_record_get_table_name  (CLRecord   *self);
const char *cl_record_type_get_table  (GType       type);

/* @format, a string constant with one "%s", filled in with the table of
 * @type: made once per type and format and kept, so a statement run for
 * every record is not formatted for every record. */
const char *cl_record_type_sql        (GType       type,
                                       const char *format);

/* Column names of @type in a stable order (id first), NULL-terminated. */
const char * const *cl_record_type_get_columns (GType type);

/* The property behind each column, in the same order. */
GParamSpec * const *cl_record_type_get_column_pspecs (GType type);

/* Initialises @value and reads the column of @pspec (one of
 * cl_record_type_get_column_pspecs()) into it, as
 * g_object_get_property() would, without looking the property up. */
void        cl_record_get_column_value (CLRecord   *self,
                                        GParamSpec *pspec,
                                        GValue     *value);

/* Sets the column of @pspec from @value, which must hold a valid value
 * of its type, as g_object_set_property() would (notifying it). */
void        cl_record_set_column_value (CLRecord     *self,
                                        GParamSpec   *pspec,
                                        const GValue *value);

/* JSON object with one member per column. */
JsonNode   *cl_record_to_json         (CLRecord   *self);

/* Sets the record's properties from a JSON object.  Unknown members and
 * wrong types are refused with G_IO_ERROR_INVALID_DATA naming the member,
 * so a bad push never half-applies. */
gboolean    cl_record_update_from_json (CLRecord  *self,
                                        JsonObject *object,
                                        GError   **error);

/* What a column installed by cl_record_class_install_columns() holds,
 * and the instance field behind it: char * (owned), gint, gint64 or
 * gboolean. */
typedef enum
{
  CL_COLUMN_TEXT,
  CL_COLUMN_INT,
  CL_COLUMN_INT64,
  CL_COLUMN_BOOL,
} CLColumnKind;

/* A number column that may not be below zero: a value pushed below it
 * is refused as out of range, like a wrong type. */
#define CL_COLUMN_NON_NEGATIVE (1u << 0)

typedef struct
{
  const char   *name;           /* property name, '-' for '_' */
  CLColumnKind  kind;
  gsize         offset;         /* G_STRUCT_OFFSET of the field */
  gint64        default_value;  /* the property's default, for a number
                                 * (the instance's init sets the field) */
  guint         flags;          /* CL_COLUMN_NON_NEGATIVE */
} CLRecordColumn;

/* Installs @columns[1..] (@columns[0] and @pspecs[0] are unused, as
 * PROP_0) as properties stored in the instance fields they name, with
 * the get/set_property that read and write them; text fields are freed
 * with the record.  A record class then needs no property code of its
 * own: its getters read the fields, its setters call
 * cl_record_set_text_column() or cl_record_set_int_column() with the
 * column's pspec, which notify only on a change. */
void        cl_record_class_install_columns (GObjectClass         *klass,
                                             guint                 n_pspecs,
                                             GParamSpec          **pspecs,
                                             const CLRecordColumn *columns);

void        cl_record_set_text_column (gpointer    record,
                                       GParamSpec *pspec,
                                       const char *value);
/* For an int, int64 or boolean column (any non-zero is TRUE). */
void        cl_record_set_int_column  (gpointer    record,
                                       GParamSpec *pspec,
                                       gint64      value);

/* For a record whose own columns are all text: installs @names[1..]
 * (@names[0] and @pspecs[0] are unused, as PROP_0) as string
 * properties stored in the char * fields at @offsets of the instance
 * (G_STRUCT_OFFSET), with the get/set_property that read and write
 * them; the fields are freed with the record. */
void        cl_record_class_install_text_columns (GObjectClass       *klass,
                                                  guint               n_pspecs,
                                                  GParamSpec        **pspecs,
                                                  const char * const *names,
                                                  const gsize        *offsets);

/* A new, empty record of @type with a fresh UUID. */
CLRecord   *cl_record_new             (GType       type);

/* A deep copy (same id and rev). */
CLRecord   *cl_record_dup             (CLRecord   *self);

/* Sets every column of @self to @from's (of the same type): a view's
 * record takes what a store function wrote from a copy. */
void        cl_record_assign          (CLRecord   *self,
                                       CLRecord   *from);

G_END_DECLS
