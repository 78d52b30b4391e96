#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The statements of the server's table of patient links
 * (patient_link).  What a link means (the token, its lifetime, when it
 * is spent) is cl-patient-link.h's; these only read and write rows. */

typedef struct
{
  char   *token_hash;
  char   *patient_id;
  char   *form_kind;    /* "scale" */
  char   *form_id;      /* "epds" */
  char   *item_id;      /* the follow-up item it answers, or NULL */
  char   *created_by;   /* the username that issued it */
  gint64  created_at;
  gint64  expires_at;
  gint64  spent_at;     /* 0 while unused */
  char   *record_id;    /* what spending it stored, or NULL */
} ClStoreLink;

void         cl_store_link_free      (ClStoreLink       *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClStoreLink, cl_store_link_free)

/* Adds @link (all but spent_at and record_id). */
gboolean     cl_store_links_insert   (CLStore           *store,
                                      const ClStoreLink *link,
                                      GError           **error);

/* The row of @token_hash, or NULL (and no error) when there is none. */
ClStoreLink *cl_store_links_lookup   (CLStore           *store,
                                      const char        *token_hash,
                                      GError           **error);

/* Inside a transaction: marks the link spent at @now by @record_id,
 * only if it is unspent and not expired at @now; @spent says whether
 * this call spent it (FALSE: someone else did first, or it expired). */
gboolean     cl_store_links_spend    (CLStore           *store,
                                      const char        *token_hash,
                                      gint64             now,
                                      const char        *record_id,
                                      gboolean          *spent,
                                      GError           **error);

G_END_DECLS
