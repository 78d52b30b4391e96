#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One follow-up item of a patient's plan: what to do (kind), by when
 * (due), how (channel) and what to say (content, from a rule's template).
 * A planned item has no id yet; one read back from the store has. */

typedef enum
{
  CL_FOLLOWUP_KIND_VISIT_REMINDER,
  CL_FOLLOWUP_KIND_VISIT_OVERDUE,
  CL_FOLLOWUP_KIND_ORDER_REMINDER,
  CL_FOLLOWUP_KIND_POST_CHECK_REVIEW,
  CL_FOLLOWUP_KIND_POSTPARTUM_OPEN,
  CL_FOLLOWUP_KIND_POSTPARTUM_REVISIT_REMINDER,
  CL_FOLLOWUP_KIND_SCALE,
  CL_FOLLOWUP_KIND_OTHER,             /* added by hand */
  CL_FOLLOWUP_KIND_PSYCHOLOGICAL_SUPPORT, /* a scale's positive screen or flag: act today */
} CLFollowupKind;

typedef enum
{
  CL_FOLLOWUP_CHANNEL_SMS,
  CL_FOLLOWUP_CHANNEL_WECHAT,
  CL_FOLLOWUP_CHANNEL_PHONE,
  CL_FOLLOWUP_CHANNEL_IN_PERSON,
} CLFollowupChannel;

typedef enum
{
  CL_FOLLOWUP_STATE_DUE,              /* open */
  CL_FOLLOWUP_STATE_RESCHEDULED,      /* open, on a date a person chose */
  CL_FOLLOWUP_STATE_DONE,
  CL_FOLLOWUP_STATE_CANCELLED,
} CLFollowupState;

typedef struct
{
  char              *id;         /* the stored record's id; NULL when only planned */
  char              *rule_id;    /* the [Rule NAME] that made it; NULL when added by hand */
  char              *source_id;  /* what it is about: a visit key, an order or report id, "birth", "28-32" */
  CLFollowupKind     kind;
  CLFollowupChannel  channel;
  GDate              due;
  char              *content;    /* the rendered template */
  char              *scale_id;   /* kind scale: the scale to fill */
  gboolean           escort;     /* offer an escort */
  CLFollowupState    state;
  GDate              event;      /* planned only: the day its purpose passes (a visit's window closes); not stored */
} CLFollowupItem;

#define CL_TYPE_FOLLOWUP_ITEM (cl_followup_item_get_type ())
GType           cl_followup_item_get_type (void) G_GNUC_CONST;

CLFollowupItem *cl_followup_item_new      (void);
CLFollowupItem *cl_followup_item_ref      (CLFollowupItem *item);
void            cl_followup_item_unref    (CLFollowupItem *item);
/* Open: still to be done (due or rescheduled). */
gboolean        cl_followup_item_is_open  (const CLFollowupItem *item);

/* The words of the data files and the store ("visit-reminder", "sms",
 * "due"); FALSE for an unknown word. */
const char     *cl_followup_kind_to_string     (CLFollowupKind     kind);
gboolean        cl_followup_kind_from_string   (const char        *text,
                                                CLFollowupKind    *kind);
const char     *cl_followup_channel_to_string  (CLFollowupChannel  channel);
gboolean        cl_followup_channel_from_string (const char        *text,
                                                 CLFollowupChannel *channel);
const char     *cl_followup_state_to_string    (CLFollowupState    state);
gboolean        cl_followup_state_from_string  (const char        *text,
                                                CLFollowupState   *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLFollowupItem, cl_followup_item_unref)

G_END_DECLS
