#pragma once

#include "cl-appointments-page.h"
#include "cl-desk-view.h"
#include "cl-referrals-page.h"
#include "cl-patient-chooser.h"

G_BEGIN_DECLS

/* What cl-desk-view.c (the quick-entry bar, the context, the object)
 * and cl-desk-view-lists.c (today's entries, the search, the open
 * hand-overs, the counts) share. */

#define SEARCH_LIMIT 200

struct _CLDeskView
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *pages;
  GtkScrolledWindow *switcher_scroller;
  GtkWidget       *switcher;
  GtkDropDown     *channel_dropdown;
  GtkDropDown     *category_dropdown;
  GtkEntry        *caller_entry;
  GtkEntry        *phone_entry;
  GtkBox          *patient_box;
  GtkWidget       *new_patient_button;
  GtkWidget       *book_escort_button;
  GtkEntry        *summary_entry;
  GtkToggleButton *handover_toggle;
  GtkWidget       *save_button;
  GtkDropDown     *handover_dropdown;
  GtkDropDown     *due_dropdown;
  GtkLabel        *message_label;
  GtkLabel        *saved_label;
  GtkLabel        *list_title;
  GtkSearchEntry  *search_entry;
  GtkStack        *list_stack;
  GtkListView     *entries_view;
  AdwStatusPage   *empty_page;
  GtkLabel        *handovers_title;
  GtkListBox      *handovers_list;
  GtkGrid         *counts_grid;
  GtkWidget       *calls_due_button;
  CLAppointmentsPage *appointments_page;
  CLReferralsPage *referrals_page;
  GtkWidget       *directory_page;

  /* owned */
  CLContext        *context;
  CLStore          *store;
  CLPatientChooser *chooser;
  GtkWidget        *complaints;    /* CLComplaintsPage */
  GListStore       *entries;       /* CLContact shown in the list */
  GPtrArray        *open;          /* CLContact, the open hand-overs as listed */
  GPtrArray        *staff_ids;     /* parallel to handover_dropdown */
  GHashTable       *staff_names;   /* staff id → name */
  GHashTable       *patient_names; /* patient id → name, of the rows shown */
  char             *actor_id;
  GCancellable     *search_cancellable;
  guint             tick;
  guint             n_saved;
  guint             n_overdue;
  gboolean          searching;
};

/* Opens the ticket dialog for a complaint made from @contact, on the
 * Complaints page (cl-desk-view.c). */
GtkWidget  *cl_desk_view_make_complaint      (CLDeskView *self,
                                              CLContact  *contact);
/* cl-desk-view-actions.c */
void        cl_desk_view_actions_class_init  (GtkWidgetClass *widget_class);
void        cl_desk_view_update_actions      (CLDeskView     *self);

/* cl-desk-view-lists.c */
void        cl_desk_view_lists_init          (CLDeskView *self);
void        cl_desk_view_reload_lists        (CLDeskView *self);
/* The Now page's count of discharge calls due. */
void        cl_desk_view_show_calls_due      (CLDeskView *self);
void        cl_desk_view_search_changed      (CLDeskView *self);
void        cl_desk_view_load_patient_names  (CLDeskView *self,
                                              GPtrArray  *contacts);
char       *cl_desk_view_format_who          (CLDeskView *self,
                                              CLContact  *contact);

G_END_DECLS
