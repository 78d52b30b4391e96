#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_PREGNANCY_DAYS 280
#define CL_POSTPARTUM_DAYS 42

typedef enum
{
  CL_STAGE_NONE = 0,          /* no dating */
  CL_STAGE_FIRST_TRIMESTER,   /* < 14+0 weeks */
  CL_STAGE_SECOND_TRIMESTER,  /* 14+0 .. 27+6 */
  CL_STAGE_THIRD_TRIMESTER,   /* >= 28+0 and not delivered */
  CL_STAGE_POSTPARTUM,        /* delivered, day 0..42 */
  CL_STAGE_CLOSED,            /* ended, or past day 42 */
} ClStage;

/* EDD = LMP + 280 days (Naegele). */
void      cl_dating_edd_from_lmp      (const GDate *lmp,
                                       GDate       *edd);

/* Gestational age in days on @on, from the effective EDD:
 * 280 - (edd - on).  May be negative or > 300 for absurd input. */
gint      cl_dating_gestational_days  (const GDate *edd,
                                       const GDate *on);

/* "32+4" for 228 days.  Negative days give NULL.  (Both formats are
 * cl_date_format_ga()'s, which also writes windows.) */
char     *cl_dating_format_ga         (gint days);

/* Parses a gestational age typed as weeks+days ("12+0", "27+6", or
 * "12" for 12+0; full-width digits and ＋ are accepted) into days.
 * Weeks 0 to 42, days 0 to 6; FALSE with a translated message
 * otherwise. */
gboolean  cl_dating_parse_ga          (const char  *text,
                                       gint        *out_days,
                                       GError     **error);

/* "32+4 wk" / zh_CN "孕 32+4 周" (translatable). NULL for negative. */
char     *cl_dating_format_ga_display (gint days);

/* Day after delivery: the delivery date is day 0; -1 if @on is before
 * the delivery. */
gint      cl_dating_postpartum_day    (const GDate *delivery,
                                       const GDate *on);

/* Stage of a pregnancy on @on.  @status is "ongoing", "delivered" or
 * "ended"; @edd may be NULL/invalid (then NONE unless delivered/ended);
 * @delivery may be NULL. */
ClStage   cl_dating_stage             (const char  *status,
                                       const GDate *edd,
                                       const GDate *delivery,
                                       const GDate *on);

/* Translated stage name ("Second trimester" / "孕中期"). */
const char *cl_stage_to_label         (ClStage stage);

/* Checks a pregnancy's dates as typed: LMP not in the future, not more
 * than 45 weeks ago for an ongoing pregnancy; corrected EDD (if given)
 * after the LMP and within 3 weeks of the LMP-derived EDD, or without
 * an LMP, implying an LMP that passes the same tests; delivery date not
 * before the LMP, not more than 45 weeks after it and not in the
 * future (exact limits in cl-dating.c).  While @delivery is NULL the
 * pregnancy counts as ongoing, so for a pregnancy that ended without a
 * delivery pass the date it ended.  Any argument may be NULL; a NULL
 * @today means cl_date_today().  Sets a translated
 * CL_VALIDATION_ERROR_ORDER/RANGE with *field set to "lmp",
 * "corrected-edd" or "delivery-date" (NULL on success). */
gboolean  cl_dating_check             (const GDate  *lmp,
                                       const GDate  *corrected_edd,
                                       const GDate  *delivery,
                                       const GDate  *today,
                                       const char  **field,
                                       GError      **error);

G_END_DECLS
