#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* Fills @store with realistic, reproducible demo data: staff of every
 * role, and @n_patients patients with Chinese names drawn with
 * plausible surname frequencies, valid ID numbers and mobile numbers,
 * pregnancies at every stage (all trimesters, postpartum, ended) dated
 * relative to cl_date_today(), and risk colours in realistic
 * proportions, and a week of escort tasks and VIP room bookings around
 * today (cl-demo-schedule.h), and a Service Desk with two weeks of
 * work in it (cl-demo-desk.h).  The same @seed and today give the same
 * data.
 * Written without outbox entries (nothing to push: it is demo data),
 * in batched transactions. */
gboolean cl_demo_data_generate (CLStore  *store,
                                guint     n_patients,
                                guint32   seed,
                                GError  **error);

typedef enum
{
  CL_DEMO_DATA_DEFAULT = 0,
  /* No desk records: for tests that fill the desk themselves and count
   * what they made. */
  CL_DEMO_DATA_NO_DESK = 1 << 0,
} CLDemoDataFlags;

/* cl_demo_data_generate() with @flags. */
gboolean cl_demo_data_generate_full (CLStore          *store,
                                     guint             n_patients,
                                     guint32           seed,
                                     CLDemoDataFlags   flags,
                                     GError          **error);

G_END_DECLS
