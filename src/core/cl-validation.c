/* cl-validation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-validation"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-validation.h"

G_DEFINE_QUARK (cl-validation-error-quark, cl_validation_error)
