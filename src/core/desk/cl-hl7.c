#define G_LOG_DOMAIN "cl-hl7"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cl-hl7.h"

G_DEFINE_QUARK (cl-hl7-error-quark, cl_hl7_error)

#define MLLP_START 0x0B
#define MLLP_END   0x1C
#define MLLP_CR    0x0D

void
cl_hl7_discharge_free (ClHl7Discharge *message)
{
  if (message == NULL)
    return;
  g_free (message->sending_app);
  g_free (message->sending_facility);
  g_free (message->message_type);
  g_free (message->trigger);
  g_free (message->control_id);
  g_free (message->version);
  g_free (message->his_id);
  g_free (message->id_number);
  g_free (message->name);
  g_free (message->phone);
  g_free (message->department);
  g_free (message->admitted_on);
  g_free (message->discharged_on);
  g_free (message->diagnosis);
  g_free (message);
}

/* ---- segments and fields ------------------------------------------- */

typedef struct
{
  char field;
  char component;
  char repetition;
  char escape;
  char subcomponent;
} Delimiters;

typedef struct
{
  char   name[4];
  char **fields;     /* fields[n] is SEG-n (for MSH, MSH-n, fields[1] being MSH-1) */
  guint  n_fields;
} Segment;

static void
segment_clear (gpointer data)
{
  Segment *segment = data;

  g_strfreev (segment->fields);
}

/* @text with HL7's escape sequences (\F\ \S\ \T\ \R\ \E\) replaced by
 * the characters they stand for; other sequences are dropped. */
static char *
unescape (const char       *text,
          const Delimiters *d)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      const char *end;

      if (*p != d->escape || d->escape == '\0' || (end = strchr (p + 1, d->escape)) == NULL)
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (end == p + 2)
        switch (p[1])
          {
          case 'F': g_string_append_c (out, d->field); break;
          case 'S': g_string_append_c (out, d->component); break;
          case 'T': g_string_append_c (out, d->subcomponent); break;
          case 'R': g_string_append_c (out, d->repetition); break;
          case 'E': g_string_append_c (out, d->escape); break;
          default: break;
          }
      p = end;
    }
  return g_string_free (out, FALSE);
}

static const char *
raw_field (const Segment *segment,
           guint          n)
{
  return segment && n < segment->n_fields ? segment->fields[n] : "";
}

/* Repetition @rep (0-based), component @comp (1-based) and its first
 * subcomponent of field @n, unescaped and stripped; NULL when empty. */
static char *
value (const Segment    *segment,
       guint             n,
       guint             rep,
       guint             comp,
       const Delimiters *d)
{
  const char *field = raw_field (segment, n);
  char separators[2] = { 0, 0 };
  g_auto(GStrv) reps = NULL;
  g_auto(GStrv) comps = NULL;
  g_auto(GStrv) subs = NULL;
  char *text;

  separators[0] = d->repetition;
  reps = g_strsplit (field, separators, -1);
  if (rep >= g_strv_length (reps))
    return NULL;
  separators[0] = d->component;
  comps = g_strsplit (reps[rep], separators, -1);
  if (comp == 0 || comp > g_strv_length (comps))
    return NULL;
  separators[0] = d->subcomponent;
  subs = g_strsplit (comps[comp - 1], separators, 2);
  text = g_strstrip (unescape (subs[0] ? subs[0] : "", d));
  /* "" (two quotes) is HL7's explicit null. */
  if (*text == '\0' || g_str_equal (text, "\"\""))
    g_clear_pointer (&text, g_free);
  return text;
}

static guint
n_repetitions (const Segment    *segment,
               guint             n,
               const Delimiters *d)
{
  const char *field = raw_field (segment, n);
  guint count = 1;

  for (const char *p = field; *p; p++)
    if (*p == d->repetition)
      count++;
  return count;
}

static const Segment *
find_segment (GArray     *segments,
              const char *name,
              guint      *index)
{
  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *segment = &g_array_index (segments, Segment, i);

      if (g_str_equal (segment->name, name))
        {
          if (index)
            *index = i;
          return segment;
        }
    }
  return NULL;
}

/* A TS/DTM ("YYYYMMDD[HHMM[SS]]…") as "YYYY-MM-DD", or NULL. */
static char *
civil_date (const char *ts)
{
  GDate date;

  if (ts == NULL || strlen (ts) < 8)
    return NULL;
  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (ts[i]))
      return NULL;
  g_date_clear (&date, 1);
  {
    guint year = (ts[0] - '0') * 1000 + (ts[1] - '0') * 100 + (ts[2] - '0') * 10 + (ts[3] - '0');
    guint month = (ts[4] - '0') * 10 + (ts[5] - '0');
    guint day = (ts[6] - '0') * 10 + (ts[7] - '0');

    if (!g_date_valid_dmy (day, month, year))
      return NULL;
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  }
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

static gboolean
fail (GError    **error,
      ClHl7Error  code,
      const char *message)
{
  g_set_error_literal (error, CL_HL7_ERROR, code, message);
  return FALSE;
}

gboolean
cl_hl7_parse_discharge (const char      *text,
                        gsize            length,
                        ClHl7Discharge **out,
                        GError         **error)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  g_autoptr(ClHl7Discharge) message = NULL;
  g_autoptr(GError) bad_segment = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  Delimiters d = { '|', '^', '~', '\\', '&' };
  const Segment *msh, *pid, *pv1, *dg1;
  guint evn_at, pid_at, pv1_at;
  char separators[2] = { 0, 0 };

  g_return_val_if_fail (out != NULL, FALSE);
  *out = NULL;
  g_array_set_clear_func (segments, segment_clear);

  if (text == NULL || length < 8 || memchr (text, '\0', length) || !g_utf8_validate_len (text, length, NULL))
    return fail (error, CL_HL7_ERROR_MALFORMED, "not HL7 v2 text in UTF-8");
  copy = g_strndup (text, length);
  if (!g_str_has_prefix (copy, "MSH"))
    return fail (error, CL_HL7_ERROR_MALFORMED, "the message does not start with an MSH segment");

  /* MSH-1 and MSH-2: the field separator and the encoding characters. */
  d.field = copy[3];
  if (g_ascii_isalnum (d.field) || d.field == '\r' || d.field == '\n' || d.field == ' ')
    return fail (error, CL_HL7_ERROR_MALFORMED, "MSH-1: the field separator is not usable");
  {
    const char *enc = copy + 4;
    gsize n = strcspn (enc, (char[]) { d.field, '\r', '\n', 0 });

    if (n < 2 || n > 5)
      return fail (error, CL_HL7_ERROR_MALFORMED, "MSH-2: the encoding characters are missing");
    d.component = enc[0];
    d.repetition = enc[1];
    d.escape = n > 2 ? enc[2] : '\0';
    d.subcomponent = n > 3 ? enc[3] : '&';
  }

  lines = g_regex_split_simple ("\r\n|\r|\n", copy, 0, 0);
  separators[0] = d.field;
  for (guint i = 0; lines[i]; i++)
    {
      Segment segment = { { 0 } };

      if (lines[i][0] == '\0')
        continue;
      if (strlen (lines[i]) < 3 || !(g_ascii_isupper (lines[i][0]) && g_ascii_isalnum (lines[i][1]) &&
                                     g_ascii_isalnum (lines[i][2])) ||
          (lines[i][3] != '\0' && lines[i][3] != d.field))
        {
          g_set_error (&bad_segment, CL_HL7_ERROR, CL_HL7_ERROR_MALFORMED, "segment %u is not a segment", i + 1);
          goto header_only;
        }
      memcpy (segment.name, lines[i], 3);
      segment.fields = g_strsplit (lines[i], separators, -1);
      if (g_str_equal (segment.name, "MSH"))
        {
          /* MSH-1 is the separator itself: shift so fields[n] is MSH-n. */
          guint n = g_strv_length (segment.fields);
          char **shifted = g_new0 (char *, n + 2);

          shifted[0] = segment.fields[0];
          shifted[1] = g_strdup (separators);
          for (guint j = 1; j < n; j++)
            shifted[j + 1] = segment.fields[j];
          g_free (segment.fields);
          segment.fields = shifted;
        }
      segment.n_fields = g_strv_length (segment.fields);
      g_array_append_val (segments, segment);
    }

header_only:
  msh = segments->len > 0 ? &g_array_index (segments, Segment, 0) : NULL;
  if (msh == NULL || !g_str_equal (msh->name, "MSH"))
    return fail (error, CL_HL7_ERROR_MALFORMED, "the message does not start with an MSH segment");

  message = g_new0 (ClHl7Discharge, 1);
  message->sending_app = value (msh, 3, 0, 1, &d);
  message->sending_facility = value (msh, 4, 0, 1, &d);
  message->message_type = value (msh, 9, 0, 1, &d);
  message->trigger = value (msh, 9, 0, 2, &d);
  message->control_id = value (msh, 10, 0, 1, &d);
  message->version = value (msh, 12, 0, 1, &d);
  if (bad_segment)
    {
      g_propagate_error (error, g_steal_pointer (&bad_segment));
      *out = g_steal_pointer (&message);
      return FALSE;
    }

#define REFUSE(code, text) \
  G_STMT_START { fail (error, code, text); *out = g_steal_pointer (&message); return FALSE; } G_STMT_END

  if (message->control_id == NULL)
    REFUSE (CL_HL7_ERROR_MISSING, "MSH-10: the message control id is missing");
  if (g_strcmp0 (message->message_type, "ADT") != 0)
    REFUSE (CL_HL7_ERROR_UNSUPPORTED, "MSH-9: only ADT^A03 (discharge) messages are taken");
  if (g_strcmp0 (message->trigger, "A03") != 0)
    REFUSE (CL_HL7_ERROR_UNSUPPORTED, "MSH-9: only the A03 (discharge) event is taken");
  if (message->version == NULL || !g_str_has_prefix (message->version, "2."))
    REFUSE (CL_HL7_ERROR_UNSUPPORTED, "MSH-12: only HL7 version 2 is taken");

  /* ADT_A03: MSH, [SFT…], EVN, PID, [PD1], …, PV1, … */
  if (!find_segment (segments, "EVN", &evn_at))
    REFUSE (CL_HL7_ERROR_MALFORMED, "EVN: the event segment is missing");
  if (!(pid = find_segment (segments, "PID", &pid_at)))
    REFUSE (CL_HL7_ERROR_MALFORMED, "PID: the patient identification segment is missing");
  if (!(pv1 = find_segment (segments, "PV1", &pv1_at)))
    REFUSE (CL_HL7_ERROR_MALFORMED, "PV1: the patient visit segment is missing");
  if (!(evn_at < pid_at && pid_at < pv1_at))
    REFUSE (CL_HL7_ERROR_MALFORMED, "the segments are not in the order MSH, EVN, PID, PV1");

  /* PID-3: the HIS's number, and maybe the resident ID number as an
   * identifier of its own type. */
  for (guint rep = 0; rep < n_repetitions (pid, 3, &d); rep++)
    {
      g_autofree char *id = value (pid, 3, rep, 1, &d);
      g_autofree char *type = value (pid, 3, rep, 5, &d);

      if (id == NULL)
        continue;
      if (type && (g_str_equal (type, "NNCHN") || g_str_equal (type, "ID") || g_str_equal (type, "NI")))
        {
          if (message->id_number == NULL)
            message->id_number = g_steal_pointer (&id);
        }
      else if (message->his_id == NULL)
        message->his_id = g_steal_pointer (&id);
    }
  {
    char *ssn = value (pid, 19, 0, 1, &d);

    if (ssn)
      {
        g_free (message->id_number);
        message->id_number = ssn;
      }
  }
  {
    g_autofree char *family = value (pid, 5, 0, 1, &d);
    g_autofree char *given = value (pid, 5, 0, 2, &d);

    if (family || given)
      message->name = (is_ascii (family) && is_ascii (given) && family && given)
        ? g_strconcat (given, " ", family, NULL)
        : g_strconcat (family ? family : "", given ? given : "", NULL);
  }
  for (guint rep = 0; rep < n_repetitions (pid, 13, &d) && message->phone == NULL; rep++)
    {
      message->phone = value (pid, 13, rep, 1, &d);
      if (message->phone == NULL)
        message->phone = value (pid, 13, rep, 12, &d);
      if (message->phone == NULL)
        message->phone = value (pid, 13, rep, 7, &d);
    }

  message->department = value (pv1, 3, 0, 1, &d);
  if (message->department == NULL)
    message->department = value (pv1, 10, 0, 1, &d);
  {
    g_autofree char *admitted = value (pv1, 44, 0, 1, &d);
    g_autofree char *discharged = value (pv1, 45, 0, 1, &d);

    if (admitted == NULL)
      REFUSE (CL_HL7_ERROR_MISSING, "PV1-44: the admit date/time is missing");
    if (discharged == NULL)
      REFUSE (CL_HL7_ERROR_MISSING, "PV1-45: the discharge date/time is missing");
    message->admitted_on = civil_date (admitted);
    message->discharged_on = civil_date (discharged);
    if (message->admitted_on == NULL)
      REFUSE (CL_HL7_ERROR_INVALID, "PV1-44: the admit date/time is not a date");
    if (message->discharged_on == NULL)
      REFUSE (CL_HL7_ERROR_INVALID, "PV1-45: the discharge date/time is not a date");
  }
  if ((dg1 = find_segment (segments, "DG1", NULL)))
    {
      message->diagnosis = value (dg1, 4, 0, 1, &d);
      if (message->diagnosis == NULL)
        message->diagnosis = value (dg1, 3, 0, 2, &d);
    }

  if (message->name == NULL)
    REFUSE (CL_HL7_ERROR_MISSING, "PID-5: the patient's name is missing");
  if (message->id_number == NULL)
    REFUSE (CL_HL7_ERROR_MISSING, "PID-19: the resident ID number is missing (or a PID-3 identifier of type NNCHN)");
  if (message->phone == NULL)
    REFUSE (CL_HL7_ERROR_MISSING, "PID-13: the patient's phone is missing");
  if (message->department == NULL)
    REFUSE (CL_HL7_ERROR_MISSING, "PV1-3: the department (point of care) is missing");
#undef REFUSE

  *out = g_steal_pointer (&message);
  return TRUE;
}

const char *
cl_hl7_error_code (ClHl7Error code)
{
  switch (code)
    {
    case CL_HL7_ERROR_MALFORMED: return "100";
    case CL_HL7_ERROR_UNSUPPORTED: return "200";
    case CL_HL7_ERROR_MISSING: return "101";
    case CL_HL7_ERROR_INVALID:
    default: return "102";
    }
}

const char *
cl_hl7_ack_code (ClHl7Error code)
{
  return code == CL_HL7_ERROR_MALFORMED || code == CL_HL7_ERROR_UNSUPPORTED ? "AR" : "AE";
}

/* @text made safe inside a field of an ACK with the usual delimiters. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    switch (*p)
      {
      case '|': g_string_append (out, "\\F\\"); break;
      case '^': g_string_append (out, "\\S\\"); break;
      case '&': g_string_append (out, "\\T\\"); break;
      case '~': g_string_append (out, "\\R\\"); break;
      case '\\': g_string_append (out, "\\E\\"); break;
      case '\r': case '\n': g_string_append_c (out, ' '); break;
      default: g_string_append_c (out, *p); break;
      }
}

char *
cl_hl7_ack (const ClHl7Discharge *message,
            const char           *ack_code,
            const char           *error_code,
            const char           *text,
            gint64                now)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (now);
  g_autofree char *stamp = g_date_time_format (at, "%Y%m%d%H%M%S");
  g_autofree char *ack_id = g_uuid_string_random ();
  GString *out = g_string_new ("MSH|^~\\&|CARELINE|CARELINE|");

  append_escaped (out, message ? message->sending_app : NULL);
  g_string_append_c (out, '|');
  append_escaped (out, message ? message->sending_facility : NULL);
  g_string_append_printf (out, "|%s||ACK^A03^ACK|%.20s|P|2.5\r", stamp, ack_id);
  g_string_append_printf (out, "MSA|%s|", ack_code);
  append_escaped (out, message ? message->control_id : NULL);
  g_string_append (out, "\r");
  if (g_strcmp0 (ack_code, "AA") != 0)
    {
      /* ERR-3 the error code (table 0357), ERR-4 its severity, ERR-8
       * the message for a person. */
      g_string_append (out, "ERR|||");
      g_string_append (out, error_code ? error_code : "207");
      g_string_append (out, "^^HL70357|E||||");
      append_escaped (out, text);
      g_string_append (out, "\r");
    }
  return g_string_free (out, FALSE);
}

/* ---- MLLP ----------------------------------------------------------- */

struct _ClMllpReader
{
  GByteArray *frame;       /* the message being read, after its 0x0B */
  gboolean    in_frame;
  gsize       max_message;
  gsize       outside;     /* bytes dropped outside any frame */
  GQueue      messages;    /* of GBytes */
};

ClMllpReader *
cl_mllp_reader_new (gsize max_message)
{
  ClMllpReader *reader = g_new0 (ClMllpReader, 1);

  reader->frame = g_byte_array_new ();
  reader->max_message = max_message;
  g_queue_init (&reader->messages);
  return reader;
}

void
cl_mllp_reader_free (ClMllpReader *reader)
{
  if (reader == NULL)
    return;
  g_byte_array_unref (reader->frame);
  g_queue_clear_full (&reader->messages, (GDestroyNotify) g_bytes_unref);
  g_free (reader);
}

gboolean
cl_mllp_reader_feed (ClMllpReader  *reader,
                     const void    *data,
                     gsize          length,
                     GError       **error)
{
  const guint8 *p = data;

  for (gsize i = 0; i < length; i++)
    {
      guint8 c = p[i];

      if (!reader->in_frame)
        {
          if (c == MLLP_START)
            {
              reader->in_frame = TRUE;
              g_byte_array_set_size (reader->frame, 0);
            }
          else if (++reader->outside > reader->max_message)
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                                   "too many bytes outside an MLLP frame");
              return FALSE;
            }
          continue;
        }
      if (c == MLLP_START)
        {
          /* A new frame before the end of this one: the sender gave up
           * on it. */
          g_byte_array_set_size (reader->frame, 0);
          continue;
        }
      /* The end is 0x1C 0x0D; the 0x1C is kept until the 0x0D is seen,
       * which may come in the next read. */
      if (c == MLLP_CR && reader->frame->len > 0 && reader->frame->data[reader->frame->len - 1] == MLLP_END)
        {
          g_byte_array_set_size (reader->frame, reader->frame->len - 1);
          g_queue_push_tail (&reader->messages, g_bytes_new (reader->frame->data, reader->frame->len));
          g_byte_array_set_size (reader->frame, 0);
          reader->in_frame = FALSE;
          reader->outside = 0;
          continue;
        }
      if (reader->frame->len >= reader->max_message)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                               "an MLLP message longer than the limit");
          return FALSE;
        }
      g_byte_array_append (reader->frame, &c, 1);
    }
  return TRUE;
}

gboolean
cl_mllp_reader_in_frame (ClMllpReader *reader)
{
  return reader->in_frame;
}

GBytes *
cl_mllp_reader_next (ClMllpReader *reader)
{
  return g_queue_pop_head (&reader->messages);
}

GBytes *
cl_mllp_frame (const char *message)
{
  GByteArray *out = g_byte_array_new ();
  const guint8 start = MLLP_START, end[2] = { MLLP_END, MLLP_CR };

  g_byte_array_append (out, &start, 1);
  g_byte_array_append (out, (const guint8 *) message, strlen (message));
  g_byte_array_append (out, end, 2);
  return g_byte_array_free_to_bytes (out);
}
