/* cl-risk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-risk"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-risk.h"
#include "cl-validation.h"

/* A value joins at most a main level and a combinable one. */
#define MAX_PARTS 2

struct _ClRiskScale
{
  gatomicrefcount  ref_count;
  GPtrArray       *levels;   /* ClRiskLevel*, ascending rank */
  GHashTable      *by_code;  /* code -> borrowed ClRiskLevel* */
};

static void
risk_level_free (ClRiskLevel *level)
{
  g_free (level->code);
  g_free (level->label);
  g_free (level->short_label);
  g_free (level->color);
  g_free (level);
}

static ClRiskScale *
risk_scale_new (void)
{
  ClRiskScale *self = g_new0 (ClRiskScale, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) risk_level_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

/* A list has room for the colour, which is what the five-colour form
 * is read by; the words in brackets go to the tooltip.  A hospital's
 * own label without brackets is used whole. */
static char *
short_label_of (const char *label)
{
  const char *open = strstr (label, " (");

  if (open == NULL)
    open = strstr (label, "（");
  if (open == NULL)
    open = strchr (label, '(');
  if (open == NULL || open == label)
    return g_strdup (label);
  return g_strstrip (g_strndup (label, open - label));
}

static void
risk_scale_add (ClRiskScale *self,
                const char  *code,
                const char  *label,
                const char  *color,
                gint         rank,
                gboolean     combinable)
{
  ClRiskLevel *level = g_new0 (ClRiskLevel, 1);

  level->code = g_strdup (code);
  level->label = g_strdup (label);
  level->short_label = short_label_of (label);
  level->color = g_strdup (color);
  level->rank = rank;
  level->combinable = combinable;

  g_ptr_array_add (self->levels, level);
  g_hash_table_insert (self->by_code, level->code, level);
}

static gint
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const ClRiskLevel *la = *(const ClRiskLevel * const *) a;
  const ClRiskLevel *lb = *(const ClRiskLevel * const *) b;

  return (la->rank > lb->rank) - (la->rank < lb->rank);
}

ClRiskScale *
cl_risk_scale_get_default (void)
{
  static ClRiskScale *default_scale;

  if (g_once_init_enter (&default_scale))
    {
      ClRiskScale *scale = risk_scale_new ();

      /* The colours are GNOME palette colours close to the ones the
       * national five-colour form prints, so the chips read the same
       * in light and dark styles. */
      risk_scale_add (scale, "green",
                      /* Translators: pregnancy risk level, zh_CN "绿色（低风险）" */
                      _("Green (low risk)"), "#2ec27e", 10, FALSE);
      risk_scale_add (scale, "yellow",
                      /* Translators: pregnancy risk level, zh_CN "黄色（一般风险）" */
                      _("Yellow (general risk)"), "#f6d32d", 20, FALSE);
      risk_scale_add (scale, "orange",
                      /* Translators: pregnancy risk level, zh_CN "橙色（较高风险）" */
                      _("Orange (higher risk)"), "#ff7800", 30, FALSE);
      risk_scale_add (scale, "red",
                      /* Translators: pregnancy risk level, zh_CN "红色（高风险）" */
                      _("Red (high risk)"), "#e01b24", 40, FALSE);
      risk_scale_add (scale, "purple",
                      /* Translators: pregnancy risk level, zh_CN "紫色（传染性疾病）" */
                      _("Purple (infectious disease)"), "#9141ac", 50, TRUE);

      g_once_init_leave (&default_scale, scale);
    }

  return default_scale;
}

static gboolean
is_valid_code (const char *code)
{
  if (code == NULL || *code == '\0')
    return FALSE;

  /* Codes are stored joined by '+', so they may not contain one, and
   * normalisation lower-cases them. */
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

static gboolean
is_valid_color (const char *color)
{
  gsize len;

  if (color == NULL || color[0] != '#')
    return FALSE;

  len = strlen (color + 1);
  if (len != 3 && len != 4 && len != 6 && len != 8)
    return FALSE;

  for (const char *p = color + 1; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

static gboolean
invalid_value (GError     **error,
               const char  *path,
               const char  *group,
               const char  *message)
{
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               /* Translators: "file: [group] problem" in a risk scale file */
               _("%s: [%s] %s"), path, group, message);
  return FALSE;
}

static gboolean
load_level (ClRiskScale  *scale,
            GKeyFile     *key_file,
            const char   *path,
            const char   *group,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *color = NULL;
  gboolean combinable = FALSE;
  gint rank;

  if (!is_valid_code (group))
    return invalid_value (error, path, group,
                          _("the level code may contain only lower-case letters, digits, “-” and “_”"));

  if (g_hash_table_contains (scale->by_code, group))
    return invalid_value (error, path, group, _("the level is defined twice"));

  label = g_key_file_get_locale_string (key_file, group, "label", NULL, NULL);
  if (label == NULL || *g_strstrip (label) == '\0')
    return invalid_value (error, path, group, _("“label” is missing"));

  color = g_key_file_get_string (key_file, group, "color", NULL);
  if (color == NULL || !is_valid_color (g_strstrip (color)))
    return invalid_value (error, path, group,
                          _("“color” must be a hex colour such as #e01b24"));

  rank = g_key_file_get_integer (key_file, group, "rank", &local_error);
  if (local_error != NULL || rank <= 0)
    return invalid_value (error, path, group,
                          _("“rank” must be a whole number above 0"));

  if (g_key_file_has_key (key_file, group, "combinable", NULL))
    {
      combinable = g_key_file_get_boolean (key_file, group, "combinable", &local_error);
      if (local_error != NULL)
        return invalid_value (error, path, group,
                              _("“combinable” must be true or false"));
    }

  risk_scale_add (scale, group, label, color, rank, combinable);
  return TRUE;
}

ClRiskScale *
cl_risk_scale_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(ClRiskScale) scale = NULL;
  g_auto(GStrv) groups = NULL;
  gsize n_groups = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key_file = g_key_file_new ();
  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, error))
    return NULL;

  groups = g_key_file_get_groups (key_file, &n_groups);
  if (n_groups == 0)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("%s: the file defines no risk levels"), path);
      return NULL;
    }

  scale = risk_scale_new ();
  for (gsize i = 0; i < n_groups; i++)
    if (!load_level (scale, key_file, path, groups[i], error))
      return NULL;

  /* Stable, so equal ranks keep the file's order. */
  g_ptr_array_sort (scale->levels, compare_rank);

  return g_steal_pointer (&scale);
}

ClRiskScale *
cl_risk_scale_ref (ClRiskScale *scale)
{
  g_return_val_if_fail (scale != NULL, NULL);

  g_atomic_ref_count_inc (&scale->ref_count);
  return scale;
}

void
cl_risk_scale_unref (ClRiskScale *scale)
{
  g_return_if_fail (scale != NULL);

  if (g_atomic_ref_count_dec (&scale->ref_count))
    {
      g_hash_table_unref (scale->by_code);
      g_ptr_array_unref (scale->levels);
      g_free (scale);
    }
}

guint
cl_risk_scale_get_n_levels (ClRiskScale *scale)
{
  g_return_val_if_fail (scale != NULL, 0);

  return scale->levels->len;
}

const ClRiskLevel *
cl_risk_scale_get_level (ClRiskScale *scale,
                         guint        index)
{
  g_return_val_if_fail (scale != NULL, NULL);
  g_return_val_if_fail (index < scale->levels->len, NULL);

  return g_ptr_array_index (scale->levels, index);
}

const ClRiskLevel *
cl_risk_scale_lookup (ClRiskScale *scale,
                      const char  *code)
{
  g_return_val_if_fail (scale != NULL, NULL);

  if (code == NULL)
    return NULL;

  return g_hash_table_lookup (scale->by_code, code);
}

/* Splits @value at '+' into trimmed, lower-cased parts.  Returns NULL
 * for an empty value.  Blanks and case are forgiven because values
 * may come from older exports typed by hand ("Orange + Purple"). */
static GStrv
split_value (const char *value)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *copy = NULL;

  if (value == NULL)
    return NULL;

  copy = g_ascii_strdown (value, -1);
  if (*g_strstrip (copy) == '\0')
    return NULL;

  parts = g_strsplit (copy, "+", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);

  return g_steal_pointer (&parts);
}

/* Main level first; two combinable levels (possible only with a custom
 * scale) by rank, most severe first, then by code so the result does
 * not depend on the order typed. */
static gint
compare_parts (const ClRiskLevel *a,
               const ClRiskLevel *b)
{
  if (a->combinable != b->combinable)
    return a->combinable ? 1 : -1;
  if (a->rank != b->rank)
    return a->rank > b->rank ? -1 : 1;
  return strcmp (a->code, b->code);
}

gboolean
cl_risk_normalize (ClRiskScale  *scale,
                   const char   *value,
                   char        **normalized,
                   GError      **error)
{
  g_auto(GStrv) parts = NULL;
  const ClRiskLevel *levels[MAX_PARTS] = { NULL, };
  guint n_levels = 0;
  guint n_main = 0;

  g_return_val_if_fail (scale != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parts = split_value (value);
  if (parts == NULL)
    {
      if (normalized != NULL)
        *normalized = g_strdup ("");
      return TRUE;
    }

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const ClRiskLevel *level;

      if (*parts[i] == '\0')
        {
          g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                               _("A risk level is missing next to “+”"));
          return FALSE;
        }

      level = cl_risk_scale_lookup (scale, parts[i]);
      if (level == NULL)
        {
          g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                       _("“%s” is not a known risk level; choose one from the list"),
                       parts[i]);
          return FALSE;
        }

      for (guint j = 0; j < MIN (n_levels, MAX_PARTS); j++)
        if (levels[j] == level)
          {
            g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_COMBINATION,
                         _("%s is selected twice; select each risk level once"),
                         level->label);
            return FALSE;
          }

      if (!level->combinable)
        {
          for (guint j = 0; j < MIN (n_levels, MAX_PARTS); j++)
            if (!levels[j]->combinable)
              {
                g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_COMBINATION,
                             /* Translators: both placeholders are risk level labels */
                             _("%s and %s cannot be combined; keep only the more severe one"),
                             levels[j]->label, level->label);
                return FALSE;
              }
          n_main++;
        }

      if (n_levels < MAX_PARTS)
        levels[n_levels] = level;
      n_levels++;
    }

  if (n_levels > MAX_PARTS)
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_COMBINATION,
                           _("At most two risk levels can be combined"));
      return FALSE;
    }

  g_assert (n_main <= 1);

  if (n_levels == 2 && compare_parts (levels[0], levels[1]) > 0)
    {
      const ClRiskLevel *tmp = levels[0];
      levels[0] = levels[1];
      levels[1] = tmp;
    }

  if (normalized != NULL)
    {
      if (n_levels == 2)
        *normalized = g_strconcat (levels[0]->code, "+", levels[1]->code, NULL);
      else
        *normalized = g_strdup (levels[0]->code);
    }

  return TRUE;
}

gint
cl_risk_rank (ClRiskScale *scale,
              const char  *value)
{
  g_auto(GStrv) parts = NULL;
  gint rank = 0;

  g_return_val_if_fail (scale != NULL, 0);

  parts = split_value (value);
  if (parts == NULL)
    return 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const ClRiskLevel *level = cl_risk_scale_lookup (scale, parts[i]);

      if (level != NULL)
        rank = MAX (rank, level->rank);
    }

  return rank;
}

char *
cl_risk_format (ClRiskScale *scale,
                const char  *value)
{
  g_autofree char *normalized = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (scale != NULL, NULL);

  /* A value that does not validate is still shown, in the order
   * stored, so a bad record is visible rather than blank. */
  if (cl_risk_normalize (scale, value, &normalized, NULL))
    parts = split_value (normalized);
  else
    parts = split_value (value);

  if (parts == NULL)
    return g_strdup (_("Not assessed"));

  out = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const ClRiskLevel *level = cl_risk_scale_lookup (scale, parts[i]);

      if (i > 0)
        g_string_append (out, " + ");
      g_string_append (out, level != NULL ? level->label : parts[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
