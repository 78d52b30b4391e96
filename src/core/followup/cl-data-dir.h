#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a hospital keeps its own data files of one kind (scales,
 * surveys): the directory named by @env_var when it is set, else
 * careline/@kind under the user's and then the system's configuration
 * directories (/etc/xdg/careline/@kind on Debian).  NULL when none
 * exists. */
char      *cl_data_dir_find_hospital (const char *env_var,
                                      const char *kind);

/* The full paths of @dir's files ending in @suffix, in name order, so
 * which of two files with one id wins does not depend on the file
 * system.  Empty for a missing directory. */
GPtrArray *cl_data_dir_list          (const char *dir,
                                      const char *suffix);

G_END_DECLS
