#pragma once

#include "cl-archive-view.h"
#include "cl-context.h"
#include "cl-desk-view.h"
#include "cl-quality-view.h"
#include "cl-escort-view.h"
#include "cl-patient-page.h"
#include "cl-roster-view.h"
#include "cl-settlement-view.h"
#include "cl-sync-indicator.h"
#include "cl-today-view.h"
#include "cl-vip-view.h"
#include "cl-window.h"

G_BEGIN_DECLS

/* The main window's insides, for the files that hold parts of it
 * (cl-window-new.c) so that cl-window.c stays one person's size. */
struct _CLWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  AdwStatusPage   *error_page;
  AdwLeaflet      *leaflet;
  AdwViewStack    *view_stack;
  GtkWidget       *new_button;
  CLSyncIndicator *sync_indicator;
  CLRosterView    *roster_view;
  CLSettlementView *settlement_view;
  CLEscortView    *escort_view;
  CLVipView       *vip_view;
  AdwBin          *patient_bin;
  CLArchiveView   *archive_view;
  CLTodayView     *today_view;
  AdwViewStackPage *today_page;
  CLDeskView      *desk_view;
  AdwViewStackPage *desk_page;
  CLQualityView   *quality_view;
  AdwViewStackPage *quality_page;
  CLContext       *context;       /* shared by the views; the template owns it */

  /* borrowed: made on first use, lives in patient_bin */
  CLPatientPage   *patient_page;

  /* owned */
  CLStore         *store;
  CLSyncClient    *sync;
  GSettings       *settings;
  GCancellable    *cancellable;
  gint64           created_at;
  gboolean         login_wanted;  /* ask to log in when the server wants it */
  ClSyncState      sync_state;    /* as last seen, to tell a session that ended */
  guint            present_timeout;
  gboolean         present_pending;
};

G_END_DECLS
