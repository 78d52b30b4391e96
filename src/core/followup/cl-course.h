#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A course of the hospital's catalogue (table course), synced like
 * every record: its title in Chinese (title) and, optionally, English
 * (title_en), the stage it serves (cl_course_stage_*), its length in
 * minutes and where to watch or read it (an http or https link).  An
 * administrator keeps the catalogue; a course no longer offered is
 * switched off, never deleted, so what was assigned still reads. */
#define CL_TYPE_COURSE (cl_course_get_type ())
G_DECLARE_FINAL_TYPE (CLCourse, cl_course, CL, COURSE, CLRecord)

CLCourse *cl_course_new (void);

const char *cl_course_get_title (CLCourse *self);
void        cl_course_set_title (CLCourse *self, const char *value);
const char *cl_course_get_title_en (CLCourse *self);
void        cl_course_set_title_en (CLCourse *self, const char *value);
const char *cl_course_get_stage (CLCourse *self);
void        cl_course_set_stage (CLCourse *self, const char *value);
const char *cl_course_get_link (CLCourse *self);
void        cl_course_set_link (CLCourse *self, const char *value);
gint        cl_course_get_duration_min (CLCourse *self);
void        cl_course_set_duration_min (CLCourse *self, gint value);
gboolean    cl_course_get_active (CLCourse *self);
void        cl_course_set_active (CLCourse *self, gboolean value);

/* The stages a course serves, as stored: "pregnancy", "birth",
 * "postpartum", "parenting"; NULL-terminated. */
const char * const *cl_course_stages      (void);
/* What a person reads for a stage word (translated); the word itself
 * when unknown. */
const char         *cl_course_stage_label (const char *stage);

/* The longest course the catalogue takes, in minutes. */
#define CL_COURSE_MAX_MINUTES 600

/* The course's own rules, column → translated message, for the desk's
 * dialog and the server's check of a pushed change; empty when valid. */
GHashTable         *cl_course_validate    (CLCourse   *self);

/* Its title in the desk's language: the English one in an English
 * desk when there is one, else the Chinese. */
const char         *cl_course_get_display_title (CLCourse *self);

G_END_DECLS
