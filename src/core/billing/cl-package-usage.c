/* cl-package-usage.c
 *
 * A package's services counted against what she used, and the reason
 * asked for going over (cl-package-usage.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-package-usage"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-enrolment-store.h"
#include "cl-escort-task.h"
#include "cl-package-usage.h"
#include "cl-schedule.h"
#include "cl-store-usage.h"
#include "cl-tables.h"
#include "cl-util.h"
#include "cl-vip-booking.h"

/* The codes of the seeded packages (cl-store-migrations.c). */
static const struct
{
  const char  *code;
  CLUsageKind  kind;
  const char  *label;
} known[] = {
  { "escort", CL_USAGE_ESCORT, NC_("package service", "Escort") },
  { "vip-room", CL_USAGE_VIP_ROOM, NC_("package service", "VIP room") },
  { "psychological-support", CL_USAGE_COUNSELLING, NC_("package service", "Counselling") },
  { "nutrition-breakfast", CL_USAGE_HANDOUT, NC_("package service", "Nutrition breakfast") },
  { "gift-pack", CL_USAGE_HANDOUT, NC_("package service", "Gift pack") },
  { "online-course", CL_USAGE_NOT_COUNTED, NC_("package service", "Online course") },
  { "health-butler", CL_USAGE_NOT_COUNTED, NC_("package service", "Health butler") },
  { "archive", CL_USAGE_NOT_COUNTED, NC_("package service", "Pregnancy archive") },
  { "revisit-42", CL_USAGE_NOT_COUNTED, NC_("package service", "42-day revisit") },
};

void
cl_service_usage_free (CLServiceUsage *usage)
{
  if (usage == NULL)
    return;
  g_free (usage->service);
  g_free (usage->name);
  g_free (usage);
}

CLUsageKind
cl_package_usage_kind (const char *code)
{
  for (guint i = 0; code && i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (code, known[i].code))
      return known[i].kind;
  /* A service typed into a package has no booking of its own: it is
   * handed out. */
  return CL_USAGE_HANDOUT;
}

static const char *
label_of (const char *service,
          const char *name)
{
  for (guint i = 0; service && i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (service, known[i].code))
      return g_dpgettext2 (GETTEXT_PACKAGE, "package service", known[i].label);
  return name ? name : service;
}

const char *
cl_service_usage_label (const CLServiceUsage *usage)
{
  g_return_val_if_fail (usage != NULL, NULL);
  return label_of (usage->service, usage->name);
}

gboolean
cl_service_usage_is_over (const CLServiceUsage *usage)
{
  g_return_val_if_fail (usage != NULL, FALSE);
  return usage->kind != CL_USAGE_NOT_COUNTED && usage->used > usage->included;
}

char *
cl_service_usage_format (const CLServiceUsage *usage)
{
  g_return_val_if_fail (usage != NULL, NULL);

  /* Translators: a package service, how many she used and how many her
   * package includes: "Escort 5 of 12 used" (zh: 陪诊 已用 5 / 12) */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u of %u used", "%s %u of %u used", usage->included),
                          cl_service_usage_label (usage), usage->used, usage->included);
}

/* The enrolment's time: from the local midnight of its agreement day
 * to that of the day after its cancellation (or for ever). */
static void
enrolment_period (CLEnrolment *enrolment,
                  gint64      *from,
                  gint64      *to)
{
  GDate day;

  *from = 0;
  *to = G_MAXINT64;
  if (cl_date_parse (cl_enrolment_get_agreement_date (enrolment), &day, NULL))
    *from = cl_schedule_day_start (&day);
  if (cl_enrolment_is_cancelled (enrolment) &&
      cl_date_parse (cl_enrolment_get_cancel_date (enrolment), &day, NULL))
    {
      g_date_add_days (&day, 1);
      *to = cl_schedule_day_start (&day);
    }
}

static char *
service_key (const CLPackageService *service)
{
  return g_strdup (!cl_str_empty (service->code) ? service->code : service->name);
}

static GPtrArray *
services_of (CLStore     *store,
             CLEnrolment *enrolment)
{
  g_autoptr(CLRecord) package = cl_store_load_record (store, CL_TYPE_PACKAGE,
                                                      cl_enrolment_get_package_id (enrolment), NULL);

  if (package == NULL || cl_record_get_deleted (package))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) cl_package_service_free);
  return cl_package_dup_service_list (CL_PACKAGE (package));
}

GPtrArray *
cl_package_usage_of_enrolment (CLStore     *store,
                               CLEnrolment *enrolment)
{
  GPtrArray *usages = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_service_usage_free);
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GHashTable) handed = NULL;
  const char *patient_id;
  guint escorts[2], visits[2], counselling;
  gint64 from, to;

  g_return_val_if_fail (CL_IS_STORE (store), usages);
  g_return_val_if_fail (CL_IS_ENROLMENT (enrolment), usages);

  patient_id = cl_enrolment_get_patient_id (enrolment) ? cl_enrolment_get_patient_id (enrolment) : "";
  enrolment_period (enrolment, &from, &to);
  cl_store_usage_bookings (store, CL_USAGE_SOURCE_ESCORT, patient_id, from, to, NULL, &escorts[0], &escorts[1]);
  cl_store_usage_bookings (store, CL_USAGE_SOURCE_VIP, patient_id, from, to, NULL, &visits[0], &visits[1]);
  counselling = cl_store_usage_counselling (store, patient_id, from, to, cl_enrolment_get_agreement_date (enrolment));
  handed = cl_store_usage_handouts (store, cl_record_get_id (CL_RECORD (enrolment)), NULL);

  services = services_of (store, enrolment);
  for (guint i = 0; i < services->len; i++)
    {
      const CLPackageService *service = g_ptr_array_index (services, i);
      CLServiceUsage *usage = g_new0 (CLServiceUsage, 1);

      usage->service = service_key (service);
      usage->name = g_strdup (service->name);
      usage->kind = cl_package_usage_kind (service->code);
      usage->included = (guint) MAX (service->quantity, 0);
      switch (usage->kind)
        {
        case CL_USAGE_ESCORT:
          usage->used = escorts[0];
          usage->pending = escorts[1];
          break;
        case CL_USAGE_VIP_ROOM:
          usage->used = visits[0];
          usage->pending = visits[1];
          break;
        case CL_USAGE_COUNSELLING:
          usage->used = counselling;
          break;
        case CL_USAGE_HANDOUT:
          usage->used = GPOINTER_TO_UINT (g_hash_table_lookup (handed, usage->service));
          break;
        case CL_USAGE_NOT_COUNTED:
        default:
          break;
        }
      g_ptr_array_add (usages, usage);
    }
  return usages;
}

CLEnrolment *
cl_package_usage_find_enrolment (CLStore    *store,
                                 const char *patient_id)
{
  g_autoptr(GPtrArray) enrolments = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (patient_id == NULL)
    return NULL;
  enrolments = cl_enrolment_store_list_for_patient (store, patient_id);
  for (guint i = 0; i < enrolments->len; i++)
    if (!cl_enrolment_is_cancelled (g_ptr_array_index (enrolments, i)))
      return g_object_ref (g_ptr_array_index (enrolments, i));
  return NULL;
}

/* The quantity of the services of @kind (or, for a hand-out, named
 * @service) that @enrolment's package lists; FALSE if it lists none. */
static gboolean
allowance (CLStore     *store,
           CLEnrolment *enrolment,
           CLUsageKind  kind,
           const char  *service,
           guint       *included)
{
  g_autoptr(GPtrArray) services = services_of (store, enrolment);
  gboolean listed = FALSE;

  *included = 0;
  for (guint i = 0; i < services->len; i++)
    {
      const CLPackageService *s = g_ptr_array_index (services, i);
      g_autofree char *key = service_key (s);

      if (cl_package_usage_kind (s->code) == kind &&
          (kind != CL_USAGE_HANDOUT || g_strcmp0 (key, service) == 0))
        {
          listed = TRUE;
          *included += (guint) MAX (s->quantity, 0);
        }
    }
  return listed;
}

char *
cl_package_usage_booking_over (CLStore     *store,
                               CLUsageKind  kind,
                               const char  *patient_id,
                               const char  *except_id)
{
  g_autoptr(CLEnrolment) live = NULL;
  guint included, done, pending;
  gint64 from, to;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == CL_USAGE_ESCORT || kind == CL_USAGE_VIP_ROOM, NULL);

  if (cl_str_empty (patient_id) ||
      !(live = cl_enrolment_store_find_live (store, patient_id, NULL)) ||
      !allowance (store, live, kind, NULL, &included))
    return NULL;
  enrolment_period (live, &from, &to);
  cl_store_usage_bookings (store, kind == CL_USAGE_ESCORT ? CL_USAGE_SOURCE_ESCORT : CL_USAGE_SOURCE_VIP,
                           patient_id, from, to, except_id, &done, &pending);
  if (done + pending < included)
    return NULL;
  if (kind == CL_USAGE_ESCORT)
    /* Translators: the first number is what her package includes, the
     * second what is done, the third what is booked and still ahead */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Her package includes %u escort: %u done, %u booked. "
                                         "Give a reason to book another.",
                                         "Her package includes %u escorts: %u done, %u booked. "
                                         "Give a reason to book another.", included),
                            included, done, pending);
  /* Translators: as for escorts, of VIP room visits */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Her package includes %u VIP room visit: %u done, %u booked. "
                                       "Give a reason to book another.",
                                       "Her package includes %u VIP room visits: %u done, %u booked. "
                                       "Give a reason to book another.", included),
                          included, done, pending);
}

static void
refuse (GHashTable *errors,
        const char *column,
        char       *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), message);
  else
    g_free (message);
}

void
cl_package_usage_validate_handout (CLStore    *store,
                                   CLHandout  *handout,
                                   GHashTable *errors)
{
  g_autoptr(CLRecord) enrolment = NULL;
  const char *service = cl_handout_get_service (handout);
  const char *date = cl_handout_get_date (handout);
  g_autofree char *iso = NULL;
  GDate day, today;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_HANDOUT (handout));
  g_return_if_fail (errors != NULL);

  if (cl_record_get_deleted (CL_RECORD (handout)))
    return;

  if (cl_str_empty (cl_handout_get_patient_id (handout)))
    refuse (errors, "patient_id", g_strdup (_("A hand-out must belong to a patient")));
  if (!cl_str_empty (cl_handout_get_enrolment_id (handout)))
    enrolment = cl_store_load_record (store, CL_TYPE_ENROLMENT, cl_handout_get_enrolment_id (handout), NULL);
  if (enrolment == NULL || cl_record_get_deleted (enrolment) ||
      g_strcmp0 (cl_enrolment_get_patient_id (CL_ENROLMENT (enrolment)), cl_handout_get_patient_id (handout)) != 0)
    {
      refuse (errors, "enrolment_id", g_strdup (_("A hand-out is given under one of her enrolments")));
      g_clear_object (&enrolment);
    }
  else if (cl_enrolment_is_cancelled (CL_ENROLMENT (enrolment)))
    refuse (errors, "enrolment_id", g_strdup (_("Her enrolment was cancelled; nothing more is handed out under it")));

  if (cl_str_empty (service))
    refuse (errors, "service", g_strdup (_("Choose what was handed out")));
  else if (cl_package_usage_kind (service) != CL_USAGE_HANDOUT)
    /* Translators: %s is a service such as Escort */
    refuse (errors, "service", g_strdup_printf (_("%s is counted from its bookings, not handed out"),
                                                label_of (service, NULL)));

  cl_date_today (&today);
  if (date == NULL || !cl_date_parse (date, &day, NULL) || g_strcmp0 (iso = cl_date_to_iso (&day), date) != 0)
    refuse (errors, "date", g_strdup (_("Enter the date as YYYY-MM-DD")));
  else if (g_date_compare (&day, &today) > 0)
    refuse (errors, "date", g_strdup (_("A hand-out cannot be dated in the future")));

  if (cl_str_empty (cl_handout_get_handed_by (handout)))
    refuse (errors, "handed_by", g_strdup (_("Record who handed it out")));

  /* The count: inside the write transaction, so two desks handing out
   * the last breakfast at once cannot both slip under it. */
  if (enrolment && !cl_str_empty (service) && cl_package_usage_kind (service) == CL_USAGE_HANDOUT &&
      cl_str_empty (cl_handout_get_over_reason (handout)))
    {
      g_autoptr(GHashTable) handed = cl_store_usage_handouts (store, cl_record_get_id (enrolment),
                                                              cl_record_get_id (CL_RECORD (handout)));
      guint given = GPOINTER_TO_UINT (g_hash_table_lookup (handed, service));
      guint included;

      if (!allowance (store, CL_ENROLMENT (enrolment), CL_USAGE_HANDOUT, service, &included))
        /* Translators: %s is a service such as Gift pack */
        refuse (errors, "over_reason",
                g_strdup_printf (_("Her package does not include %s. Give a reason to hand it out."),
                                 label_of (service, NULL)));
      else if (given >= included)
        /* Translators: a service (Nutrition breakfast), her package's
         * quantity of it and how many were handed out */
        refuse (errors, "over_reason",
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Her package includes %s × %u; %u handed out so far. "
                                              "Give a reason to hand out another.",
                                              "Her package includes %s × %u; %u handed out so far. "
                                              "Give a reason to hand out another.", included),
                                 label_of (service, NULL), included, given));
    }
}

gboolean
cl_package_usage_save_handout (CLStore     *store,
                               CLHandout   *handout,
                               const char  *role,
                               GHashTable **field_errors,
                               GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLHandout) copy = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_HANDOUT (handout), FALSE);

  if (!cl_tables_can_write (role, "handout"))
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           _("Your role may not make this change; nothing was saved"));
      return FALSE;
    }
  copy = CL_HANDOUT (cl_record_dup (CL_RECORD (handout)));
  if (cl_str_empty (cl_handout_get_handed_by (copy)))
    cl_handout_set_handed_by (copy, cl_store_get_actor (store));

  if (!cl_store_begin (store, error))
    return FALSE;
  cl_package_usage_validate_handout (store, copy, errors);
  if (g_hash_table_size (errors) > 0)
    {
      GHashTableIter iter;
      gpointer message;

      cl_store_rollback (store);
      g_hash_table_iter_init (&iter, errors);
      g_hash_table_iter_next (&iter, NULL, &message);
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           g_hash_table_size (errors) == 1 ? message
                           : _("Some fields need attention before saving"));
      if (field_errors)
        *field_errors = g_steal_pointer (&errors);
      return FALSE;
    }
  if (!cl_store_write_record (store, CL_RECORD (copy), CL_WRITE_DEFAULT, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  if (!cl_store_commit (store, error))
    return FALSE;
  cl_record_assign (CL_RECORD (handout), CL_RECORD (copy));
  return TRUE;
}

const char *
cl_package_usage_over_reason_of (CLRecord *record)
{
  const char *reason = NULL;

  if (CL_IS_HANDOUT (record))
    reason = cl_handout_get_over_reason (CL_HANDOUT (record));
  else if (CL_IS_ESCORT_TASK (record) &&
           /* The desk's own escorts are not her package's. */
           cl_escort_task_kind_is_package (cl_escort_task_get_kind (CL_ESCORT_TASK (record))))
    reason = cl_escort_task_get_over_reason (CL_ESCORT_TASK (record));
  else if (CL_IS_VIP_BOOKING (record))
    reason = cl_vip_booking_get_over_reason (CL_VIP_BOOKING (record));
  return cl_str_empty (reason) ? NULL : reason;
}
