#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A closed set of values stored as text (a kind, a status…) with the
 * translated label of each, in display order.  Mark labels with NC_()
 * so xgettext finds them with their context. */
typedef struct
{
  const char *value;
  const char *context;
  const char *label;
} ClChoice;

/* The values of @choices, NULL-terminated, made once into *@cache. */
const char * const *cl_choice_values (const ClChoice  *choices,
                                      gsize            n_choices,
                                      const char    ***cache);

/* The translated label of @value, or NULL if it is none of @choices. */
const char         *cl_choice_label  (const ClChoice  *choices,
                                      gsize            n_choices,
                                      const char      *value);

/* TRUE, with its position in *@index, when @text is one of the @n
 * @words (an enum's stored words, in the enum's order). */
gboolean            cl_choice_word_index (const char * const *words,
                                          gsize               n,
                                          const char         *text,
                                          guint              *index);

G_END_DECLS
