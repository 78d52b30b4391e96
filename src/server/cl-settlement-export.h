#pragma once

#include <gio/gio.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* A month's settlement statement as the server gives it to finance:
 * `GET /api/v1/settlement/YYYY-MM` and `careline-server settlement`.
 * The statement is core's (cl_enrolment_store_settlement()), so it is
 * the desk's to the fen; the PDF is the desk's printed statement
 * (careline-print) and the CSV the desk's export. */

typedef enum
{
  CL_SETTLEMENT_FORMAT_JSON,
  CL_SETTLEMENT_FORMAT_CSV,
  CL_SETTLEMENT_FORMAT_PDF,
} ClSettlementFormat;

#define CL_SETTLEMENT_EXPORT_ERROR (cl_settlement_export_error_quark ())

typedef enum
{
  /* A month that is not YYYY-MM, or one that has not begun: the
   * message says which, in words. */
  CL_SETTLEMENT_EXPORT_ERROR_BAD_MONTH,
  CL_SETTLEMENT_EXPORT_ERROR_FUTURE_MONTH,
  CL_SETTLEMENT_EXPORT_ERROR_BAD_FORMAT,
} ClSettlementExportError;

GQuark      cl_settlement_export_error_quark (void);

/* "json", "csv" or "pdf" (NULL: json); FALSE for anything else. */
gboolean    cl_settlement_format_parse  (const char          *text,
                                         ClSettlementFormat  *format,
                                         GError             **error);
const char *cl_settlement_format_content_type (ClSettlementFormat format);

/* @month is YYYY-MM, a real month that has begun; else
 * CL_SETTLEMENT_EXPORT_ERROR with the reason in words. */
gboolean    cl_settlement_export_check_month (const char  *month,
                                              GError     **error);

/* The statement of @month for @contract_id (NULL: the obstetric
 * contract, the one there was before contracts) in @format.  An
 * unknown contract is CL_STORE_ERROR_INVALID.  An open month is headed by the
 * names cl_enrolment_store_set_parties() gave @store (`serve` and
 * `settlement` take them as --hospital and --vendor); a closed month
 * keeps the names it was closed with.  A month with nothing in it is a
 * statement of zeros. */
GBytes     *cl_settlement_export        (CLStore             *store,
                                         const char          *contract_id,
                                         const char          *month,
                                         ClSettlementFormat   format,
                                         GError             **error);

G_END_DECLS
