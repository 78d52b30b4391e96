#pragma once

#include <gio/gio.h>

#include "cl-record.h"
#include "cl-risk.h"
#include "cl-roster-keys.h"

G_BEGIN_DECLS

#define CL_STORE_ERROR (cl_store_error_quark ())

typedef enum
{
  CL_STORE_ERROR_FAILED,
  CL_STORE_ERROR_NOT_A_STORE,  /* some other file, or not SQLite at all */
  CL_STORE_ERROR_CORRUPT,      /* SQLite says the file is damaged */
  CL_STORE_ERROR_TOO_NEW,      /* written by a newer Careline */
  CL_STORE_ERROR_NOT_FOUND,
  CL_STORE_ERROR_INVALID,      /* a record failed its rules */
  CL_STORE_ERROR_CONFLICT,     /* a unique value is taken */
} ClStoreError;

GQuark cl_store_error_quark (void);

typedef enum
{
  CL_WRITE_DEFAULT    = 0,
  /* The change came from the server: keep rev/updated_* as given and
   * do not queue it for pushing. */
  CL_WRITE_FROM_SERVER = 1 << 0,
  /* Local bulk load (demo data): no outbox entry. */
  CL_WRITE_NO_OUTBOX   = 1 << 1,
} ClWriteFlags;

#define CL_SCHEMA_VERSION 34

#define CL_TYPE_STORE (cl_store_get_type ())
G_DECLARE_FINAL_TYPE (CLStore, cl_store, CL, STORE, GObject)

CLStore       *cl_store_open                (const char          *path,
                                             GError             **error);
void           cl_store_open_async          (const char          *path,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
CLStore       *cl_store_open_finish         (GAsyncResult        *result,
                                             GError             **error);

const char    *cl_store_get_path            (CLStore             *self);
gint           cl_store_get_schema_version  (CLStore             *self);
/* How many committed transactions of this store have written @table's
 * records.  It moves inside the commit, before the writer returns, so
 * two readings tell at once, from any thread, whether @table changed in
 * between; the "changed" signal comes later, in the store's main
 * context. */
guint          cl_store_get_table_serial    (CLStore             *self,
                                             const char          *table);
ClRiskScale   *cl_store_get_risk_scale      (CLStore             *self);

/* Who is making changes: the logged-in user name, or the desktop user
 * when working on a local store.  Written to updated_by. */
const char    *cl_store_get_actor           (CLStore             *self);
void           cl_store_set_actor           (CLStore             *self,
                                             const char          *actor);

/* One consistent view over several reads: keeps this store's writers
 * on other threads out until cl_store_end_read().  Nests, and may be
 * taken inside a transaction. */
void           cl_store_begin_read          (CLStore             *self);
void           cl_store_end_read            (CLStore             *self);

/* One transaction per user action.  begin takes the store lock;
 * commit or rollback releases it. */
gboolean       cl_store_begin               (CLStore             *self,
                                             GError             **error);
gboolean       cl_store_commit              (CLStore             *self,
                                             GError             **error);

/* cl_store_begin for rows that can be fetched again (a snapshot being
 * loaded): the commit does not wait for the disk (synchronous =
 * NORMAL; WAL keeps the store whole, a power cut may lose the last such
 * transactions).  Every other commit still waits for it. */
gboolean       cl_store_begin_refetchable   (CLStore             *self,
                                             GError             **error);

/* cl_store_begin for writing many records at once (a pulled page): the
 * roster index upkeep their writes need is done at commit, once per
 * patient, rather than after every record. */
gboolean       cl_store_begin_bulk          (CLStore             *self,
                                             GError             **error);
/* Inside a bulk transaction, hands the commit roster keys made
 * beforehand (cl-roster-keys.h) for @patient_id, whose roster row is
 * waiting for it; otherwise, or when it is not, frees them. */
void           cl_store_offer_roster_keys   (CLStore             *self,
                                             const char          *patient_id,
                                             ClRosterKeys        *keys);
void           cl_store_rollback            (CLStore             *self);

/* Writes a record inside the current transaction: upsert of its row,
 * the roster index's upkeep (cl-roster-index.h), and (unless flags
 * say otherwise) updated_at/updated_by and an outbox entry. */
gboolean       cl_store_write_record        (CLStore             *self,
                                             CLRecord            *record,
                                             ClWriteFlags         flags,
                                             GError             **error);

/* For a record from the server: cl_store_write_record() with
 * CL_WRITE_FROM_SERVER, but only when the stored row is older (a lower
 * rev, or the same rev with another updated_at or updated_by) or
 * missing; otherwise nothing is written and no hook runs.  Sets
 * @written to which; the check and the write are one statement. */
gboolean       cl_store_write_record_if_newer (CLStore           *self,
                                               CLRecord          *record,
                                               gboolean          *written,
                                               GError           **error);

/* write_record in a transaction of its own. */
gboolean       cl_store_save_record         (CLStore             *self,
                                             CLRecord            *record,
                                             GError             **error);

/* Marks a record deleted (a tombstone: nothing is ever hard-deleted by
 * a user) in a transaction of its own. */
gboolean       cl_store_delete_record       (CLStore             *self,
                                             CLRecord            *record,
                                             GError             **error);

CLRecord      *cl_store_load_record         (CLStore             *self,
                                             GType                type,
                                             const char          *id,
                                             GError             **error);

/* A record held by a view while its change was pushed: the sync client
 * then stores the rev the server gave it, and the view's copy still
 * has the old one.  Takes the stored rev when only this desk's own
 * acknowledged changes lie between the two (cl-store-sync.h); a version
 * pulled from another desk is left alone, so editing over it is still
 * caught as stale.  cl_store_write_record() does the same for every
 * local write; this is for a view that shows the rev. */
void           cl_store_adopt_acknowledged_rev (CLStore          *self,
                                                CLRecord         *record);

/* Number of changes waiting in the outbox. */
gint64         cl_store_count_outbox        (CLStore             *self);

G_END_DECLS
