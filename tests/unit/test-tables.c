#define G_LOG_DOMAIN "test-tables"

#include "config.h"

#include "cl-staff.h"
#include "cl-tables.h"

/* The role matrix as the README's "Roles" section prints it, one row a
 * table and one column a role (admin, case_manager, escort,
 * vip_steward, service_desk, finance): "RW", "R", "W" or "-".  The
 * permission table in cl-tables.c must answer exactly this. */
static const char * const roles[] = {
  CL_ROLE_ADMIN, CL_ROLE_CASE_MANAGER, CL_ROLE_ESCORT,
  CL_ROLE_VIP_STEWARD, CL_ROLE_SERVICE_DESK, CL_ROLE_FINANCE,
};

static const struct
{
  const char *table;
  const char *access[G_N_ELEMENTS (roles)];
} matrix[] = {
  { "patient",          { "RW", "RW", "R",  "R",  "RW", "R"  } },
  { "pregnancy",        { "RW", "RW", "R",  "R",  "R",  "-"  } },
  { "risk_event",       { "RW", "RW", "-",  "-",  "R",  "-"  } },
  { "staff",            { "RW", "R",  "R",  "R",  "R",  "R"  } },
  { "package",          { "RW", "R",  "R",  "R",  "R",  "R"  } },
  { "enrolment",        { "RW", "RW", "-",  "-",  "R",  "R"  } },
  { "share_rate",       { "RW", "-",  "-",  "-",  "-",  "RW" } },
  { "deduction",        { "RW", "-",  "-",  "-",  "-",  "RW" } },
  { "settlement_month", { "RW", "-",  "-",  "-",  "-",  "RW" } },
  { "contract",         { "RW", "-",  "-",  "-",  "-",  "R"  } },
  { "escort_task",      { "RW", "RW", "RW", "R",  "RW", "-"  } },
  { "vip_room",         { "RW", "R",  "R",  "R",  "R",  "-"  } },
  { "vip_booking",      { "RW", "RW", "-",  "RW", "R",  "-"  } },
  { "visit_mark",       { "RW", "RW", "-",  "-",  "R",  "-"  } },
  { "doctor_order",     { "RW", "RW", "-",  "-",  "R",  "-"  } },
  { "document",         { "RW", "RW", "-",  "-",  "R",  "-"  } },
  { "document_access",  { "RW", "W",  "-",  "-",  "W",  "-"  } },
  { "followup_item",    { "RW", "RW", "-",  "-",  "R",  "-"  } },
  { "scale_result",     { "RW", "RW", "-",  "-",  "-",  "-"  } },
  { "followup_delivery", { "R", "R",  "-",  "-",  "R",  "-"  } },
  { "course",           { "RW", "R",  "-",  "-",  "R",  "-"  } },
  { "course_assignment", { "RW", "RW", "-",  "-",  "R",  "-"  } },
  { "health_event",     { "RW", "RW", "-",  "-",  "R",  "-"  } },
  { "event_registration", { "RW", "RW", "-",  "-",  "RW", "-"  } },
  { "handout",          { "RW", "RW", "-",  "-",  "RW", "R"  } },
  { "contact",          { "RW", "R",  "-",  "-",  "RW", "-"  } },
  { "department",       { "RW", "R",  "R",  "R",  "R",  "R"  } },
  { "desk_setting",     { "RW", "R",  "R",  "R",  "R",  "R"  } },
  { "nursing_assessment", { "RW", "RW", "R", "R",  "RW", "-"  } },
  { "visit_vitals",     { "RW", "RW", "-",  "-",  "RW", "-"  } },
  { "complaint",        { "RW", "-",  "-",  "-",  "RW", "-"  } },
  { "critical_value",   { "RW", "R",  "-",  "-",  "RW", "-"  } },
  { "appointment",      { "RW", "R",  "-",  "-",  "RW", "-"  } },
  { "slot_capacity",    { "RW", "R",  "-",  "-",  "R",  "-"  } },
  { "referring_hospital", { "RW", "R",  "-",  "-",  "R",  "-"  } },
  { "referral",         { "RW", "R",  "-",  "-",  "RW", "-"  } },
  { "doctor",           { "RW", "R",  "R",  "R",  "R",  "R"  } },
  { "doctor_session",   { "RW", "R",  "R",  "R",  "R",  "R"  } },
  { "service_price",    { "RW", "R",  "R",  "R",  "R",  "R"  } },
  { "procedure_guide",  { "RW", "R",  "R",  "R",  "R",  "R"  } },
  { "session_check",    { "RW", "-",  "-",  "-",  "RW", "-"  } },
  { "equipment_fault",  { "RW", "-",  "-",  "-",  "RW", "-"  } },
  { "inspection",       { "RW", "-",  "-",  "-",  "RW", "R"  } },
  { "rectification",    { "RW", "-",  "-",  "-",  "RW", "R"  } },
  { "inspection_attachment", { "RW", "-", "-", "-", "RW", "-" } },
  { "opinion_entry",    { "RW", "-",  "-",  "-",  "RW", "-"  } },
  { "survey_campaign",  { "RW", "R",  "-",  "-",  "RW", "-"  } },
  { "survey_answer",    { "RW", "RW", "-",  "-",  "RW", "-"  } },
  { "duty_post",        { "RW", "R",  "R",  "-",  "R",  "-"  } },
  { "duty_assignment",  { "RW", "R",  "R",  "-",  "RW", "-"  } },
  { "discharge",        { "RW", "-",  "-",  "-",  "RW", "-"  } },
  { "discharge_call",   { "RW", "-",  "-",  "-",  "RW", "-"  } },
};

static void
test_tables_matrix (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (matrix); t++)
    for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
      {
        const char *access = matrix[t].access[r];
        gboolean read = strchr (access, 'R') != NULL;
        gboolean write = strchr (access, 'W') != NULL;

        g_test_message ("%s × %s: %s", matrix[t].table, roles[r], access);
        g_assert_cmpint (cl_tables_role_may (roles[r], CL_READ, matrix[t].table), ==, read);
        g_assert_cmpint (cl_tables_role_may (roles[r], CL_WRITE, matrix[t].table), ==, write);
        /* The shorthands say the same. */
        g_assert_cmpint (cl_tables_can_read (roles[r], matrix[t].table), ==, read);
        g_assert_cmpint (cl_tables_can_write (roles[r], matrix[t].table), ==, write);
      }
}

/* Every synced table is in the matrix above, so a new table cannot
 * slip in without its row in the README. */
static void
test_tables_all_listed (void)
{
  const char * const *tables = cl_tables_list ();
  guint n = 0;

  for (; tables[n]; n++)
    {
      gboolean found = FALSE;

      for (guint t = 0; t < G_N_ELEMENTS (matrix) && !found; t++)
        found = g_str_equal (matrix[t].table, tables[n]);
      if (!found)
        g_error ("table %s is missing from the role matrix", tables[n]);
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (matrix));
}

static void
test_tables_unknown (void)
{
  g_assert_false (cl_tables_role_may (NULL, CL_READ, "patient"));
  g_assert_false (cl_tables_role_may ("nurse", CL_READ, "patient"));
  g_assert_false (cl_tables_role_may ("", CL_READ, "document_access"));
  g_assert_false (cl_tables_role_may (CL_ROLE_ADMIN, CL_WRITE, "outbox"));
  g_assert_false (cl_tables_role_may (CL_ROLE_ADMIN, CL_READ, NULL));
  /* The server's gateway sender writes its delivery records and the
   * items it sent, and nothing else. */
  g_assert_true (cl_tables_role_may (CL_ROLE_GATEWAY, CL_WRITE, "followup_delivery"));
  g_assert_true (cl_tables_role_may (CL_ROLE_GATEWAY, CL_WRITE, "followup_item"));
  g_assert_false (cl_tables_role_may (CL_ROLE_GATEWAY, CL_WRITE, "patient"));
  g_assert_false (cl_tables_role_may (CL_ROLE_GATEWAY, CL_READ, "patient"));
  /* A role that happens to be a prefix of another is not that role. */
  g_assert_false (cl_tables_role_may ("case", CL_WRITE, "patient"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tables/role-matrix", test_tables_matrix);
  g_test_add_func ("/tables/all-listed", test_tables_all_listed);
  g_test_add_func ("/tables/unknown", test_tables_unknown);

  return g_test_run ();
}
