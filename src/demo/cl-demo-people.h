#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The people of the demo data (cl-demo-data.c).  Each draws only from
 * @rand; those that must be unique (ID numbers, phones, record numbers)
 * are claimed in @used, which owns the returned text. */

/* A Chinese name: a surname by its share of the population, then one
 * or two characters common in women's (or men's) given names. */
char       *cl_demo_people_name        (GRand       *rand,
                                        gboolean     male);

/* One of the regions that ID numbers and addresses are made in. */
guint       cl_demo_people_pick_region (GRand       *rand);

/* A woman's ID number from @region, born so that she is 20 to 45 on
 * @today; her birth date goes to @birth. */
const char *cl_demo_people_id_number   (GRand       *rand,
                                        GHashTable  *used,
                                        const GDate *today,
                                        guint        region,
                                        GDate       *birth);

/* A mobile number. */
const char *cl_demo_people_phone       (GRand       *rand,
                                        GHashTable  *used);

/* A medical record number. */
const char *cl_demo_people_mrn         (GRand       *rand,
                                        GHashTable  *used);

/* A street address, in @region or (half the time) another. */
char       *cl_demo_people_address     (GRand       *rand,
                                        guint        region);

G_END_DECLS
