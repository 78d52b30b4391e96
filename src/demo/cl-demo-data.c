/* cl-demo-data.c
 *
 * The demo data: staff, and patients with their pregnancies and risk
 * colours; the people themselves come from cl-demo-people.c, the money
 * from cl-demo-money.c, the schedule from cl-demo-schedule.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-demo-data"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-demo-data.h"
#include "cl-demo-desk.h"
#include "cl-demo-directory.h"
#include "cl-demo-money.h"
#include "cl-demo-people.h"
#include "cl-demo-schedule.h"
#include "cl-demo-util.h"
#include "cl-demo-visits.h"
#include "cl-enrolment-store.h"
#include "cl-patient.h"
#include "cl-pinyin.h"
#include "cl-pregnancy.h"
#include "cl-risk-event.h"
#include "cl-staff.h"
#include "cl-store-demo.h"

/* One transaction per batch: small enough that a crash loses little
 * and the WAL stays small, large enough that the fsync per commit is
 * noise next to the inserts. */
#define BATCH_SIZE 2000

/* Doctors in a demo hospital's directory, a few per department. */
#define DEMO_DOCTORS 60

/* Completed weeks at delivery, 34 to 41: most babies come at term. */
static const guint delivery_week_weights[] = {
  /* 34 */ 2, 3, 5, 12, 22, 28, 20, 8,
};

static const guint gravida_weights[] = { 0, 45, 35, 14, 6 };

static const ClDemoWeighted risks[] = {
  { "green", 450 },
  { "yellow", 300 },
  { "orange", 150 },
  { "red", 50 },
  { "purple", 10 },
  { "green+purple", 6 },
  { "yellow+purple", 6 },
  { "orange+purple", 5 },
  { "red+purple", 3 },
  { "", 20 },
};

static const char * const main_levels[] = { "green", "yellow", "orange", "red" };

typedef enum
{
  PLAN_NONE,
  PLAN_ONGOING,
  PLAN_POSTPARTUM,
  PLAN_DELIVERED,
  PLAN_ENDED,
} Plan;

/* Per mille of patients, in the order of Plan. */
static const guint plan_weights[] = { 50, 700, 120, 100, 30 };

typedef struct
{
  CLStore    *store;
  GRand      *rand;
  GDate       today;
  GHashTable *used;       /* ID numbers, phones and record numbers handed out */
  GPtrArray  *managers;   /* staff ids of the case managers */
  GPtrArray  *manager_usernames;  /* theirs, in the same order */
  GPtrArray  *packages;   /* CLPackage, for enrolments */
  GRand      *enrol_rand; /* a stream of its own, so enrolments do not
                           * change the patients a seed makes */
  GRand      *visit_rand; /* the same for visit ticks and orders */
  CLDemoDeskPeople desk;  /* whom the desk's records name */
} Generator;

static void
make_id (Generator *gen,
         char       id[37])
{
  cl_demo_make_id (gen->rand, id);
}

static void
set_id (Generator *gen,
        gpointer   record)
{
  char id[37];

  make_id (gen, id);
  cl_record_set_id (CL_RECORD (record), id);
}

static char *
iso_offset (const GDate *date,
            gint         days)
{
  GDate d = *date;

  cl_demo_date_add (&d, days);
  return cl_date_to_iso (&d);
}

static gboolean
write_record (Generator  *gen,
              gpointer    record,
              GError    **error)
{
  return cl_store_write_record (gen->store, CL_RECORD (record), CL_WRITE_NO_OUTBOX, error);
}

static gboolean
generate_staff (Generator  *gen,
                GError    **error)
{
  static const struct
  {
    const char *role;
    guint       count;
  } roster[] = {
    { CL_ROLE_CASE_MANAGER, 8 },
    { CL_ROLE_ESCORT, 6 },
    { CL_ROLE_VIP_STEWARD, 3 },
    { CL_ROLE_SERVICE_DESK, 4 },
    { CL_ROLE_FINANCE, 2 },
    { CL_ROLE_ADMIN, 1 },
  };
  g_autoptr(GHashTable) usernames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < G_N_ELEMENTS (roster); r++)
    for (guint i = 0; i < roster[r].count; i++)
      {
        g_autoptr(CLStaff) staff = NULL;
        g_autofree char *name = NULL;
        g_autofree char *pinyin = NULL;
        g_autofree char *username = NULL;
        gboolean male;

        /* Escorts push wheelchairs and beds; a third of them are men. */
        male = g_str_equal (roster[r].role, CL_ROLE_ESCORT) && i % 3 == 2;

        /* Two colleagues with one name confuse every picker. */
        do
          {
            g_free (name);
            name = cl_demo_people_name (gen->rand, male);
          }
        while (g_hash_table_contains (names, name));
        g_hash_table_add (names, g_strdup (name));

        /* Logins are typed on phones too: letters and digits only. */
        pinyin = cl_pinyin_full (name);
        {
          char *w = pinyin;

          for (const char *p = pinyin; *p; p++)
            if (g_ascii_isalnum (*p))
              *w++ = *p;
          *w = '\0';
        }
        username = g_strdup (pinyin);
        for (guint n = 2; g_hash_table_contains (usernames, username); n++)
          {
            g_free (username);
            username = g_strdup_printf ("%s%u", pinyin, n);
          }
        g_hash_table_add (usernames, g_strdup (username));

        staff = cl_staff_new (username, name, roster[r].role);
        set_id (gen, staff);
        g_object_set (staff, "phone", cl_demo_people_phone (gen->rand, gen->used), NULL);

        if (!write_record (gen, staff, error))
          return FALSE;

        /* The desk hands contacts over to case managers and to each
         * other. */
        if (g_str_equal (roster[r].role, CL_ROLE_SERVICE_DESK))
          g_ptr_array_add (gen->desk.desk_staff, g_strdup (cl_record_get_id (CL_RECORD (staff))));
        if (g_str_equal (roster[r].role, CL_ROLE_SERVICE_DESK) ||
            g_str_equal (roster[r].role, CL_ROLE_CASE_MANAGER))
          g_ptr_array_add (gen->desk.colleagues, g_strdup (cl_record_get_id (CL_RECORD (staff))));
        if (g_str_equal (roster[r].role, CL_ROLE_CASE_MANAGER))
        {
          g_ptr_array_add (gen->managers, g_strdup (cl_record_get_id (CL_RECORD (staff))));
          g_ptr_array_add (gen->manager_usernames, g_strdup (username));
        }
      }

  return TRUE;
}

static const char *
pick_priority (Generator *gen)
{
  guint r = g_rand_int_range (gen->rand, 0, 1000);

  if (r < 30)
    return "vip";
  if (r < 50)
    return "special-care";
  if (r < 60)
    return "staff-family";
  return NULL;
}

/* The pregnancy's dates, relative to today, for one plan. */
static void
plan_dates (Generator   *gen,
            Plan         plan,
            CLPregnancy *pregnancy,
            GDate       *lmp,
            GDate       *until)
{
  g_autofree char *lmp_iso = NULL;
  gboolean corrected = g_rand_int_range (gen->rand, 0, 100) < 10;
  gint shift = 0;

  /* An early scan moves the EDD by a few days either way. */
  if (corrected)
    {
      shift = g_rand_int_range (gen->rand, 1, 11);
      if (g_rand_boolean (gen->rand))
        shift = -shift;
    }

  *until = gen->today;

  switch (plan)
    {
    case PLAN_ONGOING:
      {
        /* Spread evenly from 6+0 (first visit) to 41+0 (induction). */
        gint ga = g_rand_int_range (gen->rand, 6 * 7, 41 * 7 + 1);

        /* @ga is counted from the effective EDD, so the corrected ones
         * show the same spread; the LMP moves instead. */
        *lmp = gen->today;
        cl_demo_date_add (lmp, -ga - shift);
        cl_pregnancy_set_status (pregnancy, "ongoing");
      }
      break;

    case PLAN_POSTPARTUM:
    case PLAN_DELIVERED:
      {
        gint week = 34 + cl_demo_pick_weight_index (gen->rand, delivery_week_weights,
                                            G_N_ELEMENTS (delivery_week_weights));
        gint ga = week * 7 + g_rand_int_range (gen->rand, 0, 7);
        gint ago = plan == PLAN_POSTPARTUM
                   ? g_rand_int_range (gen->rand, 0, CL_POSTPARTUM_DAYS + 1)
                   : g_rand_int_range (gen->rand, CL_POSTPARTUM_DAYS + 1, 401);
        g_autofree char *delivery = NULL;

        cl_demo_date_add (until, -ago);
        *lmp = *until;
        cl_demo_date_add (lmp, -ga);
        delivery = cl_date_to_iso (until);
        cl_pregnancy_set_status (pregnancy, "delivered");
        cl_pregnancy_set_delivery_date (pregnancy, delivery);
      }
      break;

    case PLAN_ENDED:
      {
        /* Mostly early losses; the end date stands in for a delivery
         * date so the dates can be checked (cl_dating_check()). */
        gint ga = g_rand_int_range (gen->rand, 6 * 7, 20 * 7);
        gint ago = g_rand_int_range (gen->rand, 0, 301);
        g_autofree char *end = NULL;

        cl_demo_date_add (until, -ago);
        *lmp = *until;
        cl_demo_date_add (lmp, -ga);
        end = cl_date_to_iso (until);
        cl_pregnancy_set_status (pregnancy, "ended");
        cl_pregnancy_set_delivery_date (pregnancy, end);
      }
      break;

    case PLAN_NONE:
    default:
      g_assert_not_reached ();
    }

  lmp_iso = cl_date_to_iso (lmp);
  cl_pregnancy_set_lmp (pregnancy, lmp_iso);
  if (corrected)
    {
      g_autofree char *edd = iso_offset (lmp, CL_PREGNANCY_DAYS + shift);

      cl_pregnancy_set_corrected_edd (pregnancy, edd);
    }
}

/* 1-3 dated colours leading up to today's, between the booking visit
 * and today (or the end of the pregnancy). */
static gboolean
write_risk_history (Generator    *gen,
                    CLPregnancy  *pregnancy,
                    const GDate  *lmp,
                    const GDate  *until,
                    GError      **error)
{
  const char *risk = cl_pregnancy_get_risk (pregnancy);
  const char *colours[3];
  gint offsets[3];
  guint n = 1 + cl_demo_pick_weight_index (gen->rand, (const guint[]) { 50, 35, 15 }, 3);
  GDate start = *lmp;
  gint span;

  cl_demo_date_add (&start, g_rand_int_range (gen->rand, 6 * 7, 12 * 7 + 1));
  if (g_date_compare (&start, until) > 0)
    start = *until;
  span = cl_date_days_between (&start, until);
  n = MIN (n, (guint) span + 1);

  /* Distinct, increasing days: the first at booking. */
  offsets[0] = 0;
  for (guint i = 1; i < n; i++)
    offsets[i] = g_rand_int_range (gen->rand, 1, span + 1);
  if (n == 3 && offsets[1] > offsets[2])
    {
      gint t = offsets[1];
      offsets[1] = offsets[2];
      offsets[2] = t;
    }
  if (n == 3 && offsets[1] == offsets[2])
    n = 2;

  /* Walk backwards from today's colour; each earlier one differs from
   * the one after it. */
  colours[n - 1] = risk;
  for (gint i = (gint) n - 2; i >= 0; i--)
    {
      const char *next = colours[i + 1];
      const char *colour;

      do
        colour = CL_DEMO_PICK (gen->rand, main_levels);
      while (g_str_has_prefix (next, colour));
      colours[i] = colour;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRiskEvent) event = NULL;
      g_autofree char *date = iso_offset (&start, offsets[i]);
      char id[37];

      /* Built directly rather than with cl_risk_event_new(), which
       * would draw a random id only to have it replaced. */
      make_id (gen, id);
      event = g_object_new (CL_TYPE_RISK_EVENT,
                            "id", id,
                            "pregnancy-id", cl_record_get_id (CL_RECORD (pregnancy)),
                            "date", date,
                            "risk", colours[i],
                            NULL);
      if (!write_record (gen, event, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
generate_patient (Generator  *gen,
                  GError    **error)
{
  g_autoptr(CLPatient) patient = NULL;
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autofree char *name = cl_demo_people_name (gen->rand, FALSE);
  g_autofree char *birth_iso = NULL;
  g_autofree char *address = NULL;
  guint region = cl_demo_people_pick_region (gen->rand);
  const char *id_number;
  const char *ticked_by = NULL;
  char id[37];
  GDate birth;
  Plan plan;

  make_id (gen, id);
  patient = g_object_new (CL_TYPE_PATIENT, "id", id, NULL);
  id_number = cl_demo_people_id_number (gen->rand, gen->used, &gen->today, region, &birth);
  birth_iso = cl_date_to_iso (&birth);
  address = cl_demo_people_address (gen->rand, region);

  cl_patient_set_name (patient, name);
  cl_patient_set_id_number (patient, id_number);
  cl_patient_set_birth_date (patient, birth_iso);
  cl_patient_set_phone (patient, cl_demo_people_phone (gen->rand, gen->used));
  cl_patient_set_mrn (patient, cl_demo_people_mrn (gen->rand, gen->used));
  cl_patient_set_address (patient, address);
  cl_patient_set_priority (patient, pick_priority (gen));
  if (g_rand_int_range (gen->rand, 0, 100) >= 5)
    {
      guint manager = g_rand_int_range (gen->rand, 0, gen->managers->len);

      cl_patient_set_case_manager_id (patient, g_ptr_array_index (gen->managers, manager));
      ticked_by = g_ptr_array_index (gen->manager_usernames, manager);
    }

  plan = cl_demo_pick_weight_index (gen->rand, plan_weights, G_N_ELEMENTS (plan_weights));
  if (plan != PLAN_NONE)
    {
      g_autoptr(GHashTable) errors = NULL;
      gint gravida, para;
      GDate lmp, until;

      make_id (gen, id);
      pregnancy = g_object_new (CL_TYPE_PREGNANCY,
                                "id", id,
                                "patient-id", cl_record_get_id (CL_RECORD (patient)),
                                NULL);

      gravida = cl_demo_pick_weight_index (gen->rand, gravida_weights, G_N_ELEMENTS (gravida_weights));
      /* Most earlier pregnancies ended in a birth. */
      para = gravida - 1;
      if (para > 0 && g_rand_int_range (gen->rand, 0, 100) < 30)
        para = g_rand_int_range (gen->rand, 0, para);
      cl_pregnancy_set_gravida (pregnancy, gravida);
      cl_pregnancy_set_para (pregnancy, para);
      cl_pregnancy_set_risk (pregnancy, cl_demo_pick_weighted (gen->rand, risks, G_N_ELEMENTS (risks)));

      plan_dates (gen, plan, pregnancy, &lmp, &until);

      errors = cl_pregnancy_validate (pregnancy, cl_store_get_risk_scale (gen->store));
      if (g_hash_table_size (errors) > 0)
        {
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, errors);
          while (g_hash_table_iter_next (&iter, &key, &value))
            g_critical ("demo pregnancy lmp=%s edd=%s status=%s: %s: %s",
                        cl_pregnancy_get_lmp (pregnancy),
                        cl_pregnancy_get_corrected_edd (pregnancy),
                        cl_pregnancy_get_status (pregnancy),
                        (char *) key, (char *) value);
        }
      g_assert (g_hash_table_size (errors) == 0);

      /* The pregnancy goes in before the patient: the roster index is
       * then built once, by the patient's write, with the pregnancy
       * already in place. */
      if (!write_record (gen, pregnancy, error))
        return FALSE;

      if (*cl_pregnancy_get_risk (pregnancy) != '\0' &&
          !write_risk_history (gen, pregnancy, &lmp, &until, error))
        return FALSE;

      /* Who ticks her visits and hands out her breakfast: her case
       * manager, or one of them. */
      if (ticked_by == NULL)
        ticked_by = g_ptr_array_index (gen->manager_usernames,
                                       g_rand_int_range (gen->visit_rand, 0, gen->manager_usernames->len));

      /* Also before the patient, for the roster's package column. */
      if (plan != PLAN_ENDED &&
          !cl_demo_money_generate_enrolment (gen->store, gen->enrol_rand, &gen->today, gen->packages,
                                            cl_record_get_id (CL_RECORD (patient)), &lmp, &until,
                                            ticked_by, error))
        return FALSE;

      /* The visits she has been to and her doctor's orders, before the
       * patient too: her roster row then counts them as it is built. */
      if (!cl_demo_visits_generate (gen->store, gen->visit_rand, &gen->today, pregnancy, ticked_by, error))
        return FALSE;
    }

  g_ptr_array_add (gen->desk.patient_ids, g_strdup (cl_record_get_id (CL_RECORD (patient))));
  return write_record (gen, patient, error);
}

gboolean
cl_demo_data_generate (CLStore  *store,
                       guint     n_patients,
                       guint32   seed,
                       GError  **error)
{
  return cl_demo_data_generate_full (store, n_patients, seed, CL_DEMO_DATA_DEFAULT, error);
}

gboolean
cl_demo_data_generate_full (CLStore          *store,
                            guint             n_patients,
                            guint32           seed,
                            CLDemoDataFlags   flags,
                            GError          **error)
{
  Generator gen = { 0 };
  gboolean ok = FALSE;
  gint64 cache_size;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  gen.store = store;
  gen.rand = g_rand_new_with_seed (seed);
  gen.used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen.managers = g_ptr_array_new_with_free_func (g_free);
  gen.manager_usernames = g_ptr_array_new_with_free_func (g_free);
  cl_date_today (&gen.today);
  gen.enrol_rand = g_rand_new_with_seed (seed ^ 0x5e771e);
  gen.visit_rand = g_rand_new_with_seed (seed ^ 0x715175);
  gen.packages = cl_enrolment_store_list_packages (store, FALSE);
  gen.desk.patient_ids = g_ptr_array_new_with_free_func (g_free);
  gen.desk.desk_staff = g_ptr_array_new_with_free_func (g_free);
  gen.desk.colleagues = g_ptr_array_new_with_free_func (g_free);
  gen.desk.used = gen.used;

  /* The search index takes ~10 keys per patient in random order; with
   * SQLite's default 2 MB page cache a batch spills dirty pages to the
   * WAL again and again.  A larger cache for the bulk load halves the
   * time; the normal size comes back when we are done. */
  cache_size = cl_store_demo_get_cache_size (store);
  if (!cl_store_demo_set_cache_size (store, -64 * 1024, error))
    goto out;

  if (!cl_store_begin (store, error))
    goto out;
  if (!generate_staff (&gen, error) ||
      !cl_demo_money_generate_settlement (store, gen.enrol_rand, &gen.today, error) ||
      !cl_demo_directory_generate (store, DEMO_DOCTORS, seed, error))
    goto failed;

  for (guint i = 0; i < n_patients; i++)
    {
      if (i > 0 && i % BATCH_SIZE == 0)
        {
          if (!cl_store_commit (store, error))
            goto out;
          if (!cl_store_begin (store, error))
            goto out;
        }
      if (!generate_patient (&gen, error))
        goto failed;
    }

  /* Its own generators (cl-demo-desk.c): the rest of the data is the
   * same with or without it. */
  if (!(flags & CL_DEMO_DATA_NO_DESK) && n_patients > 0 &&
      !cl_demo_desk_generate (store, &gen.desk, seed, error))
    goto failed;

  ok = cl_store_commit (store, error) &&
       cl_demo_schedule_generate (store, seed, error);
  goto out;

failed:
  cl_store_rollback (store);

out:
  if (cache_size != 0)
    cl_store_demo_set_cache_size (store, cache_size, NULL);
  g_ptr_array_unref (gen.desk.patient_ids);
  g_ptr_array_unref (gen.desk.desk_staff);
  g_ptr_array_unref (gen.desk.colleagues);
  g_ptr_array_unref (gen.managers);
  g_ptr_array_unref (gen.manager_usernames);
  g_rand_free (gen.visit_rand);
  g_ptr_array_unref (gen.packages);
  g_rand_free (gen.enrol_rand);
  g_hash_table_unref (gen.used);
  g_rand_free (gen.rand);
  return ok;
}
