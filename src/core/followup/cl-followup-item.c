#define G_LOG_DOMAIN "cl-followup"

#include "config.h"

#include "cl-followup-item.h"

G_DEFINE_BOXED_TYPE (CLFollowupItem, cl_followup_item, cl_followup_item_ref, cl_followup_item_unref)

static const char * const kinds[] = {
  [CL_FOLLOWUP_KIND_VISIT_REMINDER] = "visit-reminder",
  [CL_FOLLOWUP_KIND_VISIT_OVERDUE] = "visit-overdue",
  [CL_FOLLOWUP_KIND_ORDER_REMINDER] = "order-reminder",
  [CL_FOLLOWUP_KIND_POST_CHECK_REVIEW] = "post-check-review",
  [CL_FOLLOWUP_KIND_POSTPARTUM_OPEN] = "postpartum-open",
  [CL_FOLLOWUP_KIND_POSTPARTUM_REVISIT_REMINDER] = "postpartum-revisit-reminder",
  [CL_FOLLOWUP_KIND_SCALE] = "scale",
  [CL_FOLLOWUP_KIND_OTHER] = "other",
  [CL_FOLLOWUP_KIND_PSYCHOLOGICAL_SUPPORT] = "psychological-support",
};

static const char * const channels[] = {
  [CL_FOLLOWUP_CHANNEL_SMS] = "sms",
  [CL_FOLLOWUP_CHANNEL_WECHAT] = "wechat",
  [CL_FOLLOWUP_CHANNEL_PHONE] = "phone",
  [CL_FOLLOWUP_CHANNEL_IN_PERSON] = "in-person",
};

static const char * const states[] = {
  [CL_FOLLOWUP_STATE_DUE] = "due",
  [CL_FOLLOWUP_STATE_RESCHEDULED] = "rescheduled",
  [CL_FOLLOWUP_STATE_DONE] = "done",
  [CL_FOLLOWUP_STATE_CANCELLED] = "cancelled",
};

static void
item_clear (gpointer data)
{
  CLFollowupItem *item = data;

  g_free (item->id);
  g_free (item->rule_id);
  g_free (item->source_id);
  g_free (item->content);
  g_free (item->scale_id);
}

CLFollowupItem *
cl_followup_item_new (void)
{
  CLFollowupItem *item = g_atomic_rc_box_new0 (CLFollowupItem);

  g_date_clear (&item->due, 1);
  g_date_clear (&item->event, 1);
  return item;
}

CLFollowupItem *
cl_followup_item_ref (CLFollowupItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return g_atomic_rc_box_acquire (item);
}

void
cl_followup_item_unref (CLFollowupItem *item)
{
  g_return_if_fail (item != NULL);
  g_atomic_rc_box_release_full (item, item_clear);
}

gboolean
cl_followup_item_is_open (const CLFollowupItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);
  return item->state == CL_FOLLOWUP_STATE_DUE || item->state == CL_FOLLOWUP_STATE_RESCHEDULED;
}

static gboolean
lookup (const char * const *words,
        guint               n_words,
        const char         *text,
        guint              *out)
{
  for (guint i = 0; text && i < n_words; i++)
    if (g_str_equal (words[i], text))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cl_followup_kind_to_string (CLFollowupKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind];
}

gboolean
cl_followup_kind_from_string (const char     *text,
                              CLFollowupKind *kind)
{
  guint index;

  if (!lookup (kinds, G_N_ELEMENTS (kinds), text, &index))
    return FALSE;
  *kind = index;
  return TRUE;
}

const char *
cl_followup_channel_to_string (CLFollowupChannel channel)
{
  g_return_val_if_fail (channel < G_N_ELEMENTS (channels), NULL);
  return channels[channel];
}

gboolean
cl_followup_channel_from_string (const char        *text,
                                 CLFollowupChannel *channel)
{
  guint index;

  if (!lookup (channels, G_N_ELEMENTS (channels), text, &index))
    return FALSE;
  *channel = index;
  return TRUE;
}

const char *
cl_followup_state_to_string (CLFollowupState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (states), NULL);
  return states[state];
}

gboolean
cl_followup_state_from_string (const char      *text,
                               CLFollowupState *state)
{
  guint index;

  if (!lookup (states, G_N_ELEMENTS (states), text, &index))
    return FALSE;
  *state = index;
  return TRUE;
}
