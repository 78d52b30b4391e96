#pragma once

#include <gio/gio.h>

#include "cl-patient.h"
#include "cl-store.h"
#include "cl-sync-client.h"
#include "cl-test-desk.h"

G_BEGIN_DECLS

/* The desktop half of sync against the real careline-server, for the
 * test-sync* programs: a server of the test's own (its data file in a
 * temporary folder, accounts desk_a and desk_b as case managers and
 * reader as admin), and desks, each a store in a temporary folder and
 * a CLSyncClient. */

#define CL_TEST_SYNC_PASSWORD "correct horse battery staple"

typedef struct
{
  char        *dir;
  char        *db;
  char        *url;       /* without the trailing slash */
  GSubprocess *process;
} CLTestSyncServer;

/* Adds an account @name of @role with CL_TEST_SYNC_PASSWORD. */
void              cl_test_sync_server_add_user (CLTestSyncServer *server,
                                                const char       *name,
                                                const char       *role);
/* Starts the server on a free port, or again where it was before;
 * stops it (SIGTERM, nothing if not running). */
void              cl_test_sync_server_start    (CLTestSyncServer *server);
void              cl_test_sync_server_stop     (CLTestSyncServer *server);
/* A new data file with the three accounts, its server running; frees
 * it all, stopping the server. */
CLTestSyncServer *cl_test_sync_server_new      (void);
void              cl_test_sync_server_free     (CLTestSyncServer *server);
/* How many times the server's feed holds a change of @record_id. */
guint             cl_test_sync_server_count_changes (CLTestSyncServer *server,
                                                     const char       *record_id);

typedef struct
{
  char             *dir;
  char             *path;
  CLStore          *store;
  CLSyncClient     *client;
  CLTestRejections  rejected;
} CLTestSyncDesk;

/* A desk on the store at @path; on a store of its own in a new
 * temporary folder called after @name (removed by _free()). */
CLTestSyncDesk   *cl_test_sync_desk_open       (const char       *path);
CLTestSyncDesk   *cl_test_sync_desk_new        (const char       *name);
void              cl_test_sync_desk_free       (CLTestSyncDesk   *desk);
/* Logs in to @url as the case manager @user; fails the test if not. */
void              cl_test_sync_desk_login      (CLTestSyncDesk   *desk,
                                                const char       *url,
                                                const char       *user);
/* One sync round: its result; or fails the test unless it went well. */
gboolean          cl_test_sync_desk_sync       (CLTestSyncDesk   *desk,
                                                GError          **error);
void              cl_test_sync_desk_sync_ok    (CLTestSyncDesk   *desk);

/* The first 17 digits of a valid woman's ID number, and the whole
 * number, different for every @n below 2800. */
char             *cl_test_sync_first17_for     (guint             n);
char             *cl_test_sync_id_number_for   (guint             n);
/* Saves patient @n (her ID number and phone from @n) with a pregnancy
 * through the patient store; returns her id. */
char             *cl_test_sync_save_patient    (CLStore          *store,
                                                guint             n,
                                                const char       *name);
CLPatient        *cl_test_sync_load_patient    (CLStore          *store,
                                                const char       *id);
/* Sets her note and saves her through the patient store. */
void              cl_test_sync_edit_patient    (CLStore          *store,
                                                CLPatient        *patient,
                                                const char       *note);
/* Every row of @table, every column but the local rowid, one line per
 * row by id: two stores that agree dump the same. */
char             *cl_test_sync_dump_table      (CLStore          *store,
                                                const char       *table);

G_END_DECLS
