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
cl_document_finalize (GObject *object)
{
  CLDocument *self = CL_DOCUMENT (object);

  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->pregnancy_id, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->check_date, g_free);
  g_clear_pointer (&self->visit, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->imported_by, g_free);

  G_OBJECT_CLASS (cl_document_parent_class)->finalize (object);
}

static void
cl_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CLDocument *self = CL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PATIENT_ID:
      g_value_set_string (value, self->patient_id);
      break;
    case PROP_PREGNANCY_ID:
      g_value_set_string (value, self->pregnancy_id);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_CHECK_DATE:
      g_value_set_string (value, self->check_date);
      break;
    case PROP_VISIT:
      g_value_set_string (value, self->visit);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    case PROP_PAGES:
      g_value_set_int (value, self->pages);
      break;
    case PROP_IMPORTED_AT:
      g_value_set_int64 (value, self->imported_at);
      break;
    case PROP_IMPORTED_BY:
      g_value_set_string (value, self->imported_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CLDocument *self = CL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PATIENT_ID:
      cl_document_set_patient_id (self, g_value_get_string (value));
      break;
    case PROP_PREGNANCY_ID:
      cl_document_set_pregnancy_id (self, g_value_get_string (value));
      break;
    case PROP_SHA256:
      cl_document_set_sha256 (self, g_value_get_string (value));
      break;
    case PROP_FILENAME:
      cl_document_set_filename (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      cl_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      cl_document_set_kind (self, g_value_get_string (value));
      break;
    case PROP_CHECK_DATE:
      cl_document_set_check_date (self, g_value_get_string (value));
      break;
    case PROP_VISIT:
      cl_document_set_visit (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      cl_document_set_note (self, g_value_get_string (value));
      break;
    case PROP_SIZE:
      cl_document_set_size (self, g_value_get_int64 (value));
      break;
    case PROP_PAGES:
      cl_document_set_pages (self, g_value_get_int (value));
      break;
    case PROP_IMPORTED_AT:
      cl_document_set_imported_at (self, g_value_get_int64 (value));
      break;
    case PROP_IMPORTED_BY:
      cl_document_set_imported_by (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_document_class_init (CLDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_document_finalize;
  object_class->get_property = cl_document_get_property;
  object_class->set_property = cl_document_set_property;

  record_class->table_name = "document";

  properties[PROP_PATIENT_ID] = g_param_spec_string ("patient-id", NULL, NULL, NULL, flags);
  properties[PROP_PREGNANCY_ID] = g_param_spec_string ("pregnancy-id", NULL, NULL, NULL, flags);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, flags);
  properties[PROP_FILENAME] = g_param_spec_string ("filename", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_CHECK_DATE] = g_param_spec_string ("check-date", NULL, NULL, NULL, flags);
  properties[PROP_VISIT] = g_param_spec_string ("visit", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PAGES] = g_param_spec_int ("pages", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_IMPORTED_AT] = g_param_spec_int64 ("imported-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_IMPORTED_BY] = g_param_spec_string ("imported-by", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
