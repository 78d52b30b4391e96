#define G_LOG_DOMAIN "cl-scale-catalog"

#include "config.h"

#include "cl-data-dir.h"
#include "cl-scale-catalog.h"

typedef struct
{
  GPtrArray *scales;   /* CLScale, the built-in first */
  GStrv      ids;      /* parallel, NULL-terminated */
} Catalog;

GPtrArray *
cl_scale_catalog_read_dir (const char         *dir,
                           const char * const *taken,
                           GPtrArray          *problems)
{
  g_autoptr(GPtrArray) scales = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (dir != NULL, NULL);

  for (guint i = 0; taken && taken[i]; i++)
    g_hash_table_add (ids, (gpointer) taken[i]);
  paths = cl_data_dir_list (dir, ".ini");
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CLScale) scale = cl_scale_new_from_file (path, &error);

      if (scale == NULL)
        {
          /* The parser's messages already start with FILE:LINE. */
          if (problems)
            g_ptr_array_add (problems, g_str_has_prefix (error->message, path)
                                       ? g_strdup (error->message)
                                       : g_strdup_printf ("%s: %s", path, error->message));
          continue;
        }
      if (g_hash_table_contains (ids, cl_scale_get_id (scale)))
        {
          if (problems)
            g_ptr_array_add (problems, g_strdup_printf ("%s: [Scale] id=%s is already a scale in force; "
                                                        "give the hospital's scale an id of its own",
                                                        path, cl_scale_get_id (scale)));
          continue;
        }
      g_hash_table_add (ids, (gpointer) cl_scale_get_id (scale));
      g_ptr_array_add (scales, g_steal_pointer (&scale));
    }
  return g_steal_pointer (&scales);
}

static Catalog *
catalog_load (void)
{
  const char * const *builtin = cl_scale_get_builtin_ids ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree char *dir = cl_data_dir_find_hospital ("CARELINE_SCALES_DIR", "scales");
  Catalog *catalog = g_new0 (Catalog, 1);

  catalog->scales = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; builtin[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      CLScale *scale = cl_scale_new_builtin (builtin[i], &error);

      if (scale == NULL)
        g_error ("built-in scale %s is malformed: %s", builtin[i], error->message);
      g_ptr_array_add (catalog->scales, scale);
    }
  if (dir)
    {
      g_autoptr(GPtrArray) own = cl_scale_catalog_read_dir (dir, builtin, problems);

      for (guint i = 0; i < own->len; i++)
        g_ptr_array_add (catalog->scales, g_object_ref (g_ptr_array_index (own, i)));
    }
  for (guint i = 0; i < problems->len; i++)
    g_warning ("Scale file not used: %s", (const char *) g_ptr_array_index (problems, i));
  for (guint i = 0; i < catalog->scales->len; i++)
    g_strv_builder_add (ids, cl_scale_get_id (g_ptr_array_index (catalog->scales, i)));
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
cl_scale_catalog_ids (void)
{
  return (const char * const *) catalog_get ()->ids;
}

CLScale *
cl_scale_catalog_lookup (const char *id)
{
  Catalog *catalog;

  if (id == NULL)
    return NULL;
  catalog = catalog_get ();
  for (guint i = 0; i < catalog->scales->len; i++)
    if (g_str_equal (catalog->ids[i], id))
      return g_ptr_array_index (catalog->scales, i);
  return NULL;
}
