/* cl-summary-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-summary-print"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-id-card.h"
#include "cl-order-store.h"
#include "cl-patient-store.h"
#include "cl-pdf.h"
#include "cl-print-layout.h"
#include "cl-store-nursing.h"
#include "cl-summary-print.h"
#include "cl-visit-store.h"

/* Latin in GNOME's own face, Chinese in Noto: the CJK face's Latin
 * punctuation (’) is full-width. */
#define FONT_FAMILY "Cantarell, Noto Sans CJK SC"

/* Page geometry, in points */
#define MARGIN      42.0
#define FOOTER      22.0
#define CELL_PAD_X  4.0
#define CELL_PAD_Y  3.0

typedef enum
{
  STYLE_TITLE,      /* hospital */
  STYLE_SUBTITLE,   /* "Pregnancy Record Summary" */
  STYLE_HEADING,    /* section */
  STYLE_HEAD,       /* table header */
  STYLE_BODY,
  STYLE_LABEL,      /* the patient block's labels */
  STYLE_NOTE,       /* "None recorded" */
} Style;

#define MAX_CELLS 6

/* The summary is a list of rows laid out top to bottom; a row is cells
 * at fractions of the content width.  A table row knows its header row,
 * which is drawn again at the top of a page the table continues on. */
typedef struct
{
  Style        style;
  const double *cols;       /* MAX_CELLS + 1 left edges, as fractions; NULL: one cell */
  guint        n_cells;
  char        *text[MAX_CELLS];
  gboolean     swatch;      /* a colour square before cell @swatch_cell */
  guint        swatch_cell;
  double       rgb[3];
  int          head;        /* index of the header row to repeat, or -1 */
  gboolean     keep_with_next;
  gboolean     zebra;
} Row;

struct _ClPatientSummary
{
  char   *title;
  char   *file_stem;
  char   *printed;
  GArray *rows;   /* Row */
};

static const double patient_cols[] = { 0.0, 0.16, 0.5, 0.66, 1.0 };
static const double visit_cols[] = { 0.0, 0.2, 0.37, 0.60, 0.80, 1.0 };
static const double report_cols[] = { 0.0, 0.17, 0.67, 0.84, 1.0 };
static const double order_cols[] = { 0.0, 0.14, 0.27, 0.72, 0.86, 1.0 };

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < MAX_CELLS; i++)
    g_free (row->text[i]);
}

static guint
add_row (ClPatientSummary *s,
         Style             style,
         const double     *cols,
         int               head,
         ...)
{
  Row row = { 0 };
  va_list args;
  const char *text;

  row.style = style;
  row.cols = cols;
  row.head = head;
  va_start (args, head);
  while (row.n_cells < MAX_CELLS && (text = va_arg (args, const char *)) != NULL)
    row.text[row.n_cells++] = g_strdup (text);
  va_end (args);
  g_array_append_val (s->rows, row);
  return s->rows->len - 1;
}

static Row *
last_row (ClPatientSummary *s)
{
  return &g_array_index (s->rows, Row, s->rows->len - 1);
}

static void
set_swatch (Row        *row,
            guint       cell,
            const char *color)
{
  guint r, g, b;

  if (color == NULL || sscanf (color, "#%02x%02x%02x", &r, &g, &b) != 3)
    return;
  row->swatch = TRUE;
  row->swatch_cell = cell;
  row->rgb[0] = r / 255.0;
  row->rgb[1] = g / 255.0;
  row->rgb[2] = b / 255.0;
}

static void
add_heading (ClPatientSummary *s,
             const char       *text)
{
  add_row (s, STYLE_HEADING, NULL, -1, text, NULL);
  last_row (s)->keep_with_next = TRUE;
}

static const char *
or_dash (const char *text)
{
  return text && *text ? text : "—";
}

static void
add_patient (ClPatientSummary *s,
             CLStore          *store,
             CLPatient        *patient,
             CLPregnancy      *pregnancy,
             const GDate      *today)
{
  g_autofree char *age = NULL;
  g_autofree char *id_masked = cl_id_card_mask (cl_patient_get_id_number (patient));
  g_autofree char *ga = NULL;
  g_autofree char *edd_text = NULL;
  g_autofree char *risk = NULL;
  const char *risk_color = NULL;
  GDate birth, edd;

  if (cl_patient_get_birth_date (patient) && cl_date_parse (cl_patient_get_birth_date (patient), &birth, NULL))
    /* Translators: age in years */
    age = g_strdup_printf (_("%d years"), cl_date_age_years (&birth, today));

  if (pregnancy && cl_date_parse (cl_pregnancy_get_effective_edd (pregnancy), &edd, NULL))
    {
      edd_text = cl_date_format_display (&edd);
      if (cl_pregnancy_is_ongoing (pregnancy))
        ga = cl_dating_format_ga_display (cl_dating_gestational_days (&edd, today));
    }
  if (ga == NULL && pregnancy)
    ga = g_strdup (cl_pregnancy_status_label (cl_pregnancy_get_status (pregnancy)));

  if (pregnancy)
    {
      ClRiskScale *scale = cl_store_get_risk_scale (store);
      g_auto(GStrv) codes = g_strsplit (cl_pregnancy_get_risk (pregnancy) ? cl_pregnancy_get_risk (pregnancy) : "", "+", 2);
      const ClRiskLevel *level = codes[0] ? cl_risk_scale_lookup (scale, codes[0]) : NULL;

      risk = cl_risk_format (scale, cl_pregnancy_get_risk (pregnancy));
      risk_color = level ? level->color : NULL;
    }

  add_row (s, STYLE_BODY, patient_cols, -1, _("Name"), or_dash (cl_patient_get_name (patient)),
           _("Age"), or_dash (age), NULL);
  add_row (s, STYLE_BODY, patient_cols, -1, _("ID number"), or_dash (id_masked),
           _("Record number"), or_dash (cl_patient_get_mrn (patient)), NULL);
  add_row (s, STYLE_BODY, patient_cols, -1, _("Gestational age today"), or_dash (ga),
           _("Due date"), or_dash (edd_text), NULL);
  add_row (s, STYLE_BODY, patient_cols, -1, _("Risk colour"), or_dash (risk), NULL);
  set_swatch (last_row (s), 1, risk_color);
  /* Whoever reads her summary on paper sees her allergies as her page
   * shows them. */
  {
    g_autoptr(CLNursingAssessment) assessment = cl_store_nursing_latest (store,
                                                                        cl_record_get_id (CL_RECORD (patient)));
    g_autofree char *alerts = cl_nursing_assessment_describe_alerts (assessment, NULL);

    add_row (s, STYLE_BODY, patient_cols, -1, _("Allergies"), alerts, NULL);
  }
}

static void
add_visits (ClPatientSummary *s,
            CLStore          *store,
            CLPregnancy      *pregnancy,
            const GDate      *today)
{
  g_autoptr(ClVisitPlan) plan = pregnancy ? cl_visit_store_load_plan (store, pregnancy, today) : NULL;
  int head;

  add_heading (s, _("Prenatal Visits"));
  if (plan == NULL)
    {
      add_row (s, STYLE_NOTE, NULL, -1, _("No due date yet: the visits are planned from the last menstrual period."), NULL);
      return;
    }

  head = add_row (s, STYLE_HEAD, visit_cols, -1, _("Visit"), _("Weeks"), _("Dates"), _("State"), _("Done on"), NULL);
  for (guint i = 0; i < cl_visit_plan_get_n_visits (plan); i++)
    {
      const ClPlannedVisit *visit = cl_visit_plan_get_visit (plan, i);
      g_autofree char *dates = cl_date_format_range (&visit->start, &visit->end, CL_DATE_SHORT, today);
      g_autofree char *weeks = NULL;
      g_autofree char *done = g_date_valid (&visit->done_date) ? cl_date_format_display (&visit->done_date) : NULL;
      const char *colors[] = {
        [CL_VISIT_UPCOMING] = "#9a9996", [CL_VISIT_DUE] = "#3584e4", [CL_VISIT_OVERDUE] = "#e01b24",
        [CL_VISIT_DONE] = "#2ec27e", [CL_VISIT_SKIPPED] = "#deddda",
      };

      if (visit->window->anchor == CL_VISIT_ANCHOR_DELIVERY)
        /* Translators: days after the birth, in the printed visit table */
        weeks = g_strdup_printf (_("Day %d–%d"), visit->window->start_day, visit->window->end_day);
      else
        weeks = cl_date_format_ga (visit->window->start_day, visit->window->end_day, CL_GA_PLAIN);
      add_row (s, STYLE_BODY, visit_cols, head, visit->window->label, weeks, dates,
               cl_visit_state_to_label (visit->state), or_dash (done), NULL);
      set_swatch (last_row (s), 3, colors[visit->state]);
      last_row (s)->zebra = i % 2 == 1;
    }
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "ultrasound") == 0)
    return C_("report kind", "Ultrasound");
  if (g_strcmp0 (kind, "blood") == 0)
    return C_("report kind", "Blood test");
  if (g_strcmp0 (kind, "ogtt") == 0)
    return C_("report kind", "OGTT");
  if (g_strcmp0 (kind, "screening") == 0)
    return C_("report kind", "NIPT / serum screening");
  if (g_strcmp0 (kind, "nst") == 0)
    return C_("report kind", "NST");
  return C_("report kind", "Other");
}

static void
add_reports (ClPatientSummary *s,
             CLStore          *store,
             CLPregnancy      *pregnancy)
{
  g_autoptr(GPtrArray) reports = cl_visit_store_list_reports (store, pregnancy ? cl_record_get_id (CL_RECORD (pregnancy)) : NULL);
  ClVisitGuideline *schedule = cl_visit_guideline_get_default ();
  int head;

  add_heading (s, _("Reports"));
  if (reports->len == 0)
    {
      add_row (s, STYLE_NOTE, NULL, -1, _("No report filed yet."), NULL);
      return;
    }
  head = add_row (s, STYLE_HEAD, report_cols, -1, _("Check date"), _("Report"), _("Kind"), _("Visit"), NULL);
  for (guint i = 0; i < reports->len; i++)
    {
      ClReport *report = g_ptr_array_index (reports, i);
      g_autofree char *date = cl_date_format_iso_display (report->check_date);
      const ClVisitWindow *visit = cl_visit_guideline_lookup (schedule, report->visit);

      add_row (s, STYLE_BODY, report_cols, head, date, or_dash (report->title), kind_label (report->kind),
               visit ? visit->label : "—", NULL);
      last_row (s)->zebra = i % 2 == 1;
    }
}

static void
add_orders (ClPatientSummary *s,
            CLStore          *store,
            const char       *patient_id)
{
  g_autoptr(GPtrArray) orders = cl_order_store_list_for_patient (store, patient_id, TRUE);
  int head;

  add_heading (s, _("Current Doctor’s Orders"));
  if (orders->len == 0)
    {
      add_row (s, STYLE_NOTE, NULL, -1, _("No active doctor’s orders."), NULL);
      return;
    }
  head = add_row (s, STYLE_HEAD, order_cols, -1, _("Date"), _("Category"), _("Order"), _("Doctor"), _("Reminder"), NULL);
  for (guint i = 0; i < orders->len; i++)
    {
      CLDoctorOrder *order = g_ptr_array_index (orders, i);
      g_autofree char *date = cl_date_format_iso_display (cl_doctor_order_get_date (order));
      g_autofree char *reminder = cl_date_format_iso_display (cl_doctor_order_get_reminder_date (order));

      add_row (s, STYLE_BODY, order_cols, head, date,
               cl_order_category_label (cl_doctor_order_get_category (order)),
               or_dash (cl_doctor_order_get_text (order)), or_dash (cl_doctor_order_get_doctor (order)),
               reminder, NULL);
      last_row (s)->zebra = i % 2 == 1;
    }
}

ClPatientSummary *
cl_patient_summary_new (CLStore     *store,
                        const char  *patient_id,
                        const char  *hospital,
                        GError     **error)
{
  g_autoptr(ClPatientSummary) s = NULL;
  g_autoptr(CLRecord) patient = NULL;
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autofree char *today_iso = NULL;
  GDate today;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  patient = cl_store_load_record (store, CL_TYPE_PATIENT, patient_id, error);
  if (patient == NULL)
    return NULL;
  pregnancy = cl_patient_store_current_pregnancy (store, patient_id);
  cl_date_today (&today);
  today_iso = cl_date_to_iso (&today);

  s = g_new0 (ClPatientSummary, 1);
  s->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (s->rows, row_clear);
  /* Translators: the printed summary's title; %s is the patient's name */
  s->title = g_strdup_printf (_("Pregnancy Record Summary — %s"), cl_patient_get_name (CL_PATIENT (patient)));
  s->file_stem = g_strdup_printf ("%s %s", cl_patient_get_name (CL_PATIENT (patient)), today_iso);
  {
    g_autofree char *printed = cl_date_format_display (&today);

    /* Translators: the printed summary's footer; %s is today's date */
    s->printed = g_strdup_printf (_("Printed on %s"), printed);
  }

  add_row (s, STYLE_TITLE, NULL, -1, hospital && *hospital ? hospital : _("Careline Demonstration Hospital"), NULL);
  add_row (s, STYLE_SUBTITLE, NULL, -1, _("Pregnancy Record Summary"), NULL);
  add_patient (s, store, CL_PATIENT (patient), pregnancy, &today);
  add_visits (s, store, pregnancy, &today);
  add_reports (s, store, pregnancy);
  add_orders (s, store, patient_id);
  return g_steal_pointer (&s);
}

void
cl_patient_summary_free (ClPatientSummary *s)
{
  if (s == NULL)
    return;
  g_array_unref (s->rows);
  g_free (s->title);
  g_free (s->file_stem);
  g_free (s->printed);
  g_free (s);
}

char *
cl_patient_summary_file_name (ClPatientSummary *s)
{
  /* Translators: the file name offered for the exported summary */
  return g_strdup_printf (_("Summary %s.pdf"), s->file_stem);
}

const char *
cl_patient_summary_get_title (ClPatientSummary *s)
{
  return s->title;
}

/* Layout */

static const CLPrintFont fonts[] = {
  [STYLE_TITLE] = { FONT_FAMILY, 15, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [STYLE_SUBTITLE] = { FONT_FAMILY, 11.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_HEADING] = { FONT_FAMILY, 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [STYLE_HEAD] = { FONT_FAMILY, 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [STYLE_BODY] = { FONT_FAMILY, 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_LABEL] = { FONT_FAMILY, 9, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [STYLE_NOTE] = { FONT_FAMILY, 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
};

static double
cell_width (const Row *row,
            guint      cell,
            double     content)
{
  if (row->cols == NULL)
    return content;
  return (row->cols[cell + 1] - row->cols[cell]) * content - 2 * CELL_PAD_X;
}

static double
cell_x (const Row *row,
        guint      cell,
        double     content)
{
  return row->cols ? row->cols[cell] * content + CELL_PAD_X : 0;
}

/* Patient block labels are bold: the first and third cells. */
static Style
cell_style (const Row *row,
            guint      cell)
{
  if (row->cols == patient_cols && cell % 2 == 0)
    return STYLE_LABEL;
  return row->style;
}

static double
swatch_offset (const Row *row,
               guint      cell)
{
  return row->swatch && row->swatch_cell == cell ? 12 : 0;
}

static PangoLayout *
cell_layout (CLPrintLayout *layout,
             const Row     *row,
             guint          cell,
             double         content)
{
  return cl_print_layout_text (layout, &fonts[cell_style (row, cell)], row->text[cell],
                               cell_width (row, cell, content) - swatch_offset (row, cell));
}

static double
row_height (CLPrintLayout *layout,
            const Row     *row,
            double         content)
{
  double height = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      g_autoptr(PangoLayout) cell = cell_layout (layout, row, i, content);
      int h;

      pango_layout_get_pixel_size (cell, NULL, &h);
      height = MAX (height, h);
    }
  switch (row->style)
    {
    case STYLE_TITLE:
      return height + 4;
    case STYLE_SUBTITLE:
      return height + 14;
    case STYLE_HEADING:
      return height + 14;
    default:
      return height + 2 * CELL_PAD_Y;
    }
}

/* One block per row; a heading and a table's header go over to the
 * next page with the rows under them. */
static CLPrintLayout *
layout_pages (ClPatientSummary *s,
              double            width,
              double            height)
{
  CLPrintLayout *layout = cl_print_layout_new (MARGIN, MARGIN, height - MARGIN - FOOTER);
  double content = width - 2 * MARGIN;

  for (guint i = 0; i < s->rows->len; i++)
    {
      const Row *row = &g_array_index (s->rows, Row, i);
      gboolean keep = row->keep_with_next || row->style == STYLE_HEAD;

      cl_print_layout_add (layout, 0, i, row_height (layout, row, content), row->head,
                           keep ? CL_PRINT_BLOCK_KEEP_WITH_NEXT : CL_PRINT_BLOCK_NONE);
    }
  return layout;
}

int
cl_patient_summary_n_pages (ClPatientSummary *s,
                            double            width,
                            double            height)
{
  g_autoptr(CLPrintLayout) layout = NULL;

  g_return_val_if_fail (s != NULL, 0);

  layout = layout_pages (s, width, height);
  return (int) cl_print_layout_get_n_pages (layout);
}

static void
draw_row (CLPrintLayout *layout,
          cairo_t       *cr,
          const Row     *row,
          double         y,
          double         h,
          double         content)
{
  if (row->style == STYLE_HEAD || row->zebra)
    {
      cairo_set_source_rgb (cr, row->style == STYLE_HEAD ? 0.90 : 0.965,
                            row->style == STYLE_HEAD ? 0.90 : 0.965,
                            row->style == STYLE_HEAD ? 0.90 : 0.965);
      cairo_rectangle (cr, MARGIN, y, content, h);
      cairo_fill (cr);
    }

  for (guint i = 0; i < row->n_cells; i++)
    {
      g_autoptr(PangoLayout) cell = cell_layout (layout, row, i, content);
      double x = MARGIN + cell_x (row, i, content);
      double top = y + (row->style == STYLE_HEADING ? 10 : row->style >= STYLE_HEAD ? CELL_PAD_Y : 0);

      if (row->style == STYLE_TITLE || row->style == STYLE_SUBTITLE)
        pango_layout_set_alignment (cell, PANGO_ALIGN_CENTER);

      if (swatch_offset (row, i) > 0)
        {
          cairo_set_source_rgb (cr, row->rgb[0], row->rgb[1], row->rgb[2]);
          cairo_new_path (cr);
          cairo_arc (cr, x + 4, top + 6.5, 4, 0, 2 * G_PI);
          cairo_fill (cr);
          x += swatch_offset (row, i);
        }
      cairo_set_source_rgb (cr, row->style == STYLE_NOTE || row->style == STYLE_HEAD ? 0.35 : 0.0,
                            row->style == STYLE_NOTE || row->style == STYLE_HEAD ? 0.35 : 0.0,
                            row->style == STYLE_NOTE || row->style == STYLE_HEAD ? 0.35 : 0.0);
      cairo_move_to (cr, x, top);
      pango_cairo_show_layout (cr, cell);
    }

  if (row->style == STYLE_HEADING)
    {
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_rectangle (cr, MARGIN, y + h - 1.5, content, 0.8);
      cairo_fill (cr);
    }
  else if (row->style == STYLE_SUBTITLE)
    {
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_rectangle (cr, MARGIN, y + h - 6, content, 1.2);
      cairo_fill (cr);
    }
}

static void
draw_page (ClPatientSummary *s,
           CLPrintLayout    *layout,
           cairo_t          *cr,
           guint             page,
           double            width,
           double            height)
{
  double content = width - 2 * MARGIN;
  guint n_placements;
  const CLPrintPlacement *placements = cl_print_layout_get_page (layout, page, &n_placements);

  cairo_save (cr);
  cl_print_layout_begin_page (layout, cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  for (guint i = 0; i < n_placements; i++)
    draw_row (layout, cr, &g_array_index (s->rows, Row, placements[i].item),
              placements[i].y, placements[i].height, content);

  /* Footer: whose summary, when printed, page N of M. */
  {
    /* Translators: page footer, "Page 2 of 3" */
    g_autofree char *pages = g_strdup_printf (_("Page %d of %d"), page + 1,
                                              cl_print_layout_get_n_pages (layout));
    g_autofree char *text = g_strdup_printf ("%s · %s · %s", s->title, s->printed, pages);
    g_autoptr(PangoLayout) footer = cl_print_layout_text (layout, &fonts[STYLE_NOTE], text, content);

    pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
    pango_layout_set_ellipsize (footer, PANGO_ELLIPSIZE_MIDDLE);
    cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
    cairo_move_to (cr, MARGIN, height - MARGIN);
    pango_cairo_show_layout (cr, footer);
  }
  cairo_restore (cr);
}

void
cl_patient_summary_draw (ClPatientSummary *s,
                         cairo_t          *cr,
                         double            width,
                         double            height,
                         int               page)
{
  g_autoptr(CLPrintLayout) layout = NULL;

  g_return_if_fail (s != NULL);

  layout = layout_pages (s, width, height);
  if (page < 0 || page >= (int) cl_print_layout_get_n_pages (layout))
    return;
  draw_page (s, layout, cr, page, width, height);
}

gboolean
cl_patient_summary_export_pdf (ClPatientSummary *s,
                               const char       *path,
                               GError          **error)
{
  const double width = CL_PDF_A4_WIDTH, height = CL_PDF_A4_HEIGHT;
  g_autoptr(CLPrintLayout) layout = NULL;
  cairo_t *cr;

  g_return_val_if_fail (s != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  cr = cl_pdf_begin (path, s->title);
  layout = layout_pages (s, width, height);
  for (guint i = 0; i < cl_print_layout_get_n_pages (layout); i++)
    {
      draw_page (s, layout, cr, i, width, height);
      cairo_show_page (cr);
    }
  return cl_pdf_end (cr, path, _("The summary could not be saved as “%s”: %s"), error);
}
