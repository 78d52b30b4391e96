/* Pathway rules as data: the shipped rules file loads, a malformed one
 * is refused naming its group and key, templates are filled in the
 * patient's language, planning a pregnancy's items from the core's
 * visit plan is deterministic, and when the plan moves (a corrected
 * EDD, a birth, a closed pregnancy) the open items move or are
 * cancelled while done ones stay. */

#define G_LOG_DOMAIN "test-followup-rules"

#include "config.h"

#include <string.h>

#include "cl-date.h"
#include "cl-followup-plan.h"
#include "cl-test-util.h"

static void
parse (const char *iso,
       GDate      *out)
{
  g_assert_true (cl_date_parse (iso, out, NULL));
}

static CLFollowupRules *
default_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "followup-rules.ini", NULL);
  CLFollowupRules *rules = cl_followup_rules_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

static void
test_data_file (void)
{
  g_autoptr(CLFollowupRules) rules = default_rules ();
  g_autoptr(CLFollowupRules) builtin = NULL;
  const char *ids[] = {
    "visit-reminder", "visit-overdue", "order-reminder", "post-check-review",
    "postpartum-open", "postpartum-revisit-reminder", "epds-pregnancy", "epds-revisit",
  };
  const CLFollowupRule *rule;

  g_unsetenv ("CARELINE_FOLLOWUP_RULES");
  builtin = cl_followup_rules_new_default ();
  g_assert_cmpuint (cl_followup_rules_get_n_rules (rules), ==, G_N_ELEMENTS (ids));
  g_assert_cmpuint (cl_followup_rules_get_n_rules (builtin), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      rule = cl_followup_rules_get_rule (rules, i);
      g_assert_cmpstr (rule->id, ==, ids[i]);
      g_assert_nonnull (cl_local_text_get_exact (rule->template, "zh_CN"));
      g_assert_cmpstr (cl_followup_rules_get_rule (builtin, i)->id, ==, ids[i]);
    }

  rule = cl_followup_rules_lookup (rules, "visit-reminder");
  g_assert_cmpint (rule->kind, ==, CL_FOLLOWUP_KIND_VISIT_REMINDER);
  g_assert_cmpint (rule->trigger, ==, CL_FOLLOWUP_TRIGGER_BEFORE_VISIT_OPENS);
  g_assert_cmpuint (rule->days, ==, 3);
  g_assert_cmpint (rule->channel, ==, CL_FOLLOWUP_CHANNEL_SMS);
  rule = cl_followup_rules_lookup (rules, "postpartum-revisit-reminder");
  g_assert_cmpuint (rule->days, ==, 7);
  g_assert_cmpstr (rule->visit, ==, "pp42");
  g_assert_true (rule->escort);
  rule = cl_followup_rules_lookup (rules, "epds-pregnancy");
  g_assert_cmpint (rule->trigger, ==, CL_FOLLOWUP_TRIGGER_GESTATIONAL_WEEKS);
  g_assert_cmpuint (rule->first_week, ==, 28);
  g_assert_cmpuint (rule->last_week, ==, 32);
  g_assert_cmpstr (rule->scale_id, ==, "epds");
  g_assert_nonnull (cl_followup_rules_get_scale (rules, "epds"));
  g_assert_null (cl_followup_rules_lookup (rules, "nothing"));
}

static void
test_render (void)
{
  g_autoptr(CLFollowupRules) rules = default_rules ();
  const CLFollowupRule *rule = cl_followup_rules_lookup (rules, "visit-reminder");
  g_autofree char *zh = NULL, *en = NULL, *fallback = NULL;
  GDate date;

  parse ("2026-12-07", &date);
  zh = cl_followup_rule_render (rule, "zh_CN", "小梅", "第 5 次产检", &date);
  g_assert_cmpstr (zh, ==, "小梅您好，您的第 5 次产检将于2026年12月7日开始，请按时到产科门诊就诊。");
  en = cl_followup_rule_render (rule, "en", "Xiaomei", "Fifth visit", &date);
  g_assert_cmpstr (en, ==, "Dear Xiaomei, your Fifth visit is due from 7 Dec 2026. Please come to the obstetric clinic.");
  /* No language: hers is Chinese. */
  fallback = cl_followup_rule_render (rule, NULL, "小梅", "第 5 次产检", &date);
  g_assert_cmpstr (fallback, ==, zh);
}

/* A rules file with one mistake each is refused, naming the group and
 * the key. */
#define OK_RULE "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nchannel=sms\n" \
                "template=Hi {name}, {visit} on {date}\ntemplate[zh_CN]={name}：{visit} {date}\n"   /* lines 1-7 */

static void
test_malformed (void)
{
  struct { const char *text; const char *where; const char *what; } cases[] = {
    { OK_RULE, NULL, NULL },
    { OK_RULE "[Rule s]\nkind=postpartum-open\ntrigger=birth-recorded\nchannel=phone\n"
      "template=Open {name}'s record\ntemplate[zh_CN]=为{name}建档\n", NULL, NULL },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nchannel=sms\n"
      "template=Hi {nmae}\ntemplate[zh_CN]={name}\n",
      "t.ini: [Rule r] template:", "unknown placeholder {nmae}" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nchannel=sms\n"
      "template=Hi {name}\ntemplate[zh_CN]={姓名}\n",
      "t.ini: [Rule r] template[zh_CN]:", "unknown placeholder {姓名}" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nchannel=sms\n"
      "template=Hi {name\ntemplate[zh_CN]={name}\n",
      "t.ini: [Rule r] template:", "“{name” is not closed" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nchannel=sms\n"
      "template=Come to {place}\ntemplate[zh_CN]=请到{place}\n",
      "t.ini: [Rule r] template:", "{place} needs a place=" },
    { "[Rule r]\nkind=postpartum-open\ntrigger=birth-recorded\nchannel=sms\n"
      "template=Open {visit}\ntemplate[zh_CN]=建档\n",
      "t.ini: [Rule r] template:", "{visit} has no meaning for trigger=birth-recorded" },
    { "[Rule r]\nkind=visit-remind\ntrigger=before-visit-opens\ndays=3\nchannel=sms\n",
      "t.ini: [Rule r] kind:", "kind must be one of visit-reminder" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=after-visit-closes\ndays=3\nchannel=sms\n",
      "t.ini: [Rule r] trigger:", "kind=visit-reminder goes with trigger=before-visit-opens, not after-visit-closes" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nchannel=fax\n",
      "t.ini: [Rule r] channel:", "channel must be one of sms, wechat, phone, in-person, not “fax”" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\n",
      "t.ini: [Rule r]", "channel is required" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\nchannel=sms\n",
      "t.ini: [Rule r]", "days is required" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=three\nchannel=sms\n",
      "t.ini: [Rule r] days:", "days must be a whole number" },
    { "[Rule r]\nkind=order-reminder\ntrigger=order-reminder-date\ndays=2\nchannel=sms\n",
      "t.ini: [Rule r] days:", "days has no meaning for trigger=order-reminder-date" },
    { "[Rule r]\nkind=scale\ntrigger=gestational-weeks\nweeks=32-28\nscale=epds\nchannel=sms\n",
      "t.ini: [Rule r] weeks:", "weeks must be a range MIN-MAX" },
    { "[Rule r]\nkind=scale\ntrigger=gestational-weeks\nweeks=28-32\nscale=hads\nchannel=sms\n",
      "t.ini: [Rule r] scale:", "scale=hads: there is no such scale" },
    { "[Rule r]\nkind=scale\ntrigger=gestational-weeks\nweeks=28-32\nchannel=sms\n",
      "t.ini: [Rule r]", "scale is required for kind=scale" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nscale=epds\nchannel=sms\n",
      "t.ini: [Rule r] scale:", "scale has no meaning for kind=visit-reminder" },
    { "[Rule r]\nkind=scale\ntrigger=at-visit\nscale=epds\nchannel=sms\n",
      "t.ini: [Rule r]", "visit is required for trigger=at-visit" },
    { "[Rule r]\nkind=scale\ntrigger=at-visit\nvisit=pp24\nscale=epds\nchannel=sms\n",
      "t.ini: [Rule r] visit:", "visit=pp24: the visit schedule has no [Visit pp24]" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nchannel=sms\n"
      "template=Hi\ntemplate[zh_CN]=你好\nplace[zh_CN]=门诊\n",
      "t.ini: [Rule r] place[zh_CN]:", "place (in English) is missing" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nchannel=sms\nescort=yes\n",
      "t.ini: [Rule r] escort:", "escort must be true or false" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nchannel=sms\ntemplate=Hi\n",
      "t.ini: [Rule r] template:", "template[zh_CN] (in Chinese) is missing" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nchannel=sms\n",
      "t.ini: [Rule r]", "template (in English) is missing" },
    { "[Rule r]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=3\nchannel=sms\nowner=li\n",
      "t.ini: [Rule r] owner:", "unknown key owner" },
    { "[Rule r]\nkind[zh_CN]=提醒\n", "t.ini: [Rule r] kind[zh_CN]:", "kind is not translated" },
    { OK_RULE "[Visit v06]\n", "t.ini: [Visit v06]", "[Planning] and [Rule NAME] groups" },
    { OK_RULE OK_RULE, "t.ini: [Rule r]", "the group is given twice" },
    { "[Rule Visit Reminder]\n", "t.ini: [Rule Visit Reminder]", "lower-case letters" },
    { "kind=scale\n", "t.ini:", "does not start with a group" },
    { OK_RULE "days 3\n", "t.ini:", "not a key-value pair, group, or comment" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(CLFollowupRules) rules = cl_followup_rules_new_from_bytes (bytes, "t.ini", NULL, &error);

      g_test_message ("case %u: %s", i, cases[i].what ? cases[i].what : "valid");
      if (cases[i].where == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (rules);
          continue;
        }
      g_assert_null (rules);
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_KEY_FILE_ERROR);
      if (!g_str_has_prefix (error->message, cases[i].where))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].where);
      cl_test_assert_contains (error->message, cases[i].what);
    }
}

/* The pregnancy of the planning tests: EDD 2027-03-01 (LMP 2026-05-25),
 * on 2026-11-23 at 26+1 weeks, the first three visits done. */
static CLFollowupPlanInput *
make_input (const char *edd_iso,
            const char *birth_iso,
            const char *today_iso,
            const char *lang)
{
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_visit_done_free);
  g_autoptr(ClVisitPlan) plan = NULL;
  CLFollowupPlanInput *input;
  GDate edd, birth, today, reminder, filed;

  parse (edd_iso, &edd);
  parse (today_iso, &today);
  g_date_clear (&birth, 1);
  if (birth_iso)
    parse (birth_iso, &birth);
  g_ptr_array_add (done, cl_visit_done_new ("v06", "2026-07-10", FALSE));
  g_ptr_array_add (done, cl_visit_done_new ("v14", "2026-08-28", FALSE));
  g_ptr_array_add (done, cl_visit_done_new ("v20", "2026-10-12", TRUE));
  plan = cl_visit_plan_new (NULL, &edd, birth_iso ? "delivered" : "ongoing",
                            birth_iso ? &birth : NULL, &today, done);

  input = cl_followup_plan_input_new (lang && g_str_equal (lang, "en") ? "Xiaomei" : "小梅", &edd, &today);
  cl_followup_plan_input_set_language (input, lang);
  if (birth_iso)
    cl_followup_plan_input_set_birth (input, &birth);
  cl_followup_plan_input_add_visit_plan (input, plan, NULL);
  parse ("2026-12-20", &reminder);
  cl_followup_plan_input_add_order (input, "order-1",
                                    lang && g_str_equal (lang, "en") ? "recheck haemoglobin" : "复查血红蛋白",
                                    &reminder);
  parse ("2026-10-12", &filed);
  cl_followup_plan_input_add_report (input, "report-1",
                                     lang && g_str_equal (lang, "en") ? "Third visit" : "第 3 次产检", &filed);
  return input;
}

static const CLFollowupItem *
find (GPtrArray  *items,
      const char *rule_id,
      const char *source_id)
{
  for (guint i = 0; i < items->len; i++)
    {
      const CLFollowupItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->rule_id, rule_id) == 0 && g_strcmp0 (item->source_id, source_id) == 0)
        return item;
    }
  return NULL;
}

static void
assert_due (const CLFollowupItem *item,
            const char           *iso)
{
  g_autofree char *due = NULL;

  g_assert_nonnull (item);
  due = cl_date_to_iso (&item->due);
  g_assert_cmpstr (due, ==, iso);
}

static void
test_plan (void)
{
  g_autoptr(CLFollowupRules) rules = default_rules ();
  g_autoptr(CLFollowupPlanInput) input = make_input ("2027-03-01", NULL, "2026-11-23", NULL);
  g_autoptr(CLFollowupPlanInput) again = make_input ("2027-03-01", NULL, "2026-11-23", NULL);
  g_autoptr(GPtrArray) items = cl_followup_plan (rules, input);
  g_autoptr(GPtrArray) items2 = cl_followup_plan (rules, again);
  const CLFollowupItem *item;

  /* Reminders 3 days before each prenatal visit not done whose window
   * has not closed: v25 (25+0 = 2026-11-16, open now) to v41. */
  assert_due (find (items, "visit-reminder", "v25"), "2026-11-13");
  assert_due (find (items, "visit-reminder", "v29"), "2026-12-11");
  assert_due (find (items, "visit-reminder", "v41"), "2027-03-05");
  g_assert_null (find (items, "visit-reminder", "v20"));   /* done */
  g_assert_null (find (items, "visit-reminder", "pp42"));  /* postpartum: its own rule */
  item = find (items, "visit-reminder", "v29");
  g_assert_cmpint (item->kind, ==, CL_FOLLOWUP_KIND_VISIT_REMINDER);
  g_assert_cmpint (item->channel, ==, CL_FOLLOWUP_CHANNEL_SMS);
  g_assert_cmpint (item->state, ==, CL_FOLLOWUP_STATE_DUE);
  g_assert_null (item->id);
  g_assert_cmpstr (item->content, ==, "小梅您好，您的第 5 次产检将于2026年12月14日开始，请按时到产科门诊就诊。");

  /* Overdue: the day after each window not done closes. */
  assert_due (find (items, "visit-overdue", "v25"), "2026-12-14");
  g_assert_null (find (items, "visit-overdue", "v14"));
  g_assert_null (find (items, "visit-overdue", "pp42"));   /* not born yet */

  /* The order on its reminder date, the report's review 2 days after. */
  item = find (items, "order-reminder", "order-1");
  assert_due (item, "2026-12-20");
  g_assert_cmpstr (item->content, ==, "小梅您好，医嘱提醒：复查血红蛋白");
  item = find (items, "post-check-review", "report-1");
  assert_due (item, "2026-10-14");
  g_assert_cmpstr (item->content, ==, "与小梅沟通2026年10月12日的第 3 次产检报告结果。");

  /* EPDS at 28+0 (2026-12-07), and at the revisit, estimated from the
   * EDD until she gives birth (42 days after the EDD). */
  item = find (items, "epds-pregnancy", "28-32");
  assert_due (item, "2026-12-07");
  g_assert_cmpint (item->kind, ==, CL_FOLLOWUP_KIND_SCALE);
  g_assert_cmpstr (item->scale_id, ==, "epds");
  g_assert_cmpstr (item->content, ==, "小梅您好，请在下次产检前填写爱丁堡产后抑郁量表（EPDS）。");
  assert_due (find (items, "epds-revisit", "pp42"), "2027-04-12");

  /* Nothing of the birth yet. */
  g_assert_null (find (items, "postpartum-open", "birth"));
  g_assert_null (find (items, "postpartum-revisit-reminder", "pp42"));

  /* Ordered by due date, and the same every time. */
  g_assert_cmpuint (items->len, ==, items2->len);
  for (guint i = 0; i < items->len; i++)
    {
      const CLFollowupItem *a = g_ptr_array_index (items, i);
      const CLFollowupItem *b = g_ptr_array_index (items2, i);

      if (i > 0)
        g_assert_cmpint (g_date_compare (&((CLFollowupItem *) g_ptr_array_index (items, i - 1))->due, &a->due), <=, 0);
      g_assert_cmpstr (a->rule_id, ==, b->rule_id);
      g_assert_cmpstr (a->source_id, ==, b->source_id);
      g_assert_cmpint (g_date_compare (&a->due, &b->due), ==, 0);
      g_assert_cmpstr (a->content, ==, b->content);
    }
  /* v25 to v41 reminders (8), v25 to v41 overdue (8), order, report, 2 EPDS. */
  g_assert_cmpuint (items->len, ==, 8 + 8 + 1 + 1 + 2);
}

static void
test_plan_english (void)
{
  g_autoptr(CLFollowupRules) rules = default_rules ();
  g_autoptr(CLFollowupPlanInput) input = make_input ("2027-03-01", NULL, "2026-11-23", "en");
  g_autoptr(GPtrArray) items = cl_followup_plan (rules, input);

  g_assert_cmpstr (find (items, "order-reminder", "order-1")->content, ==,
                   "Dear Xiaomei, a reminder from your doctor: recheck haemoglobin");
  /* The visit's name in her language too, whatever the desk's. */
  g_assert_cmpstr (find (items, "visit-reminder", "v29")->content, ==,
                   "Dear Xiaomei, your Fifth visit is due from 14 Dec 2026. Please come to the obstetric clinic.");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  {
    g_autoptr(CLFollowupPlanInput) again = make_input ("2027-03-01", NULL, "2026-11-23", "en");
    g_autoptr(GPtrArray) items2 = cl_followup_plan (rules, again);

    g_assert_cmpstr (find (items2, "visit-reminder", "v29")->content, ==,
                     find (items, "visit-reminder", "v29")->content);
  }
  g_unsetenv ("LANGUAGE");
  g_assert_cmpstr (find (items, "epds-pregnancy", "28-32")->content, ==,
                   "Dear Xiaomei, please fill in the Edinburgh Postnatal Depression Scale (EPDS) before your next visit.");
}

/* Born on 2027-02-20 (before the EDD): her postpartum record is opened
 * that day, the 42-day revisit reminder (with an escort) comes 7 days
 * before the revisit opens, and the visits after the birth are gone. */
static void
test_plan_birth (void)
{
  g_autoptr(CLFollowupRules) rules = default_rules ();
  g_autoptr(CLFollowupPlanInput) input = make_input ("2027-03-01", "2027-02-20", "2027-02-21", NULL);
  g_autoptr(GPtrArray) items = cl_followup_plan (rules, input);
  const CLFollowupItem *item;

  item = find (items, "postpartum-open", "birth");
  assert_due (item, "2027-02-20");
  g_assert_cmpint (item->channel, ==, CL_FOLLOWUP_CHANNEL_IN_PERSON);
  g_assert_cmpstr (item->content, ==, "为小梅建立产后档案（2027年2月20日分娩）。");
  item = find (items, "postpartum-revisit-reminder", "pp42");
  assert_due (item, "2027-03-27");   /* 2027-02-20 + 42 - 7 */
  g_assert_true (item->escort);
  g_assert_cmpstr (item->content, ==,
                   "小梅您好，您的产后 42 天复查将于2027年4月3日开始，请到产科门诊复查。需要陪诊服务吗？");
  assert_due (find (items, "epds-revisit", "pp42"), "2027-04-03");
  g_assert_null (find (items, "visit-reminder", "v39"));   /* opens 2027-02-22, after the birth */
  g_assert_null (find (items, "visit-overdue", "v40"));
  g_assert_null (find (items, "epds-pregnancy", "28-32")); /* its window closed long ago */
  assert_due (find (items, "visit-overdue", "pp42"), "2027-04-18");
}

/* A visit reminder rule that names the revisit reminds of it; one that
 * names no visit leaves the revisit to its own rule. */
static void
test_plan_named_visit (void)
{
  static const char text[] =
    "[Rule remind-pp42]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=2\nvisit=pp42\n"
    "channel=wechat\ntemplate={visit} {date}\ntemplate[zh_CN]={visit}，{date}\n"
    "[Rule remind-all]\nkind=visit-reminder\ntrigger=before-visit-opens\ndays=1\n"
    "channel=sms\ntemplate={visit}\ntemplate[zh_CN]={visit}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(CLFollowupRules) rules = cl_followup_rules_new_from_bytes (bytes, "t.ini", NULL, &error);
  g_autoptr(CLFollowupPlanInput) input = make_input ("2027-03-01", "2027-02-20", "2027-02-21", NULL);
  g_autoptr(GPtrArray) items = NULL;
  const CLFollowupItem *item;

  g_assert_no_error (error);
  items = cl_followup_plan (rules, input);
  item = find (items, "remind-pp42", "pp42");
  assert_due (item, "2027-04-01");
  g_assert_cmpint (item->channel, ==, CL_FOLLOWUP_CHANNEL_WECHAT);
  g_assert_cmpstr (item->content, ==, "产后 42 天复查，2027年4月3日");
  g_assert_null (find (items, "remind-pp42", "v41"));
  g_assert_null (find (items, "remind-all", "pp42"));
  g_assert_cmpuint (items->len, ==, 1);   /* every prenatal visit's window has closed or is after the birth */
}

static void
test_plan_closed (void)
{
  g_autoptr(CLFollowupRules) rules = default_rules ();
  g_autoptr(CLFollowupPlanInput) input = make_input ("2027-03-01", NULL, "2026-11-23", NULL);
  g_autoptr(GPtrArray) items = NULL;

  cl_followup_plan_input_set_closed (input, TRUE);
  items = cl_followup_plan (rules, input);
  g_assert_cmpuint (items->len, ==, 0);
}

/* The plan's items as the store would hold them: with ids. */
static GPtrArray *
stored (GPtrArray *planned)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_followup_item_unref);

  for (guint i = 0; i < planned->len; i++)
    {
      const CLFollowupItem *plan = g_ptr_array_index (planned, i);
      CLFollowupItem *item = cl_followup_item_new ();

      item->id = g_strdup_printf ("item-%s-%s", plan->rule_id, plan->source_id);
      item->rule_id = g_strdup (plan->rule_id);
      item->source_id = g_strdup (plan->source_id);
      item->kind = plan->kind;
      item->channel = plan->channel;
      item->due = plan->due;
      item->content = g_strdup (plan->content);
      item->scale_id = g_strdup (plan->scale_id);
      item->escort = plan->escort;
      item->state = plan->state;
      g_ptr_array_add (items, item);
    }
  return items;
}

static CLFollowupItem *
find_mutable (GPtrArray  *items,
              const char *rule_id,
              const char *source_id)
{
  return (CLFollowupItem *) find (items, rule_id, source_id);
}

static const CLFollowupChange *
change_of (GPtrArray  *changes,
           const char *item_id)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const CLFollowupChange *change = g_ptr_array_index (changes, i);

      if (change->existing && g_strcmp0 (change->existing->id, item_id) == 0)
        return change;
    }
  g_error ("no change for %s", item_id);
}

/* An early ultrasound corrects the EDD a week later: every open item of
 * the pathway moves a week, with its text; the done ones stay where
 * they were; the one a person rescheduled and the one added by hand
 * stay; the visit done since loses its reminder; a new order is added. */
static void
test_reconcile_edd_corrected (void)
{
  g_autoptr(CLFollowupRules) rules = default_rules ();
  g_autoptr(CLFollowupPlanInput) before = make_input ("2027-03-01", NULL, "2026-11-23", NULL);
  g_autoptr(CLFollowupPlanInput) after = make_input ("2027-03-08", NULL, "2026-11-23", NULL);
  g_autoptr(GPtrArray) planned_before = cl_followup_plan (rules, before);
  g_autoptr(GPtrArray) existing = stored (planned_before);
  g_autoptr(GPtrArray) planned_after = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(CLFollowupItem) by_hand = cl_followup_item_new ();
  g_autoptr(CLFollowupItem) duplicate = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  const CLFollowupChange *change;
  GDate new_order;
  guint n_add = 0, n_move = 0;

  find_mutable (existing, "visit-reminder", "v25")->state = CL_FOLLOWUP_STATE_DONE;
  find_mutable (existing, "post-check-review", "report-1")->state = CL_FOLLOWUP_STATE_DONE;
  find_mutable (existing, "visit-overdue", "v41")->state = CL_FOLLOWUP_STATE_CANCELLED;
  parse ("2026-12-30", &find_mutable (existing, "visit-reminder", "v33")->due);
  find_mutable (existing, "visit-reminder", "v33")->state = CL_FOLLOWUP_STATE_RESCHEDULED;
  by_hand->id = g_strdup ("item-by-hand");
  by_hand->kind = CL_FOLLOWUP_KIND_OTHER;
  by_hand->channel = CL_FOLLOWUP_CHANNEL_PHONE;
  parse ("2026-11-25", &by_hand->due);
  by_hand->content = g_strdup ("问问她的睡眠");
  g_ptr_array_add (existing, cl_followup_item_ref (by_hand));
  /* A second stored copy of one item (two desks offline at once). */
  copies = stored (planned_before);
  duplicate = cl_followup_item_ref (find_mutable (copies, "visit-reminder", "v37"));
  g_free (duplicate->id);
  duplicate->id = g_strdup ("item-duplicate");
  g_ptr_array_add (existing, cl_followup_item_ref (duplicate));

  parse ("2027-01-05", &new_order);
  cl_followup_plan_input_add_order (after, "order-2", "复查尿常规", &new_order);
  planned_after = cl_followup_plan (rules, after);
  changes = cl_followup_reconcile (existing, planned_after, FALSE);

  /* Open items of the pathway move by the week, text included. */
  change = change_of (changes, "item-visit-reminder-v29");
  g_assert_cmpint (change->kind, ==, CL_FOLLOWUP_CHANGE_MOVE);
  assert_due (change->planned, "2026-12-18");
  g_assert_cmpstr (change->planned->content, ==,
                   "小梅您好，您的第 5 次产检将于2026年12月21日开始，请按时到产科门诊就诊。");
  change = change_of (changes, "item-epds-pregnancy-28-32");
  g_assert_cmpint (change->kind, ==, CL_FOLLOWUP_CHANGE_MOVE);
  assert_due (change->planned, "2026-12-14");
  change = change_of (changes, "item-epds-revisit-pp42");
  g_assert_cmpint (change->kind, ==, CL_FOLLOWUP_CHANGE_MOVE);
  assert_due (change->planned, "2027-04-19");

  /* Done and cancelled ones stay, and are not planned again. */
  change = change_of (changes, "item-visit-reminder-v25");
  g_assert_cmpint (change->kind, ==, CL_FOLLOWUP_CHANGE_KEEP);
  assert_due (change->existing, "2026-11-13");
  g_assert_cmpint (change_of (changes, "item-post-check-review-report-1")->kind, ==, CL_FOLLOWUP_CHANGE_KEEP);
  g_assert_cmpint (change_of (changes, "item-visit-overdue-v41")->kind, ==, CL_FOLLOWUP_CHANGE_KEEP);
  /* A person's date and a person's item stay. */
  g_assert_cmpint (change_of (changes, "item-visit-reminder-v33")->kind, ==, CL_FOLLOWUP_CHANGE_KEEP);
  g_assert_cmpint (change_of (changes, "item-by-hand")->kind, ==, CL_FOLLOWUP_CHANGE_KEEP);
  /* The order's date does not depend on the EDD: same date, same text. */
  g_assert_cmpint (change_of (changes, "item-order-reminder-order-1")->kind, ==, CL_FOLLOWUP_CHANGE_KEEP);
  /* The duplicate is cancelled; its first copy moves. */
  change = change_of (changes, "item-duplicate");
  g_assert_cmpint (change->kind, ==, CL_FOLLOWUP_CHANGE_CANCEL);
  g_assert_cmpint (change->reason, ==, CL_FOLLOWUP_REASON_NOT_PLANNED);
  g_assert_cmpint (change_of (changes, "item-visit-reminder-v37")->kind, ==, CL_FOLLOWUP_CHANGE_MOVE);

  for (guint i = 0; i < changes->len; i++)
    {
      const CLFollowupChange *c = g_ptr_array_index (changes, i);

      if (c->kind == CL_FOLLOWUP_CHANGE_ADD)
        {
          n_add++;
          g_assert_null (c->existing);
          g_assert_cmpstr (c->planned->rule_id, ==, "order-reminder");
          g_assert_cmpstr (c->planned->source_id, ==, "order-2");
        }
      n_move += c->kind == CL_FOLLOWUP_CHANGE_MOVE;
      /* One change per stored item, in their order, then the additions. */
      if (i < existing->len)
        g_assert_true (c->existing == g_ptr_array_index (existing, i));
    }
  g_assert_cmpuint (n_add, ==, 1);
  g_assert_cmpuint (changes->len, ==, existing->len + 1);
  /* The 20 planned before, less the order and the four done, cancelled
   * or rescheduled ones (the duplicate's first copy moves). */
  g_assert_cmpuint (n_move, ==, 15);

  /* The v29 visit is done: its reminder and overdue item no longer
   * apply and are cancelled. */
  {
    g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_visit_done_free);
    g_autoptr(CLFollowupPlanInput) input = make_input ("2027-03-01", NULL, "2026-12-20", NULL);
    g_autoptr(CLFollowupPlanInput) with_v29 = NULL;
    g_autoptr(GPtrArray) planned = NULL;
    g_autoptr(GPtrArray) moved = NULL;
    g_autoptr(ClVisitPlan) plan = NULL;
    GDate edd, today;

    parse ("2027-03-01", &edd);
    parse ("2026-12-20", &today);
    for (const char *const *k = (const char *const[]) { "v06", "v14", "v20", "v25", "v29", NULL }; *k; k++)
      g_ptr_array_add (done, cl_visit_done_new (*k, "2026-12-15", FALSE));
    plan = cl_visit_plan_new (NULL, &edd, "ongoing", NULL, &today, done);
    with_v29 = cl_followup_plan_input_new ("小梅", &edd, &today);
    cl_followup_plan_input_add_visit_plan (with_v29, plan, NULL);
    planned = cl_followup_plan (rules, input);
    g_ptr_array_unref (existing);
    existing = stored (planned);
    g_ptr_array_unref (planned);
    planned = cl_followup_plan (rules, with_v29);
    moved = cl_followup_reconcile (existing, planned, FALSE);
    change = change_of (moved, "item-visit-reminder-v29");
    g_assert_cmpint (change->kind, ==, CL_FOLLOWUP_CHANGE_CANCEL);
    g_assert_cmpint (change->reason, ==, CL_FOLLOWUP_REASON_NOT_PLANNED);
    g_assert_cmpint (change_of (moved, "item-visit-overdue-v29")->kind, ==, CL_FOLLOWUP_CHANGE_CANCEL);
    g_assert_cmpint (change_of (moved, "item-visit-reminder-v33")->kind, ==, CL_FOLLOWUP_CHANGE_KEEP);
  }

  /* Same date, new words (her name corrected): the text is updated. */
  {
    g_autoptr(CLFollowupPlanInput) renamed = make_input ("2027-03-01", NULL, "2026-11-23", NULL);
    g_autoptr(CLFollowupPlanInput) same = make_input ("2027-03-01", NULL, "2026-11-23", NULL);
    g_autoptr(GPtrArray) old_items = NULL;
    g_autoptr(GPtrArray) planned = cl_followup_plan (rules, same);
    g_autoptr(GPtrArray) updated = NULL;
    GDate edd, today;

    parse ("2027-03-01", &edd);
    parse ("2026-11-23", &today);
    old_items = stored (planned);
    g_ptr_array_unref (planned);
    cl_followup_plan_input_free (g_steal_pointer (&renamed));
    renamed = cl_followup_plan_input_new ("晓梅", &edd, &today);
    {
      g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_visit_done_free);
      g_autoptr(ClVisitPlan) plan = cl_visit_plan_new (NULL, &edd, "ongoing", NULL, &today, done);

      cl_followup_plan_input_add_visit_plan (renamed, plan, NULL);
    }
    planned = cl_followup_plan (rules, renamed);
    updated = cl_followup_reconcile (old_items, planned, FALSE);
    change = change_of (updated, "item-visit-reminder-v29");
    g_assert_cmpint (change->kind, ==, CL_FOLLOWUP_CHANGE_UPDATE);
    cl_test_assert_contains (change->planned->content, "晓梅您好");
  }
}

/* The pregnancy ends: every open item is cancelled with that reason,
 * the one added by hand too; done ones stay; nothing is added. */
static void
test_reconcile_closed (void)
{
  g_autoptr(CLFollowupRules) rules = default_rules ();
  g_autoptr(CLFollowupPlanInput) input = make_input ("2027-03-01", NULL, "2026-11-23", NULL);
  g_autoptr(GPtrArray) planned = cl_followup_plan (rules, input);
  g_autoptr(GPtrArray) existing = stored (planned);
  g_autoptr(GPtrArray) nothing = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(CLFollowupItem) by_hand = cl_followup_item_new ();

  find_mutable (existing, "visit-reminder", "v25")->state = CL_FOLLOWUP_STATE_DONE;
  by_hand->id = g_strdup ("item-by-hand");
  by_hand->kind = CL_FOLLOWUP_KIND_OTHER;
  by_hand->state = CL_FOLLOWUP_STATE_RESCHEDULED;
  g_ptr_array_add (existing, cl_followup_item_ref (by_hand));

  cl_followup_plan_input_set_closed (input, TRUE);
  nothing = cl_followup_plan (rules, input);
  changes = cl_followup_reconcile (existing, nothing, TRUE);
  g_assert_cmpuint (changes->len, ==, existing->len);
  for (guint i = 0; i < changes->len; i++)
    {
      const CLFollowupChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->existing->id, "item-visit-reminder-v25"))
        g_assert_cmpint (change->kind, ==, CL_FOLLOWUP_CHANGE_KEEP);
      else
        {
          g_assert_cmpint (change->kind, ==, CL_FOLLOWUP_CHANGE_CANCEL);
          g_assert_cmpint (change->reason, ==, CL_FOLLOWUP_REASON_PREGNANCY_CLOSED);
          g_assert_cmpstr (cl_followup_reason_to_string (change->reason), ==, "pregnancy-closed");
        }
    }
}

static void
test_words (void)
{
  CLFollowupKind kind;
  CLFollowupChannel channel;
  CLFollowupState state;

  for (kind = 0; kind <= CL_FOLLOWUP_KIND_OTHER; kind++)
    {
      CLFollowupKind back;

      g_assert_true (cl_followup_kind_from_string (cl_followup_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
    }
  g_assert_true (cl_followup_channel_from_string ("in-person", &channel));
  g_assert_cmpint (channel, ==, CL_FOLLOWUP_CHANNEL_IN_PERSON);
  g_assert_false (cl_followup_channel_from_string ("fax", &channel));
  g_assert_true (cl_followup_state_from_string ("rescheduled", &state));
  g_assert_cmpint (state, ==, CL_FOLLOWUP_STATE_RESCHEDULED);
  g_assert_false (cl_followup_state_from_string (NULL, &state));
}

static guint
count_kind (GPtrArray            *changes,
            CLFollowupChangeKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < changes->len; i++)
    n += ((CLFollowupChange *) g_ptr_array_index (changes, i))->kind == kind;
  return n;
}

static const CLFollowupChange *
find_change (GPtrArray  *changes,
             const char *rule_id,
             const char *source_id)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const CLFollowupChange *change = g_ptr_array_index (changes, i);
      const CLFollowupItem *item = change->planned ? change->planned : change->existing;

      if (g_strcmp0 (item->rule_id, rule_id) == 0 && g_strcmp0 (item->source_id, source_id) == 0)
        return change;
    }
  return NULL;
}

/* Registered on 2027-06-01, months after her birth on 2027-02-20: the
 * order reminder of 2026-12-20 is not added at all, the postpartum
 * record and the missed revisit are due 14 days back, not months back,
 * and the next day nothing moves back to its planned day.  Items stored
 * before are left where they are. */
static void
test_plan_registered_late (void)
{
  g_autoptr(CLFollowupRules) rules = default_rules ();
  g_autoptr(CLFollowupPlanInput) input = make_input ("2027-03-01", "2027-02-20", "2027-06-01", NULL);
  g_autoptr(CLFollowupPlanInput) next_day = make_input ("2027-03-01", "2027-02-20", "2027-06-02", NULL);
  g_autoptr(GPtrArray) planned = cl_followup_plan (rules, input);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) planned2 = NULL;
  g_autoptr(GPtrArray) changes2 = NULL;
  g_autoptr(GPtrArray) old_items = NULL;
  g_autoptr(GPtrArray) changes3 = NULL;
  GDate today;

  g_assert_cmpuint (cl_followup_rules_get_max_overdue_days (rules), ==, 14);
  g_assert_nonnull (find (planned, "order-reminder", "order-1"));   /* planned, so a stored one matches */
  assert_due (find (planned, "postpartum-open", "birth"), "2027-02-20");

  changes = cl_followup_reconcile (NULL, planned, FALSE);
  parse ("2027-06-01", &today);
  cl_followup_trim_changes (changes, rules, &today);
  g_assert_cmpuint (count_kind (changes, CL_FOLLOWUP_CHANGE_ADD), ==, changes->len);
  g_assert_null (find_change (changes, "order-reminder", "order-1"));
  assert_due (find_change (changes, "postpartum-open", "birth")->planned, "2027-05-18");
  assert_due (find_change (changes, "visit-overdue", "pp42")->planned, "2027-05-18");
  for (guint i = 0; i < changes->len; i++)
    {
      CLFollowupChange *change = g_ptr_array_index (changes, i);
      GDate oldest;

      parse ("2027-05-18", &oldest);
      g_assert_cmpint (g_date_compare (&change->planned->due, &oldest), >=, 0);
      g_ptr_array_add (added, change->planned);
    }

  /* The next day: what was added stays where it was put, and the order
   * reminder is still not added. */
  existing = stored (added);
  planned2 = cl_followup_plan (rules, next_day);
  changes2 = cl_followup_reconcile (existing, planned2, FALSE);
  parse ("2027-06-02", &today);
  cl_followup_trim_changes (changes2, rules, &today);
  g_assert_cmpuint (changes2->len, ==, existing->len);
  g_assert_cmpuint (count_kind (changes2, CL_FOLLOWUP_CHANGE_KEEP), ==, existing->len);

  /* Items stored long before, due on their planned days, are kept. */
  old_items = stored (planned2);
  changes3 = cl_followup_reconcile (old_items, planned2, FALSE);
  cl_followup_trim_changes (changes3, rules, &today);
  g_assert_cmpuint (count_kind (changes3, CL_FOLLOWUP_CHANGE_KEEP), ==, old_items->len);
  g_assert_cmpuint (changes3->len, ==, old_items->len);
}

/* [Planning] max-overdue-days sets the cap; anything else there is
 * refused. */
static void
test_planning_group (void)
{
  static const char good[] =
    "[Planning]\nmax-overdue-days=3\n"
    "[Rule open]\nkind=postpartum-open\ntrigger=birth-recorded\nchannel=phone\n"
    "template={name}\ntemplate[zh_CN]={name}\n";
  static const char * const bad[] = {
    "[Planning]\nmax-overdue-days=soon\n",
    "[Planning]\nmax-overdue-days=-1\n",
    "[Planning]\nmax-late-days=3\n",
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (good, strlen (good));
  g_autoptr(GError) error = NULL;
  g_autoptr(CLFollowupRules) rules = cl_followup_rules_new_from_bytes (bytes, "t.ini", NULL, &error);
  g_autoptr(CLFollowupPlanInput) input = make_input ("2027-03-01", "2027-02-20", "2027-06-01", NULL);
  g_autoptr(GPtrArray) planned = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GDate today;

  g_assert_no_error (error);
  g_assert_cmpuint (cl_followup_rules_get_max_overdue_days (rules), ==, 3);
  planned = cl_followup_plan (rules, input);
  changes = cl_followup_reconcile (NULL, planned, FALSE);
  parse ("2027-06-01", &today);
  cl_followup_trim_changes (changes, rules, &today);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_due (((CLFollowupChange *) g_ptr_array_index (changes, 0))->planned, "2027-05-29");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) b = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) e = NULL;
      g_autoptr(CLFollowupRules) r = cl_followup_rules_new_from_bytes (b, "t.ini", NULL, &e);

      g_assert_null (r);
      g_assert_error (e, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (e->message, "[Planning]"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/followup-rules/data-file", test_data_file);
  g_test_add_func ("/followup-rules/render", test_render);
  g_test_add_func ("/followup-rules/malformed", test_malformed);
  g_test_add_func ("/followup-rules/plan", test_plan);
  g_test_add_func ("/followup-rules/plan-english", test_plan_english);
  g_test_add_func ("/followup-rules/plan-birth", test_plan_birth);
  g_test_add_func ("/followup-rules/plan-named-visit", test_plan_named_visit);
  g_test_add_func ("/followup-rules/plan-closed", test_plan_closed);
  g_test_add_func ("/followup-rules/reconcile-edd-corrected", test_reconcile_edd_corrected);
  g_test_add_func ("/followup-rules/reconcile-closed", test_reconcile_closed);
  g_test_add_func ("/followup-rules/words", test_words);
  g_test_add_func ("/followup-rules/plan-registered-late", test_plan_registered_late);
  g_test_add_func ("/followup-rules/planning-group", test_planning_group);

  return g_test_run ();
}
