#define G_LOG_DOMAIN "cl-data-dir"

#include "config.h"

#include "cl-data-dir.h"

char *
cl_data_dir_find_hospital (const char *env_var,
                           const char *kind)
{
  const char *env;
  const char * const *dirs;
  g_autofree char *user = NULL;

  g_return_val_if_fail (env_var != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if ((env = g_getenv (env_var)))
    return g_strdup (env);
  user = g_build_filename (g_get_user_config_dir (), "careline", kind, NULL);
  if (g_file_test (user, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&user);
  dirs = g_get_system_config_dirs ();
  for (guint i = 0; dirs[i]; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "careline", kind, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
cl_data_dir_list (const char *dir,
                  const char *suffix)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (suffix != NULL, NULL);

  if (!(handle = g_dir_open (dir, 0, NULL)))
    return g_steal_pointer (&paths);
  while ((name = g_dir_read_name (handle)))
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_names);
  return g_steal_pointer (&paths);
}
