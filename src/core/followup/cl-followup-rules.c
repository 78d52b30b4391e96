#define G_LOG_DOMAIN "cl-followup"

#include "config.h"

#include <string.h>

#include "cl-core-resources.h"
#include "cl-followup-rules.h"
#include "cl-scale-catalog.h"
#include "cl-visit-guideline.h"

#define RESOURCE "/org/careline/Careline/core/followup-rules.ini"
#define MAX_DAYS 365
#define DEFAULT_MAX_OVERDUE_DAYS 14

struct _CLFollowupRules
{
  GObject    parent_instance;

  GPtrArray *rules;    /* CLFollowupRule, in file order */
  GPtrArray *scales;   /* CLScale the rules name */
  guint      max_overdue_days;
};

G_DEFINE_FINAL_TYPE (CLFollowupRules, cl_followup_rules, G_TYPE_OBJECT)

static const char * const triggers[] = {
  [CL_FOLLOWUP_TRIGGER_BEFORE_VISIT_OPENS] = "before-visit-opens",
  [CL_FOLLOWUP_TRIGGER_AFTER_VISIT_CLOSES] = "after-visit-closes",
  [CL_FOLLOWUP_TRIGGER_ORDER_REMINDER_DATE] = "order-reminder-date",
  [CL_FOLLOWUP_TRIGGER_AFTER_REPORT_FILED] = "after-report-filed",
  [CL_FOLLOWUP_TRIGGER_BIRTH_RECORDED] = "birth-recorded",
  [CL_FOLLOWUP_TRIGGER_BEFORE_REVISIT] = "before-revisit",
  [CL_FOLLOWUP_TRIGGER_GESTATIONAL_WEEKS] = "gestational-weeks",
  [CL_FOLLOWUP_TRIGGER_AT_VISIT] = "at-visit",
};

/* What each trigger takes: days (required, optional or none), a visit
 * key (required, optional or none), and whether {visit} means anything. */
enum { NONE, OPTIONAL, REQUIRED };
static const struct
{
  CLFollowupKind kind;
  guint8         days;
  guint8         visit;
  gboolean       weeks;
  gboolean       has_visit_text;
} shapes[] = {
  [CL_FOLLOWUP_TRIGGER_BEFORE_VISIT_OPENS] = { CL_FOLLOWUP_KIND_VISIT_REMINDER, REQUIRED, OPTIONAL, FALSE, TRUE },
  [CL_FOLLOWUP_TRIGGER_AFTER_VISIT_CLOSES] = { CL_FOLLOWUP_KIND_VISIT_OVERDUE, REQUIRED, OPTIONAL, FALSE, TRUE },
  [CL_FOLLOWUP_TRIGGER_ORDER_REMINDER_DATE] = { CL_FOLLOWUP_KIND_ORDER_REMINDER, NONE, NONE, FALSE, TRUE },
  [CL_FOLLOWUP_TRIGGER_AFTER_REPORT_FILED] = { CL_FOLLOWUP_KIND_POST_CHECK_REVIEW, REQUIRED, NONE, FALSE, TRUE },
  [CL_FOLLOWUP_TRIGGER_BIRTH_RECORDED] = { CL_FOLLOWUP_KIND_POSTPARTUM_OPEN, OPTIONAL, NONE, FALSE, FALSE },
  [CL_FOLLOWUP_TRIGGER_BEFORE_REVISIT] = { CL_FOLLOWUP_KIND_POSTPARTUM_REVISIT_REMINDER, REQUIRED, OPTIONAL, FALSE, TRUE },
  [CL_FOLLOWUP_TRIGGER_GESTATIONAL_WEEKS] = { CL_FOLLOWUP_KIND_SCALE, NONE, NONE, TRUE, TRUE },
  [CL_FOLLOWUP_TRIGGER_AT_VISIT] = { CL_FOLLOWUP_KIND_SCALE, NONE, REQUIRED, FALSE, TRUE },
};

static const char * const placeholders[] = { "name", "visit", "date", "place", NULL };

static const char * const months[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static void
rule_free (gpointer data)
{
  CLFollowupRule *rule = data;

  g_free (rule->id);
  g_free (rule->visit);
  g_free (rule->scale_id);
  cl_local_text_free (rule->template);
  cl_local_text_free (rule->place);
  g_free (rule);
}

static void
cl_followup_rules_finalize (GObject *object)
{
  CLFollowupRules *self = CL_FOLLOWUP_RULES (object);

  g_ptr_array_unref (self->rules);
  g_ptr_array_unref (self->scales);
  G_OBJECT_CLASS (cl_followup_rules_parent_class)->finalize (object);
}

static void
cl_followup_rules_class_init (CLFollowupRulesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_followup_rules_finalize;
}

static void
cl_followup_rules_init (CLFollowupRules *self)
{
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->scales = g_ptr_array_new_with_free_func (g_object_unref);
  self->max_overdue_days = DEFAULT_MAX_OVERDUE_DAYS;
}

const char *
cl_followup_trigger_to_string (CLFollowupTrigger trigger)
{
  g_return_val_if_fail (trigger < G_N_ELEMENTS (triggers), NULL);
  return triggers[trigger];
}

/* Every {…} in @text names a placeholder in @allowed; sets @bad to the
 * first that does not (or to the unclosed "{…"). */
static gboolean
check_template (const char          *text,
                const char * const  *allowed,
                char               **bad)
{
  for (const char *p = strchr (text, '{'); p; p = strchr (p + 1, '{'))
    {
      const char *close = strchr (p, '}');
      g_autofree char *name = NULL;

      if (close == NULL)
        {
          *bad = g_strdup (p);
          return FALSE;
        }
      name = g_strndup (p + 1, close - p - 1);
      if (!g_strv_contains (allowed, name))
        {
          *bad = g_strndup (p, close - p + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_word (const CLIni        *ini,
           const CLIniGroup   *group,
           const char         *key,
           const char * const *words,
           guint               n_words,
           guint              *out,
           GError            **error)
{
  const CLIniEntry *entry = cl_ini_group_lookup (group, key, NULL);
  g_autofree char *choices = NULL;

  for (guint i = 0; entry && i < n_words; i++)
    if (words[i] && g_str_equal (entry->value, words[i]))
      {
        *out = i;
        return TRUE;
      }
  {
    GString *list = g_string_new (NULL);

    for (guint i = 0; i < n_words; i++)
      if (words[i])
        g_string_append_printf (list, "%s%s", list->len ? ", " : "", words[i]);
    choices = g_string_free (list, FALSE);
  }
  if (entry == NULL)
    cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                      "%s is required: one of %s", key, choices);
  else
    cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                      "%s must be one of %s, not “%s”", key, choices, entry->value);
  return FALSE;
}

static gboolean
refuse_key (const CLIni       *ini,
            const CLIniGroup  *group,
            const char        *key,
            const char        *trigger,
            GError           **error)
{
  const CLIniEntry *entry = cl_ini_group_lookup (group, key, NULL);

  if (entry == NULL)
    return TRUE;
  cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                    "%s has no meaning for trigger=%s", key, trigger);
  return FALSE;
}

static CLScale *
find_scale (GPtrArray  *scales,
            const char *id)
{
  for (guint i = 0; scales && i < scales->len; i++)
    if (g_str_equal (cl_scale_get_id (g_ptr_array_index (scales, i)), id))
      return g_ptr_array_index (scales, i);
  return NULL;
}

static gboolean
load_rule (CLFollowupRules   *self,
           const CLIni       *ini,
           const CLIniGroup  *group,
           GPtrArray         *scales,
           GError           **error)
{
  static const char * const keys[] = {
    "kind", "trigger", "days", "weeks", "visit", "scale", "channel", "escort", NULL
  };
  static const char * const localized[] = { "template", "place", NULL };
  static const char * const kinds[] = {
    "visit-reminder", "visit-overdue", "order-reminder", "post-check-review",
    "postpartum-open", "postpartum-revisit-reminder", "scale", NULL,
  };
  static const char * const channels[] = { "sms", "wechat", "phone", "in-person" };
  const char *trigger_name;
  const CLIniEntry *entry;
  CLFollowupRule *rule = g_new0 (CLFollowupRule, 1);
  guint word;
  const char *allowed[G_N_ELEMENTS (placeholders)];
  guint n_allowed = 0;

  g_ptr_array_add (self->rules, rule);
  rule->id = g_strdup (group->name + strlen ("Rule "));
  for (const char *p = rule->id; *p || p == rule->id; p++)
    if (*p == '\0' || (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-'))
      {
        cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                          "a rule's NAME is lower-case letters, digits and -");
        return FALSE;
      }

  if (!cl_ini_group_check_keys (ini, group, keys, localized, error))
    return FALSE;
  g_assert (G_N_ELEMENTS (kinds) == CL_FOLLOWUP_KIND_OTHER + 1);
  if (!read_word (ini, group, "kind", kinds, CL_FOLLOWUP_KIND_OTHER, &word, error))
    return FALSE;
  rule->kind = word;
  if (!read_word (ini, group, "trigger", triggers, G_N_ELEMENTS (triggers), &word, error))
    return FALSE;
  rule->trigger = word;
  trigger_name = triggers[rule->trigger];
  if (shapes[rule->trigger].kind != rule->kind)
    {
      g_autoptr(GString) fitting = g_string_new (NULL);

      for (guint t = 0; t < G_N_ELEMENTS (shapes); t++)
        if (shapes[t].kind == rule->kind)
          g_string_append_printf (fitting, "%s%s", fitting->len ? " or " : "", triggers[t]);
      cl_ini_set_error (error, ini, group, cl_ini_group_lookup (group, "trigger", NULL),
                        G_KEY_FILE_ERROR_INVALID_VALUE,
                        "kind=%s goes with trigger=%s, not %s",
                        kinds[rule->kind], fitting->str, trigger_name);
      return FALSE;
    }
  if (!read_word (ini, group, "channel", channels, G_N_ELEMENTS (channels), &word, error))
    return FALSE;
  rule->channel = word;

  if (shapes[rule->trigger].days == NONE)
    {
      if (!refuse_key (ini, group, "days", trigger_name, error))
        return FALSE;
    }
  else if (!cl_ini_group_get_uint (ini, group, "days", shapes[rule->trigger].days == REQUIRED,
                                   0, MAX_DAYS, &rule->days, error))
    return FALSE;

  if (!shapes[rule->trigger].weeks)
    {
      if (!refuse_key (ini, group, "weeks", trigger_name, error))
        return FALSE;
    }
  else if (!cl_ini_group_get_range (ini, group, "weeks", 45, &rule->first_week, &rule->last_week, error))
    return FALSE;

  entry = cl_ini_group_lookup (group, "visit", NULL);
  if (shapes[rule->trigger].visit == NONE && !refuse_key (ini, group, "visit", trigger_name, error))
    return FALSE;
  if (shapes[rule->trigger].visit == REQUIRED && (entry == NULL || *entry->value == '\0'))
    {
      cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                        "visit is required for trigger=%s: a visit key of the visit schedule, such as pp42",
                        trigger_name);
      return FALSE;
    }
  if (entry && *entry->value)
    {
      if (cl_visit_guideline_lookup (cl_visit_guideline_get_default (), entry->value) == NULL)
        {
          cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "visit=%s: the visit schedule has no [Visit %s]", entry->value, entry->value);
          return FALSE;
        }
      rule->visit = g_strdup (entry->value);
    }

  entry = cl_ini_group_lookup (group, "scale", NULL);
  if (rule->kind == CL_FOLLOWUP_KIND_SCALE)
    {
      CLScale *scale;

      if (entry == NULL)
        {
          cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                            "scale is required for kind=scale, such as scale=epds");
          return FALSE;
        }
      if ((scale = find_scale (self->scales, entry->value)) == NULL)
        {
          if ((scale = find_scale (scales, entry->value)) == NULL)
            {
              cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                                "scale=%s: there is no such scale", entry->value);
              return FALSE;
            }
          g_ptr_array_add (self->scales, g_object_ref (scale));
        }
      rule->scale_id = g_strdup (entry->value);
    }
  else if (entry != NULL)
    {
      cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "scale has no meaning for kind=%s", kinds[rule->kind]);
      return FALSE;
    }

  if (!cl_ini_group_get_bool (ini, group, "escort", FALSE, &rule->escort, error))
    return FALSE;
  {
    GError *local_error = NULL;

    rule->place = cl_ini_group_get_text (ini, group, "place", FALSE, &local_error);
    if (local_error)
      {
        g_propagate_error (error, local_error);
        return FALSE;
      }
  }
  if (!(rule->template = cl_ini_group_get_text (ini, group, "template", TRUE, error)))
    return FALSE;

  /* Every translation of the template, each checked on its own line. */
  allowed[n_allowed++] = "name";
  allowed[n_allowed++] = "date";
  if (shapes[rule->trigger].has_visit_text)
    allowed[n_allowed++] = "visit";
  if (rule->place)
    allowed[n_allowed++] = "place";
  allowed[n_allowed] = NULL;
  for (guint i = 0; i < group->entries->len; i++)
    {
      g_autofree char *bad = NULL;

      entry = g_ptr_array_index (group->entries, i);
      if (!g_str_equal (entry->key, "template") || check_template (entry->value, allowed, &bad))
        continue;
      if (!g_str_has_suffix (bad, "}"))
        cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                          "“%s” is not closed with }", bad);
      else if (g_str_equal (bad, "{place}"))
        cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                          "{place} needs a place= in the rule");
      else if (g_str_equal (bad, "{visit}"))
        cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                          "{visit} has no meaning for trigger=%s", trigger_name);
      else
        cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                          "unknown placeholder %s (use {name}, {visit}, {date} or {place})", bad);
      return FALSE;
    }
  return TRUE;
}

CLFollowupRules *
cl_followup_rules_new_from_bytes (GBytes      *bytes,
                                  const char  *source,
                                  GPtrArray   *scales,
                                  GError     **error)
{
  g_autoptr(CLFollowupRules) self = NULL;
  g_autoptr(GPtrArray) builtins = NULL;
  g_autoptr(CLIni) ini = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!(ini = cl_ini_parse (data ? data : "", size, source, error)))
    return NULL;

  if (scales == NULL)
    {
      /* The scales in force: a rule may push one of the hospital's. */
      const char * const *ids = cl_scale_catalog_ids ();

      builtins = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; ids[i]; i++)
        g_ptr_array_add (builtins, g_object_ref (cl_scale_catalog_lookup (ids[i])));
      scales = builtins;
    }

  self = g_object_new (CL_TYPE_FOLLOWUP_RULES, NULL);
  for (guint i = 0; i < ini->groups->len; i++)
    {
      const CLIniGroup *group = g_ptr_array_index (ini->groups, i);

      if (g_str_equal (group->name, "Planning"))
        {
          static const char * const keys[] = { "max-overdue-days", NULL };
          static const char * const localized[] = { NULL };

          if (!cl_ini_group_check_keys (ini, group, keys, localized, error) ||
              !cl_ini_group_get_uint (ini, group, "max-overdue-days", FALSE,
                                      DEFAULT_MAX_OVERDUE_DAYS, MAX_DAYS,
                                      &self->max_overdue_days, error))
            return NULL;
          continue;
        }
      if (!g_str_has_prefix (group->name, "Rule "))
        {
          cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "unknown group: the rules file has [Planning] and [Rule NAME] groups");
          return NULL;
        }
      if (!load_rule (self, ini, group, scales, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

CLFollowupRules *
cl_followup_rules_new_from_file (const char  *path,
                                 GPtrArray   *scales,
                                 GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return cl_followup_rules_new_from_bytes (bytes, path, scales, error);
}

CLFollowupRules *
cl_followup_rules_new_default (void)
{
  const char * const *dirs = g_get_system_config_dirs ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CLFollowupRules *rules;

  if (g_getenv ("CARELINE_FOLLOWUP_RULES"))
    g_ptr_array_add (candidates, g_strdup (g_getenv ("CARELINE_FOLLOWUP_RULES")));
  g_ptr_array_add (candidates, g_build_filename (g_get_user_config_dir (), "careline", "followup-rules.ini", NULL));
  for (guint i = 0; dirs[i]; i++)
    g_ptr_array_add (candidates, g_build_filename (dirs[i], "careline", "followup-rules.ini", NULL));

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *path = g_ptr_array_index (candidates, i);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      if ((rules = cl_followup_rules_new_from_file (path, NULL, &error)))
        return rules;
      g_warning ("Follow-up rules not used: %s", error->message);
      g_clear_error (&error);
    }

  bytes = g_resource_lookup_data (cl_core_get_resource (), RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("built-in follow-up rules missing: %s", error->message);
  rules = cl_followup_rules_new_from_bytes (bytes, RESOURCE, NULL, &error);
  if (rules == NULL)
    g_error ("built-in follow-up rules are malformed: %s", error->message);
  return rules;
}

guint
cl_followup_rules_get_max_overdue_days (CLFollowupRules *self)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_RULES (self), DEFAULT_MAX_OVERDUE_DAYS);
  return self->max_overdue_days;
}

guint
cl_followup_rules_get_n_rules (CLFollowupRules *self)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_RULES (self), 0);
  return self->rules->len;
}

const CLFollowupRule *
cl_followup_rules_get_rule (CLFollowupRules *self,
                            guint            index)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_RULES (self), NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);
  return g_ptr_array_index (self->rules, index);
}

const CLFollowupRule *
cl_followup_rules_lookup (CLFollowupRules *self,
                          const char      *id)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_RULES (self), NULL);

  for (guint i = 0; id && i < self->rules->len; i++)
    {
      const CLFollowupRule *rule = g_ptr_array_index (self->rules, i);

      if (g_str_equal (rule->id, id))
        return rule;
    }
  return NULL;
}

CLScale *
cl_followup_rules_get_scale (CLFollowupRules *self,
                             const char      *scale_id)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_RULES (self), NULL);
  return scale_id ? find_scale (self->scales, scale_id) : NULL;
}

static gboolean
is_chinese (const char *lang)
{
  return lang == NULL || g_str_has_prefix (lang, "zh");
}

char *
cl_followup_format_date (const GDate *date,
                         const char  *lang)
{
  g_return_val_if_fail (date && g_date_valid (date), NULL);

  if (is_chinese (lang))
    return g_strdup_printf ("%u年%u月%u日", g_date_get_year (date),
                            g_date_get_month (date), g_date_get_day (date));
  return g_strdup_printf ("%u %s %u", g_date_get_day (date),
                          months[g_date_get_month (date) - 1], g_date_get_year (date));
}

char *
cl_followup_rule_render (const CLFollowupRule *rule,
                         const char           *lang,
                         const char           *name,
                         const char           *visit,
                         const GDate          *date)
{
  const char *template;
  GString *out;

  g_return_val_if_fail (rule != NULL, NULL);

  lang = lang ? lang : "zh_CN";
  template = cl_local_text_get (rule->template, lang);
  out = g_string_new (NULL);
  for (const char *p = template; *p; )
    {
      const char *open = strchr (p, '{');
      const char *close;
      g_autofree char *field = NULL;

      if (open == NULL || (close = strchr (open, '}')) == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      field = g_strndup (open + 1, close - open - 1);
      /* The loader let through only the placeholders below. */
      if (g_str_equal (field, "name"))
        g_string_append (out, name ? name : "");
      else if (g_str_equal (field, "visit"))
        g_string_append (out, visit ? visit : "");
      else if (g_str_equal (field, "place") && rule->place)
        g_string_append (out, cl_local_text_get (rule->place, lang));
      else if (g_str_equal (field, "date") && date && g_date_valid (date))
        {
          g_autofree char *text = cl_followup_format_date (date, lang);
          g_string_append (out, text);
        }
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}

CLFollowupRules *
cl_followup_rules_in_force (void)
{
  static CLFollowupRules *rules;

  if (g_once_init_enter (&rules))
    g_once_init_leave (&rules, cl_followup_rules_new_default ());
  return rules;
}
