#define G_LOG_DOMAIN "cl-roster-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-phone.h"
#include "cl-patient.h"
#include "cl-roster-row.h"
#include "cl-util.h"
#include "cl-visit-plan.h"

struct _CLRosterRow
{
  GObject parent_instance;

  char    *patient_id;
  char    *name;
  char    *edd;
  char    *risk;
  char    *package;
  char    *case_manager;
  char    *priority;
  char    *phone_masked;
  char    *status;
  char    *visits_done;   /* keys of the visits done, space-separated */
  gboolean needs_action;
  GDate    today;
  GDate    edd_date;
  GDate    delivery_date;
  gint     age;
  gint     ga_days;
  ClStage  stage;
};

G_DEFINE_FINAL_TYPE (CLRosterRow, cl_roster_row, G_TYPE_OBJECT)

static void
cl_roster_row_finalize (GObject *object)
{
  CLRosterRow *self = CL_ROSTER_ROW (object);

  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->edd, g_free);
  g_clear_pointer (&self->risk, g_free);
  g_clear_pointer (&self->package, g_free);
  g_clear_pointer (&self->case_manager, g_free);
  g_clear_pointer (&self->priority, g_free);
  g_clear_pointer (&self->phone_masked, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->visits_done, g_free);

  G_OBJECT_CLASS (cl_roster_row_parent_class)->finalize (object);
}

static void
cl_roster_row_class_init (CLRosterRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_roster_row_finalize;
}

static void
cl_roster_row_init (CLRosterRow *self)
{
  self->age = -1;
  self->ga_days = -1;
  g_date_clear (&self->today, 1);
  g_date_clear (&self->edd_date, 1);
  g_date_clear (&self->delivery_date, 1);
}

/* The stage and the days of gestation a row's status and dates give
 * (CL_STAGE_NONE and -1 when they give none); invalid dates are
 * unknown ones. */
static void
derive_stage (const char  *status,
              const GDate *edd,
              const GDate *delivery,
              const GDate *today,
              ClStage     *stage,
              gint        *ga_days)
{
  *stage = CL_STAGE_NONE;
  *ga_days = -1;
  if (status)
    *stage = cl_dating_stage (status, g_date_valid (edd) ? edd : NULL,
                              g_date_valid (delivery) ? delivery : NULL, today);
  if (g_strcmp0 (status, "ongoing") == 0 && g_date_valid (edd))
    *ga_days = cl_dating_gestational_days (edd, today);
}

/* The visit the "Next Visit" cell is about: the first visit of the plan
 * not done and still applicable (done ones are skipped, so it may be
 * overdue), or NULL.  @date is set to the day the cell shows: the
 * window's first day when it is upcoming, its last day when it is due
 * or overdue. */
static const ClVisitWindow *
next_visit_of (const GDate  *edd,
               const char   *status,
               const GDate  *delivery,
               ClStage       stage,
               gint          ga_days,
               const GDate  *today,
               const char   *visits_done,
               ClVisitState *state,
               GDate        *date)
{
  const ClVisitWindow *window;
  ClVisitState s;
  GDate start, end;

  if (!g_date_valid (edd) || (stage != CL_STAGE_POSTPARTUM && ga_days < 0))
    return NULL;

  window = cl_visit_plan_next_for_keys (edd, status, g_date_valid (delivery) ? delivery : NULL,
                                        today, visits_done, &s, &start, &end);
  if (window == NULL)
    return NULL;
  if (state)
    *state = s;
  if (date)
    *date = s == CL_VISIT_UPCOMING ? start : end;
  return window;
}

gboolean
cl_roster_row_next_visit_date (const char  *edd,
                               const char  *status,
                               const char  *delivery_date,
                               const char  *visits_done,
                               const GDate *today,
                               GDate       *date)
{
  GDate edd_date, delivery;
  ClStage stage;
  gint ga_days;

  g_return_val_if_fail (today != NULL && date != NULL, FALSE);

  g_date_clear (&edd_date, 1);
  g_date_clear (&delivery, 1);
  if (edd)
    cl_date_parse (edd, &edd_date, NULL);
  if (delivery_date)
    cl_date_parse (delivery_date, &delivery, NULL);
  derive_stage (status, &edd_date, &delivery, today, &stage, &ga_days);
  return next_visit_of (&edd_date, status, &delivery, stage, ga_days, today, visits_done,
                        NULL, date) != NULL;
}

CLRosterRow *
cl_roster_row_new (const ClRosterRowFields *fields,
                   const GDate             *today)
{
  const char *birth, *status, *delivery;
  CLRosterRow *self;
  GDate date;

  g_return_val_if_fail (fields != NULL && today != NULL, NULL);

  birth = fields->birth_date;
  status = fields->status;
  delivery = fields->delivery_date;
  self = g_object_new (CL_TYPE_ROSTER_ROW, NULL);
  self->today = *today;
  self->patient_id = g_strdup (fields->patient_id);
  self->name = g_strdup (fields->name);
  self->edd = g_strdup (fields->edd);
  self->risk = g_strdup (fields->risk);
  self->package = g_strdup (fields->package);
  self->case_manager = g_strdup (fields->case_manager);
  /* Her flags today, "aged 70+" included: the badge shows them. */
  self->priority = cl_patient_effective_flags (fields->priority, birth, today);
  self->phone_masked = fields->phone ? cl_phone_mask (fields->phone) : NULL;
  self->status = g_strdup (status);
  self->visits_done = g_strdup (fields->visits_done);
  self->needs_action = fields->needs_action;

  if (birth && cl_date_parse (birth, &date, NULL))
    self->age = cl_date_age_years (&date, today);

  if (self->edd)
    cl_date_parse (self->edd, &self->edd_date, NULL);
  if (delivery)
    cl_date_parse (delivery, &self->delivery_date, NULL);

  derive_stage (status, &self->edd_date, &self->delivery_date, today, &self->stage, &self->ga_days);
  return self;
}

const char *
cl_roster_row_get_patient_id (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);
  return self->patient_id;
}

const char *
cl_roster_row_get_name (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);
  return self->name;
}

gint
cl_roster_row_get_age (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), -1);
  return self->age;
}

gint
cl_roster_row_get_ga_days (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), -1);
  return self->ga_days;
}

ClStage
cl_roster_row_get_stage (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), CL_STAGE_NONE);
  return self->stage;
}

const char *
cl_roster_row_get_edd (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);
  return self->edd;
}

const char *
cl_roster_row_get_risk (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);
  return self->risk;
}

const char *
cl_roster_row_get_package (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);
  return self->package;
}

const char *
cl_roster_row_get_case_manager (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);
  return self->case_manager;
}

gboolean
cl_roster_row_get_needs_action (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), FALSE);
  return self->needs_action;
}

const char *
cl_roster_row_get_priority (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);
  return self->priority;
}

const char *
cl_roster_row_get_phone_masked (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);
  return self->phone_masked;
}

char *
cl_roster_row_format_ga (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);

  if (self->ga_days >= 0)
    return cl_dating_format_ga_display (self->ga_days);

  if (self->stage == CL_STAGE_POSTPARTUM && g_date_valid (&self->delivery_date))
    /* Translators: days after delivery, shown where gestational age would be */
    return g_strdup_printf (_("Postpartum day %d"),
                            cl_dating_postpartum_day (&self->delivery_date, &self->today));

  if (self->stage != CL_STAGE_NONE)
    return g_strdup (cl_stage_to_label (self->stage));

  return g_strdup ("—");
}

char *
cl_roster_row_format_edd (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);

  if (!g_date_valid (&self->edd_date))
    return g_strdup ("—");
  return cl_date_format_short (&self->edd_date, &self->today);
}

/* The cell's text, or with @full the tooltip's (NULL when there is no
 * next visit). */
static char *
format_next_visit (CLRosterRow *self,
                   gboolean     full,
                   gboolean    *overdue)
{
  const ClVisitWindow *window;
  ClVisitState state;
  GDate day;
  g_autofree char *date = NULL;

  if (overdue)
    *overdue = FALSE;
  window = next_visit_of (&self->edd_date, self->status, &self->delivery_date, self->stage,
                          self->ga_days, &self->today, self->visits_done, &state, &day);
  if (window == NULL)
    return full ? NULL : g_strdup ("—");

  date = cl_date_format_short (&day, &self->today);
  switch (state)
    {
    case CL_VISIT_OVERDUE:
      if (overdue)
        *overdue = TRUE;
      if (full)
        /* Translators: tooltip of the roster's next-visit cell; a visit
         * whose window closed on %2$s without being done, %1$s is its name */
        return g_strdup_printf (_("%s, overdue since %s"), window->label, date);
      /* Translators: roster cell, kept short; %s is the visit's short
       * name ("3rd visit"), whose window closed without it being done */
      return g_strdup_printf (C_("roster", "Overdue: %s"), window->short_label);
    case CL_VISIT_DUE:
      if (full)
        /* Translators: tooltip of the roster's next-visit cell; a visit
         * open now, %2$s is its last day */
        return g_strdup_printf (_("%s, now until %s"), window->label, date);
      /* Translators: roster cell, kept short; a visit open now (%1$s its
       * short name), to be done by %2$s, its window's last day */
      return g_strdup_printf (C_("roster", "%s, due by %s"), window->short_label, date);
    case CL_VISIT_UPCOMING:
    default:
      /* Translators: roster cell; the next visit and the day its window opens */
      return g_strdup_printf (_("%s, from %s"), full ? window->label : window->short_label, date);
    }
}

char *
cl_roster_row_format_next_visit (CLRosterRow *self,
                                 gboolean    *overdue)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);

  /* Short: the column is narrow at 1280 px; the tooltip says the rest. */
  return format_next_visit (self, FALSE, overdue);
}

gboolean
cl_roster_row_get_next_visit_date (CLRosterRow *self,
                                   GDate       *date)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  return next_visit_of (&self->edd_date, self->status, &self->delivery_date, self->stage,
                        self->ga_days, &self->today, self->visits_done, NULL, date) != NULL;
}

char *
cl_roster_row_describe_next_visit (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);

  return format_next_visit (self, TRUE, NULL);
}
