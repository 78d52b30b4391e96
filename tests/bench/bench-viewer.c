/* bench-viewer: the archive's PDF viewer under Xvfb, against
 * `pdftoppm -r DPI -f N -l N -png` on the same page at the same
 * resolution, timed in the same run:
 *
 *   - first page visible (sharp, at the viewer's fit-width zoom) after
 *     opening a 50-page text report and a 20-page scanned-image report;
 *     target: less than pdftoppm's whole run on that page;
 *   - page flip to a page not rendered yet, and to one in the cache;
 *     target for the cached flip: ≤ 16 ms (one frame); beside it, what
 *     GTK itself takes to show another texture of the page's size in a
 *     plain GtkPicture in the same window;
 *   - RSS with 10 documents open.
 *
 * Medians of N_RUNS.  Reports only; never fails on a figure. */

#define G_LOG_DOMAIN "bench-viewer"

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cl-application.h"
#include "cl-pdf-viewer.h"
#include "cl-test-pdf.h"

#define N_RUNS 7
#define TEXT_PAGES 50
#define SCAN_PAGES 20

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmRSS:")))
    return -1;
  return strtol (line + 6, NULL, 10);
}

/* ------------------------------------------------------------------ */
/* The reports                                                         */

/* A scanner's output: each page one large JPEG of grainy "paper" at
 * 200 dpi, embedded as such. */
static void
write_scanned_report (const char *path,
                      int         pages)
{
  const int w = 1654, h = 2339;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  GRand *rand = g_rand_new_with_seed (4);

  for (int p = 0; p < pages; p++)
    {
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
      guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
      int stride = gdk_pixbuf_get_rowstride (pixbuf);
      gchar *jpeg = NULL;
      gsize jpeg_len = 0;
      cairo_surface_t *image;

      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            /* paper grain, with darker "text" bands */
            int base = (y / 24) % 3 == 0 && x > 150 && x < w - 150 ? 90 : 225;
            int v = base + g_rand_int_range (rand, -30, 30);
            guchar *px = pixels + y * stride + x * 3;

            px[0] = px[1] = px[2] = (guchar) CLAMP (v, 0, 255);
          }
      g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &jpeg_len, "jpeg", NULL,
                                                "quality", "80", NULL));
      image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_JPEG, (guchar *) jpeg, jpeg_len,
                                   g_free, jpeg);
      cairo_save (cr);
      cairo_scale (cr, 595.0 / w, 842.0 / h);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (image);
      cairo_show_page (cr);
    }
  g_rand_free (rand);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------------ */

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Mapped and laid out. */
static void
wait_drawn (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

static gboolean
wait_sharp (CLPdfViewer *viewer,
            double       limit_ms)
{
  double start = now_ms ();

  while (!cl_pdf_viewer_is_page_sharp (viewer))
    {
      g_main_context_iteration (NULL, TRUE);
      if (now_ms () - start > limit_ms)
        return FALSE;
    }
  return TRUE;
}

static double
run_pdftoppm (const char *path,
              int         page,
              double      dpi)
{
  g_autofree char *out = g_build_filename (g_get_tmp_dir (), "bench-viewer-ppm", NULL);
  g_autofree char *r = g_strdup_printf ("%.2f", dpi);
  g_autofree char *n = g_strdup_printf ("%d", page + 1);
  const char *argv[] = { "pdftoppm", "-r", r, "-f", n, "-l", n, "-png", path, out, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  double start = now_ms ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    g_error ("pdftoppm: %s", error->message);
  return now_ms () - start;
}

/* 0: waiting; 1: a paint began after the change; 2: it is done. */
static void
paint_cb (GdkFrameClock *clock,
          int           *state)
{
  if (*state == 0)
    *state = 1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                int           *state)
{
  if (*state == 1)
    *state = 2;
}

/* The yardstick of a flip: the same window showing another texture of
 * the page's size in a plain GtkPicture (what GTK itself needs to put
 * a new page on screen), until the frame clock's after-paint. */
static GdkTexture *
page_texture (int    width,
              int    height,
              guchar shade)
{
  gsize stride = (gsize) width * 4;
  guchar *pixels = g_malloc (stride * height);
  g_autoptr(GBytes) bytes = NULL;

  memset (pixels, shade, stride * height);
  bytes = g_bytes_new_take (pixels, stride * height);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static double
picture_flip (GtkWindow *window,
              int        width,
              int        height)
{
  g_autoptr(GdkTexture) a = page_texture (width, height, 0xff);
  g_autoptr(GdkTexture) b = page_texture (width, height, 0xf0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (a));
  double times[N_RUNS];

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), picture);
  gtk_window_set_child (window, scroller);
  wait_drawn (picture);
  for (guint run = 0; run < N_RUNS; run++)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (picture);
      int state = 0;
      gulong id, id2;
      double start;

      g_usleep (20000);
      spin ();
      start = now_ms ();
      gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (run % 2 ? a : b));
      id = g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), &state);
      id2 = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &state);
      while (state < 2)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, id2);
      times[run] = now_ms () - start;
      g_signal_handler_disconnect (clock, id);
    }
  gtk_window_set_child (window, NULL);
  spin ();
  return median (times, N_RUNS);
}

typedef struct
{
  double first_page;
  double yardstick;
  double uncached;
  double cached;
  double dpi;
} Figures;

static Figures
bench_document (GtkWindow  *window,
                const char *name,
                const char *path,
                int         n_pages)
{
  double first[N_RUNS], ppm[N_RUNS], uncached[N_RUNS], cached[N_RUNS], call[N_RUNS];
  int page_w = 0, page_h = 0;
  double yard_flip;
  Figures f = { 0 };

  for (guint run = 0; run < N_RUNS; run++)
    {
      CLPdfViewer *viewer = CL_PDF_VIEWER (cl_pdf_viewer_new ());
      double start;

      gtk_window_set_child (window, GTK_WIDGET (viewer));
      wait_drawn (GTK_WIDGET (viewer));

      /* Open → first page drawn sharp at fit width. */
      start = now_ms ();
      cl_pdf_viewer_open (viewer, path);
      g_assert_true (wait_sharp (viewer, 60000));
      first[run] = now_ms () - start;
      f.dpi = cl_pdf_viewer_get_zoom (viewer) * 96.0 * gtk_widget_get_scale_factor (GTK_WIDGET (viewer));

      /* A far page, never asked for: rendered while the person waits. */
      spin ();
      g_usleep (300000);  /* let the neighbours' prefetch finish */
      spin ();
      start = now_ms ();
      cl_pdf_viewer_set_page (viewer, n_pages / 2 + (int) run);
      g_assert_true (wait_sharp (viewer, 60000));
      uncached[run] = now_ms () - start;

      /* Back to the first page, which is in the cache (once the
       * neighbours' prefetch is done: the flip alone is measured). */
      spin ();
      g_usleep (300000);
      spin ();
      start = now_ms ();
      cl_pdf_viewer_set_page (viewer, 0);
      call[run] = now_ms () - start;
      g_assert_true (wait_sharp (viewer, 60000));
      cached[run] = now_ms () - start;
      {
        GdkTexture *shown = cl_pdf_renderer_lookup (cl_pdf_viewer_get_renderer (viewer), 0,
                                                    f.dpi / 72.0);
        if (shown)
          {
            page_w = gdk_texture_get_width (shown);
            page_h = gdk_texture_get_height (shown);
          }
      }

      gtk_window_set_child (window, NULL);
      spin ();
    }

  for (guint run = 0; run < N_RUNS; run++)
    ppm[run] = run_pdftoppm (path, 0, f.dpi);

  yard_flip = picture_flip (window, page_w ? page_w : 800, page_h ? page_h : 1130);
  f.first_page = median (first, N_RUNS);
  f.uncached = median (uncached, N_RUNS);
  f.cached = median (cached, N_RUNS);
  f.yardstick = median (ppm, N_RUNS);

  g_print ("%s (%d pages, page 1 at %.0f dpi):\n", name, n_pages, f.dpi);
  g_print ("  first page visible: median %.1f ms   pdftoppm whole run: median %.1f ms   ratio %.2f   [target < 1]\n",
           f.first_page, f.yardstick, f.first_page / f.yardstick);
  g_print ("  page flip, uncached: median %.1f ms   (ratio to pdftoppm %.2f)\n",
           f.uncached, f.uncached / f.yardstick);
  g_print ("  page flip, cached:   median %.1f ms   [target ≤ 16 ms]   GtkPicture showing another %d×%d texture in the same window: median %.1f ms (ratio %.2f)\n",
           f.cached, page_w, page_h, yard_flip, f.cached / yard_flip);
  g_print ("                       of which the viewer's own work (the flip call): median %.2f ms; the rest is the frame (layout, cairo drawing, X)\n",
           median (call, N_RUNS));
  return f;
}

static void
bench_memory (GtkWindow  *window,
              const char *text,
              const char *scanned)
{
  GtkWidget *grid = gtk_grid_new ();
  CLPdfViewer *viewers[10];
  long before, after;

  gtk_window_set_child (window, grid);
  spin ();
  before = rss_kib ();
  for (int i = 0; i < 10; i++)
    {
      viewers[i] = CL_PDF_VIEWER (cl_pdf_viewer_new ());
      gtk_widget_set_size_request (GTK_WIDGET (viewers[i]), 270, 440);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (viewers[i]), i % 5, i / 5, 1, 1);
    }
  wait_drawn (grid);
  for (int i = 0; i < 10; i++)
    cl_pdf_viewer_open (viewers[i], i % 2 ? scanned : text);
  for (int i = 0; i < 10; i++)
    g_assert_true (wait_sharp (viewers[i], 120000));
  /* Flip through a few pages of each, so each cache holds some. */
  for (int p = 1; p < 6; p++)
    for (int i = 0; i < 10; i++)
      {
        cl_pdf_viewer_set_page (viewers[i], p);
        g_assert_true (wait_sharp (viewers[i], 120000));
      }
  spin ();
  after = rss_kib ();
  g_print ("memory: RSS %.1f MiB before, %.1f MiB with 10 documents open (5 text, 5 scanned; 6 pages seen in each): +%.1f MiB, %.1f MiB per document\n",
           before / 1024.0, after / 1024.0, (after - before) / 1024.0, (after - before) / 10240.0);
  gtk_window_set_child (window, NULL);
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("careline-bench-viewer-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "text-50.pdf", NULL);
  g_autofree char *scanned = g_build_filename (dir, "scanned-20.pdf", NULL);
  GtkWindow *window;
  GStatBuf st;

  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  cl_application_load_resources ();

  if (!g_find_program_in_path ("pdftoppm"))
    {
      g_printerr ("pdftoppm (poppler-utils) is missing: no yardstick\n");
      return 77;
    }

  cl_test_pdf_write_text (text, TEXT_PAGES, "glucose");
  write_scanned_report (scanned, SCAN_PAGES);
  g_stat (text, &st);
  g_print ("text report: %d pages, %.1f MiB; ", TEXT_PAGES, st.st_size / 1048576.0);
  g_stat (scanned, &st);
  g_print ("scanned report: %d pages, %.1f MiB\n", SCAN_PAGES, st.st_size / 1048576.0);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 900);
  gtk_window_present (window);
  wait_drawn (GTK_WIDGET (window));

  bench_document (window, "text report", text, TEXT_PAGES);
  bench_document (window, "scanned report", scanned, SCAN_PAGES);
  bench_memory (window, text, scanned);

  gtk_window_destroy (window);
  g_unlink (text);
  g_unlink (scanned);
  g_rmdir (dir);
  return 0;
}
