/* cl-escort-task.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-escort-task"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-escort-task.h"
#include "cl-choice.h"
#include "cl-staff.h"
#include "cl-util.h"

struct _CLEscortTask
{
  CLRecord parent_instance;

  char *patient_id;
  char *kind;
  char *place_from;
  char *place_to;
  gint64 start_at;
  gint64 end_at;
  char *escort_id;
  char *status;
  char *handover_ward;
  char *handover_to;
  gint64 handover_at;
  char *note;
  char *over_reason;
};

G_DEFINE_FINAL_TYPE (CLEscortTask, cl_escort_task, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_KIND,
  PROP_PLACE_FROM,
  PROP_PLACE_TO,
  PROP_START_AT,
  PROP_END_AT,
  PROP_ESCORT_ID,
  PROP_STATUS,
  PROP_HANDOVER_WARD,
  PROP_HANDOVER_TO,
  PROP_HANDOVER_AT,
  PROP_NOTE,
  PROP_OVER_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_escort_task_finalize (GObject *object)
{
  CLEscortTask *self = CL_ESCORT_TASK (object);

  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->place_from, g_free);
  g_clear_pointer (&self->place_to, g_free);
  g_clear_pointer (&self->escort_id, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->handover_ward, g_free);
  g_clear_pointer (&self->handover_to, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->over_reason, g_free);

  G_OBJECT_CLASS (cl_escort_task_parent_class)->finalize (object);
}

static void
cl_escort_task_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CLEscortTask *self = CL_ESCORT_TASK (object);

  switch (prop_id)
    {
    case PROP_PATIENT_ID:
      g_value_set_string (value, self->patient_id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_PLACE_FROM:
      g_value_set_string (value, self->place_from);
      break;
    case PROP_PLACE_TO:
      g_value_set_string (value, self->place_to);
      break;
    case PROP_START_AT:
      g_value_set_int64 (value, self->start_at);
      break;
    case PROP_END_AT:
      g_value_set_int64 (value, self->end_at);
      break;
    case PROP_ESCORT_ID:
      g_value_set_string (value, self->escort_id);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_HANDOVER_WARD:
      g_value_set_string (value, self->handover_ward);
      break;
    case PROP_HANDOVER_TO:
      g_value_set_string (value, self->handover_to);
      break;
    case PROP_HANDOVER_AT:
      g_value_set_int64 (value, self->handover_at);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_OVER_REASON:
      g_value_set_string (value, self->over_reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_escort_task_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CLEscortTask *self = CL_ESCORT_TASK (object);

  switch (prop_id)
    {
    case PROP_PATIENT_ID:
      cl_escort_task_set_patient_id (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      cl_escort_task_set_kind (self, g_value_get_string (value));
      break;
    case PROP_PLACE_FROM:
      cl_escort_task_set_place_from (self, g_value_get_string (value));
      break;
    case PROP_PLACE_TO:
      cl_escort_task_set_place_to (self, g_value_get_string (value));
      break;
    case PROP_START_AT:
      cl_escort_task_set_start_at (self, g_value_get_int64 (value));
      break;
    case PROP_END_AT:
      cl_escort_task_set_end_at (self, g_value_get_int64 (value));
      break;
    case PROP_ESCORT_ID:
      cl_escort_task_set_escort_id (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      cl_escort_task_set_status (self, g_value_get_string (value));
      break;
    case PROP_HANDOVER_WARD:
      cl_escort_task_set_handover_ward (self, g_value_get_string (value));
      break;
    case PROP_HANDOVER_TO:
      cl_escort_task_set_handover_to (self, g_value_get_string (value));
      break;
    case PROP_HANDOVER_AT:
      cl_escort_task_set_handover_at (self, g_value_get_int64 (value));
      break;
    case PROP_NOTE:
      cl_escort_task_set_note (self, g_value_get_string (value));
      break;
    case PROP_OVER_REASON:
      cl_escort_task_set_over_reason (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_escort_task_class_init (CLEscortTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);

  object_class->finalize = cl_escort_task_finalize;
  object_class->get_property = cl_escort_task_get_property;
  object_class->set_property = cl_escort_task_set_property;

  record_class->table_name = "escort_task";

  properties[PROP_PATIENT_ID] =
    g_param_spec_string ("patient-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "clinic-visit",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE_FROM] =
    g_param_spec_string ("place-from", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE_TO] =
    g_param_spec_string ("place-to", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_AT] =
    g_param_spec_int64 ("start-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_AT] =
    g_param_spec_int64 ("end-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ESCORT_ID] =
    g_param_spec_string ("escort-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "planned",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HANDOVER_WARD] =
    g_param_spec_string ("handover-ward", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HANDOVER_TO] =
    g_param_spec_string ("handover-to", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HANDOVER_AT] =
    g_param_spec_int64 ("handover-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVER_REASON] =
    g_param_spec_string ("over-reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_escort_task_init (CLEscortTask *self)
{
  self->kind = g_strdup ("clinic-visit");
  self->status = g_strdup ("planned");
}

CLEscortTask *
cl_escort_task_new (void)
{
  return CL_ESCORT_TASK (cl_record_new (CL_TYPE_ESCORT_TASK));
}

const char *
cl_escort_task_get_patient_id (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), NULL);
  return self->patient_id;
}

void
cl_escort_task_set_patient_id (CLEscortTask *self,
                               const char *value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (cl_set_str (&self->patient_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_ID]);
}

const char *
cl_escort_task_get_kind (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), NULL);
  return self->kind;
}

void
cl_escort_task_set_kind (CLEscortTask *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (cl_set_str (&self->kind, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
cl_escort_task_get_place_from (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), NULL);
  return self->place_from;
}

void
cl_escort_task_set_place_from (CLEscortTask *self,
                               const char *value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (cl_set_str (&self->place_from, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE_FROM]);
}

const char *
cl_escort_task_get_place_to (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), NULL);
  return self->place_to;
}

void
cl_escort_task_set_place_to (CLEscortTask *self,
                             const char *value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (cl_set_str (&self->place_to, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE_TO]);
}

gint64
cl_escort_task_get_start_at (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), 0);
  return self->start_at;
}

void
cl_escort_task_set_start_at (CLEscortTask *self,
                             gint64 value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (self->start_at != value)
    {
      self->start_at = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_AT]);
    }
}

gint64
cl_escort_task_get_end_at (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), 0);
  return self->end_at;
}

void
cl_escort_task_set_end_at (CLEscortTask *self,
                           gint64 value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (self->end_at != value)
    {
      self->end_at = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_AT]);
    }
}

const char *
cl_escort_task_get_escort_id (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), NULL);
  return self->escort_id;
}

void
cl_escort_task_set_escort_id (CLEscortTask *self,
                              const char *value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (cl_set_str (&self->escort_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESCORT_ID]);
}

const char *
cl_escort_task_get_status (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), NULL);
  return self->status;
}

void
cl_escort_task_set_status (CLEscortTask *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (cl_set_str (&self->status, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
cl_escort_task_get_handover_ward (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), NULL);
  return self->handover_ward;
}

void
cl_escort_task_set_handover_ward (CLEscortTask *self,
                                  const char *value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (cl_set_str (&self->handover_ward, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOVER_WARD]);
}

const char *
cl_escort_task_get_handover_to (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), NULL);
  return self->handover_to;
}

void
cl_escort_task_set_handover_to (CLEscortTask *self,
                                const char *value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (cl_set_str (&self->handover_to, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOVER_TO]);
}

gint64
cl_escort_task_get_handover_at (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), 0);
  return self->handover_at;
}

void
cl_escort_task_set_handover_at (CLEscortTask *self,
                                gint64 value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (self->handover_at != value)
    {
      self->handover_at = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOVER_AT]);
    }
}

const char *
cl_escort_task_get_note (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), NULL);
  return self->note;
}

void
cl_escort_task_set_note (CLEscortTask *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (cl_set_str (&self->note, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

static const ClChoice kinds[] = {
  { "clinic-visit", "escort kind", NC_("escort kind", "Clinic visit") },
  { "examination", "escort kind", NC_("escort kind", "Examination") },
  { "errand", "escort kind", NC_("escort kind", "Registration / payment") },
  { "delivery-transfer", "escort kind", NC_("escort kind", "Transfer to the ward") },
  { "revisit-42", "escort kind", NC_("escort kind", "42-day revisit") },
  { "wheelchair", "escort kind", NC_("escort kind", "Wheelchair") },
  { "to-emergency", "escort kind", NC_("escort kind", "To the emergency department") },
  { "to-ward", "escort kind", NC_("escort kind", "To a ward") },
};

static const char * const desk_kinds[] = {
  CL_ESCORT_KIND_WHEELCHAIR, CL_ESCORT_KIND_TO_EMERGENCY, CL_ESCORT_KIND_TO_WARD, NULL
};

gboolean
cl_escort_task_kind_is_package (const char *kind)
{
  return kind != NULL && !g_strv_contains (desk_kinds, kind);
}

const char * const *
cl_escort_task_desk_kinds (void)
{
  return desk_kinds;
}

const char * const *
cl_escort_task_kinds (void)
{
  static const char **values;

  return cl_choice_values (kinds, G_N_ELEMENTS (kinds), &values);
}

const char *
cl_escort_task_kind_label (const char *kind)
{
  return cl_choice_label (kinds, G_N_ELEMENTS (kinds), kind);
}

static const ClChoice statuses[] = {
  { "planned", "escort status", NC_("escort status", "Planned") },
  { "in-progress", "escort status", NC_("escort status", "In progress") },
  { "done", "escort status", NC_("escort status", "Done") },
  { "cancelled", "escort status", NC_("escort status", "Cancelled") },
  { "no-show", "escort status", NC_("escort status", "No-show") },
};

const char * const *
cl_escort_task_statuses (void)
{
  static const char **values;

  return cl_choice_values (statuses, G_N_ELEMENTS (statuses), &values);
}

const char *
cl_escort_task_status_label (const char *status)
{
  return cl_choice_label (statuses, G_N_ELEMENTS (statuses), status);
}

gboolean
cl_escort_task_is_live (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), FALSE);

  return !cl_record_get_deleted (CL_RECORD (self)) &&
         g_strcmp0 (self->status, CL_ESCORT_STATUS_CANCELLED) != 0 &&
         g_strcmp0 (self->status, CL_ESCORT_STATUS_NO_SHOW) != 0;
}

gboolean
cl_escort_task_role_works_own (const char *role)
{
  return g_strcmp0 (role, CL_ROLE_ESCORT) == 0;
}

gboolean
cl_escort_task_is_planned (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), FALSE);
  return g_strcmp0 (cl_escort_task_get_status (self), CL_ESCORT_STATUS_PLANNED) == 0;
}

gboolean
cl_escort_task_is_under_way (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), FALSE);
  return g_strcmp0 (cl_escort_task_get_status (self), CL_ESCORT_STATUS_IN_PROGRESS) == 0;
}

gboolean
cl_escort_task_may_cancel (CLEscortTask *self)
{
  return cl_escort_task_is_planned (self) || cl_escort_task_is_under_way (self);
}

gboolean
cl_escort_task_ends_with_hand_over (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), FALSE);
  return g_strcmp0 (cl_escort_task_get_kind (self), CL_ESCORT_KIND_DELIVERY_TRANSFER) == 0 ||
         g_strcmp0 (cl_escort_task_get_kind (self), CL_ESCORT_KIND_TO_WARD) == 0;
}

const char *
cl_escort_task_get_over_reason (CLEscortTask *self)
{
  g_return_val_if_fail (CL_IS_ESCORT_TASK (self), NULL);
  return self->over_reason;
}

void
cl_escort_task_set_over_reason (CLEscortTask *self,
                                const char *value)
{
  g_return_if_fail (CL_IS_ESCORT_TASK (self));

  if (cl_set_str (&self->over_reason, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVER_REASON]);
}
