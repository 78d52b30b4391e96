#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors for user input that a rule refused.  The message is already
 * translated and is meant to be shown next to the field that was typed. */
#define CL_VALIDATION_ERROR (cl_validation_error_quark ())

typedef enum
{
  CL_VALIDATION_ERROR_EMPTY,        /* a required value is missing */
  CL_VALIDATION_ERROR_FORMAT,       /* wrong shape: letters in a phone, bad length */
  CL_VALIDATION_ERROR_CHECKSUM,     /* ID number check digit does not match */
  CL_VALIDATION_ERROR_DATE,         /* not a real calendar date */
  CL_VALIDATION_ERROR_RANGE,        /* a real value outside what makes sense */
  CL_VALIDATION_ERROR_ORDER,        /* end before start, EDD before LMP */
  CL_VALIDATION_ERROR_COMBINATION,  /* values that may not go together */
} ClValidationError;

GQuark   cl_validation_error_quark (void);

/* A whole number typed by a person, from @min to @max.  Full-width
 * digits are accepted; spaces around it are ignored.  FALSE with a
 * translated message for anything else. */
gboolean cl_validation_parse_int   (const char  *text,
                                    gint         min,
                                    gint         max,
                                    gint        *out,
                                    GError     **error);

/* A web link a person typed for a patient to open (a course, a live
 * stream): an absolute http or https address with a host and no
 * blanks.  FALSE with a translated CL_VALIDATION_ERROR_FORMAT
 * otherwise; an empty link is the caller's to allow or refuse. */
gboolean cl_validation_check_web_link (const char  *text,
                                       GError     **error);

G_END_DECLS
