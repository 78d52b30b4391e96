#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The money of the demo data, called by cl_demo_data_generate() inside
 * its transaction.  Both draw only from @rand (a stream of their own, so
 * the money does not change the patients a seed makes). */

/* About 60 % of pregnancies that reached a window of one of @packages
 * (CLPackage, by price descending) buy one, mostly the whole-pregnancy
 * package: agreed and paid on a day inside the package's window
 * (gestational days from @lmp) and not after @today or @until, the end
 * of the pregnancy.  A few cancel within weeks and are refunded in
 * full.  Most who stay had the gift pack on signing and their breakfast
 * a week later, handed out by @handed_by (a user name). */
gboolean cl_demo_money_generate_enrolment  (CLStore      *store,
                                            GRand        *rand,
                                            const GDate  *today,
                                            GPtrArray    *packages,
                                            const char   *patient_id,
                                            const GDate  *lmp,
                                            const GDate  *until,
                                            const char   *handed_by,
                                            GError      **error);

/* The vendor's rate, 35.25 % since the start of the year before last,
 * and a deduction in each of the last two complete months. */
gboolean cl_demo_money_generate_settlement (CLStore      *store,
                                            GRand        *rand,
                                            const GDate  *today,
                                            GError      **error);

G_END_DECLS
