#define G_LOG_DOMAIN "cl-survey-catalog"

#include "config.h"

#include "cl-data-dir.h"
#include "cl-survey-catalog.h"

typedef struct
{
  GPtrArray *templates;   /* CLSurveyTemplate, the shipped first */
  GStrv      ids;         /* parallel, NULL-terminated */
} Catalog;

GPtrArray *
cl_survey_catalog_read_dir (const char *dir,
                            GPtrArray  *problems)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) paths = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  paths = cl_data_dir_list (dir, ".ini");
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CLSurveyTemplate) template = cl_survey_template_new_from_file (path, &error);

      if (template == NULL)
        {
          if (problems)
            g_ptr_array_add (problems, g_str_has_prefix (error->message, path)
                                       ? g_strdup (error->message)
                                       : g_strdup_printf ("%s: %s", path, error->message));
          continue;
        }
      if (g_hash_table_contains (ids, cl_survey_template_get_id (template)))
        {
          if (problems)
            g_ptr_array_add (problems, g_strdup_printf ("%s: [Survey] id: %s is already the id of an earlier file",
                                                        path, cl_survey_template_get_id (template)));
          continue;
        }
      g_hash_table_add (ids, (gpointer) cl_survey_template_get_id (template));
      g_ptr_array_add (templates, g_steal_pointer (&template));
    }
  return g_steal_pointer (&templates);
}

static Catalog *
catalog_load (void)
{
  const char * const *builtin = cl_survey_template_get_builtin_ids ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree char *dir = cl_data_dir_find_hospital ("CARELINE_SURVEYS_DIR", "surveys");
  Catalog *catalog = g_new0 (Catalog, 1);

  catalog->templates = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; builtin[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      CLSurveyTemplate *template = cl_survey_template_new_builtin (builtin[i], &error);

      if (template == NULL)
        g_error ("built-in survey %s is malformed: %s", builtin[i], error->message);
      g_ptr_array_add (catalog->templates, template);
    }
  if (dir)
    {
      g_autoptr(GPtrArray) own = cl_survey_catalog_read_dir (dir, problems);

      for (guint i = 0; i < own->len; i++)
        {
          CLSurveyTemplate *template = g_ptr_array_index (own, i);
          gboolean replaced = FALSE;

          for (guint k = 0; k < catalog->templates->len && !replaced; k++)
            if (g_str_equal (cl_survey_template_get_id (g_ptr_array_index (catalog->templates, k)),
                             cl_survey_template_get_id (template)))
              {
                g_object_unref (g_ptr_array_index (catalog->templates, k));
                g_ptr_array_index (catalog->templates, k) = g_object_ref (template);
                replaced = TRUE;
              }
          if (!replaced)
            g_ptr_array_add (catalog->templates, g_object_ref (template));
        }
    }
  for (guint i = 0; i < problems->len; i++)
    g_warning ("Survey file not used: %s", (const char *) g_ptr_array_index (problems, i));
  for (guint i = 0; i < catalog->templates->len; i++)
    g_strv_builder_add (ids, cl_survey_template_get_id (g_ptr_array_index (catalog->templates, i)));
  catalog->ids = g_strv_builder_end (ids);
  return catalog;
}

static Catalog *
catalog_get (void)
{
  static Catalog *catalog;

  if (g_once_init_enter (&catalog))
    g_once_init_leave (&catalog, catalog_load ());
  return catalog;
}

const char * const *
cl_survey_catalog_ids (void)
{
  return (const char * const *) catalog_get ()->ids;
}

CLSurveyTemplate *
cl_survey_catalog_lookup (const char *id)
{
  Catalog *catalog;

  if (id == NULL)
    return NULL;
  catalog = catalog_get ();
  for (guint i = 0; i < catalog->templates->len; i++)
    if (g_str_equal (catalog->ids[i], id))
      return g_ptr_array_index (catalog->templates, i);
  return NULL;
}
