/* cl-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-document"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-document.h"
#include "cl-util.h"

struct _CLDocument
{
  CLRecord parent_instance;

  char *patient_id;
  char *pregnancy_id;
  char *sha256;
  char *filename;
  char *title;
  char *kind;
  char *check_date;
  char *visit;
  char *note;
  gint64 size;
  gint pages;
  gint64 imported_at;
  char *imported_by;
};

G_DEFINE_FINAL_TYPE (CLDocument, cl_document, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_PREGNANCY_ID,
  PROP_SHA256,
  PROP_FILENAME,
  PROP_TITLE,
  PROP_KIND,
  PROP_CHECK_DATE,
  PROP_VISIT,
  PROP_NOTE,
  PROP_SIZE,
  PROP_PAGES,
  PROP_IMPORTED_AT,
  PROP_IMPORTED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_document_class_init (CLDocumentClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_PATIENT_ID]   = { "patient-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDocument, patient_id) },
    [PROP_PREGNANCY_ID] = { "pregnancy-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDocument, pregnancy_id) },
    [PROP_SHA256]       = { "sha256", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDocument, sha256) },
    [PROP_FILENAME]     = { "filename", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDocument, filename) },
    [PROP_TITLE]        = { "title", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDocument, title) },
    [PROP_KIND]         = { "kind", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDocument, kind) },
    [PROP_CHECK_DATE]   = { "check-date", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDocument, check_date) },
    [PROP_VISIT]        = { "visit", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDocument, visit) },
    [PROP_NOTE]         = { "note", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDocument, note) },
    [PROP_SIZE]         = { "size", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLDocument, size), 0, CL_COLUMN_NON_NEGATIVE },
    [PROP_PAGES]        = { "pages", CL_COLUMN_INT, G_STRUCT_OFFSET (CLDocument, pages), 0, CL_COLUMN_NON_NEGATIVE },
    [PROP_IMPORTED_AT]  = { "imported-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLDocument, imported_at), 0, CL_COLUMN_NON_NEGATIVE },
    [PROP_IMPORTED_BY]  = { "imported-by", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDocument, imported_by) },
  };

  CL_RECORD_CLASS (klass)->table_name = "document";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_document_init (CLDocument *self)
{
}

CLDocument *
cl_document_new (void)
{
  return CL_DOCUMENT (cl_record_new (CL_TYPE_DOCUMENT));
}

const char *
cl_document_get_patient_id (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->patient_id;
}

void
cl_document_set_patient_id (CLDocument *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (cl_set_str (&self->patient_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_ID]);
}

const char *
cl_document_get_pregnancy_id (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->pregnancy_id;
}

void
cl_document_set_pregnancy_id (CLDocument *self,
                             const char *value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (cl_set_str (&self->pregnancy_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREGNANCY_ID]);
}

const char *
cl_document_get_sha256 (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->sha256;
}

void
cl_document_set_sha256 (CLDocument *self,
                       const char *value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (cl_set_str (&self->sha256, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
}

const char *
cl_document_get_filename (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->filename;
}

void
cl_document_set_filename (CLDocument *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (cl_set_str (&self->filename, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILENAME]);
}

const char *
cl_document_get_title (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
cl_document_set_title (CLDocument *self,
                      const char *value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (cl_set_str (&self->title, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
cl_document_get_kind (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->kind;
}

void
cl_document_set_kind (CLDocument *self,
                     const char *value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (cl_set_str (&self->kind, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
cl_document_get_check_date (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->check_date;
}

void
cl_document_set_check_date (CLDocument *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (cl_set_str (&self->check_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK_DATE]);
}

const char *
cl_document_get_visit (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->visit;
}

void
cl_document_set_visit (CLDocument *self,
                      const char *value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (cl_set_str (&self->visit, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIT]);
}

const char *
cl_document_get_note (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), NULL);
  return self->note;
}

void
cl_document_set_note (CLDocument *self,
                     const char *value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (cl_set_str (&self->note, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

gint64
cl_document_get_size (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), 0);
  return self->size;
}

void
cl_document_set_size (CLDocument *self,
                     gint64 value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (self->size != value)
    {
      self->size = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
    }
}

gint
cl_document_get_pages (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), 0);
  return self->pages;
}

void
cl_document_set_pages (CLDocument *self,
                      gint value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (self->pages != value)
    {
      self->pages = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES]);
    }
}

gint64
cl_document_get_imported_at (CLDocument *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT (self), 0);
  return self->imported_at;
}

void
cl_document_set_imported_at (CLDocument *self,
                            gint64 value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (self->imported_at != value)
    {
      self->imported_at = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED_AT]);
    }
}

void
cl_document_set_imported_by (CLDocument *self,
                            const char *value)
{
  g_return_if_fail (CL_IS_DOCUMENT (self));

  if (cl_set_str (&self->imported_by, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED_BY]);
}

static const char * const kind_codes[] = {
  "ultrasound", "blood", "ogtt", "screening", "nst", "other", NULL
};

const char * const *
cl_document_kind_codes (void)
{
  return kind_codes;
}

const char *
cl_document_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "ultrasound") == 0)
    return _("Ultrasound");
  if (g_strcmp0 (kind, "blood") == 0)
    return _("Blood test");
  if (g_strcmp0 (kind, "ogtt") == 0)
    return _("OGTT");
  if (g_strcmp0 (kind, "screening") == 0)
    return _("NIPT / serum screening");
  if (g_strcmp0 (kind, "nst") == 0)
    return _("NST");
  return _("Other");
}
