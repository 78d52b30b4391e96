#define G_LOG_DOMAIN "cl-scale"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cl-core-resources.h"
#include "cl-scale.h"

#define RESOURCE_DIR "/org/careline/Careline/core/scales/"
#define MAX_OPTIONS 20
#define MAX_ITEMS 200
#define MAX_SCORE 1000

struct _CLScale
{
  GObject      parent_instance;

  char        *id;
  CLLocalText *title;
  CLLocalText *short_title;   /* "EPDS"; may be NULL */
  CLLocalText *instructions;
  guint        min_total;
  guint        max_total;
  GPtrArray   *items;   /* CLScaleItem, by number */
  GPtrArray   *bands;   /* CLScaleBand, by range */
  GPtrArray   *flags;   /* CLScaleFlagRule */
};

G_DEFINE_FINAL_TYPE (CLScale, cl_scale, G_TYPE_OBJECT)

static const char * const builtin_ids[] = { "epds", "phq9", "gad7", NULL };

static const char * const severities[] = {
  [CL_SCALE_SEVERITY_NONE] = "none",
  [CL_SCALE_SEVERITY_MILD] = "mild",
  [CL_SCALE_SEVERITY_MODERATE] = "moderate",
  [CL_SCALE_SEVERITY_MODERATELY_SEVERE] = "moderately-severe",
  [CL_SCALE_SEVERITY_SEVERE] = "severe",
};

static void
item_free (gpointer data)
{
  CLScaleItem *item = data;

  cl_local_text_free (item->text);
  for (guint i = 0; i < item->n_options; i++)
    cl_local_text_free (item->options[i].text);
  g_free (item->options);
  g_free (item);
}

static void
band_free (gpointer data)
{
  CLScaleBand *band = data;

  g_free (band->id);
  cl_local_text_free (band->label);
  g_free (band);
}

static void
flag_free (gpointer data)
{
  CLScaleFlagRule *flag = data;

  g_free (flag->id);
  cl_local_text_free (flag->label);
  g_free (flag);
}

static void
cl_scale_finalize (GObject *object)
{
  CLScale *self = CL_SCALE (object);

  g_free (self->id);
  cl_local_text_free (self->title);
  cl_local_text_free (self->short_title);
  cl_local_text_free (self->instructions);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->bands);
  g_ptr_array_unref (self->flags);
  G_OBJECT_CLASS (cl_scale_parent_class)->finalize (object);
}

static void
cl_scale_class_init (CLScaleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_scale_finalize;
}

static void
cl_scale_init (CLScale *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->bands = g_ptr_array_new_with_free_func (band_free);
  self->flags = g_ptr_array_new_with_free_func (flag_free);
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* "0;1;2;3" → its numbers; NULL (error set) for anything else. */
static GArray *
read_scores (const CLIni       *ini,
             const CLIniGroup  *group,
             const CLIniEntry  *entry,
             GError           **error)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) parts = g_strsplit (entry->value, ";", -1);

  for (guint i = 0; parts[i]; i++)
    {
      guint64 value;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0' && parts[i + 1] == NULL && i > 0)
        break;   /* a trailing ";", as GKeyFile lists allow */
      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, MAX_SCORE, &value, NULL))
        {
          cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "scores must be whole numbers separated by “;”, not “%s”", entry->value);
          return NULL;
        }
      g_array_append_val (scores, value);
    }
  return g_steal_pointer (&scores);
}

/* option1, option2, … without a gap, each in English and Chinese. */
static GPtrArray *
read_options (const CLIni       *ini,
              const CLIniGroup  *group,
              GError           **error)
{
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_local_text_free);
  guint listed = 0;

  for (guint i = 0; i < group->entries->len; i++)
    {
      const CLIniEntry *entry = g_ptr_array_index (group->entries, i);

      if (entry->locale == NULL && g_str_has_prefix (entry->key, "option") &&
          g_ascii_isdigit (entry->key[strlen ("option")]))
        listed++;
    }
  for (guint n = 1; n <= listed; n++)
    {
      g_autofree char *key = g_strdup_printf ("option%u", n);
      CLLocalText *text;

      if (cl_ini_group_lookup (group, key, NULL) == NULL)
        {
          cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                            "options must be numbered option1, option2, … without a gap: no %s", key);
          return NULL;
        }
      if (!(text = cl_ini_group_get_text (ini, group, key, TRUE, error)))
        return NULL;
      g_ptr_array_add (options, text);
    }
  return g_steal_pointer (&options);
}

static char **
option_keys (void)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **keys;

  for (guint n = 1; n <= MAX_OPTIONS; n++)
    {
      g_autofree char *key = g_strdup_printf ("option%u", n);
      g_strv_builder_add (builder, key);
    }
  keys = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return keys;
}

static gboolean
load_item (CLScale           *self,
           const CLIni       *ini,
           const CLIniGroup  *group,
           guint              number,
           GArray            *default_scores,
           GError           **error)
{
  static const char * const keys[] = { "reverse", "scores", "options", NULL };
  g_auto(GStrv) localized = option_keys ();
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GArray) own_scores = NULL;
  const CLIniEntry *scores_entry = cl_ini_group_lookup (group, "scores", NULL);
  const CLIniEntry *options_entry = cl_ini_group_lookup (group, "options", NULL);
  GArray *scores;
  CLScaleItem *item;
  gboolean reverse;

  {
    GStrvBuilder *builder = g_strv_builder_new ();

    g_strv_builder_addv (builder, (const char **) localized);
    g_strv_builder_add (builder, "text");
    g_strfreev (localized);
    localized = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
  }
  if (!cl_ini_group_check_keys (ini, group, keys, (const char * const *) localized, error) ||
      !cl_ini_group_get_bool (ini, group, "reverse", FALSE, &reverse, error))
    return FALSE;

  if (options_entry != NULL)
    {
      g_autofree char *name = g_strdup_printf ("Options %s", options_entry->value);
      const CLIniGroup *shared = NULL;

      for (guint i = 0; i < ini->groups->len && !shared; i++)
        if (g_str_equal (((CLIniGroup *) g_ptr_array_index (ini->groups, i))->name, name))
          shared = g_ptr_array_index (ini->groups, i);
      if (shared == NULL)
        {
          cl_ini_set_error (error, ini, group, options_entry, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                            "options=%s but there is no [%s]", options_entry->value, name);
          return FALSE;
        }
      if (!(options = read_options (ini, shared, error)))
        return FALSE;
      if (options->len > 0 && cl_ini_group_lookup (group, "option1", NULL))
        {
          cl_ini_set_error (error, ini, group, options_entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "give either options=NAME or option1, option2, …, not both");
          return FALSE;
        }
    }
  else if (!(options = read_options (ini, group, error)))
    return FALSE;

  if (options->len < 2)
    {
      cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                        "an item needs at least two options (option1, option2, … or options=NAME)");
      return FALSE;
    }
  if (scores_entry && !(own_scores = read_scores (ini, group, scores_entry, error)))
    return FALSE;
  scores = own_scores ? own_scores : default_scores;
  if (scores == NULL)
    {
      cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                        "no scores: give scores= here or in [Scale]");
      return FALSE;
    }
  if (scores->len != options->len)
    {
      cl_ini_set_error (error, ini, group, scores_entry,
                        G_KEY_FILE_ERROR_INVALID_VALUE,
                        "%u options but %u scores", options->len, scores->len);
      return FALSE;
    }

  item = g_new0 (CLScaleItem, 1);
  g_ptr_array_add (self->items, item);
  item->number = number;
  item->reverse = reverse;
  item->text = cl_ini_group_get_text (ini, group, "text", TRUE, error);
  if (item->text == NULL)
    return FALSE;
  item->n_options = options->len;
  item->options = g_new0 (CLScaleOption, options->len);
  for (guint i = 0; i < options->len; i++)
    {
      /* A reverse-scored item scores its options from the last one up,
       * as the published key prints them. */
      guint k = reverse ? options->len - 1 - i : i;

      item->options[i].text = g_steal_pointer (&g_ptr_array_index (options, i));
      item->options[i].score = g_array_index (scores, guint, k);
      item->max_score = MAX (item->max_score, item->options[i].score);
    }
  return TRUE;
}

static gint
compare_items (gconstpointer a,
               gconstpointer b)
{
  const CLScaleItem *x = *(CLScaleItem **) a, *y = *(CLScaleItem **) b;

  return (x->number > y->number) - (x->number < y->number);
}

static gint
compare_bands (gconstpointer a,
               gconstpointer b)
{
  const CLScaleBand *x = *(CLScaleBand **) a, *y = *(CLScaleBand **) b;

  return (x->min > y->min) - (x->min < y->min);
}

static gboolean
load_band (CLScale           *self,
           const CLIni       *ini,
           const CLIniGroup  *group,
           GError           **error)
{
  static const char * const keys[] = { "range", "severity", "positive", NULL };
  static const char * const localized[] = { "label", NULL };
  const CLIniEntry *severity = cl_ini_group_lookup (group, "severity", NULL);
  CLScaleBand *band = g_new0 (CLScaleBand, 1);

  g_ptr_array_add (self->bands, band);
  band->id = g_strdup (group->name + strlen ("Band "));
  if (!cl_ini_group_check_keys (ini, group, keys, localized, error) ||
      !cl_ini_group_get_range (ini, group, "range", MAX_SCORE * MAX_ITEMS, &band->min, &band->max, error) ||
      !cl_ini_group_get_bool (ini, group, "positive", FALSE, &band->positive, error) ||
      !(band->label = cl_ini_group_get_text (ini, group, "label", TRUE, error)))
    return FALSE;
  if (severity == NULL)
    {
      cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                        "severity is required (none, mild, moderate, moderately-severe or severe)");
      return FALSE;
    }
  for (band->severity = 0; band->severity < G_N_ELEMENTS (severities); band->severity++)
    if (g_str_equal (severity->value, severities[band->severity]))
      return TRUE;
  cl_ini_set_error (error, ini, group, severity, G_KEY_FILE_ERROR_INVALID_VALUE,
                    "severity must be none, mild, moderate, moderately-severe or severe, not “%s”",
                    severity->value);
  return FALSE;
}

static gboolean
load_flag (CLScale           *self,
           const CLIni       *ini,
           const CLIniGroup  *group,
           GError           **error)
{
  static const char * const keys[] = { "item", "min-score", NULL };
  static const char * const localized[] = { "label", NULL };
  const CLScaleItem *item;
  CLScaleFlagRule *flag = g_new0 (CLScaleFlagRule, 1);

  g_ptr_array_add (self->flags, flag);
  flag->id = g_strdup (group->name + strlen ("Flag "));
  if (!cl_ini_group_check_keys (ini, group, keys, localized, error) ||
      !cl_ini_group_get_uint (ini, group, "item", TRUE, 0, MAX_ITEMS, &flag->item, error) ||
      !cl_ini_group_get_uint (ini, group, "min-score", FALSE, 1, MAX_SCORE, &flag->min_score, error) ||
      !(flag->label = cl_ini_group_get_text (ini, group, "label", TRUE, error)))
    return FALSE;
  if (flag->item < 1 || flag->item > self->items->len)
    {
      cl_ini_set_error (error, ini, group, cl_ini_group_lookup (group, "item", NULL),
                        G_KEY_FILE_ERROR_INVALID_VALUE,
                        "item=%u but the scale has items 1 to %u", flag->item, self->items->len);
      return FALSE;
    }
  item = g_ptr_array_index (self->items, flag->item - 1);
  if (flag->min_score < 1 || flag->min_score > item->max_score)
    {
      cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "min-score must be from 1 to item %u's highest score, %u",
                        flag->item, item->max_score);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_bands (CLScale      *self,
             const CLIni  *ini,
             GError      **error)
{
  guint next = self->min_total;

  g_ptr_array_sort (self->bands, compare_bands);
  for (guint i = 0; i < self->bands->len; i++)
    {
      const CLScaleBand *band = g_ptr_array_index (self->bands, i);
      g_autofree char *name = g_strdup_printf ("Band %s", band->id);
      const CLIniGroup *group = NULL;

      for (guint g = 0; g < ini->groups->len && !group; g++)
        if (g_str_equal (((CLIniGroup *) g_ptr_array_index (ini->groups, g))->name, name))
          group = g_ptr_array_index (ini->groups, g);
      if (band->min != next)
        {
          if (band->min > next)
            cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                              "the bands leave a gap: no band holds %u (this one starts at %u)",
                              next, band->min);
          else
            cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                              "the bands overlap: %u is already in another band (the one before ends at %u)",
                              band->min, next - 1);
          return FALSE;
        }
      if (band->max > self->max_total)
        {
          cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "the band ends at %u but the highest total is %u",
                            band->max, self->max_total);
          return FALSE;
        }
      next = band->max + 1;
    }
  if (self->bands->len == 0 || next != self->max_total + 1)
    {
      cl_ini_set_error (error, ini, NULL, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "the [Band …] groups must cover every total from %u to %u; nothing holds %u",
                        self->min_total, self->max_total, next);
      return FALSE;
    }
  return TRUE;
}

static CLScale *
load (const CLIni  *ini,
      GError      **error)
{
  static const char * const keys[] = { "id", "scores", "range", "source", NULL };
  static const char * const localized[] = { "title", "short-title", "instructions", NULL };
  g_autoptr(CLScale) self = g_object_new (CL_TYPE_SCALE, NULL);
  g_autoptr(GArray) default_scores = NULL;
  const CLIniGroup *head = NULL;
  const CLIniEntry *entry;
  guint range_min, range_max;

  for (guint i = 0; i < ini->groups->len; i++)
    {
      const CLIniGroup *group = g_ptr_array_index (ini->groups, i);

      if (g_str_equal (group->name, "Scale"))
        head = group;
      else if (!g_str_has_prefix (group->name, "Item ") && !g_str_has_prefix (group->name, "Options ") &&
               !g_str_has_prefix (group->name, "Band ") && !g_str_has_prefix (group->name, "Flag "))
        {
          cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "unknown group: a scale has [Scale], [Item N], [Options NAME], [Band NAME] and [Flag NAME]");
          return NULL;
        }
    }
  if (head == NULL)
    {
      cl_ini_set_error (error, ini, NULL, NULL, G_KEY_FILE_ERROR_GROUP_NOT_FOUND, "no [Scale] group");
      return NULL;
    }
  if (!cl_ini_group_check_keys (ini, head, keys, localized, error))
    return NULL;
  entry = cl_ini_group_lookup (head, "id", NULL);
  if (entry == NULL || !valid_id (entry->value))
    {
      cl_ini_set_error (error, ini, head, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "id is required: lower-case letters, digits and -");
      return NULL;
    }
  self->id = g_strdup (entry->value);
  if (!(self->title = cl_ini_group_get_text (ini, head, "title", TRUE, error)))
    return NULL;
  {
    GError *local_error = NULL;

    self->instructions = cl_ini_group_get_text (ini, head, "instructions", FALSE, &local_error);
    if (local_error == NULL)
      self->short_title = cl_ini_group_get_text (ini, head, "short-title", FALSE, &local_error);
    if (local_error)
      {
        g_propagate_error (error, local_error);
        return NULL;
      }
  }
  if ((entry = cl_ini_group_lookup (head, "scores", NULL)) &&
      !(default_scores = read_scores (ini, head, entry, error)))
    return NULL;
  if (!cl_ini_group_get_range (ini, head, "range", MAX_SCORE * MAX_ITEMS, &range_min, &range_max, error))
    return NULL;

  for (guint i = 0; i < ini->groups->len; i++)
    {
      const CLIniGroup *group = g_ptr_array_index (ini->groups, i);
      guint64 number;

      if (!g_str_has_prefix (group->name, "Item "))
        continue;
      if (!g_ascii_string_to_unsigned (group->name + strlen ("Item "), 10, 1, MAX_ITEMS, &number, NULL))
        {
          cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "items are [Item 1], [Item 2], …");
          return NULL;
        }
      if (!load_item (self, ini, group, (guint) number, default_scores, error))
        return NULL;
    }
  g_ptr_array_sort (self->items, compare_items);
  for (guint i = 0; i < self->items->len; i++)
    {
      const CLScaleItem *item = g_ptr_array_index (self->items, i);
      guint lowest;

      if (item->number != i + 1)
        {
          cl_ini_set_error (error, ini, NULL, NULL, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                            "items must be numbered 1, 2, 3 … without a gap or a repeat: no [Item %u]", i + 1);
          return NULL;
        }
      lowest = item->options[0].score;
      for (guint o = 1; o < item->n_options; o++)
        lowest = MIN (lowest, item->options[o].score);
      self->min_total += lowest;
      self->max_total += item->max_score;
    }
  if (self->items->len == 0)
    {
      cl_ini_set_error (error, ini, NULL, NULL, G_KEY_FILE_ERROR_GROUP_NOT_FOUND, "no [Item 1] group");
      return NULL;
    }
  if (range_min != self->min_total || range_max != self->max_total)
    {
      cl_ini_set_error (error, ini, head, cl_ini_group_lookup (head, "range", NULL),
                        G_KEY_FILE_ERROR_INVALID_VALUE,
                        "range=%u-%u but the items' scores add up to %u-%u",
                        range_min, range_max, self->min_total, self->max_total);
      return NULL;
    }

  for (guint i = 0; i < ini->groups->len; i++)
    {
      const CLIniGroup *group = g_ptr_array_index (ini->groups, i);

      if ((g_str_has_prefix (group->name, "Band ") && !load_band (self, ini, group, error)) ||
          (g_str_has_prefix (group->name, "Flag ") && !load_flag (self, ini, group, error)))
        return NULL;
      if (g_str_has_prefix (group->name, "Options "))
        {
          static const char * const none[] = { NULL };
          g_auto(GStrv) localized = option_keys ();

          if (!cl_ini_group_check_keys (ini, group, none, (const char * const *) localized, error))
            return NULL;
        }
    }
  if (!check_bands (self, ini, error))
    return NULL;

  return g_steal_pointer (&self);
}

CLScale *
cl_scale_new_from_bytes (GBytes      *bytes,
                         const char  *source,
                         GError     **error)
{
  g_autoptr(CLIni) ini = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!(ini = cl_ini_parse (data ? data : "", size, source, error)))
    return NULL;
  return load (ini, error);
}

CLScale *
cl_scale_new_from_file (const char  *path,
                        GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return cl_scale_new_from_bytes (bytes, path, error);
}

CLScale *
cl_scale_new_builtin (const char  *id,
                      GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, id, ".ini", NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  /* Through the resource itself: the static library's constructor that
   * would register it globally is not linked in unless referenced. */
  bytes = g_resource_lookup_data (cl_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return cl_scale_new_from_bytes (bytes, path, error);
}

const char * const *
cl_scale_get_builtin_ids (void)
{
  return builtin_ids;
}

const char *
cl_scale_get_id (CLScale *self)
{
  g_return_val_if_fail (CL_IS_SCALE (self), NULL);
  return self->id;
}

const char *
cl_scale_get_title (CLScale    *self,
                    const char *lang)
{
  g_return_val_if_fail (CL_IS_SCALE (self), NULL);
  return cl_local_text_get (self->title, lang);
}

const char *
cl_scale_get_short_title (CLScale    *self,
                          const char *lang)
{
  g_return_val_if_fail (CL_IS_SCALE (self), NULL);
  return cl_local_text_get (self->short_title ? self->short_title : self->title, lang);
}

const char *
cl_scale_get_instructions (CLScale    *self,
                           const char *lang)
{
  g_return_val_if_fail (CL_IS_SCALE (self), NULL);
  return self->instructions ? cl_local_text_get (self->instructions, lang) : NULL;
}

guint
cl_scale_get_min_total (CLScale *self)
{
  g_return_val_if_fail (CL_IS_SCALE (self), 0);
  return self->min_total;
}

guint
cl_scale_get_max_total (CLScale *self)
{
  g_return_val_if_fail (CL_IS_SCALE (self), 0);
  return self->max_total;
}

guint
cl_scale_get_n_items (CLScale *self)
{
  g_return_val_if_fail (CL_IS_SCALE (self), 0);
  return self->items->len;
}

const CLScaleItem *
cl_scale_get_item (CLScale *self,
                   guint    index)
{
  g_return_val_if_fail (CL_IS_SCALE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

guint
cl_scale_get_n_bands (CLScale *self)
{
  g_return_val_if_fail (CL_IS_SCALE (self), 0);
  return self->bands->len;
}

const CLScaleBand *
cl_scale_get_band (CLScale *self,
                   guint    index)
{
  g_return_val_if_fail (CL_IS_SCALE (self), NULL);
  g_return_val_if_fail (index < self->bands->len, NULL);
  return g_ptr_array_index (self->bands, index);
}

const CLScaleBand *
cl_scale_band_for_total (CLScale *self,
                         guint    total)
{
  g_return_val_if_fail (CL_IS_SCALE (self), NULL);

  for (guint i = 0; i < self->bands->len; i++)
    {
      const CLScaleBand *band = g_ptr_array_index (self->bands, i);

      if (total >= band->min && total <= band->max)
        return band;
    }
  return NULL;
}

guint
cl_scale_get_n_flag_rules (CLScale *self)
{
  g_return_val_if_fail (CL_IS_SCALE (self), 0);
  return self->flags->len;
}

const CLScaleFlagRule *
cl_scale_get_flag_rule (CLScale *self,
                        guint    index)
{
  g_return_val_if_fail (CL_IS_SCALE (self), NULL);
  g_return_val_if_fail (index < self->flags->len, NULL);
  return g_ptr_array_index (self->flags, index);
}

const char *
cl_scale_severity_to_string (CLScaleSeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (severities), NULL);
  return severities[severity];
}
