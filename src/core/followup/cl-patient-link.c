/* cl-patient-link.c
 *
 * Patient links (cl-patient-link.h): tokens from libsodium's random
 * bytes, stored as their SHA-256.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-patient-link"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "cl-followup-record.h"
#include "cl-patient-link.h"
#include "cl-patient.h"
#include "cl-scale-record.h"
#include "cl-store-save.h"
#include "cl-survey-catalog.h"
#include "cl-survey-people.h"
#include "cl-survey-campaign.h"
#include "cl-util.h"

/* 256 random bits: unguessable however many links are open. */
#define TOKEN_BYTES  32
/* URL-safe base64 without padding of TOKEN_BYTES. */
#define TOKEN_LENGTH 43

static void
ensure_sodium (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&done, 1);
    }
}

char *
cl_patient_link_hash (const char *token)
{
  if (token == NULL || strlen (token) != TOKEN_LENGTH)
    return NULL;
  for (const char *p = token; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return NULL;
  /* The token is 256 random bits: a plain hash is as hard to reverse
   * as guessing it, and a look-up needs no salt. */
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

static gboolean
refuse (GError    **error,
        const char *message)
{
  g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
cl_patient_link_issue (CLStore      *store,
                       const char   *patient_id,
                       const char   *form_kind,
                       const char   *form_id,
                       const char   *item_id,
                       const char   *created_by,
                       gint64        now,
                       gint64        lifetime,
                       char        **token,
                       gint64       *expires_at,
                       GError      **error)
{
  g_autoptr(CLPatient) patient = NULL;
  guchar bytes[TOKEN_BYTES];
  char text[TOKEN_LENGTH + 1];
  g_autofree char *hash = NULL;
  ClStoreLink link = { 0 };

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  if (!cl_str_empty (patient_id))
    patient = CL_PATIENT (cl_store_load_record (store, CL_TYPE_PATIENT, patient_id, NULL));
  if (patient == NULL || cl_record_get_deleted (CL_RECORD (patient)))
    return refuse (error, _("There is no such patient"));
  if (g_strcmp0 (form_kind, CL_PATIENT_LINK_FORM_SURVEY) == 0)
    {
      g_autoptr(CLSurveyCampaign) campaign = cl_store_load_live (store, CL_TYPE_SURVEY_CAMPAIGN, form_id);
      CLSurveyTemplate *template = campaign ? cl_survey_catalog_lookup (cl_survey_campaign_get_template_id (campaign))
                                            : NULL;

      if (template == NULL)
        return refuse (error, _("There is no such survey campaign"));
      if (!cl_survey_campaign_is_open (campaign))
        return refuse (error, _("This campaign is closed and takes no more answers"));
      if (!cl_survey_kind_answers (template, cl_survey_person_kinds ()[0]))
        return refuse (error, _("This survey is for staff: ask staff members only"));
    }
  else if (g_strcmp0 (form_kind, CL_PATIENT_LINK_FORM_SCALE) != 0 || cl_scale_lookup (form_id) == NULL)
    return refuse (error, _("There is no such scale to send"));
  if (!cl_str_empty (item_id))
    {
      g_autoptr(CLRecord) item = cl_store_load_record (store, CL_TYPE_FOLLOWUP_RECORD, item_id, NULL);

      if (item == NULL || cl_record_get_deleted (item) ||
          g_strcmp0 (cl_followup_record_get_patient_id (CL_FOLLOWUP_RECORD (item)), patient_id) != 0)
        return refuse (error, _("The follow-up item is not hers"));
    }
  if (lifetime <= 0)
    return refuse (error, _("A link must stay open for some time"));

  ensure_sodium ();
  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, sizeof bytes);
  hash = cl_patient_link_hash (text);
  g_assert (hash != NULL);

  link.token_hash = hash;
  link.patient_id = (char *) patient_id;
  link.form_kind = (char *) form_kind;
  link.form_id = (char *) form_id;
  link.item_id = cl_str_empty (item_id) ? NULL : (char *) item_id;
  link.created_by = (char *) created_by;
  link.created_at = now;
  link.expires_at = now + lifetime;
  if (!cl_store_links_insert (store, &link, error))
    {
      sodium_memzero (text, sizeof text);
      return FALSE;
    }
  *token = g_strdup (text);
  sodium_memzero (text, sizeof text);
  if (expires_at)
    *expires_at = link.expires_at;
  return TRUE;
}

ClStoreLink *
cl_patient_link_lookup (CLStore             *store,
                        const char          *token,
                        gint64               now,
                        CLPatientLinkState  *state,
                        GError             **error)
{
  g_autofree char *hash = cl_patient_link_hash (token);
  ClStoreLink *link;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (state != NULL, NULL);

  *state = CL_PATIENT_LINK_UNKNOWN;
  if (hash == NULL)
    return NULL;
  link = cl_store_links_lookup (store, hash, error);
  if (link == NULL)
    return NULL;
  if (link->spent_at > 0)
    *state = CL_PATIENT_LINK_SPENT;
  else if (link->expires_at <= now)
    *state = CL_PATIENT_LINK_EXPIRED;
  else
    *state = CL_PATIENT_LINK_OPEN;
  return link;
}

char *
cl_patient_link_url (const char *public_url,
                     const char *token)
{
  g_return_val_if_fail (public_url != NULL, NULL);
  g_return_val_if_fail (token != NULL, NULL);

  return g_strconcat (public_url, g_str_has_suffix (public_url, "/") ? "" : "/", "p/", token, NULL);
}

/* Two-character family names: the common ones, and those the pinyin
 * table reads specially. */
static const char * const compound_surnames[] = {
  "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "万俟", "单于", "长孙",
  "慕容", "令狐", "公孙", "夏侯", "司徒", "宇文", "澹台", "轩辕", "端木", "西门",
  "南宫", "独孤", "呼延", "闻人", "百里", "钟离", "司空", "申屠", "太史", NULL
};

char *
cl_patient_given_name (const char *name)
{
  g_autofree char *trimmed = NULL;
  glong length;

  if (name == NULL)
    return g_strdup ("");
  trimmed = g_strstrip (g_strdup (name));
  if (*trimmed == '\0')
    return g_strdup ("");

  /* A name in Latin letters is written given name first. */
  if (!g_unichar_isalpha (g_utf8_get_char (trimmed)) ||
      g_unichar_get_script (g_utf8_get_char (trimmed)) != G_UNICODE_SCRIPT_HAN)
    {
      const char *space = strchr (trimmed, ' ');

      return space ? g_strndup (trimmed, space - trimmed) : g_strdup (trimmed);
    }

  length = g_utf8_strlen (trimmed, -1);
  if (length >= 4 || length == 3)
    for (guint i = 0; compound_surnames[i]; i++)
      if (g_str_has_prefix (trimmed, compound_surnames[i]))
        return g_strdup (trimmed + strlen (compound_surnames[i]));
  /* A one-character name is all she has; otherwise one character of
   * family name. */
  if (length <= 1)
    return g_strdup (trimmed);
  return g_strdup (g_utf8_next_char (trimmed));
}
