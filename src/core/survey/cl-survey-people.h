#pragma once

#include "cl-survey-template.h"

G_BEGIN_DECLS

/* The people a campaign asks, as its people column holds them: a JSON
 * array of {"kind": "patient" | "staff", "id": UUID}. */

typedef struct
{
  char *kind;
  char *id;
} CLSurveyPerson;

/* The people of @json, or NULL with a translated @message when it is
 * not such an array, names a kind not of the list or a person twice. */
GArray   *cl_survey_people_parse (const char        *json,
                                  char             **message);

/* Whether a person of @kind may answer @template: patients answer the
 * patients' surveys, staff the staff's, both those of anyone. */
gboolean  cl_survey_kind_answers (CLSurveyTemplate  *template,
                                  const char        *kind);

/* cl_survey_people_parse() and, when @template is not NULL, every person
 * of a kind that answers it.  FALSE with a translated @message. */
gboolean  cl_survey_people_check (const char        *json,
                                  CLSurveyTemplate  *template,
                                  char             **message);

G_END_DECLS
