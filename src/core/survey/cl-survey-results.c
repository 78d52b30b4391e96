#define G_LOG_DOMAIN "cl-survey-results"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cl-department.h"
#include "cl-store-directory.h"
#include "cl-store-surveys.h"
#include "cl-survey-answer.h"
#include "cl-survey-catalog.h"
#include "cl-survey-results.h"
#include "cl-util.h"

struct _CLSurveyResults
{
  char             *quarter;
  CLSurveyTemplate *template;
  gboolean          anonymous;
  GPtrArray        *departments;   /* CLSurveyDepartmentResult */
};

/* What is summed for a department before the means are taken. */
typedef struct
{
  GHashTable *answers;   /* answer ids that counted here */
  guint64    *sum;       /* per question: the marks' sum */
  guint      *n;         /* per question: how many answered */
  guint      *good;      /* per question: marks of 4–5, or yes answers */
} Tally;

static void
question_result_free (gpointer data)
{
  g_free (data);
}

static void
department_free (gpointer data)
{
  CLSurveyDepartmentResult *department = data;

  g_free (department->key);
  g_free (department->label);
  g_ptr_array_unref (department->questions);
  g_free (department);
}

void
cl_survey_results_free (CLSurveyResults *self)
{
  if (self == NULL)
    return;
  g_free (self->quarter);
  g_clear_object (&self->template);
  g_ptr_array_unref (self->departments);
  g_free (self);
}

static Tally *
tally_new (guint n_questions)
{
  Tally *tally = g_new0 (Tally, 1);

  tally->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  tally->sum = g_new0 (guint64, n_questions);
  tally->n = g_new0 (guint, n_questions);
  tally->good = g_new0 (guint, n_questions);
  return tally;
}

static void
tally_free (gpointer data)
{
  Tally *tally = data;

  g_hash_table_unref (tally->answers);
  g_free (tally->sum);
  g_free (tally->n);
  g_free (tally->good);
  g_free (tally);
}

/* @num / @den in units of @scale, rounded half up. */
static gint
ratio (guint64 num,
       guint64 den,
       guint   scale)
{
  if (den == 0)
    return CL_SURVEY_NONE;
  return (gint) ((2 * num * scale + den) / (2 * den));
}

static CLSurveyDepartmentResult *
department_result (CLSurveyTemplate *template,
                   const char       *key,
                   const char       *label,
                   Tally            *tally,
                   gboolean          anonymous)
{
  CLSurveyDepartmentResult *department = g_new0 (CLSurveyDepartmentResult, 1);
  guint n_questions = cl_survey_template_get_n_questions (template);
  guint64 marks = 0, n_marks = 0, satisfied = 0, yes = 0, n_yes_no = 0;

  department->key = g_strdup (key);
  department->label = g_strdup (label);
  department->n_answers = g_hash_table_size (tally->answers);
  department->withheld = anonymous && department->n_answers < CL_SURVEY_MIN_ANONYMOUS;
  department->questions = g_ptr_array_new_with_free_func (question_result_free);
  department->mean_tenths = department->satisfied_permille = department->yes_permille = CL_SURVEY_NONE;
  if (department->withheld)
    return department;
  for (guint q = 0; q < n_questions; q++)
    {
      const CLSurveyQuestion *question = cl_survey_template_get_question (template, q);
      CLSurveyQuestionResult *result = g_new0 (CLSurveyQuestionResult, 1);

      result->question = question;
      result->n = tally->n[q];
      result->mean_tenths = result->satisfied_permille = result->yes_permille = CL_SURVEY_NONE;
      if (question->kind == CL_SURVEY_QUESTION_SCALE)
        {
          result->mean_tenths = ratio (tally->sum[q], tally->n[q], 10);
          result->satisfied_permille = ratio (tally->good[q], tally->n[q], 1000);
          marks += tally->sum[q];
          n_marks += tally->n[q];
          satisfied += tally->good[q];
        }
      else if (question->kind == CL_SURVEY_QUESTION_YES_NO)
        {
          result->yes_permille = ratio (tally->good[q], tally->n[q], 1000);
          yes += tally->good[q];
          n_yes_no += tally->n[q];
        }
      g_ptr_array_add (department->questions, result);
    }
  department->mean_tenths = ratio (marks, n_marks, 10);
  department->satisfied_permille = ratio (satisfied, n_marks, 1000);
  department->yes_permille = ratio (yes, n_yes_no, 1000);
  return department;
}

static Tally *
tally_for (GHashTable *tallies,
           const char *key,
           guint       n_questions)
{
  Tally *tally = g_hash_table_lookup (tallies, key);

  if (tally == NULL)
    {
      tally = tally_new (n_questions);
      g_hash_table_insert (tallies, g_strdup (key), tally);
    }
  return tally;
}

static void
count (Tally                  *tally,
       guint                   q,
       const CLSurveyQuestion *question,
       JsonNode               *node,
       const char             *answer_id)
{
  if (question->kind == CL_SURVEY_QUESTION_SCALE)
    {
      gint64 mark = json_node_get_int (node);

      if (mark < 1 || mark > CL_SURVEY_SCALE_MAX)
        return;
      tally->sum[q] += mark;
      tally->good[q] += mark >= 4;
    }
  else if (question->kind == CL_SURVEY_QUESTION_YES_NO)
    tally->good[q] += json_node_get_boolean (node);
  tally->n[q]++;
  g_hash_table_add (tally->answers, g_strdup (answer_id));
}

static gint
compare_departments (gconstpointer a,
                     gconstpointer b)
{
  const CLSurveyDepartmentResult *x = *(CLSurveyDepartmentResult **) a;
  const CLSurveyDepartmentResult *y = *(CLSurveyDepartmentResult **) b;

  if (*x->key == '\0' || *y->key == '\0')
    return (*x->key != '\0') - (*y->key != '\0');
  return g_utf8_collate (x->label, y->label);
}

CLSurveyResults *
cl_survey_results_compute (CLStore    *store,
                           const char *template_id,
                           const char *quarter)
{
  CLSurveyResults *self;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GHashTable) anonymous = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, tally_free);
  GHashTableIter iter;
  gpointer key, value;
  guint n_questions;
  Tally *all;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  self = g_new0 (CLSurveyResults, 1);
  self->quarter = g_strdup (quarter);
  self->departments = g_ptr_array_new_with_free_func (department_free);
  self->template = cl_survey_catalog_lookup (template_id);
  if (self->template == NULL)
    return self;
  g_object_ref (self->template);
  n_questions = cl_survey_template_get_n_questions (self->template);

  departments = cl_store_departments (store, FALSE);
  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (departments, i);

      g_hash_table_insert (by_name, (gpointer) cl_department_get_name (department),
                           (gpointer) cl_record_get_id (CL_RECORD (department)));
      g_hash_table_insert (names, (gpointer) cl_record_get_id (CL_RECORD (department)),
                           (gpointer) cl_department_get_display_name (department));
    }

  all = tally_for (tallies, "", n_questions);
  campaigns = cl_store_survey_campaigns_of_quarter (store, quarter);
  for (guint c = 0; c < campaigns->len; c++)
    {
      CLSurveyCampaign *campaign = g_ptr_array_index (campaigns, c);
      g_autoptr(GPtrArray) answers = NULL;

      if (g_strcmp0 (cl_survey_campaign_get_template_id (campaign), template_id) != 0)
        continue;
      self->anonymous |= cl_survey_campaign_get_anonymous (campaign);
      answers = cl_store_survey_answers_of_campaign (store, cl_record_get_id (CL_RECORD (campaign)));
      for (guint a = 0; a < answers->len; a++)
        {
          CLSurveyAnswer *answer = g_ptr_array_index (answers, a);
          g_autoptr(JsonObject) object = cl_survey_answer_dup_answers (answer);
          const char *answer_id = cl_record_get_id (CL_RECORD (answer));
          const char *answer_department = cl_survey_answer_get_department_id (answer);

          if (object == NULL)
            continue;
          for (guint q = 0; q < n_questions; q++)
            {
              const CLSurveyQuestion *question = cl_survey_template_get_question (self->template, q);
              JsonNode *node = json_object_get_member (object, question->id);
              const char *where = NULL;

              if (node == NULL || JSON_NODE_HOLDS_NULL (node) || question->kind == CL_SURVEY_QUESTION_TEXT)
                continue;
              if (question->department)
                where = g_hash_table_lookup (by_name, question->department)
                        ? g_hash_table_lookup (by_name, question->department) : question->department;
              else if (!cl_str_empty (answer_department))
                where = answer_department;
              count (all, q, question, node, answer_id);
              if (where)
                count (tally_for (tallies, where, n_questions), q, question, node, answer_id);
            }
        }
    }

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *label = *(const char *) key == '\0' ? _("All departments")
                          : g_hash_table_lookup (names, key) ? g_hash_table_lookup (names, key) : key;

      g_ptr_array_add (self->departments, department_result (self->template, key, label, value, self->anonymous));
    }
  g_ptr_array_sort (self->departments, compare_departments);
  return self;
}

const char *
cl_survey_results_get_quarter (CLSurveyResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->quarter;
}

CLSurveyTemplate *
cl_survey_results_get_template (CLSurveyResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->template;
}

gboolean
cl_survey_results_get_anonymous (CLSurveyResults *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->anonymous;
}

guint
cl_survey_results_get_n_departments (CLSurveyResults *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->departments->len;
}

const CLSurveyDepartmentResult *
cl_survey_results_get_department (CLSurveyResults *self,
                                  guint            i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->departments->len, NULL);
  return g_ptr_array_index (self->departments, i);
}

const CLSurveyDepartmentResult *
cl_survey_results_lookup (CLSurveyResults *self,
                          const char      *key)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; key && i < self->departments->len; i++)
    {
      const CLSurveyDepartmentResult *department = g_ptr_array_index (self->departments, i);

      if (g_str_equal (department->key, key))
        return department;
    }
  return NULL;
}

void
cl_survey_results_trend (CLStore     *store,
                         const char  *template_id,
                         const char  *quarter,
                         const char  *key,
                         gint         means[4],
                         GStrv       *quarters)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (CL_IS_STORE (store));

  for (gint i = 0; i < 4; i++)
    {
      g_autofree char *when = cl_survey_quarter_add (quarter, i - 3);
      g_autoptr(CLSurveyResults) results = NULL;
      const CLSurveyDepartmentResult *department;

      means[i] = CL_SURVEY_NONE;
      g_strv_builder_add (builder, when ? when : "");
      if (when == NULL)
        continue;
      results = cl_survey_results_compute (store, template_id, when);
      department = cl_survey_results_lookup (results, key ? key : "");
      if (department && !department->withheld)
        means[i] = department->mean_tenths;
    }
  if (quarters)
    *quarters = g_strv_builder_end (builder);
}

char *
cl_survey_format_tenths (gint tenths)
{
  if (tenths < 0)
    return g_strdup ("—");
  return g_strdup_printf ("%d.%d", tenths / 10, tenths % 10);
}

char *
cl_survey_format_permille (gint permille)
{
  if (permille < 0)
    return g_strdup ("—");
  return g_strdup_printf ("%d.%d%%", permille / 10, permille % 10);
}

CLSurveyReport *
cl_survey_report_new (CLStore    *store,
                      const char *template_id,
                      const char *quarter,
                      const char *key,
                      gint64      made_at)
{
  CLSurveyReport *report = g_new0 (CLSurveyReport, 1);

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  report->results = cl_survey_results_compute (store, template_id, quarter);
  report->key = g_strdup (key ? key : "");
  report->made_at = made_at;
  cl_survey_results_trend (store, template_id, quarter, report->key, report->means, &report->quarters);
  return report;
}

void
cl_survey_report_free (CLSurveyReport *report)
{
  if (report == NULL)
    return;
  cl_survey_results_free (report->results);
  g_free (report->key);
  g_strfreev (report->quarters);
  g_free (report);
}

const CLSurveyDepartmentResult *
cl_survey_report_get_department (CLSurveyReport *report)
{
  static CLSurveyDepartmentResult empty;
  const CLSurveyDepartmentResult *department;

  g_return_val_if_fail (report != NULL, NULL);

  department = cl_survey_results_lookup (report->results, report->key);
  if (department)
    return department;
  if (empty.questions == NULL)
    {
      empty.key = empty.label = (char *) "";
      empty.mean_tenths = empty.satisfied_permille = empty.yes_permille = CL_SURVEY_NONE;
      empty.questions = g_ptr_array_new ();
    }
  return &empty;
}

static void
csv_field (GString    *out,
           const char *text)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_line (GString            *out,
          const char * const *fields,
          guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      csv_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

char *
cl_survey_results_to_csv (CLSurveyResults *self)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  const char *header[] = {
    _("Quarter"), _("Survey"), _("Department"), _("Question"), _("Answers"),
    _("Mean mark (1–5)"), _("Satisfied (4–5)"), _("Yes"),
  };
  const char *survey;

  g_return_val_if_fail (self != NULL, NULL);

  csv_line (out, header, G_N_ELEMENTS (header));
  if (self->template == NULL)
    return g_string_free (out, FALSE);
  survey = cl_survey_template_get_title (self->template, NULL);
  for (guint d = 0; d < self->departments->len; d++)
    {
      const CLSurveyDepartmentResult *department = g_ptr_array_index (self->departments, d);
      g_autofree char *count = g_strdup_printf ("%u", department->n_answers);
      g_autofree char *mean = NULL, *satisfied = NULL, *yes = NULL;
      const char *fields[8] = { self->quarter, survey, department->label, _("All questions"), count };

      if (department->withheld)
        {
          /* TRANSLATORS: in the CSV, where an anonymous department's figures would be */
          fields[5] = _("Fewer than 5 answers: not shown");
          fields[6] = fields[7] = "";
          csv_line (out, fields, 8);
          continue;
        }
      mean = department->mean_tenths < 0 ? g_strdup ("") : cl_survey_format_tenths (department->mean_tenths);
      satisfied = department->satisfied_permille < 0 ? g_strdup ("")
                  : cl_survey_format_permille (department->satisfied_permille);
      yes = department->yes_permille < 0 ? g_strdup ("") : cl_survey_format_permille (department->yes_permille);
      fields[5] = mean;
      fields[6] = satisfied;
      fields[7] = yes;
      csv_line (out, fields, 8);
      for (guint q = 0; q < department->questions->len; q++)
        {
          const CLSurveyQuestionResult *result = g_ptr_array_index (department->questions, q);
          g_autofree char *n = NULL, *qmean = NULL, *qsatisfied = NULL, *qyes = NULL;

          if (result->question->kind == CL_SURVEY_QUESTION_TEXT)
            continue;
          n = g_strdup_printf ("%u", result->n);
          qmean = result->mean_tenths < 0 ? g_strdup ("") : cl_survey_format_tenths (result->mean_tenths);
          qsatisfied = result->satisfied_permille < 0 ? g_strdup ("")
                       : cl_survey_format_permille (result->satisfied_permille);
          qyes = result->yes_permille < 0 ? g_strdup ("") : cl_survey_format_permille (result->yes_permille);
          fields[3] = cl_local_text_get (result->question->text, NULL);
          fields[4] = n;
          fields[5] = qmean;
          fields[6] = qsatisfied;
          fields[7] = qyes;
          csv_line (out, fields, 8);
        }
    }
  return g_string_free (out, FALSE);
}
