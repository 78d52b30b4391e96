#pragma once

#include "cl-document.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The archive's reads (cl-store-archive.c). */

/* Her live document with this content, or NULL. */
CLDocument  *cl_store_archive_find_document (CLStore     *store,
                                             const char  *patient_id,
                                             const char  *sha256);
/* Her live documents as the archive lists them: by visit (the latest
 * first, those filed against none last), then by kind (ultrasound,
 * blood, OGTT, screening, NST, other), then the latest check first. */
GPtrArray   *cl_store_archive_documents     (CLStore     *store,
                                             const char  *patient_id);

G_END_DECLS
