#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The escort schedule and VIP room calendar of the demo data (issue
 * #5), called by cl_demo_data_generate() once staff and patients are
 * in: four rooms (VIP 诊室 1–3 and the antenatal classroom) with their
 * opening hours, and from three days before today to six days after it
 * a day's tasks for every escort (a few unassigned ones too) and the
 * rooms' bookings, with no overlaps, statuses as of 10:00 today.
 * Seeded: the same @seed and today give the same schedule.  Written
 * without outbox entries, in one transaction. */
gboolean cl_demo_schedule_generate (CLStore  *store,
                                    guint32   seed,
                                    GError  **error);

G_END_DECLS
