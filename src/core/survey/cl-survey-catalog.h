#pragma once

#include "cl-survey-template.h"

G_BEGIN_DECLS

/* The survey templates in force: the ones Careline ships
 * (cl_survey_template_new_builtin()) and the hospital's, each *.ini file
 * of its surveys directory ($CARELINE_SURVEYS_DIR when set, else
 * careline/surveys under the user's and then the system's configuration
 * directories, /etc/xdg/careline/surveys on Debian).  A hospital's file
 * with the id of a shipped template replaces it (its own wording of the
 * same survey); one with a new id adds a survey.  Read once a process.
 * A file that cannot be used is skipped with a warning naming the file
 * and its group and key; the others still load. */

/* Reads every *.ini file of @dir, in name order.  Returns the templates
 * (CLSurveyTemplate) it defines; each file that cannot be used, or that
 * repeats the id of an earlier file, adds a "FILE: [GROUP] KEY: why"
 * line to @problems (may be NULL) instead.  A missing directory is no
 * template and no problem. */
GPtrArray          *cl_survey_catalog_read_dir (const char *dir,
                                                GPtrArray  *problems);

/* The ids of the templates in force, the shipped ones first, NULL-terminated. */
const char * const *cl_survey_catalog_ids      (void);
/* The template in force with @id, or NULL. */
CLSurveyTemplate   *cl_survey_catalog_lookup   (const char *id);

G_END_DECLS
