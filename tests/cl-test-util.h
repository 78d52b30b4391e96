#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh directory under /tmp for one test, so tests never see each
 * other's files; remove it with cl_test_remove_tree(). */
char *cl_test_make_tmp_dir  (const char *name);
void  cl_test_remove_tree   (const char *path);

G_END_DECLS
