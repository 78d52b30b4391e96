#define G_LOG_DOMAIN "cl-inspection-store"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <string.h>

#include "cl-date.h"
#include "cl-document-store.h"
#include "cl-inspection-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-inspections.h"
#include "cl-store-save.h"
#include "cl-util.h"

/* Today at the desk or the server, by the same clock as every other
 * rule (cl_schedule_now()). */
static void
today_of_clock (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (cl_schedule_now ());

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static void
merge (GHashTable *into,
       GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    refuse (into, key, value);
}

static gboolean
parse_iso (const char *text,
           GDate      *out)
{
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 10 || !cl_date_parse (text, out, NULL))
    return FALSE;
  iso = cl_date_to_iso (out);
  return g_strcmp0 (iso, text) == 0;
}

void
cl_inspection_store_validate (CLStore      *store,
                              CLInspection *inspection,
                              GHashTable   *errors)
{
  g_autoptr(GHashTable) own = NULL;
  GDate date, today;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_INSPECTION (inspection));

  own = cl_inspection_validate (inspection);
  merge (errors, own);
  if (!cl_store_has_live (store, CL_TYPE_STAFF, cl_inspection_get_inspector_id (inspection)))
    refuse (errors, "inspector_id", _("Choose the inspector from the staff list"));
  today_of_clock (&today);
  if (parse_iso (cl_inspection_get_date (inspection), &date) && g_date_compare (&date, &today) > 0)
    refuse (errors, "date", _("The inspection lies in the future"));
}

void
cl_inspection_store_validate_rectification (CLStore         *store,
                                            CLRectification *rectification,
                                            GHashTable      *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLInspection) inspection = NULL;
  gint64 done_at;
  GDate inspected, deadline;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_RECTIFICATION (rectification));

  own = cl_rectification_validate (rectification);
  merge (errors, own);
  inspection = cl_store_load_live (store, CL_TYPE_INSPECTION, cl_rectification_get_inspection_id (rectification));
  if (inspection == NULL || !cl_inspection_is_failed (inspection))
    {
      refuse (errors, "inspection_id", _("There is no such failed inspection"));
      return;
    }
  if (!parse_iso (cl_inspection_get_date (inspection), &inspected))
    return;
  if (parse_iso (cl_rectification_get_deadline (rectification), &deadline) &&
      g_date_compare (&deadline, &inspected) < 0)
    refuse (errors, "deadline", _("The deadline is before the inspection"));
  done_at = cl_rectification_get_done_at (rectification);
  if (done_at > 0)
    {
      g_autoptr(GDateTime) done = g_date_time_new_from_unix_local (done_at);
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (done), g_date_time_get_month (done),
                      g_date_time_get_year (done));
      if (done_at > cl_schedule_now ())
        refuse (errors, "done_at", _("The fix lies in the future"));
      else if (g_date_compare (&day, &inspected) < 0)
        refuse (errors, "done_at", _("The fix is before the inspection"));
    }
}

gboolean
cl_inspection_store_save (CLStore          *store,
                          CLInspection     *inspection,
                          CLRectification  *rectification,
                          const char       *role,
                          GHashTable      **field_errors,
                          GError          **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLRectification) stored = NULL;
  g_autoptr(CLRectification) rect = NULL;
  g_autoptr(CLInspection) copy = NULL;
  const char *id;
  gboolean failed;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_INSPECTION (inspection), FALSE);
  g_return_val_if_fail (rectification == NULL || CL_IS_RECTIFICATION (rectification), FALSE);

  id = cl_record_get_id (CL_RECORD (inspection));
  cl_inspection_store_validate (store, inspection, errors);
  failed = cl_inspection_is_failed (inspection);
  stored = cl_store_rectification_of (store, id);
  if (failed)
    {
      /* Validated against the inspection as it is about to be, which
       * the store does not hold yet. */
      g_autoptr(GHashTable) own = NULL;
      GDate inspected, deadline;

      rect = rectification ? CL_RECTIFICATION (cl_record_dup (CL_RECORD (rectification)))
                           : stored ? g_object_ref (stored) : cl_rectification_new ();
      /* One rectification per inspection: a new one replaces none. */
      if (stored && !g_str_equal (cl_record_get_id (CL_RECORD (stored)), cl_record_get_id (CL_RECORD (rect))))
        {
          cl_record_set_id (CL_RECORD (rect), cl_record_get_id (CL_RECORD (stored)));
          cl_record_set_rev (CL_RECORD (rect), cl_record_get_rev (CL_RECORD (stored)));
        }
      cl_rectification_set_inspection_id (rect, id);
      own = cl_rectification_validate (rect);
      merge (errors, own);
      if (parse_iso (cl_inspection_get_date (inspection), &inspected) &&
          parse_iso (cl_rectification_get_deadline (rect), &deadline) &&
          g_date_compare (&deadline, &inspected) < 0)
        refuse (errors, "deadline", _("The deadline is before the inspection"));
    }
  else if (stored)
    {
      /* Corrected to a pass: nothing is left to put right. */
      rect = g_object_ref (stored);
      cl_record_set_deleted (CL_RECORD (rect), TRUE);
    }

  if (cl_store_refuse_role (role, "inspection", error) ||
      (rect && cl_store_refuse_role (role, "rectification", error)) ||
      !cl_store_accept_errors (errors, field_errors, error))
    return FALSE;

  copy = CL_INSPECTION (cl_record_dup (CL_RECORD (inspection)));
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!cl_store_write_record (store, CL_RECORD (copy), 0, error) ||
      (rect && !cl_store_write_record (store, CL_RECORD (rect), 0, error)))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  if (!cl_store_commit (store, error))
    return FALSE;
  cl_record_assign (CL_RECORD (inspection), CL_RECORD (copy));
  if (rectification && rect && !cl_record_get_deleted (CL_RECORD (rect)))
    cl_record_assign (CL_RECORD (rectification), CL_RECORD (rect));
  return TRUE;
}

gboolean
cl_inspection_store_mark_rectified (CLStore          *store,
                                    CLRectification  *rectification,
                                    gint64            at,
                                    const char       *by,
                                    const char       *note,
                                    const char       *role,
                                    GHashTable      **field_errors,
                                    GError          **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLRectification) done = NULL;
  g_autofree char *who = NULL;
  g_autofree char *said = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_RECTIFICATION (rectification), FALSE);

  who = g_strstrip (g_strdup (by ? by : ""));
  said = g_strstrip (g_strdup (note ? note : ""));
  done = CL_RECTIFICATION (cl_record_dup (CL_RECORD (rectification)));
  cl_rectification_set_done_at (done, MAX (at, 0));
  cl_rectification_set_done_by (done, who);
  if (*said != '\0')
    cl_rectification_set_note (done, said);
  /* No time is no fix: said at the field rather than saved as open. */
  if (at <= 0)
    refuse (errors, "done_at", _("Enter when it was put right"));
  cl_inspection_store_validate_rectification (store, done, errors);
  if (!cl_store_save_checked (store, CL_RECORD (done), role, errors, field_errors, error))
    return FALSE;
  cl_record_assign (CL_RECORD (rectification), CL_RECORD (done));
  return TRUE;
}

/* ---- attachments ----------------------------------------------------- */

static CLInspectionAttachment *
attach_bytes (CLStore     *store,
              const char  *inspection_id,
              GBytes      *bytes,
              const char  *filename,
              const char  *kind,
              gint         pages,
              const char  *role,
              GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLInspectionAttachment) attachment = cl_inspection_attachment_new ();
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  cl_inspection_attachment_set_inspection_id (attachment, inspection_id);
  cl_inspection_attachment_set_sha256 (attachment, sha256);
  cl_inspection_attachment_set_filename (attachment, filename);
  cl_inspection_attachment_set_kind (attachment, kind);
  cl_inspection_attachment_set_size (attachment, (gint64) g_bytes_get_size (bytes));
  cl_inspection_attachment_set_pages (attachment, pages);
  cl_inspection_attachment_set_imported_at (attachment, cl_schedule_now ());
  cl_inspection_store_validate_record (store, CL_RECORD (attachment), role, errors);
  /* Refused before the blob is written: a refusal writes nothing. */
  if (cl_store_refuse_role (role, "inspection_attachment", error) ||
      !cl_store_accept_errors (errors, NULL, error) ||
      !cl_document_store_write_blob (store, sha256, bytes, error) ||
      !cl_store_save_copy (store, CL_RECORD (attachment), error))
    return NULL;
  return g_steal_pointer (&attachment);
}

CLInspectionAttachment *
cl_inspection_store_attach_pdf (CLStore     *store,
                                const char  *inspection_id,
                                const char  *path,
                                const char  *role,
                                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  gint pages = 0;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!(bytes = cl_document_read_pdf (path, NULL, &pages, NULL, error)))
    return NULL;
  basename = g_path_get_basename (path);
  return attach_bytes (store, inspection_id, bytes, basename, "pdf", pages, role, error);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
cl_inspection_store_photo_pdf (cairo_surface_t *image)
{
  /* A4 in points, with a 1 cm margin. */
  const double page_w = 595.276, page_h = 841.89, margin = 28.35;
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *pdf;
  cairo_t *cr;
  double w, h, scale;

  g_return_val_if_fail (image != NULL, NULL);

  w = cairo_image_surface_get_width (image);
  h = cairo_image_surface_get_height (image);
  pdf = cairo_pdf_surface_create_for_stream (append_bytes, out, page_w, page_h);
  cr = cairo_create (pdf);
  if (w > 0 && h > 0)
    {
      scale = MIN ((page_w - 2 * margin) / w, (page_h - 2 * margin) / h);
      cairo_translate (cr, (page_w - w * scale) / 2, margin);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
    }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  cairo_surface_destroy (pdf);
  return g_byte_array_free_to_bytes (out);
}

CLInspectionAttachment *
cl_inspection_store_attach_photo (CLStore          *store,
                                  const char       *inspection_id,
                                  cairo_surface_t  *image,
                                  const char       *filename,
                                  const char       *role,
                                  GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (image != NULL, NULL);

  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS ||
      cairo_image_surface_get_width (image) <= 0 || cairo_image_surface_get_height (image) <= 0)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, _("The photo could not be read"));
      return NULL;
    }
  bytes = cl_inspection_store_photo_pdf (image);
  return attach_bytes (store, inspection_id, bytes, filename, "photo", 1, role, error);
}

/* ---- the tables' hooks ----------------------------------------------- */

void
cl_inspection_store_validate_record (CLStore     *store,
                                     CLRecord    *record,
                                     const char  *role,
                                     GHashTable  *errors)
{
  g_return_if_fail (CL_IS_STORE (store));

  if (cl_record_get_deleted (record))
    return;
  if (CL_IS_INSPECTION (record))
    cl_inspection_store_validate (store, CL_INSPECTION (record), errors);
  else if (CL_IS_RECTIFICATION (record))
    cl_inspection_store_validate_rectification (store, CL_RECTIFICATION (record), errors);
  else if (CL_IS_INSPECTION_ATTACHMENT (record))
    {
      g_autoptr(GHashTable) own = cl_inspection_attachment_validate (CL_INSPECTION_ATTACHMENT (record));

      merge (errors, own);
      if (!cl_store_has_live (store, CL_TYPE_INSPECTION,
                              cl_inspection_attachment_get_inspection_id (CL_INSPECTION_ATTACHMENT (record))))
        refuse (errors, "inspection_id", _("There is no such inspection"));
    }
}
