#define G_LOG_DOMAIN "cl-duty-shift"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cl-date.h"
#include "cl-duty-shift.h"

static const char * const shifts[] = {
  CL_DUTY_SHIFT_EARLY, CL_DUTY_SHIFT_REGULAR, CL_DUTY_SHIFT_LATE, CL_DUTY_SHIFT_NIGHT, NULL
};

const char * const *
cl_duty_shifts (void)
{
  return shifts;
}

gboolean
cl_duty_shift_is_known (const char *shift)
{
  return shift != NULL && g_strv_contains (shifts, shift);
}

const char *
cl_duty_shift_label (const char *shift)
{
  static const char * const labels[] = {
    NC_("duty shift", "Early"), NC_("duty shift", "Regular"), NC_("duty shift", "Late"),
    NC_("duty shift", "Night"),
  };

  for (guint i = 0; shift && shifts[i]; i++)
    if (g_str_equal (shift, shifts[i]))
      return g_dpgettext2 (NULL, "duty shift", labels[i]);
  return shift ? shift : "";
}

void
cl_duty_rules_init_default (CLDutyRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->early_lead = 30;
  rules->late_tail = 30;
  rules->week_minutes = 40 * 60;
}

guint
cl_duty_shift_spans (CLDutyPost        *post,
                     const char        *shift,
                     const CLDutyRules *rules,
                     CLDutySpan         spans[2])
{
  CLDutySpan sessions[2];
  guint n = 0, out = 0;

  g_return_val_if_fail (CL_IS_DUTY_POST (post), 0);
  g_return_val_if_fail (rules != NULL, 0);

  if (!cl_duty_shift_is_known (shift))
    return 0;

  sessions[n++] = (CLDutySpan) { cl_duty_post_get_morning_opens (post), cl_duty_post_get_morning_closes (post) };
  if (cl_duty_post_has_afternoon (post))
    sessions[n++] = (CLDutySpan) { cl_duty_post_get_afternoon_opens (post),
                                   cl_duty_post_get_afternoon_closes (post) };

  if (g_str_equal (shift, CL_DUTY_SHIFT_NIGHT))
    {
      /* From the last close to the first opening of the next day. */
      spans[0] = (CLDutySpan) { sessions[n - 1].end, 24 * 60 + sessions[0].start };
      return spans[0].end > spans[0].start ? 1 : 0;
    }

  for (guint i = 0; i < n; i++)
    {
      CLDutySpan span = sessions[i];

      if (g_str_equal (shift, CL_DUTY_SHIFT_EARLY))
        span.start = MAX (span.start - rules->early_lead, 0);
      else if (g_str_equal (shift, CL_DUTY_SHIFT_LATE))
        span.end = span.end + rules->late_tail;
      /* A break shorter than the lead or the tail is no break. */
      if (out > 0 && span.start <= spans[out - 1].end)
        spans[out - 1].end = MAX (spans[out - 1].end, span.end);
      else
        spans[out++] = span;
    }
  return out;
}

gint
cl_duty_shift_minutes (CLDutyPost        *post,
                       const char        *shift,
                       const CLDutyRules *rules)
{
  CLDutySpan spans[2];
  guint n = cl_duty_shift_spans (post, shift, rules, spans);
  gint total = 0;

  for (guint i = 0; i < n; i++)
    total += spans[i].end - spans[i].start;
  return total;
}

char *
cl_duty_format_minutes (gint minutes)
{
  minutes = ((minutes % (24 * 60)) + 24 * 60) % (24 * 60);
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

char *
cl_duty_shift_format_times (CLDutyPost        *post,
                            const char        *shift,
                            const CLDutyRules *rules)
{
  CLDutySpan spans[2];
  guint n = cl_duty_shift_spans (post, shift, rules, spans);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *from = cl_duty_format_minutes (spans[i].start);
      g_autofree char *to = NULL;

      /* The end of a day is 24:00, not the next day's 00:00. */
      to = spans[i].end == 24 * 60 ? g_strdup ("24:00") : cl_duty_format_minutes (spans[i].end);
      g_string_append_printf (text, "%s%s–%s", i > 0 ? ", " : "", from, to);
    }
  return g_string_free (text, FALSE);
}

gboolean
cl_duty_parse_minutes (const char *text,
                       gint       *minutes)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  guint h = 0, m = 0;
  gsize len = strlen (t);

  if (len == 4 && g_ascii_isdigit (t[0]) && g_ascii_isdigit (t[1]) && g_ascii_isdigit (t[2])
      && g_ascii_isdigit (t[3]))
    {
      h = (t[0] - '0') * 10 + (t[1] - '0');
      m = (t[2] - '0') * 10 + (t[3] - '0');
    }
  else
    {
      const char *colon = strchr (t, ':');

      if (colon == NULL || colon == t || colon - t > 2 || strlen (colon + 1) != 2)
        return FALSE;
      for (const char *p = t; *p; p++)
        if (p != colon && !g_ascii_isdigit (*p))
          return FALSE;
      h = atoi (t);
      m = atoi (colon + 1);
    }
  if (m > 59 || h > 24 || (h == 24 && m != 0))
    return FALSE;
  *minutes = h * 60 + m;
  return TRUE;
}

char *
cl_duty_format_day (const GDate *day)
{
  static const char * const weekdays[] = {
    NULL, N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
  };
  g_autofree char *date = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  date = cl_date_format (day, CL_DATE_SHORT, NULL);
  /* TRANSLATORS: a day of the duty roster: the weekday, then the date ("Mon 7 Dec") */
  return g_strdup_printf (_("%1$s %2$s"), _(weekdays[g_date_get_weekday (day)]), date);
}

char *
cl_duty_format_hours (gint minutes)
{
  if (minutes % 60 == 0)
    /* TRANSLATORS: hours of work, e.g. "40 h" */
    return g_strdup_printf (_("%d h"), minutes / 60);
  /* TRANSLATORS: hours of work with a fraction, e.g. "37.5 h" */
  return g_strdup_printf (_("%d.%d h"), minutes / 60, (minutes % 60) * 10 / 60);
}
