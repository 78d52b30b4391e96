#define G_LOG_DOMAIN "cl-event-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-event-sheet.h"
#include "cl-event-store.h"
#include "cl-patient.h"
#include "cl-phone.h"
#include "cl-store-events.h"
#include "cl-store-patients.h"

/* Room for a hand-written name in the signature column, in points. */
#define SIGNATURE_HEIGHT 30.0

CLScheduleSheet *
cl_event_sheet_new (CLStore       *store,
                    CLHealthEvent *event)
{
  const char *headers[] = {
    C_("sign-in sheet", "No."), C_("sign-in sheet", "Name"), C_("sign-in sheet", "Phone"),
    C_("sign-in sheet", "Signature"), NULL,
  };
  static const double widths[] = { 0.1, 0.25, 0.2, 0.45 };
  g_autoptr(GPtrArray) registrations = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *date = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *heading = NULL;
  const char *place;
  CLScheduleSheet *sheet;
  guint registered, waiting, n = 0, w = 0;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (CL_IS_HEALTH_EVENT (event), NULL);

  date = cl_date_format_iso (cl_health_event_get_date (event), CL_DATE_FULL, NULL);
  hours = cl_health_event_format_hours (event);
  place = cl_health_event_get_place (event);
  if (place == NULL || *place == '\0')
    place = cl_health_event_get_link (event);
  /* Translators: a health event's kind, day, hours and place on its sign-in sheet */
  subtitle = g_strdup_printf (_("%s · %s %s · %s"), cl_health_event_kind_label (cl_health_event_get_kind (event)),
                              date, hours, place ? place : "");
  sheet = cl_schedule_sheet_new (cl_health_event_get_title (event), subtitle, headers, widths);
  cl_schedule_sheet_set_row_min_height (sheet, SIGNATURE_HEIGHT);
  cl_schedule_sheet_set_empty_text (sheet, _("Nobody is registered."));
  cl_schedule_sheet_set_footer (sheet, _("Organiser: ____________________    Signed in: ______ of ______"));

  registrations = cl_store_event_registrations (store, cl_record_get_id (CL_RECORD (event)));
  cl_event_store_count (registrations, &registered, &waiting);
  for (guint i = 0; i < registrations->len; i++)
    g_ptr_array_add (ids, (gpointer) cl_event_registration_get_patient_id (g_ptr_array_index (registrations, i)));
  g_ptr_array_add (ids, NULL);
  names = cl_store_patients_names (store, (const char * const *) ids->pdata);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sign-in sheet: %u registered of %d place",
                                          "Sign-in sheet: %u registered of %d places",
                                          cl_health_event_get_capacity (event)),
                             registered, cl_health_event_get_capacity (event));
  cl_schedule_sheet_add_section (sheet, heading);

  /* The registered first, then the waiting list, each in its order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < registrations->len; i++)
      {
        CLEventRegistration *one = g_ptr_array_index (registrations, i);
        g_autoptr(CLRecord) patient = NULL;
        g_autofree char *number = NULL;
        g_autofree char *phone = NULL;
        const char *name;

        if (pass == 0 ? !cl_event_registration_is_registered (one) : !cl_event_registration_is_waitlisted (one))
          continue;
        if (pass == 0)
          number = g_strdup_printf ("%u", ++n);
        else
          /* Translators: the number of a patient on the waiting list, on the sign-in sheet */
          number = g_strdup_printf (_("Waiting %u"), ++w);
        name = g_hash_table_lookup (names, cl_event_registration_get_patient_id (one));
        patient = cl_store_load_record (store, CL_TYPE_PATIENT, cl_event_registration_get_patient_id (one), NULL);
        if (patient)
          phone = cl_phone_mask (cl_patient_get_phone (CL_PATIENT (patient)));
        cl_schedule_sheet_add_row (sheet, (const char *[]) { number, name ? name : "", phone ? phone : "", "", NULL },
                                   NULL);
      }
  return sheet;
}
