#pragma once

#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-department.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The single integer an SQL query on @store answers (a count), or -1. */
gint64 cl_test_store_count (CLStore    *store,
                            const char *sql);

/* The rows an SQL query on @store answers, one string per row with its
 * columns joined by '|' (NULL as "∅"). */
GPtrArray *cl_test_store_rows (CLStore    *store,
                               const char *sql);

/* The store @dir/careline.db, created empty if missing; fails the test
 * if it cannot be opened. */
CLStore   *cl_test_store_open     (const char *dir);

/* A new store @dir/@file filled with cl_demo_data_generate(), its
 * Service Desk left empty (CL_DEMO_DATA_NO_DESK): the tests that use it
 * count the desk records they make. */
CLStore   *cl_test_store_new_demo (const char *dir,
                                   const char *file,
                                   guint       n_patients,
                                   guint32     seed);
/* The same with @flags (CLDemoDataFlags; 0: with the desk's records). */
CLStore   *cl_test_store_new_demo_full (const char *dir,
                                        const char *file,
                                        guint       n_patients,
                                        guint32     seed,
                                        guint       flags);

/* Writes the change feed a server would have if every record of @store
 * had been pushed to it: a change_log row per record, whose rev the
 * record then carries (for a server's data file made from demo data). */
void       cl_test_store_fill_change_log (CLStore *store);
/* The first column of the first row an SQL query on @store answers, as
 * text (NULL if none). */
char      *cl_test_store_text     (CLStore    *store,
                                   const char *sql);

/* The patient of @store's pregnancy with the latest LMP (not deleted);
 * fails the test without one. */
char      *cl_test_store_newest_patient_id (CLStore *store);

/* The store at @path, created empty if missing; fails the test if it
 * cannot be opened. */
CLStore   *cl_test_store_open_file (const char *path);

/* A valid woman's ID number for @first17 (17 digits). */
char        *cl_test_id_number    (const char  *first17);

/* A patient (unsaved) with a valid ID number from @first17. */
CLPatient   *cl_test_patient_new  (const char  *name,
                                   const char  *first17,
                                   const char  *phone);

/* A pregnancy of @patient (unsaved) from @lmp with @risk. */
CLPregnancy *cl_test_pregnancy_new (CLPatient  *patient,
                                    const char *lmp,
                                    const char *risk);

/* Saves @patient and @pregnancy (may be NULL) through the patient
 * store; fails the test, with the field errors, if refused. */
void         cl_test_patient_save (CLStore     *store,
                                   CLPatient   *patient,
                                   CLPregnancy *pregnancy);

/* Saves @department as an administrator, or, when a live department
 * already has its name (the demo store's list), makes @department that
 * one: a test's department, whatever store it runs on.  Fails the test
 * if refused. */
void         cl_test_department_save (CLStore      *store,
                                      CLDepartment *department);

/* Closes every department of @store (the demo store's list), so a
 * test's form lists only the departments it opens again with
 * cl_test_department_save(). */
void         cl_test_departments_close (CLStore *store);

/* A test's own empty store in a temporary directory of its own, for
 * g_test_add(): @dir and @store are set up before the test and removed
 * after it. */
typedef struct
{
  char    *dir;
  CLStore *store;
} CLTestStoreFixture;

void       cl_test_store_fixture_set_up    (CLTestStoreFixture *f,
                                            gconstpointer       data);
void       cl_test_store_fixture_tear_down (CLTestStoreFixture *f,
                                            gconstpointer       data);

/* Adds test @func (CLTestStoreFixture *, gconstpointer) at @path, with
 * its own store. */
#define cl_test_store_add(path, func) \
  g_test_add (path, CLTestStoreFixture, NULL, cl_test_store_fixture_set_up, func, \
              cl_test_store_fixture_tear_down)

G_END_DECLS
