#define G_LOG_DOMAIN "cl-contact"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-choice.h"
#include "cl-contact.h"
#include "cl-staff.h"
#include "cl-util.h"

/* The text columns, in the order of the properties. */
enum {
  F_CHANNEL,
  F_CALLER_NAME,
  F_CALLER_PHONE,
  F_PATIENT_ID,
  F_CATEGORY,
  F_SUMMARY,
  F_OWNER_ID,
  F_STATE,
  F_HANDOVER_TO,
  F_CLOSED_BY,
  F_CLOSE_NOTE,
  N_TEXT
};

static const char * const text_names[N_TEXT] = {
  "channel", "caller-name", "caller-phone", "patient-id", "category",
  "summary", "owner-id", "state", "handover-to", "closed-by", "close-note",
};

enum {
  I_CONTACT_AT,
  I_HANDOVER_DUE_AT,
  I_CLOSED_AT,
  N_INT
};

static const char * const int_names[N_INT] = {
  "contact-at", "handover-due-at", "closed-at",
};

/* A summary is what was asked and answered, a sentence or two; a name
 * is a name; a phone is typed as the caller says it (an extension, a
 * landline), so only its length is bounded. */
#define MAX_SUMMARY 2000
#define MAX_NAME    50
#define MAX_PHONE   30

struct _CLContact
{
  CLRecord parent_instance;

  char   *text[N_TEXT];
  gint64  ints[N_INT];
};

G_DEFINE_FINAL_TYPE (CLContact, cl_contact, CL_TYPE_RECORD)

#define N_PROPS (1 + N_TEXT + N_INT)
static GParamSpec *properties[N_PROPS];

static const char * const channels[] = {
  "hotline", "counter", "web", "wechat", "kiosk",
};
static const char * const categories[] = {
  "consultation", "appointment", "complaint", "referral", "certificate",
  "records_copy", "report_pickup", "lost_found", "other",
};
static const char * const states[] = {
  "answered", "handed_over", "closed",
};

G_STATIC_ASSERT (G_N_ELEMENTS (channels) == CL_CONTACT_N_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (categories) == CL_CONTACT_N_CATEGORIES);
G_STATIC_ASSERT (G_N_ELEMENTS (states) == CL_CONTACT_N_STATES);

const char *
cl_contact_channel_to_string (CLContactChannel channel)
{
  g_return_val_if_fail (channel < CL_CONTACT_N_CHANNELS, NULL);
  return channels[channel];
}

gboolean
cl_contact_channel_from_string (const char       *text,
                                CLContactChannel *channel)
{
  guint i;

  if (!cl_choice_word_index (channels, G_N_ELEMENTS (channels), text, &i))
    return FALSE;
  *channel = i;
  return TRUE;
}

const char *
cl_contact_category_to_string (CLContactCategory category)
{
  g_return_val_if_fail (category < CL_CONTACT_N_CATEGORIES, NULL);
  return categories[category];
}

gboolean
cl_contact_category_from_string (const char        *text,
                                 CLContactCategory *category)
{
  guint i;

  if (!cl_choice_word_index (categories, G_N_ELEMENTS (categories), text, &i))
    return FALSE;
  *category = i;
  return TRUE;
}

const char *
cl_contact_state_to_string (CLContactState state)
{
  g_return_val_if_fail (state < CL_CONTACT_N_STATES, NULL);
  return states[state];
}

gboolean
cl_contact_state_from_string (const char     *text,
                              CLContactState *state)
{
  guint i;

  if (!cl_choice_word_index (states, G_N_ELEMENTS (states), text, &i))
    return FALSE;
  *state = i;
  return TRUE;
}

const char *
cl_contact_channel_label (const char *channel)
{
  static const char * const labels[] = {
    N_("Hotline"), N_("Counter"), N_("Web"), N_("WeChat"), N_("Kiosk"),
  };
  CLContactChannel value;

  if (!cl_contact_channel_from_string (channel, &value))
    return channel ? channel : "";
  return _(labels[value]);
}

const char *
cl_contact_category_label (const char *category)
{
  static const char * const labels[] = {
    N_("Consultation"), N_("Appointment"), N_("Complaint"), N_("Referral"),
    N_("Stamp or certificate"), N_("Records copy"), N_("Report pick-up"),
    N_("Lost and found"), N_("Other"),
  };
  CLContactCategory value;

  if (!cl_contact_category_from_string (category, &value))
    return category ? category : "";
  return _(labels[value]);
}

const char *
cl_contact_state_label (const char *state)
{
  static const char * const labels[] = {
    N_("Answered on the spot"), N_("Handed over"), N_("Closed"),
  };
  CLContactState value;

  if (!cl_contact_state_from_string (state, &value))
    return state ? state : "";
  return _(labels[value]);
}

static void
cl_contact_finalize (GObject *object)
{
  CLContact *self = CL_CONTACT (object);

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (cl_contact_parent_class)->finalize (object);
}

static void
cl_contact_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CLContact *self = CL_CONTACT (object);

  if (prop_id >= 1 && prop_id <= N_TEXT)
    g_value_set_string (value, self->text[prop_id - 1]);
  else if (prop_id > N_TEXT && prop_id < N_PROPS)
    g_value_set_int64 (value, self->ints[prop_id - 1 - N_TEXT]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_contact_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CLContact *self = CL_CONTACT (object);

  if (prop_id >= 1 && prop_id <= N_TEXT)
    cl_set_str (&self->text[prop_id - 1], g_value_get_string (value));
  else if (prop_id > N_TEXT && prop_id < N_PROPS)
    self->ints[prop_id - 1 - N_TEXT] = g_value_get_int64 (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_contact_class_init (CLContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cl_contact_finalize;
  object_class->get_property = cl_contact_get_property;
  object_class->set_property = cl_contact_set_property;
  CL_RECORD_CLASS (klass)->table_name = "contact";

  for (guint i = 0; i < N_TEXT; i++)
    properties[1 + i] = g_param_spec_string (text_names[i], NULL, NULL, NULL, flags);
  for (guint i = 0; i < N_INT; i++)
    properties[1 + N_TEXT + i] = g_param_spec_int64 (int_names[i], NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_contact_init (CLContact *self)
{
}

CLContact *
cl_contact_new (gint64      at,
                const char *owner_id)
{
  CLContact *self = CL_CONTACT (cl_record_new (CL_TYPE_CONTACT));

  self->ints[I_CONTACT_AT] = at;
  self->text[F_OWNER_ID] = g_strdup (owner_id);
  self->text[F_STATE] = g_strdup (states[CL_CONTACT_STATE_ANSWERED]);
  return self;
}

static void
set_text (CLContact  *self,
          guint       field,
          const char *value)
{
  g_return_if_fail (CL_IS_CONTACT (self));

  if (cl_set_str (&self->text[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[1 + field]);
}

static void
set_int (CLContact *self,
         guint      field,
         gint64     value)
{
  g_return_if_fail (CL_IS_CONTACT (self));

  if (self->ints[field] == value)
    return;
  self->ints[field] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[1 + N_TEXT + field]);
}

#define TEXT_ACCESSORS(name, FIELD) \
  const char * \
  cl_contact_get_##name (CLContact *self) \
  { \
    g_return_val_if_fail (CL_IS_CONTACT (self), NULL); \
    return self->text[FIELD]; \
  } \
  void \
  cl_contact_set_##name (CLContact  *self, \
                         const char *value) \
  { \
    set_text (self, FIELD, value); \
  }

#define INT_ACCESSORS(name, FIELD) \
  gint64 \
  cl_contact_get_##name (CLContact *self) \
  { \
    g_return_val_if_fail (CL_IS_CONTACT (self), 0); \
    return self->ints[FIELD]; \
  } \
  void \
  cl_contact_set_##name (CLContact *self, \
                         gint64     value) \
  { \
    set_int (self, FIELD, value); \
  }

TEXT_ACCESSORS (channel, F_CHANNEL)
TEXT_ACCESSORS (caller_name, F_CALLER_NAME)
TEXT_ACCESSORS (caller_phone, F_CALLER_PHONE)
TEXT_ACCESSORS (patient_id, F_PATIENT_ID)
TEXT_ACCESSORS (category, F_CATEGORY)
TEXT_ACCESSORS (summary, F_SUMMARY)
TEXT_ACCESSORS (owner_id, F_OWNER_ID)
TEXT_ACCESSORS (state, F_STATE)
TEXT_ACCESSORS (handover_to, F_HANDOVER_TO)
TEXT_ACCESSORS (closed_by, F_CLOSED_BY)
TEXT_ACCESSORS (close_note, F_CLOSE_NOTE)
INT_ACCESSORS (contact_at, I_CONTACT_AT)
INT_ACCESSORS (handover_due_at, I_HANDOVER_DUE_AT)
INT_ACCESSORS (closed_at, I_CLOSED_AT)

gboolean
cl_contact_is_open (CLContact *self)
{
  g_return_val_if_fail (CL_IS_CONTACT (self), FALSE);

  return !cl_record_get_deleted (CL_RECORD (self)) &&
         g_strcmp0 (self->text[F_STATE], states[CL_CONTACT_STATE_HANDED_OVER]) == 0;
}

gboolean
cl_contact_is_closed (CLContact *self)
{
  g_return_val_if_fail (CL_IS_CONTACT (self), FALSE);
  return g_strcmp0 (self->text[F_STATE], states[CL_CONTACT_STATE_CLOSED]) == 0;
}

gboolean
cl_contact_is_overdue (CLContact *self,
                       gint64     now)
{
  g_return_val_if_fail (CL_IS_CONTACT (self), FALSE);

  return cl_contact_is_open (self) && self->ints[I_HANDOVER_DUE_AT] <= now;
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static gboolean
blank (const char *text)
{
  g_autofree char *copy = NULL;

  return text == NULL || *g_strstrip (copy = g_strdup (text)) == '\0';
}

GHashTable *
cl_contact_validate (CLContact *self)
{
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CLContactChannel channel;
  CLContactCategory category;
  CLContactState state;

  g_return_val_if_fail (CL_IS_CONTACT (self), errors);

  if (self->ints[I_CONTACT_AT] <= 0)
    refuse (errors, "contact_at", _("A contact needs the time it was taken"));
  if (!cl_contact_channel_from_string (self->text[F_CHANNEL], &channel))
    refuse (errors, "channel", _("Choose hotline, counter, web, WeChat or kiosk"));
  if (!cl_contact_category_from_string (self->text[F_CATEGORY], &category))
    refuse (errors, "category", _("Choose what the contact was about"));
  if (blank (self->text[F_CALLER_NAME]) && blank (self->text[F_CALLER_PHONE]) &&
      cl_str_empty (self->text[F_PATIENT_ID]))
    refuse (errors, "caller_name", _("Say who called: a name, a phone number or the patient"));
  else if (self->text[F_CALLER_NAME] && g_utf8_strlen (self->text[F_CALLER_NAME], -1) > MAX_NAME)
    refuse (errors, "caller_name", _("The name is too long (at most 50 characters)"));
  if (self->text[F_CALLER_PHONE] && g_utf8_strlen (self->text[F_CALLER_PHONE], -1) > MAX_PHONE)
    refuse (errors, "caller_phone", _("The phone number is too long (at most 30 characters)"));
  if (blank (self->text[F_SUMMARY]))
    refuse (errors, "summary", _("Say in a few words what was asked and answered"));
  else if (g_utf8_strlen (self->text[F_SUMMARY], -1) > MAX_SUMMARY)
    refuse (errors, "summary", _("At most 2000 characters"));
  if (cl_str_empty (self->text[F_OWNER_ID]))
    refuse (errors, "owner_id", _("A contact needs whoever took it"));

  if (!cl_contact_state_from_string (self->text[F_STATE], &state))
    refuse (errors, "state", _("A contact is answered on the spot, handed over or closed"));
  else if (state == CL_CONTACT_STATE_HANDED_OVER || state == CL_CONTACT_STATE_CLOSED)
    {
      /* A closed contact that was handed over keeps whom it went to;
       * one answered on the spot and closed later has none. */
      if (state == CL_CONTACT_STATE_HANDED_OVER && cl_str_empty (self->text[F_HANDOVER_TO]))
        refuse (errors, "handover_to", _("Choose whom to hand it over to"));
      else if (!cl_str_empty (self->text[F_HANDOVER_TO]) &&
               g_strcmp0 (self->text[F_HANDOVER_TO], self->text[F_OWNER_ID]) == 0)
        refuse (errors, "handover_to", _("Hand it over to someone else: you stay responsible for it anyway"));
      if (state == CL_CONTACT_STATE_HANDED_OVER && self->ints[I_HANDOVER_DUE_AT] <= 0)
        refuse (errors, "handover_due_at", _("Say by when it must be settled"));
      if (state == CL_CONTACT_STATE_CLOSED)
        {
          if (self->ints[I_CLOSED_AT] <= 0 || cl_str_empty (self->text[F_CLOSED_BY]))
            refuse (errors, "closed_at", _("A closed contact needs when and by whom it was closed"));
          if (blank (self->text[F_CLOSE_NOTE]))
            refuse (errors, "close_note", _("Say how it was settled"));
          else if (g_utf8_strlen (self->text[F_CLOSE_NOTE], -1) > MAX_SUMMARY)
            refuse (errors, "close_note", _("At most 2000 characters"));
        }
    }
  return errors;
}

void
cl_contact_check_change (CLContact  *incoming,
                         CLContact  *current,
                         gint64      now,
                         const char *actor_id,
                         const char *role,
                         GHashTable *errors)
{
  CLContactState state, was = CL_CONTACT_STATE_ANSWERED;
  gboolean admin = g_strcmp0 (role, CL_ROLE_ADMIN) == 0;

  g_return_if_fail (CL_IS_CONTACT (incoming));
  g_return_if_fail (current == NULL || CL_IS_CONTACT (current));
  g_return_if_fail (errors != NULL);

  if (!cl_contact_state_from_string (incoming->text[F_STATE], &state))
    return;  /* cl_contact_validate() says so */
  if (current)
    cl_contact_state_from_string (current->text[F_STATE], &was);

  /* First-contact responsibility: whoever took it keeps it. */
  if (current && g_strcmp0 (incoming->text[F_OWNER_ID], current->text[F_OWNER_ID]) != 0)
    refuse (errors, "owner_id", _("Whoever took the contact stays its owner"));

  /* A hand-over made now, or moved to someone else or another time,
   * must leave time to settle it; one made earlier keeps its time and
   * may run late, which is what overdue means. */
  if (state == CL_CONTACT_STATE_HANDED_OVER &&
      (current == NULL || was != CL_CONTACT_STATE_HANDED_OVER ||
       g_strcmp0 (incoming->text[F_HANDOVER_TO], current->text[F_HANDOVER_TO]) != 0 ||
       incoming->ints[I_HANDOVER_DUE_AT] != current->ints[I_HANDOVER_DUE_AT]) &&
      incoming->ints[I_HANDOVER_DUE_AT] > 0 && incoming->ints[I_HANDOVER_DUE_AT] <= now)
    refuse (errors, "handover_due_at", _("The due time has already passed; choose a later one"));

  if (state == CL_CONTACT_STATE_CLOSED && (current == NULL || was != CL_CONTACT_STATE_CLOSED) &&
      !admin && (actor_id == NULL || g_strcmp0 (actor_id, incoming->text[F_OWNER_ID]) != 0))
    refuse (errors, "state", _("Only whoever took the contact, or an administrator, may close it"));

  /* A closed contact is history. */
  if (current && was == CL_CONTACT_STATE_CLOSED && state != CL_CONTACT_STATE_CLOSED && !admin)
    refuse (errors, "state", _("A closed contact stays closed"));
}
