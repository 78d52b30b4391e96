#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-private.h"

#define SYNC_COLUMNS \
  "id TEXT PRIMARY KEY NOT NULL," \
  "rev INTEGER NOT NULL DEFAULT 0," \
  "updated_at INTEGER NOT NULL DEFAULT 0," \
  "updated_by TEXT," \
  "deleted INTEGER NOT NULL DEFAULT 0"

const char * const cl_store_migrations[] = {
  /* 0 → 1: the foundation */
  "CREATE TABLE staff (" SYNC_COLUMNS ","
  "  username TEXT, display_name TEXT, role TEXT, phone TEXT,"
  "  active INTEGER NOT NULL DEFAULT 1);"
  "CREATE INDEX staff_role ON staff (role) WHERE deleted = 0;"

  "CREATE TABLE patient (" SYNC_COLUMNS ","
  "  name TEXT, id_number TEXT, phone TEXT, birth_date TEXT, address TEXT,"
  "  mrn TEXT, priority TEXT, case_manager_id TEXT, note TEXT);"
  "CREATE INDEX patient_id_number ON patient (id_number) WHERE deleted = 0;"
  "CREATE INDEX patient_mrn ON patient (mrn) WHERE deleted = 0;"

  "CREATE TABLE pregnancy (" SYNC_COLUMNS ","
  "  patient_id TEXT, lmp TEXT, edd TEXT, corrected_edd TEXT, risk TEXT,"
  "  status TEXT, delivery_date TEXT, gravida INTEGER, para INTEGER);"
  "CREATE INDEX pregnancy_patient ON pregnancy (patient_id);"

  "CREATE TABLE risk_event (" SYNC_COLUMNS ","
  "  pregnancy_id TEXT, date TEXT, risk TEXT, note TEXT);"
  "CREATE INDEX risk_event_pregnancy ON risk_event (pregnancy_id);"

  /* Changes made here and not yet acknowledged by the server, in order. */
  "CREATE TABLE outbox ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  key TEXT NOT NULL UNIQUE,"
  "  tbl TEXT NOT NULL,"
  "  record_id TEXT NOT NULL,"
  "  base_rev INTEGER NOT NULL,"
  "  op TEXT NOT NULL,"
  "  data TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL);"

  "CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value TEXT);"

  /* Local, derived: one row per live patient with what the roster
   * shows and sorts by, so the roster never joins at scroll time. */
  "CREATE TABLE roster ("
  "  patient_rowid INTEGER PRIMARY KEY,"
  "  patient_id TEXT NOT NULL UNIQUE,"
  "  sort_key BLOB, name TEXT, birth_date TEXT, phone TEXT, mrn TEXT,"
  "  pregnancy_id TEXT, lmp TEXT, edd TEXT, risk TEXT,"
  "  risk_rank INTEGER NOT NULL DEFAULT 0, status TEXT, delivery_date TEXT,"
  "  manager_id TEXT, package TEXT, priority TEXT);"
  "CREATE INDEX roster_sort ON roster (sort_key);"
  "CREATE INDEX roster_edd ON roster (edd);"
  "CREATE INDEX roster_birth ON roster (birth_date);"
  "CREATE INDEX roster_risk ON roster (risk_rank, sort_key);"
  "CREATE INDEX roster_manager ON roster (manager_id, sort_key);"

  /* Local, derived: prefix search keys (name, pinyin, initials, phone,
   * ID number, record number) → patient. */
  "CREATE TABLE search_key ("
  "  key TEXT NOT NULL,"
  "  patient_rowid INTEGER NOT NULL,"
  "  PRIMARY KEY (key, patient_rowid)) WITHOUT ROWID;"
  "CREATE INDEX search_key_patient ON search_key (patient_rowid);",
};

const guint cl_store_n_migrations = G_N_ELEMENTS (cl_store_migrations);
