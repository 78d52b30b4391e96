/* cl-dating.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-dating"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-validation.h"

#define WEEK 7

/* Limits used by cl_dating_check().  They catch typos (a wrong year,
 * swapped month and day), not clinical judgement, so they are wide:
 *
 * - LMP: not after today.  While no delivery (or other end) date is
 *   recorded the pregnancy is taken as ongoing, and an LMP more than
 *   45 weeks back would mean 5 weeks past 40+0 with nothing recorded.
 * - Corrected EDD: after the LMP, and within 3 weeks either way of the
 *   LMP-derived EDD (LMP+259 .. LMP+301).  Early ultrasound corrects
 *   the dating by days, rarely by more than two weeks; three weeks
 *   leaves room, more is almost certainly a slip of the month.
 *   Without an LMP the same bounds apply to the EDD's implied LMP
 *   (EDD-280): not in the future (EDD at most 280 days ahead) and, for
 *   an ongoing pregnancy, not more than 45 weeks back (EDD not more
 *   than 35 days ago).
 * - Delivery (or end) date: not before the LMP, not more than 45 weeks
 *   after it, and not after today.  A miscarriage at 8 weeks is a real
 *   end date, so there is no lower gestational bound. */
#define MAX_ONGOING_DAYS (45 * WEEK)
#define MAX_EDD_CORRECTION (3 * WEEK)

void
cl_dating_edd_from_lmp (const GDate *lmp,
                        GDate       *edd)
{
  g_return_if_fail (edd != NULL);

  if (lmp == NULL || !g_date_valid (lmp))
    {
      g_date_clear (edd, 1);
      return;
    }

  *edd = *lmp;
  g_date_add_days (edd, CL_PREGNANCY_DAYS);
}

gint
cl_dating_gestational_days (const GDate *edd,
                            const GDate *on)
{
  g_return_val_if_fail (edd != NULL && g_date_valid (edd), 0);
  g_return_val_if_fail (on != NULL && g_date_valid (on), 0);

  return CL_PREGNANCY_DAYS - cl_date_days_between (on, edd);
}

char *
cl_dating_format_ga (gint days)
{
  if (days < 0)
    return NULL;

  return cl_date_format_ga (days, -1, CL_GA_PLAIN);
}

gboolean
cl_dating_parse_ga (const char  *text,
                    gint        *out_days,
                    GError     **error)
{
  g_autofree char *folded = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  g_auto(GStrv) parts = NULL;
  gint weeks = 0, days = 0;

  g_return_val_if_fail (out_days != NULL, FALSE);

  parts = g_strsplit (folded ? folded : "", "+", -1);
  if (g_strv_length (parts) < 1 || g_strv_length (parts) > 2 ||
      !cl_validation_parse_int (parts[0], 0, 42, &weeks, NULL) ||
      (parts[1] && !cl_validation_parse_int (parts[1], 0, 6, &days, NULL)))
    {
      g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                   _("Enter weeks+days, such as 12+0 or 27+6 (weeks 0 to 42, days 0 to 6)"));
      return FALSE;
    }
  *out_days = weeks * WEEK + days;
  return TRUE;
}

char *
cl_dating_format_ga_display (gint days)
{
  return cl_date_format_ga (days, -1, CL_GA_WEEKS);
}

gint
cl_dating_postpartum_day (const GDate *delivery,
                          const GDate *on)
{
  g_return_val_if_fail (delivery != NULL && g_date_valid (delivery), -1);
  g_return_val_if_fail (on != NULL && g_date_valid (on), -1);

  if (g_date_compare (on, delivery) < 0)
    return -1;

  return cl_date_days_between (delivery, on);
}

static ClStage
stage_from_edd (const GDate *edd,
                const GDate *on)
{
  gint days;

  if (edd == NULL || !g_date_valid (edd))
    return CL_STAGE_NONE;

  days = cl_dating_gestational_days (edd, on);

  /* Before the LMP there is no pregnancy to stage. */
  if (days < 0)
    return CL_STAGE_NONE;
  if (days < 14 * WEEK)
    return CL_STAGE_FIRST_TRIMESTER;
  if (days < 28 * WEEK)
    return CL_STAGE_SECOND_TRIMESTER;

  /* Post-term stays third trimester: it is still an open pregnancy
   * that somebody must follow up. */
  return CL_STAGE_THIRD_TRIMESTER;
}

/* Notes on the cases the header leaves open:
 * - a NULL or unknown @status counts as "ongoing", so a record from a
 *   newer version still shows a trimester rather than nothing;
 * - "delivered" without a delivery date stays POSTPARTUM: the record
 *   is incomplete and the postpartum list is where it gets fixed;
 * - "delivered" looked at on a day before the delivery (reports for a
 *   past date) is staged from the EDD, as it was on that day. */
ClStage
cl_dating_stage (const char  *status,
                 const GDate *edd,
                 const GDate *delivery,
                 const GDate *on)
{
  GDate today;

  if (on == NULL || !g_date_valid (on))
    {
      cl_date_today (&today);
      on = &today;
    }

  if (g_strcmp0 (status, "ended") == 0)
    return CL_STAGE_CLOSED;

  if (g_strcmp0 (status, "delivered") == 0)
    {
      gint day;

      if (delivery == NULL || !g_date_valid (delivery))
        return CL_STAGE_POSTPARTUM;

      day = cl_dating_postpartum_day (delivery, on);
      if (day > CL_POSTPARTUM_DAYS)
        return CL_STAGE_CLOSED;
      if (day >= 0)
        return CL_STAGE_POSTPARTUM;

      return stage_from_edd (edd, on);
    }

  return stage_from_edd (edd, on);
}

const char *
cl_stage_to_label (ClStage stage)
{
  switch (stage)
    {
    case CL_STAGE_NONE:
      return _("Not dated");
    case CL_STAGE_FIRST_TRIMESTER:
      return _("First trimester");
    case CL_STAGE_SECOND_TRIMESTER:
      return _("Second trimester");
    case CL_STAGE_THIRD_TRIMESTER:
      return _("Third trimester");
    case CL_STAGE_POSTPARTUM:
      return _("Postpartum");
    case CL_STAGE_CLOSED:
      return _("Closed");
    default:
      g_return_val_if_reached ("");
    }
}

static gboolean
fail (const char  **field,
      const char   *name,
      GError      **error,
      gint          code,
      const char   *message)
{
  if (field != NULL)
    *field = name;
  g_set_error_literal (error, CL_VALIDATION_ERROR, code, message);
  return FALSE;
}

static inline gboolean
is_set (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

gboolean
cl_dating_check (const GDate  *lmp,
                 const GDate  *corrected_edd,
                 const GDate  *delivery,
                 const GDate  *today,
                 const char  **field,
                 GError      **error)
{
  GDate local_today;
  gboolean ongoing;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (field != NULL)
    *field = NULL;

  if (!is_set (today))
    {
      cl_date_today (&local_today);
      today = &local_today;
    }

  ongoing = !is_set (delivery);

  if (is_set (lmp))
    {
      gint ago = cl_date_days_between (lmp, today);

      if (ago < 0)
        return fail (field, "lmp", error, CL_VALIDATION_ERROR_RANGE,
                     _("The last menstrual period cannot be in the future; please check the date"));

      if (ongoing && ago > MAX_ONGOING_DAYS)
        return fail (field, "lmp", error, CL_VALIDATION_ERROR_RANGE,
                     _("The last menstrual period is more than 45 weeks ago; check the year, or enter the delivery date"));
    }

  if (is_set (corrected_edd))
    {
      if (is_set (lmp))
        {
          GDate edd;
          gint shift;

          if (g_date_compare (corrected_edd, lmp) <= 0)
            return fail (field, "corrected-edd", error, CL_VALIDATION_ERROR_ORDER,
                         _("The expected delivery date must be after the last menstrual period"));

          cl_dating_edd_from_lmp (lmp, &edd);
          shift = cl_date_days_between (&edd, corrected_edd);
          if (ABS (shift) > MAX_EDD_CORRECTION)
            return fail (field, "corrected-edd", error, CL_VALIDATION_ERROR_RANGE,
                         _("The corrected due date is more than 3 weeks from the date given by the last menstrual period; please check both dates"));
        }
      else
        {
          gint ahead = cl_date_days_between (today, corrected_edd);

          if (ahead > CL_PREGNANCY_DAYS)
            return fail (field, "corrected-edd", error, CL_VALIDATION_ERROR_RANGE,
                         _("The expected delivery date is more than 40 weeks from today; please check the year"));

          if (ongoing && ahead < CL_PREGNANCY_DAYS - MAX_ONGOING_DAYS)
            return fail (field, "corrected-edd", error, CL_VALIDATION_ERROR_RANGE,
                         _("The expected delivery date is more than 5 weeks ago; check the year, or enter the delivery date"));
        }
    }

  if (is_set (delivery))
    {
      if (is_set (lmp))
        {
          gint days = cl_date_days_between (lmp, delivery);

          if (days < 0)
            return fail (field, "delivery-date", error, CL_VALIDATION_ERROR_ORDER,
                         _("The delivery date cannot be before the last menstrual period"));

          if (days > MAX_ONGOING_DAYS)
            return fail (field, "delivery-date", error, CL_VALIDATION_ERROR_RANGE,
                         _("The delivery date is more than 45 weeks after the last menstrual period; please check both dates"));
        }

      if (g_date_compare (delivery, today) > 0)
        return fail (field, "delivery-date", error, CL_VALIDATION_ERROR_RANGE,
                     _("The delivery date cannot be in the future"));
    }

  return TRUE;
}
