#define G_LOG_DOMAIN "cl-visit-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-visit-plan.h"

struct _ClVisitPlan
{
  ClVisitGuideline *schedule;
  GArray          *visits;   /* ClPlannedVisit */
};

ClVisitDone *
cl_visit_done_new (const char *key,
                   const char *date,
                   gboolean    ticked)
{
  ClVisitDone *done = g_new0 (ClVisitDone, 1);

  done->key = g_strdup (key);
  done->date = g_strdup (date);
  done->ticked = ticked;
  return done;
}

void
cl_visit_done_free (ClVisitDone *done)
{
  if (done == NULL)
    return;
  g_free (done->key);
  g_free (done->date);
  g_free (done->mark_id);
  g_free (done->by);
  g_free (done->note);
  g_free (done);
}

static void
planned_clear (gpointer data)
{
  ClPlannedVisit *visit = data;

  g_free (visit->mark_id);
  g_free (visit->ticked_by);
  g_free (visit->note);
}

ClVisitState
cl_visit_state_on (const ClVisitWindow *window,
                   const GDate         *edd,
                   const char          *status,
                   const GDate         *delivery,
                   const GDate         *today,
                   gboolean             done,
                   GDate               *start,
                   GDate               *end)
{
  gboolean delivered = delivery && g_date_valid (delivery);

  cl_visit_window_dates (window, edd, delivery, start, end);
  if (done)
    return CL_VISIT_DONE;

  if (window->anchor == CL_VISIT_ANCHOR_PREGNANCY)
    {
      /* After the birth (or a pregnancy that ended) an antenatal visit
       * that was not done no longer asks for anything. */
      if (delivered || g_strcmp0 (status, "ended") == 0)
        return CL_VISIT_SKIPPED;
    }
  else if (g_strcmp0 (status, "ended") == 0 && !delivered)
    return CL_VISIT_SKIPPED;

  if (g_date_compare (today, start) < 0)
    return CL_VISIT_UPCOMING;
  if (g_date_compare (today, end) <= 0)
    return CL_VISIT_DUE;
  return CL_VISIT_OVERDUE;
}

static gboolean
applies (ClVisitState state)
{
  return state != CL_VISIT_DONE && state != CL_VISIT_SKIPPED;
}

ClVisitPlan *
cl_visit_plan_new (ClVisitGuideline *schedule,
                   const GDate     *edd,
                   const char      *status,
                   const GDate     *delivery,
                   const GDate     *today,
                   GPtrArray       *done)
{
  ClVisitPlan *plan;

  g_return_val_if_fail (edd && g_date_valid (edd), NULL);
  g_return_val_if_fail (today && g_date_valid (today), NULL);

  if (schedule == NULL)
    schedule = cl_visit_guideline_get_default ();

  plan = g_new0 (ClVisitPlan, 1);
  plan->schedule = cl_visit_guideline_ref (schedule);
  plan->visits = g_array_new (FALSE, TRUE, sizeof (ClPlannedVisit));
  g_array_set_clear_func (plan->visits, planned_clear);

  for (guint i = 0; i < cl_visit_guideline_get_n_visits (schedule); i++)
    {
      ClPlannedVisit visit = { 0 };

      visit.window = cl_visit_guideline_get_visit (schedule, i);
      g_date_clear (&visit.done_date, 1);

      for (guint j = 0; done && j < done->len; j++)
        {
          ClVisitDone *entry = g_ptr_array_index (done, j);
          GDate date;

          if (g_strcmp0 (entry->key, visit.window->key) != 0)
            continue;
          if (entry->ticked)
            {
              visit.ticked = TRUE;
              g_free (visit.mark_id);
              visit.mark_id = g_strdup (entry->mark_id);
              g_free (visit.ticked_by);
              visit.ticked_by = g_strdup (entry->by);
              g_free (visit.note);
              visit.note = g_strdup (entry->note);
            }
          else
            visit.n_reports++;
          /* The earliest date counts: a report filed later for a visit
           * ticked on the day does not move it. */
          if (cl_date_parse (entry->date, &date, NULL) &&
              (!g_date_valid (&visit.done_date) || g_date_compare (&date, &visit.done_date) < 0))
            visit.done_date = date;
        }

      visit.state = cl_visit_state_on (visit.window, edd, status, delivery, today,
                                       visit.ticked || visit.n_reports > 0,
                                       &visit.start, &visit.end);
      g_array_append_val (plan->visits, visit);
    }
  return plan;
}

void
cl_visit_plan_free (ClVisitPlan *plan)
{
  if (plan == NULL)
    return;
  g_array_unref (plan->visits);
  cl_visit_guideline_unref (plan->schedule);
  g_free (plan);
}

guint
cl_visit_plan_get_n_visits (ClVisitPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->visits->len;
}

const ClPlannedVisit *
cl_visit_plan_get_visit (ClVisitPlan *plan,
                         guint        index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (index < plan->visits->len, NULL);
  return &g_array_index (plan->visits, ClPlannedVisit, index);
}

const ClPlannedVisit *
cl_visit_plan_lookup (ClVisitPlan *plan,
                      const char  *key)
{
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->visits->len; i++)
    {
      const ClPlannedVisit *visit = &g_array_index (plan->visits, ClPlannedVisit, i);

      if (g_strcmp0 (visit->window->key, key) == 0)
        return visit;
    }
  return NULL;
}

const ClPlannedVisit *
cl_visit_plan_next (ClVisitPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->visits->len; i++)
    {
      const ClPlannedVisit *visit = &g_array_index (plan->visits, ClPlannedVisit, i);

      if (applies (visit->state))
        return visit;
    }
  return NULL;
}

static gboolean
key_in (const char *keys,
        const char *key)
{
  gsize length = strlen (key);

  /* Space-separated, possibly with repeats: no allocation per row. */
  for (const char *p = keys; p && (p = strstr (p, key)); p += length)
    if ((p == keys || p[-1] == ' ') && (p[length] == '\0' || p[length] == ' '))
      return TRUE;
  return FALSE;
}

const ClVisitWindow *
cl_visit_plan_next_for_keys (const GDate  *edd,
                             const char   *status,
                             const GDate  *delivery,
                             const GDate  *today,
                             const char   *done_keys,
                             ClVisitState *state,
                             GDate        *start,
                             GDate        *end)
{
  ClVisitGuideline *schedule = cl_visit_guideline_get_default ();

  g_return_val_if_fail (edd && g_date_valid (edd), NULL);

  for (guint i = 0; i < cl_visit_guideline_get_n_visits (schedule); i++)
    {
      const ClVisitWindow *window = cl_visit_guideline_get_visit (schedule, i);
      ClVisitState s = cl_visit_state_on (window, edd, status, delivery, today,
                                          key_in (done_keys, window->key), start, end);

      if (applies (s))
        {
          if (state)
            *state = s;
          return window;
        }
    }
  return NULL;
}

const char *
cl_visit_state_to_label (ClVisitState state)
{
  switch (state)
    {
    case CL_VISIT_UPCOMING:
      return C_("visit", "Upcoming");
    case CL_VISIT_DUE:
      return C_("visit", "Due now");
    case CL_VISIT_OVERDUE:
      return C_("visit", "Overdue");
    case CL_VISIT_DONE:
      return C_("visit", "Done");
    case CL_VISIT_SKIPPED:
      return C_("visit", "Not needed");
    default:
      g_assert_not_reached ();
    }
}
