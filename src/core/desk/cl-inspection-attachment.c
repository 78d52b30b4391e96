#define G_LOG_DOMAIN "cl-inspection-attachment"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-inspection-attachment.h"
#include "cl-util.h"

struct _CLInspectionAttachment
{
  CLRecord parent_instance;

  char   *inspection_id;
  char   *sha256;
  char   *filename;
  char   *kind;
  gint64  size;
  gint64  pages;
  gint64  imported_at;
};

G_DEFINE_FINAL_TYPE (CLInspectionAttachment, cl_inspection_attachment, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_INSPECTION_ID,
  PROP_SHA256,
  PROP_FILENAME,
  PROP_KIND,
  PROP_SIZE,
  PROP_PAGES,
  PROP_IMPORTED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_inspection_attachment_class_init (CLInspectionAttachmentClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_INSPECTION_ID] = { "inspection-id", CL_COLUMN_TEXT,
                             G_STRUCT_OFFSET (CLInspectionAttachment, inspection_id) },
    [PROP_SHA256]        = { "sha256", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLInspectionAttachment, sha256) },
    [PROP_FILENAME]      = { "filename", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLInspectionAttachment, filename) },
    [PROP_KIND]          = { "kind", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLInspectionAttachment, kind) },
    [PROP_SIZE]          = { "size", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLInspectionAttachment, size),
                             0, CL_COLUMN_NON_NEGATIVE },
    [PROP_PAGES]         = { "pages", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLInspectionAttachment, pages),
                             0, CL_COLUMN_NON_NEGATIVE },
    [PROP_IMPORTED_AT]   = { "imported-at", CL_COLUMN_INT64,
                             G_STRUCT_OFFSET (CLInspectionAttachment, imported_at), 0, CL_COLUMN_NON_NEGATIVE },
  };

  CL_RECORD_CLASS (klass)->table_name = "inspection_attachment";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_inspection_attachment_init (CLInspectionAttachment *self)
{
}

CLInspectionAttachment *
cl_inspection_attachment_new (void)
{
  return CL_INSPECTION_ATTACHMENT (cl_record_new (CL_TYPE_INSPECTION_ATTACHMENT));
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_inspection_attachment_get_##field (CLInspectionAttachment *self) \
  { \
    g_return_val_if_fail (CL_IS_INSPECTION_ATTACHMENT (self), NULL); \
    return self->field; \
  } \
  void \
  cl_inspection_attachment_set_##field (CLInspectionAttachment *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_INSPECTION_ATTACHMENT (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

#define INT_ACCESSORS(field, PROP) \
  gint64 \
  cl_inspection_attachment_get_##field (CLInspectionAttachment *self) \
  { \
    g_return_val_if_fail (CL_IS_INSPECTION_ATTACHMENT (self), 0); \
    return self->field; \
  } \
  void \
  cl_inspection_attachment_set_##field (CLInspectionAttachment *self, gint64 value) \
  { \
    g_return_if_fail (CL_IS_INSPECTION_ATTACHMENT (self)); \
    cl_record_set_int_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (inspection_id, PROP_INSPECTION_ID)
TEXT_ACCESSORS (sha256, PROP_SHA256)
TEXT_ACCESSORS (filename, PROP_FILENAME)
TEXT_ACCESSORS (kind, PROP_KIND)
INT_ACCESSORS (size, PROP_SIZE)
INT_ACCESSORS (pages, PROP_PAGES)
INT_ACCESSORS (imported_at, PROP_IMPORTED_AT)

GHashTable *
cl_inspection_attachment_validate (CLInspectionAttachment *self)
{
  static const char * const kinds[] = { "photo", "pdf", NULL };
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *sha = self->sha256;

  g_return_val_if_fail (CL_IS_INSPECTION_ATTACHMENT (self), errors);

  if (cl_str_empty (self->inspection_id))
    g_hash_table_insert (errors, g_strdup ("inspection_id"), g_strdup (_("There is no such inspection")));
  if (sha == NULL || strlen (sha) != 64 || strspn (sha, "0123456789abcdef") != 64)
    g_hash_table_insert (errors, g_strdup ("sha256"), g_strdup (_("The file’s SHA-256 is not valid")));
  if (cl_str_empty (self->filename))
    g_hash_table_insert (errors, g_strdup ("filename"), g_strdup (_("The file has no name")));
  if (self->kind == NULL || !g_strv_contains (kinds, self->kind))
    g_hash_table_insert (errors, g_strdup ("kind"), g_strdup (_("An attachment is a photo or a PDF")));
  return errors;
}
