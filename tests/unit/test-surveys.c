/* Survey templates as data: the seven shipped files are complete in both
 * languages and are the copies compiled into core; a hospital's
 * directory replaces a shipped template by id and adds its own; a
 * malformed file is skipped with its file, group and key named. */

#define G_LOG_DOMAIN "test-surveys"

#include "config.h"

#include <string.h>

#include "cl-survey-catalog.h"
#include "cl-test-util.h"

static char *hospital_dir;

#define HEAD \
  "[Survey]\nid=t\ntitle=Test\ntitle[zh_CN]=测试\nrespondents=patients\n" \
  "scale=1;2;3;4;5\nscale[zh_CN]=一;二;三;四;五\n"
#define QUESTION \
  "[Question q]\nkind=scale\ntext=How was it?\ntext[zh_CN]=怎么样？\n"

static CLSurveyTemplate *
parse (const char  *text,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return cl_survey_template_new_from_bytes (bytes, "t.ini", error);
}

static void
test_data_files (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "surveys", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) templates = cl_survey_catalog_read_dir (dir_path, problems);
  const char * const *builtin = cl_survey_template_get_builtin_ids ();

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (templates->len, ==, 7);
  g_assert_cmpuint (g_strv_length ((char **) builtin), ==, 7);
  for (guint i = 0; i < templates->len; i++)
    {
      CLSurveyTemplate *template = g_ptr_array_index (templates, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CLSurveyTemplate) shipped = NULL;
      guint n = cl_survey_template_get_n_questions (template);
      guint n_rated = 0;

      g_assert_true (g_strv_contains (builtin, cl_survey_template_get_id (template)));
      g_assert_cmpstr (cl_survey_template_get_title (template, "en"), !=,
                       cl_survey_template_get_title (template, "zh_CN"));
      g_assert_cmpuint (n, >=, 6);
      g_assert_cmpuint (n, <=, 12);
      for (guint q = 0; q < n; q++)
        {
          const CLSurveyQuestion *question = cl_survey_template_get_question (template, q);

          g_assert_nonnull (cl_local_text_get_exact (question->text, "zh_CN"));
          g_assert_cmpstr (cl_local_text_get_exact (question->text, "zh_CN"), !=,
                           cl_local_text_get_exact (question->text, NULL));
          g_assert_true (question->service == NULL ||
                         cl_local_text_get_exact (question->service, "zh_CN") != NULL);
          n_rated += question->kind != CL_SURVEY_QUESTION_TEXT;
        }
      g_assert_cmpuint (n_rated, >=, 5);
      for (guint m = 1; m <= CL_SURVEY_SCALE_MAX; m++)
        g_assert_cmpstr (cl_survey_template_get_scale_label (template, m, "en"), !=,
                         cl_survey_template_get_scale_label (template, m, "zh_CN"));

      /* The copy compiled into core is this file. */
      shipped = cl_survey_template_new_builtin (cl_survey_template_get_id (template), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (cl_survey_template_get_n_questions (shipped), ==, n);
      g_assert_cmpstr (cl_survey_template_get_title (shipped, "zh_CN"), ==,
                       cl_survey_template_get_title (template, "zh_CN"));
    }
}

static void
test_shapes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CLSurveyTemplate) outpatient = cl_survey_template_new_builtin ("outpatient", &error);
  g_autoptr(CLSurveyTemplate) support = cl_survey_template_new_builtin ("inpatient-support", &error);
  g_autoptr(CLSurveyTemplate) leaders = cl_survey_template_new_builtin ("staff-leadership", &error);
  const CLSurveyQuestion *question;

  g_assert_no_error (error);
  g_assert_cmpint (cl_survey_template_get_respondents (outpatient), ==, CL_SURVEY_RESPONDENTS_PATIENTS);
  g_assert_true (cl_survey_template_get_asks_department (outpatient));
  g_assert_false (cl_survey_template_get_may_be_anonymous (outpatient));
  question = cl_survey_template_lookup_question (outpatient, "guide");
  g_assert_cmpint (question->kind, ==, CL_SURVEY_QUESTION_SCALE);
  g_assert_true (question->required);
  g_assert_cmpstr (cl_local_text_get (question->service, "zh_CN"), ==, "导医服务");
  question = cl_survey_template_lookup_question (outpatient, "privacy");
  g_assert_cmpint (question->kind, ==, CL_SURVEY_QUESTION_YES_NO);
  question = cl_survey_template_lookup_question (outpatient, "opinion");
  g_assert_cmpint (question->kind, ==, CL_SURVEY_QUESTION_TEXT);
  g_assert_false (question->required);
  g_assert_cmpstr (cl_survey_template_get_scale_label (outpatient, 1, "zh_CN"), ==, "很不满意");
  g_assert_cmpstr (cl_survey_template_get_scale_label (outpatient, 5, "en"), ==, "Very satisfied");

  /* Questions about one department each. */
  g_assert_false (cl_survey_template_get_asks_department (support));
  g_assert_cmpstr (cl_survey_template_lookup_question (support, "lab")->department, ==, "检验科");

  g_assert_cmpint (cl_survey_template_get_respondents (leaders), ==, CL_SURVEY_RESPONDENTS_STAFF);
  g_assert_true (cl_survey_template_get_may_be_anonymous (leaders));
  g_assert_null (cl_survey_template_lookup_question (leaders, "nonesuch"));
}

static void
test_malformed (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { QUESTION, "t.ini: no [Survey] group" },
    { HEAD, "t.ini: no [Question …] group" },
    { HEAD QUESTION "[Item 1]\n", "t.ini: [Item 1] unknown group" },
    { HEAD "colour=red\n" QUESTION, "t.ini: [Survey] colour: unknown key colour" },
    { "[Survey]\nid=T!\n" QUESTION, "t.ini: [Survey] id: id is required" },
    { "[Survey]\nid=t\ntitle=Test\nrespondents=patients\n" QUESTION,
      "t.ini: [Survey] title: title[zh_CN] (in Chinese) is missing or empty" },
    { "[Survey]\nid=t\ntitle=Test\ntitle[zh_CN]=测试\nrespondents=doctors\n" QUESTION,
      "t.ini: [Survey] respondents: respondents is required: patients, staff or anyone" },
    { "[Survey]\nid=t\ntitle=Test\ntitle[zh_CN]=测试\nrespondents=staff\n" QUESTION,
      "t.ini: [Survey] scale (in English) is missing" },
    { "[Survey]\nid=t\ntitle=Test\ntitle[zh_CN]=测试\nrespondents=staff\nscale=1;2;3\nscale[zh_CN]=一;二;三;四;五\n" QUESTION,
      "t.ini: [Survey] scale: scale needs 5 labels" },
    { HEAD "anonymous=yes\n" QUESTION, "t.ini: [Survey] anonymous: anonymous must be true or false" },
    { HEAD "[Question q]\nkind=stars\ntext=A\ntext[zh_CN]=甲\n", "t.ini: [Question q] kind: kind is required: scale, yes-no or text" },
    { HEAD "[Question q]\nkind=scale\ntext=A\n", "t.ini: [Question q] text: text[zh_CN] (in Chinese) is missing or empty" },
    { HEAD "[Question Q 1]\nkind=scale\ntext=A\ntext[zh_CN]=甲\n", "t.ini: [Question Q 1] a question is [Question ID]" },
    { HEAD "[Question q]\nkind=scale\ntext=A\ntext[zh_CN]=甲\ndepartment=\n", "t.ini: [Question q] department: department is empty" },
    { HEAD "[Question q]\nkind=scale\ntext=A\ntext[zh_CN]=甲\ndepartment=检验科\nservice=Lab\nservice[zh_CN]=检验\n",
      "t.ini: [Question q] department: a question is about a department or a service, not both" },
    { HEAD "[Question q]\nkind=scale\ntext=A\ntext[zh_CN]=甲\nrequired=sometimes\n",
      "t.ini: [Question q] required: required must be true or false" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CLSurveyTemplate) template = parse (cases[i].text, &error);

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_null (template);
      g_assert_nonnull (error);
      cl_test_assert_contains (error->message, cases[i].message);
    }

  /* The smallest good file. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CLSurveyTemplate) template = parse (HEAD QUESTION, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cl_survey_template_get_n_questions (template), ==, 1);
  }
}

/* A hospital's directory: its own wording of the outpatient survey, a
 * survey of its own, a broken file and a second file with a taken id. */
static void
test_catalog (void)
{
  const char * const *ids;
  CLSurveyTemplate *outpatient, *own;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *bad = g_build_filename (hospital_dir, "b-broken.ini", NULL);
  g_autofree char *twin = g_build_filename (hospital_dir, "d-twin.ini", NULL);

  /* Loading the catalogue warns of the two files it skips, naming the
   * file and the group and key at fault. */
  g_test_expect_message ("cl-survey-catalog", G_LOG_LEVEL_WARNING,
                         "Survey file not used: *b-broken.ini: [Question q] kind: kind is required*");
  g_test_expect_message ("cl-survey-catalog", G_LOG_LEVEL_WARNING,
                         "Survey file not used: *d-twin.ini: [Survey] id: t is already the id of an earlier file");
  ids = cl_survey_catalog_ids ();
  g_test_assert_expected_messages ();
  outpatient = cl_survey_catalog_lookup ("outpatient");
  own = cl_survey_catalog_lookup ("t");
  templates = cl_survey_catalog_read_dir (hospital_dir, problems);

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 8);
  g_assert_cmpstr (ids[0], ==, "outpatient");
  g_assert_cmpstr (ids[7], ==, "t");
  g_assert_nonnull (own);
  g_assert_cmpuint (cl_survey_template_get_n_questions (outpatient), ==, 1);
  g_assert_cmpstr (cl_survey_template_get_title (outpatient, "zh_CN"), ==, "本院门诊满意度");
  g_assert_null (cl_survey_catalog_lookup ("nonesuch"));

  g_assert_cmpuint (templates->len, ==, 2);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), bad));
  cl_test_assert_contains (g_ptr_array_index (problems, 0), "[Question q] kind");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 1), twin));
  cl_test_assert_contains (g_ptr_array_index (problems, 1), "t is already the id of an earlier file");

  /* No directory: no template and no problem. */
  g_clear_pointer (&templates, g_ptr_array_unref);
  g_ptr_array_set_size (problems, 0);
  templates = cl_survey_catalog_read_dir ("/nonexistent/careline/surveys", problems);
  g_assert_cmpuint (templates->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
write_file (const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (hospital_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  hospital_dir = cl_test_make_tmp_dir ("test-surveys-dir");
  write_file ("a-outpatient.ini",
              "[Survey]\nid=outpatient\ntitle=Our outpatients\ntitle[zh_CN]=本院门诊满意度\n"
              "respondents=patients\nasks-department=true\n"
              "scale=1;2;3;4;5\nscale[zh_CN]=一;二;三;四;五\n" QUESTION);
  write_file ("b-broken.ini", HEAD "[Question q]\nkind=stars\ntext=A\ntext[zh_CN]=甲\n");
  write_file ("c-own.ini", HEAD QUESTION);
  write_file ("d-twin.ini", HEAD QUESTION);
  write_file ("notes.txt", "not a survey");
  g_setenv ("CARELINE_SURVEYS_DIR", hospital_dir, TRUE);

  g_test_add_func ("/surveys/data-files", test_data_files);
  g_test_add_func ("/surveys/shapes", test_shapes);
  g_test_add_func ("/surveys/malformed", test_malformed);
  g_test_add_func ("/surveys/catalog", test_catalog);
  status = g_test_run ();
  cl_test_remove_tree (hospital_dir);
  return status;
}
