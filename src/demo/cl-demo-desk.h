#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* Who the desk's demo records may name, from the demo data already
 * written (cl-demo-data.c). */
typedef struct
{
  GPtrArray  *patient_ids;  /* every demo patient's id */
  GPtrArray  *desk_staff;   /* the service desk's staff ids: owners */
  GPtrArray  *colleagues;   /* staff ids a contact may be handed over to */
  GHashTable *used;         /* phones handed out (cl-demo-people.h) */
} CLDemoDeskPeople;

/* The Service Desk of the demo store, so it opens with something to
 * look at: the contact log of the last fourteen days, complaint
 * tickets made from its complaints at every state (one overdue),
 * critical values (one awaiting its report, one reported late), the
 * opinion box and book of the last three weeks (one made a complaint),
 * the equipment fault log (one open more than a day) and first-visit
 * nursing assessments.  Times lie before cl_schedule_now(), each step
 * after the one before; every record passes its table's validate hook
 * (cl_tables_validate()) before it is written, without outbox entries.
 * The same @seed gives the same records and ids.  Call inside a
 * transaction, with @store's departments and patients written. */
gboolean cl_demo_desk_generate (CLStore                *store,
                                const CLDemoDeskPeople *people,
                                guint32                 seed,
                                GError                **error);

G_END_DECLS
