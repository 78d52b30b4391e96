#define G_LOG_DOMAIN "cl-duty-check"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-duty-check.h"

void
cl_duty_warning_free (CLDutyWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->day);
  g_free (warning->post_id);
  g_free (warning->staff_id);
  g_free (warning->message);
  g_free (warning);
}

/* One assignment of the week placed on the week's clock: minutes from
 * Monday's midnight (the day before is negative). */
typedef struct
{
  CLDutyAssignment *assignment;
  CLDutyPost       *post;
  gint              day;   /* -1 (the Sunday before) to 6 */
  CLDutySpan        spans[2];
  guint             n_spans;
  gint              minutes;
} Placed;

static void
add (GPtrArray         *warnings,
     CLDutyWarningKind  kind,
     const GDate       *monday,
     gint               day,
     const char        *post_id,
     const char        *staff_id,
     char              *message)
{
  CLDutyWarning *warning = g_new0 (CLDutyWarning, 1);

  warning->kind = kind;
  if (day >= 0)
    {
      GDate date = *monday;

      g_date_add_days (&date, day);
      warning->day = cl_date_to_iso (&date);
    }
  warning->post_id = g_strdup (post_id);
  warning->staff_id = g_strdup (staff_id);
  warning->message = message;
  g_ptr_array_add (warnings, warning);
}

static char *
day_words (const GDate *monday,
           gint         day)
{
  GDate date = *monday;

  g_date_add_days (&date, day);
  return cl_duty_format_day (&date);
}

static const char *
name_of (GHashTable *staff_names,
         const char *staff_id)
{
  const char *name = staff_names ? g_hash_table_lookup (staff_names, staff_id) : NULL;

  return name ? name : staff_id;
}

static GArray *
place (const GDate       *monday,
       GPtrArray         *posts,
       GPtrArray         *assignments,
       const CLDutyRules *rules)
{
  GArray *placed = g_array_new (FALSE, TRUE, sizeof (Placed));

  for (guint i = 0; assignments && i < assignments->len; i++)
    {
      CLDutyAssignment *assignment = g_ptr_array_index (assignments, i);
      Placed p = { assignment, NULL, 0, { { 0, 0 }, { 0, 0 } }, 0, 0 };
      GDate day;

      if (cl_record_get_deleted (CL_RECORD (assignment))
          || !cl_duty_day_parse (cl_duty_assignment_get_day (assignment), &day))
        continue;
      p.day = cl_date_days_between (monday, &day);
      if (p.day < -1 || p.day > 6)
        continue;
      for (guint j = 0; posts && j < posts->len; j++)
        {
          CLDutyPost *post = g_ptr_array_index (posts, j);

          if (!cl_record_get_deleted (CL_RECORD (post))
              && g_strcmp0 (cl_record_get_id (CL_RECORD (post)),
                            cl_duty_assignment_get_post_id (assignment)) == 0)
            p.post = post;
        }
      if (p.post == NULL)
        continue;
      p.n_spans = cl_duty_shift_spans (p.post, cl_duty_assignment_get_shift (assignment), rules, p.spans);
      if (p.n_spans == 0)
        continue;
      for (guint k = 0; k < p.n_spans; k++)
        {
          p.minutes += p.spans[k].end - p.spans[k].start;
          p.spans[k].start += p.day * 24 * 60;
          p.spans[k].end += p.day * 24 * 60;
        }
      g_array_append_val (placed, p);
    }
  return placed;
}

static void
check_short (GPtrArray   *warnings,
             const GDate *monday,
             CLDutyPost  *post,
             GArray      *placed,
             gint         day)
{
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *words = NULL;
  guint have, need = cl_duty_post_get_headcount (post);

  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);

      if (p->post == post && p->day == day)
        g_hash_table_add (people, (gpointer) cl_duty_assignment_get_staff_id (p->assignment));
    }
  have = g_hash_table_size (people);
  if (have >= need)
    return;
  words = day_words (monday, day);
  add (warnings, CL_DUTY_WARNING_SHORT, monday, day, cl_record_get_id (CL_RECORD (post)), NULL,
       /* TRANSLATORS: a post short of people on a day: post, day, people on duty, people needed */
       g_strdup_printf (g_dngettext (NULL, "%s on %s: %u on duty, %u person needed",
                                     "%s on %s: %u on duty, %u people needed", need),
                        cl_duty_post_get_display_name (post), words, have, need));
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const CLDutySpan *x = a, *y = b;

  return x->start != y->start ? (x->start < y->start ? -1 : 1) : 0;
}

static void
check_gaps (GPtrArray   *warnings,
            const GDate *monday,
            CLDutyPost  *post,
            GArray      *placed,
            gint         day)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CLDutySpan));
  gint from = day * 24 * 60, to = from + 24 * 60, covered = from;

  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);

      if (p->post != post)
        continue;
      for (guint k = 0; k < p->n_spans; k++)
        if (p->spans[k].end > from && p->spans[k].start < to)
          g_array_append_val (spans, p->spans[k]);
    }
  g_array_sort (spans, compare_spans);
  for (guint i = 0; i <= spans->len; i++)
    {
      gint next = i < spans->len ? MIN (g_array_index (spans, CLDutySpan, i).start, to) : to;

      if (next > covered)
        {
          g_autofree char *words = day_words (monday, day);
          g_autofree char *start = cl_duty_format_minutes (covered - from);
          g_autofree char *end = next == to ? g_strdup ("24:00") : cl_duty_format_minutes (next - from);

          add (warnings, CL_DUTY_WARNING_GAP, monday, day, cl_record_get_id (CL_RECORD (post)), NULL,
               /* TRANSLATORS: a 24-hour post nobody covers for a while: post, day, from, to */
               g_strdup_printf (_("%s on %s: nobody on duty from %s to %s"),
                                cl_duty_post_get_display_name (post), words, start, end));
        }
      if (i < spans->len)
        covered = MAX (covered, g_array_index (spans, CLDutySpan, i).end);
    }
}

static gboolean
overlap (const Placed *a,
         const Placed *b)
{
  for (guint i = 0; i < a->n_spans; i++)
    for (guint j = 0; j < b->n_spans; j++)
      if (a->spans[i].start < b->spans[j].end && b->spans[j].start < a->spans[i].end)
        return TRUE;
  return FALSE;
}

static void
check_two_at_once (GPtrArray   *warnings,
                   const GDate *monday,
                   GArray      *placed,
                   GHashTable  *staff_names)
{
  for (guint i = 0; i < placed->len; i++)
    for (guint j = i + 1; j < placed->len; j++)
      {
        Placed *a = &g_array_index (placed, Placed, i);
        Placed *b = &g_array_index (placed, Placed, j);
        const char *staff_id = cl_duty_assignment_get_staff_id (a->assignment);
        g_autofree char *words = NULL;

        if (g_strcmp0 (staff_id, cl_duty_assignment_get_staff_id (b->assignment)) != 0 || !overlap (a, b))
          continue;
        /* Said once, on the day of the one that starts later. */
        if (b->spans[0].start < a->spans[0].start)
          {
            Placed *t = a;
            a = b;
            b = t;
          }
        if (b->day < 0)
          continue;
        words = day_words (monday, b->day);
        add (warnings, CL_DUTY_WARNING_TWO_AT_ONCE, monday, b->day, NULL, staff_id,
             /* TRANSLATORS: one person on two shifts at once: person, day, shift, post, shift, post */
             g_strdup_printf (_("%s on %s: two shifts at once, %s at %s and %s at %s"),
                              name_of (staff_names, staff_id), words,
                              cl_duty_shift_label (cl_duty_assignment_get_shift (a->assignment)),
                              cl_duty_post_get_display_name (a->post),
                              cl_duty_shift_label (cl_duty_assignment_get_shift (b->assignment)),
                              cl_duty_post_get_display_name (b->post)));
      }
}

typedef struct
{
  const char *staff_id;
  const char *name;
  gint        minutes;
} Person;

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const Person *x = a, *y = b;
  int by_name = g_utf8_collate (x->name, y->name);

  return by_name != 0 ? by_name : g_strcmp0 (x->staff_id, y->staff_id);
}

static void
check_hours (GPtrArray         *warnings,
             const GDate       *monday,
             GArray            *placed,
             GHashTable        *staff_names,
             const CLDutyRules *rules)
{
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (Person));

  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      const char *staff_id = cl_duty_assignment_get_staff_id (p->assignment);
      Person *person = NULL;

      if (p->day < 0)
        continue;
      for (guint k = 0; k < people->len && person == NULL; k++)
        if (g_strcmp0 (g_array_index (people, Person, k).staff_id, staff_id) == 0)
          person = &g_array_index (people, Person, k);
      if (person == NULL)
        {
          Person fresh = { staff_id, name_of (staff_names, staff_id), 0 };

          g_array_append_val (people, fresh);
          person = &g_array_index (people, Person, people->len - 1);
        }
      person->minutes += p->minutes;
    }
  g_array_sort (people, compare_people);
  for (guint k = 0; k < people->len; k++)
    {
      Person *person = &g_array_index (people, Person, k);
      g_autofree char *worked = NULL, *limit = NULL;

      if (person->minutes <= rules->week_minutes)
        continue;
      worked = cl_duty_format_hours (person->minutes);
      limit = cl_duty_format_hours (rules->week_minutes);
      add (warnings, CL_DUTY_WARNING_OVER_HOURS, monday, -1, NULL, person->staff_id,
           /* TRANSLATORS: a person over the weekly limit: person, hours worked, the limit */
           g_strdup_printf (_("%s works %s this week, over the limit of %s"), person->name, worked, limit));
    }
}

GPtrArray *
cl_duty_check_week (const GDate       *monday,
                    GPtrArray         *posts,
                    GPtrArray         *assignments,
                    GHashTable        *staff_names,
                    const CLDutyRules *rules)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_duty_warning_free);
  g_autoptr(GArray) placed = NULL;

  g_return_val_if_fail (monday != NULL && g_date_valid (monday), warnings);
  g_return_val_if_fail (rules != NULL, warnings);

  placed = place (monday, posts, assignments, rules);
  for (gint day = 0; day < 7; day++)
    for (guint i = 0; posts && i < posts->len; i++)
      {
        CLDutyPost *post = g_ptr_array_index (posts, i);

        if (cl_record_get_deleted (CL_RECORD (post)) || !cl_duty_post_get_active (post))
          continue;
        check_short (warnings, monday, post, placed, day);
        if (cl_duty_post_get_all_day (post))
          check_gaps (warnings, monday, post, placed, day);
      }
  check_two_at_once (warnings, monday, placed, staff_names);
  check_hours (warnings, monday, placed, staff_names, rules);
  return warnings;
}
