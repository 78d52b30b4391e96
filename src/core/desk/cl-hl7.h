#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* HL7 version 2 as a hospital system (HIS) sends a discharge: an
 * ADT^A03 message (segments MSH, EVN, PID, PV1, maybe DG1) framed by
 * the Minimal Lower Layer Protocol (MLLP: 0x0B, the message, 0x1C
 * 0x0D), answered by an ACK.  Parsing only, without sockets or the
 * store, so careline-server's listener (src/server/cl-hl7-listener.c)
 * and the tests share it. */

#define CL_HL7_ERROR (cl_hl7_error_quark ())

/* What is wrong with a message, and so the ACK it gets. */
typedef enum
{
  CL_HL7_ERROR_MALFORMED,    /* not HL7 v2 at all, or segments out of order: AR, 100 */
  CL_HL7_ERROR_UNSUPPORTED,  /* another message type, event or version: AR, 200/201/203 */
  CL_HL7_ERROR_MISSING,      /* a required field is empty: AE, 101 */
  CL_HL7_ERROR_INVALID,      /* a field's value is not usable: AE, 102 */
} ClHl7Error;

GQuark cl_hl7_error_quark (void);

/* What an ADT^A03 message says, each field unescaped, NULL when the
 * message leaves it empty. */
typedef struct
{
  /* MSH */
  char *sending_app;         /* MSH-3.1 */
  char *sending_facility;    /* MSH-4.1 */
  char *message_type;        /* MSH-9.1, "ADT" */
  char *trigger;             /* MSH-9.2, "A03" */
  char *control_id;          /* MSH-10 */
  char *version;             /* MSH-12.1, "2.5" */
  /* PID */
  char *his_id;              /* PID-3: the HIS's patient number */
  char *id_number;           /* PID-19, or a PID-3 identifier of type NNCHN, ID or NI */
  char *name;                /* PID-5: family name then given name */
  char *phone;               /* PID-13: the first number given */
  /* PV1 */
  char *department;          /* PV1-3.1 (point of care), else PV1-10 (hospital service) */
  char *admitted_on;         /* PV1-44 as "YYYY-MM-DD" */
  char *discharged_on;       /* PV1-45 as "YYYY-MM-DD" */
  /* DG1 */
  char *diagnosis;           /* DG1-4, else DG1-3.2 */
} ClHl7Discharge;

void            cl_hl7_discharge_free  (ClHl7Discharge *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClHl7Discharge, cl_hl7_discharge_free)

/* Parses @text (@length bytes; segments ended by CR, LF or CRLF; the
 * field separator and encoding characters from MSH-1 and MSH-2) as an
 * ADT^A03.  *@out gets what was read whenever the MSH segment could be
 * read, even when the message is refused, so the ACK can name its
 * control id; otherwise NULL.  FALSE with a CL_HL7_ERROR whose message
 * names the segment and field when it is not an acceptable ADT^A03. */
gboolean        cl_hl7_parse_discharge (const char      *text,
                                        gsize            length,
                                        ClHl7Discharge **out,
                                        GError         **error);

/* The HL7 error code (table 0357) and the acknowledgement code ("AR"
 * or "AE") for a CL_HL7_ERROR code. */
const char     *cl_hl7_error_code      (ClHl7Error       code);
const char     *cl_hl7_ack_code        (ClHl7Error       code);

/* The ACK for @message (may be NULL when its MSH could not be read):
 * MSH (to its sender, ACK^A03^ACK, version 2.5, at @now, UTC seconds,
 * shown in local time), MSA with @ack_code ("AA", "AE", "AR") and the
 * message's control id, and for anything but AA an ERR segment with
 * @error_code (table 0357) and @text.  Segments end with CR. */
char           *cl_hl7_ack             (const ClHl7Discharge *message,
                                        const char      *ack_code,
                                        const char      *error_code,
                                        const char      *text,
                                        gint64           now);

/* MLLP: a reader gathers the bytes of a connection and hands out the
 * messages in them, however they were split into reads. */
typedef struct _ClMllpReader ClMllpReader;

ClMllpReader   *cl_mllp_reader_new     (gsize            max_message);
void            cl_mllp_reader_free    (ClMllpReader    *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClMllpReader, cl_mllp_reader_free)

/* Takes @length bytes.  Bytes outside a frame are dropped.  FALSE with
 * G_IO_ERROR_MESSAGE_TOO_LARGE when a message grows past the reader's
 * @max_message, or as many bytes outside any frame were sent: then the
 * connection is to be closed. */
gboolean        cl_mllp_reader_feed    (ClMllpReader    *reader,
                                        const void      *data,
                                        gsize            length,
                                        GError         **error);
/* Whether part of a message has come and its end not yet. */
gboolean        cl_mllp_reader_in_frame (ClMllpReader   *reader);
/* The next whole message taken (without its frame), or NULL. */
GBytes         *cl_mllp_reader_next    (ClMllpReader    *reader);

/* @message framed for MLLP. */
GBytes         *cl_mllp_frame          (const char      *message);

G_END_DECLS
