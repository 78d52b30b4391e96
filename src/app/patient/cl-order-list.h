#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The doctor's orders of one patient (医嘱档案), newest first, with
 * Add, Edit, Stop and Mark Done.  Self-contained: give it the context and
 * the patient (and her current pregnancy, for new orders) and it lists
 * and writes through cl-order-store.  Emits "changed" after a write. */

#define CL_TYPE_ORDER_LIST (cl_order_list_get_type ())
G_DECLARE_FINAL_TYPE (CLOrderList, cl_order_list, CL, ORDER_LIST, GtkWidget)

GtkWidget  *cl_order_list_new              (void);

/* The context it lists the store of, and writes as its user. */
void        cl_order_list_set_context      (CLOrderList *self,
                                            CLContext   *context);
void        cl_order_list_set_patient_id   (CLOrderList *self,
                                            const char  *patient_id);
void        cl_order_list_set_pregnancy_id (CLOrderList *self,
                                            const char  *pregnancy_id);
void        cl_order_list_reload           (CLOrderList *self);

/* For tests: rows listed (an empty list has none). */
guint       cl_order_list_get_n_orders     (CLOrderList *self);

G_END_DECLS
