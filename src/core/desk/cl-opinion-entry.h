#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* An entry of the daily opinion log (table opinion_entry), synced: what
 * was found in the opinion box or written in the opinion book on a day
 * (date, civil "YYYY-MM-DD"), the department it is about (optional, from
 * the hospital's list), its content and kind (an opinion, a commendation
 * or a complaint), and, once it was made a complaint ticket, the
 * ticket's id. */
#define CL_TYPE_OPINION_ENTRY (cl_opinion_entry_get_type ())
G_DECLARE_FINAL_TYPE (CLOpinionEntry, cl_opinion_entry, CL, OPINION_ENTRY, CLRecord)

CLOpinionEntry *cl_opinion_entry_new (void);

const char *cl_opinion_entry_get_date          (CLOpinionEntry *self);
void        cl_opinion_entry_set_date          (CLOpinionEntry *self, const char *value);
const char *cl_opinion_entry_get_source        (CLOpinionEntry *self);
void        cl_opinion_entry_set_source        (CLOpinionEntry *self, const char *value);
const char *cl_opinion_entry_get_department_id (CLOpinionEntry *self);
void        cl_opinion_entry_set_department_id (CLOpinionEntry *self, const char *value);
const char *cl_opinion_entry_get_content       (CLOpinionEntry *self);
void        cl_opinion_entry_set_content       (CLOpinionEntry *self, const char *value);
const char *cl_opinion_entry_get_kind          (CLOpinionEntry *self);
void        cl_opinion_entry_set_kind          (CLOpinionEntry *self, const char *value);
const char *cl_opinion_entry_get_complaint_id  (CLOpinionEntry *self);
void        cl_opinion_entry_set_complaint_id  (CLOpinionEntry *self, const char *value);

/* Where an entry comes from, as stored: "box", "book"; and its kinds:
 * "opinion", "commendation", "complaint"; NULL-terminated. */
const char * const *cl_opinion_entry_sources      (void);
const char * const *cl_opinion_entry_kinds        (void);
/* What a person reads for a source or a kind (translated). */
const char         *cl_opinion_entry_source_label (const char *source);
const char         *cl_opinion_entry_kind_label   (const char *kind);

/* The entry's own rules, column → translated message: a valid date,
 * a source and kind of the lists, the content said, and a complaint
 * ticket only for a complaint.  Empty when valid. */
GHashTable *cl_opinion_entry_validate  (CLOpinionEntry *self);

/* The rule against the clock: the date is not after @today.  Adds
 * column → message to @errors. */
void        cl_opinion_entry_check_day (CLOpinionEntry *self,
                                        const GDate    *today,
                                        GHashTable     *errors);

G_END_DECLS
