#define G_LOG_DOMAIN "cl-discharge-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-discharge-import.h"
#include "cl-discharge-store.h"
#include "cl-id-card.h"
#include "cl-phone.h"
#include "cl-schedule.h"
#include "cl-store-discharges.h"
#include "cl-store-save.h"
#include "cl-util.h"

typedef enum
{
  COL_NAME,
  COL_PHONE,
  COL_ID_NUMBER,
  COL_DEPARTMENT,
  COL_ADMITTED,
  COL_DISCHARGED,
  COL_DIAGNOSIS,
  COL_HIS_ID,
  N_COLUMNS
} Column;

/* The header words of each column, compared without case, blanks,
 * underscores or dashes: the English ones, and what Chinese HIS
 * exports write. */
static const struct
{
  Column      column;
  gboolean    required;
  const char *label;   /* for "the … column is missing" */
  const char *words[8];
} columns[] = {
  { COL_NAME, TRUE, NC_("discharge column", "name"), { "name", "patientname", "姓名", "患者姓名", NULL } },
  { COL_PHONE, TRUE, NC_("discharge column", "phone"), { "phone", "mobile", "telephone", "电话", "联系电话", "手机", "手机号", "手机号码" } },
  { COL_ID_NUMBER, TRUE, NC_("discharge column", "ID number"), { "idnumber", "idno", "idcard", "身份证号", "身份证号码", "身份证", "证件号码", NULL } },
  { COL_DEPARTMENT, TRUE, NC_("discharge column", "department"), { "department", "dept", "科室", "出院科室", NULL } },
  { COL_ADMITTED, TRUE, NC_("discharge column", "admission date"), { "admissiondate", "admitted", "admittedon", "入院日期", "入院时间", NULL } },
  { COL_DISCHARGED, TRUE, NC_("discharge column", "discharge date"), { "dischargedate", "discharged", "dischargedon", "出院日期", "出院时间", NULL } },
  { COL_DIAGNOSIS, TRUE, NC_("discharge column", "diagnosis"), { "diagnosis", "诊断", "出院诊断", NULL } },
  { COL_HIS_ID, FALSE, NC_("discharge column", "HIS number"), { "hisid", "inpatientno", "住院号", "住院号码", NULL } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);

GPtrArray *
cl_discharge_csv_rows (const char  *text,
                       GArray     **lines)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text;
  gboolean quoted = FALSE, blank = TRUE;
  guint line = 1, row_line = 1;

  for (;; p++)
    {
      char c = *p;

      if (quoted && c != '\0')
        {
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }
      if (c == '"' && field->len == 0)
        {
          quoted = TRUE;
          blank = FALSE;
        }
      else if (c == ',')
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          blank = FALSE;
        }
      else if (c == '\r' && p[1] == '\n')
        continue;
      else if (c == '\n' || c == '\0')
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          if (!blank)
            {
              g_ptr_array_add (fields, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
              g_array_append_val (starts, row_line);
            }
          else
            g_ptr_array_set_size (fields, 0);
          blank = TRUE;
          if (c == '\0')
            break;
          line++;
          row_line = line;
        }
      else
        {
          g_string_append_c (field, c);
          if (!g_ascii_isspace (c))
            blank = FALSE;
        }
    }
  if (lines)
    *lines = starts;
  else
    g_array_unref (starts);
  return rows;
}

static char *
header_key (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = lower; *p; p++)
    if (*p != ' ' && *p != '_' && *p != '-' && *p != '\t')
      g_string_append_c (key, *p);
  return g_string_free (key, FALSE);
}

static gint
column_of (const char *header)
{
  g_autofree char *key = header_key (header);

  for (guint i = 0; i < N_COLUMNS; i++)
    for (guint j = 0; j < G_N_ELEMENTS (columns[i].words) && columns[i].words[j]; j++)
      if (g_str_equal (key, columns[i].words[j]))
        return columns[i].column;
  return -1;
}

static void
add_problem (GPtrArray  *problems,
             guint       row,
             const char *message)
{
  /* Translators: a problem in one row of an imported file, "Row 3: The
   * discharge is before the admission". */
  g_ptr_array_add (problems, g_strdup_printf (_("Row %u: %s"), row, message));
}

/* A date as an HIS writes it: a day, maybe followed by a time
 * ("2026-11-20 10:30:00"). */
static gboolean
parse_his_date (const char *text,
                char      **iso)
{
  g_autofree char *day = g_strstrip (g_strdup (text ? text : ""));
  GDate date;
  char *cut = strpbrk (day, " T");

  if (cut)
    *cut = '\0';
  if (*day == '\0' || !cl_date_parse (day, &date, NULL))
    return FALSE;
  *iso = cl_date_to_iso (&date);
  return TRUE;
}

static const char *
cell (char      **row,
      const gint *index,
      Column      column)
{
  return index[column] >= 0 ? row[index[column]] : "";
}

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

/* The discharge of one row, or NULL with its problems added. */
static CLDischarge *
discharge_of_row (CLStore     *store,
                  char       **row,
                  const gint  *index,
                  guint        row_number,
                  const GDate *today,
                  GPtrArray   *problems)
{
  g_autoptr(CLDischarge) discharge = cl_discharge_new ();
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) phone_error = NULL;
  g_autoptr(GError) id_error = NULL;
  g_autofree char *name = stripped (cell (row, index, COL_NAME));
  g_autofree char *department = stripped (cell (row, index, COL_DEPARTMENT));
  g_autofree char *department_id = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *admitted = NULL;
  g_autofree char *discharged = NULL;
  g_autofree char *diagnosis = stripped (cell (row, index, COL_DIAGNOSIS));
  g_autofree char *his_id = stripped (cell (row, index, COL_HIS_ID));
  guint before = problems->len;
  static const char * const order[] = {
    "name", "phone", "id_number", "department_id", "admitted_on", "discharged_on", "call_due_on", "patient_id",
  };

  if (!cl_phone_validate (cell (row, index, COL_PHONE), &phone, &phone_error))
    add_problem (problems, row_number, phone_error->message);
  if (!cl_id_card_validate (cell (row, index, COL_ID_NUMBER), &id_number, NULL, NULL, &id_error))
    add_problem (problems, row_number, id_error->message);
  department_id = cl_store_discharge_department (store, department);
  if (department_id == NULL)
    {
      g_autofree char *message = *department == '\0'
        ? g_strdup (_("The department is missing"))
        : g_strdup_printf (_("“%s” is not a department on the hospital’s list"), department);

      add_problem (problems, row_number, message);
    }
  if (!parse_his_date (cell (row, index, COL_ADMITTED), &admitted))
    add_problem (problems, row_number, _("The admission date is not a date such as 2026-11-20"));
  if (!parse_his_date (cell (row, index, COL_DISCHARGED), &discharged))
    add_problem (problems, row_number, _("The discharge date is not a date such as 2026-11-20"));
  if (problems->len > before)
    return NULL;

  cl_discharge_set_name (discharge, name);
  cl_discharge_set_phone (discharge, phone);
  cl_discharge_set_id_number (discharge, id_number);
  cl_discharge_set_his_id (discharge, his_id);
  cl_discharge_set_department_id (discharge, department_id);
  cl_discharge_set_admitted_on (discharge, admitted);
  cl_discharge_set_discharged_on (discharge, discharged);
  cl_discharge_set_diagnosis (discharge, diagnosis);
  cl_discharge_set_source (discharge, "csv");
  cl_discharge_store_prepare (store, discharge);
  cl_discharge_store_validate (store, discharge, errors);
  cl_discharge_check_day (discharge, today, errors);
  /* In the order of the columns, so a row's messages read in order. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_hash_table_contains (errors, order[i]))
      add_problem (problems, row_number, g_hash_table_lookup (errors, order[i]));
  if (problems->len > before || g_hash_table_size (errors) > 0)
    return NULL;
  return g_steal_pointer (&discharge);
}

static void
today_of_clock (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (cl_schedule_now ());

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* @data as UTF-8 without its byte order mark, or NULL when it is
 * neither UTF-8 nor GB 18030 (of which GBK is a part). */
static char *
to_utf8 (const char *data,
         gsize       length)
{
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (memchr (data, '\0', length))
    return NULL;
  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);
  return g_convert (data, length, "UTF-8", "GB18030", NULL, NULL, NULL);
}

gboolean
cl_discharge_import_csv (CLStore     *store,
                         const char  *data,
                         gsize        length,
                         const char  *role,
                         guint       *n_imported,
                         GPtrArray  **problems,
                         GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) discharges = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;
  gint index[N_COLUMNS];
  guint width;
  gboolean header_ok;
  GDate today;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (n_imported)
    *n_imported = 0;
  if (cl_store_refuse_role (role, "discharge", error))
    return FALSE;

  text = to_utf8 (data ? data : "", length);
  if (text == NULL)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           _("The file is not text in UTF-8 or GBK; export the discharges from the hospital system as CSV"));
      return FALSE;
    }
  rows = cl_discharge_csv_rows (text, &lines);
  if (rows->len == 0)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, _("The file is empty"));
      return FALSE;
    }

  /* The header. */
  for (guint i = 0; i < N_COLUMNS; i++)
    index[i] = -1;
  width = g_strv_length (g_ptr_array_index (rows, 0));
  for (guint i = 0; i < width; i++)
    {
      const char *header = ((char **) g_ptr_array_index (rows, 0))[i];
      g_autofree char *shown = stripped (header);
      gint column = column_of (shown);

      if (column < 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a column of the discharge list"), shown);

          add_problem (found, g_array_index (lines, guint, 0), message);
        }
      else if (index[column] >= 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("The %s column comes twice"),
                             g_dpgettext2 (GETTEXT_PACKAGE, "discharge column", columns[column].label));

          add_problem (found, g_array_index (lines, guint, 0), message);
        }
      else
        index[column] = i;
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    if (columns[i].required && index[i] < 0)
      {
        g_autofree char *message =
          g_strdup_printf (_("The %s column is missing"),
                           g_dpgettext2 (GETTEXT_PACKAGE, "discharge column", columns[i].label));

        add_problem (found, g_array_index (lines, guint, 0), message);
      }
  if (rows->len == 1 && found->len == 0)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           _("The file has a header but no discharges"));
      return FALSE;
    }

  /* The rows, when the columns are known. */
  today_of_clock (&today);
  header_ok = found->len == 0;
  for (guint r = 1; header_ok && r < rows->len; r++)
    {
      char **row;
      guint row_number;
      g_autoptr(CLDischarge) discharge = NULL;
      g_autofree char *key = NULL;

      row = g_ptr_array_index (rows, r);
      row_number = g_array_index (lines, guint, r);
      if (g_strv_length (row) != width)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The row has %u field; the header has %u",
                                          "The row has %u fields; the header has %u", g_strv_length (row)),
                             g_strv_length (row), width);

          add_problem (found, row_number, message);
          continue;
        }
      discharge = discharge_of_row (store, row, index, row_number, &today, found);
      if (discharge == NULL)
        continue;
      key = g_strconcat (cl_discharge_get_id_number (discharge), "|", cl_discharge_get_discharged_on (discharge), NULL);
      if (g_hash_table_contains (seen, key))
        {
          g_autofree char *message =
            g_strdup_printf (_("The same ID number and discharge date as row %u"),
                             GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)));

          add_problem (found, row_number, message);
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (row_number));
      g_ptr_array_add (discharges, g_steal_pointer (&discharge));
    }

  if (found->len > 0)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%u problem in the file; nothing was imported",
                                "%u problems in the file; nothing was imported", found->len),
                   found->len);
      if (problems)
        *problems = g_steal_pointer (&found);
      return FALSE;
    }

  /* All rows or none. */
  if (!cl_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < discharges->len; i++)
    if (!cl_store_write_record (store, g_ptr_array_index (discharges, i), 0, error))
      {
        cl_store_rollback (store);
        return FALSE;
      }
  if (!cl_store_commit (store, error))
    return FALSE;
  if (n_imported)
    *n_imported = discharges->len;
  return TRUE;
}
