/* cl-document-access.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-document-access"

#include "config.h"

#include "cl-document-access.h"
#include "cl-util.h"

struct _CLDocumentAccess
{
  CLRecord parent_instance;

  char *document_id;
  char *patient_id;
  gint64 opened_at;
};

G_DEFINE_FINAL_TYPE (CLDocumentAccess, cl_document_access, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_PATIENT_ID,
  PROP_OPENED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_document_access_finalize (GObject *object)
{
  CLDocumentAccess *self = CL_DOCUMENT_ACCESS (object);

  g_clear_pointer (&self->document_id, g_free);
  g_clear_pointer (&self->patient_id, g_free);

  G_OBJECT_CLASS (cl_document_access_parent_class)->finalize (object);
}

static void
cl_document_access_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CLDocumentAccess *self = CL_DOCUMENT_ACCESS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_string (value, self->document_id);
      break;
    case PROP_PATIENT_ID:
      g_value_set_string (value, self->patient_id);
      break;
    case PROP_OPENED_AT:
      g_value_set_int64 (value, self->opened_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_document_access_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CLDocumentAccess *self = CL_DOCUMENT_ACCESS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      cl_set_str (&self->document_id, g_value_get_string (value));
      break;
    case PROP_PATIENT_ID:
      cl_set_str (&self->patient_id, g_value_get_string (value));
      break;
    case PROP_OPENED_AT:
      self->opened_at = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_document_access_class_init (CLDocumentAccessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cl_document_access_finalize;
  object_class->get_property = cl_document_access_get_property;
  object_class->set_property = cl_document_access_set_property;

  record_class->table_name = "document_access";

  properties[PROP_DOCUMENT_ID] = g_param_spec_string ("document-id", NULL, NULL, NULL, flags);
  properties[PROP_PATIENT_ID] = g_param_spec_string ("patient-id", NULL, NULL, NULL, flags);
  properties[PROP_OPENED_AT] = g_param_spec_int64 ("opened-at", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_document_access_init (CLDocumentAccess *self)
{
}

CLDocumentAccess *
cl_document_access_new (const char *document_id,
                        const char *patient_id,
                        gint64      opened_at)
{
  CLDocumentAccess *self = CL_DOCUMENT_ACCESS (cl_record_new (CL_TYPE_DOCUMENT_ACCESS));

  self->document_id = g_strdup (document_id);
  self->patient_id = g_strdup (patient_id);
  self->opened_at = opened_at;
  return self;
}

const char *
cl_document_access_get_document_id (CLDocumentAccess *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_ACCESS (self), NULL);
  return self->document_id;
}

gint64
cl_document_access_get_opened_at (CLDocumentAccess *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_ACCESS (self), 0);
  return self->opened_at;
}
