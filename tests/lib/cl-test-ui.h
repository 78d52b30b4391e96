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

/* Real key presses through the X server (xdotool) to the focused
 * window, one after the other: "ctrl+f Page_Down shift+Up". */
void        cl_test_ui_press_keys      (const char  *keys);

/* Renders @widget to build/tests/screenshot-NAME-LANG.png. */
void        cl_test_ui_save_screenshot (GtkWidget   *widget,
                                        const char  *name);

/* A mapped GtkLabel under @widget whose text is exactly @text. */
gboolean    cl_test_ui_find_label      (GtkWidget   *widget,
                                        const char  *text);
GtkWidget  *cl_test_ui_find_widget     (GtkWidget   *widget,
                                        GType        type);
/* The first widget under @widget (itself included, depth first) of
 * which @match (widget, @data) is TRUE, or NULL. */
typedef gboolean (*CLTestUiMatch) (GtkWidget     *widget,
                                   gconstpointer  data);
GtkWidget  *cl_test_ui_find_widget_where (GtkWidget     *widget,
                                          CLTestUiMatch  match,
                                          gconstpointer  data);
/* The first button under @widget whose action is @action_name. */
GtkWidget  *cl_test_ui_find_action_button (GtkWidget  *widget,
                                           const char *action_name);
/* A visible toplevel window of @type (transfer none), or NULL. */
GtkWindow  *cl_test_ui_find_toplevel   (GType        type);
gboolean    cl_test_ui_has_non_ascii   (const char  *text);

/* A new folder holding a careline.db with @n_patients of demo data
 * (cl_demo_data_generate() with @seed), for cl_window_open_data_dir(). */
char       *cl_test_ui_make_demo_store (const char  *name,
                                        guint        n_patients,
                                        guint32      seed);

/* A Careline window (1280 × 800) on @data_dir's store, returned once
 * the store is open. */
GtkWidget  *cl_test_ui_open_window     (const char  *data_dir);

/* Conditions for cl_test_ui_wait_until(): the roster model (@data) has
 * loaded and is not loading; the log-in dialog is shown;
 * the sync client (@data) is online with nothing waiting. */
gboolean    cl_test_ui_roster_settled  (gpointer     data);
gboolean    cl_test_ui_login_shown     (gpointer     data);
gboolean    cl_test_ui_sync_idle       (gpointer     data);

/* Types @name into the patient search of @dialog and takes the first
 * match with Enter, as a person would; fails the test without one. */
void        cl_test_ui_choose_patient  (GtkWidget   *dialog,
                                        const char  *name);

/* Points the app (GSettings "server-url") at @url, logs in as @username
 * in the dialog that asks, and waits until @window's desk is online
 * with nothing waiting. */
void        cl_test_ui_log_in          (GtkWidget   *window,
                                        const char  *url,
                                        const char  *username,
                                        const char  *password);

G_END_DECLS
