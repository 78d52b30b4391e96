#define G_LOG_DOMAIN "cl-followup"

#include "config.h"

#include <string.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-followup-plan.h"

typedef struct
{
  char     *key;
  char     *label;
  gboolean  postpartum;
  GDate     start;
  GDate     end;
  gboolean  done;
} Visit;

/* An order or a report: something with an id, a text and a date. */
typedef struct
{
  char  *id;
  char  *text;
  GDate  date;
} Event;

struct _CLFollowupPlanInput
{
  char      *name;
  char      *lang;
  GDate      edd;
  GDate      today;
  GDate      birth;     /* invalid: not born */
  gboolean   closed;
  GPtrArray *visits;    /* Visit */
  GPtrArray *orders;    /* Event */
  GPtrArray *reports;   /* Event */
};

static void
visit_free (gpointer data)
{
  Visit *visit = data;

  g_free (visit->key);
  g_free (visit->label);
  g_free (visit);
}

static void
event_free (gpointer data)
{
  Event *event = data;

  g_free (event->id);
  g_free (event->text);
  g_free (event);
}

CLFollowupPlanInput *
cl_followup_plan_input_new (const char  *name,
                            const GDate *edd,
                            const GDate *today)
{
  CLFollowupPlanInput *input;

  g_return_val_if_fail (edd && g_date_valid (edd), NULL);
  g_return_val_if_fail (today && g_date_valid (today), NULL);

  input = g_new0 (CLFollowupPlanInput, 1);
  input->name = g_strdup (name);
  input->edd = *edd;
  input->today = *today;
  g_date_clear (&input->birth, 1);
  input->visits = g_ptr_array_new_with_free_func (visit_free);
  input->orders = g_ptr_array_new_with_free_func (event_free);
  input->reports = g_ptr_array_new_with_free_func (event_free);
  return input;
}

void
cl_followup_plan_input_free (CLFollowupPlanInput *input)
{
  if (input == NULL)
    return;
  g_free (input->name);
  g_free (input->lang);
  g_ptr_array_unref (input->visits);
  g_ptr_array_unref (input->orders);
  g_ptr_array_unref (input->reports);
  g_free (input);
}

void
cl_followup_plan_input_set_language (CLFollowupPlanInput *input,
                                     const char          *lang)
{
  g_free (input->lang);
  input->lang = g_strdup (lang);
}

void
cl_followup_plan_input_set_birth (CLFollowupPlanInput *input,
                                  const GDate         *birth)
{
  if (birth && g_date_valid (birth))
    input->birth = *birth;
  else
    g_date_clear (&input->birth, 1);
}

void
cl_followup_plan_input_set_closed (CLFollowupPlanInput *input,
                                   gboolean             closed)
{
  input->closed = closed;
}

void
cl_followup_plan_input_add_visit (CLFollowupPlanInput *input,
                                  const char          *key,
                                  const char          *label,
                                  gboolean             postpartum,
                                  const GDate         *start,
                                  const GDate         *end,
                                  gboolean             done)
{
  Visit *visit;

  g_return_if_fail (key != NULL);
  g_return_if_fail (start && g_date_valid (start) && end && g_date_valid (end));

  visit = g_new0 (Visit, 1);
  visit->key = g_strdup (key);
  visit->label = g_strdup (label ? label : key);
  visit->postpartum = postpartum;
  visit->start = *start;
  visit->end = *end;
  visit->done = done;
  g_ptr_array_add (input->visits, visit);
}

void
cl_followup_plan_input_add_visit_plan (CLFollowupPlanInput *input,
                                       ClVisitPlan         *plan,
                                       ClVisitGuideline    *schedule)
{
  if (schedule == NULL)
    schedule = cl_visit_guideline_get_default ();

  for (guint i = 0; i < cl_visit_plan_get_n_visits (plan); i++)
    {
      const ClPlannedVisit *visit = cl_visit_plan_get_visit (plan, i);
      g_autofree char *label = NULL;

      if (visit->state == CL_VISIT_SKIPPED)
        continue;
      /* The window's label is in the desk's language; a message is in hers. */
      label = cl_visit_guideline_dup_label_for (schedule, visit->window->key, input->lang);
      cl_followup_plan_input_add_visit (input, visit->window->key,
                                        label ? label : visit->window->label,
                                        visit->window->anchor == CL_VISIT_ANCHOR_DELIVERY,
                                        &visit->start, &visit->end,
                                        visit->state == CL_VISIT_DONE);
    }
}

static void
add_event (GPtrArray   *events,
           const char  *id,
           const char  *text,
           const GDate *date)
{
  Event *event;

  g_return_if_fail (id != NULL);
  if (date == NULL || !g_date_valid (date))
    return;
  event = g_new0 (Event, 1);
  event->id = g_strdup (id);
  event->text = g_strdup (text);
  event->date = *date;
  g_ptr_array_add (events, event);
}

void
cl_followup_plan_input_add_order (CLFollowupPlanInput *input,
                                  const char          *order_id,
                                  const char          *text,
                                  const GDate         *reminder)
{
  add_event (input->orders, order_id, text, reminder);
}

void
cl_followup_plan_input_add_report (CLFollowupPlanInput *input,
                                   const char          *report_id,
                                   const char          *visit_label,
                                   const GDate         *filed)
{
  add_event (input->reports, report_id, visit_label, filed);
}

/* Planned items, with the rule's index to order them by. */
typedef struct
{
  CLFollowupItem *item;
  guint           rule_index;
} Planned;

static void
shift (const GDate *from,
       gint         days,
       GDate       *out)
{
  *out = *from;
  if (days >= 0)
    g_date_add_days (out, days);
  else
    g_date_subtract_days (out, -days);
}

static void
plan_one (GArray                *planned,
          const CLFollowupRule  *rule,
          guint                  rule_index,
          CLFollowupRules       *rules,
          CLFollowupPlanInput   *input,
          const char            *source_id,
          const char            *visit_text,
          const GDate           *due,
          const GDate           *date,
          const GDate           *event)
{
  CLFollowupItem *item = cl_followup_item_new ();
  Planned entry = { item, rule_index };

  item->rule_id = g_strdup (rule->id);
  item->source_id = g_strdup (source_id);
  item->kind = rule->kind;
  item->channel = rule->channel;
  item->due = *due;
  if (event && g_date_valid (event))
    item->event = *event;
  item->escort = rule->escort;
  item->state = CL_FOLLOWUP_STATE_DUE;
  if (rule->kind == CL_FOLLOWUP_KIND_SCALE)
    {
      CLScale *scale = cl_followup_rules_get_scale (rules, rule->scale_id);

      item->scale_id = g_strdup (rule->scale_id);
      visit_text = cl_scale_get_title (scale, input->lang ? input->lang : "zh_CN");
    }
  item->content = cl_followup_rule_render (rule, input->lang, input->name, visit_text, date);
  g_array_append_val (planned, entry);
}

static gboolean
visit_applies (const CLFollowupRule *rule,
               const Visit          *visit)
{
  return rule->visit == NULL || g_str_equal (rule->visit, visit->key);
}

static void
plan_rule (GArray               *planned,
           const CLFollowupRule *rule,
           guint                 rule_index,
           CLFollowupRules      *rules,
           CLFollowupPlanInput  *input)
{
  gboolean born = g_date_valid (&input->birth);
  GDate due;

  switch (rule->trigger)
    {
    case CL_FOLLOWUP_TRIGGER_BEFORE_VISIT_OPENS:
      /* A reminder for a visit still to come, however late it is now:
       * the window still open is worth a call. */
      for (guint i = 0; i < input->visits->len; i++)
        {
          const Visit *visit = g_ptr_array_index (input->visits, i);

          /* The postpartum revisit has its own reminder rule unless
           * this one names it. */
          if ((visit->postpartum && rule->visit == NULL) || visit->done || !visit_applies (rule, visit) ||
              g_date_compare (&visit->end, &input->today) < 0 ||
              (!visit->postpartum && born && g_date_compare (&visit->start, &input->birth) > 0))
            continue;
          shift (&visit->start, -(gint) rule->days, &due);
          plan_one (planned, rule, rule_index, rules, input, visit->key, visit->label, &due, &visit->start,
                    &visit->end);
        }
      break;

    case CL_FOLLOWUP_TRIGGER_AFTER_VISIT_CLOSES:
      for (guint i = 0; i < input->visits->len; i++)
        {
          const Visit *visit = g_ptr_array_index (input->visits, i);

          if (visit->done || !visit_applies (rule, visit) ||
              (visit->postpartum && !born) ||
              (!visit->postpartum && born && g_date_compare (&visit->start, &input->birth) > 0))
            continue;
          shift (&visit->end, rule->days, &due);
          plan_one (planned, rule, rule_index, rules, input, visit->key, visit->label, &due, &visit->end,
                    &visit->end);
        }
      break;

    case CL_FOLLOWUP_TRIGGER_ORDER_REMINDER_DATE:
      for (guint i = 0; i < input->orders->len; i++)
        {
          const Event *order = g_ptr_array_index (input->orders, i);

          plan_one (planned, rule, rule_index, rules, input, order->id, order->text, &order->date,
                    &order->date, &order->date);
        }
      break;

    case CL_FOLLOWUP_TRIGGER_AFTER_REPORT_FILED:
      for (guint i = 0; i < input->reports->len; i++)
        {
          const Event *report = g_ptr_array_index (input->reports, i);

          shift (&report->date, rule->days, &due);
          plan_one (planned, rule, rule_index, rules, input, report->id, report->text, &due,
                    &report->date, &report->date);
        }
      break;

    case CL_FOLLOWUP_TRIGGER_BIRTH_RECORDED:
      if (born)
        {
          shift (&input->birth, rule->days, &due);
          plan_one (planned, rule, rule_index, rules, input, "birth", NULL, &due, &input->birth, &input->birth);
        }
      break;

    case CL_FOLLOWUP_TRIGGER_BEFORE_REVISIT:
      /* Only once the birth is recorded: before that the revisit's
       * dates are a guess from the EDD. */
      for (guint i = 0; born && i < input->visits->len; i++)
        {
          const Visit *visit = g_ptr_array_index (input->visits, i);

          if (!visit->postpartum || visit->done || !visit_applies (rule, visit) ||
              g_date_compare (&visit->end, &input->today) < 0)
            continue;
          shift (&visit->start, -(gint) rule->days, &due);
          plan_one (planned, rule, rule_index, rules, input, visit->key, visit->label, &due, &visit->start,
                    &visit->end);
        }
      break;

    case CL_FOLLOWUP_TRIGGER_GESTATIONAL_WEEKS:
      {
        g_autofree char *source = g_strdup_printf ("%u-%u", rule->first_week, rule->last_week);
        GDate start, end;

        /* Day d of gestation falls on EDD + (d - 280). */
        shift (&input->edd, (gint) rule->first_week * 7 - CL_PREGNANCY_DAYS, &start);
        shift (&input->edd, (gint) rule->last_week * 7 + 6 - CL_PREGNANCY_DAYS, &end);
        if (g_date_compare (&end, &input->today) < 0 ||
            (born && g_date_compare (&input->birth, &start) <= 0))
          break;
        plan_one (planned, rule, rule_index, rules, input, source, NULL, &start, &start, &start);
      }
      break;

    case CL_FOLLOWUP_TRIGGER_AT_VISIT:
      for (guint i = 0; i < input->visits->len; i++)
        {
          const Visit *visit = g_ptr_array_index (input->visits, i);

          if (!visit_applies (rule, visit) || g_date_compare (&visit->end, &input->today) < 0 ||
              (!visit->postpartum && born && g_date_compare (&visit->start, &input->birth) > 0))
            continue;
          plan_one (planned, rule, rule_index, rules, input, visit->key, NULL, &visit->start,
                    &visit->start, &visit->start);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static gint
compare_planned (gconstpointer a,
                 gconstpointer b)
{
  const Planned *x = a, *y = b;
  gint order = g_date_compare (&x->item->due, &y->item->due);

  if (order != 0)
    return order;
  if (x->rule_index != y->rule_index)
    return x->rule_index < y->rule_index ? -1 : 1;
  return strcmp (x->item->source_id, y->item->source_id);
}

GPtrArray *
cl_followup_plan (CLFollowupRules     *rules,
                  CLFollowupPlanInput *input)
{
  g_autoptr(GArray) planned = g_array_new (FALSE, FALSE, sizeof (Planned));
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_followup_item_unref);

  g_return_val_if_fail (CL_IS_FOLLOWUP_RULES (rules), items);
  g_return_val_if_fail (input != NULL, items);

  if (input->closed)
    return items;
  for (guint i = 0; i < cl_followup_rules_get_n_rules (rules); i++)
    plan_rule (planned, cl_followup_rules_get_rule (rules, i), i, rules, input);
  g_array_sort (planned, compare_planned);
  for (guint i = 0; i < planned->len; i++)
    g_ptr_array_add (items, g_array_index (planned, Planned, i).item);
  return items;
}

void
cl_followup_change_free (CLFollowupChange *change)
{
  if (change == NULL)
    return;
  g_clear_pointer (&change->existing, cl_followup_item_unref);
  g_clear_pointer (&change->planned, cl_followup_item_unref);
  g_free (change);
}

static void
add_change (GPtrArray            *changes,
            CLFollowupChangeKind  kind,
            CLFollowupItem       *existing,
            CLFollowupItem       *planned,
            CLFollowupReason      reason)
{
  CLFollowupChange *change = g_new0 (CLFollowupChange, 1);

  change->kind = kind;
  change->existing = existing ? cl_followup_item_ref (existing) : NULL;
  change->planned = planned ? cl_followup_item_ref (planned) : NULL;
  change->reason = reason;
  g_ptr_array_add (changes, change);
}

static gboolean
same_origin (const CLFollowupItem *a,
             const CLFollowupItem *b)
{
  return a->rule_id && b->rule_id && g_str_equal (a->rule_id, b->rule_id) &&
         g_strcmp0 (a->source_id, b->source_id) == 0;
}

GPtrArray *
cl_followup_reconcile (GPtrArray *existing,
                       GPtrArray *planned,
                       gboolean   closed)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_followup_change_free);
  guint n_planned = planned ? planned->len : 0;
  g_autofree gboolean *matched = g_new0 (gboolean, n_planned + 1);

  for (guint i = 0; existing && i < existing->len; i++)
    {
      CLFollowupItem *item = g_ptr_array_index (existing, i);
      CLFollowupItem *plan = NULL;

      /* The first stored item of an origin takes the plan's; a second
       * one is a duplicate. */
      for (guint p = 0; item->rule_id && p < n_planned && plan == NULL; p++)
        if (!matched[p] && same_origin (item, g_ptr_array_index (planned, p)))
          {
            matched[p] = TRUE;
            plan = g_ptr_array_index (planned, p);
          }

      if (!cl_followup_item_is_open (item))
        add_change (changes, CL_FOLLOWUP_CHANGE_KEEP, item, NULL, CL_FOLLOWUP_REASON_NONE);
      else if (closed)
        add_change (changes, CL_FOLLOWUP_CHANGE_CANCEL, item, NULL, CL_FOLLOWUP_REASON_PREGNANCY_CLOSED);
      else if (item->rule_id == NULL || item->state == CL_FOLLOWUP_STATE_RESCHEDULED)
        add_change (changes, CL_FOLLOWUP_CHANGE_KEEP, item, NULL, CL_FOLLOWUP_REASON_NONE);
      else if (plan == NULL)
        add_change (changes, CL_FOLLOWUP_CHANGE_CANCEL, item, NULL, CL_FOLLOWUP_REASON_NOT_PLANNED);
      else if (!g_date_valid (&item->due) || g_date_compare (&item->due, &plan->due) != 0)
        add_change (changes, CL_FOLLOWUP_CHANGE_MOVE, item, plan, CL_FOLLOWUP_REASON_NONE);
      else if (g_strcmp0 (item->content, plan->content) != 0)
        add_change (changes, CL_FOLLOWUP_CHANGE_UPDATE, item, plan, CL_FOLLOWUP_REASON_NONE);
      else
        add_change (changes, CL_FOLLOWUP_CHANGE_KEEP, item, NULL, CL_FOLLOWUP_REASON_NONE);
    }

  for (guint p = 0; !closed && p < n_planned; p++)
    if (!matched[p])
      add_change (changes, CL_FOLLOWUP_CHANGE_ADD, NULL, g_ptr_array_index (planned, p),
                  CL_FOLLOWUP_REASON_NONE);
  return changes;
}

static gboolean
is_reminder (CLFollowupKind kind)
{
  return kind == CL_FOLLOWUP_KIND_VISIT_REMINDER ||
         kind == CL_FOLLOWUP_KIND_POSTPARTUM_REVISIT_REMINDER ||
         kind == CL_FOLLOWUP_KIND_ORDER_REMINDER;
}

void
cl_followup_trim_changes (GPtrArray       *changes,
                          CLFollowupRules *rules,
                          const GDate     *today)
{
  GDate oldest;

  g_return_if_fail (changes != NULL);
  g_return_if_fail (CL_IS_FOLLOWUP_RULES (rules));
  g_return_if_fail (today && g_date_valid (today));

  shift (today, -(gint) cl_followup_rules_get_max_overdue_days (rules), &oldest);
  for (guint i = changes->len; i-- > 0;)
    {
      CLFollowupChange *change = g_ptr_array_index (changes, i);
      CLFollowupItem *planned = change->planned;

      if (planned == NULL)
        continue;
      if (change->kind == CL_FOLLOWUP_CHANGE_ADD)
        {
          /* Telling her of a day already gone helps nobody; a missed
           * visit has its own overdue item. */
          if (is_reminder (planned->kind) && g_date_valid (&planned->event) &&
              g_date_compare (&planned->event, today) < 0)
            g_ptr_array_remove_index (changes, i);
          else if (g_date_compare (&planned->due, &oldest) < 0)
            planned->due = oldest;
        }
      else if (change->kind == CL_FOLLOWUP_CHANGE_MOVE &&
               g_date_compare (&planned->due, &oldest) < 0)
        {
          /* Otherwise the item capped when it was added would go back
           * to its planned day the next time. */
          change->kind = CL_FOLLOWUP_CHANGE_KEEP;
          g_clear_pointer (&change->planned, cl_followup_item_unref);
        }
    }
}

const char *
cl_followup_change_kind_to_string (CLFollowupChangeKind kind)
{
  static const char * const names[] = { "keep", "add", "move", "update", "cancel" };

  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

const char *
cl_followup_reason_to_string (CLFollowupReason reason)
{
  static const char * const names[] = { "none", "not-planned", "pregnancy-closed" };

  g_return_val_if_fail (reason < G_N_ELEMENTS (names), NULL);
  return names[reason];
}
