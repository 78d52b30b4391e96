/* bench-settlement: a month of 10 000 settlement lines, computed from
 * the store and exported to PDF; median of 5 runs.  Target: ≤ 200 ms.
 *
 * Yardstick, measured in the same run: the plainest cairo program that
 * puts the same lines' text into an A4 PDF (cairo's toy text API, one
 * cairo_show_text() per line, no Pango, no store).  Nearly all of both
 * is cairo writing glyphs into the PDF, so the ratio says how much the
 * statement costs beyond what cairo itself needs for that text. */

#define G_LOG_DOMAIN "bench-settlement"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "cl-enrolment-store.h"
#include "cl-statement-print.h"
#include "cl-store-private.h"

#define N_LINES 10000
#define N_RUNS 5
#define TARGET_MS 200.0

static const char *surnames[] = { "张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗" };
static const char *given[] = { "小梅", "秀英", "丽", "晓燕", "静怡", "雪", "婷婷", "佳", "欣然", "梦琪", "子涵", "雨桐" };
static const char *packages[] = {
  "5e1d0a52-6b1f-4c38-9d2e-2f8a00000001",
  "5e1d0a52-6b1f-4c38-9d2e-2f8a00000002",
  "5e1d0a52-6b1f-4c38-9d2e-2f8a00000003",
};
static const gint64 prices[] = { 298000, 198000, 128000 };

/* 9 800 payments and 200 refunds in October 2026, a rate change on the
 * 16th, three deductions; written straight into the tables (what the
 * bench measures is the statement, not data entry). */
static void
fill (CLStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = cl_store_get_db (store);
  sqlite3_stmt *patient = NULL, *enrolment = NULL;

  g_assert (cl_store_begin (store, &error));
  sqlite3_prepare_v2 (db, "INSERT INTO patient (id, name) VALUES (?1, ?2)", -1, &patient, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO enrolment (id, patient_id, package_id, price_fen, agreement_date,"
                      " explained_by, paid_date, paid_fen, receipt_no, status, cancel_date, refund_fen)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, 'bench', ?5, ?4, ?6, ?7, ?8, ?9)", -1, &enrolment, NULL);
  for (guint i = 0; i < N_LINES - 200; i++)
    {
      g_autofree char *pid = g_uuid_string_random ();
      g_autofree char *eid = g_uuid_string_random ();
      g_autofree char *name = g_strconcat (surnames[i % G_N_ELEMENTS (surnames)],
                                           given[(i / 7) % G_N_ELEMENTS (given)], NULL);
      g_autofree char *date = g_strdup_printf ("2026-10-%02u", 1 + i % 31);
      g_autofree char *receipt = g_strdup_printf ("FP2026%07u", i);
      gboolean refunded = i % 49 == 0;

      sqlite3_bind_text (patient, 1, pid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (patient, 2, name, -1, SQLITE_TRANSIENT);
      g_assert (sqlite3_step (patient) == SQLITE_DONE);
      sqlite3_reset (patient);

      sqlite3_bind_text (enrolment, 1, eid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (enrolment, 2, pid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (enrolment, 3, packages[i % 3], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (enrolment, 4, prices[i % 3]);
      sqlite3_bind_text (enrolment, 5, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (enrolment, 6, receipt, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (enrolment, 7, refunded ? "cancelled" : "active", -1, SQLITE_STATIC);
      if (refunded)
        sqlite3_bind_text (enrolment, 8, "2026-10-31", -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (enrolment, 8);
      sqlite3_bind_int64 (enrolment, 9, refunded ? prices[i % 3] : 0);
      g_assert (sqlite3_step (enrolment) == SQLITE_DONE);
      sqlite3_reset (enrolment);
    }
  sqlite3_finalize (patient);
  sqlite3_finalize (enrolment);
  g_assert (cl_store_exec (store,
                           "INSERT INTO share_rate (id, effective_from, rate_bp) VALUES"
                           " ('r1', '2026-01-01', 3525), ('r2', '2026-10-16', 3600);"
                           "INSERT INTO deduction (id, date, amount_fen, reason) VALUES"
                           " ('d1', '2026-10-05', 200000, '整改未完成'),"
                           " ('d2', '2026-10-12', 100000, '巡检不合格'),"
                           " ('d3', '2026-10-20', 100000, '巡检不合格');", &error));
  g_assert (cl_store_commit (store, &error));
}

static void
yardstick (CLSettlement *s,
           const char   *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  const CLSettlementLine *lines;
  guint n_lines;

  cairo_select_font_face (cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 7.5);
  lines = cl_settlement_get_lines (s, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      char text[256];

      g_snprintf (text, sizeof text, "%u  %s  %s  %s  %" G_GINT64_FORMAT ".%02d  %d.%02d%%  %" G_GINT64_FORMAT ".%02d",
                  i + 1, lines[i].date, lines[i].name, lines[i].package,
                  lines[i].amount_fen / 100, (int) ABS (lines[i].amount_fen % 100),
                  lines[i].rate_bp / 100, lines[i].rate_bp % 100,
                  lines[i].share_fen / 100, (int) ABS (lines[i].share_fen % 100));
      cairo_move_to (cr, 40, 60 + (i % 56) * 12.5);
      cairo_show_text (cr, text);
      if (i % 56 == 55 || i + 1 == n_lines)
        cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("careline-bench-settlement-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "statement.pdf", NULL);
  g_autofree char *yard_pdf = g_build_filename (dir, "yardstick.pdf", NULL);
  g_autoptr(CLStore) store = NULL;
  double compute_ms[N_RUNS], total_ms[N_RUNS], yard_ms[N_RUNS];
  guint n_runs = N_RUNS;
  guint n_lines = 0;
  int n_pages = 0;
  GStatBuf st;

  setlocale (LC_ALL, "");

  /* BENCH_RUNS=1 for a profiler (valgrind --tool=callgrind). */
  if (g_getenv ("BENCH_RUNS"))
    n_runs = CLAMP (atoi (g_getenv ("BENCH_RUNS")), 1, N_RUNS);

  store = cl_store_open (db, &error);
  g_assert_no_error (error);
  fill (store);

  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(CLSettlement) s = NULL;
      gint64 t0 = g_get_monotonic_time (), t1, t2, t3;

      s = cl_enrolment_store_settlement (store, "2026-10", &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      if (!cl_statement_export_pdf (s, pdf, &error))
        g_error ("%s", error->message);
      t2 = g_get_monotonic_time ();
      yardstick (s, yard_pdf);
      t3 = g_get_monotonic_time ();

      cl_settlement_get_lines (s, &n_lines);
      n_pages = cl_statement_n_pages (s, 595, 842);
      compute_ms[run] = (t1 - t0) / 1000.0;
      total_ms[run] = (t2 - t0) / 1000.0;
      yard_ms[run] = (t3 - t2) / 1000.0;
      g_print ("run %u: compute %.1f ms, compute + PDF %.1f ms; yardstick %.1f ms\n",
               run + 1, compute_ms[run], total_ms[run], yard_ms[run]);
    }

  qsort (compute_ms, n_runs, sizeof (double), compare_double);
  qsort (total_ms, n_runs, sizeof (double), compare_double);
  qsort (yard_ms, n_runs, sizeof (double), compare_double);
  g_stat (pdf, &st);
  g_print ("%u lines, %d pages, PDF %.1f MiB\n", n_lines, n_pages, st.st_size / 1048576.0);
  g_print ("median: compute %.1f ms; compute + PDF export %.1f ms (target ≤ %.0f ms): %s\n",
           compute_ms[n_runs / 2], total_ms[n_runs / 2], TARGET_MS,
           total_ms[n_runs / 2] <= TARGET_MS ? "PASS" : "FAIL");
  g_print ("yardstick (same text, bare cairo_show_text to PDF): median %.1f ms; ratio %.2f\n",
           yard_ms[n_runs / 2], total_ms[n_runs / 2] / yard_ms[n_runs / 2]);

  /* BENCH_KEEP_PDF=PATH keeps the last export, to look at what the
   * time is spent on (its content streams). */
  if (g_getenv ("BENCH_KEEP_PDF"))
    g_rename (pdf, g_getenv ("BENCH_KEEP_PDF"));
  g_unlink (pdf);
  g_unlink (yard_pdf);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return total_ms[n_runs / 2] <= TARGET_MS ? 0 : 1;
}
