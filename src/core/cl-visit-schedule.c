#define G_LOG_DOMAIN "cl-visit-schedule"

#include "config.h"

#include "cl-dating.h"
#include "cl-visit-schedule.h"

#define W(weeks, days) ((weeks) * 7 + (days))

static const ClVisitWindow windows[] = {
  { W (6, 0),  W (13, 6) },
  { W (14, 0), W (19, 6) },
  { W (20, 0), W (24, 6) },
  { W (25, 0), W (28, 6) },
  { W (29, 0), W (32, 6) },
  { W (33, 0), W (36, 6) },
  { W (37, 0), W (37, 6) },
  { W (38, 0), W (38, 6) },
  { W (39, 0), W (39, 6) },
  { W (40, 0), W (40, 6) },
  { W (41, 0), W (41, 6) },
};

guint
cl_visit_schedule_get_n_windows (void)
{
  return G_N_ELEMENTS (windows);
}

const ClVisitWindow *
cl_visit_schedule_get_window (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (windows), NULL);
  return &windows[index];
}

static void
shift_days (const GDate *from,
            gint         days,
            GDate       *out)
{
  *out = *from;
  if (days >= 0)
    g_date_add_days (out, days);
  else
    g_date_subtract_days (out, -days);
}

gboolean
cl_visit_schedule_next_due (const GDate *edd,
                            const GDate *today,
                            GDate       *start,
                            GDate       *end)
{
  gint ga;

  g_return_val_if_fail (edd && g_date_valid (edd), FALSE);
  g_return_val_if_fail (today && g_date_valid (today), FALSE);

  ga = cl_dating_gestational_days (edd, today);
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      if (windows[i].end_day < ga)
        continue;

      /* Day d of gestation falls on EDD + (d - 280). */
      shift_days (edd, windows[i].start_day - CL_PREGNANCY_DAYS, start);
      shift_days (edd, windows[i].end_day - CL_PREGNANCY_DAYS, end);
      return TRUE;
    }
  return FALSE;
}
