#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the demo generators (cl-demo-data.c and the files it calls)
 * share: seeded ids and dates, and weighted draws. */

typedef struct
{
  const char *text;
  guint       weight;
} ClDemoWeighted;

/* A record id from the seeded @rand (a version 4 UUID layout), shared
 * by the demo generators so a seed gives the very same ids. */
void        cl_demo_make_id           (GRand                *rand,
                                       char                  id[37]);

/* @date moved by @days, forwards or backwards. */
void        cl_demo_date_add          (GDate                *date,
                                       gint                  days);

/* An index into @weights (@n of them), drawn in proportion. */
guint       cl_demo_pick_weight_index (GRand                *rand,
                                       const guint          *weights,
                                       guint                 n);

/* The text of one row of @table (@n rows), drawn by weight. */
const char *cl_demo_pick_weighted     (GRand                *rand,
                                       const ClDemoWeighted *table,
                                       guint                 n);

/* Note for everything below: C leaves the order in which a call's
 * arguments are evaluated open, so two draws from the generator never
 * go into one call; each is made on its own line, in a fixed order,
 * or the data would depend on the compiler. */
#define CL_DEMO_PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

G_END_DECLS
