#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* One call or counter visit at the service desk (table contact), under
 * first-contact responsibility: whoever took it (the owner) stays
 * responsible until it is closed, even when it is handed over to
 * someone else to settle.  Synced like every record.  The words in
 * channel, category and state are cl_contact_*_to_string()'s. */
#define CL_TYPE_CONTACT (cl_contact_get_type ())
G_DECLARE_FINAL_TYPE (CLContact, cl_contact, CL, CONTACT, CLRecord)

typedef enum
{
  CL_CONTACT_CHANNEL_HOTLINE,
  CL_CONTACT_CHANNEL_COUNTER,
  CL_CONTACT_CHANNEL_WEB,
  CL_CONTACT_CHANNEL_WECHAT,
  CL_CONTACT_CHANNEL_KIOSK,
  CL_CONTACT_N_CHANNELS
} CLContactChannel;

typedef enum
{
  CL_CONTACT_CATEGORY_CONSULTATION,
  CL_CONTACT_CATEGORY_APPOINTMENT,
  CL_CONTACT_CATEGORY_COMPLAINT,
  CL_CONTACT_CATEGORY_REFERRAL,
  CL_CONTACT_CATEGORY_CERTIFICATE,
  CL_CONTACT_CATEGORY_RECORDS_COPY,
  CL_CONTACT_CATEGORY_REPORT_PICKUP,
  CL_CONTACT_CATEGORY_LOST_FOUND,
  CL_CONTACT_CATEGORY_OTHER,
  CL_CONTACT_N_CATEGORIES
} CLContactCategory;

typedef enum
{
  CL_CONTACT_STATE_ANSWERED,     /* answered on the spot */
  CL_CONTACT_STATE_HANDED_OVER,  /* to someone, due by a time */
  CL_CONTACT_STATE_CLOSED,
  CL_CONTACT_N_STATES
} CLContactState;

/* "hotline", "counter", "web", "wechat", "kiosk" */
const char *cl_contact_channel_to_string   (CLContactChannel   channel);
gboolean    cl_contact_channel_from_string (const char        *text,
                                            CLContactChannel  *channel);
/* "consultation", "appointment", "complaint", "referral",
 * "certificate", "records_copy", "report_pickup", "lost_found",
 * "other" */
const char *cl_contact_category_to_string  (CLContactCategory  category);
gboolean    cl_contact_category_from_string (const char       *text,
                                             CLContactCategory *category);
/* "answered", "handed_over", "closed" */
const char *cl_contact_state_to_string     (CLContactState     state);
gboolean    cl_contact_state_from_string   (const char        *text,
                                            CLContactState    *state);

/* What a person reads (translated); the word itself when unknown. */
const char *cl_contact_channel_label       (const char        *channel);
const char *cl_contact_category_label      (const char        *category);
const char *cl_contact_state_label         (const char        *state);

/* A new contact, answered on the spot, at @at by @owner_id. */
CLContact  *cl_contact_new                 (gint64             at,
                                            const char        *owner_id);

gint64      cl_contact_get_contact_at      (CLContact *self);
void        cl_contact_set_contact_at      (CLContact *self, gint64 value);
const char *cl_contact_get_channel         (CLContact *self);
void        cl_contact_set_channel         (CLContact *self, const char *value);
const char *cl_contact_get_caller_name     (CLContact *self);
void        cl_contact_set_caller_name     (CLContact *self, const char *value);
const char *cl_contact_get_caller_phone    (CLContact *self);
void        cl_contact_set_caller_phone    (CLContact *self, const char *value);
/* The patient she called about, or NULL: a caller may be no patient. */
const char *cl_contact_get_patient_id      (CLContact *self);
void        cl_contact_set_patient_id      (CLContact *self, const char *value);
const char *cl_contact_get_category        (CLContact *self);
void        cl_contact_set_category        (CLContact *self, const char *value);
const char *cl_contact_get_summary         (CLContact *self);
void        cl_contact_set_summary         (CLContact *self, const char *value);
/* The staff id of whoever took it. */
const char *cl_contact_get_owner_id        (CLContact *self);
void        cl_contact_set_owner_id        (CLContact *self, const char *value);
const char *cl_contact_get_state           (CLContact *self);
void        cl_contact_set_state           (CLContact *self, const char *value);
/* Handed over: to whom (a staff id), due by (UTC seconds). */
const char *cl_contact_get_handover_to     (CLContact *self);
void        cl_contact_set_handover_to     (CLContact *self, const char *value);
gint64      cl_contact_get_handover_due_at (CLContact *self);
void        cl_contact_set_handover_due_at (CLContact *self, gint64 value);
/* Closed: when, by whom (a staff id, or the user name of an
 * administrator without one), and how it was settled. */
gint64      cl_contact_get_closed_at       (CLContact *self);
void        cl_contact_set_closed_at       (CLContact *self, gint64 value);
const char *cl_contact_get_closed_by       (CLContact *self);
void        cl_contact_set_closed_by       (CLContact *self, const char *value);
const char *cl_contact_get_close_note      (CLContact *self);
void        cl_contact_set_close_note      (CLContact *self, const char *value);

/* Handed over, not closed, not deleted. */
gboolean    cl_contact_is_open             (CLContact *self);
/* Closed (whether handed over first or not). */
gboolean    cl_contact_is_closed           (CLContact *self);
/* Open and past its due time at @now. */
gboolean    cl_contact_is_overdue          (CLContact *self,
                                            gint64     now);

/* The record's own rules, column → translated message, for the desk
 * and the server alike; empty when valid. */
GHashTable *cl_contact_validate            (CLContact *self);

/* The rules of a change of @current (NULL: new) into @incoming, made
 * at @now by the staff member @actor_id (NULL if the user has no staff
 * row) with @role: the owner stays whoever took it; a hand-over, when
 * it is made or moved, names someone else and a due time after @now;
 * only the owner or an administrator closes it.  Adds column →
 * translated message to @errors. */
void        cl_contact_check_change        (CLContact  *incoming,
                                            CLContact  *current,
                                            gint64      now,
                                            const char *actor_id,
                                            const char *role,
                                            GHashTable *errors);

G_END_DECLS
