#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A service package sold to patients (全孕期, 孕中期, 孕晚期): its price,
 * the gestational-age window in which one may enrol, and what it
 * includes.  A price change applies to new enrolments only: an
 * enrolment copies the price it was sold at. */

#define CL_TYPE_PACKAGE (cl_package_get_type ())
G_DECLARE_FINAL_TYPE (CLPackage, cl_package, CL, PACKAGE, CLRecord)

CLPackage *cl_package_new (void);

/* short stable code, e.g. "whole" */
const char  *cl_package_get_code (CLPackage *self);
void         cl_package_set_code (CLPackage *self,
                                  const char *value);
/* name shown and printed, e.g. 全孕期 */
const char  *cl_package_get_name (CLPackage *self);
void         cl_package_set_name (CLPackage *self,
                                  const char *value);
/* the name in English, e.g. "Whole Pregnancy"; may be empty */
const char  *cl_package_get_name_en (CLPackage *self);
void         cl_package_set_name_en (CLPackage *self,
                                     const char *value);
/* The name for the interface's language: the English name in an
 * English interface if there is one, else the name as entered. */
const char  *cl_package_get_display_name (CLPackage *self);
/* Is the interface showing packages' English names? */
gboolean     cl_package_names_in_english (void);
/* price in fen */
gint64       cl_package_get_price_fen (CLPackage *self);
void         cl_package_set_price_fen (CLPackage *self,
                                       gint64      value);
/* first gestational day one may enrol on */
gint         cl_package_get_enrol_from_day (CLPackage *self);
void         cl_package_set_enrol_from_day (CLPackage *self,
                                            gint        value);
/* last gestational day one may enrol on */
gint         cl_package_get_enrol_to_day (CLPackage *self);
void         cl_package_set_enrol_to_day (CLPackage *self,
                                          gint        value);
/* service ends this many days after delivery */
gint         cl_package_get_postpartum_days (CLPackage *self);
void         cl_package_set_postpartum_days (CLPackage *self,
                                             gint        value);
/* JSON: [{"code", "name", "quantity"}] */
const char  *cl_package_get_services (CLPackage *self);
void         cl_package_set_services (CLPackage *self,
                                      const char *value);
/* One included service, as the package editor shows it. */
typedef struct
{
  char *code;       /* stable code, e.g. "escort"; "" for one typed in */
  char *name;       /* 产检陪诊 */
  gint  quantity;   /* at least 1 */
} CLPackageService;

CLPackageService *cl_package_service_new  (const char       *code,
                                           const char       *name,
                                           gint              quantity);
void              cl_package_service_free (CLPackageService *service);

/* The services as a list of CLPackageService (empty if there are none
 * or the JSON is not a list of services), and back. */
GPtrArray   *cl_package_dup_service_list (CLPackage *self);
void         cl_package_set_service_list (CLPackage *self,
                                          GPtrArray *services);

/* offered for new enrolments */
gboolean     cl_package_get_active (CLPackage *self);
void         cl_package_set_active (CLPackage *self,
                                    gboolean    value);

G_END_DECLS
