#define G_LOG_DOMAIN "test-staff-quals"

#include "config.h"

#include "cl-date.h"
#include "cl-staff-quals.h"
#include "cl-staff-store.h"
#include "cl-store-staff.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* A member of staff's qualifications (README, "Staff"): their rules,
 * the CPR certificate's validity and who is warned of an expiry, at
 * the edges of the window, with CARELINE_TODAY 2026-11-23. */

#define TODAY "2026-11-23"

typedef struct
{
  char    *dir;
  CLStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_setenv ("CARELINE_TODAY", TODAY, TRUE);
  f->dir = cl_test_make_tmp_dir ("test-staff-quals");
  f->store = cl_test_store_open (f->dir);
  cl_store_set_actor (f->store, "admin");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
}

static const char *
error_of (CLStaff    *staff,
          const char *field)
{
  static GHashTable *errors;

  g_clear_pointer (&errors, g_hash_table_unref);
  errors = cl_staff_validate (staff);
  return g_hash_table_lookup (errors, field);
}

static void
test_rules (void)
{
  g_autoptr(CLStaff) staff = cl_staff_new ("zhou", "周敏", CL_ROLE_ESCORT);

  g_setenv ("CARELINE_TODAY", TODAY, TRUE);

  g_object_set (staff, "education", "college", "licence-number", "202135000123",
                "licence-expires", "2027-06-30", "cpr-date", TODAY,
                "languages", "mandarin minnan", NULL);
  g_assert_cmpuint (g_hash_table_size (cl_staff_validate (staff)), ==, 0);

  g_object_set (staff, "licence-number", "12-34", NULL);
  g_assert_cmpstr (error_of (staff, "licence_number"), ==,
                   "A licence number has 6 to 20 Latin letters and digits");
  g_object_set (staff, "licence-number", "12345", NULL);
  g_assert_nonnull (error_of (staff, "licence_number"));
  g_object_set (staff, "licence-number", "123456789012345678901", NULL);
  g_assert_nonnull (error_of (staff, "licence_number"));
  g_object_set (staff, "licence-number", "123456", NULL);
  g_assert_null (error_of (staff, "licence_number"));

  g_object_set (staff, "licence-expires", "2027-02-29", NULL);
  g_assert_cmpstr (error_of (staff, "licence_expires"), ==, "Enter a real date as YYYY-MM-DD");
  g_object_set (staff, "licence-expires", "1999-12-31", NULL);
  g_assert_cmpstr (error_of (staff, "licence_expires"), ==, "The date is before 2000; please check the year");
  g_object_set (staff, "licence-expires", "2000-01-01", NULL);
  g_assert_null (error_of (staff, "licence_expires"));
  g_object_set (staff, "licence-expires", NULL, NULL);
  g_assert_cmpstr (error_of (staff, "licence_expires"), ==, "Enter the date the licence expires");
  g_object_set (staff, "licence-number", NULL, "licence-expires", "2027-01-01", NULL);
  g_assert_cmpstr (error_of (staff, "licence_number"), ==, "Enter the licence number of this expiry date");
  g_object_set (staff, "licence-expires", NULL, NULL);

  /* The CPR certificate: today is fine, tomorrow is not yet issued. */
  g_object_set (staff, "cpr-date", "2026-11-24", NULL);
  g_assert_cmpstr (error_of (staff, "cpr_date"), ==, "The CPR certificate date is in the future");

  g_object_set (staff, "cpr-date", NULL, "languages", "minnan klingon", NULL);
  g_assert_cmpstr (error_of (staff, "languages"), ==, "“klingon” is not a language on the list");
  g_object_set (staff, "languages", NULL, "education", "phd", NULL);
  g_assert_cmpstr (error_of (staff, "education"), ==, "“phd” is not a level of education");
  g_object_set (staff, "education", NULL, NULL);
  g_assert_cmpuint (g_hash_table_size (cl_staff_validate (staff)), ==, 0);
  error_of (staff, "");
}

static void
test_cpr_validity (void)
{
  g_autoptr(CLStaff) staff = cl_staff_new ("zhou", "周敏", CL_ROLE_ESCORT);
  g_autofree char *iso = NULL;
  GDate expires;

  g_assert_false (cl_staff_get_cpr_expires (staff, &expires));
  g_object_set (staff, "cpr-date", "2025-03-10", NULL);
  g_assert_true (cl_staff_get_cpr_expires (staff, &expires));
  iso = cl_date_to_iso (&expires);
  g_assert_cmpstr (iso, ==, "2027-03-09");
  g_clear_pointer (&iso, g_free);

  /* A leap day: two years on there is none, so it runs to the end of
   * February. */
  g_object_set (staff, "cpr-date", "2024-02-29", NULL);
  g_assert_true (cl_staff_get_cpr_expires (staff, &expires));
  iso = cl_date_to_iso (&expires);
  g_assert_cmpstr (iso, ==, "2026-02-28");
}

/* The expiry window at its edges, through a real store file: saved,
 * read back, listed. */
static void
test_expiring (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    const char *username, *licence, *cpr;
    gboolean    active;
  } people[] = {
    { "a30", "2026-12-23", NULL, TRUE },           /* 30 days: warned */
    { "a31", "2026-12-24", NULL, TRUE },           /* 31 days: not yet */
    { "today", "2026-11-23", NULL, TRUE },         /* last day today */
    { "gone", "2026-11-22", NULL, TRUE },          /* expired yesterday */
    { "idle", "2026-11-22", NULL, FALSE },         /* inactive: not listed */
    { "cpr30", NULL, "2024-12-24", TRUE },         /* valid to 2026-12-23 */
    { "cpr31", NULL, "2024-12-25", TRUE },         /* valid to 2026-12-24 */
    { "cprgone", NULL, "2024-11-23", TRUE },       /* valid to 2026-11-22 */
  };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) expiring = NULL;
  GDate today;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(CLStaff) staff = cl_staff_new (people[i].username, people[i].username, CL_ROLE_ESCORT);
      g_autoptr(GError) error = NULL;

      g_object_set (staff, "licence-number", people[i].licence ? "202135000123" : NULL,
                    "licence-expires", people[i].licence, "cpr-date", people[i].cpr,
                    "active", people[i].active, NULL);
      g_assert_true (cl_staff_store_save (f->store, staff, CL_ROLE_ADMIN, NULL, &error));
      g_assert_no_error (error);
    }

  all = cl_store_staff_list_all (f->store);
  cl_date_today (&today);
  expiring = cl_staff_list_expiring (all, &today, CL_STAFF_EXPIRY_WARN_DAYS);
  g_assert_cmpuint (expiring->len, ==, 5);

  {
    static const struct { const char *who; CLStaffQual qual; gint days; const char *text; } want[] = {
      { "gone", CL_STAFF_QUAL_LICENCE, -1, "Nurse licence expired on 22 Nov 2026" },
      { "cprgone", CL_STAFF_QUAL_CPR, -1, "CPR certificate expired on 22 Nov 2026" },
      { "today", CL_STAFF_QUAL_LICENCE, 0, "Nurse licence expires today, 23 Nov 2026" },
      { "a30", CL_STAFF_QUAL_LICENCE, 30, "Nurse licence expires in 30 days, on 23 Dec 2026" },
      { "cpr30", CL_STAFF_QUAL_CPR, 30, "CPR certificate expires in 30 days, on 23 Dec 2026" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      {
        CLStaffExpiry *e = g_ptr_array_index (expiring, i);
        g_autofree char *text = cl_staff_expiry_describe (e, &today);

        g_assert_cmpstr (cl_staff_get_username (e->staff), ==, want[i].who);
        g_assert_cmpint (e->qual, ==, want[i].qual);
        g_assert_cmpint (e->days_left, ==, want[i].days);
        g_assert_cmpstr (text, ==, want[i].text);
      }
  }

  /* A day later the 31-day ones come in. */
  g_date_add_days (&today, 1);
  g_clear_pointer (&expiring, g_ptr_array_unref);
  expiring = cl_staff_list_expiring (all, &today, CL_STAFF_EXPIRY_WARN_DAYS);
  g_assert_cmpuint (expiring->len, ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/staff-quals/rules", test_rules);
  g_test_add_func ("/staff-quals/cpr-validity", test_cpr_validity);
  g_test_add ("/staff-quals/expiring", Fixture, NULL, fixture_set_up, test_expiring, fixture_tear_down);

  return g_test_run ();
}
