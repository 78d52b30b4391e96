#pragma once

#include "cl-discharge-call.h"
#include "cl-discharge.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The discharged-patient call list's reads (cl-store-discharges.c).
 * The rules over it are in src/core/desk/cl-discharge-store.h. */

/* The id of a live discharge other than @except_id of the ID number
 * @id_number discharged on @discharged_on, or NULL. */
char      *cl_store_discharge_same        (CLStore    *store,
                                           const char *id_number,
                                           const char *discharged_on,
                                           const char *except_id);
/* The id of a live discharge that came from @source with @source_id
 * (an HL7 message's control id), or NULL. */
char      *cl_store_discharge_from_source (CLStore    *store,
                                           const char *source,
                                           const char *source_id);
/* The id of the live department whose Chinese or English name is
 * @name (the English one in any case), or NULL. */
char      *cl_store_discharge_department  (CLStore    *store,
                                           const char *name);
/* The id of a live patient on the desk with the ID number @id_number,
 * or NULL. */
char      *cl_store_discharge_patient     (CLStore    *store,
                                           const char *id_number);

/* The live attempts (CLDischargeCalls) of a discharge's call, in the
 * order they were made. */
GPtrArray *cl_store_discharge_calls_of    (CLStore    *store,
                                           const char *discharge_id);

/* The call list: the live CLDischarges whose call is open (not reached
 * or refused, fewer than three no answers), the earliest due first;
 * then, when @closed_since ("YYYY-MM-DD") is given, those closed by an
 * attempt made on or after that day (UTC seconds @closed_since_at), the
 * latest first. */
GPtrArray *cl_store_discharge_worklist    (CLStore    *store,
                                           gint64      closed_since_at);

/* How many open calls are due on or before @today ("YYYY-MM-DD"). */
gint64     cl_store_discharge_due_count   (CLStore    *store,
                                           const char *today);

G_END_DECLS
