#pragma once

#include <glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* The commands of careline-server, one file each (cl-command-NAME.c).
 * Each takes its own name as argv[0], like a program of its own, and
 * returns the exit code. */

/* Exit codes: 0 done, 1 the work failed, 2 the command line was wrong
 * (what scripts and systemd units can tell apart). */
#define CL_EXIT_USAGE 2

int  cl_command_serve      (int    argc,
                            char **argv);
int  cl_command_user       (int    argc,
                            char **argv);
int  cl_command_gateway    (int    argc,
                            char **argv);
int  cl_command_audit      (int    argc,
                            char **argv);
int  cl_command_backup     (int    argc,
                            char **argv);
int  cl_command_demo_data  (int    argc,
                            char **argv);
int  cl_command_settlement (int    argc,
                            char **argv);

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;  /* marked for translation, translated when shown */
} ClCommand;

/* The commands in the order --help lists them. */
const ClCommand *cl_commands                    (guint            *n_commands);
const ClCommand *cl_command_find                (const char       *name);

/* What the commands share (cl-commands.c). */

/* Parses a command's options; prints the problem and returns FALSE on
 * a bad command line. */
gboolean         cl_command_parse_options       (GOptionContext   *context,
                                                 const char       *command,
                                                 int              *argc,
                                                 char           ***argv);
/* Print why the command line is not usable; return CL_EXIT_USAGE. */
int              cl_command_unexpected_argument (const char       *command,
                                                 const char       *argument);
int              cl_command_missing_db          (const char       *command);
/* Opens the data file of a command that must not create one; prints
 * why not and returns NULL when it cannot. */
CLStore         *cl_command_open_existing_store (const char       *command,
                                                 const char       *db);

G_END_DECLS
