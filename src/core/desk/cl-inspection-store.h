#pragma once

#include <cairo.h>

#include "cl-inspection-attachment.h"
#include "cl-inspection.h"
#include "cl-rectification.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Writing inspections, their rectifications and attachments, at the
 * desk and on the server, with one set of rules and messages.  Reads
 * are cl-store-inspections.h's; the deductions they cause are
 * cl-inspection-rules.h's. */

/* @inspection's rules with the store and the clock (cl_schedule_now()):
 * its own (cl_inspection_validate()), the inspector a live member of
 * staff, the date not after today.  Adds column → message to @errors. */
void     cl_inspection_store_validate   (CLStore          *store,
                                         CLInspection     *inspection,
                                         GHashTable       *errors);

/* @rectification's rules with the store and the clock: its own
 * (cl_rectification_validate()), a live failed inspection, the
 * deadline not before the inspection, done neither before the
 * inspection nor in the future.  Adds column → message to @errors. */
void     cl_inspection_store_validate_rectification (CLStore         *store,
                                                     CLRectification *rectification,
                                                     GHashTable      *errors);

/* Saves @inspection for @role and, in the same transaction, what it
 * opens or closes: a failed inspection needs @rectification (what to
 * put right by when; its inspection is set to @inspection), which is
 * written with it; one that passes (corrected, say) tombstones the
 * rectification it had.  On a refusal CL_STORE_ERROR_INVALID and, if
 * given, @field_errors (column → message, the rectification's as
 * "task" and "deadline"); nothing is written. */
gboolean cl_inspection_store_save       (CLStore          *store,
                                         CLInspection     *inspection,
                                         CLRectification  *rectification,
                                         const char       *role,
                                         GHashTable      **field_errors,
                                         GError          **error);

/* Records that @rectification was put right at @at by @by, with @note
 * when not empty.  On a refusal @rectification is left as it was. */
gboolean cl_inspection_store_mark_rectified (CLStore          *store,
                                             CLRectification  *rectification,
                                             gint64            at,
                                             const char       *by,
                                             const char       *note,
                                             const char       *role,
                                             GHashTable      **field_errors,
                                             GError          **error);

/* Files the PDF at @path (checked and read as the archive reads its
 * reports, cl_document_read_pdf()) with @inspection_id: the blob
 * first, then the record.  Returns the new attachment or NULL with the
 * translated reason; nothing is written then. */
CLInspectionAttachment *cl_inspection_store_attach_pdf   (CLStore     *store,
                                                          const char  *inspection_id,
                                                          const char  *path,
                                                          const char  *role,
                                                          GError     **error);

/* Files a photo, already decoded into @image, as a one-page PDF of it
 * named after @filename (cl_inspection_store_photo_pdf()). */
CLInspectionAttachment *cl_inspection_store_attach_photo (CLStore          *store,
                                                          const char       *inspection_id,
                                                          cairo_surface_t  *image,
                                                          const char       *filename,
                                                          const char       *role,
                                                          GError          **error);

/* A one-page A4 PDF with @image scaled to fit the page. */
GBytes  *cl_inspection_store_photo_pdf  (cairo_surface_t  *image);

/* The tables' hooks (cl-tables.c): the validate hooks of inspection,
 * rectification and inspection_attachment (the rules above, for a
 * pushed change as for the desk's save), and the check hook of
 * inspection and rectification, inside the write transaction of a
 * pushed change. */
void     cl_inspection_store_validate_record (CLStore     *store,
                                              CLRecord    *record,
                                              const char  *role,
                                              GHashTable  *errors);

G_END_DECLS
