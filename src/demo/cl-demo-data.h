#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* Fills @store with realistic, reproducible demo data: staff of every
 * role, and @n_patients patients with Chinese names drawn with
 * plausible surname frequencies, valid ID numbers and mobile numbers,
 * pregnancies at every stage (all trimesters, postpartum, ended) dated
 * relative to cl_date_today(), and risk colours in realistic
 * proportions, and a week of escort tasks and VIP room bookings around
 * today (cl-demo-schedule.h).  The same @seed and today give the same
 * data.
 * Written without outbox entries (nothing to push: it is demo data),
 * in batched transactions. */
gboolean cl_demo_data_generate (CLStore  *store,
                                guint     n_patients,
                                guint32   seed,
                                GError  **error);

G_END_DECLS
