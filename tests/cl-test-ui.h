#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What every UI test program under Xvfb shares (tests/meson.build runs
 * each one twice, in English and in zh_CN). */

typedef gboolean (*CLTestCondition) (gpointer data);

/* Sets the locale and text domain from the test environment, starts GTK
 * and libadwaita with Careline's resources and style sheet, and hides
 * GTK's focus-out warning that Xvfb without a window manager causes. */
void        cl_test_ui_init            (int         *argc,
                                        char      ***argv);

/* "en" or "zh_CN": the language this run is in. */
const char *cl_test_ui_lang            (void);
gboolean    cl_test_ui_is_chinese      (void);

/* Iterates the main loop until @condition holds (fails the test after
 * 60 s), then lets layout and paint catch up. */
void        cl_test_ui_wait_until      (CLTestCondition condition,
                                        gpointer        data);
/* Iterates the main loop for @ms milliseconds. */
void        cl_test_ui_settle          (guint        ms);

/* Mapped and laid out: a condition for cl_test_ui_wait_until(). */
gboolean    cl_test_ui_widget_drawn    (gpointer     widget);

/* Renders @widget to build/tests/screenshot-NAME-LANG.png. */
void        cl_test_ui_save_screenshot (GtkWidget   *widget,
                                        const char  *name);

/* A mapped GtkLabel under @widget whose text is exactly @text. */
gboolean    cl_test_ui_find_label      (GtkWidget   *widget,
                                        const char  *text);
GtkWidget  *cl_test_ui_find_widget     (GtkWidget   *widget,
                                        GType        type);
/* A visible toplevel window of @type (transfer none), or NULL. */
GtkWindow  *cl_test_ui_find_toplevel   (GType        type);
gboolean    cl_test_ui_has_non_ascii   (const char  *text);

G_END_DECLS
