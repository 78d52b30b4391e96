#pragma once

#include "cl-store.h"
#include "cl-survey-template.h"

G_BEGIN_DECLS

/* A quarter's results of one survey, per department, as the quality
 * office reads them at its quarterly meeting: how many answered, the
 * mean mark of each 1–5 question and of them all (in tenths of a mark,
 * 43 = 4.3), the share of satisfied marks (4 or 5) and of yes answers
 * (per mille, 875 = 87.5 %).  Never a double: what is stored, printed
 * and exported is these integers.
 *
 * An answer counts for the department a question is about (its
 * department=, matched by name against the directory), else the
 * department the answer names, else the whole hospital.  In an
 * anonymous campaign a department with fewer than
 * CL_SURVEY_MIN_ANONYMOUS answers shows no result (it is withheld), so
 * no one's answers can be told apart. */

#define CL_SURVEY_MIN_ANONYMOUS 5
/* A mean, rate or count that has nothing to show. */
#define CL_SURVEY_NONE (-1)

typedef struct
{
  const CLSurveyQuestion *question;      /* the template's */
  guint                   n;             /* answers to it */
  gint                    mean_tenths;   /* scale: mean mark × 10, or CL_SURVEY_NONE */
  gint                    satisfied_permille; /* scale: marks of 4–5 per mille, or CL_SURVEY_NONE */
  gint                    yes_permille;  /* yes/no: yes per mille, or CL_SURVEY_NONE */
} CLSurveyQuestionResult;

typedef struct
{
  char      *key;                 /* a department's id or name; "" for all */
  char      *label;               /* its name; "All departments" for "" */
  guint      n_answers;
  gboolean   withheld;            /* anonymous, fewer than 5 answers: nothing below is shown */
  gint       mean_tenths;         /* over every 1–5 mark, or CL_SURVEY_NONE */
  gint       satisfied_permille;  /* over every 1–5 mark, or CL_SURVEY_NONE */
  gint       yes_permille;        /* over every yes/no, or CL_SURVEY_NONE */
  GPtrArray *questions;           /* CLSurveyQuestionResult, in the template's order */
} CLSurveyDepartmentResult;

typedef struct _CLSurveyResults CLSurveyResults;

/* The results of @template_id's campaigns of @quarter. */
CLSurveyResults                *cl_survey_results_compute  (CLStore         *store,
                                                            const char      *template_id,
                                                            const char      *quarter);
void                            cl_survey_results_free     (CLSurveyResults *self);

const char                     *cl_survey_results_get_quarter   (CLSurveyResults *self);
CLSurveyTemplate               *cl_survey_results_get_template  (CLSurveyResults *self);
/* Whether any of the quarter's campaigns is anonymous. */
gboolean                        cl_survey_results_get_anonymous (CLSurveyResults *self);
/* The departments: all of them first (key ""), then by name. */
guint                           cl_survey_results_get_n_departments (CLSurveyResults *self);
const CLSurveyDepartmentResult *cl_survey_results_get_department    (CLSurveyResults *self,
                                                                     guint            i);
const CLSurveyDepartmentResult *cl_survey_results_lookup            (CLSurveyResults *self,
                                                                     const char      *key);

/* The trend: the mean mark (tenths, or CL_SURVEY_NONE when withheld or
 * none) of department @key ("" for all) in the four quarters ending
 * with @quarter, the oldest first, in @means[4]; their quarters in
 * @quarters (may be NULL; free with g_strfreev). */
void                            cl_survey_results_trend    (CLStore         *store,
                                                            const char      *template_id,
                                                            const char      *quarter,
                                                            const char      *key,
                                                            gint             means[4],
                                                            GStrv           *quarters);

/* What one department's printed report (or the CSV) says: the
 * quarter's results of a survey, the department (@key, "" for all) and
 * its trend, made at @made_at (Unix seconds). */
typedef struct
{
  CLSurveyResults *results;
  char            *key;
  gint             means[4];
  GStrv            quarters;
  gint64           made_at;
} CLSurveyReport;

CLSurveyReport                 *cl_survey_report_new       (CLStore         *store,
                                                            const char      *template_id,
                                                            const char      *quarter,
                                                            const char      *key,
                                                            gint64           made_at);
void                            cl_survey_report_free      (CLSurveyReport  *report);
/* The report's department (never NULL: an empty one when @key has no
 * answers). */
const CLSurveyDepartmentResult *cl_survey_report_get_department (CLSurveyReport *report);

/* The results as CSV (UTF-8 with a byte-order mark, so that a
 * spreadsheet opens the Chinese text): a line per department and
 * question with its answers, mean, satisfied and yes shares, a withheld
 * department's figures left empty. */
char                           *cl_survey_results_to_csv   (CLSurveyResults *self);

/* "4.3" for 43, "—" for CL_SURVEY_NONE; "87.5%" for 875. */
char                           *cl_survey_format_tenths    (gint             tenths);
char                           *cl_survey_format_permille  (gint             permille);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLSurveyResults, cl_survey_results_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLSurveyReport, cl_survey_report_free)

G_END_DECLS
