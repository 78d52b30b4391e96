#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CLStore CLStore;

/* Rebuilds the roster row and search keys of one patient from the
 * patient and her current pregnancy (the latest by LMP that is not
 * deleted).  Must run inside a store transaction; the records' after_write
 * hooks call it so the index can never drift from the data. */
gboolean  cl_roster_index_update   (CLStore     *store,
                                    const char  *patient_id,
                                    GError     **error);

/* ICU (zh, pinyin order) collation key for sorting names. */
GBytes   *cl_roster_index_sort_key (const char  *name);

G_END_DECLS
