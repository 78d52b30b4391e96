#define G_LOG_DOMAIN "cl-scale"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-scale-result.h"

struct _CLScaleResult
{
  GObject            parent_instance;

  CLScale           *scale;
  guint              total;
  GArray            *item_scores;  /* guint, by item */
  const CLScaleBand *band;
  GArray            *flags;        /* CLScaleFlag */
};

G_DEFINE_FINAL_TYPE (CLScaleResult, cl_scale_result, G_TYPE_OBJECT)
G_DEFINE_QUARK (cl-scale-error-quark, cl_scale_error)

static void
cl_scale_result_finalize (GObject *object)
{
  CLScaleResult *self = CL_SCALE_RESULT (object);

  g_clear_object (&self->scale);
  g_array_unref (self->item_scores);
  g_array_unref (self->flags);
  G_OBJECT_CLASS (cl_scale_result_parent_class)->finalize (object);
}

static void
cl_scale_result_class_init (CLScaleResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_scale_result_finalize;
}

static void
cl_scale_result_init (CLScaleResult *self)
{
  self->item_scores = g_array_new (FALSE, TRUE, sizeof (guint));
  self->flags = g_array_new (FALSE, TRUE, sizeof (CLScaleFlag));
}

gboolean
cl_scale_score (CLScale        *scale,
                const gint     *answers,
                guint           n_answers,
                CLScaleResult **result,
                GError        **error)
{
  g_autoptr(CLScaleResult) self = NULL;
  guint n_items;

  g_return_val_if_fail (CL_IS_SCALE (scale), FALSE);
  g_return_val_if_fail (answers != NULL || n_answers == 0, FALSE);
  g_return_val_if_fail (result != NULL && *result == NULL, FALSE);

  n_items = cl_scale_get_n_items (scale);
  if (n_answers != n_items)
    {
      g_set_error (error, CL_SCALE_ERROR, CL_SCALE_ERROR_WRONG_COUNT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This scale has %u item but %u answers were given.",
                                "This scale has %u items but %u answers were given.", n_items),
                   n_items, n_answers);
      return FALSE;
    }

  self = g_object_new (CL_TYPE_SCALE_RESULT, NULL);
  self->scale = g_object_ref (scale);
  for (guint i = 0; i < n_items; i++)
    {
      const CLScaleItem *item = cl_scale_get_item (scale, i);
      guint score;

      if (answers[i] == CL_SCALE_UNANSWERED)
        {
          g_set_error (error, CL_SCALE_ERROR, CL_SCALE_ERROR_UNANSWERED,
                       _("Item %u is not answered. The scale has no score until every item is answered."),
                       item->number);
          return FALSE;
        }
      if (answers[i] < 0 || (guint) answers[i] >= item->n_options)
        {
          g_set_error (error, CL_SCALE_ERROR, CL_SCALE_ERROR_INVALID_ANSWER,
                       _("Item %u has no answer number %d."), item->number, answers[i] + 1);
          return FALSE;
        }
      score = item->options[answers[i]].score;
      g_array_append_val (self->item_scores, score);
      self->total += score;
    }

  for (guint i = 0; i < cl_scale_get_n_flag_rules (scale); i++)
    {
      const CLScaleFlagRule *rule = cl_scale_get_flag_rule (scale, i);
      guint score = g_array_index (self->item_scores, guint, rule->item - 1);

      if (score >= rule->min_score)
        {
          CLScaleFlag flag = { rule, rule->item, score };

          g_array_append_val (self->flags, flag);
        }
    }
  /* The file was checked to cover every total. */
  self->band = cl_scale_band_for_total (scale, self->total);
  g_assert (self->band != NULL);

  *result = g_steal_pointer (&self);
  return TRUE;
}

CLScale *
cl_scale_result_get_scale (CLScaleResult *self)
{
  g_return_val_if_fail (CL_IS_SCALE_RESULT (self), NULL);
  return self->scale;
}

guint
cl_scale_result_get_total (CLScaleResult *self)
{
  g_return_val_if_fail (CL_IS_SCALE_RESULT (self), 0);
  return self->total;
}

guint
cl_scale_result_get_item_score (CLScaleResult *self,
                                guint          number)
{
  g_return_val_if_fail (CL_IS_SCALE_RESULT (self), 0);
  g_return_val_if_fail (number >= 1 && number <= self->item_scores->len, 0);
  return g_array_index (self->item_scores, guint, number - 1);
}

const CLScaleBand *
cl_scale_result_get_band (CLScaleResult *self)
{
  g_return_val_if_fail (CL_IS_SCALE_RESULT (self), NULL);
  return self->band;
}

const char *
cl_scale_result_get_band_label (CLScaleResult *self,
                                const char    *lang)
{
  g_return_val_if_fail (CL_IS_SCALE_RESULT (self), NULL);
  return cl_local_text_get (self->band->label, lang);
}

gboolean
cl_scale_result_get_positive (CLScaleResult *self)
{
  g_return_val_if_fail (CL_IS_SCALE_RESULT (self), FALSE);
  return self->band->positive;
}

guint
cl_scale_result_get_n_flags (CLScaleResult *self)
{
  g_return_val_if_fail (CL_IS_SCALE_RESULT (self), 0);
  return self->flags->len;
}

const CLScaleFlag *
cl_scale_result_get_flag (CLScaleResult *self,
                          guint          index)
{
  g_return_val_if_fail (CL_IS_SCALE_RESULT (self), NULL);
  g_return_val_if_fail (index < self->flags->len, NULL);
  return &g_array_index (self->flags, CLScaleFlag, index);
}

const CLScaleFlag *
cl_scale_result_lookup_flag (CLScaleResult *self,
                             const char    *flag_id)
{
  g_return_val_if_fail (CL_IS_SCALE_RESULT (self), NULL);

  for (guint i = 0; i < self->flags->len; i++)
    {
      const CLScaleFlag *flag = &g_array_index (self->flags, CLScaleFlag, i);

      if (g_strcmp0 (flag->rule->id, flag_id) == 0)
        return flag;
    }
  return NULL;
}

gboolean
cl_scale_result_is_urgent (CLScaleResult *self)
{
  g_return_val_if_fail (CL_IS_SCALE_RESULT (self), FALSE);
  return self->band->positive || self->flags->len > 0;
}
