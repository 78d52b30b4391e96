#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_APPLICATION (cl_application_get_type ())
G_DECLARE_FINAL_TYPE (CLApplication, cl_application, CL, APPLICATION, AdwApplication)

CLApplication *cl_application_new              (void);

/* Registers the app's resources and style sheet; also used by tests
 * that build widgets without running the application. */
void           cl_application_load_resources   (void);

/* The folder holding careline.db: --data-dir, else the last one used,
 * else the user data dir. */
char          *cl_application_resolve_data_dir (CLApplication *self);

G_END_DECLS
