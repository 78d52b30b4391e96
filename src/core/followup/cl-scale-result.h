#pragma once

#include "cl-scale.h"

G_BEGIN_DECLS

/* The score of one filling of a scale: its total, the band the total
 * falls in and the flags its answers raised (which item, which answer).
 * There is no partial score: every item must be answered. */

#define CL_SCALE_ERROR (cl_scale_error_quark ())
typedef enum
{
  CL_SCALE_ERROR_UNANSWERED,      /* an item has no answer */
  CL_SCALE_ERROR_INVALID_ANSWER,  /* an answer that is not one of the item's options */
  CL_SCALE_ERROR_WRONG_COUNT,     /* not one answer per item */
} CLScaleError;
GQuark cl_scale_error_quark (void);

/* An item's answer is the 0-based position of the chosen option, as
 * shown; this marks an item left blank. */
#define CL_SCALE_UNANSWERED (-1)

typedef struct
{
  const CLScaleFlagRule *rule;   /* owned by the scale */
  guint                  item;   /* 1-based item number that raised it */
  guint                  score;  /* that item's score */
} CLScaleFlag;

#define CL_TYPE_SCALE_RESULT (cl_scale_result_get_type ())
G_DECLARE_FINAL_TYPE (CLScaleResult, cl_scale_result, CL, SCALE_RESULT, GObject)

/* Scores @answers (@n_answers, one per item).  FALSE with a translated
 * CL_SCALE_ERROR naming the first unanswered or invalid item, and
 * *@result left NULL, unless every item is answered. */
gboolean           cl_scale_score                    (CLScale        *scale,
                                                      const gint     *answers,
                                                      guint           n_answers,
                                                      CLScaleResult **result,
                                                      GError        **error);

CLScale           *cl_scale_result_get_scale         (CLScaleResult  *self);
guint              cl_scale_result_get_total         (CLScaleResult  *self);
/* The score of item @number (1-based). */
guint              cl_scale_result_get_item_score    (CLScaleResult  *self,
                                                      guint           number);
const CLScaleBand *cl_scale_result_get_band          (CLScaleResult  *self);
/* The band's label in @lang (NULL: the current language). */
const char        *cl_scale_result_get_band_label    (CLScaleResult  *self,
                                                      const char     *lang);
/* The band is a positive screen. */
gboolean           cl_scale_result_get_positive      (CLScaleResult  *self);
guint              cl_scale_result_get_n_flags       (CLScaleResult  *self);
const CLScaleFlag *cl_scale_result_get_flag          (CLScaleResult  *self,
                                                      guint           index);
/* The flag with rule id @flag_id ("self-harm"), or NULL. */
const CLScaleFlag *cl_scale_result_lookup_flag       (CLScaleResult  *self,
                                                      const char     *flag_id);
/* A positive screen or any flag: someone must act today. */
gboolean           cl_scale_result_is_urgent         (CLScaleResult  *self);

G_END_DECLS
