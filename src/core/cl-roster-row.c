#define G_LOG_DOMAIN "cl-roster-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-phone.h"
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

static char *
column_text (sqlite3_stmt *stmt,
             int           i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

CLRosterRow *
cl_roster_row_new_from_stmt (sqlite3_stmt *stmt,
                             const GDate  *today)
{
  CLRosterRow *self = g_object_new (CL_TYPE_ROSTER_ROW, NULL);
  const char *birth = (const char *) sqlite3_column_text (stmt, 2);
  const char *phone = (const char *) sqlite3_column_text (stmt, 3);
  const char *status = (const char *) sqlite3_column_text (stmt, 6);
  const char *delivery = (const char *) sqlite3_column_text (stmt, 7);
  GDate date;

  self->today = *today;
  self->patient_id = column_text (stmt, 0);
  self->name = column_text (stmt, 1);
  self->edd = column_text (stmt, 4);
  self->risk = column_text (stmt, 5);
  self->package = column_text (stmt, 8);
  self->case_manager = column_text (stmt, 9);
  self->priority = column_text (stmt, 10);
  self->phone_masked = phone ? cl_phone_mask (phone) : NULL;
  self->status = g_strdup (status);
  self->visits_done = column_text (stmt, 12);

  if (birth && cl_date_parse (birth, &date, NULL))
    self->age = cl_date_age_years (&date, today);

  if (self->edd)
    cl_date_parse (self->edd, &self->edd_date, NULL);
  if (delivery)
    cl_date_parse (delivery, &self->delivery_date, NULL);

  if (status)
    self->stage = cl_dating_stage (status,
                                   g_date_valid (&self->edd_date) ? &self->edd_date : NULL,
                                   g_date_valid (&self->delivery_date) ? &self->delivery_date : NULL,
                                   today);

  if (g_strcmp0 (status, "ongoing") == 0 && g_date_valid (&self->edd_date))
    self->ga_days = cl_dating_gestational_days (&self->edd_date, today);

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

/* The visit the "Next Visit" cell is about: the first visit of the plan
 * not done and still applicable (done ones are skipped, so it may be
 * overdue), or NULL. */
static const ClVisitWindow *
next_visit (CLRosterRow  *self,
            ClVisitState *state,
            GDate        *start,
            GDate        *end)
{
  if (!g_date_valid (&self->edd_date) ||
      (self->stage != CL_STAGE_POSTPARTUM && self->ga_days < 0))
    return NULL;

  return cl_visit_plan_next_for_keys (&self->edd_date, self->status,
                                      g_date_valid (&self->delivery_date) ? &self->delivery_date : NULL,
                                      &self->today, self->visits_done, state, start, end);
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
  GDate start, end;
  g_autofree char *date = NULL;

  if (overdue)
    *overdue = FALSE;
  if (!(window = next_visit (self, &state, &start, &end)))
    return full ? NULL : g_strdup ("—");

  date = cl_date_format_short (state == CL_VISIT_UPCOMING ? &start : &end, &self->today);
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

char *
cl_roster_row_describe_next_visit (CLRosterRow *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_ROW (self), NULL);

  return format_next_visit (self, TRUE, NULL);
}
