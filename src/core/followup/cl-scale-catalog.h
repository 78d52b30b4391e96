#pragma once

#include "cl-scale.h"

G_BEGIN_DECLS

/* The scales in force: the ones Careline ships (cl_scale_new_builtin())
 * and the hospital's own, each *.ini file of its scales directory
 * ($CARELINE_SCALES_DIR when set, else careline/scales under the user's
 * and then the system's configuration directories, /etc/xdg/careline/scales
 * on Debian).  Read once a process: a hospital adds a file and restarts.
 * A file that cannot be used is skipped, with a warning naming the file
 * and its line; the others still load. */

/* Reads every *.ini file of @dir, in name order.  Returns the scales
 * (CLScale) it defines; each file that cannot be used, or whose id
 * is already taken by one in @taken (may be NULL) or an earlier file,
 * adds a "FILE:LINE: why" line to @problems (may be NULL) instead.  A
 * missing directory is no scale and no problem. */
GPtrArray          *cl_scale_catalog_read_dir (const char         *dir,
                                               const char * const *taken,
                                               GPtrArray          *problems);

/* The ids of the scales in force, the built-in first, NULL-terminated. */
const char * const *cl_scale_catalog_ids      (void);
/* The scale in force with @id, or NULL. */
CLScale            *cl_scale_catalog_lookup   (const char         *id);

G_END_DECLS
