#pragma once

#include "cl-contact.h"
#include "cl-demo-desk.h"

G_BEGIN_DECLS

/* What the desk's demo generators (cl-demo-desk.c, cl-demo-complaints.c,
 * cl-demo-registers.c) share. */
typedef struct
{
  CLStore                *store;
  const CLDemoDeskPeople *people;
  guint32                 seed;
  GDate                   today;
  gint64                  now;
  GHashTable             *departments;         /* Chinese name → id */
  GPtrArray              *complaint_contacts;  /* CLContact, the oldest first */
  guint                   n_complaints;        /* complaint contacts drawn */
} CLDemoDesk;

/* What callers complain of (the contact's summary and the ticket's
 * description), and the name of the department complained of. */
extern const char * const cl_demo_desk_complaint_topics[][2];
extern const guint        cl_demo_desk_n_complaint_topics;

/* @minutes after local midnight, @days_ago days before today. */
gint64      cl_demo_desk_at         (CLDemoDesk  *desk,
                                     gint         days_ago,
                                     gint         minutes);

/* @t moved into the desk's hours (08:00 to 17:30) of its day when it
 * falls outside them, unless that would put it before @lo or after
 * @hi: the desk calls back and settles by day. */
gint64      cl_demo_desk_in_hours   (gint64       t,
                                     gint64       lo,
                                     gint64       hi);

/* The id of the demo department named @name (cl-demo-directory.c). */
const char *cl_demo_desk_department (CLDemoDesk  *desk,
                                     const char  *name);

/* One of @ids (strings), drawn from @rand. */
const char *cl_demo_desk_pick       (GRand       *rand,
                                     GPtrArray   *ids);

/* A generator of its own for one day or one record, so what one part
 * draws never moves another part's ids. */
GRand      *cl_demo_desk_rand       (CLDemoDesk  *desk,
                                     guint32      salt,
                                     guint32      index);

/* @record checked by its table's validate hook, as the server would,
 * then written without an outbox entry; a refusal is an error naming
 * the column. */
gboolean    cl_demo_desk_write      (CLDemoDesk  *desk,
                                     gpointer     record,
                                     GError     **error);

gboolean    cl_demo_desk_complaints (CLDemoDesk  *desk,
                                     GError     **error);
gboolean    cl_demo_desk_opinions   (CLDemoDesk  *desk,
                                     GError     **error);
gboolean    cl_demo_desk_critical   (CLDemoDesk  *desk,
                                     GError     **error);
gboolean    cl_demo_desk_faults     (CLDemoDesk  *desk,
                                     GError     **error);
gboolean    cl_demo_desk_nursing    (CLDemoDesk  *desk,
                                     GError     **error);

G_END_DECLS
