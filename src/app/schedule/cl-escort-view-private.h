#pragma once

#include "cl-context.h"
#include "cl-date-nav.h"
#include "cl-escort-store.h"
#include "cl-escort-view.h"

G_BEGIN_DECLS

/* Shared by cl-escort-view.c (the day, the popover, actions) and
 * cl-escort-view-lists.c (the week and "my tasks today"). */

struct _CLEscortView
{
  GtkWidget          parent_instance;

  /* template widgets */
  AdwToastOverlay   *toast_overlay;
  CLDateNav         *date_nav;
  GtkStack          *mode_stack;
  CLTimeGrid        *grid;
  GtkGrid           *week_grid;
  GtkLabel          *mine_title;
  GtkListBox        *mine_list;
  AdwStatusPage     *mine_empty;

  /* owned */
  CLContext         *context;
  CLStore           *store;      /* the context's, while it has one */
  GHashTable        *tasks;      /* id → CLEscortTask, of what is shown */
  GHashTable        *names;      /* patient id → name, with her badge */
  GHashTable        *flags;      /* patient id → her priority flags, if any */
  GHashTable        *escorts;    /* staff id → display name */
  char              *mode;
  char              *last_message;
  guint              reload_idle;
  gboolean           works_own;  /* whoever works sees their own tasks only */

  /* borrowed */
  CLSchedulePopover *popover;
};

void               cl_escort_view_reload         (CLEscortView *self);
void               cl_escort_view_reload_week    (CLEscortView *self);
void               cl_escort_view_reload_mine    (CLEscortView *self);
void               cl_escort_view_show_message   (CLEscortView *self,
                                                  const char   *message);
const char        *cl_escort_view_patient_name   (CLEscortView *self,
                                                  CLEscortTask *task);
char              *cl_escort_view_task_subtitle  (CLEscortTask *task);
/* Keeps @tasks by id, their patients' names (a flagged patient's with
 * her badge before it) and flags. */
void               cl_escort_view_keep_tasks     (CLEscortView *self,
                                                  GListModel   *tasks);
CLSchedulePopover *cl_escort_view_task_popover   (CLEscortView *self,
                                                  CLEscortTask *task);

G_END_DECLS
