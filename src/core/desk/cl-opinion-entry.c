#define G_LOG_DOMAIN "cl-opinion-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-opinion-entry.h"
#include "cl-util.h"

struct _CLOpinionEntry
{
  CLRecord parent_instance;

  char *date;
  char *source;
  char *department_id;
  char *content;
  char *kind;
  char *complaint_id;
};

G_DEFINE_FINAL_TYPE (CLOpinionEntry, cl_opinion_entry, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DATE,
  PROP_SOURCE,
  PROP_DEPARTMENT_ID,
  PROP_CONTENT,
  PROP_KIND,
  PROP_COMPLAINT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_opinion_entry_class_init (CLOpinionEntryClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_DATE]          = { "date", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLOpinionEntry, date) },
    [PROP_SOURCE]        = { "source", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLOpinionEntry, source) },
    [PROP_DEPARTMENT_ID] = { "department-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLOpinionEntry, department_id) },
    [PROP_CONTENT]       = { "content", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLOpinionEntry, content) },
    [PROP_KIND]          = { "kind", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLOpinionEntry, kind) },
    [PROP_COMPLAINT_ID]  = { "complaint-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLOpinionEntry, complaint_id) },
  };

  CL_RECORD_CLASS (klass)->table_name = "opinion_entry";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_opinion_entry_init (CLOpinionEntry *self)
{
}

CLOpinionEntry *
cl_opinion_entry_new (void)
{
  return CL_OPINION_ENTRY (cl_record_new (CL_TYPE_OPINION_ENTRY));
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_opinion_entry_get_##field (CLOpinionEntry *self) \
  { \
    g_return_val_if_fail (CL_IS_OPINION_ENTRY (self), NULL); \
    return self->field; \
  } \
  void \
  cl_opinion_entry_set_##field (CLOpinionEntry *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_OPINION_ENTRY (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (date, PROP_DATE)
TEXT_ACCESSORS (source, PROP_SOURCE)
TEXT_ACCESSORS (department_id, PROP_DEPARTMENT_ID)
TEXT_ACCESSORS (content, PROP_CONTENT)
TEXT_ACCESSORS (kind, PROP_KIND)
TEXT_ACCESSORS (complaint_id, PROP_COMPLAINT_ID)

static const char * const sources[] = { "box", "book", NULL };
static const char * const kinds[] = { "opinion", "commendation", "complaint", NULL };

const char * const *
cl_opinion_entry_sources (void)
{
  return sources;
}

const char * const *
cl_opinion_entry_kinds (void)
{
  return kinds;
}

static const char *
label_of (const char         *word,
          const char * const *words,
          const char * const *labels)
{
  for (guint i = 0; word && words[i]; i++)
    if (g_str_equal (word, words[i]))
      return _(labels[i]);
  return word ? word : "";
}

const char *
cl_opinion_entry_source_label (const char *source)
{
  static const char * const labels[] = { N_("Opinion box"), N_("Opinion book") };

  return label_of (source, sources, labels);
}

const char *
cl_opinion_entry_kind_label (const char *kind)
{
  static const char * const labels[] = { N_("Opinion"), N_("Commendation"), N_("Complaint") };

  return label_of (kind, kinds, labels);
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

/* The stored date: exactly "YYYY-MM-DD", a real day. */
static gboolean
parse_date (const char *text,
            GDate      *out)
{
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 10 || !cl_date_parse (text, out, NULL))
    return FALSE;
  iso = cl_date_to_iso (out);
  return g_strcmp0 (iso, text) == 0;
}

GHashTable *
cl_opinion_entry_validate (CLOpinionEntry *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *content = NULL;
  GDate date;

  g_return_val_if_fail (CL_IS_OPINION_ENTRY (self), errors);

  if (!parse_date (self->date, &date))
    refuse (errors, "date", _("Enter the date as YYYY-MM-DD"));
  if (self->source == NULL || !g_strv_contains (sources, self->source))
    refuse (errors, "source", _("Choose the opinion box or the opinion book"));
  content = g_strstrip (g_strdup (self->content ? self->content : ""));
  if (*content == '\0')
    refuse (errors, "content", _("Enter what was written"));
  if (self->kind == NULL || !g_strv_contains (kinds, self->kind))
    refuse (errors, "kind", _("Choose an opinion, a commendation or a complaint"));
  else if (!cl_str_empty (self->complaint_id) && !g_str_equal (self->kind, "complaint"))
    refuse (errors, "complaint_id", _("Only a complaint is made a complaint ticket"));
  return errors;
}

void
cl_opinion_entry_check_day (CLOpinionEntry *self,
                            const GDate    *today,
                            GHashTable     *errors)
{
  GDate date;

  g_return_if_fail (CL_IS_OPINION_ENTRY (self));

  if (parse_date (self->date, &date) && g_date_compare (&date, today) > 0)
    refuse (errors, "date", _("The date lies in the future"));
}
