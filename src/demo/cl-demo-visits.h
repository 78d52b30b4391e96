#pragma once

#include "cl-pregnancy.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* What a case manager would have recorded for one demo pregnancy
 * (issue #4), called by cl_demo_data_generate() inside its
 * transaction, after the pregnancy and before the patient (the
 * patient's write then builds her roster row with the visits done):
 *
 *  - a tick (visit_mark) for each visit whose window closed before
 *    today and before the pregnancy ended, on a day inside the window;
 *    about one pregnancy in sixteen missed one of them, so "overdue"
 *    still shows in the roster;
 *  - a tick for some of the visits open today, on a day not after
 *    today;
 *  - for about one pregnancy in five, one to three doctor's orders
 *    (nutrition, medication, care), a third of them with a reminder.
 *
 * Nothing is dated after today.  Draws only from @rand, so a seed
 * gives the same records.  @ticked_by is who ticked (a username). */
gboolean cl_demo_visits_generate (CLStore      *store,
                                  GRand        *rand,
                                  const GDate  *today,
                                  CLPregnancy  *pregnancy,
                                  const char   *ticked_by,
                                  GError      **error);

G_END_DECLS
