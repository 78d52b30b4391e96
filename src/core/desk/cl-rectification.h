#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* What a failed inspection asks the vendor to put right (table
 * rectification), synced: the inspection, what is to be fixed, the
 * deadline (a civil date), when it was done (UTC seconds, 0 while
 * open), by whom (a name: the vendor's people need not be users), and
 * a note.  Made with its inspection (cl-inspection-store.h); one not
 * done by the end of its deadline is overdue and costs the vendor a
 * deduction (cl-inspection-rules.h). */
#define CL_TYPE_RECTIFICATION (cl_rectification_get_type ())
G_DECLARE_FINAL_TYPE (CLRectification, cl_rectification, CL, RECTIFICATION, CLRecord)

CLRectification *cl_rectification_new (void);

const char *cl_rectification_get_inspection_id (CLRectification *self);
void        cl_rectification_set_inspection_id (CLRectification *self, const char *value);
const char *cl_rectification_get_task          (CLRectification *self);
void        cl_rectification_set_task          (CLRectification *self, const char *value);
const char *cl_rectification_get_deadline      (CLRectification *self);
void        cl_rectification_set_deadline      (CLRectification *self, const char *value);
gint64      cl_rectification_get_done_at       (CLRectification *self);
void        cl_rectification_set_done_at       (CLRectification *self, gint64 value);
const char *cl_rectification_get_done_by       (CLRectification *self);
void        cl_rectification_set_done_by       (CLRectification *self, const char *value);
const char *cl_rectification_get_note          (CLRectification *self);
void        cl_rectification_set_note          (CLRectification *self, const char *value);

/* Whether it was done by the end of its deadline (the local date of
 * done_at not after it).  FALSE while open. */
gboolean    cl_rectification_done_in_time (CLRectification *self);

/* TRUE when the deadline has passed on @today (it is before @today)
 * and it was not done by the end of it: open, or done late. */
gboolean    cl_rectification_is_overdue   (CLRectification *self,
                                           const GDate     *today);

/* Its own rules, column → translated message: the task said, a real
 * deadline, someone named when it is done.  Empty when valid. */
GHashTable *cl_rectification_validate     (CLRectification *self);

G_END_DECLS
