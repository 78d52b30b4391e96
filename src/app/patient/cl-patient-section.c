#define G_LOG_DOMAIN "cl-patient-section"

#include "config.h"

#include "cl-patient-section.h"

typedef struct
{
  /* owned */
  CLContext *context;
  CLStore   *store;       /* the context's */
  char      *patient_id;
} CLPatientSectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CLPatientSection, cl_patient_section, GTK_TYPE_WIDGET)

void
cl_patient_section_reload (CLPatientSection *self)
{
  CLPatientSectionClass *klass;

  g_return_if_fail (CL_IS_PATIENT_SECTION (self));

  klass = CL_PATIENT_SECTION_GET_CLASS (self);
  if (klass->reload)
    klass->reload (self);
}

/* Another window, another desk (by a pull) or a dialog of this one may
 * change what she has. */
static void
store_changed_cb (CLPatientSection *self,
                  const char       *table)
{
  const char * const *tables = CL_PATIENT_SECTION_GET_CLASS (self)->tables;

  if (table && tables && g_strv_contains (tables, table))
    cl_patient_section_reload (self);
}

/* Follows the context's store; TRUE if it was another one. */
static gboolean
watch_store (CLPatientSection *self)
{
  CLPatientSectionPrivate *priv = cl_patient_section_get_instance_private (self);
  CLStore *store = priv->context ? cl_context_get_store (priv->context) : NULL;

  if (priv->store == store)
    return FALSE;
  if (priv->store)
    g_signal_handlers_disconnect_by_func (priv->store, store_changed_cb, self);
  g_set_object (&priv->store, store);
  if (store)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  return TRUE;
}

static void
context_store_cb (CLPatientSection *self)
{
  if (watch_store (self))
    cl_patient_section_reload (self);
}

void
cl_patient_section_set_context (CLPatientSection *self,
                                CLContext        *context)
{
  CLPatientSectionPrivate *priv = cl_patient_section_get_instance_private (self);
  CLPatientSectionClass *klass;

  g_return_if_fail (CL_IS_PATIENT_SECTION (self));
  g_return_if_fail (context == NULL || CL_IS_CONTEXT (context));

  if (priv->context == context)
    return;
  if (priv->context)
    g_signal_handlers_disconnect_by_data (priv->context, self);
  g_set_object (&priv->context, context);
  if (context == NULL)
    return;
  g_signal_connect_object (context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::role", G_CALLBACK (cl_patient_section_reload), self,
                           G_CONNECT_SWAPPED);
  watch_store (self);
  klass = CL_PATIENT_SECTION_GET_CLASS (self);
  if (klass->context_changed)
    klass->context_changed (self);
  /* Even with the same store: the role may be another. */
  cl_patient_section_reload (self);
}

CLContext *
cl_patient_section_get_context (CLPatientSection *self)
{
  CLPatientSectionPrivate *priv = cl_patient_section_get_instance_private (self);

  g_return_val_if_fail (CL_IS_PATIENT_SECTION (self), NULL);
  return priv->context;
}

CLStore *
cl_patient_section_get_store (CLPatientSection *self)
{
  CLPatientSectionPrivate *priv = cl_patient_section_get_instance_private (self);

  g_return_val_if_fail (CL_IS_PATIENT_SECTION (self), NULL);
  return priv->store;
}

void
cl_patient_section_set_patient_id (CLPatientSection *self,
                                   const char       *patient_id)
{
  CLPatientSectionPrivate *priv = cl_patient_section_get_instance_private (self);
  CLPatientSectionClass *klass;

  g_return_if_fail (CL_IS_PATIENT_SECTION (self));

  klass = CL_PATIENT_SECTION_GET_CLASS (self);
  if (g_strcmp0 (priv->patient_id, patient_id) != 0)
    {
      g_free (priv->patient_id);
      priv->patient_id = g_strdup (patient_id);
      if (klass->patient_changed)
        klass->patient_changed (self);
    }
  cl_patient_section_reload (self);
}

const char *
cl_patient_section_get_patient_id (CLPatientSection *self)
{
  CLPatientSectionPrivate *priv = cl_patient_section_get_instance_private (self);

  g_return_val_if_fail (CL_IS_PATIENT_SECTION (self), NULL);
  return priv->patient_id;
}

static void
cl_patient_section_dispose (GObject *object)
{
  CLPatientSection *self = CL_PATIENT_SECTION (object);
  CLPatientSectionPrivate *priv = cl_patient_section_get_instance_private (self);

  if (priv->store)
    g_signal_handlers_disconnect_by_func (priv->store, store_changed_cb, self);
  g_clear_object (&priv->store);
  g_clear_object (&priv->context);
  G_OBJECT_CLASS (cl_patient_section_parent_class)->dispose (object);
}

static void
cl_patient_section_finalize (GObject *object)
{
  CLPatientSection *self = CL_PATIENT_SECTION (object);
  CLPatientSectionPrivate *priv = cl_patient_section_get_instance_private (self);

  g_free (priv->patient_id);
  G_OBJECT_CLASS (cl_patient_section_parent_class)->finalize (object);
}

static void
cl_patient_section_class_init (CLPatientSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_patient_section_dispose;
  object_class->finalize = cl_patient_section_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_patient_section_init (CLPatientSection *self)
{
}
