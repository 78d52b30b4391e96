#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* A section of a patient's page (her courses, events, follow-up,
 * scales, package usage, the follow-up warning): it holds the context,
 * the context's store and her id, and calls the class's reload whenever
 * one of them, the role, or one of the tables the class watches
 * changes.  A subclass keeps only what it shows. */

#define CL_TYPE_PATIENT_SECTION (cl_patient_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (CLPatientSection, cl_patient_section, CL, PATIENT_SECTION, GtkWidget)

struct _CLPatientSectionClass
{
  GtkWidgetClass parent_class;

  /* The store tables whose "changed" calls reload, NULL-terminated;
   * set in class_init.  Other tables do not. */
  const char * const *tables;

  /* Shows the section for the current context, store and patient. */
  void (*reload)          (CLPatientSection *self);
  /* Optional: after a new context is set, before the reload (to watch
   * more of it). */
  void (*context_changed) (CLPatientSection *self);
  /* Optional: when the patient becomes another one, before the reload. */
  void (*patient_changed) (CLPatientSection *self);

  gpointer padding[4];
};

void         cl_patient_section_set_context    (CLPatientSection *self,
                                                CLContext        *context);
CLContext   *cl_patient_section_get_context    (CLPatientSection *self);
/* The context's store, or NULL. */
CLStore     *cl_patient_section_get_store      (CLPatientSection *self);
void         cl_patient_section_set_patient_id (CLPatientSection *self,
                                                const char       *patient_id);
const char  *cl_patient_section_get_patient_id (CLPatientSection *self);
void         cl_patient_section_reload         (CLPatientSection *self);

G_END_DECLS
