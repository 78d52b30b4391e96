#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A strict check of untrusted JSON text before json-glib parses it.
 * json-glib accepts comments and '…' strings, parses by recursion and
 * wraps integers beyond gint64; this checker accepts only what RFC 8259
 * allows, in one pass with no recursion, so its depth count is the
 * parser's. */

#define CL_JSON_STRICT_ERROR (cl_json_strict_error_quark ())

typedef enum
{
  CL_JSON_STRICT_ERROR_SYNTAX,     /* not JSON (comments, single quotes, trailing commas…) */
  CL_JSON_STRICT_ERROR_DEPTH,      /* arrays and objects nested too deep */
  CL_JSON_STRICT_ERROR_UTF8,       /* bytes that are not UTF-8 */
  CL_JSON_STRICT_ERROR_SURROGATE,  /* a \uD800-\uDFFF escape not in a pair */
  CL_JSON_STRICT_ERROR_NUL,        /* \u0000 in a string */
} CLJsonStrictError;

GQuark    cl_json_strict_error_quark (void);

/* Checks that @data (@size bytes, no NUL needed) is one JSON text, UTF-8,
 * nested at most @max_depth arrays and objects deep, with no lone
 * surrogate and no NUL in its strings.
 *
 * An integer that does not fit in gint64 is valid JSON but json-glib
 * would wrap it (2^63 becomes −2^63).  When there is one, *@normalized
 * is set to a copy in which each such integer has ".0" appended, so
 * json-glib reads it as a double, which no integer field accepts;
 * otherwise *@normalized is NULL and @data is what to parse. */
gboolean  cl_json_strict_check       (const char  *data,
                                      gsize        size,
                                      guint        max_depth,
                                      char       **normalized,
                                      GError     **error);

/* Checks @text (@length bytes, or NUL-terminated if -1) as above, then
 * parses it with json-glib.  For JSON that came from outside and sits
 * in a text field (a package's services), so that parsing it later
 * cannot crash whoever does. */
JsonNode *cl_json_strict_parse       (const char  *text,
                                      gssize       length,
                                      guint        max_depth,
                                      GError     **error);

G_END_DECLS
