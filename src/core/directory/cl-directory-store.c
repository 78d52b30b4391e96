#define G_LOG_DOMAIN "cl-directory-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-directory-store.h"
#include "cl-store-directory.h"
#include "cl-store-save.h"
#include "cl-date.h"
#include "cl-util.h"

static void
merge (GHashTable *into,
       GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (into, key))
      g_hash_table_insert (into, g_strdup (key), g_strdup (value));
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static GHashTable *
new_errors (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The live record of @type with @id, or NULL. */
/* Kept as a person would read it back: no stray spaces. */
static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

void
cl_directory_store_validate_department (CLStore      *store,
                                        CLDepartment *department,
                                        GHashTable   *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autofree char *name = NULL;
  g_autofree char *other = NULL;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_DEPARTMENT (department));

  own = cl_department_validate (department);
  merge (errors, own);
  if (cl_record_get_deleted (CL_RECORD (department)) || g_hash_table_contains (errors, "name"))
    return;
  name = stripped (cl_department_get_name (department));
  other = cl_store_department_named (store, name, cl_record_get_id (CL_RECORD (department)));
  if (other != NULL)
    refuse (errors, "name", _("Another department has this name"));
}

gboolean
cl_directory_store_save_department (CLStore       *store,
                                    CLDepartment  *department,
                                    const char    *role,
                                    GHashTable   **field_errors,
                                    GError       **error)
{
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DEPARTMENT (department), FALSE);

  name = stripped (cl_department_get_name (department));
  cl_department_set_name (department, name);
  cl_directory_store_validate_department (store, department, errors);
  return cl_store_save_checked (store, CL_RECORD (department), role, errors, field_errors, error);
}

void
cl_directory_store_validate_doctor (CLStore    *store,
                                    CLDoctor   *doctor,
                                    GHashTable *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLDepartment) department = NULL;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_DOCTOR (doctor));

  own = cl_doctor_validate (doctor);
  merge (errors, own);
  if (cl_record_get_deleted (CL_RECORD (doctor)) || g_hash_table_contains (errors, "department_id"))
    return;
  department = cl_store_load_live (store, CL_TYPE_DEPARTMENT, cl_doctor_get_department_id (doctor));
  if (department == NULL)
    refuse (errors, "department_id", _("Choose the doctor’s department"));
}

gboolean
cl_directory_store_save_doctor (CLStore     *store,
                                CLDoctor    *doctor,
                                const char  *role,
                                GHashTable **field_errors,
                                GError     **error)
{
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DOCTOR (doctor), FALSE);

  name = stripped (cl_doctor_get_name (doctor));
  cl_doctor_set_name (doctor, name);
  cl_directory_store_validate_doctor (store, doctor, errors);
  return cl_store_save_checked (store, CL_RECORD (doctor), role, errors, field_errors, error);
}

void
cl_directory_store_validate_session (CLStore         *store,
                                     CLDoctorSession *session,
                                     GHashTable      *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLDoctor) doctor = NULL;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_DOCTOR_SESSION (session));

  own = cl_doctor_session_validate (session);
  merge (errors, own);
  if (cl_record_get_deleted (CL_RECORD (session)) || g_hash_table_contains (errors, "doctor_id"))
    return;
  doctor = cl_store_load_live (store, CL_TYPE_DOCTOR, cl_doctor_session_get_doctor_id (session));
  if (doctor == NULL)
    refuse (errors, "doctor_id", _("Choose the doctor"));
}

gboolean
cl_directory_store_save_session (CLStore          *store,
                                 CLDoctorSession  *session,
                                 const char       *role,
                                 GHashTable      **field_errors,
                                 GError          **error)
{
  g_autoptr(GHashTable) errors = new_errors ();

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DOCTOR_SESSION (session), FALSE);

  cl_directory_store_validate_session (store, session, errors);
  return cl_store_save_checked (store, CL_RECORD (session), role, errors, field_errors, error);
}

void
cl_directory_store_validate_price (CLStore        *store,
                                   CLServicePrice *price,
                                   GHashTable     *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(GPtrArray) prices = NULL;
  const char *code;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_SERVICE_PRICE (price));

  own = cl_service_price_validate (price);
  merge (errors, own);
  code = cl_service_price_get_code (price);
  if (cl_record_get_deleted (CL_RECORD (price)) || cl_str_empty (code))
    return;
  /* A price list is a few thousand lines at most. */
  prices = cl_store_service_prices (store, FALSE);
  for (guint i = 0; i < prices->len; i++)
    {
      CLServicePrice *other = g_ptr_array_index (prices, i);

      if (g_strcmp0 (cl_service_price_get_code (other), code) == 0 &&
          g_strcmp0 (cl_record_get_id (CL_RECORD (other)), cl_record_get_id (CL_RECORD (price))) != 0)
        {
          refuse (errors, "code", _("Another price has this code"));
          break;
        }
    }
}

gboolean
cl_directory_store_save_price (CLStore         *store,
                               CLServicePrice  *price,
                               const char      *role,
                               GHashTable     **field_errors,
                               GError         **error)
{
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *name = NULL, *code = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_SERVICE_PRICE (price), FALSE);

  name = stripped (cl_service_price_get_name (price));
  code = stripped (cl_service_price_get_code (price));
  cl_service_price_set_name (price, name);
  cl_service_price_set_code (price, code);
  cl_directory_store_validate_price (store, price, errors);
  return cl_store_save_checked (store, CL_RECORD (price), role, errors, field_errors, error);
}

gboolean
cl_directory_store_save_guide (CLStore           *store,
                               CLProcedureGuide  *guide,
                               const char        *role,
                               GHashTable       **field_errors,
                               GError           **error)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_PROCEDURE_GUIDE (guide), FALSE);

  title = stripped (cl_procedure_guide_get_title (guide));
  cl_procedure_guide_set_title (guide, title);
  errors = cl_procedure_guide_validate (guide);
  return cl_store_save_checked (store, CL_RECORD (guide), role, errors, field_errors, error);
}

void
cl_directory_store_validate_check (CLStore        *store,
                                   CLSessionCheck *check,
                                   GHashTable     *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLDoctorSession) session = NULL;
  g_autofree char *other = NULL;
  GDate date;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_SESSION_CHECK (check));

  own = cl_session_check_validate (check);
  merge (errors, own);
  if (cl_record_get_deleted (CL_RECORD (check)) || g_hash_table_size (errors) > 0)
    return;

  /* The check is of a session the doctor has that day, as the desk's
   * list of the day's sessions offered it. */
  session = cl_store_load_live (store, CL_TYPE_DOCTOR_SESSION, cl_session_check_get_session_id (check));
  cl_date_parse (cl_session_check_get_date (check), &date, NULL);
  if (session == NULL ||
      g_strcmp0 (cl_doctor_session_get_doctor_id (session), cl_session_check_get_doctor_id (check)) != 0 ||
      g_strcmp0 (cl_doctor_session_get_half_day (session), cl_session_check_get_half_day (check)) != 0 ||
      !cl_doctor_session_runs_on (session, &date))
    {
      refuse (errors, "session_id", _("The doctor has no such session that day"));
      return;
    }
  other = cl_store_session_check_for (store, cl_session_check_get_session_id (check),
                                      cl_session_check_get_date (check),
                                      cl_record_get_id (CL_RECORD (check)));
  if (other != NULL)
    refuse (errors, "session_id", _("This session is marked already"));
}

gboolean
cl_directory_store_save_check (CLStore         *store,
                               CLSessionCheck  *check,
                               const char      *role,
                               GHashTable     **field_errors,
                               GError         **error)
{
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *phoned = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_SESSION_CHECK (check), FALSE);

  phoned = stripped (cl_session_check_get_phoned (check));
  cl_session_check_set_phoned (check, phoned);
  cl_directory_store_validate_check (store, check, errors);
  return cl_store_save_checked (store, CL_RECORD (check), role, errors, field_errors, error);
}

CLSessionCheck *
cl_directory_store_new_check (CLDoctorSession *session,
                              const char      *iso_date,
                              gint64           now)
{
  CLSessionCheck *check;

  g_return_val_if_fail (CL_IS_DOCTOR_SESSION (session), NULL);

  check = cl_session_check_new ();
  cl_session_check_set_session_id (check, cl_record_get_id (CL_RECORD (session)));
  cl_session_check_set_doctor_id (check, cl_doctor_session_get_doctor_id (session));
  cl_session_check_set_half_day (check, cl_doctor_session_get_half_day (session));
  cl_session_check_set_date (check, iso_date);
  cl_session_check_set_marked_at (check, now);
  return check;
}
