#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prenatal visit windows of the 2018 Chinese prenatal care guideline
 * (孕前和孕期保健指南 2018) and the 42-day postpartum revisit, read
 * from a key file (data/visit-guideline.ini, compiled in; a hospital's
 * own copy in a system or user config dir "careline/visit-guideline.ini"
 * takes its place).  Windows of prenatal visits are in days of
 * gestation; those anchored on the delivery in days after it. */

typedef enum
{
  CL_VISIT_ANCHOR_PREGNANCY,
  CL_VISIT_ANCHOR_DELIVERY,
} ClVisitAnchor;

typedef struct
{
  char *key;          /* "nt" */
  char *label;        /* translated from the file's label[LANG] */
  gint  start_day;    /* its own window; -1 when it has none and */
  gint  end_day;      /* shares that of each visit it is on */
} ClVisitItem;

typedef struct
{
  gint           start_day;
  gint           end_day;      /* inclusive */
  char          *key;          /* "v06", "pp42": what reports and ticks refer to */
  char          *label;        /* translated */
  ClVisitAnchor  anchor;
  guint          n_items;
  ClVisitItem  **items;        /* borrowed from the schedule */
  char          *short_label;  /* translated, for narrow places ("3rd visit");
                                * the label when the file gives none */
} ClVisitWindow;

typedef struct _ClVisitGuideline ClVisitGuideline;

/* The schedule in force (transfer none): the first readable
 * careline/visit-guideline.ini in the user then system config dirs, or
 * the built-in one.  A malformed file is warned about and skipped. */
ClVisitGuideline     *cl_visit_guideline_get_default   (void);

/* Reads and checks a schedule file.  NULL with a G_KEY_FILE_ERROR
 * naming the group on a malformed file. */
ClVisitGuideline     *cl_visit_guideline_new_from_file (const char      *path,
                                                      GError         **error);
ClVisitGuideline     *cl_visit_guideline_new_from_data (const char      *data,
                                                      gsize            length,
                                                      GError         **error);
ClVisitGuideline     *cl_visit_guideline_ref           (ClVisitGuideline *schedule);
void                 cl_visit_guideline_unref         (ClVisitGuideline *schedule);

guint                cl_visit_guideline_get_n_visits  (ClVisitGuideline *schedule);
const ClVisitWindow *cl_visit_guideline_get_visit     (ClVisitGuideline *schedule,
                                                      guint            index);
const ClVisitWindow *cl_visit_guideline_lookup        (ClVisitGuideline *schedule,
                                                      const char      *key);

/* The label of visit @key in @lang ("zh_CN", "en"; NULL: zh_CN) rather
 * than the desk's language, for messages in the patient's; NULL when
 * there is no such visit. */
char                *cl_visit_guideline_dup_label_for (ClVisitGuideline *schedule,
                                                      const char      *key,
                                                      const char      *lang);

/* The default schedule's visits, prenatal and postpartum, in order. */
guint                cl_visit_guideline_get_n_windows (void);
const ClVisitWindow *cl_visit_guideline_get_window    (guint index);

/* The calendar window of @window for a pregnancy with effective EDD
 * @edd (and delivery date @delivery, may be NULL: postpartum visits are
 * then estimated from the EDD). */
void                 cl_visit_window_dates           (const ClVisitWindow *window,
                                                      const GDate         *edd,
                                                      const GDate         *delivery,
                                                      GDate               *start,
                                                      GDate               *end);

/* "13+6" → 97; a bare number is weeks if @weeks ("6" → 42), else
 * days ("42" → 42).  FALSE for anything else. */
gboolean cl_visit_guideline_parse_days (const char *text,
                                       gboolean    weeks,
                                       gint       *days);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClVisitGuideline, cl_visit_guideline_unref)

G_END_DECLS
