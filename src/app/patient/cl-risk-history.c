#define G_LOG_DOMAIN "cl-risk-history"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-patient-store.h"
#include "cl-risk-event.h"
#include "cl-risk-history.h"
#include "cl-staff-store.h"

void
cl_risk_history_fill (GtkListBox  *list,
                      CLStore     *store,
                      CLPregnancy *pregnancy)
{
  g_autoptr(GPtrArray) events = NULL;
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);

  events = pregnancy
    ? cl_patient_store_risk_history (store, cl_record_get_id (CL_RECORD (pregnancy)))
    : g_ptr_array_new ();

  if (events->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No risk assessment recorded yet"));
      gtk_list_box_append (list, row);
      return;
    }

  /* Newest first: the desk wants today's colour on top. */
  for (guint i = events->len; i > 0; i--)
    {
      CLRiskEvent *event = g_ptr_array_index (events, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *label = cl_risk_format (cl_store_get_risk_scale (store),
                                               cl_risk_event_get_risk (event));
      g_autofree char *date_text = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *by = cl_staff_store_name_of_user (store,
                                                         cl_record_get_updated_by (CL_RECORD (event)));
      GDate date;

      if (cl_date_parse (cl_risk_event_get_date (event), &date, NULL))
        date_text = cl_date_format_display (&date);
      /* Who assessed her, by name as the staff list has it. */
      subtitle = g_strdup_printf ("%s · %s", date_text ? date_text : "—", by);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (list, row);
    }
}
