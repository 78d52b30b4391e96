/* cl-schedule-sheet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-schedule-sheet"

#include "config.h"

#include "cl-schedule-sheet.h"

typedef struct
{
  char      *heading;
  GPtrArray *rows;     /* GStrv: the cells */
  GPtrArray *details;  /* char *, may be NULL */
} Section;

struct _CLScheduleSheet
{
  GObject parent_instance;

  char      *title;
  char      *subtitle;
  char      *footer;
  char      *empty_text;
  GStrv      headers;
  GArray    *widths;     /* double, normalised to a sum of 1 */
  GPtrArray *sections;   /* Section */
  double     row_min_height;
};

G_DEFINE_FINAL_TYPE (CLScheduleSheet, cl_schedule_sheet, G_TYPE_OBJECT)

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->heading);
  g_ptr_array_unref (section->rows);
  g_ptr_array_unref (section->details);
  g_free (section);
}

static void
cl_schedule_sheet_finalize (GObject *object)
{
  CLScheduleSheet *self = CL_SCHEDULE_SHEET (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->footer, g_free);
  g_clear_pointer (&self->empty_text, g_free);
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->widths, g_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_schedule_sheet_parent_class)->finalize (object);
}

static void
cl_schedule_sheet_class_init (CLScheduleSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_schedule_sheet_finalize;
}

static void
cl_schedule_sheet_init (CLScheduleSheet *self)
{
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->widths = g_array_new (FALSE, TRUE, sizeof (double));
}

CLScheduleSheet *
cl_schedule_sheet_new (const char         *title,
                       const char         *subtitle,
                       const char * const *headers,
                       const double       *widths)
{
  CLScheduleSheet *self;
  double sum = 0;
  guint n;

  g_return_val_if_fail (headers != NULL && widths != NULL, NULL);

  self = g_object_new (CL_TYPE_SCHEDULE_SHEET, NULL);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->headers = g_strdupv ((char **) headers);
  n = g_strv_length (self->headers);
  for (guint i = 0; i < n; i++)
    sum += widths[i];
  for (guint i = 0; i < n; i++)
    {
      double w = sum > 0 ? widths[i] / sum : 1.0 / n;

      g_array_append_val (self->widths, w);
    }
  return self;
}

void
cl_schedule_sheet_add_section (CLScheduleSheet *self,
                               const char      *heading)
{
  Section *section;

  g_return_if_fail (CL_IS_SCHEDULE_SHEET (self));

  section = g_new0 (Section, 1);
  section->heading = g_strdup (heading);
  section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  section->details = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->sections, section);
}

void
cl_schedule_sheet_add_row (CLScheduleSheet    *self,
                           const char * const *cells,
                           const char         *detail)
{
  guint n;
  GStrv row;
  Section *section;

  g_return_if_fail (CL_IS_SCHEDULE_SHEET (self));
  g_return_if_fail (cells != NULL);

  if (self->sections->len == 0)
    cl_schedule_sheet_add_section (self, NULL);
  section = g_ptr_array_index (self->sections, self->sections->len - 1);

  /* Exactly one cell per column, whatever the caller passed. */
  n = g_strv_length (self->headers);
  row = g_new0 (char *, n + 1);
  for (guint i = 0, have = TRUE; i < n; i++)
    {
      have = have && cells[i] != NULL;
      row[i] = g_strdup (have ? cells[i] : "");
    }
  g_ptr_array_add (section->rows, row);
  g_ptr_array_add (section->details, g_strdup (detail));
}

void
cl_schedule_sheet_set_footer (CLScheduleSheet *self,
                              const char      *footer)
{
  g_return_if_fail (CL_IS_SCHEDULE_SHEET (self));

  g_free (self->footer);
  self->footer = g_strdup (footer);
}

void
cl_schedule_sheet_set_empty_text (CLScheduleSheet *self,
                                  const char      *text)
{
  g_return_if_fail (CL_IS_SCHEDULE_SHEET (self));

  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
}

const char *
cl_schedule_sheet_get_title (CLScheduleSheet *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), NULL);
  return self->title;
}

const char *
cl_schedule_sheet_get_subtitle (CLScheduleSheet *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), NULL);
  return self->subtitle;
}

const char *
cl_schedule_sheet_get_footer (CLScheduleSheet *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), NULL);
  return self->footer;
}

const char *
cl_schedule_sheet_get_empty_text (CLScheduleSheet *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), NULL);
  return self->empty_text;
}

guint
cl_schedule_sheet_get_n_columns (CLScheduleSheet *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), 0);
  return g_strv_length (self->headers);
}

const char *
cl_schedule_sheet_get_header (CLScheduleSheet *self,
                              guint            column)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), NULL);
  g_return_val_if_fail (column < g_strv_length (self->headers), NULL);
  return self->headers[column];
}

double
cl_schedule_sheet_get_width (CLScheduleSheet *self,
                             guint            column)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), 0);
  g_return_val_if_fail (column < self->widths->len, 0);
  return g_array_index (self->widths, double, column);
}

guint
cl_schedule_sheet_get_n_sections (CLScheduleSheet *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), 0);
  return self->sections->len;
}

static Section *
get_section (CLScheduleSheet *self,
             guint            section)
{
  g_assert (section < self->sections->len);
  return g_ptr_array_index (self->sections, section);
}

const char *
cl_schedule_sheet_get_heading (CLScheduleSheet *self,
                               guint            section)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);
  return get_section (self, section)->heading;
}

guint
cl_schedule_sheet_get_n_rows (CLScheduleSheet *self,
                              guint            section)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), 0);
  g_return_val_if_fail (section < self->sections->len, 0);
  return get_section (self, section)->rows->len;
}

const char *
cl_schedule_sheet_get_cell (CLScheduleSheet *self,
                            guint            section,
                            guint            row,
                            guint            column)
{
  Section *s;

  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);
  s = get_section (self, section);
  g_return_val_if_fail (row < s->rows->len, NULL);
  g_return_val_if_fail (column < g_strv_length (self->headers), NULL);
  return ((GStrv) g_ptr_array_index (s->rows, row))[column];
}

const char *
cl_schedule_sheet_get_detail (CLScheduleSheet *self,
                              guint            section,
                              guint            row)
{
  Section *s;

  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);
  s = get_section (self, section);
  g_return_val_if_fail (row < s->details->len, NULL);
  return g_ptr_array_index (s->details, row);
}

void
cl_schedule_sheet_set_row_min_height (CLScheduleSheet *self,
                                      double           points)
{
  g_return_if_fail (CL_IS_SCHEDULE_SHEET (self));
  self->row_min_height = MAX (points, 0);
}

double
cl_schedule_sheet_get_row_min_height (CLScheduleSheet *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (self), 0);
  return self->row_min_height;
}
