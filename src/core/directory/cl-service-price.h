#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A price of the hospital's price list (table service_price), synced:
 * its code, name, category (free text: "检查", "床位"…), the unit it is
 * charged by ("次", "天"…), the price in integer fen, a note, and
 * whether it is charged now.  Kept by an administrator; the service
 * desk reads it out to a caller. */
#define CL_TYPE_SERVICE_PRICE (cl_service_price_get_type ())
G_DECLARE_FINAL_TYPE (CLServicePrice, cl_service_price, CL, SERVICE_PRICE, CLRecord)

CLServicePrice *cl_service_price_new (void);

const char  *cl_service_price_get_code (CLServicePrice *self);
void         cl_service_price_set_code (CLServicePrice *self, const char *value);
const char  *cl_service_price_get_name (CLServicePrice *self);
void         cl_service_price_set_name (CLServicePrice *self, const char *value);
const char  *cl_service_price_get_category (CLServicePrice *self);
void         cl_service_price_set_category (CLServicePrice *self, const char *value);
const char  *cl_service_price_get_unit (CLServicePrice *self);
void         cl_service_price_set_unit (CLServicePrice *self, const char *value);
gint64       cl_service_price_get_price_fen (CLServicePrice *self);
void         cl_service_price_set_price_fen (CLServicePrice *self, gint64 value);
const char  *cl_service_price_get_note (CLServicePrice *self);
void         cl_service_price_set_note (CLServicePrice *self, const char *value);
gboolean     cl_service_price_get_active (CLServicePrice *self);
void         cl_service_price_set_active (CLServicePrice *self, gboolean value);

/* The largest price a line may have: 10 000 000.00 yuan. */
#define CL_SERVICE_PRICE_MAX_FEN G_GINT64_CONSTANT (1000000000)

/* "¥35.00 / visit": the price in yuan and the unit, for a person. */
char       *cl_service_price_dup_label (CLServicePrice *self);

GHashTable *cl_service_price_validate  (CLServicePrice *self);

G_END_DECLS
