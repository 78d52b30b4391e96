#define G_LOG_DOMAIN "cl-staff"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cl-phone.h"
#include "cl-staff.h"
#include "cl-staff-quals.h"
#include "cl-util.h"

struct _CLStaff
{
  CLRecord parent_instance;

  char     *username;
  char     *display_name;
  char     *role;
  char     *phone;
  char     *roles;
  char     *hours;
  char     *education;
  char     *licence_number;
  char     *licence_expires;
  char     *cpr_date;
  char     *languages;
  gboolean  active;
};

G_DEFINE_FINAL_TYPE (CLStaff, cl_staff, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_USERNAME,
  PROP_DISPLAY_NAME,
  PROP_ROLE,
  PROP_PHONE,
  PROP_ROLES,
  PROP_HOURS,
  PROP_EDUCATION,
  PROP_LICENCE_NUMBER,
  PROP_LICENCE_EXPIRES,
  PROP_CPR_DATE,
  PROP_LANGUAGES,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (CLStaff *self,
              guint    prop_id)
{
  char **fields[] = { NULL, &self->username, &self->display_name, &self->role, &self->phone,
                     &self->roles, &self->hours, &self->education, &self->licence_number,
                     &self->licence_expires, &self->cpr_date, &self->languages };

  g_assert (prop_id > 0 && prop_id < PROP_ACTIVE);

  return fields[prop_id];
}

static void
cl_staff_finalize (GObject *object)
{
  CLStaff *self = CL_STAFF (object);

  for (guint i = 1; i < PROP_ACTIVE; i++)
    g_clear_pointer (string_field (self, i), g_free);

  G_OBJECT_CLASS (cl_staff_parent_class)->finalize (object);
}

static void
cl_staff_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CLStaff *self = CL_STAFF (object);

  if (prop_id > 0 && prop_id < PROP_ACTIVE)
    g_value_set_string (value, *string_field (self, prop_id));
  else if (prop_id == PROP_ACTIVE)
    g_value_set_boolean (value, self->active);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_staff_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CLStaff *self = CL_STAFF (object);

  if (prop_id > 0 && prop_id < PROP_ACTIVE)
    {
      if (cl_set_str (string_field (self, prop_id), g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id == PROP_ACTIVE)
    cl_staff_set_active (self, g_value_get_boolean (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_staff_class_init (CLStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[] = { NULL, "username", "display-name", "role", "phone", "roles", "hours",
                          "education", "licence-number", "licence-expires", "cpr-date", "languages" };

  object_class->finalize = cl_staff_finalize;
  object_class->get_property = cl_staff_get_property;
  object_class->set_property = cl_staff_set_property;

  CL_RECORD_CLASS (klass)->table_name = "staff";

  for (guint i = 1; i < PROP_ACTIVE; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE |
                                         G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_staff_init (CLStaff *self)
{
  self->active = TRUE;
}

CLStaff *
cl_staff_new (const char *username,
              const char *display_name,
              const char *role)
{
  CLStaff *self = CL_STAFF (cl_record_new (CL_TYPE_STAFF));

  g_object_set (self,
                "username", username,
                "display-name", display_name,
                "role", role,
                "roles", role,
                NULL);

  return self;
}

const char *
cl_staff_get_username (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->username;
}

const char *
cl_staff_get_display_name (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->display_name ? self->display_name : self->username;
}

const char *
cl_staff_get_role (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->role;
}

const char *
cl_staff_get_phone (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->phone;
}

const char *
cl_staff_get_education (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->education;
}

const char *
cl_staff_get_licence_number (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->licence_number;
}

const char *
cl_staff_get_licence_expires (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->licence_expires;
}

const char *
cl_staff_get_cpr_date (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->cpr_date;
}

const char *
cl_staff_get_languages (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), NULL);
  return self->languages;
}

gboolean
cl_staff_get_active (CLStaff *self)
{
  g_return_val_if_fail (CL_IS_STAFF (self), FALSE);
  return self->active;
}

void
cl_staff_set_active (CLStaff  *self,
                     gboolean  active)
{
  g_return_if_fail (CL_IS_STAFF (self));

  active = !!active;
  if (self->active != active)
    {
      self->active = active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
}

const char * const *
cl_staff_roles (void)
{
  static const char * const roles[] = {
    CL_ROLE_ADMIN, CL_ROLE_CASE_MANAGER, CL_ROLE_ESCORT, CL_ROLE_VIP_STEWARD,
    CL_ROLE_SERVICE_DESK, CL_ROLE_FINANCE, NULL,
  };

  return roles;
}


const char *
cl_staff_role_label (const char *role)
{
  static const struct { const char *role; const char *label; } labels[] = {
    { CL_ROLE_ADMIN, N_("Administrator") },
    { CL_ROLE_CASE_MANAGER, N_("Case manager") },
    { CL_ROLE_ESCORT, N_("Escort") },
    { CL_ROLE_VIP_STEWARD, N_("VIP room steward") },
    { CL_ROLE_SERVICE_DESK, N_("Service desk") },
    { CL_ROLE_FINANCE, N_("Finance") },
  };

  for (guint i = 0; role && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].role, role))
      return _(labels[i].label);
  return role;
}

char **
cl_staff_dup_roles (CLStaff *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CL_IS_STAFF (self), NULL);

  if (!cl_str_empty (self->roles))
    {
      g_auto(GStrv) parts = g_strsplit (self->roles, " ", -1);

      for (guint i = 0; parts[i]; i++)
        if (*parts[i])
          g_strv_builder_add (builder, parts[i]);
    }
  else if (!cl_str_empty (self->role))
    g_strv_builder_add (builder, self->role);
  return g_strv_builder_end (builder);
}

gboolean
cl_staff_has_role (CLStaff    *self,
                   const char *role)
{
  g_auto(GStrv) roles = NULL;

  g_return_val_if_fail (CL_IS_STAFF (self), FALSE);

  roles = cl_staff_dup_roles (self);
  return role && g_strv_contains ((const char * const *) roles, role);
}

char *
cl_staff_dup_login_role (CLStaff *self)
{
  const char * const *all = cl_staff_roles ();
  g_auto(GStrv) roles = NULL;

  g_return_val_if_fail (CL_IS_STAFF (self), NULL);

  /* The fixed order, not the row's: a hand-written push may list its
   * roles in any order, and the log-in must not depend on it. */
  roles = cl_staff_dup_roles (self);
  for (guint i = 0; all[i]; i++)
    if (g_strv_contains ((const char * const *) roles, all[i]))
      return g_strdup (all[i]);
  return NULL;
}

void
cl_staff_set_roles (CLStaff            *self,
                    const char * const *roles)
{
  const char * const *all = cl_staff_roles ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) sorted = NULL;
  g_autofree char *joined = NULL;

  g_return_if_fail (CL_IS_STAFF (self));

  /* Known roles in their fixed order, so equal sets are equal text
   * (the audit compares them); unknown ones after, for the rules to
   * refuse by name. */
  for (guint i = 0; all[i]; i++)
    if (roles && g_strv_contains (roles, all[i]))
      g_strv_builder_add (builder, all[i]);
  for (guint i = 0; roles && roles[i]; i++)
    if (*roles[i] && !g_strv_contains (all, roles[i]))
      g_strv_builder_add (builder, roles[i]);
  sorted = g_strv_builder_end (builder);
  joined = g_strjoinv (" ", sorted);
  g_object_set (self, "roles", joined, "role", sorted[0], NULL);
}

char *
cl_staff_format_roles (CLStaff *self)
{
  g_auto(GStrv) roles = cl_staff_dup_roles (self);
  GString *text = g_string_new (NULL);

  for (guint i = 0; roles[i]; i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, cl_staff_role_label (roles[i]));
    }
  return g_string_free (text, FALSE);
}

static gboolean
parse_time (const char *text,
            gint       *minutes)
{
  guint h, m;
  char end;

  if (sscanf (text, "%2u:%2u%c", &h, &m, &end) != 2 || h > 24 || m > 59 ||
      (h == 24 && m != 0) || strlen (text) != 5)
    return FALSE;
  *minutes = (gint) (h * 60 + m);
  return TRUE;
}

/* The seven days of @text, Monday first; opens[i] < 0 for a day off.
 * FALSE if @text is not seven such entries. */
static gboolean
parse_hours (const char *text,
             gint        opens[7],
             gint        closes[7])
{
  g_auto(GStrv) days = NULL;

  for (guint i = 0; i < 7; i++)
    {
      opens[i] = CL_STAFF_DAY_OPENS;
      closes[i] = CL_STAFF_DAY_CLOSES;
    }
  if (cl_str_empty (text))
    return TRUE;

  days = g_strsplit (text, " ", -1);
  if (g_strv_length (days) != 7)
    return FALSE;
  for (guint i = 0; i < 7; i++)
    {
      g_auto(GStrv) ends = NULL;

      if (g_str_equal (days[i], "off"))
        {
          opens[i] = closes[i] = -1;
          continue;
        }
      ends = g_strsplit (days[i], "-", -1);
      if (g_strv_length (ends) != 2 ||
          !parse_time (ends[0], &opens[i]) || !parse_time (ends[1], &closes[i]))
        return FALSE;
    }
  return TRUE;
}

gboolean
cl_staff_get_day_hours (CLStaff      *self,
                        GDateWeekday  weekday,
                        gint         *opens,
                        gint         *closes)
{
  gint o[7], c[7];
  guint day;

  g_return_val_if_fail (CL_IS_STAFF (self), FALSE);
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, FALSE);

  day = weekday - G_DATE_MONDAY;
  /* Hours the rules would refuse never reached the store; if some did
   * anyway, the default is the safer reading. */
  if (!parse_hours (self->hours, o, c))
    parse_hours (NULL, o, c);
  if (o[day] < 0)
    {
      *opens = *closes = 0;
      return FALSE;
    }
  *opens = o[day];
  *closes = c[day];
  return TRUE;
}

void
cl_staff_set_day_hours (CLStaff      *self,
                        GDateWeekday  weekday,
                        gint          opens,
                        gint          closes)
{
  gint o[7], c[7];
  GString *text = g_string_new (NULL);
  gboolean all_default = TRUE;
  guint day;

  g_return_if_fail (CL_IS_STAFF (self));
  g_return_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY);

  day = weekday - G_DATE_MONDAY;
  if (!parse_hours (self->hours, o, c))
    parse_hours (NULL, o, c);
  o[day] = opens < 0 ? -1 : opens;
  c[day] = opens < 0 ? -1 : closes;

  for (guint i = 0; i < 7; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      if (o[i] < 0)
        g_string_append (text, "off");
      else
        g_string_append_printf (text, "%02d:%02d-%02d:%02d",
                                o[i] / 60, o[i] % 60, c[i] / 60, c[i] % 60);
      all_default &= o[i] == CL_STAFF_DAY_OPENS && c[i] == CL_STAFF_DAY_CLOSES;
    }
  /* The default stays empty, so a change of the default reaches those
   * who never set their own. */
  g_object_set (self, "hours", all_default ? NULL : text->str, NULL);
  g_string_free (text, TRUE);
}

static void
field_error (GHashTable *errors,
             const char *field,
             char       *message)
{
  if (!g_hash_table_contains (errors, field))
    g_hash_table_insert (errors, g_strdup (field), message);
  else
    g_free (message);
}

GHashTable *
cl_staff_validate (CLStaff *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) roles = NULL;
  gint opens[7], closes[7];

  g_return_val_if_fail (CL_IS_STAFF (self), errors);

  if (cl_str_empty (self->username))
    field_error (errors, "username", g_strdup (_("Enter the user name they log in with")));
  else
    for (const char *p = self->username; *p; p++)
      if (!g_ascii_isalnum (*p) && !strchr ("._-", *p))
        {
          field_error (errors, "username",
                       g_strdup (_("A user name has only Latin letters, digits, “.”, “_” and “-”")));
          break;
        }
  if (cl_str_empty (self->display_name))
    field_error (errors, "display-name", g_strdup (_("Enter the name")));

  roles = cl_staff_dup_roles (self);
  if (roles[0] == NULL)
    field_error (errors, "roles", g_strdup (_("Choose at least one role")));
  for (guint i = 0; roles[i]; i++)
    if (!g_strv_contains (cl_staff_roles (), roles[i]))
      field_error (errors, "roles", g_strdup_printf (_("“%s” is not a role"), roles[i]));

  if (!cl_str_empty (self->phone))
    {
      g_autoptr(GError) phone_error = NULL;

      /* The phone rule's own words, the same as a patient's. */
      if (!cl_phone_validate (self->phone, NULL, &phone_error))
        field_error (errors, "phone", g_strdup (phone_error->message));
    }

  if (!parse_hours (self->hours, opens, closes))
    field_error (errors, "hours",
                 g_strdup (_("Working hours are seven days of HH:MM-HH:MM or “off”")));
  else
    for (guint i = 0; i < 7; i++)
      if (opens[i] >= 0 && closes[i] <= opens[i])
        {
          GDate date;
          char name[64];

          /* 2024-01-01 was a Monday. */
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 1 + i, G_DATE_JANUARY, 2024);
          g_date_strftime (name, sizeof name, "%A", &date);
          field_error (errors, "hours",
                       g_strdup_printf (_("On %s the working hours end before they start"), name));
          break;
        }
  cl_staff_quals_validate (self, errors);
  return errors;
}
