/* cl-demo-complaints.c
 *
 * The demo desk's complaint tickets, made from the complaints in the
 * contact log (cl-demo-desk.c), and the opinion box and book of the
 * last three weeks, one of whose complaints became a ticket.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-demo-desk"

#include "config.h"

#include "cl-complaint-store.h"
#include "cl-date.h"
#include "cl-demo-desk-private.h"
#include "cl-demo-people.h"
#include "cl-demo-util.h"
#include "cl-opinion-entry.h"

#define SALT_COMPLAINT 0xc0a1a1e7
#define SALT_OPINIONS  0x0b1a1075

/* Days of the opinion log, today included. */
#define OPINION_DAYS 21
/* The day whose book holds the complaint made a ticket. */
#define TICKET_DAY 6

typedef enum
{
  ROLE_OPEN,
  ROLE_STARTED,
  ROLE_OVERDUE,
  ROLE_SETTLED,  /* resolved or closed, by its age */
} Role;

static const char * const resolutions[] = {
  "已向当事科室核实，科室负责人当面致歉并调整排班",
  "已协调加开窗口，并电话告知来电者",
  "已提醒当事医务人员改进服务态度，并回访患者",
  "已加急出具报告并电话致歉",
  "已向来电者解释流程，科室将在候诊区张贴说明",
};

static const char * const unsatisfied_reasons[] = {
  "认为只是口头道歉，没有实际改进",
  "希望退还当天的挂号费",
};

/* Per hundred, in the order of CLComplaintSatisfaction. */
static const guint satisfaction_weights[] = { 55, 25, 10, 10 };
/* Per hundred, in the order of CLComplaintSeverity. */
static const guint severity_weights[] = { 50, 35, 15 };

/* The department complained of, from the summary the contact took. */
static const char *
department_of (CLDemoDesk *desk,
               const char *summary)
{
  for (guint i = 0; i < cl_demo_desk_n_complaint_topics; i++)
    if (g_str_equal (summary, cl_demo_desk_complaint_topics[i][0]))
      return cl_demo_desk_department (desk, cl_demo_desk_complaint_topics[i][1]);
  g_assert_not_reached ();
}

/* Takes @complaint through its steps as far as @role and its age
 * allow: started within hours, resolved before its promised time,
 * closed after a satisfaction call within two days; nothing after
 * now. */
static void
work_on (CLDemoDesk  *desk,
         GRand       *rand,
         CLComplaint *complaint,
         Role         role)
{
  const char *owner = cl_complaint_get_owner_id (complaint);
  gint64 opened = cl_complaint_get_opened_at (complaint);
  gint64 promised = cl_complaint_get_promised_at (complaint);
  gint64 age = desk->now - opened;
  gint64 started = opened + g_rand_int_range (rand, 10, 180) * 60;
  gdouble resolve = g_rand_double_range (rand, 0.2, 0.9);
  gdouble close = g_rand_double_range (rand, 0.1, 1.0);
  gboolean on_spot = g_rand_int_range (rand, 0, 100) < 30;
  const char *resolution = CL_DEMO_PICK (rand, resolutions);
  CLComplaintSatisfaction satisfaction = cl_demo_pick_weight_index (rand, satisfaction_weights,
                                                                    CL_COMPLAINT_N_SATISFACTIONS);
  const char *reason = CL_DEMO_PICK (rand, unsatisfied_reasons);
  gint64 resolved, closed;

  if (role == ROLE_OPEN)
    return;
  started = MIN (started, desk->now);
  cl_complaint_step (complaint, CL_COMPLAINT_STATE_IN_PROGRESS, started, owner);
  if (role != ROLE_SETTLED)
    return;

  /* A minor one is often settled as it is made. */
  if (on_spot && g_str_equal (cl_complaint_get_severity (complaint), "minor"))
    {
      cl_complaint_set_started_at (complaint, 0);
      cl_complaint_settle_on_spot (complaint, owner);
      resolved = opened;
    }
  else
    {
      resolved = started + (gint64) (resolve * (MIN (promised, desk->now) - started));
      resolved = cl_demo_desk_in_hours (resolved, started, MIN (promised, desk->now));
      cl_complaint_step (complaint, CL_COMPLAINT_STATE_RESOLVED, resolved, owner);
    }
  cl_complaint_set_resolution (complaint, resolution);

  /* Under two days old, some still wait for the satisfaction call. */
  if (age < 2 * 24 * 3600 || (age < 6 * 24 * 3600 && close < 0.5))
    return;
  closed = resolved + (gint64) (close * MIN (desk->now - resolved, 2 * 24 * 3600));
  closed = cl_demo_desk_in_hours (closed, resolved, desk->now);
  cl_complaint_step (complaint, CL_COMPLAINT_STATE_CLOSED, closed, owner);
  cl_complaint_set_satisfaction (complaint, cl_complaint_satisfaction_to_string (satisfaction));
  if (satisfaction == CL_COMPLAINT_UNSATISFIED)
    cl_complaint_set_satisfaction_reason (complaint, reason);
}

/* Which ticket plays which part: the latest is still open, the one
 * before in progress, one of two to six days a serious one still in
 * progress past its promised time; the rest settled. */
static Role *
cast (CLDemoDesk *desk)
{
  GPtrArray *contacts = desk->complaint_contacts;
  Role *roles = g_new0 (Role, contacts->len + 1);
  gboolean overdue = FALSE;

  for (guint i = 0; i < contacts->len; i++)
    roles[i] = ROLE_SETTLED;
  if (contacts->len > 0)
    roles[contacts->len - 1] = ROLE_OPEN;
  if (contacts->len > 1)
    roles[contacts->len - 2] = ROLE_STARTED;
  for (guint i = contacts->len - MIN (contacts->len, 2); i-- > 0 && !overdue;)
    {
      gint64 age = desk->now - cl_contact_get_contact_at (g_ptr_array_index (contacts, i));

      if (age > 2 * 24 * 3600 && age < 6 * 24 * 3600)
        {
          roles[i] = ROLE_OVERDUE;
          overdue = TRUE;
        }
    }
  return roles;
}

gboolean
cl_demo_desk_complaints (CLDemoDesk  *desk,
                         GError     **error)
{
  g_autofree Role *roles = cast (desk);

  for (guint i = 0; i < desk->complaint_contacts->len; i++)
    {
      CLContact *contact = g_ptr_array_index (desk->complaint_contacts, i);
      /* One generator per ticket, from its contact: the tickets before
       * it do not move its draws. */
      g_autoptr(GRand) rand = cl_demo_desk_rand (desk, SALT_COMPLAINT,
                                                 g_str_hash (cl_record_get_id (CL_RECORD (contact))));
      g_autoptr(CLComplaint) complaint = NULL;
      CLComplaintSeverity severity = cl_demo_pick_weight_index (rand, severity_weights, CL_COMPLAINT_N_SEVERITIES);
      gint64 opened = cl_contact_get_contact_at (contact) + g_rand_int_range (rand, 2, 15) * 60;
      char id[37];

      cl_demo_make_id (rand, id);
      /* The open and the started ones are minor, so only the one meant
       * to be is overdue; that one is serious (the shortest promise). */
      if (roles[i] == ROLE_OPEN || roles[i] == ROLE_STARTED)
        severity = CL_COMPLAINT_SEVERITY_MINOR;
      else if (roles[i] == ROLE_OVERDUE)
        severity = CL_COMPLAINT_SEVERITY_SERIOUS;

      complaint = cl_complaint_new_from_contact (contact, MIN (opened, desk->now),
                                                 cl_contact_get_owner_id (contact));
      cl_record_set_id (CL_RECORD (complaint), id);
      cl_complaint_set_department_id (complaint, department_of (desk, cl_contact_get_summary (contact)));
      cl_complaint_set_severity (complaint, cl_complaint_severity_to_string (severity));
      cl_complaint_store_promise (desk->store, complaint);
      work_on (desk, rand, complaint, roles[i]);
      if (!cl_demo_desk_write (desk, complaint, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *kind;
  const char *content;
  const char *department;  /* a name, or NULL */
} Opinion;

static const Opinion opinions[] = {
  { "opinion", "希望候诊区多放一些座椅", NULL },
  { "opinion", "建议母婴室增加温奶器", NULL },
  { "opinion", "停车场指示牌不清楚", NULL },
  { "opinion", "建议开通线上预约四维彩超", "超声科" },
  { "opinion", "孕妇学校的课程希望安排在周末", "产科门诊" },
  { "opinion", "营养门诊能否增加晚间号源", "营养科" },
  { "commendation", "感谢产房护士长的细心照顾", "产房" },
  { "commendation", "超声科医生讲解很耐心，谢谢！", "超声科" },
  { "commendation", "导诊台的工作人员很热情", NULL },
  { "commendation", "营养门诊的建议很实用，感谢", "营养科" },
  { "commendation", "急诊医生半夜处理及时，非常感谢", "产科急诊" },
  { "complaint", "门诊卫生间没有扶手，孕妇不方便", NULL },
  { "complaint", "抽血排队太久，没有叫号提示", "检验科" },
  { "complaint", "夜间病房走廊太吵，休息不好", "产房" },
};

/* Per hundred: opinions, commendations, complaints. */
static const guint kind_weights[] = { 50, 35, 15 };

static const Opinion *
pick_opinion (GRand      *rand,
              const char *kind)
{
  guint n = 0, k;

  for (guint i = 0; i < G_N_ELEMENTS (opinions); i++)
    n += g_str_equal (opinions[i].kind, kind);
  k = g_rand_int_range (rand, 0, n);
  for (guint i = 0; i < G_N_ELEMENTS (opinions); i++)
    if (g_str_equal (opinions[i].kind, kind) && k-- == 0)
      return &opinions[i];
  g_assert_not_reached ();
}

/* The complaint written in the book on TICKET_DAY, with a name and a
 * number, made a ticket the same morning and settled. */
static gboolean
write_ticket (CLDemoDesk      *desk,
              GRand           *rand,
              CLOpinionEntry  *entry,
              GError         **error)
{
  g_autoptr(CLComplaint) complaint = NULL;
  g_autofree char *name = cl_demo_people_name (rand, FALSE);
  const char *phone = cl_demo_people_phone (rand, desk->people->used);
  const char *owner = cl_demo_desk_pick (rand, desk->people->desk_staff);
  gint64 opened = cl_demo_desk_at (desk, TICKET_DAY, 9 * 60 + g_rand_int_range (rand, 0, 60));
  char id[37];

  cl_demo_make_id (rand, id);
  complaint = cl_complaint_new (opened, owner);
  cl_record_set_id (CL_RECORD (complaint), id);
  cl_complaint_set_complainant_name (complaint, name);
  cl_complaint_set_complainant_phone (complaint, phone);
  cl_complaint_set_department_id (complaint, cl_opinion_entry_get_department_id (entry));
  cl_complaint_set_description (complaint, cl_opinion_entry_get_content (entry));
  cl_complaint_set_severity (complaint, "minor");
  cl_complaint_store_promise (desk->store, complaint);
  cl_complaint_step (complaint, CL_COMPLAINT_STATE_IN_PROGRESS, opened + 40 * 60, owner);
  cl_complaint_step (complaint, CL_COMPLAINT_STATE_RESOLVED, opened + 26 * 3600, owner);
  cl_complaint_set_resolution (complaint, "检验科增设叫号屏，并电话告知留言者");
  cl_complaint_step (complaint, CL_COMPLAINT_STATE_CLOSED, opened + 50 * 3600, owner);
  cl_complaint_set_satisfaction (complaint, "satisfied");
  if (!cl_demo_desk_write (desk, complaint, error))
    return FALSE;
  cl_opinion_entry_set_complaint_id (entry, id);
  return TRUE;
}

/* The box is opened and the book read every morning: none to three
 * entries a day, fewer at the weekend, today two at least.  Today's
 * first is a commendation; TICKET_DAY's first the complaint made a
 * ticket. */
gboolean
cl_demo_desk_opinions (CLDemoDesk  *desk,
                       GError     **error)
{
  for (gint days_ago = OPINION_DAYS - 1; days_ago >= 0; days_ago--)
    {
      g_autoptr(GRand) rand = cl_demo_desk_rand (desk, SALT_OPINIONS, days_ago);
      g_autofree char *date = NULL;
      GDate day = desk->today;
      guint n;

      cl_demo_date_add (&day, -days_ago);
      date = cl_date_to_iso (&day);
      n = g_rand_int_range (rand, 0, g_date_get_weekday (&day) >= G_DATE_SATURDAY ? 2 : 4);
      if (days_ago == 0)
        n = MAX (n, 2);
      if (days_ago == TICKET_DAY)
        n = MAX (n, 1);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CLOpinionEntry) entry = cl_opinion_entry_new ();
          guint kind = cl_demo_pick_weight_index (rand, kind_weights, G_N_ELEMENTS (kind_weights));
          gboolean book = g_rand_int_range (rand, 0, 100) < 40;
          const Opinion *opinion;
          char id[37];

          cl_demo_make_id (rand, id);
          if (i == 0 && days_ago == 0)
            kind = 1;
          if (i == 0 && days_ago == TICKET_DAY)
            {
              kind = 2;
              book = TRUE;
            }
          opinion = pick_opinion (rand, (const char *[]) { "opinion", "commendation", "complaint" }[kind]);
          if (i == 0 && days_ago == TICKET_DAY)
            opinion = &opinions[G_N_ELEMENTS (opinions) - 2];

          cl_record_set_id (CL_RECORD (entry), id);
          cl_opinion_entry_set_date (entry, date);
          cl_opinion_entry_set_source (entry, book ? "book" : "box");
          cl_opinion_entry_set_kind (entry, opinion->kind);
          cl_opinion_entry_set_content (entry, opinion->content);
          if (opinion->department)
            cl_opinion_entry_set_department_id (entry, cl_demo_desk_department (desk, opinion->department));
          if (i == 0 && days_ago == TICKET_DAY && !write_ticket (desk, rand, entry, error))
            return FALSE;
          if (!cl_demo_desk_write (desk, entry, error))
            return FALSE;
        }
    }
  return TRUE;
}
