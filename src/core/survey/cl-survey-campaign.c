#define G_LOG_DOMAIN "cl-survey-campaign"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cl-survey-campaign.h"
#include "cl-survey-catalog.h"
#include "cl-survey-people.h"
#include "cl-util.h"

struct _CLSurveyCampaign
{
  CLRecord parent_instance;

  char     *template_id;
  char     *quarter;
  char     *title;
  gint      target;
  gboolean  anonymous;
  char     *status;
  char     *people;
};

G_DEFINE_FINAL_TYPE (CLSurveyCampaign, cl_survey_campaign, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TEMPLATE_ID,
  PROP_QUARTER,
  PROP_TITLE,
  PROP_TARGET,
  PROP_ANONYMOUS,
  PROP_STATUS,
  PROP_PEOPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_survey_campaign_class_init (CLSurveyCampaignClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_TEMPLATE_ID] = { "template-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSurveyCampaign, template_id) },
    [PROP_QUARTER]     = { "quarter", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSurveyCampaign, quarter) },
    [PROP_TITLE]       = { "title", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSurveyCampaign, title) },
    [PROP_TARGET]      = { "target", CL_COLUMN_INT, G_STRUCT_OFFSET (CLSurveyCampaign, target), 0,
                           CL_COLUMN_NON_NEGATIVE },
    [PROP_ANONYMOUS]   = { "anonymous", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLSurveyCampaign, anonymous) },
    [PROP_STATUS]      = { "status", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSurveyCampaign, status) },
    [PROP_PEOPLE]      = { "people", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSurveyCampaign, people) },
  };

  CL_RECORD_CLASS (klass)->table_name = "survey_campaign";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_survey_campaign_init (CLSurveyCampaign *self)
{
}

CLSurveyCampaign *
cl_survey_campaign_new (void)
{
  CLSurveyCampaign *self = CL_SURVEY_CAMPAIGN (cl_record_new (CL_TYPE_SURVEY_CAMPAIGN));

  cl_survey_campaign_set_status (self, "open");
  cl_survey_campaign_set_people (self, "[]");
  return self;
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_survey_campaign_get_##field (CLSurveyCampaign *self) \
  { \
    g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN (self), NULL); \
    return self->field; \
  } \
  void \
  cl_survey_campaign_set_##field (CLSurveyCampaign *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_SURVEY_CAMPAIGN (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (template_id, PROP_TEMPLATE_ID)
TEXT_ACCESSORS (quarter, PROP_QUARTER)
TEXT_ACCESSORS (title, PROP_TITLE)
TEXT_ACCESSORS (status, PROP_STATUS)
TEXT_ACCESSORS (people, PROP_PEOPLE)

gint
cl_survey_campaign_get_target (CLSurveyCampaign *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN (self), 0);
  return self->target;
}

void
cl_survey_campaign_set_target (CLSurveyCampaign *self,
                               gint              value)
{
  g_return_if_fail (CL_IS_SURVEY_CAMPAIGN (self));
  cl_record_set_int_column (self, properties[PROP_TARGET], value);
}

gboolean
cl_survey_campaign_get_anonymous (CLSurveyCampaign *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN (self), FALSE);
  return self->anonymous;
}

void
cl_survey_campaign_set_anonymous (CLSurveyCampaign *self,
                                  gboolean          value)
{
  g_return_if_fail (CL_IS_SURVEY_CAMPAIGN (self));
  cl_record_set_int_column (self, properties[PROP_ANONYMOUS], value);
}

static const char * const statuses[] = { "open", "closed", NULL };

const char * const *
cl_survey_campaign_statuses (void)
{
  return statuses;
}

const char *
cl_survey_campaign_status_label (const char *status)
{
  if (g_strcmp0 (status, statuses[0]) == 0)
    return C_("survey campaign", "Open");
  if (g_strcmp0 (status, statuses[1]) == 0)
    return C_("survey campaign", "Closed");
  return status ? status : "";
}

gboolean
cl_survey_campaign_is_open (CLSurveyCampaign *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN (self), FALSE);
  return g_strcmp0 (self->status, statuses[0]) == 0;
}

void
cl_survey_campaign_set_people_list (CLSurveyCampaign   *self,
                                    const char * const *kinds,
                                    const char * const *ids,
                                    guint               n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CL_IS_SURVEY_CAMPAIGN (self));

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kinds[i]);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, ids[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  cl_survey_campaign_set_people (self, text);
}

char *
cl_survey_quarter_format (gint year,
                          gint quarter)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);
  return g_strdup_printf ("%04d-Q%d", year, quarter);
}

gboolean
cl_survey_quarter_parse (const char *text,
                         gint       *year,
                         gint       *quarter)
{
  if (text == NULL || strlen (text) != 7 || text[4] != '-' || text[5] != 'Q' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]) ||
      text[6] < '1' || text[6] > '4')
    return FALSE;
  if (year)
    *year = (gint) g_ascii_strtoll (text, NULL, 10);
  if (quarter)
    *quarter = text[6] - '0';
  return (gint) g_ascii_strtoll (text, NULL, 10) >= 2000;
}

char *
cl_survey_quarter_add (const char *quarter,
                       gint        steps)
{
  gint year, q, index;

  if (!cl_survey_quarter_parse (quarter, &year, &q))
    return NULL;
  index = year * 4 + (q - 1) + steps;
  return cl_survey_quarter_format (index / 4, index % 4 + 1);
}

char *
cl_survey_quarter_label (const char *quarter)
{
  gint year, q;

  if (!cl_survey_quarter_parse (quarter, &year, &q))
    return g_strdup (quarter ? quarter : "");
  /* TRANSLATORS: a year and its quarter, 1 to 4 */
  return g_strdup_printf (_("%d Q%d"), year, q);
}

char *
cl_survey_quarter_of (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return cl_survey_quarter_format (g_date_time_get_year (time),
                                   (g_date_time_get_month (time) - 1) / 3 + 1);
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

GHashTable *
cl_survey_campaign_validate (CLSurveyCampaign *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CLSurveyTemplate *template;
  g_autofree char *title = NULL;
  g_autofree char *people_error = NULL;

  g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN (self), errors);

  template = cl_survey_catalog_lookup (self->template_id);
  if (template == NULL)
    refuse (errors, "template_id", _("Choose a survey"));
  if (!cl_survey_quarter_parse (self->quarter, NULL, NULL))
    refuse (errors, "quarter", _("Enter the quarter as YYYY-Q1 … YYYY-Q4"));
  title = g_strstrip (g_strdup (self->title ? self->title : ""));
  if (*title == '\0')
    refuse (errors, "title", _("Enter a title"));
  if (self->target < 1 || self->target > CL_SURVEY_MAX_TARGET)
    refuse (errors, "target", _("Enter how many answers are wanted, at least 1"));
  if (self->anonymous && template && !cl_survey_template_get_may_be_anonymous (template))
    refuse (errors, "anonymous", _("This survey is not anonymous: its answers name who gave them"));
  if (self->status == NULL || !g_strv_contains (statuses, self->status))
    refuse (errors, "status", _("Choose open or closed"));
  if (!cl_survey_people_check (self->people, template, &people_error))
    refuse (errors, "people", people_error);
  return errors;
}

static const char * const person_kinds[] = { "patient", "staff", NULL };

const char * const *
cl_survey_person_kinds (void)
{
  return person_kinds;
}
