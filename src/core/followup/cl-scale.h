#pragma once

#include <gio/gio.h>

#include "cl-ini.h"

G_BEGIN_DECLS

/* An assessment scale (EPDS, PHQ-9, GAD-7 or a hospital's own) as data:
 * its items in English and Chinese, each item's options with their
 * scores (reverse-scored items as the published key has them), the bands
 * a total falls in and the items whose answer raises a flag (self-harm
 * risk).  Read from a key file (data/scales/ID.ini, described in the
 * README, "Follow-up rules and scales"). */

#define CL_TYPE_SCALE (cl_scale_get_type ())
G_DECLARE_FINAL_TYPE (CLScale, cl_scale, CL, SCALE, GObject)

typedef enum
{
  CL_SCALE_SEVERITY_NONE,
  CL_SCALE_SEVERITY_MILD,
  CL_SCALE_SEVERITY_MODERATE,
  CL_SCALE_SEVERITY_MODERATELY_SEVERE,
  CL_SCALE_SEVERITY_SEVERE,
} CLScaleSeverity;

typedef struct
{
  CLLocalText *text;
  guint        score;
} CLScaleOption;

typedef struct
{
  guint          number;     /* 1-based, as printed on the form */
  CLLocalText   *text;
  gboolean       reverse;    /* scored from the last option down */
  guint          n_options;
  CLScaleOption *options;    /* in the order shown */
  guint          max_score;
} CLScaleItem;

typedef struct
{
  char            *id;
  guint            min;       /* inclusive */
  guint            max;       /* inclusive */
  CLLocalText     *label;
  CLScaleSeverity  severity;
  gboolean         positive;  /* a positive screen: someone must act */
} CLScaleBand;

typedef struct
{
  char        *id;            /* "self-harm" */
  guint        item;          /* 1-based item number */
  guint        min_score;     /* the answer's score that raises it (1: any non-zero) */
  CLLocalText *label;
} CLScaleFlagRule;

/* NULL with a G_KEY_FILE_ERROR "FILE:LINE: [Group] …" on a malformed file. */
CLScale               *cl_scale_new_from_file      (const char  *path,
                                                    GError     **error);
CLScale               *cl_scale_new_from_bytes     (GBytes      *bytes,
                                                    const char  *source,
                                                    GError     **error);
/* A scale Careline ships ("epds", "phq9", "gad7"), compiled in. */
CLScale               *cl_scale_new_builtin        (const char  *id,
                                                    GError     **error);
/* The ids of the built-in scales, NULL-terminated. */
const char * const    *cl_scale_get_builtin_ids    (void);

const char            *cl_scale_get_id             (CLScale     *self);
/* In @lang, NULL for the current language. */
const char            *cl_scale_get_title          (CLScale     *self,
                                                    const char  *lang);
/* The short name ("EPDS") for headers and charts; the title when the
 * file gives none (short-title=). */
const char            *cl_scale_get_short_title    (CLScale     *self,
                                                    const char  *lang);
const char            *cl_scale_get_instructions   (CLScale     *self,
                                                    const char  *lang);
guint                  cl_scale_get_min_total      (CLScale     *self);
guint                  cl_scale_get_max_total      (CLScale     *self);
guint                  cl_scale_get_n_items        (CLScale     *self);
/* @index is 0-based. */
const CLScaleItem     *cl_scale_get_item           (CLScale     *self,
                                                    guint        index);
guint                  cl_scale_get_n_bands        (CLScale     *self);
const CLScaleBand     *cl_scale_get_band           (CLScale     *self,
                                                    guint        index);
/* The band @total falls in, or NULL when it is out of range. */
const CLScaleBand     *cl_scale_band_for_total     (CLScale     *self,
                                                    guint        total);
guint                  cl_scale_get_n_flag_rules   (CLScale     *self);
const CLScaleFlagRule *cl_scale_get_flag_rule      (CLScale     *self,
                                                    guint        index);

const char            *cl_scale_severity_to_string (CLScaleSeverity severity);

G_END_DECLS
