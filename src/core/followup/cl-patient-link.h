#pragma once

#include "cl-store.h"
#include "cl-store-links.h"

G_BEGIN_DECLS

/* A link a patient opens on her phone to fill one form (README, "Her
 * link: a scale she fills on her phone"): an unguessable token bound
 * to her and to one form, which expires and is spent by its first
 * answer.  The server keeps only a hash of the token.  Issued here, in
 * core, so that the server's route for desks and its message composer
 * make links the same way. */

/* How long a link stays open unless the server is told otherwise. */
#define CL_PATIENT_LINK_DEFAULT_LIFETIME (7 * 24 * 60 * 60)

/* The kinds of form a link opens: a scale (its id), or a satisfaction
 * survey (the id of an open campaign of a survey patients answer). */
#define CL_PATIENT_LINK_FORM_SCALE  "scale"
#define CL_PATIENT_LINK_FORM_SURVEY "survey"

typedef enum
{
  CL_PATIENT_LINK_OPEN,      /* she may fill it */
  CL_PATIENT_LINK_UNKNOWN,   /* no such token: mistyped or forged */
  CL_PATIENT_LINK_EXPIRED,
  CL_PATIENT_LINK_SPENT,     /* answered already */
} CLPatientLinkState;

/* Issues a link for @patient_id to fill the form @form_kind/@form_id
 * (a scale's id for CL_PATIENT_LINK_FORM_SCALE, a campaign's for
 * CL_PATIENT_LINK_FORM_SURVEY), answering the
 * follow-up item @item_id (may be NULL; it must be hers), issued by
 * @created_by, open for @lifetime seconds from @now.  Sets @token (the
 * secret: shown once, never stored) and @expires_at.  FALSE with a
 * translated CL_STORE_ERROR_INVALID (an unknown patient, form or item,
 * a closed campaign or one of a survey patients do not answer, a
 * lifetime ≤ 0) or the store's error, and nothing written. */
gboolean     cl_patient_link_issue  (CLStore      *store,
                                     const char   *patient_id,
                                     const char   *form_kind,
                                     const char   *form_id,
                                     const char   *item_id,
                                     const char   *created_by,
                                     gint64        now,
                                     gint64        lifetime,
                                     char        **token,
                                     gint64       *expires_at,
                                     GError      **error);

/* The hash stored for @token, or NULL when @token cannot be one of ours
 * (its length or its alphabet), which saves a look-up for noise. */
char        *cl_patient_link_hash   (const char   *token);

/* The link of @token as it stands at @now, in @state; NULL (with
 * CL_PATIENT_LINK_UNKNOWN) when there is none, or on a store error
 * (then @error is set). */
ClStoreLink *cl_patient_link_lookup (CLStore             *store,
                                     const char          *token,
                                     gint64               now,
                                     CLPatientLinkState  *state,
                                     GError             **error);

/* The address of @token's page under the server's public address
 * @public_url ("https://careline.example.org/" → ".../p/TOKEN"). */
char        *cl_patient_link_url    (const char   *public_url,
                                     const char   *token);

/* What her page calls her: her given name without the family name
 * (张小梅 → 小梅, 欧阳娜娜 → 娜娜; "Mary Smith" → "Mary"), so the page
 * tells nobody who looks over her shoulder her full name. */
char        *cl_patient_given_name  (const char   *name);

G_END_DECLS
