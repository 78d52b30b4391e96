/* test-hl7.c
 *
 * careline-server's HL7 listener end to end: the real binary started
 * with --hl7-port on 127.0.0.1, the hospital system played by MLLP
 * connections of the test's own.  ADT^A03 messages laid out as v2.5
 * does (MSH, EVN, PID, PV1, DG1; Chinese names in UTF-8) are stored and
 * ACKed AA with their control id, audited, and reach the desks'
 * change feed; the same message sent twice, or another of the same
 * person and day, is stored once and ACKed AA; a malformed one gets AR
 * and one a rule refuses AE, with an ERR segment, and nothing is
 * stored; two messages in one write and one split over several writes
 * are each answered; a client that stalls mid-message, one that sends
 * garbage, and one that sends more than the size cap are disconnected
 * while the others, and the HTTP API, go on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cl-department.h"
#include "cl-directory-store.h"
#include "cl-hl7.h"
#include "cl-staff.h"
#include "cl-test-server.h"
#include "cl-test-util.h"

#define ID_LIN  "350203199005120046"
#define ID_CHEN "350203198811030024"
#define ID_WU   "350203199502200063"

/* An ADT^A03 as v2.5 lays it out. */
#define A03(control, name, idno, location, discharge) \
  "MSH|^~\\&|HIS|XMFY|CARELINE|XMFY|20261123090000||ADT^A03^ADT_A03|" control "|P|2.5\r" \
  "EVN|A03|20261123090000\r" \
  "PID|1||ZY001^^^XMFY^MR||" name "||19900512|F|||厦门市思明区^^厦门^福建^361000||^PRN^CP^^^^^^^^^13800138066||||||" idno "\r" \
  "PV1|1|I|" location "^302^2|||||||OBS||||||||I|ZY20261115001|||||||||||||||||01||||||||20261115083000|" discharge "\r" \
  "DG1|1||O80^单胎顺产^I10|足月顺产|20261120|F\r"

typedef struct
{
  char          *dir;
  char          *db;
  GSubprocess   *process;
  char          *url;
  guint16        hl7_port;
} Fixture;

static void
start (Fixture *f)
{
  const char *argv[] = {
    cl_test_server_binary (), "serve", "--db", f->db, "--listen", "127.0.0.1:0", "--hl7-port", "0", NULL,
  };
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;

  f->process = cl_test_spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE, argv, &error);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (f->process));
  while (f->url == NULL || f->hl7_port == 0)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      const char *at;

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if ((at = strstr (line, "http://")))
        f->url = g_strdup (at);
      else if (g_str_has_prefix (line, "HL7 listener (MLLP) on 127.0.0.1:"))
        f->hl7_port = (guint16) g_ascii_strtoull (strrchr (line, ':') + 1, NULL, 10);
    }
}

static void
setup (Fixture *f)
{
  g_autoptr(CLStore) store = NULL;
  g_autoptr(CLDepartment) ward = cl_department_new ();
  g_autoptr(GError) error = NULL;

  f->dir = cl_test_make_tmp_dir ("test-hl7");
  f->db = g_build_filename (f->dir, "careline.db", NULL);
  /* The hospital's department, as an administrator made it. */
  store = cl_store_open (f->db, &error);
  g_assert_no_error (error);
  cl_department_set_name (ward, "产科一病区");
  g_assert_true (cl_directory_store_save_department (store, ward, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  start (f);
}

static void
teardown (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (f->process, SIGTERM);
  g_subprocess_wait (f->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (f->process));
  g_assert_cmpint (g_subprocess_get_exit_status (f->process), ==, 0);
  g_clear_object (&f->process);
  g_free (f->url);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static GSocketConnection *
connect_hl7 (Fixture *f)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  g_socket_client_set_timeout (client, 20);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", f->hl7_port, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static void
send_raw (GSocketConnection *connection,
          const void        *data,
          gsize              length)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), data, length, NULL, NULL,
                             &error);
  g_assert_no_error (error);
}

static void
send_message (GSocketConnection *connection,
              const char        *message)
{
  g_autoptr(GBytes) framed = cl_mllp_frame (message);

  send_raw (connection, g_bytes_get_data (framed, NULL), g_bytes_get_size (framed));
}

/* The next ACK on @connection, without its frame; NULL when the server
 * closed the connection. */
static char *
read_ack (GSocketConnection *connection)
{
  g_autoptr(ClMllpReader) reader = cl_mllp_reader_new (64 * 1024);
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) ack = cl_mllp_reader_next (reader);
      char buffer[1024];
      gssize n;

      if (ack)
        return g_strndup (g_bytes_get_data (ack, NULL), g_bytes_get_size (ack));
      n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &error);
      if (n == 0 || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED))
        return NULL;
      g_assert_no_error (error);
      g_assert_true (cl_mllp_reader_feed (reader, buffer, n, NULL));
    }
}

/* The ACK's MSA segment, "MSA|AA|MSG1". */
static char *
msa_of (const char *ack)
{
  g_auto(GStrv) segments = g_strsplit (ack, "\r", -1);

  g_assert_true (g_str_has_prefix (segments[0], "MSH|^~\\&|CARELINE|CARELINE|HIS|XMFY|"));
  g_assert_nonnull (strstr (segments[0], "|ACK^A03^ACK|"));
  g_assert_true (g_str_has_prefix (segments[1], "MSA|"));
  return g_strdup (segments[1]);
}

static void
assert_ack (GSocketConnection *connection,
            const char        *msa,
            const char        *err)
{
  g_autofree char *ack = read_ack (connection);
  g_autofree char *got = NULL;

  g_assert_nonnull (ack);
  got = msa_of (ack);
  g_assert_cmpstr (got, ==, msa);
  if (err)
    g_assert_nonnull (strstr (ack, err));
  else
    g_assert_null (strstr (ack, "\rERR|"));
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return cl_test_db_count (f->db, sql);
}

static void
assert_health (Fixture *f)
{
  g_autofree char *url = g_strconcat (f->url, "api/v1/health", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  guint status = 0;

  body = cl_test_api_send (msg, &status);
  g_assert_cmpuint (status, ==, 200);
}

static void
test_listener (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(GSocketConnection) his = NULL;
  g_autoptr(GSocketConnection) stalled = NULL;
  g_autoptr(GSocketConnection) garbage = NULL;
  g_autoptr(GSocketConnection) huge = NULL;
  const char *lin = A03 ("MSG0001", "林^秀英", ID_LIN, "产科一病区", "20261120100000");

  g_setenv ("CARELINE_TEST_HL7_IDLE_SECONDS", "2", TRUE);
  setup (f);
  his = connect_hl7 (f);

  /* Stored, ACKed with its control id, audited. */
  send_message (his, lin);
  assert_ack (his, "MSA|AA|MSG0001", NULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM discharge WHERE name = '林秀英' AND id_number = '" ID_LIN "'"
                             " AND source = 'hl7' AND source_id = 'MSG0001' AND discharged_on = '2026-11-20'"
                             " AND call_due_on = '2026-11-23' AND diagnosis = '足月顺产'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE username = 'careline-server:hl7'"
                             " AND action = 'upsert' AND tbl = 'discharge' AND status = 200"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM change_log WHERE tbl = 'discharge'"), ==, 1);

  /* Sent twice: stored once, ACKed both times; so is another message
   * of the same person and day. */
  send_message (his, lin);
  assert_ack (his, "MSA|AA|MSG0001", NULL);
  send_message (his, A03 ("MSG0002", "林^秀英", ID_LIN, "产科一病区", "20261120180000"));
  assert_ack (his, "MSA|AA|MSG0002", NULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM discharge"), ==, 1);

  /* Malformed (no PV1): AR; a rule refuses (a department not on the
   * hospital's list, a bad phone): AE.  Nothing stored. */
  send_message (his, "MSH|^~\\&|HIS|XMFY|CARELINE|XMFY|20261123090000||ADT^A03^ADT_A03|MSG0003|P|2.5\r"
                     "EVN|A03|20261123090000\rPID|1||ZY002||陈^芳\r");
  assert_ack (his, "MSA|AR|MSG0003", "\rERR|||100^^HL70357|E||||PV1: the patient visit segment is missing\r");
  send_message (his, A03 ("MSG0004", "陈^芳", ID_CHEN, "外星科", "20261120100000"));
  assert_ack (his, "MSA|AE|MSG0004", "\rERR|||102^^HL70357|E||||");
  send_message (his, "MSH|^~\\&|HIS|XMFY|CARELINE|XMFY|20261123090000||ADT^A01^ADT_A01|MSG0005|P|2.5\r");
  assert_ack (his, "MSA|AR|MSG0005", "\rERR|||200^^HL70357|E||||MSH-9: only the A03 (discharge) event is taken\r");
  g_assert_cmpint (count (f, "SELECT count(*) FROM discharge"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE username = 'careline-server:hl7'"
                             " AND action = 'hl7-refused'"), ==, 3);

  /* Two in one write, then one split byte-wise over several writes. */
  {
    g_autoptr(GBytes) one = cl_mllp_frame (A03 ("MSG0006", "陈^芳", ID_CHEN, "产科一病区", "20261119100000"));
    g_autoptr(GBytes) two = cl_mllp_frame (A03 ("MSG0007", "吴^敏", ID_WU, "产科一病区", "20261121100000"));
    g_autoptr(GByteArray) both = g_byte_array_new ();

    g_byte_array_append (both, g_bytes_get_data (one, NULL), g_bytes_get_size (one));
    g_byte_array_append (both, g_bytes_get_data (two, NULL), g_bytes_get_size (two));
    send_raw (his, both->data, both->len);
    assert_ack (his, "MSA|AA|MSG0006", NULL);
    assert_ack (his, "MSA|AA|MSG0007", NULL);
  }
  {
    g_autoptr(GBytes) split = cl_mllp_frame (A03 ("MSG0008", "林^秀英", ID_LIN, "产科一病区", "20261122100000"));
    const guint8 *bytes = g_bytes_get_data (split, NULL);
    gsize n = g_bytes_get_size (split);

    send_raw (his, bytes, 5);
    g_usleep (100 * 1000);
    send_raw (his, bytes + 5, n - 6);
    g_usleep (100 * 1000);
    send_raw (his, bytes + n - 1, 1);
    assert_ack (his, "MSA|AA|MSG0008", NULL);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM discharge"), ==, 4);

  /* A client that stalls mid-message, one that sends garbage and one
   * past the size cap: the others go on, and each is let go. */
  stalled = connect_hl7 (f);
  send_raw (stalled, "\x0bMSH|^~\\&|HIS", 14);
  garbage = connect_hl7 (f);
  send_raw (garbage, "GET / HTTP/1.1\r\n\r\n", 18);
  huge = connect_hl7 (f);
  {
    g_autofree char *block = g_malloc (64 * 1024);
    g_autoptr(GError) error = NULL;

    memset (block, 'x', 64 * 1024);
    send_raw (huge, "\x0b", 1);
    for (guint i = 0; i < 5 && error == NULL; i++)
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (huge)), block, 64 * 1024, NULL, NULL,
                                 &error);
  }
  send_message (his, A03 ("MSG0009", "陈^芳", ID_CHEN, "产科一病区", "20261121100000"));
  assert_ack (his, "MSA|AA|MSG0009", NULL);
  assert_health (f);
  g_assert_null (read_ack (huge));
  g_assert_null (read_ack (stalled));
  g_assert_null (read_ack (garbage));
  g_assert_cmpint (count (f, "SELECT count(*) FROM discharge"), ==, 5);

  /* A new connection after all that. */
  g_clear_object (&his);
  his = connect_hl7 (f);
  send_message (his, A03 ("MSG0010", "吴^敏", ID_WU, "产科一病区", "20261118100000"));
  assert_ack (his, "MSA|AA|MSG0010", NULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM discharge"), ==, 6);
  g_clear_object (&his);
  teardown (f);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hl7/listener", test_listener);
  return g_test_run ();
}
