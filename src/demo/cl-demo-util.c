/* cl-demo-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-demo-data"

#include "config.h"

#include "cl-demo-util.h"

/* Record ids from the seeded generator instead of g_uuid_string_random(),
 * so the same seed gives the very same data, ids included (version 4
 * layout, so they look like any other id to the server). */
void
cl_demo_make_id (GRand *rand,
                 char   id[37])
{
  guint32 r[4];

  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    r[i] = g_rand_int (rand);

  g_snprintf (id, 37, "%08x-%04x-4%03x-%04x-%04x%08x",
              r[0], r[1] >> 16, r[1] & 0x0fff,
              0x8000 | (r[2] >> 18), r[2] & 0xffff, r[3]);
}

void
cl_demo_date_add (GDate *date,
                  gint   days)
{
  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
}

guint
cl_demo_pick_weight_index (GRand       *rand,
                           const guint *weights,
                           guint        n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  g_assert_not_reached ();
}

const char *
cl_demo_pick_weighted (GRand                *rand,
                       const ClDemoWeighted *table,
                       guint                 n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += table[i].weight;
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < table[i].weight)
        return table[i].text;
      r -= table[i].weight;
    }
  g_assert_not_reached ();
}
