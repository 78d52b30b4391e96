#pragma once

#include "cl-context.h"
#include "cl-date-nav.h"
#include "cl-vip-store.h"
#include "cl-vip-view.h"

G_BEGIN_DECLS

/* Shared by cl-vip-view.c (the calendar, the popover, the context) and
 * cl-vip-view-actions.c (new, print, export, rooms). */

struct _CLVipView
{
  GtkWidget          parent_instance;

  /* template widgets */
  AdwToastOverlay   *toast_overlay;
  CLDateNav         *date_nav;
  GtkDropDown       *room_dropdown;
  GtkWidget         *rooms_button;
  GtkWidget         *checkin_bar;
  GtkBox            *checkin_box;
  GtkScrolledWindow *checkin_scroller;
  GtkWidget         *checkin_earlier;
  GtkWidget         *checkin_later;
  CLTimeGrid        *grid;

  /* owned */
  CLContext         *context;
  CLStore           *store;      /* the context's, while it has one */
  GPtrArray         *rooms;      /* CLVipRoom, active, by name */
  GHashTable        *bookings;   /* id → CLVipBooking, of what is shown */
  GHashTable        *names;      /* patient id → name */
  char              *mode;
  char              *room_id;    /* the week view's room */
  char              *last_message;
  guint              reload_idle;
  guint              arrows_idle;
  gboolean           syncing_rooms;

  /* borrowed */
  CLSchedulePopover *popover;
};

void        cl_vip_view_reload          (CLVipView   *self);
gboolean    cl_vip_view_is_week         (CLVipView   *self);
CLVipRoom  *cl_vip_view_find_room       (CLVipView   *self,
                                         const char  *id);
/* Opens the booking dialog on @column over [@start, @end). */
void        cl_vip_view_create          (CLVipView   *self,
                                         guint        column,
                                         gint64       start,
                                         gint64       end);
/* In class_init: the view's actions and their keys. */
void        cl_vip_view_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
