#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-roster-index.h"
#include "cl-store-directory-seed.h"
#include "cl-store-duty-seed.h"
#include "cl-store-private.h"

/* The directory's search keys of @table's rows (kind @table), made of
 * @args (columns of new) by cl_directory_keys(), and made again when one
 * of @columns changes. */
#define DIRECTORY_KEYS(table, args, columns) \
  "CREATE TRIGGER " table "_keys_insert AFTER INSERT ON " table " WHEN new.deleted = 0 BEGIN" \
  "  INSERT OR IGNORE INTO directory_key (key, kind, record_id)" \
  "    SELECT value, '" table "', new.id FROM json_each (cl_directory_keys (" args "));" \
  "END;" \
  "CREATE TRIGGER " table "_keys_update AFTER UPDATE OF " columns " ON " table " BEGIN" \
  "  DELETE FROM directory_key WHERE record_id = old.id;" \
  "  INSERT OR IGNORE INTO directory_key (key, kind, record_id)" \
  "    SELECT value, '" table "', new.id FROM json_each (cl_directory_keys (" args "))" \
  "    WHERE new.deleted = 0;" \
  "END;"

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

  /* 1 → 2: what the central server keeps (unused on desktops) */
  /* Log-in accounts; passwords as libsodium argon2id strings. */
  "CREATE TABLE account ("
  "  username TEXT PRIMARY KEY NOT NULL,"
  "  password_hash TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  disabled INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL);"
  /* Bearer sessions; only a hash of the token is stored. */
  "CREATE TABLE session ("
  "  token_hash TEXT PRIMARY KEY NOT NULL,"
  "  username TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL);"
  /* The change feed: one row per applied change; its rowid is the
   * server's rev, which the record's own rev column then carries. */
  "CREATE TABLE change_log ("
  "  rev INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  tbl TEXT NOT NULL,"
  "  record_id TEXT NOT NULL,"
  "  op TEXT NOT NULL,"
  "  data TEXT NOT NULL,"
  "  at INTEGER NOT NULL,"
  "  username TEXT);"
  "CREATE INDEX change_log_record ON change_log (tbl, record_id);"
  /* Idempotency: the answer given to each pushed change key. */
  "CREATE TABLE applied_change ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  status TEXT NOT NULL,"
  "  rev INTEGER,"
  "  reason TEXT,"
  "  at INTEGER NOT NULL);"
  /* Who did what to which record, who opened which patient's
   * documents.  Append-only, enforced by the database itself. */
  "CREATE TABLE audit ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  at INTEGER NOT NULL,"
  "  username TEXT,"
  "  role TEXT,"
  "  action TEXT NOT NULL,"
  "  tbl TEXT,"
  "  record_id TEXT,"
  "  patient_id TEXT,"
  "  status INTEGER,"
  "  detail TEXT);"
  "CREATE INDEX audit_patient ON audit (patient_id);"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",

  /* 2 → 3: service packages, enrolments and the monthly settlement
   * (issue #6).  Money in integer fen, rates in hundredths of a percent. */
  "CREATE TABLE package (" SYNC_COLUMNS ","
  "  code TEXT, name TEXT, price_fen INTEGER NOT NULL DEFAULT 0,"
  "  enrol_from_day INTEGER NOT NULL DEFAULT 0,"
  "  enrol_to_day INTEGER NOT NULL DEFAULT 0,"
  "  postpartum_days INTEGER NOT NULL DEFAULT 42,"
  "  services TEXT, active INTEGER NOT NULL DEFAULT 1);"

  "CREATE TABLE enrolment (" SYNC_COLUMNS ","
  "  patient_id TEXT, package_id TEXT, price_fen INTEGER NOT NULL DEFAULT 0,"
  "  agreement_date TEXT, explained_by TEXT, paid_date TEXT,"
  "  paid_fen INTEGER NOT NULL DEFAULT 0, receipt_no TEXT, status TEXT,"
  "  cancel_date TEXT, refund_fen INTEGER NOT NULL DEFAULT 0,"
  "  override_reason TEXT);"
  "CREATE INDEX enrolment_patient ON enrolment (patient_id);"
  "CREATE INDEX enrolment_paid ON enrolment (paid_date) WHERE deleted = 0;"
  "CREATE INDEX enrolment_cancel ON enrolment (cancel_date) WHERE deleted = 0;"

  "CREATE TABLE share_rate (" SYNC_COLUMNS ","
  "  effective_from TEXT, rate_bp INTEGER NOT NULL DEFAULT 0, note TEXT);"
  "CREATE INDEX share_rate_from ON share_rate (effective_from) WHERE deleted = 0;"

  "CREATE TABLE deduction (" SYNC_COLUMNS ","
  "  date TEXT, amount_fen INTEGER NOT NULL DEFAULT 0, reason TEXT, reference TEXT);"
  "CREATE INDEX deduction_date ON deduction (date) WHERE deleted = 0;"

  "CREATE TABLE settlement_month (" SYNC_COLUMNS ","
  "  month TEXT, closed INTEGER NOT NULL DEFAULT 0,"
  "  closed_at INTEGER NOT NULL DEFAULT 0, closed_by TEXT, snapshot TEXT);"
  "CREATE INDEX settlement_month_month ON settlement_month (month) WHERE deleted = 0;"

  /* The three packages every hospital starts from, with the same ids
   * on every desktop and on the server (rev 0, no outbox), so they are
   * one record everywhere and an administrator's edit syncs like any
   * other.  Windows in gestational days: 6+0–13+6, 14+0–27+6,
   * 28+0–36+6. */
  "INSERT INTO package (id, code, name, price_fen, enrol_from_day, enrol_to_day, services) VALUES"
  "  ('5e1d0a52-6b1f-4c38-9d2e-2f8a00000001', 'whole', '全孕期', 298000, 42, 97,"
  "   '[{\"code\":\"nutrition-breakfast\",\"name\":\"营养早餐\",\"quantity\":1},"
  "     {\"code\":\"escort\",\"name\":\"产检陪诊\",\"quantity\":12},"
  "     {\"code\":\"online-course\",\"name\":\"线上孕妇学校课程\",\"quantity\":1},"
  "     {\"code\":\"vip-room\",\"name\":\"VIP 诊室\",\"quantity\":12},"
  "     {\"code\":\"health-butler\",\"name\":\"健康管家\",\"quantity\":1},"
  "     {\"code\":\"archive\",\"name\":\"孕期档案管理\",\"quantity\":1},"
  "     {\"code\":\"psychological-support\",\"name\":\"心理支持\",\"quantity\":3},"
  "     {\"code\":\"revisit-42\",\"name\":\"产后 42 天复查\",\"quantity\":1}]'),"
  "  ('5e1d0a52-6b1f-4c38-9d2e-2f8a00000002', 'mid', '孕中期', 198000, 98, 195,"
  "   '[{\"code\":\"nutrition-breakfast\",\"name\":\"营养早餐\",\"quantity\":1},"
  "     {\"code\":\"escort\",\"name\":\"产检陪诊\",\"quantity\":8},"
  "     {\"code\":\"online-course\",\"name\":\"线上孕妇学校课程\",\"quantity\":1},"
  "     {\"code\":\"vip-room\",\"name\":\"VIP 诊室\",\"quantity\":8},"
  "     {\"code\":\"health-butler\",\"name\":\"健康管家\",\"quantity\":1},"
  "     {\"code\":\"archive\",\"name\":\"孕期档案管理\",\"quantity\":1},"
  "     {\"code\":\"psychological-support\",\"name\":\"心理支持\",\"quantity\":2},"
  "     {\"code\":\"revisit-42\",\"name\":\"产后 42 天复查\",\"quantity\":1}]'),"
  "  ('5e1d0a52-6b1f-4c38-9d2e-2f8a00000003', 'late', '孕晚期', 128000, 196, 258,"
  "   '[{\"code\":\"nutrition-breakfast\",\"name\":\"营养早餐\",\"quantity\":1},"
  "     {\"code\":\"escort\",\"name\":\"产检陪诊\",\"quantity\":5},"
  "     {\"code\":\"online-course\",\"name\":\"线上孕妇学校课程\",\"quantity\":1},"
  "     {\"code\":\"vip-room\",\"name\":\"VIP 诊室\",\"quantity\":5},"
  "     {\"code\":\"health-butler\",\"name\":\"健康管家\",\"quantity\":1},"
  "     {\"code\":\"archive\",\"name\":\"孕期档案管理\",\"quantity\":1},"
  "     {\"code\":\"psychological-support\",\"name\":\"心理支持\",\"quantity\":1},"
  "     {\"code\":\"revisit-42\",\"name\":\"产后 42 天复查\",\"quantity\":1}]');",

  /* 3 → 4: the pregnancy archive's check reports (issue #4).  The PDF
   * itself lives content-addressed under the data dir
   * (documents/ab/abcdef…); the row says whose it is and what it is.
   * kind: ultrasound, blood, ogtt, screening, nst, other.  visit: the
   * key of a prenatal visit in the schedule table, or NULL. */
  "CREATE TABLE document (" SYNC_COLUMNS ","
  "  patient_id TEXT, pregnancy_id TEXT, sha256 TEXT, filename TEXT,"
  "  title TEXT, kind TEXT, check_date TEXT, visit TEXT, note TEXT,"
  "  size INTEGER NOT NULL DEFAULT 0, pages INTEGER NOT NULL DEFAULT 0,"
  "  imported_at INTEGER NOT NULL DEFAULT 0, imported_by TEXT);"
  "CREATE INDEX document_patient ON document (patient_id, check_date) WHERE deleted = 0;"
  "CREATE INDEX document_pregnancy ON document (pregnancy_id, visit) WHERE deleted = 0;"
  "CREATE INDEX document_sha256 ON document (sha256);",

  /* 4 → 5: the escort schedule and the VIP room calendar (issue #5).
   * Instants in UTC seconds; intervals half-open [start_at, end_at).
   * The (owner, start_at) indexes answer the overlap checks and the
   * per-escort / per-room views, start_at the day views. */
  "CREATE TABLE escort_task (" SYNC_COLUMNS ","
  "  patient_id TEXT, kind TEXT, place_from TEXT, place_to TEXT,"
  "  start_at INTEGER NOT NULL DEFAULT 0, end_at INTEGER NOT NULL DEFAULT 0,"
  "  escort_id TEXT, status TEXT, handover_ward TEXT, handover_to TEXT,"
  "  handover_at INTEGER NOT NULL DEFAULT 0, note TEXT);"
  "CREATE INDEX escort_task_start ON escort_task (start_at) WHERE deleted = 0;"
  "CREATE INDEX escort_task_escort ON escort_task (escort_id, start_at) WHERE deleted = 0;"
  "CREATE INDEX escort_task_patient ON escort_task (patient_id);"

  "CREATE TABLE vip_room (" SYNC_COLUMNS ","
  "  name TEXT, location TEXT, opens INTEGER NOT NULL DEFAULT 480,"
  "  closes INTEGER NOT NULL DEFAULT 1050, slot_minutes INTEGER NOT NULL DEFAULT 30,"
  "  active INTEGER NOT NULL DEFAULT 1, note TEXT);"

  "CREATE TABLE vip_booking (" SYNC_COLUMNS ","
  "  room_id TEXT, patient_id TEXT, purpose TEXT,"
  "  start_at INTEGER NOT NULL DEFAULT 0, end_at INTEGER NOT NULL DEFAULT 0,"
  "  booked_by TEXT, note TEXT, status TEXT);"
  "CREATE INDEX vip_booking_room ON vip_booking (room_id, start_at) WHERE deleted = 0;"
  "CREATE INDEX vip_booking_start ON vip_booking (start_at) WHERE deleted = 0;"
  "CREATE INDEX vip_booking_patient ON vip_booking (patient_id);",
  /* 5 → 6: the visit plan's ticks and the doctor's orders (issue #4).
   * visit_mark: a visit ticked done without a report; unticking is a
   * tombstone.  doctor_order: category nutrition, medication, care or
   * other; status active, stopped or done.  The roster keeps the keys of
   * the visits each pregnancy has done (reports and ticks), kept in step
   * by triggers so a pulled change updates it like a local one. */
  "CREATE TABLE visit_mark (" SYNC_COLUMNS ","
  "  patient_id TEXT, pregnancy_id TEXT, visit TEXT, done_date TEXT,"
  "  done_by TEXT, note TEXT);"
  "CREATE INDEX visit_mark_pregnancy ON visit_mark (pregnancy_id, visit) WHERE deleted = 0;"

  "CREATE TABLE doctor_order (" SYNC_COLUMNS ","
  "  patient_id TEXT, pregnancy_id TEXT, date TEXT, category TEXT, text TEXT,"
  "  doctor TEXT, reminder_date TEXT, status TEXT, stop_date TEXT);"
  "CREATE INDEX doctor_order_patient ON doctor_order (patient_id, date) WHERE deleted = 0;"
  "CREATE INDEX doctor_order_reminder ON doctor_order (reminder_date)"
  "  WHERE deleted = 0 AND status = 'active';"

  "ALTER TABLE roster ADD COLUMN visits_done TEXT;"
  "CREATE INDEX roster_pregnancy ON roster (pregnancy_id);"
  "UPDATE roster SET visits_done = " CL_ROSTER_VISITS_DONE_SQL ("roster.pregnancy_id") ";"
  "CREATE TRIGGER document_visits_insert AFTER INSERT ON document BEGIN"
  "  UPDATE roster SET visits_done = " CL_ROSTER_VISITS_DONE_SQL ("roster.pregnancy_id")
  "  WHERE pregnancy_id = NEW.pregnancy_id; END;"
  "CREATE TRIGGER document_visits_update AFTER UPDATE OF pregnancy_id, visit, deleted ON document BEGIN"
  "  UPDATE roster SET visits_done = " CL_ROSTER_VISITS_DONE_SQL ("roster.pregnancy_id")
  "  WHERE pregnancy_id IN (OLD.pregnancy_id, NEW.pregnancy_id); END;"
  "CREATE TRIGGER document_visits_delete AFTER DELETE ON document BEGIN"
  "  UPDATE roster SET visits_done = " CL_ROSTER_VISITS_DONE_SQL ("roster.pregnancy_id")
  "  WHERE pregnancy_id = OLD.pregnancy_id; END;"
  "CREATE TRIGGER visit_mark_visits_insert AFTER INSERT ON visit_mark BEGIN"
  "  UPDATE roster SET visits_done = " CL_ROSTER_VISITS_DONE_SQL ("roster.pregnancy_id")
  "  WHERE pregnancy_id = NEW.pregnancy_id; END;"
  "CREATE TRIGGER visit_mark_visits_update AFTER UPDATE OF pregnancy_id, visit, deleted ON visit_mark BEGIN"
  "  UPDATE roster SET visits_done = " CL_ROSTER_VISITS_DONE_SQL ("roster.pregnancy_id")
  "  WHERE pregnancy_id IN (OLD.pregnancy_id, NEW.pregnancy_id); END;"
  "CREATE TRIGGER visit_mark_visits_delete AFTER DELETE ON visit_mark BEGIN"
  "  UPDATE roster SET visits_done = " CL_ROSTER_VISITS_DONE_SQL ("roster.pregnancy_id")
  "  WHERE pregnancy_id = OLD.pregnancy_id; END;",
  /* 6 → 7: who opened which document (issue #4).  Append-only access
   * records pushed through the outbox; the server turns each into an
   * "open-document" audit line, so an opening of a file already cached
   * at the desk is audited too.  No role pulls them back. */
  "CREATE TABLE document_access (" SYNC_COLUMNS ","
  "  document_id TEXT, patient_id TEXT,"
  "  opened_at INTEGER NOT NULL DEFAULT 0);",
  /* 7 → 8 (issue #3): the revs the server gave this desk's own pushed
   * changes: base_rev → rev of each acknowledged change, so that a
   * record a view still holds at an older rev of ours can take the
   * newest one when it is saved again (cl-store-sync.c).  Local. */
  "CREATE TABLE acked_rev ("
  "  tbl TEXT NOT NULL,"
  "  record_id TEXT NOT NULL,"
  "  base_rev INTEGER NOT NULL,"
  "  rev INTEGER NOT NULL,"
  "  PRIMARY KEY (tbl, record_id, base_rev)) WITHOUT ROWID;"
  /* Acknowledging a pushed change rebases the later outbox rows of
   * its record; without an index that read the rest of the outbox for
   * every answer (most of the time of a push of 10 000 changes). */
  "CREATE INDEX outbox_record ON outbox (tbl, record_id, seq);",
  /* 8 → 9 (issue #3): failed log-ins per user name on the server
   * (cl-login-throttle.c): after five within a quarter of an hour the
   * name is refused for a quarter of an hour, whatever the password. */
  "CREATE TABLE login_failure ("
  "  username TEXT PRIMARY KEY NOT NULL,"
  "  failures INTEGER NOT NULL,"
  "  first_at INTEGER NOT NULL,"
  "  locked_until INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;",
  /* 9 → 10 (issue #13): a member of staff holds one or more roles
   * (space-separated, cl-staff.h) and has working hours per weekday
   * (empty: the default).  Each old row's one role becomes its roles,
   * so it means what it meant; "role" stays, the first of them. */
  "ALTER TABLE staff ADD COLUMN roles TEXT;"
  "ALTER TABLE staff ADD COLUMN hours TEXT;"
  "UPDATE staff SET roles = role WHERE roles IS NULL;",
  /* 10 → 11 (issue #13): an account whose password an administrator
   * set (a one-time password) may only change it until it is
   * changed. */
  "ALTER TABLE account ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0;",
  /* 11 → 12 (issue #14): a package's English name, shown in an English
   * interface (cl_package_get_display_name()); "name" stays the name as
   * entered.  The three seeded packages get theirs on every desktop
   * and on the server alike, so they stay one record everywhere. */
  "ALTER TABLE package ADD COLUMN name_en TEXT;"
  "UPDATE package SET name_en = 'Whole Pregnancy' WHERE id = '5e1d0a52-6b1f-4c38-9d2e-2f8a00000001' AND name = '全孕期';"
  "UPDATE package SET name_en = 'Second Trimester' WHERE id = '5e1d0a52-6b1f-4c38-9d2e-2f8a00000002' AND name = '孕中期';"
  "UPDATE package SET name_en = 'Third Trimester' WHERE id = '5e1d0a52-6b1f-4c38-9d2e-2f8a00000003' AND name = '孕晚期';",
  /* 12 → 13 (issue #15): follow-up items: planned from the pathway rules or added
   * by hand (rule_id NULL), owned by her case manager.  due_date is a
   * civil date; done_at UTC seconds.  The worklist reads the open items
   * of one owner by due date; planning reads one pregnancy's. */
  "CREATE TABLE followup_item (" SYNC_COLUMNS ","
  "  patient_id TEXT, pregnancy_id TEXT, kind TEXT, rule_id TEXT,"
  "  source_id TEXT, due_date TEXT, channel TEXT, content TEXT,"
  "  owner_id TEXT, state TEXT, outcome TEXT, outcome_note TEXT,"
  "  cancel_reason TEXT, done_at INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX followup_item_pregnancy ON followup_item (pregnancy_id) WHERE deleted = 0;"
  "CREATE INDEX followup_item_worklist ON followup_item (owner_id, due_date)"
  "  WHERE deleted = 0 AND state IN ('due', 'rescheduled');",
  /* 13 → 14 (issue #15): scale results: the answers as a JSON array of
   * option positions, with the total, band and flags they score (kept
   * for lists; always checked against the answers).  filled_at UTC
   * seconds; source desk, phone or link.  Her page lists hers, latest
   * first. */
  "CREATE TABLE scale_result (" SYNC_COLUMNS ","
  "  patient_id TEXT, pregnancy_id TEXT, scale_id TEXT, answers TEXT,"
  "  total INTEGER NOT NULL DEFAULT 0, band_id TEXT, flags TEXT,"
  "  filled_at INTEGER NOT NULL DEFAULT 0, filled_by TEXT, source TEXT);"
  "CREATE INDEX scale_result_patient ON scale_result (patient_id, filled_at) WHERE deleted = 0;",
  /* 14 → 15 (issue #15): the SMS and WeChat gateway (careline-server
   * gateway, src/server/cl-gateway*.c).  gateway_setting holds its
   * configuration, secret included, on the server only (never synced).
   * gateway_message is the send queue: one message per follow-up item
   * and due date, its JSON body fixed when queued so a retry posts the
   * same bytes under the same Idempotency-Key (its id); state queued →
   * sending (committed before the POST) → sent → delivered, or failed.
   * followup_delivery is the desks' synced view of it, written by the
   * server alone. */
  "CREATE TABLE gateway_setting ("
  "  name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE gateway_message ("
  "  id TEXT PRIMARY KEY NOT NULL, followup_item_id TEXT NOT NULL,"
  "  due_date TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL,"
  "  attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT, queued_at INTEGER NOT NULL DEFAULT 0,"
  "  sent_at INTEGER NOT NULL DEFAULT 0, delivered_at INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (followup_item_id, due_date));"
  "CREATE INDEX gateway_message_ready ON gateway_message (next_at)"
  "  WHERE state IN ('queued', 'sending');"
  /* What the gateway looks for every few seconds, without reading
   * every follow-up item of the store. */
  "CREATE INDEX followup_item_outgoing ON followup_item (due_date)"
  "  WHERE deleted = 0 AND state IN ('due', 'rescheduled') AND channel IN ('sms', 'wechat');"
  "CREATE TABLE followup_delivery (" SYNC_COLUMNS ","
  "  followup_item_id TEXT, patient_id TEXT, channel TEXT, status TEXT,"
  "  detail TEXT, attempts INTEGER NOT NULL DEFAULT 0,"
  "  status_at INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX followup_delivery_item ON followup_delivery (followup_item_id, status_at)"
  "  WHERE deleted = 0;",
  /* 15 → 16 (issue #15): the server's links a patient opens on her
   * phone (cl-patient-link.h): only a hash of the token is kept, so a
   * copy of the file opens no form.  The form is a kind and an id
   * ("scale", "epds") so that later surveys reuse the table; instants
   * are UTC seconds, spent_at 0 while unused.  Not synced: desks never
   * see a token. */
  "CREATE TABLE patient_link ("
  "  token_hash TEXT PRIMARY KEY NOT NULL,"
  "  patient_id TEXT NOT NULL,"
  "  form_kind TEXT NOT NULL,"
  "  form_id TEXT NOT NULL,"
  "  item_id TEXT,"
  "  created_by TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL,"
  "  spent_at INTEGER NOT NULL DEFAULT 0,"
  "  record_id TEXT) WITHOUT ROWID;"
  "CREATE INDEX patient_link_patient ON patient_link (patient_id);",
  /* 16 → 17 (issue #15): courses and health events.  The course
   * catalogue (duration_min minutes, link http/https), courses assigned
   * to a patient (assigned_at, completed_at UTC seconds, 0 = not yet);
   * events on a civil date, starts/ends minutes after local midnight;
   * registrations registered, waitlisted or cancelled, the waiting list
   * in the order of registered_at then id. */
  "CREATE TABLE course (" SYNC_COLUMNS ","
  "  title TEXT, title_en TEXT, stage TEXT, link TEXT,"
  "  duration_min INTEGER NOT NULL DEFAULT 0, active INTEGER NOT NULL DEFAULT 1);"
  "CREATE TABLE course_assignment (" SYNC_COLUMNS ","
  "  patient_id TEXT, course_id TEXT, assigned_by TEXT,"
  "  assigned_at INTEGER NOT NULL DEFAULT 0, completed_at INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX course_assignment_patient ON course_assignment (patient_id) WHERE deleted = 0;"
  "CREATE TABLE health_event (" SYNC_COLUMNS ","
  "  title TEXT, kind TEXT, date TEXT, place TEXT, link TEXT,"
  "  starts INTEGER NOT NULL DEFAULT 0, ends INTEGER NOT NULL DEFAULT 0,"
  "  capacity INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX health_event_date ON health_event (date) WHERE deleted = 0;"
  "CREATE TABLE event_registration (" SYNC_COLUMNS ","
  "  event_id TEXT, patient_id TEXT, state TEXT, registered_by TEXT,"
  "  registered_at INTEGER NOT NULL DEFAULT 0, attended INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX event_registration_event ON event_registration (event_id, registered_at) WHERE deleted = 0;"
  "CREATE INDEX event_registration_patient ON event_registration (patient_id) WHERE deleted = 0;",
  /* 17 → 18 (issue #15): what a package's services are counted
   * against.  handout: one breakfast, gift pack or other service
   * without a booking of its own, handed out under an enrolment;
   * over_reason on it and on escort tasks and VIP bookings says why
   * she was given more than her package includes
   * (cl-package-usage.h).  The three seeded packages gain the gift
   * pack, on every desktop and on the server alike, unless an
   * administrator has edited them already (their rev is then the
   * server's, which the desks pull). */
  "CREATE TABLE handout (" SYNC_COLUMNS ","
  "  patient_id TEXT, enrolment_id TEXT, service TEXT, date TEXT,"
  "  handed_by TEXT, note TEXT, over_reason TEXT);"
  "CREATE INDEX handout_enrolment ON handout (enrolment_id, service) WHERE deleted = 0;"
  /* Her counselling sessions: without it, her page read every
   * follow-up item of the store (0.3 s for 2 million). */
  "CREATE INDEX followup_item_patient ON followup_item (patient_id, kind) WHERE deleted = 0;"
  "ALTER TABLE escort_task ADD COLUMN over_reason TEXT;"
  "ALTER TABLE vip_booking ADD COLUMN over_reason TEXT;"
  "UPDATE package SET services = json_insert (services, '$[#]',"
  "    json_object ('code', 'gift-pack', 'name', '孕期礼包', 'quantity', 1))"
  "  WHERE id IN ('5e1d0a52-6b1f-4c38-9d2e-2f8a00000001', '5e1d0a52-6b1f-4c38-9d2e-2f8a00000002',"
  "               '5e1d0a52-6b1f-4c38-9d2e-2f8a00000003')"
  "    AND rev = 0 AND json_valid (services) AND json_type (services) = 'array'"
  "    AND services NOT LIKE '%\"gift-pack\"%';",
  /* 18 → 19 (issue #16): the service desk's contact log.  contact_at,
   * handover_due_at and closed_at are UTC seconds.  The Now page reads
   * today's by time and the open hand-overs by due time; the search
   * goes through contact_search, a local trigram index (words found
   * anywhere, Chinese names and phone digits alike) of the caller, the
   * phone, the summary and the patient's name, kept by triggers so
   * every write, the desk's and a pulled one, keeps it current. */
  "CREATE TABLE contact (" SYNC_COLUMNS ","
  "  contact_at INTEGER NOT NULL DEFAULT 0, channel TEXT, caller_name TEXT,"
  "  caller_phone TEXT, patient_id TEXT, category TEXT, summary TEXT,"
  "  owner_id TEXT, state TEXT, handover_to TEXT,"
  "  handover_due_at INTEGER NOT NULL DEFAULT 0, closed_at INTEGER NOT NULL DEFAULT 0,"
  "  closed_by TEXT, close_note TEXT);"
  "CREATE INDEX contact_time ON contact (contact_at) WHERE deleted = 0;"
  "CREATE INDEX contact_open ON contact (handover_due_at) WHERE deleted = 0 AND state = 'handed_over';"
  "CREATE INDEX contact_owner_open ON contact (owner_id, handover_due_at)"
  "  WHERE deleted = 0 AND state = 'handed_over';"
  "CREATE VIRTUAL TABLE contact_search USING fts5 (text, tokenize = 'trigram');"
  /* Two-character words (many Chinese names) are fewer than a trigram:
   * they are looked up as tokens of this one, each pair of
   * neighbouring characters a token (cl_bigrams()). */
  "CREATE VIRTUAL TABLE contact_pairs USING fts5 (text, tokenize = 'unicode61');"
  "CREATE TRIGGER contact_search_insert AFTER INSERT ON contact WHEN new.deleted = 0 BEGIN"
  "  INSERT INTO contact_search (rowid, text) VALUES (new.rowid,"
  "    COALESCE (new.caller_name, '') || ' ' || COALESCE (new.caller_phone, '') || ' ' ||"
  "    COALESCE (new.summary, '') || ' ' ||"
  "    COALESCE ((SELECT name FROM patient WHERE patient.id = new.patient_id), ''));"
  "  INSERT INTO contact_pairs (rowid, text) SELECT rowid, cl_bigrams (text)"
  "    FROM contact_search WHERE rowid = new.rowid;"
  "END;"
  "CREATE TRIGGER contact_search_update AFTER UPDATE ON contact BEGIN"
  "  DELETE FROM contact_search WHERE rowid = old.rowid;"
  "  DELETE FROM contact_pairs WHERE rowid = old.rowid;"
  "  INSERT INTO contact_search (rowid, text) SELECT new.rowid,"
  "    COALESCE (new.caller_name, '') || ' ' || COALESCE (new.caller_phone, '') || ' ' ||"
  "    COALESCE (new.summary, '') || ' ' ||"
  "    COALESCE ((SELECT name FROM patient WHERE patient.id = new.patient_id), '')"
  "    WHERE new.deleted = 0;"
  "  INSERT INTO contact_pairs (rowid, text) SELECT rowid, cl_bigrams (text)"
  "    FROM contact_search WHERE rowid = new.rowid;"
  "END;",

  /* Priority patients come first in a search (cl-store-roster.c): the
   * few with a stored flag are read from this index, not by a scan of
   * the whole roster on the first keystroke after every change; the
   * aged come from roster_birth. */
  "CREATE INDEX roster_flagged ON roster (patient_rowid) WHERE priority <> '';",

  /* 20 → 21 (issue #16): the hospital's departments, which the service
   * desk's complaints, appointments and critical values name. */
  "CREATE TABLE department (" SYNC_COLUMNS ","
  "  name TEXT, name_en TEXT, building TEXT, floor TEXT, room TEXT, phone TEXT,"
  "  active INTEGER NOT NULL DEFAULT 1);",

  /* 21 → 22 (issue #16): the service desk's settings, key → value,
   * kept by an administrator (cl-desk-setting.h). */
  "CREATE TABLE desk_setting (" SYNC_COLUMNS ", key TEXT, value TEXT);",

  /* 22 → 23 (issue #16): her nursing assessment, taken at the first visit, and
   * the vital signs of each visit (cl-nursing-assessment.h,
   * cl-visit-vitals.h).  An assessment is never edited: each update is
   * a new row, the next version, superseding the latest.  recorded_at
   * and taken_at are UTC seconds; temperature is in tenths of °C. */
  "CREATE TABLE nursing_assessment (" SYNC_COLUMNS ","
  "  patient_id TEXT, version INTEGER NOT NULL DEFAULT 0, supersedes_id TEXT,"
  "  medical_history TEXT, surgical_history TEXT, drug_allergies TEXT, drug_allergy_note TEXT,"
  "  food_allergies TEXT, food_allergy_note TEXT, social TEXT, psychological TEXT,"
  "  risks TEXT, risk_note TEXT, recorded_by TEXT, recorded_at INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX nursing_assessment_patient ON nursing_assessment (patient_id, version) WHERE deleted = 0;"
  "CREATE TABLE visit_vitals (" SYNC_COLUMNS ","
  "  patient_id TEXT, taken_at INTEGER NOT NULL DEFAULT 0, taken_by TEXT,"
  "  pain INTEGER NOT NULL DEFAULT 0, temperature INTEGER NOT NULL DEFAULT 0,"
  "  pulse INTEGER NOT NULL DEFAULT 0, respiration INTEGER NOT NULL DEFAULT 0,"
  "  systolic INTEGER NOT NULL DEFAULT 0, diastolic INTEGER NOT NULL DEFAULT 0, note TEXT);"
  "CREATE INDEX visit_vitals_patient ON visit_vitals (patient_id, taken_at) WHERE deleted = 0;",
  /* 23 → 24 (issue #16): complaint tickets (cl-complaint.h).  The
   * desk's list reads the unresolved ones by promised time; the
   * monthly report reads a month's by opening. */
  "CREATE TABLE complaint (" SYNC_COLUMNS ","
  "  contact_id TEXT, complainant_name TEXT, complainant_phone TEXT, patient_id TEXT,"
  "  department_id TEXT, description TEXT, severity TEXT, owner_id TEXT, state TEXT,"
  "  opened_at INTEGER NOT NULL DEFAULT 0, promised_at INTEGER NOT NULL DEFAULT 0,"
  "  started_at INTEGER NOT NULL DEFAULT 0, resolved_at INTEGER NOT NULL DEFAULT 0,"
  "  resolved_by TEXT, resolution TEXT, closed_at INTEGER NOT NULL DEFAULT 0, closed_by TEXT,"
  "  satisfaction TEXT, satisfaction_reason TEXT,"
  "  settled_on_spot INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX complaint_unresolved ON complaint (promised_at)"
  "  WHERE deleted = 0 AND state IN ('open', 'in_progress');"
  "CREATE INDEX complaint_opened ON complaint (opened_at) WHERE deleted = 0;",
  /* 24 → 25 (issue #16): the critical-value register, and the index
   * every desk's alarm reads each minute: the values not yet
   * reported. */
  "CREATE TABLE critical_value (" SYNC_COLUMNS ","
  "  received_at INTEGER NOT NULL DEFAULT 0, source TEXT, caller_name TEXT, caller_phone TEXT,"
  "  patient_id TEXT, department_id TEXT, test_name TEXT, result TEXT, unit TEXT, kind TEXT,"
  "  taken_by TEXT, read_back INTEGER NOT NULL DEFAULT 0, reported_to TEXT, reported_role TEXT,"
  "  reported_at INTEGER NOT NULL DEFAULT 0, action TEXT, reported_by TEXT);"
  "CREATE INDEX critical_time ON critical_value (received_at);"
  "CREATE INDEX critical_unreported ON critical_value (received_at)"
  "  WHERE deleted = 0 AND reported_at = 0;",
  /* 25 → 26 (issue #16): appointments the service desk books, each
   * department's places per half-day slot, the community hospitals that
   * refer patients and their referrals. */
  "CREATE TABLE appointment (" SYNC_COLUMNS ","
  "  patient_id TEXT, kind TEXT, department_id TEXT, date TEXT, slot TEXT,"
  "  source TEXT, state TEXT, cancel_reason TEXT, overbook_reason TEXT,"
  "  referral_id TEXT, booked_by TEXT, booked_at INTEGER NOT NULL DEFAULT 0,"
  "  state_at INTEGER NOT NULL DEFAULT 0, state_by TEXT);"
  "CREATE INDEX appointment_day ON appointment (date, department_id, slot) WHERE deleted = 0;"
  "CREATE TABLE slot_capacity (" SYNC_COLUMNS ","
  "  department_id TEXT, slot TEXT, weekday INTEGER NOT NULL DEFAULT 0,"
  "  places INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE referring_hospital (" SYNC_COLUMNS ","
  "  name TEXT, phone TEXT, active INTEGER NOT NULL DEFAULT 1);"
  "CREATE TABLE referral (" SYNC_COLUMNS ","
  "  patient_id TEXT, hospital_id TEXT, reason TEXT, department_id TEXT, priority TEXT,"
  "  received_at INTEGER NOT NULL DEFAULT 0, appointment_id TEXT, outcome TEXT,"
  "  received_by TEXT);",
  /* 26 → 27 (issue #16): the rest of the hospital directory (doctors,
   * their weekly sessions, prices, the procedures the desk explains,
   * seeded), the desk's session checks, and the directory's search
   * keys: local, derived, kept by triggers from cl_directory_keys(),
   * so a pulled record is found as soon as it is written. */
  "CREATE TABLE doctor (" SYNC_COLUMNS ","
  "  name TEXT, title TEXT, department_id TEXT, specialty TEXT,"
  "  active INTEGER NOT NULL DEFAULT 1);"
  "CREATE INDEX doctor_department ON doctor (department_id) WHERE deleted = 0;"
  "CREATE TABLE doctor_session (" SYNC_COLUMNS ","
  "  doctor_id TEXT, weekday INTEGER NOT NULL DEFAULT 0, half_day TEXT, room TEXT,"
  "  valid_from TEXT, valid_until TEXT);"
  "CREATE INDEX doctor_session_day ON doctor_session (weekday, half_day) WHERE deleted = 0;"
  "CREATE INDEX doctor_session_doctor ON doctor_session (doctor_id) WHERE deleted = 0;"
  "CREATE TABLE service_price (" SYNC_COLUMNS ","
  "  code TEXT, name TEXT, category TEXT, unit TEXT, price_fen INTEGER NOT NULL DEFAULT 0,"
  "  note TEXT, active INTEGER NOT NULL DEFAULT 1);"
  "CREATE TABLE procedure_guide (" SYNC_COLUMNS ","
  "  title TEXT, title_en TEXT, audience TEXT, steps TEXT, steps_en TEXT, place TEXT,"
  "  active INTEGER NOT NULL DEFAULT 1);"
  "CREATE TABLE session_check (" SYNC_COLUMNS ","
  "  session_id TEXT, doctor_id TEXT, date TEXT, half_day TEXT,"
  "  marked_at INTEGER NOT NULL DEFAULT 0, phoned TEXT, phoned_at INTEGER NOT NULL DEFAULT 0,"
  "  arrived_at INTEGER NOT NULL DEFAULT 0, note TEXT);"
  "CREATE INDEX session_check_date ON session_check (date, session_id) WHERE deleted = 0;"
  "CREATE TABLE directory_key ("
  "  key TEXT NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL,"
  "  PRIMARY KEY (key, kind, record_id)) WITHOUT ROWID;"
  "CREATE INDEX directory_key_record ON directory_key (record_id);"
  DIRECTORY_KEYS ("department", "new.name, new.name_en", "name, name_en, deleted")
  DIRECTORY_KEYS ("doctor", "new.name, new.specialty", "name, specialty, deleted")
  DIRECTORY_KEYS ("service_price", "new.name, new.code", "code, name, deleted")
  DIRECTORY_KEYS ("procedure_guide", "new.title, new.title_en", "title, title_en, deleted")
  "INSERT OR IGNORE INTO directory_key (key, kind, record_id)"
  "  SELECT value, 'department', department.id FROM department,"
  "  json_each (cl_directory_keys (department.name, department.name_en)) WHERE department.deleted = 0;"
  CL_DIRECTORY_SEED_SQL,
  /* 27 → 28 (issue #17): a member of staff's qualifications (cl-staff-quals.h). */
  "ALTER TABLE staff ADD COLUMN education TEXT;"
  "ALTER TABLE staff ADD COLUMN licence_number TEXT;"
  "ALTER TABLE staff ADD COLUMN licence_expires TEXT;"
  "ALTER TABLE staff ADD COLUMN cpr_date TEXT;"
  "ALTER TABLE staff ADD COLUMN languages TEXT;",

  /* 28 → 29 (issue #17): the kiosk and equipment fault log, and the
   * index of the faults still open that the desk's list starts with. */
  "CREATE TABLE equipment_fault (" SYNC_COLUMNS ","
  "  machine TEXT, location TEXT, fault TEXT, reported_at INTEGER NOT NULL DEFAULT 0,"
  "  reported_to TEXT, reported_to_name TEXT, fixed_at INTEGER NOT NULL DEFAULT 0, note TEXT);"
  "CREATE INDEX equipment_fault_open ON equipment_fault (reported_at)"
  "  WHERE deleted = 0 AND fixed_at = 0;"

  /* The opinion box and book's daily log (issue #17), read a day at a
   * time. */
  "CREATE TABLE opinion_entry (" SYNC_COLUMNS ","
  "  date TEXT, source TEXT, department_id TEXT, content TEXT, kind TEXT, complaint_id TEXT);"
  "CREATE INDEX opinion_entry_date ON opinion_entry (date) WHERE deleted = 0;",

  /* Quarterly satisfaction surveys (issue #17): campaigns of a template
   * and the answers to them, read by campaign and by quarter. */
  "CREATE TABLE survey_campaign (" SYNC_COLUMNS ","
  "  template_id TEXT, quarter TEXT, title TEXT, target INTEGER NOT NULL DEFAULT 0,"
  "  anonymous INTEGER NOT NULL DEFAULT 0, status TEXT, people TEXT);"
  "CREATE INDEX survey_campaign_quarter ON survey_campaign (quarter) WHERE deleted = 0;"
  "CREATE TABLE survey_answer (" SYNC_COLUMNS ","
  "  campaign_id TEXT, person_kind TEXT, person_id TEXT, channel TEXT,"
  "  answered_at INTEGER NOT NULL DEFAULT 0, department_id TEXT, answers TEXT);"
  "CREATE INDEX survey_answer_campaign ON survey_answer (campaign_id) WHERE deleted = 0;",

  /* 30 → 31 (issue #17): the duty roster's posts and who is on which
   * shift of which post on which day (cl-duty-post.h,
   * cl-duty-assignment.h).  Hours are minutes after local midnight.
   * The contract's posts are seeded for a hospital to edit, with the
   * same ids at rev 0 on the server and every desk, like the
   * packages. */
  "CREATE TABLE duty_post (" SYNC_COLUMNS ","
  "  name TEXT, name_en TEXT, morning_opens INTEGER NOT NULL DEFAULT 480,"
  "  morning_closes INTEGER NOT NULL DEFAULT 720, afternoon_opens INTEGER NOT NULL DEFAULT 870,"
  "  afternoon_closes INTEGER NOT NULL DEFAULT 1050, all_day INTEGER NOT NULL DEFAULT 0,"
  "  headcount INTEGER NOT NULL DEFAULT 1, active INTEGER NOT NULL DEFAULT 1,"
  "  sort_order INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE duty_assignment (" SYNC_COLUMNS ","
  "  staff_id TEXT, day TEXT, post_id TEXT, shift TEXT);"
  "CREATE INDEX duty_assignment_day ON duty_assignment (day, staff_id) WHERE deleted = 0;"
  CL_DUTY_SEED_SQL,

  /* 31 → 32 (issue #17): discharges from the hospital system and the
   * attempts at each one's follow-up call; a discharge is found again
   * by ID number and day (a duplicate) and by its HL7 message. */
  "CREATE TABLE discharge (" SYNC_COLUMNS ","
  "  name TEXT, phone TEXT, id_number TEXT, his_id TEXT, department_id TEXT, admitted_on TEXT,"
  "  discharged_on TEXT, diagnosis TEXT, source TEXT, source_id TEXT, patient_id TEXT, call_due_on TEXT);"
  "CREATE INDEX discharge_person_day ON discharge (id_number, discharged_on) WHERE deleted = 0;"
  "CREATE INDEX discharge_source ON discharge (source, source_id) WHERE deleted = 0;"
  "CREATE INDEX discharge_due ON discharge (call_due_on) WHERE deleted = 0;"
  "CREATE TABLE discharge_call (" SYNC_COLUMNS ","
  "  discharge_id TEXT, called_at INTEGER NOT NULL DEFAULT 0, caller TEXT, outcome TEXT, note TEXT);"
  "CREATE INDEX discharge_call_discharge ON discharge_call (discharge_id) WHERE deleted = 0;",

  /* 32 → 33 (issue #17): inspections of the guide desk's posts, the
   * rectification a failed one opens, their photo and PDF attachments
   * (files kept like archive reports), and the exact link from a
   * deduction to the inspection it was made for (cl-inspection-rules.h). */
  "CREATE TABLE inspection (" SYNC_COLUMNS ","
  "  date TEXT, inspector_id TEXT, post TEXT, items TEXT, findings TEXT,"
  "  poor_cooperation INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX inspection_date ON inspection (date) WHERE deleted = 0;"
  "CREATE TABLE rectification (" SYNC_COLUMNS ","
  "  inspection_id TEXT, task TEXT, deadline TEXT, done_at INTEGER NOT NULL DEFAULT 0,"
  "  done_by TEXT, note TEXT);"
  "CREATE INDEX rectification_inspection ON rectification (inspection_id) WHERE deleted = 0;"
  "CREATE TABLE inspection_attachment (" SYNC_COLUMNS ","
  "  inspection_id TEXT, sha256 TEXT, filename TEXT, kind TEXT, size INTEGER NOT NULL DEFAULT 0,"
  "  pages INTEGER NOT NULL DEFAULT 0, imported_at INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX inspection_attachment_inspection ON inspection_attachment (inspection_id)"
  "  WHERE deleted = 0;"
  "ALTER TABLE deduction ADD COLUMN inspection_id TEXT;"
  "CREATE INDEX deduction_inspection ON deduction (inspection_id)"
  "  WHERE deleted = 0 AND inspection_id IS NOT NULL;",

  /* 33 → 34 (issue #17): contracts.  The settlement had one contract,
   * the obstetric one (a share of the package fees); it becomes the
   * shipped contract of that id (cl-contract.h), seeded like the
   * packages (rev 0, the same on every desk and the server), and every
   * rate, deduction and settlement month there was is its own by the
   * columns' default, so its closed months keep their snapshots as
   * they are.  The guide desk's contract (a fixed monthly fee less
   * deductions) is seeded beside it; its fee is a share_rate row's
   * fee_fen. */
  "CREATE TABLE contract (" SYNC_COLUMNS ","
  "  vendor TEXT, kind TEXT, title TEXT, active INTEGER NOT NULL DEFAULT 1);"
  "INSERT INTO contract (id, kind, title) VALUES"
  "  ('7c0e1a10-3b2d-4f5e-8a6c-c0a7ac700001', 'share_of_fees', '产科一体化管理服务'),"
  "  ('7c0e1a10-3b2d-4f5e-8a6c-c0a7ac700002', 'fixed_monthly_fee', '客服导诊服务');"
  "ALTER TABLE share_rate ADD COLUMN contract_id TEXT DEFAULT '7c0e1a10-3b2d-4f5e-8a6c-c0a7ac700001';"
  "ALTER TABLE share_rate ADD COLUMN fee_fen INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE deduction ADD COLUMN contract_id TEXT DEFAULT '7c0e1a10-3b2d-4f5e-8a6c-c0a7ac700001';"
  "ALTER TABLE settlement_month ADD COLUMN contract_id TEXT DEFAULT '7c0e1a10-3b2d-4f5e-8a6c-c0a7ac700001';"
  "CREATE INDEX share_rate_contract ON share_rate (contract_id, effective_from) WHERE deleted = 0;"
  "CREATE INDEX deduction_contract ON deduction (contract_id, date) WHERE deleted = 0;"
  "CREATE INDEX settlement_month_contract ON settlement_month (contract_id, month) WHERE deleted = 0;",
};

const guint cl_store_n_migrations = G_N_ELEMENTS (cl_store_migrations);

/* Two branches that each add a migration must not leave the version a
 * store is stamped with behind the migrations it has run. */
G_STATIC_ASSERT (G_N_ELEMENTS (cl_store_migrations) == CL_SCHEMA_VERSION);
