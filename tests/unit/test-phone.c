/* test-phone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <locale.h>

#include "cl-phone.h"
#include "cl-validation.h"

#define OK -1

static void
test_validate (void)
{
  static const struct
  {
    const char *text;
    gint        code;
    const char *normalized;
  } cases[] = {
    { "13812345678", OK, "13812345678" },
    { "19912345678", OK, "19912345678" },
    { "15000000000", OK, "15000000000" },
    { "138 1234 5678", OK, "13812345678" },
    { "138-1234-5678", OK, "13812345678" },
    { " 138 - 1234 - 5678 ", OK, "13812345678" },
    { "+86 138 1234 5678", OK, "13812345678" },
    { "+86-138-1234-5678", OK, "13812345678" },
    { "+8613812345678", OK, "13812345678" },
    { "8613812345678", OK, "13812345678" },
    { "86 138 1234 5678", OK, "13812345678" },
    { "0086 138 1234 5678", OK, "13812345678" },
    { "１３８　１２３４　５６７８", OK, "13812345678" },  /* full-width IME input */
    { "＋８６１３８１２３４５６７８", OK, "13812345678" },

    { "138123456789", CL_VALIDATION_ERROR_FORMAT },       /* 12 digits */
    { "1381234567", CL_VALIDATION_ERROR_FORMAT },         /* 10 digits */
    { "+86 138123456789", CL_VALIDATION_ERROR_FORMAT },   /* 12 after +86 */
    { "86 1381234567", CL_VALIDATION_ERROR_FORMAT },      /* 86 + 10 is not 86 + 11 */
    { "12812345678", CL_VALIDATION_ERROR_FORMAT },        /* starts with 12 */
    { "11012345678", CL_VALIDATION_ERROR_FORMAT },
    { "23812345678", CL_VALIDATION_ERROR_FORMAT },
    { "1381234567a", CL_VALIDATION_ERROR_FORMAT },
    { "138 l234 5678", CL_VALIDATION_ERROR_FORMAT },      /* letter l for 1 */
    { "138.1234.5678", CL_VALIDATION_ERROR_FORMAT },
    { "(138) 1234 5678", CL_VALIDATION_ERROR_FORMAT },
    { "+1 415 555 0100", CL_VALIDATION_ERROR_FORMAT },    /* not +86 */
    { "138+12345678", CL_VALIDATION_ERROR_FORMAT },       /* + only in front */
    { "+", CL_VALIDATION_ERROR_FORMAT },
    { "010-6512-3456", CL_VALIDATION_ERROR_FORMAT },      /* landline */

    { "", CL_VALIDATION_ERROR_EMPTY },
    { "  - ", CL_VALIDATION_ERROR_EMPTY },
    { NULL, CL_VALIDATION_ERROR_EMPTY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean ok;

      g_test_message ("phone “%s”", cases[i].text ? cases[i].text : "(null)");
      ok = cl_phone_validate (cases[i].text, &normalized, &error);

      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (normalized, ==, cases[i].normalized);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, CL_VALIDATION_ERROR, cases[i].code);
          g_assert_null (normalized);
        }
    }

  g_assert_true (cl_phone_validate ("13812345678", NULL, NULL));
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_phone_validate ("138123456789", NULL, &error));
  g_assert_cmpstr (error->message, ==, "A mobile number must have 11 digits (12 entered)");
  g_clear_error (&error);

  g_assert_false (cl_phone_validate ("1381234567a", NULL, &error));
  g_assert_cmpstr (error->message, ==, "A mobile number may contain only digits, spaces and dashes");
  g_clear_error (&error);

  g_assert_false (cl_phone_validate ("12812345678", NULL, &error));
  g_assert_cmpstr (error->message, ==, "A mobile number starts with 13 to 19; please check the first digits");
}

static void
test_mask (void)
{
  static const struct
  {
    const char *phone;
    const char *masked;
  } cases[] = {
    { "13812345678", "138****5678" },
    { "19900001111", "199****1111" },
    { "010-65123456", "********3456" },
    { "138 1234 5678", "*********5678" },
    { "12345", "*2345" },
    { "123", "123" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = cl_phone_mask (cases[i].phone);

      g_assert_cmpstr (masked, ==, cases[i].masked);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone/validate", test_validate);
  g_test_add_func ("/phone/messages", test_messages);
  g_test_add_func ("/phone/mask", test_mask);

  return g_test_run ();
}
