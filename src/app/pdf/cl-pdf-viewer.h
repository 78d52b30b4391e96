#pragma once

#include <adwaita.h>

#include "cl-pdf-renderer.h"

G_BEGIN_DECLS

/* The archive's PDF viewer: one page at a time with previous/next, a
 * page number entry, zoom in/out, fit width, fit page, a thumbnails
 * sidebar and text search with highlights, shown only while a report
 * is open.  Keys: PgUp/PgDn,
 * Ctrl+plus/minus, Ctrl+0 (fit width), Ctrl+F, Home/End. */

#define CL_TYPE_PDF_VIEWER (cl_pdf_viewer_get_type ())
G_DECLARE_FINAL_TYPE (CLPdfViewer, cl_pdf_viewer, CL, PDF_VIEWER, GtkWidget)

typedef enum
{
  CL_PDF_FIT_NONE,
  CL_PDF_FIT_WIDTH,
  CL_PDF_FIT_PAGE,
} ClPdfFit;

GtkWidget     *cl_pdf_viewer_new            (void);

/* Shows the PDF at @path (rendering starts at once, off the main
 * thread); NULL shows the empty state. */
void           cl_pdf_viewer_open           (CLPdfViewer *self,
                                             const char  *path);
/* Shows @message instead of a report (a file that could not be had). */
void           cl_pdf_viewer_show_error     (CLPdfViewer *self,
                                             const char  *message);
void           cl_pdf_viewer_show_loading   (CLPdfViewer *self);
/* What the empty state (no report open) says, and under it @child (a
 * button that says what to do, or NULL). */
void           cl_pdf_viewer_set_placeholder (CLPdfViewer *self,
                                              const char  *title,
                                              const char  *description,
                                              GtkWidget   *child);
/* The page, zoom and search controls: shown only while a report is
 * open. */
gboolean       cl_pdf_viewer_get_controls_visible (CLPdfViewer *self);

CLPdfRenderer *cl_pdf_viewer_get_renderer   (CLPdfViewer *self);
gboolean       cl_pdf_viewer_is_loaded      (CLPdfViewer *self);
int            cl_pdf_viewer_get_n_pages    (CLPdfViewer *self);
/* 0-based */
int            cl_pdf_viewer_get_page       (CLPdfViewer *self);
void           cl_pdf_viewer_set_page       (CLPdfViewer *self,
                                             int          page);
/* 1.0 = 100 % (96 dpi) */
double         cl_pdf_viewer_get_zoom       (CLPdfViewer *self);
void           cl_pdf_viewer_set_fit        (CLPdfViewer *self,
                                             ClPdfFit     fit);
ClPdfFit       cl_pdf_viewer_get_fit        (CLPdfViewer *self);
/* Starts a search as if typed in the search bar. */
void           cl_pdf_viewer_search         (CLPdfViewer *self,
                                             const char  *text);
/* Goes to the next match of the search (@backwards: the previous one),
 * as Ctrl+G / Shift+Ctrl+G do in its entry; FALSE when there is no
 * match to go to. */
gboolean       cl_pdf_viewer_find_next      (CLPdfViewer *self,
                                             gboolean     backwards);
/* 0-based index of the match shown, -1 for none */
int            cl_pdf_viewer_get_current_match (CLPdfViewer *self);
/* -1 while a search runs or none was made */
int            cl_pdf_viewer_get_n_matches  (CLPdfViewer *self);
/* Matches drawn on the page in view */
int            cl_pdf_viewer_get_n_highlights (CLPdfViewer *self);
/* The page in view is drawn sharp at the current zoom. */
gboolean       cl_pdf_viewer_is_page_sharp  (CLPdfViewer *self);

G_END_DECLS
