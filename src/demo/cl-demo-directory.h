#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The hospital directory of a demo store: the clinical departments of a
 * maternity and child-health hospital with their buildings, floors and
 * rooms, @n_doctors doctors spread over them with one to three weekly
 * sessions each, and a price list.  Drawn from @seed, written without
 * outbox entries inside the caller's transaction.  (The standard
 * procedures are the schema's own.) */
gboolean cl_demo_directory_generate (CLStore  *store,
                                     guint     n_doctors,
                                     guint32   seed,
                                     GError  **error);

G_END_DECLS
