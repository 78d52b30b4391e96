#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The hospital system's CSV export of discharges, imported at the
 * desk: a header row naming the columns (name, phone, ID number,
 * department, admission date, discharge date, diagnosis; in English or
 * as a Chinese HIS writes them, 姓名, 联系电话, 身份证号, 科室, 入院日期,
 * 出院日期, 出院诊断, in any order; the HIS's own patient number, 住院号,
 * may come too), then one discharge a row.  UTF-8 with or without a
 * byte order mark, or GBK (GB 18030), which Chinese HIS exports often
 * are.  Each discharge's call is due as cl_discharge_store_prepare()
 * says. */

/* Checks every row of @data (@length bytes) and either imports them
 * all, in one transaction, as @role (their count in @n_imported), or
 * imports nothing: then FALSE with CL_STORE_ERROR_INVALID and, in
 * @problems (translated text, one line each, "Row 3: …", the header
 * being row 1), every row that is wrong: an unknown or missing column,
 * a phone or ID number the desk's checks refuse, a department not on
 * the hospital's list, a date that is not one, a discharge before the
 * admission or in the future, a row repeated within the file or a
 * discharge already stored (the same ID number and discharge date). */
gboolean cl_discharge_import_csv (CLStore     *store,
                                  const char  *data,
                                  gsize        length,
                                  const char  *role,
                                  guint       *n_imported,
                                  GPtrArray  **problems,
                                  GError     **error);

/* The rows of a CSV text (RFC 4180: fields in double quotes may hold
 * commas, quotes doubled and line breaks; CRLF or LF), each a GStrv,
 * with the line each starts on in @lines (may be NULL).  Blank lines
 * are skipped. */
GPtrArray *cl_discharge_csv_rows (const char  *text,
                                  GArray     **lines);

G_END_DECLS
