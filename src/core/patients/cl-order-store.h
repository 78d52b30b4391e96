#pragma once

#include "cl-doctor-order.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The doctor's-orders archive (医嘱档案): rules over doctor_order.
 *
 * An order needs its patient, a date (not in the future), a category
 * (nutrition, medication, care, other), the order text and the doctor.
 * A reminder date is optional and may not fall before the order's date.
 * Status is active, stopped or done; a stopped or done order carries
 * the date it ended, between its own date and today.  On refusal
 * nothing is written, @field_errors (if given) maps property names
 * (date, category, text, doctor, reminder-date, status, stop-date) to
 * translated messages, and @error holds the single reason or a
 * summary. */

const char * const *cl_order_category_codes (void);
const char         *cl_order_category_label (const char *code);
const char         *cl_order_status_label   (const char *code);

/* The rules of cl_order_store_save() without saving, for the desk and
 * the server alike: @errors receives property name → message; the
 * order's dates are normalised to ISO. */
void       cl_order_store_validate         (CLDoctorOrder  *order,
                                            GHashTable     *errors);

gboolean   cl_order_store_save             (CLStore        *store,
                                            CLDoctorOrder  *order,
                                            const char     *role,
                                            GHashTable    **field_errors,
                                            GError        **error);

/* Ends an active order: @status "stopped" or "done", on @date (ISO;
 * NULL means today). */
gboolean   cl_order_store_stop             (CLStore        *store,
                                            CLDoctorOrder  *order,
                                            const char     *status,
                                            const char     *date,
                                            const char     *role,
                                            GError        **error);

/* Her live orders, newest first; @active_only for the current ones. */
GPtrArray *cl_order_store_list_for_patient (CLStore        *store,
                                            const char     *patient_id,
                                            gboolean        active_only);

G_END_DECLS
