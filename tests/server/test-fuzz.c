#define G_LOG_DOMAIN "test-fuzz"

#include "config.h"

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "cl-test-pdf.h"
#include "cl-test-util.h"
#include "hardening2-common.h"

/* Mutated JSON bodies and mutated PDFs against the real server for a
 * bounded time (README, "Reliability"); the server must answer every
 * one of them (any status but a 5xx other than 503) and /health must
 * answer all along.  Seeded: CARELINE_FUZZ_SEED=N reproduces a run (and
 * the log names the input that failed, by seed and iteration);
 * CARELINE_FUZZ_SECONDS sets the time (20 by default, at most 60). */

static const char *server_binary;

/* Bodies as a desk or a client sends them: the mutations start here. */
static const char * const json_seeds[] = {
  "{\"username\":\"cm\",\"password\":\"" H2_PASSWORD "\"}",
  "{\"changes\":[{\"key\":\"k1\",\"table\":\"patient\",\"id\":\"p1\",\"base_rev\":0,\"op\":\"upsert\","
  "\"data\":{\"id\":\"p1\",\"name\":\"张小梅\",\"phone\":\"13800138000\",\"note\":\"孕 32+4 周\"}}]}",
  "{\"changes\":[{\"key\":\"k2\",\"table\":\"enrolment\",\"id\":\"e1\",\"base_rev\":0,\"op\":\"upsert\","
  "\"data\":{\"id\":\"e1\",\"patient_id\":\"p1\",\"price_fen\":298000,\"paid_fen\":298000,\"status\":\"active\"}}]}",
  "{\"changes\":[{\"key\":\"k3\",\"table\":\"vip_booking\",\"id\":\"b1\",\"base_rev\":0,\"op\":\"upsert\","
  "\"data\":{\"id\":\"b1\",\"room_id\":\"r1\",\"patient_id\":\"p1\",\"start_at\":1800000000,\"end_at\":1800001800}}]}",
  "{\"changes\":[{\"key\":\"k4\",\"table\":\"escort_task\",\"id\":\"t1\",\"base_rev\":1,\"op\":\"delete\",\"data\":null}]}",
};

/* What a hostile client splices in. */
static const char * const tokens[] = {
  "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "\\ud800", "\\udc00\\ud800", "/*", "*/", "//", "'",
  "null", "true", "1e400", "-0", "9223372036854775808", "-9223372036854775809", "1.5", "\xff", "\xc0\x80",
  "\xed\xa0\x80", "\x00", "NaN", "Infinity", "\"__proto__\"", "\"table\"", "\"data\"", "\"id\"",
};

typedef struct
{
  GRand      *rand;
  GByteArray *data;
} Mutation;

static void
splice_in (GByteArray *data,
           guint       at,
           const void *bytes,
           guint       length)
{
  g_byte_array_set_size (data, data->len + length);
  memmove (data->data + at + length, data->data + at, data->len - length - at);
  memcpy (data->data + at, bytes, length);
}

/* One to eight mutations of one kind or another, at random places. */
static void
mutate (GRand      *rand,
        GByteArray *data,
        gboolean    binary)
{
  guint n = g_rand_int_range (rand, 1, 9);

  for (guint m = 0; m < n; m++)
    {
      guint at = data->len ? g_rand_int_range (rand, 0, data->len) : 0;
      guint kind = g_rand_int_range (rand, 0, binary ? 5 : 7);

      switch (kind)
        {
        case 0: /* flip a byte */
          if (data->len)
            data->data[at] ^= 1 << g_rand_int_range (rand, 0, 8);
          break;
        case 1: /* a random byte */
          if (data->len)
            data->data[at] = g_rand_int_range (rand, 0, 256);
          break;
        case 2: /* cut a range */
          {
            guint want = g_rand_int_range (rand, 1, 64);
            guint length = MIN (data->len - at, want);

            if (data->len)
              g_byte_array_remove_range (data, at, length);
          }
          break;
        case 3: /* repeat a range */
          {
            guint want = g_rand_int_range (rand, 1, 256);
            guint length = MIN (data->len - at, want);
            g_autofree guint8 *copy = g_memdup2 (data->data + at, length);

            if (data->len)
              splice_in (data, at, copy, length);
          }
          break;
        case 4: /* truncate */
          g_byte_array_set_size (data, at);
          break;
        case 5: /* a token */
          {
            const char *token = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];

            splice_in (data, at, token, MAX (strlen (token), 1));
          }
          break;
        case 6: /* moderate nesting (deep nesting has a test of its own) */
          {
            guint depth = g_rand_int_range (rand, 1, 64);
            g_autoptr(GString) nest = g_string_new (NULL);

            for (guint i = 0; i < depth; i++)
              g_string_append_c (nest, g_rand_boolean (rand) ? '[' : '{');
            splice_in (data, at, nest->str, nest->len);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

typedef struct
{
  guint iterations;
  guint json;
  guint pdf;
  guint dropped;
  guint by_class[6];   /* 1xx … 5xx, and 0 for a dropped connection */
} Figures;

static guint
send (SoupSession *session,
      const char  *method,
      const char  *url,
      const char  *token,
      const char  *content_type,
      GByteArray  *body)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  if (token)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (body)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body->data, body->len);

      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  if (reply == NULL)
    return 0;
  return soup_message_get_status (msg);
}

static void
save_failure (const char *what,
              guint64     seed,
              guint       iteration,
              GByteArray *input)
{
  g_autofree char *name = g_strdup_printf ("careline-fuzz-%" G_GUINT64_FORMAT "-%u.bin", seed, iteration);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_file_set_contents (path, (const char *) input->data, input->len, NULL);
  g_test_message ("%s: seed %" G_GUINT64_FORMAT ", iteration %u; input saved as %s", what, seed, iteration, path);
}

static void
test_fuzz (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-fuzz");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "seed.pdf", NULL);
  g_autofree char *url = NULL, *token = NULL, *pdf = NULL;
  g_autofree char *session_url = NULL, *changes_url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 30, NULL);
  const char *seed_text = g_getenv ("CARELINE_FUZZ_SEED");
  const char *seconds_text = g_getenv ("CARELINE_FUZZ_SECONDS");
  guint64 seed = seed_text ? g_ascii_strtoull (seed_text, NULL, 10) : 20261207;
  guint seconds = seconds_text ? CLAMP (atoi (seconds_text), 1, 60) : 20;
  Figures figures = { 0 };
  gint64 end;
  gsize pdf_length;

  h2_add_user (server_binary, db, "cm", "case_manager");
  /* The fuzzed log-ins may well lock "cm". */
  h2_add_user (server_binary, db, "checker", "case_manager");
  server = cl_test_start_server (server_binary, db, &url);
  g_assert_cmpuint (h2_log_in (url, "cm", H2_PASSWORD, &token), ==, 200);
  session_url = h2_api (url, "/session");
  changes_url = h2_api (url, "/changes");
  cl_test_pdf_write_text (pdf_path, 2, "fuzz");
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &pdf_length, NULL));

  g_test_message ("fuzz: seed %" G_GUINT64_FORMAT ", %u s", seed, seconds);
  end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  for (guint i = 0; g_get_monotonic_time () < end; i++)
    {
      /* One generator per input, so one failing input can be made
       * again from the seed and its number alone. */
      g_autoptr(GRand) rand = g_rand_new_with_seed_array ((const guint32[]) { (guint32) seed, (guint32) (seed >> 32), i }, 3);
      g_autoptr(GByteArray) input = g_byte_array_new ();
      gboolean is_pdf = g_rand_int_range (rand, 0, 4) == 0;
      guint status;

      if (is_pdf)
        {
          g_autofree char *sha = NULL;
          g_autofree char *path = NULL;
          g_autofree char *doc_url = NULL;

          g_byte_array_append (input, (const guint8 *) pdf, pdf_length);
          mutate (rand, input, TRUE);
          /* Mostly under its own address, so it reaches the checker. */
          sha = g_rand_int_range (rand, 0, 8) ? g_compute_checksum_for_data (G_CHECKSUM_SHA256, input->data, input->len)
                                              : g_strdup ("00");
          path = g_strdup_printf ("/documents/%s", sha);
          doc_url = h2_api (url, path);
          status = send (session, "PUT", doc_url, token, "application/pdf", input);
          figures.pdf++;
        }
      else
        {
          const char *body = json_seeds[g_rand_int_range (rand, 0, G_N_ELEMENTS (json_seeds))];
          gboolean login = body == json_seeds[0];

          g_byte_array_append (input, (const guint8 *) body, strlen (body));
          mutate (rand, input, FALSE);
          status = send (session, "POST", login ? session_url : changes_url, login ? NULL : token,
                         "application/json", input);
          figures.json++;
        }
      figures.iterations++;
      figures.by_class[status / 100]++;
      if (status == 0)
        figures.dropped++;

      /* A 500 (or a crash) is a failure; 503 is the server shedding load. */
      if (status >= 500 && status != 503)
        {
          save_failure ("server error", seed, i, input);
          g_assert_cmpuint (status, <, 500);
        }
      if ((status == 0 || i % 50 == 0) && !h2_healthy (url))
        {
          save_failure ("server down", seed, i, input);
          g_assert_not_reached ();
        }
    }

  g_assert_true (h2_healthy (url));
  /* And it still does real work. */
  {
    g_autofree char *token2 = NULL;

    g_assert_cmpuint (h2_log_in (url, "checker", H2_PASSWORD, &token2), ==, 200);
  }
  g_test_message ("fuzz: %u inputs (%u JSON, %u PDF) in %u s: %u 2xx, %u 4xx, %u 5xx, %u dropped; server up",
                  figures.iterations, figures.json, figures.pdf, seconds,
                  figures.by_class[2], figures.by_class[4], figures.by_class[5], figures.dropped);
  g_assert_cmpuint (figures.iterations, >, 0);

  cl_test_stop_server (&server);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  server_binary = cl_test_server_binary ();
  if (server_binary == NULL)
    return g_test_run ();
  g_test_add_func ("/fuzz/json-and-pdf", test_fuzz);
  return g_test_run ();
}
