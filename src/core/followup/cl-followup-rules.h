#pragma once

#include "cl-followup-item.h"
#include "cl-ini.h"
#include "cl-scale.h"

G_BEGIN_DECLS

/* The pathway rules that plan a patient's follow-up items, as data: one
 * [Rule NAME] group per rule in data/followup-rules.ini (compiled in; a
 * hospital's own copy in a system or user config dir
 * "careline/followup-rules.ini" takes its place).  The format is in the
 * README, "Follow-up rules and scales". */

typedef enum
{
  CL_FOLLOWUP_TRIGGER_BEFORE_VISIT_OPENS,   /* days before a prenatal visit's window opens */
  CL_FOLLOWUP_TRIGGER_AFTER_VISIT_CLOSES,   /* days after a visit's window closed, not done */
  CL_FOLLOWUP_TRIGGER_ORDER_REMINDER_DATE,  /* on a doctor's order's reminder date */
  CL_FOLLOWUP_TRIGGER_AFTER_REPORT_FILED,   /* days after a check report was filed */
  CL_FOLLOWUP_TRIGGER_BIRTH_RECORDED,       /* days after the birth (0: that day) */
  CL_FOLLOWUP_TRIGGER_BEFORE_REVISIT,       /* days before a postpartum visit opens, once born */
  CL_FOLLOWUP_TRIGGER_GESTATIONAL_WEEKS,    /* when the pregnancy reaches a week range */
  CL_FOLLOWUP_TRIGGER_AT_VISIT,             /* when a visit's window opens */
} CLFollowupTrigger;

typedef struct
{
  char              *id;          /* NAME of [Rule NAME] */
  CLFollowupKind     kind;
  CLFollowupTrigger  trigger;
  guint              days;        /* the trigger's N */
  guint              first_week;  /* gestational-weeks: W1 … */
  guint              last_week;   /* … W2, both inclusive */
  char              *visit;       /* only this visit key; NULL: every visit the trigger applies to */
  char              *scale_id;    /* kind scale */
  CLFollowupChannel  channel;     /* the items' channel until someone changes it */
  CLLocalText       *template;    /* {name} {visit} {date} {place} */
  CLLocalText       *place;       /* what {place} says; NULL when the rule has none */
  gboolean           escort;      /* the item offers an escort */
} CLFollowupRule;

#define CL_TYPE_FOLLOWUP_RULES (cl_followup_rules_get_type ())
G_DECLARE_FINAL_TYPE (CLFollowupRules, cl_followup_rules, CL, FOLLOWUP_RULES, GObject)

/* @scales: the CLScale a scale rule may name; NULL for the built-in
 * ones.  NULL with a G_KEY_FILE_ERROR "FILE: [Rule NAME] KEY: …" on a
 * malformed file, an unknown placeholder in a template included. */
CLFollowupRules      *cl_followup_rules_new_from_bytes (GBytes          *bytes,
                                                        const char      *source,
                                                        GPtrArray       *scales,
                                                        GError         **error);
CLFollowupRules      *cl_followup_rules_new_from_file  (const char      *path,
                                                        GPtrArray       *scales,
                                                        GError         **error);
/* The rules in force: $CARELINE_FOLLOWUP_RULES, then the first
 * careline/followup-rules.ini in the user then system config dirs, then
 * the built-in ones.  A malformed file is warned about and skipped. */
CLFollowupRules      *cl_followup_rules_new_default    (void);
/* The rules in force for this process, read once with
 * cl_followup_rules_new_default(): a hospital changes its rules and
 * restarts.  Shared by the desk's planning and the server's gateway. */
CLFollowupRules      *cl_followup_rules_in_force       (void);

/* [Planning] max-overdue-days: how far back a newly planned item may
 * be due (default 14). */
guint                 cl_followup_rules_get_max_overdue_days (CLFollowupRules *self);
guint                 cl_followup_rules_get_n_rules    (CLFollowupRules *self);
const CLFollowupRule *cl_followup_rules_get_rule       (CLFollowupRules *self,
                                                        guint            index);
const CLFollowupRule *cl_followup_rules_lookup         (CLFollowupRules *self,
                                                        const char      *id);
/* The scale a scale rule names. */
CLScale              *cl_followup_rules_get_scale      (CLFollowupRules *self,
                                                        const char      *scale_id);

/* @rule's template in @lang (NULL: zh_CN, the patients' language) with
 * its placeholders filled: {name} @name, {visit} @visit, {date} @date
 * written the way @lang writes dates, {place} the rule's place. */
char                 *cl_followup_rule_render          (const CLFollowupRule *rule,
                                                        const char           *lang,
                                                        const char           *name,
                                                        const char           *visit,
                                                        const GDate          *date);

/* "2026年3月5日" for Chinese, "5 Mar 2026" otherwise, whatever the
 * desk's own language: a message is in the patient's. */
char                 *cl_followup_format_date          (const GDate          *date,
                                                        const char           *lang);

const char           *cl_followup_trigger_to_string    (CLFollowupTrigger     trigger);

G_END_DECLS
