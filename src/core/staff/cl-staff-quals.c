/* cl-staff-quals.c
 *
 * A member of staff's qualifications and their expiry (cl-staff-quals.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-staff"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-staff-quals.h"
#include "cl-util.h"

typedef struct {
  const char *code;
  const char *label;
} Label;

static const Label educations[] = {
  { "secondary", N_("Secondary school") },
  { "college", N_("College diploma") },
  { "bachelor", N_("Bachelor’s degree") },
  { "master", N_("Master’s degree or higher") },
  { "other", N_("Other") },
};

static const Label languages[] = {
  { "mandarin", N_("Mandarin") },
  { "minnan", N_("Minnan") },
  { "cantonese", N_("Cantonese") },
  { "hakka", N_("Hakka") },
  { "english", N_("English") },
};

const char * const *
cl_staff_educations (void)
{
  static const char * const codes[] = { "secondary", "college", "bachelor", "master", "other", NULL };

  return codes;
}

const char *
cl_staff_education_label (const char *education)
{
  for (guint i = 0; education && i < G_N_ELEMENTS (educations); i++)
    if (g_str_equal (educations[i].code, education))
      return _(educations[i].label);
  return education;
}

const char * const *
cl_staff_language_codes (void)
{
  static const char * const codes[] = { "mandarin", "minnan", "cantonese", "hakka", "english", NULL };

  return codes;
}

const char *
cl_staff_language_label (const char *code)
{
  for (guint i = 0; code && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, code))
      return _(languages[i].label);
  return code;
}

char *
cl_staff_format_languages (CLStaff *self)
{
  const char *text = cl_staff_get_languages (self);
  g_auto(GStrv) codes = g_strsplit (text ? text : "", " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; codes[i]; i++)
    {
      if (*codes[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, _(", "));
      g_string_append (out, cl_staff_language_label (codes[i]));
    }
  return g_string_free (out, FALSE);
}

gboolean
cl_staff_get_cpr_expires (CLStaff *self,
                          GDate   *out)
{
  gboolean leap_day;

  g_return_val_if_fail (CL_IS_STAFF (self), FALSE);

  g_date_clear (out, 1);
  if (cl_str_empty (cl_staff_get_cpr_date (self)) ||
      !cl_date_parse (cl_staff_get_cpr_date (self), out, NULL))
    {
      g_date_clear (out, 1);
      return FALSE;
    }
  /* Valid through the day before the same date two years on: issued
   * 2025-03-10, the last valid day is 2027-03-09.  Issued on 29
   * February, the anniversary in a common year is 1 March. */
  leap_day = g_date_get_month (out) == G_DATE_FEBRUARY && g_date_get_day (out) == 29;
  g_date_add_years (out, CL_STAFF_CPR_VALID_YEARS);
  if (!leap_day || g_date_get_day (out) == 29)
    g_date_subtract_days (out, 1);
  return TRUE;
}

static void
field_error (GHashTable *errors,
             const char *field,
             char       *message)
{
  if (!g_hash_table_contains (errors, field))
    g_hash_table_insert (errors, g_strdup (field), message);
  else
    g_free (message);
}

/* A date rule shared by the licence and the CPR date: an ISO date
 * (the store's form, which the dialog writes) from 2000 on. */
static gboolean
check_date (GHashTable *errors,
            const char *field,
            const char *text,
            GDate      *out)
{
  GDate first;

  if (!cl_date_parse (text, out, NULL) || strlen (text) != 10)
    {
      field_error (errors, field, g_strdup (_("Enter a real date as YYYY-MM-DD")));
      return FALSE;
    }
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 2000);
  if (g_date_compare (out, &first) < 0)
    {
      field_error (errors, field, g_strdup (_("The date is before 2000; please check the year")));
      return FALSE;
    }
  return TRUE;
}

void
cl_staff_quals_validate (CLStaff    *self,
                         GHashTable *errors)
{
  const char *education = cl_staff_get_education (self);
  const char *number = cl_staff_get_licence_number (self);
  const char *expires = cl_staff_get_licence_expires (self);
  const char *cpr = cl_staff_get_cpr_date (self);
  const char *langs = cl_staff_get_languages (self);
  GDate date;

  if (!cl_str_empty (education) && !g_strv_contains (cl_staff_educations (), education))
    field_error (errors, "education", g_strdup_printf (_("“%s” is not a level of education"), education));

  if (!cl_str_empty (number))
    {
      gsize len = strlen (number);
      gboolean ok = len >= 6 && len <= 20;

      for (const char *p = number; ok && *p; p++)
        ok = g_ascii_isalnum (*p);
      if (!ok)
        field_error (errors, "licence_number",
                     g_strdup (_("A licence number has 6 to 20 Latin letters and digits")));
      if (cl_str_empty (expires))
        field_error (errors, "licence_expires", g_strdup (_("Enter the date the licence expires")));
    }
  else if (!cl_str_empty (expires))
    field_error (errors, "licence_number", g_strdup (_("Enter the licence number of this expiry date")));
  if (!cl_str_empty (expires))
    check_date (errors, "licence_expires", expires, &date);

  if (!cl_str_empty (cpr) && check_date (errors, "cpr_date", cpr, &date))
    {
      GDate today;

      cl_date_today (&today);
      if (g_date_compare (&date, &today) > 0)
        field_error (errors, "cpr_date", g_strdup (_("The CPR certificate date is in the future")));
    }

  if (!cl_str_empty (langs))
    {
      g_auto(GStrv) codes = g_strsplit (langs, " ", -1);

      for (guint i = 0; codes[i]; i++)
        if (*codes[i] && !g_strv_contains (cl_staff_language_codes (), codes[i]))
          {
            field_error (errors, "languages", g_strdup_printf (_("“%s” is not a language on the list"), codes[i]));
            break;
          }
    }
}

void
cl_staff_expiry_free (CLStaffExpiry *expiry)
{
  if (expiry == NULL)
    return;
  g_clear_object (&expiry->staff);
  g_free (expiry);
}

static void
add_expiry (GPtrArray   *out,
            CLStaff     *staff,
            CLStaffQual  qual,
            const GDate *expires,
            const GDate *today,
            guint        within_days)
{
  gint days = cl_date_days_between (today, expires);
  CLStaffExpiry *expiry;

  if (days > (gint) within_days)
    return;
  expiry = g_new0 (CLStaffExpiry, 1);
  expiry->staff = g_object_ref (staff);
  expiry->qual = qual;
  expiry->expires = *expires;
  expiry->days_left = days;
  g_ptr_array_add (out, expiry);
}

static gint
compare_expiry (gconstpointer a,
                gconstpointer b)
{
  const CLStaffExpiry *x = *(CLStaffExpiry * const *) a;
  const CLStaffExpiry *y = *(CLStaffExpiry * const *) b;

  if (x->days_left != y->days_left)
    return x->days_left < y->days_left ? -1 : 1;
  return (gint) x->qual - (gint) y->qual;
}

GPtrArray *
cl_staff_list_expiring (GPtrArray   *staff,
                        const GDate *today,
                        guint        within_days)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_staff_expiry_free);

  g_return_val_if_fail (staff != NULL, out);
  g_return_val_if_fail (today && g_date_valid (today), out);

  for (guint i = 0; i < staff->len; i++)
    {
      CLStaff *person = g_ptr_array_index (staff, i);
      const char *licence = cl_staff_get_licence_expires (person);
      GDate date;

      if (!cl_staff_get_active (person))
        continue;
      g_date_clear (&date, 1);
      if (!cl_str_empty (licence) && cl_date_parse (licence, &date, NULL))
        add_expiry (out, person, CL_STAFF_QUAL_LICENCE, &date, today, within_days);
      if (cl_staff_get_cpr_expires (person, &date))
        add_expiry (out, person, CL_STAFF_QUAL_CPR, &date, today, within_days);
    }
  /* Stable: people keep the list's order within a day. */
  g_ptr_array_sort (out, compare_expiry);
  return out;
}

char *
cl_staff_expiry_describe (const CLStaffExpiry *expiry,
                          const GDate         *today)
{
  g_autofree char *date = cl_date_format (&expiry->expires, CL_DATE_FULL, today);
  gboolean licence = expiry->qual == CL_STAFF_QUAL_LICENCE;
  gint days = expiry->days_left;

  if (days < 0)
    return g_strdup_printf (licence ? _("Nurse licence expired on %s") : _("CPR certificate expired on %s"), date);
  if (days == 0)
    return g_strdup_printf (licence ? _("Nurse licence expires today, %s") : _("CPR certificate expires today, %s"), date);
  return g_strdup_printf (licence ? g_dngettext (GETTEXT_PACKAGE, "Nurse licence expires in %d day, on %s",
                                                 "Nurse licence expires in %d days, on %s", days)
                                  : g_dngettext (GETTEXT_PACKAGE, "CPR certificate expires in %d day, on %s",
                                                 "CPR certificate expires in %d days, on %s", days),
                          days, date);
}
