#pragma once

#include "cl-record.h"
#include "cl-scale-result.h"

G_BEGIN_DECLS

/* One filling of a scale as stored (table scale_result), synced like
 * every record: whose it is, which scale, the answers (a JSON array of
 * the chosen options' 0-based positions), and the total, band and flags
 * scored from them.  The score is kept so lists need not rescore, but
 * it is only ever what cl_scale_score() makes of the answers: the desk
 * and the server both refuse a row whose score disagrees. */
#define CL_TYPE_SCALE_RECORD (cl_scale_record_get_type ())
G_DECLARE_FINAL_TYPE (CLScaleRecord, cl_scale_record, CL, SCALE_RECORD, CLRecord)

CLScaleRecord *cl_scale_record_new (void);

const char *cl_scale_record_get_patient_id   (CLScaleRecord *self);
void        cl_scale_record_set_patient_id   (CLScaleRecord *self, const char *value);
const char *cl_scale_record_get_pregnancy_id (CLScaleRecord *self);
void        cl_scale_record_set_pregnancy_id (CLScaleRecord *self, const char *value);
const char *cl_scale_record_get_scale_id     (CLScaleRecord *self);
void        cl_scale_record_set_scale_id     (CLScaleRecord *self, const char *value);
/* "[0,1,3,…]" */
const char *cl_scale_record_get_answers      (CLScaleRecord *self);
void        cl_scale_record_set_answers      (CLScaleRecord *self, const char *value);
gint        cl_scale_record_get_total        (CLScaleRecord *self);
void        cl_scale_record_set_total        (CLScaleRecord *self, gint value);
const char *cl_scale_record_get_band_id      (CLScaleRecord *self);
void        cl_scale_record_set_band_id      (CLScaleRecord *self, const char *value);
/* The raised flags' ids, space-separated in item order ("self-harm"); "" for none. */
const char *cl_scale_record_get_flags        (CLScaleRecord *self);
void        cl_scale_record_set_flags        (CLScaleRecord *self, const char *value);
/* UTC seconds. */
gint64      cl_scale_record_get_filled_at    (CLScaleRecord *self);
void        cl_scale_record_set_filled_at    (CLScaleRecord *self, gint64 value);
/* The username of who took it down. */
const char *cl_scale_record_get_filled_by    (CLScaleRecord *self);
void        cl_scale_record_set_filled_by    (CLScaleRecord *self, const char *value);
/* "desk", "phone" or "link" */
const char *cl_scale_record_get_source       (CLScaleRecord *self);
void        cl_scale_record_set_source       (CLScaleRecord *self, const char *value);

/* The scale in force with @id, built-in or the hospital's
 * (cl_scale_catalog_lookup()); NULL when unknown. */
CLScale    *cl_scale_lookup                  (const char    *id);

/* Sets the scale, the answers and the score from @answers. */
void        cl_scale_record_set_result       (CLScaleRecord *self,
                                              CLScaleResult *result,
                                              const gint    *answers,
                                              guint          n_answers);

/* Scores the stored answers again; NULL with a translated error when
 * the scale is unknown or the answers incomplete or out of range. */
CLScaleResult *cl_scale_record_score         (CLScaleRecord *self,
                                              GError       **error);

/* The record's own rules, column → translated message, for the desk
 * and the server's check of a pushed change; empty when valid.  The
 * total, band and flags must be what the answers score. */
GHashTable *cl_scale_record_validate         (CLScaleRecord *self);

/* What a person reads for a source word (translated). */
const char *cl_scale_source_label            (const char    *source);

G_END_DECLS
