#pragma once

#include "cl-surveys-page.h"

G_BEGIN_DECLS

/* The Surveys page's parts, shared by cl-surveys-page.c (the campaigns
 * and the results) and cl-surveys-page-export.c (CSV and print). */
struct _CLSurveysPage
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel        *quarter_label;
  GtkLabel        *summary_label;
  GtkWidget       *this_quarter_button;
  GtkWidget       *new_button;
  GtkWidget       *answer_button;
  GtkWidget       *link_button;
  GtkWidget       *close_button;
  GtkWidget       *export_button;
  GtkWidget       *print_button;
  GtkStack        *list_stack;
  GtkColumnView   *column_view;
  GtkStack        *results_stack;
  GtkLabel        *results_title;
  GtkLabel        *anonymity_note;
  GtkColumnView   *results_view;
  GtkWidget       *chart;

  /* owned */
  CLContext          *context;
  CLStore            *store;
  GListStore         *campaigns;
  GtkSingleSelection *selection;
  GHashTable         *counts;          /* campaign id → answers */
  GListStore         *result_rows;     /* GtkStringObject: a department's key */
  GtkSingleSelection *result_selection;
  CLSurveyResults    *results;         /* of the selected campaign's survey */
  char               *quarter;
  char               *department_key;  /* the results row selected */
};

void cl_surveys_page_update_export      (CLSurveysPage *self);
void cl_surveys_page_export_clicked_cb  (CLSurveysPage *self);
void cl_surveys_page_print_clicked_cb   (CLSurveysPage *self);

G_END_DECLS
