/* test-print-layout.c: the one pagination engine of every printed
 * document (cl-print-layout.h), on blocks of known heights.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-print-layout"

#include "config.h"

#include <locale.h>

#include "cl-print-layout.h"

/* Blocks are named by their kind, a letter, and their item: "R3" is
 * kind 'R', item 3. */
static guint
add (CLPrintLayout     *layout,
     const char        *name,
     double             height,
     int                header,
     CLPrintBlockFlags  flags)
{
  return cl_print_layout_add (layout, (guint) name[0], (guint) g_ascii_strtoull (name + 1, NULL, 10),
                              height, header, flags);
}

/* The pages as "A0 B0 | H0* R1": blocks top to bottom, pages split by
 * " | ", a header repeated above its continued table marked "*". */
static char *
pages (CLPrintLayout *layout)
{
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < cl_print_layout_get_n_pages (layout); p++)
    {
      guint n;
      const CLPrintPlacement *placements = cl_print_layout_get_page (layout, p, &n);

      if (p > 0)
        g_string_append (out, " |");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, "%s%c%u%s", p == 0 && i == 0 ? "" : " ", (char) placements[i].kind,
                                placements[i].item, placements[i].repeated ? "*" : "");
    }
  return g_string_free (out, FALSE);
}

static const CLPrintPlacement *
placement (CLPrintLayout *layout,
           guint          page,
           guint          i)
{
  guint n;
  const CLPrintPlacement *placements = cl_print_layout_get_page (layout, page, &n);

  g_assert_cmpuint (i, <, n);
  return &placements[i];
}

static void
assert_pages (CLPrintLayout *layout,
              const char    *expected)
{
  g_autofree char *got = pages (layout);

  g_assert_cmpstr (got, ==, expected);
}

/* No block at all is still one (empty) page; pages past the end are
 * empty, not an error. */
static void
test_empty (void)
{
  g_autoptr(CLPrintLayout) layout = cl_print_layout_new (0, 0, 100);
  guint n = 99;

  g_assert_cmpuint (cl_print_layout_get_n_pages (layout), ==, 1);
  g_assert_null (cl_print_layout_get_page (layout, 0, &n));
  g_assert_cmpuint (n, ==, 0);
  n = 99;
  g_assert_null (cl_print_layout_get_page (layout, 1, &n));
  g_assert_cmpuint (n, ==, 0);
}

/* Blocks fill the body from the top and break when the next does not
 * fit; page one's body may start lower than the others'. */
static void
test_fill (void)
{
  g_autoptr(CLPrintLayout) layout = cl_print_layout_new (150, 100, 200);

  for (guint i = 0; i < 6; i++)
    {
      char name[8];

      g_snprintf (name, sizeof name, "A%u", i);
      add (layout, name, 25, -1, CL_PRINT_BLOCK_NONE);
    }
  /* 50 points on page one, 100 on the next: 2 + 4 blocks, the last
   * exactly at the bottom. */
  assert_pages (layout, "A0 A1 | A2 A3 A4 A5");
  g_assert_cmpfloat (placement (layout, 0, 0)->y, ==, 150);
  g_assert_cmpfloat (placement (layout, 0, 1)->y, ==, 175);
  g_assert_cmpfloat (placement (layout, 1, 0)->y, ==, 100);
  g_assert_cmpfloat (placement (layout, 1, 3)->y, ==, 175);
  g_assert_cmpfloat (placement (layout, 1, 3)->height, ==, 25);

  /* A new body paginates again. */
  cl_print_layout_set_body (layout, 100, 100, 200);
  assert_pages (layout, "A0 A1 A2 A3 | A4 A5");
}

/* A heading kept with the next block goes over with it rather than end
 * a page; so does a chain of them; the last block of a document has
 * nothing to be kept with. */
static void
test_keep_with_next (void)
{
  g_autoptr(CLPrintLayout) layout = cl_print_layout_new (0, 0, 100);
  g_autoptr(CLPrintLayout) chain = cl_print_layout_new (0, 0, 100);
  g_autoptr(CLPrintLayout) last = cl_print_layout_new (0, 0, 100);

  add (layout, "P0", 40, -1, CL_PRINT_BLOCK_NONE);
  add (layout, "P1", 40, -1, CL_PRINT_BLOCK_NONE);
  add (layout, "H0", 10, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);   /* fits alone at 80–90 */
  add (layout, "R0", 20, -1, CL_PRINT_BLOCK_NONE);
  assert_pages (layout, "P0 P1 | H0 R0");
  g_assert_cmpfloat (placement (layout, 1, 0)->y, ==, 0);
  g_assert_cmpfloat (placement (layout, 1, 1)->y, ==, 10);

  add (chain, "P0", 70, -1, CL_PRINT_BLOCK_NONE);
  add (chain, "H0", 10, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  add (chain, "H1", 10, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  add (chain, "R0", 15, -1, CL_PRINT_BLOCK_NONE);
  assert_pages (chain, "P0 | H0 H1 R0");

  add (last, "P0", 80, -1, CL_PRINT_BLOCK_NONE);
  add (last, "H0", 20, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  assert_pages (last, "P0 H0");
}

/* A block that starts a page of its own does, unless the page has
 * nothing on it yet; what it is kept with does not pull across it. */
static void
test_new_page (void)
{
  g_autoptr(CLPrintLayout) layout = cl_print_layout_new (0, 0, 100);

  add (layout, "S0", 10, -1, CL_PRINT_BLOCK_NEW_PAGE);
  add (layout, "R0", 10, -1, CL_PRINT_BLOCK_NONE);
  add (layout, "H0", 10, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  add (layout, "S1", 95, -1, CL_PRINT_BLOCK_NEW_PAGE);
  add (layout, "S2", 10, -1, CL_PRINT_BLOCK_NEW_PAGE);
  add (layout, "R2", 10, -1, CL_PRINT_BLOCK_NONE);
  assert_pages (layout, "S0 R0 H0 | S1 | S2 R2");
  g_assert_cmpfloat (placement (layout, 1, 0)->y, ==, 0);
  g_assert_cmpfloat (placement (layout, 2, 0)->y, ==, 0);
}

/* A table row that goes to a new page carries its header over, and
 * that header's own header (a section heading) above it, outermost
 * first, marked as repeated; the table's first page has them once. */
static void
test_repeated_header (void)
{
  g_autoptr(CLPrintLayout) layout = cl_print_layout_new (0, 0, 100);
  guint heading, head;

  heading = add (layout, "H0", 10, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  head = add (layout, "T0", 10, (int) heading, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  for (guint i = 0; i < 10; i++)
    {
      char name[8];

      g_snprintf (name, sizeof name, "R%u", i);
      add (layout, name, 20, (int) head, CL_PRINT_BLOCK_NONE);
    }
  assert_pages (layout, "H0 T0 R0 R1 R2 R3 | H0* T0* R4 R5 R6 R7 | H0* T0* R8 R9");
  g_assert_false (placement (layout, 0, 1)->repeated);
  g_assert_true (placement (layout, 1, 1)->repeated);
  g_assert_cmpfloat (placement (layout, 1, 0)->y, ==, 0);
  g_assert_cmpfloat (placement (layout, 1, 1)->y, ==, 10);
  g_assert_cmpfloat (placement (layout, 1, 2)->y, ==, 20);

  /* A block after the table has no header to carry. */
  add (layout, "Z0", 50, -1, CL_PRINT_BLOCK_NONE);
  assert_pages (layout, "H0 T0 R0 R1 R2 R3 | H0* T0* R4 R5 R6 R7 | H0* T0* R8 R9 | Z0");
}

/* The space before a block separates it from the block above; at the
 * top of a page there is none above it, so it starts at the top.  The
 * space counts when deciding whether a block fits. */
static void
test_space_before (void)
{
  g_autoptr(CLPrintLayout) layout = cl_print_layout_new (0, 0, 100);
  g_autoptr(CLPrintLayout) tight = cl_print_layout_new (0, 0, 100);
  guint b;

  add (layout, "A0", 50, -1, CL_PRINT_BLOCK_NONE);
  b = add (layout, "B0", 30, -1, CL_PRINT_BLOCK_NONE);
  cl_print_layout_set_space_before (layout, b, 10);
  b = add (layout, "C0", 30, -1, CL_PRINT_BLOCK_NONE);
  cl_print_layout_set_space_before (layout, b, 10);
  b = add (layout, "D0", 10, -1, CL_PRINT_BLOCK_NONE);
  cl_print_layout_set_space_before (layout, b, 5);
  assert_pages (layout, "A0 B0 | C0 D0");
  g_assert_cmpfloat (placement (layout, 0, 1)->y, ==, 60);
  g_assert_cmpfloat (placement (layout, 1, 0)->y, ==, 0);
  g_assert_cmpfloat (placement (layout, 1, 1)->y, ==, 35);

  /* 50 + 40 fits, 50 + 20 + 40 does not. */
  add (tight, "A0", 50, -1, CL_PRINT_BLOCK_NONE);
  b = add (tight, "B0", 40, -1, CL_PRINT_BLOCK_NONE);
  cl_print_layout_set_space_before (tight, b, 20);
  assert_pages (tight, "A0 | B0");
  g_assert_cmpfloat (placement (tight, 1, 0)->y, ==, 0);

  /* The first block of the document is at the top of page one too. */
  cl_print_layout_set_space_before (tight, 0, 30);
  g_assert_cmpfloat (placement (tight, 0, 0)->y, ==, 0);
}

/* A block taller than the body gets a page of its own (it runs past the
 * bottom rather than being lost or looping), and what follows goes on
 * the next page. */
static void
test_taller_than_page (void)
{
  g_autoptr(CLPrintLayout) layout = cl_print_layout_new (0, 0, 100);
  g_autoptr(CLPrintLayout) first = cl_print_layout_new (0, 0, 100);

  add (layout, "A0", 30, -1, CL_PRINT_BLOCK_NONE);
  add (layout, "B0", 250, -1, CL_PRINT_BLOCK_NONE);
  add (layout, "C0", 10, -1, CL_PRINT_BLOCK_NONE);
  assert_pages (layout, "A0 | B0 | C0");
  g_assert_cmpfloat (placement (layout, 1, 0)->y, ==, 0);
  g_assert_cmpfloat (placement (layout, 1, 0)->height, ==, 250);

  /* Under a heading kept with it, the heading stays on its page. */
  add (first, "H0", 10, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  add (first, "B0", 250, -1, CL_PRINT_BLOCK_NONE);
  add (first, "C0", 10, -1, CL_PRINT_BLOCK_NONE);
  assert_pages (first, "H0 B0 | C0");
}

/* A long mixed document, built the same way twice, breaks the same way
 * each time and after being paginated again; every block is placed
 * once, in order, inside the body unless it is alone and too tall. */
static void
build_document (CLPrintLayout *layout)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261101);
  int head = -1;

  for (guint i = 0; i < 2000; i++)
    {
      guint r = g_rand_int_range (rand, 0, 100);
      guint block;

      if (r < 3)
        {
          add (layout, "S0", 12, -1, CL_PRINT_BLOCK_NEW_PAGE | CL_PRINT_BLOCK_KEEP_WITH_NEXT);
          head = (int) add (layout, "T0", 10, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
        }
      else if (r < 8)
        {
          head = -1;
          /* now and then taller than the body */
          block = cl_print_layout_add (layout, 'P', i, g_rand_double_range (rand, 20, r < 5 ? 1000 : 300), -1,
                                       CL_PRINT_BLOCK_NONE);
          cl_print_layout_set_space_before (layout, block, 6);
        }
      else
        {
          cl_print_layout_add (layout, 'R', i, g_rand_double_range (rand, 8, 30), head, CL_PRINT_BLOCK_NONE);
        }
    }
}

static void
test_deterministic (void)
{
  g_autoptr(CLPrintLayout) a = cl_print_layout_new (160, 60, 780);
  g_autoptr(CLPrintLayout) b = cl_print_layout_new (160, 60, 780);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *again = NULL;
  gint64 last_item = -1;
  guint n_tall = 0;

  build_document (a);
  build_document (b);
  first = pages (a);
  second = pages (b);
  g_assert_cmpstr (first, ==, second);
  cl_print_layout_set_body (a, 100, 60, 780);
  cl_print_layout_set_body (a, 160, 60, 780);
  again = pages (a);
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpuint (cl_print_layout_get_n_pages (a), >, 20);

  for (guint p = 0; p < cl_print_layout_get_n_pages (a); p++)
    {
      guint n, n_body = 0;
      const CLPrintPlacement *placements = cl_print_layout_get_page (a, p, &n);
      const CLPrintPlacement *pb = cl_print_layout_get_page (b, p, &n_body);

      g_assert_cmpuint (n, ==, n_body);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpuint (placements[i].kind, ==, pb[i].kind);
          g_assert_cmpuint (placements[i].item, ==, pb[i].item);
          g_assert_cmpfloat (placements[i].y, ==, pb[i].y);
          g_assert_cmpfloat (placements[i].height, ==, pb[i].height);
          g_assert_cmpint (placements[i].repeated, ==, pb[i].repeated);
        }
      g_assert_cmpuint (n, >, 0);
      g_assert_cmpfloat (placements[0].y, ==, p == 0 ? 160 : 60);
      n_body = 0;
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_assert_cmpfloat (placements[i].y, >=, placements[i - 1].y + placements[i - 1].height);
          if (placements[i].repeated)
            {
              g_assert_cmpuint (placements[i].kind, ==, 'T');
              continue;
            }
          /* a section starts its page */
          if (placements[i].kind == 'S')
            g_assert_cmpuint (i, ==, 0);
          if (placements[i].kind == 'P' || placements[i].kind == 'R')
            {
              g_assert_cmpint (placements[i].item, >, last_item);
              last_item = placements[i].item;
              n_body++;
            }
        }
      /* Past the bottom only a block too tall for any page, alone. */
      if (placements[n - 1].y + placements[n - 1].height > 780)
        {
          g_assert_cmpuint (n_body, ==, 1);
          g_assert_cmpfloat (placements[n - 1].height, >, 780 - 160);
          n_tall++;
        }
    }
  g_assert_cmpuint (n_tall, >, 0);
}

/* Text is measured with paper metrics: wrapping in a narrower column
 * makes it taller, and no text is empty. */
static void
test_text (void)
{
  g_autoptr(CLPrintLayout) layout = cl_print_layout_new (0, 0, 100);
  const CLPrintFont font = { "Noto Sans CJK SC", 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL };
  const char *text = "导诊台检查未整改 deduction for the October inspection of the guide desk";
  double one_line = cl_print_layout_text_height (layout, &font, text, 0);
  double wrapped = cl_print_layout_text_height (layout, &font, text, 60);

  g_assert_cmpfloat (one_line, >, 9);
  g_assert_cmpfloat (one_line, <, 20);
  g_assert_cmpfloat (wrapped, >=, 3 * one_line);
  g_assert_cmpfloat (cl_print_layout_text_height (layout, &font, text, 60), ==, wrapped);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print-layout/empty", test_empty);
  g_test_add_func ("/print-layout/fill", test_fill);
  g_test_add_func ("/print-layout/keep-with-next", test_keep_with_next);
  g_test_add_func ("/print-layout/new-page", test_new_page);
  g_test_add_func ("/print-layout/repeated-header", test_repeated_header);
  g_test_add_func ("/print-layout/space-before", test_space_before);
  g_test_add_func ("/print-layout/taller-than-page", test_taller_than_page);
  g_test_add_func ("/print-layout/deterministic", test_deterministic);
  g_test_add_func ("/print-layout/text", test_text);

  return g_test_run ();
}
