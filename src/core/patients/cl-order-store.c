#define G_LOG_DOMAIN "cl-order-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-order-store.h"
#include "cl-store-patients.h"
#include "cl-tables.h"
#include "cl-util.h"

static const char * const categories[] = { "nutrition", "medication", "care", "other", NULL };

const char * const *
cl_order_category_codes (void)
{
  return categories;
}

const char *
cl_order_category_label (const char *code)
{
  if (g_strcmp0 (code, "nutrition") == 0)
    return C_("order category", "Nutrition");
  if (g_strcmp0 (code, "medication") == 0)
    return C_("order category", "Medication");
  if (g_strcmp0 (code, "care") == 0)
    return C_("order category", "Care");
  if (g_strcmp0 (code, "other") == 0)
    return C_("order category", "Other");
  return code ? code : "";
}

const char *
cl_order_status_label (const char *code)
{
  if (g_strcmp0 (code, "active") == 0)
    return C_("order status", "Active");
  if (g_strcmp0 (code, "stopped") == 0)
    return C_("order status", "Stopped");
  if (g_strcmp0 (code, "done") == 0)
    return C_("order status", "Done");
  return code ? code : "";
}

/* Keeps the first message for a field. */
static void
field_error (GHashTable *errors,
             const char *field,
             const char *message)
{
  if (!g_hash_table_contains (errors, field))
    g_hash_table_insert (errors, g_strdup (field), g_strdup (message));
}

/* Parses an optional ISO date field into @out and rewrites it in ISO
 * form; FALSE (with a message) when it is given but not a date. */
static gboolean
check_date (CLDoctorOrder *order,
            const char    *property,
            gboolean       required,
            const char    *missing,
            GHashTable    *errors,
            GDate         *out)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_date_clear (out, 1);
  g_object_get (order, property, &text, NULL);
  if (text)
    g_strstrip (text);
  if (cl_str_empty (text))
    {
      if (required)
        field_error (errors, property, missing);
      g_object_set (order, property, NULL, NULL);
      return !required;
    }
  if (!cl_date_parse (text, out, &error))
    {
      field_error (errors, property, error->message);
      return FALSE;
    }
  {
    g_autofree char *iso = cl_date_to_iso (out);

    g_object_set (order, property, iso, NULL);
  }
  return TRUE;
}

/* The caller's order becomes what was written. */
static void
adopt (CLDoctorOrder *order,
       CLDoctorOrder *written)
{
  const char *properties[] = { "date", "text", "doctor", "reminder-date", "status", "stop-date" };

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (written, properties[i], &value, NULL);
      g_object_set (order, properties[i], value, NULL);
    }
  cl_record_set_rev (CL_RECORD (order), cl_record_get_rev (CL_RECORD (written)));
  cl_record_set_updated_at (CL_RECORD (order), cl_record_get_updated_at (CL_RECORD (written)));
  cl_record_set_updated_by (CL_RECORD (order), cl_record_get_updated_by (CL_RECORD (written)));
}

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

void
cl_order_store_validate (CLDoctorOrder *order,
                         GHashTable    *errors)
{
  g_autofree char *text = NULL;
  g_autofree char *doctor = NULL;
  const char *status;
  GDate date, reminder, stop, today;

  g_return_if_fail (CL_IS_DOCTOR_ORDER (order));
  g_return_if_fail (errors != NULL);

  text = stripped (cl_doctor_order_get_text (order));
  doctor = stripped (cl_doctor_order_get_doctor (order));
  status = cl_doctor_order_get_status (order);
  cl_date_today (&today);

  if (cl_str_empty (cl_doctor_order_get_patient_id (order)))
    field_error (errors, "patient-id", _("The order has no patient"));
  if (check_date (order, "date", TRUE, _("Enter the date of the order"), errors, &date) &&
      g_date_compare (&date, &today) > 0)
    field_error (errors, "date", _("The order date cannot be in the future"));
  if (!g_strv_contains (categories, cl_doctor_order_get_category (order) ? cl_doctor_order_get_category (order) : ""))
    field_error (errors, "category", _("Choose nutrition, medication, care or other"));
  if (*text == '\0')
    field_error (errors, "text", _("Enter the doctor’s order"));
  else if (g_utf8_strlen (text, -1) > 2000)
    field_error (errors, "text", _("The order is too long (at most 2000 characters)"));
  if (*doctor == '\0')
    field_error (errors, "doctor", _("Enter the doctor who gave the order"));

  if (check_date (order, "reminder-date", FALSE, NULL, errors, &reminder) &&
      g_date_valid (&reminder) && g_date_valid (&date) && g_date_compare (&reminder, &date) < 0)
    field_error (errors, "reminder-date", _("The reminder cannot be before the order date"));

  if (cl_str_empty (status))
    status = "active";
  if (g_str_equal (status, "active"))
    cl_doctor_order_set_stop_date (order, NULL);
  else if (g_str_equal (status, "stopped") || g_str_equal (status, "done"))
    {
      if (check_date (order, "stop-date", TRUE, _("Enter the date the order ended"), errors, &stop))
        {
          if (g_date_valid (&date) && g_date_compare (&stop, &date) < 0)
            field_error (errors, "stop-date", _("An order cannot end before its date"));
          else if (g_date_compare (&stop, &today) > 0)
            field_error (errors, "stop-date", _("The end date cannot be in the future"));
        }
    }
  else
    field_error (errors, "status", _("The status must be active, stopped or done"));
}

gboolean
cl_order_store_save (CLStore        *store,
                     CLDoctorOrder  *order,
                     const char     *role,
                     GHashTable    **field_errors,
                     GError        **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLDoctorOrder) copy = NULL;
  g_autofree char *text = stripped (cl_doctor_order_get_text (order));
  g_autofree char *doctor = stripped (cl_doctor_order_get_doctor (order));
  const char *status = cl_doctor_order_get_status (order);

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (order), FALSE);

  if (!cl_tables_can_write (role, "doctor_order"))
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           _("Your role may not make this change; nothing was saved"));
      return FALSE;
    }

  /* Checked on a copy: a refused save leaves the caller's order as
   * typed, and the rules normalise the copy's dates. */
  copy = CL_DOCTOR_ORDER (cl_record_dup (CL_RECORD (order)));
  cl_order_store_validate (copy, errors);

  if (g_hash_table_size (errors) > 0)
    {
      if (g_hash_table_size (errors) == 1)
        {
          GHashTableIter iter;
          gpointer message;

          g_hash_table_iter_init (&iter, errors);
          g_hash_table_iter_next (&iter, NULL, &message);
          g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, message);
        }
      else
        g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                             _("Some fields need attention before saving"));
      if (field_errors)
        *field_errors = g_steal_pointer (&errors);
      return FALSE;
    }

  if (cl_str_empty (status))
    status = "active";
  cl_doctor_order_set_text (copy, text);
  cl_doctor_order_set_doctor (copy, doctor);
  cl_doctor_order_set_status (copy, status);
  if (!cl_store_save_record (store, CL_RECORD (copy), error))
    return FALSE;

  adopt (order, copy);
  return TRUE;
}

gboolean
cl_order_store_stop (CLStore       *store,
                     CLDoctorOrder *order,
                     const char    *status,
                     const char    *date,
                     const char    *role,
                     GError       **error)
{
  g_autoptr(CLDoctorOrder) copy = NULL;
  g_autofree char *today_iso = NULL;

  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (order), FALSE);

  if (g_strcmp0 (cl_doctor_order_get_status (order), "active") != 0)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           _("Only an active order can be stopped"));
      return FALSE;
    }
  if (date == NULL)
    {
      GDate today;

      cl_date_today (&today);
      date = today_iso = cl_date_to_iso (&today);
    }
  copy = CL_DOCTOR_ORDER (cl_record_dup (CL_RECORD (order)));
  cl_doctor_order_set_status (copy, status);
  cl_doctor_order_set_stop_date (copy, date);
  if (!cl_order_store_save (store, copy, role, NULL, error))
    return FALSE;
  adopt (order, copy);
  return TRUE;
}

GPtrArray *
cl_order_store_list_for_patient (CLStore    *store,
                                 const char *patient_id,
                                 gboolean    active_only)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_patients_orders (store, patient_id, active_only);
}
