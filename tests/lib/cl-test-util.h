#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh directory under /tmp for one test, so tests never see each
 * other's files; remove it with cl_test_remove_tree(). */
char *cl_test_make_tmp_dir  (const char *name);
void  cl_test_remove_tree   (const char *path);

G_END_DECLS

#include <gio/gio.h>

G_BEGIN_DECLS

/* A child process that dies with the test (PR_SET_PDEATHSIG), so a
 * test that fails half-way never leaves a server holding its output. */
GSubprocess *cl_test_spawn        (GSubprocessFlags    flags,
                                   const char * const *argv,
                                   GError            **error);

/* Starts `SERVER serve --db DB --listen 127.0.0.1:0` and returns once
 * it listens, with its base URL in @url. */
GSubprocess *cl_test_start_server (const char  *server_binary,
                                   const char  *db,
                                   char       **url);
/* The same on @listen (ADDRESS:PORT; to restart a server where it was,
 * pass the host and port of its URL) with further serve options (for
 * example --tls-cert, --tls-key), NULL-terminated. */
GSubprocess *cl_test_start_server_at (const char  *server_binary,
                                      const char  *db,
                                      const char  *listen,
                                      char       **url,
                                      ...) G_GNUC_NULL_TERMINATED;

/* Runs `SERVER ARGS…` with @input on stdin; returns the exit status. */
int          cl_test_run_server_cli (const char *server_binary,
                                     const char *input,
                                     ...) G_GNUC_NULL_TERMINATED;
/* Runs `SERVER ARGS…` and keeps what it printed on standard output
 * and error (either may be NULL); returns the exit status. */
int          cl_test_run_server_cli_output (const char  *server_binary,
                                            char       **out,
                                            char       **err,
                                            ...) G_GNUC_NULL_TERMINATED;
/* Both in one: @input on stdin (may be NULL), standard output and
 * error kept where @out and @err are not NULL (else thrown away). */
int          cl_test_run_server_cli_va (const char  *server_binary,
                                        const char  *input,
                                        char       **out,
                                        char       **err,
                                        va_list      args);
/* $CARELINE_SERVER when it names the server program; else NULL, and a
 * test message says the tests that need it are skipped. */
const char  *cl_test_server_binary  (void);
/* SIGTERM, then waits for it to exit, and clears @server. */
void         cl_test_stop_server    (GSubprocess **server);

/* The text of a PDF's pages @first to @last (1-based; 0 and 0 for all)
 * as `pdftotext -layout` reads it; fails the test if it cannot. */
char        *cl_test_pdf_text     (const char *path,
                                   int         first,
                                   int         last);

/* Fails the test, showing @text, unless @part is in it. */
void         cl_test_assert_contains (const char *text,
                                      const char *part);

G_END_DECLS
