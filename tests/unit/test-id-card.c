/* test-id-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "cl-date.h"
#include "cl-id-card.h"
#include "cl-validation.h"

#define OK -1

static void
test_checksum (void)
{
  /* Check digits worked out by hand from the GB 11643-1999 weights;
   * 11010519491231002X is the standard's own example. */
  static const struct
  {
    const char *first17;
    char        check;
  } cases[] = {
    { "11010519491231002", 'X' },
    { "11010519900307123", '9' },
    { "44030619851120002", '4' },
    { "31011520000229004", '8' },
    { "51010719791015001", '9' },
    { "32058319950618152", '8' },
    { "44030619870302001", 'X' },
    { "11010119000101001", '4' },
    /* not 17 digits */
    { "1101051949123100", 0 },
    { "1101051949123100A", 0 },
    { "", 0 },
    { NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cl_id_card_check_digit (cases[i].first17), ==, cases[i].check);

  /* Only the first 17 characters count: a full 18-character number
   * gives its own last character back. */
  g_assert_cmpint (cl_id_card_check_digit ("110105199003071239"), ==, '9');
}

static void
test_validate (void)
{
  static const struct
  {
    const char *text;
    gint        code;
    const char *normalized;
    const char *birth;
    ClSex       sex;
  } cases[] = {
    { "110105199003071239", OK, "110105199003071239", "1990-03-07", CL_SEX_MALE },
    { "440306198511200024", OK, "440306198511200024", "1985-11-20", CL_SEX_FEMALE },
    { "11010519491231002X", OK, "11010519491231002X", "1949-12-31", CL_SEX_FEMALE },
    { "44030619870302001X", OK, "44030619870302001X", "1987-03-02", CL_SEX_MALE },
    /* born on 29 Feb of a leap year */
    { "310115200002290048", OK, "310115200002290048", "2000-02-29", CL_SEX_FEMALE },
    { "320583199506181528", OK, "320583199506181528", "1995-06-18", CL_SEX_FEMALE },
    /* lowercase x is accepted and upper-cased */
    { "44030619870302001x", OK, "44030619870302001X", "1987-03-02", CL_SEX_MALE },
    /* blanks as people group the number, and full-width IME digits */
    { " 110105 19900307 1239 ", OK, "110105199003071239", "1990-03-07", CL_SEX_MALE },
    { "１１０１０５１９９００３０７１２３９", OK, "110105199003071239", "1990-03-07", CL_SEX_MALE },
    /* born today (CARELINE_TODAY=2026-11-23) and on 1 Jan 1900: both edges allowed */
    { "110101202611230028", OK, "110101202611230028", "2026-11-23", CL_SEX_FEMALE },
    { "110101190001010014", OK, "110101190001010014", "1900-01-01", CL_SEX_MALE },

    /* wrong check digit: last digit changed, and two digits swapped */
    { "110105199003071238", CL_VALIDATION_ERROR_CHECKSUM },
    { "11010519491231002Y", CL_VALIDATION_ERROR_FORMAT },
    { "110105199003071293", CL_VALIDATION_ERROR_CHECKSUM },
    { "440306198703020010", CL_VALIDATION_ERROR_CHECKSUM },
    /* lengths */
    { "11010519900307123", CL_VALIDATION_ERROR_FORMAT },
    { "1101051990030712390", CL_VALIDATION_ERROR_FORMAT },
    { "110105900307123", CL_VALIDATION_ERROR_FORMAT },  /* old 15-digit card */
    /* letters */
    { "1101051990O3071239", CL_VALIDATION_ERROR_FORMAT },
    { "X10105199003071239", CL_VALIDATION_ERROR_FORMAT },
    { "11010519900307123A", CL_VALIDATION_ERROR_FORMAT },
    { "110105-19900307-1239", CL_VALIDATION_ERROR_FORMAT },
    /* birth dates, all with a correct check digit */
    { "110105199002301231", CL_VALIDATION_ERROR_DATE },  /* 30 Feb */
    { "110105200102291232", CL_VALIDATION_ERROR_DATE },  /* 29 Feb of a common year */
    { "11010519901301123X", CL_VALIDATION_ERROR_DATE },  /* month 13 */
    { "110101202611240023", CL_VALIDATION_ERROR_DATE },  /* tomorrow */
    { "110101189912310028", CL_VALIDATION_ERROR_DATE },  /* before 1900 */
    /* empty */
    { "", CL_VALIDATION_ERROR_EMPTY },
    { "   ", CL_VALIDATION_ERROR_EMPTY },
    { NULL, CL_VALIDATION_ERROR_EMPTY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      GDate birth;
      ClSex sex = CL_SEX_UNKNOWN;
      gboolean ok;

      g_test_message ("ID “%s”", cases[i].text ? cases[i].text : "(null)");
      g_date_clear (&birth, 1);
      ok = cl_id_card_validate (cases[i].text, &normalized, &birth, &sex, &error);

      if (cases[i].code == OK)
        {
          g_autofree char *birth_iso = NULL;

          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (normalized, ==, cases[i].normalized);
          birth_iso = cl_date_to_iso (&birth);
          g_assert_cmpstr (birth_iso, ==, cases[i].birth);
          g_assert_cmpint (sex, ==, cases[i].sex);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, CL_VALIDATION_ERROR, cases[i].code);
          /* outputs untouched on failure */
          g_assert_null (normalized);
          g_assert_false (g_date_valid (&birth));
          g_assert_cmpint (sex, ==, CL_SEX_UNKNOWN);
        }
    }
}

static void
test_optional_outputs (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_id_card_validate ("11010519491231002x", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cl_id_card_validate ("11010519491231002", NULL, NULL, NULL, NULL));
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_id_card_validate ("11010519900307123", NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "The ID number must have 18 characters (17 entered)");
  g_clear_error (&error);

  g_assert_false (cl_id_card_validate ("110105199003071238", NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "The check digit does not match; please re-check the number");
  g_clear_error (&error);

  g_assert_false (cl_id_card_validate ("110105199002301231", NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "birth date"));
}

static void
test_mask (void)
{
  static const struct
  {
    const char *number;
    const char *masked;
  } cases[] = {
    { "110105199003071239", "110105********1239" },
    { "11010519491231002X", "110105********002X" },
    { "11010519900307", "110105****0307" },
    /* too short to keep 6 + 4: all but the last four hidden */
    { "1101051990", "******1990" },
    { "12345", "*2345" },
    { "1234", "1234" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = cl_id_card_mask (cases[i].number);

      g_assert_cmpstr (masked, ==, cases[i].masked);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/id-card/checksum", test_checksum);
  g_test_add_func ("/id-card/validate", test_validate);
  g_test_add_func ("/id-card/optional-outputs", test_optional_outputs);
  g_test_add_func ("/id-card/messages", test_messages);
  g_test_add_func ("/id-card/mask", test_mask);

  return g_test_run ();
}
