#define G_LOG_DOMAIN "cl-visit-guideline"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-core-resources.h"
#include "cl-dating.h"
#include "cl-util.h"
#include "cl-visit-guideline.h"

#define RESOURCE "/org/careline/Careline/core/visit-guideline.ini"

struct _ClVisitGuideline
{
  gatomicrefcount  ref_count;
  GPtrArray       *visits;   /* ClVisitWindow */
  GPtrArray       *items;    /* ClVisitItem */
  GKeyFile        *file;     /* for the labels in other languages */
};

static void
item_free (gpointer data)
{
  ClVisitItem *item = data;

  g_free (item->key);
  g_free (item->label);
  g_free (item);
}

static void
window_free (gpointer data)
{
  ClVisitWindow *window = data;

  g_free (window->key);
  g_free (window->label);
  g_free (window->short_label);
  g_free (window->items);
  g_free (window);
}

ClVisitGuideline *
cl_visit_guideline_ref (ClVisitGuideline *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  g_atomic_ref_count_inc (&schedule->ref_count);
  return schedule;
}

void
cl_visit_guideline_unref (ClVisitGuideline *schedule)
{
  g_return_if_fail (schedule != NULL);

  if (!g_atomic_ref_count_dec (&schedule->ref_count))
    return;
  g_ptr_array_unref (schedule->visits);
  g_ptr_array_unref (schedule->items);
  g_clear_pointer (&schedule->file, g_key_file_unref);
  g_free (schedule);
}

gboolean
cl_visit_guideline_parse_days (const char *text,
                              gboolean    weeks,
                              gint       *days)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *copy = NULL;
  guint64 w = 0, d = 0;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  parts = g_strsplit (copy, "+", 3);
  if (g_strv_length (parts) == 1)
    {
      if (!g_ascii_string_to_unsigned (parts[0], 10, 0, 400, &w, NULL))
        return FALSE;
      *days = weeks ? (gint) w * 7 : (gint) w;
      return TRUE;
    }
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 45, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 6, &d, NULL))
    return FALSE;
  *days = (gint) (w * 7 + d);
  return TRUE;
}

static gboolean
read_window (GKeyFile    *file,
             const char  *group,
             gboolean     weeks,
             gboolean     required,
             gint        *start,
             gint        *end,
             GError     **error)
{
  g_autofree char *start_text = g_key_file_get_string (file, group, "start", NULL);
  g_autofree char *end_text = g_key_file_get_string (file, group, "end", NULL);

  if (start_text == NULL && end_text == NULL && !required)
    return TRUE;
  if (!cl_visit_guideline_parse_days (start_text, weeks, start) ||
      !cl_visit_guideline_parse_days (end_text, weeks, end))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s]: start and end must be gestational ages such as 13+6", group);
      return FALSE;
    }
  if (*end < *start)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s]: the window ends before it starts", group);
      return FALSE;
    }
  return TRUE;
}

static char *
read_label (GKeyFile    *file,
            const char  *group,
            GError     **error)
{
  char *label = g_key_file_get_locale_string (file, group, "label", NULL, NULL);

  if (label == NULL || *g_strstrip (label) == '\0')
    {
      g_free (label);
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   "[%s]: a label is required", group);
      return NULL;
    }
  return label;
}

static ClVisitItem *
find_item (ClVisitGuideline *self,
           const char      *key)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      ClVisitItem *item = g_ptr_array_index (self->items, i);

      if (g_str_equal (item->key, key))
        return item;
    }
  return NULL;
}

static gboolean
load_visit (ClVisitGuideline  *self,
            GKeyFile         *file,
            const char       *group,
            GError          **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *anchor = g_key_file_get_string (file, group, "anchor", NULL);
  g_auto(GStrv) keys = g_key_file_get_string_list (file, group, "items", NULL, NULL);
  ClVisitWindow *window = g_new0 (ClVisitWindow, 1);

  g_ptr_array_add (self->visits, window);
  window->key = g_strdup (group + strlen ("Visit "));
  if (*window->key == '\0' || cl_visit_guideline_lookup (self, window->key) != window)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s]: the visit key is empty or used twice", group);
      return FALSE;
    }
  if (anchor == NULL || g_str_equal (anchor, "pregnancy"))
    window->anchor = CL_VISIT_ANCHOR_PREGNANCY;
  else if (g_str_equal (anchor, "delivery"))
    window->anchor = CL_VISIT_ANCHOR_DELIVERY;
  else
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s]: anchor must be pregnancy or delivery", group);
      return FALSE;
    }
  if (!(window->label = read_label (file, group, error)) ||
      !read_window (file, group, window->anchor == CL_VISIT_ANCHOR_PREGNANCY, TRUE,
                    &window->start_day, &window->end_day, error))
    return FALSE;
  /* A short name only in a language the label is not shown in (an
   * English one for a Chinese label) is no good: the label then. */
  {
    g_autofree char *label_locale = g_key_file_get_locale_for_key (file, group, "label", NULL);
    g_autofree char *short_locale = g_key_file_get_locale_for_key (file, group, "short", NULL);

    if (g_strcmp0 (label_locale, short_locale) == 0)
      window->short_label = g_key_file_get_locale_string (file, group, "short", NULL, NULL);
    if (window->short_label == NULL || *g_strstrip (window->short_label) == '\0')
      cl_set_str (&window->short_label, window->label);
  }

  for (guint i = 0; keys && keys[i]; i++)
    {
      ClVisitItem *item = find_item (self, g_strstrip (keys[i]));

      if (*keys[i] == '\0')
        continue;
      if (item == NULL)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                       "[%s]: no [Item %s] in the file", group, keys[i]);
          return FALSE;
        }
      g_ptr_array_add (items, item);
    }
  window->n_items = items->len;
  g_ptr_array_add (items, NULL);
  window->items = (ClVisitItem **) g_ptr_array_steal (items, NULL);
  return TRUE;
}

static ClVisitGuideline *
load (GKeyFile  *file,
      GError   **error)
{
  g_autoptr(ClVisitGuideline) self = g_new0 (ClVisitGuideline, 1);
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->visits = g_ptr_array_new_with_free_func (window_free);
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->file = g_key_file_ref (file);

  /* Items first, so visits can name them in any order. */
  for (guint i = 0; groups[i]; i++)
    {
      ClVisitItem *item;

      if (!g_str_has_prefix (groups[i], "Item "))
        continue;
      item = g_new0 (ClVisitItem, 1);
      g_ptr_array_add (self->items, item);
      item->key = g_strdup (groups[i] + strlen ("Item "));
      item->start_day = item->end_day = -1;
      if (!(item->label = read_label (file, groups[i], error)) ||
          !read_window (file, groups[i], TRUE, FALSE, &item->start_day, &item->end_day, error))
        return NULL;
    }

  for (guint i = 0; groups[i]; i++)
    if (g_str_has_prefix (groups[i], "Visit ") && !load_visit (self, file, groups[i], error))
      return NULL;

  if (self->visits->len == 0)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   "no [Visit …] group in the schedule");
      return NULL;
    }

  return g_steal_pointer (&self);
}

ClVisitGuideline *
cl_visit_guideline_new_from_data (const char  *data,
                                 gsize        length,
                                 GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return NULL;
  return load (file, error);
}

ClVisitGuideline *
cl_visit_guideline_new_from_file (const char  *path,
                                 GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  ClVisitGuideline *schedule;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return NULL;
  schedule = load (file, &local_error);
  if (schedule == NULL)
    g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
  return schedule;
}

static ClVisitGuideline *
load_default (void)
{
  const char * const *dirs = g_get_system_config_dirs ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ClVisitGuideline *schedule;

  if (g_getenv ("CARELINE_VISIT_GUIDELINE"))
    g_ptr_array_add (candidates, g_strdup (g_getenv ("CARELINE_VISIT_GUIDELINE")));
  /* visit-schedule.ini is the name the file had before the timetable of
   * escorts and rooms took the word "schedule"; a hospital's copy under
   * that name is still read. */
  for (guint n = 0; n < 2; n++)
    {
      const char *name = n == 0 ? "visit-guideline.ini" : "visit-schedule.ini";

      g_ptr_array_add (candidates, g_build_filename (g_get_user_config_dir (), "careline", name, NULL));
      for (guint i = 0; dirs[i]; i++)
        g_ptr_array_add (candidates, g_build_filename (dirs[i], "careline", name, NULL));
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *path = g_ptr_array_index (candidates, i);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      if ((schedule = cl_visit_guideline_new_from_file (path, &error)))
        return schedule;
      g_warning ("Visit schedule not used: %s", error->message);
      g_clear_error (&error);
    }

  /* Through the resource itself: a static library's constructor that
   * registers it globally is not linked in unless referenced. */
  bytes = g_resource_lookup_data (cl_core_get_resource (), RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("built-in visit schedule missing: %s", error->message);
  schedule = cl_visit_guideline_new_from_data (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes), &error);
  if (schedule == NULL)
    g_error ("built-in visit schedule is malformed: %s", error->message);
  return schedule;
}

ClVisitGuideline *
cl_visit_guideline_get_default (void)
{
  static ClVisitGuideline *schedule;

  if (g_once_init_enter (&schedule))
    g_once_init_leave (&schedule, load_default ());
  return schedule;
}

guint
cl_visit_guideline_get_n_visits (ClVisitGuideline *schedule)
{
  g_return_val_if_fail (schedule != NULL, 0);
  return schedule->visits->len;
}

const ClVisitWindow *
cl_visit_guideline_get_visit (ClVisitGuideline *schedule,
                             guint            index)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (index < schedule->visits->len, NULL);
  return g_ptr_array_index (schedule->visits, index);
}

const ClVisitWindow *
cl_visit_guideline_lookup (ClVisitGuideline *schedule,
                          const char      *key)
{
  g_return_val_if_fail (schedule != NULL, NULL);

  for (guint i = 0; key && i < schedule->visits->len; i++)
    {
      const ClVisitWindow *window = g_ptr_array_index (schedule->visits, i);

      if (g_strcmp0 (window->key, key) == 0)
        return window;
    }
  return NULL;
}

char *
cl_visit_guideline_dup_label_for (ClVisitGuideline *schedule,
                                  const char      *key,
                                  const char      *lang)
{
  g_autofree char *group = NULL;
  char *label;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (cl_visit_guideline_lookup (schedule, key) == NULL)
    return NULL;
  group = g_strconcat ("Visit ", key, NULL);
  label = g_key_file_get_locale_string (schedule->file, group, "label", lang ? lang : "zh_CN", NULL);
  return label ? g_strstrip (label) : NULL;
}

guint
cl_visit_guideline_get_n_windows (void)
{
  return cl_visit_guideline_get_n_visits (cl_visit_guideline_get_default ());
}

const ClVisitWindow *
cl_visit_guideline_get_window (guint index)
{
  return cl_visit_guideline_get_visit (cl_visit_guideline_get_default (), index);
}

static void
shift_days (const GDate *from,
            gint         days,
            GDate       *out)
{
  *out = *from;
  if (days >= 0)
    g_date_add_days (out, days);
  else
    g_date_subtract_days (out, -days);
}

void
cl_visit_window_dates (const ClVisitWindow *window,
                       const GDate         *edd,
                       const GDate         *delivery,
                       GDate               *start,
                       GDate               *end)
{
  g_return_if_fail (window != NULL);
  g_return_if_fail (edd && g_date_valid (edd));

  if (window->anchor == CL_VISIT_ANCHOR_DELIVERY)
    {
      const GDate *base = delivery && g_date_valid (delivery) ? delivery : edd;

      shift_days (base, window->start_day, start);
      shift_days (base, window->end_day, end);
      return;
    }
  /* Day d of gestation falls on EDD + (d - 280). */
  shift_days (edd, window->start_day - CL_PREGNANCY_DAYS, start);
  shift_days (edd, window->end_day - CL_PREGNANCY_DAYS, end);
}

