#define G_LOG_DOMAIN "cl-inspections-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-blob-sync.h"
#include "cl-cells.h"
#include "cl-date.h"
#include "cl-desk-setting.h"
#include "cl-inspection-dialog.h"
#include "cl-inspection-rules.h"
#include "cl-inspection-store.h"
#include "cl-inspections-page.h"
#include "cl-money.h"
#include "cl-pdf-viewer.h"
#include "cl-rectify-dialog.h"
#include "cl-staff.h"
#include "cl-store-inspections.h"
#include "cl-store-staff.h"

struct _CLInspectionsPage
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel        *month_label;
  GtkLabel        *summary_label;
  GtkWidget       *new_button;
  GtkWidget       *rectify_button;
  GtkWidget       *correct_button;
  GtkWidget       *attach_button;
  GtkWidget       *open_button;
  GtkStack        *list_stack;
  GtkColumnView   *column_view;

  /* owned */
  CLContext          *context;
  CLStore            *store;
  GListStore         *inspections;
  GtkSingleSelection *selection;
  GHashTable         *rectifications;  /* inspection id → CLRectification */
  GHashTable         *attachments;     /* inspection id → GPtrArray of CLInspectionAttachment */
  GHashTable         *names;           /* staff id → display name */
  GCancellable       *cancellable;
  char                month[8];
};

G_DEFINE_FINAL_TYPE (CLInspectionsPage, cl_inspections_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

typedef enum
{
  COL_DATE, COL_POST, COL_INSPECTOR, COL_RESULT, COL_FINDINGS, COL_RECTIFICATION, COL_DEDUCTIONS,
  COL_ATTACHMENTS, N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "date", "post", "inspector", "result", "findings", "rectification", "deductions", "attachments",
};

static void
reload (CLInspectionsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *summary = NULL;
  guint failed = 0, overdue = 0;
  GDate today;

  month_text = cl_date_format_month (self->month);
  gtk_label_set_label (self->month_label, month_text ? month_text : self->month);
  g_hash_table_remove_all (self->rectifications);
  g_hash_table_remove_all (self->attachments);
  g_hash_table_remove_all (self->names);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->inspections);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }
  cl_context_get_today (self->context, &today);
  staff = cl_store_staff_list_all (self->store);
  for (guint i = 0; i < staff->len; i++)
    g_hash_table_insert (self->names, g_strdup (cl_record_get_id (g_ptr_array_index (staff, i))),
                         g_strdup (cl_staff_get_display_name (g_ptr_array_index (staff, i))));
  rows = cl_store_inspections_of_month (self->store, self->month);
  for (guint i = 0; i < rows->len; i++)
    {
      CLInspection *inspection = g_ptr_array_index (rows, i);
      const char *id = cl_record_get_id (CL_RECORD (inspection));
      CLRectification *r = cl_store_rectification_of (self->store, id);

      if (cl_inspection_is_failed (inspection))
        failed++;
      if (r)
        g_hash_table_insert (self->rectifications, g_strdup (id), r);
      g_hash_table_insert (self->attachments, g_strdup (id), cl_store_inspection_attachments (self->store, id));
    }
  /* Overdue ones of any month: one left from last month still counts. */
  open = cl_store_rectifications_live (self->store);
  for (guint i = 0; i < open->len; i++)
    if (cl_rectification_is_overdue (g_ptr_array_index (open, i), &today) &&
        cl_rectification_get_done_at (g_ptr_array_index (open, i)) == 0)
      overdue++;
  g_list_store_splice (self->inspections, 0, g_list_model_get_n_items (G_LIST_MODEL (self->inspections)),
                       rows->pdata, rows->len);
  /* TRANSLATORS: the inspections page's summary: this month's inspections, how many failed, and rectifications past their deadline (of any month) */
  summary = g_strdup_printf (_("Inspections: %u · Failed: %u · Rectifications overdue: %u"), rows->len, failed,
                             overdue);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->list_stack, rows->len ? "list" : "empty");
}

/* ---- cells ----------------------------------------------------------- */

static char *
rectification_text (CLRectification *r,
                    const GDate     *today,
                    gboolean        *flagged)
{
  g_autofree char *deadline = cl_date_format_iso (cl_rectification_get_deadline (r), CL_DATE_SHORT, today);
  gint64 done = cl_rectification_get_done_at (r);

  *flagged = cl_rectification_is_overdue (r, today);
  if (done > 0)
    {
      g_autofree char *when = cl_date_format_time (done, CL_DATE_SHORT, today);

      if (*flagged)
        /* TRANSLATORS: a rectification done after its deadline: when and by whom it was done, its deadline, the task */
        return g_strdup_printf (_("Done late %s by %s (due %s): %s"), when, cl_rectification_get_done_by (r),
                                deadline, cl_rectification_get_task (r));
      /* TRANSLATORS: a rectification done in time: when and by whom, the task */
      return g_strdup_printf (_("Done %s by %s: %s"), when, cl_rectification_get_done_by (r),
                              cl_rectification_get_task (r));
    }
  if (*flagged)
    /* TRANSLATORS: a rectification still open after its deadline, and its task */
    return g_strdup_printf (_("Overdue since %s: %s"), deadline, cl_rectification_get_task (r));
  /* TRANSLATORS: an open rectification's deadline and its task */
  return g_strdup_printf (_("Due %s: %s"), deadline, cl_rectification_get_task (r));
}

static char *
deductions_text (CLInspectionsPage *self,
                 CLInspection      *inspection,
                 CLRectification   *r,
                 const GDate       *today)
{
  g_autoptr(GPtrArray) wanted = NULL;
  GString *text = g_string_new (NULL);
  gint64 cooperation_fen, overdue_fen;

  /* What the contract's rules take for it, as finance's statement will
   * (cl-inspection-rules.h); the service desk does not see the money
   * tables, so the rules are asked, not the deductions. */
  cl_inspection_rules_amounts (self->store, &cooperation_fen, &overdue_fen);
  wanted = cl_inspection_rules_wanted (inspection, r, today, cooperation_fen, overdue_fen);
  for (guint i = 0; i < wanted->len; i++)
    {
      g_autofree char *amount = cl_money_format_display (cl_deduction_get_amount_fen (g_ptr_array_index (wanted, i)));

      if (text->len)
        g_string_append (text, " + ");
      g_string_append (text, amount);
    }
  return g_string_free (text, FALSE);
}

static char *
cell_text (CLInspectionsPage *self,
           CLInspection      *inspection,
           Column             column,
           gboolean          *flagged)
{
  const char *id = cl_record_get_id (CL_RECORD (inspection));
  CLRectification *r = g_hash_table_lookup (self->rectifications, id);
  GPtrArray *files = g_hash_table_lookup (self->attachments, id);
  const char *text = NULL;
  GDate today;

  *flagged = FALSE;
  cl_context_get_today (self->context, &today);
  switch (column)
    {
    case COL_DATE:
      return cl_date_format_iso (cl_inspection_get_date (inspection), CL_DATE_SHORT, &today);
    case COL_POST:
      text = cl_inspection_get_post (inspection);
      break;
    case COL_INSPECTOR:
      text = g_hash_table_lookup (self->names, cl_inspection_get_inspector_id (inspection) ?: "");
      break;
    case COL_RESULT:
      if (!cl_inspection_is_failed (inspection))
        return g_strdup (_("Passed"));
      {
        g_autofree char *items = cl_inspection_format_failed (inspection);

        if (cl_inspection_get_poor_cooperation (inspection))
          /* TRANSLATORS: a failed inspection: the failed items, and that poor cooperation caused it */
          return g_strdup_printf (_("Failed: %s (poor cooperation)"), items);
        /* TRANSLATORS: a failed inspection and its failed items */
        return g_strdup_printf (_("Failed: %s"), items);
      }
    case COL_FINDINGS:
      text = cl_inspection_get_findings (inspection);
      break;
    case COL_RECTIFICATION:
      if (r)
        return rectification_text (r, &today, flagged);
      break;
    case COL_DEDUCTIONS:
      return deductions_text (self, inspection, r, &today);
    case COL_ATTACHMENTS:
    default:
      if (files && files->len)
        /* TRANSLATORS: how many photos and PDFs an inspection has */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", files->len), files->len);
      break;
    }
  return g_strdup (text ? text : "");
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CLInspectionsPage        *self)
{
  Column column = cl_cells_column_index (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  gboolean flagged;

  text = cell_text (self, gtk_list_item_get_item (item), column, &flagged);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  /* Red, and said in words too ("overdue"). */
  if (flagged)
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_remove_css_class (label, "heading");
    }
}

static void
add_columns (CLInspectionsPage *self)
{
  const char *titles[N_COLUMNS] = {
    _("Date"), _("Post"), _("Inspector"), _("Result"), _("Findings"), _("Rectification"), _("Deductions"),
    _("Attachments"),
  };

  cl_cells_append_columns (self->column_view, titles, N_COLUMNS, G_CALLBACK (cl_cells_setup_text),
                           G_CALLBACK (bind_cb), self, 1u << COL_RESULT | 1u << COL_RECTIFICATION);
}

/* ---- actions --------------------------------------------------------- */

static CLInspection *
selected (CLInspectionsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_buttons (CLInspectionsPage *self)
{
  CLInspection *inspection = selected (self);
  CLRectification *r = inspection ? g_hash_table_lookup (self->rectifications,
                                                         cl_record_get_id (CL_RECORD (inspection))) : NULL;
  GPtrArray *files = inspection ? g_hash_table_lookup (self->attachments,
                                                       cl_record_get_id (CL_RECORD (inspection))) : NULL;
  gboolean may = self->store != NULL && cl_context_may (self->context, CL_WRITE, "inspection");

  gtk_widget_set_sensitive (self->new_button, may);
  gtk_widget_set_sensitive (self->rectify_button, may && r != NULL && cl_rectification_get_done_at (r) == 0);
  gtk_widget_set_sensitive (self->correct_button, may && inspection != NULL);
  gtk_widget_set_sensitive (self->attach_button,
                            inspection != NULL && cl_context_may (self->context, CL_WRITE, "inspection_attachment"));
  gtk_widget_set_sensitive (self->open_button, files != NULL && files->len > 0);
}

static void
saved_cb (CLInspectionsPage *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Saved")));
}

GtkWindow *
cl_inspections_page_open_new (CLInspectionsPage *self)
{
  CLInspectionDialog *dialog;

  g_return_val_if_fail (CL_IS_INSPECTIONS_PAGE (self), NULL);

  if (self->store == NULL || !cl_context_may (self->context, CL_WRITE, "inspection"))
    return NULL;
  dialog = cl_inspection_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
cl_inspections_page_open_correct (CLInspectionsPage *self,
                                  guint              i)
{
  g_autoptr(CLInspection) inspection = NULL;
  CLInspectionDialog *dialog;

  g_return_val_if_fail (CL_IS_INSPECTIONS_PAGE (self), NULL);

  inspection = g_list_model_get_item (G_LIST_MODEL (self->inspections), i);
  if (inspection == NULL || !cl_context_may (self->context, CL_WRITE, "inspection"))
    return NULL;
  dialog = cl_inspection_dialog_new_correction (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                                inspection,
                                                g_hash_table_lookup (self->rectifications,
                                                                     cl_record_get_id (CL_RECORD (inspection))));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
cl_inspections_page_open_rectify (CLInspectionsPage *self,
                                  guint              i)
{
  g_autoptr(CLInspection) inspection = NULL;
  CLRectification *r;
  CLRectifyDialog *dialog;

  g_return_val_if_fail (CL_IS_INSPECTIONS_PAGE (self), NULL);

  inspection = g_list_model_get_item (G_LIST_MODEL (self->inspections), i);
  if (inspection == NULL)
    return NULL;
  r = g_hash_table_lookup (self->rectifications, cl_record_get_id (CL_RECORD (inspection)));
  if (r == NULL || cl_rectification_get_done_at (r) != 0)
    return NULL;
  dialog = cl_rectify_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context, r);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

gboolean
cl_inspections_page_attach_path (CLInspectionsPage  *self,
                                 guint               i,
                                 const char         *path,
                                 GError            **error)
{
  g_autoptr(CLInspection) inspection = NULL;
  g_autoptr(CLInspectionAttachment) attachment = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  const char *type = NULL;
  const char *role;

  g_return_val_if_fail (CL_IS_INSPECTIONS_PAGE (self), FALSE);

  inspection = g_list_model_get_item (G_LIST_MODEL (self->inspections), i);
  if (inspection == NULL || self->store == NULL)
    return FALSE;
  role = cl_context_get_role (self->context);
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info)
    type = g_file_info_get_content_type (info);
  if (type && g_content_type_is_mime_type (type, "image/*"))
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree char *basename = g_path_get_basename (path);
      cairo_surface_t *image;

      /* GDK decodes the photo (PNG, JPEG, TIFF); core files it. */
      if (!(texture = gdk_texture_new_from_file (file, NULL)))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The photo could not be read"));
          return FALSE;
        }
      image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (texture),
                                          gdk_texture_get_height (texture));
      gdk_texture_download (texture, cairo_image_surface_get_data (image), cairo_image_surface_get_stride (image));
      cairo_surface_mark_dirty (image);
      attachment = cl_inspection_store_attach_photo (self->store, cl_record_get_id (CL_RECORD (inspection)), image,
                                                     basename, role, error);
      cairo_surface_destroy (image);
    }
  else
    attachment = cl_inspection_store_attach_pdf (self->store, cl_record_get_id (CL_RECORD (inspection)), path, role,
                                                 error);
  if (attachment == NULL)
    return FALSE;
  reload (self);
  return TRUE;
}

static void
attach_response_cb (GtkNativeDialog   *chooser,
                    int                response,
                    CLInspectionsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint i = gtk_single_selection_get_selected (self->selection);

  if (response == GTK_RESPONSE_ACCEPT && i != GTK_INVALID_LIST_POSITION &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) && (path = g_file_get_path (file)))
    {
      if (cl_inspections_page_attach_path (self, i, path, &error))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Attached")));
      else if (error)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  g_object_unref (chooser);
}

static void
attach_clicked_cb (CLInspectionsPage *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Attach Photo or PDF"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  gtk_file_filter_set_name (filter, _("Photos and PDFs"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (attach_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CLPdfViewer) viewer = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cl_blob_sync_open_finish (result, &error);

  if (path)
    cl_pdf_viewer_open (viewer, path);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cl_pdf_viewer_show_error (viewer, error->message);
}

GtkWindow *
cl_inspections_page_open_attachment (CLInspectionsPage *self,
                                     guint              i)
{
  g_autoptr(CLInspection) inspection = NULL;
  CLInspectionAttachment *attachment;
  GtkWidget *window, *viewer, *box;
  GPtrArray *files;

  g_return_val_if_fail (CL_IS_INSPECTIONS_PAGE (self), NULL);

  inspection = g_list_model_get_item (G_LIST_MODEL (self->inspections), i);
  if (inspection == NULL)
    return NULL;
  files = g_hash_table_lookup (self->attachments, cl_record_get_id (CL_RECORD (inspection)));
  if (files == NULL || files->len == 0)
    return NULL;
  attachment = g_ptr_array_index (files, 0);
  /* The archive's viewer, in a window of its own. */
  window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_title (GTK_WINDOW (window), cl_inspection_attachment_get_filename (attachment));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  viewer = cl_pdf_viewer_new ();
  gtk_widget_set_vexpand (viewer, TRUE);
  gtk_box_append (GTK_BOX (box), viewer);
  adw_window_set_content (ADW_WINDOW (window), box);
  cl_pdf_viewer_show_loading (CL_PDF_VIEWER (viewer));
  cl_blob_sync_fetch_async (self->store, cl_context_get_sync_client (self->context),
                            cl_inspection_attachment_get_sha256 (attachment), self->cancellable, fetched_cb,
                            g_object_ref (viewer));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
new_clicked_cb (CLInspectionsPage *self)
{
  cl_inspections_page_open_new (self);
}

static void
correct_clicked_cb (CLInspectionsPage *self)
{
  guint i = gtk_single_selection_get_selected (self->selection);

  if (i != GTK_INVALID_LIST_POSITION)
    cl_inspections_page_open_correct (self, i);
}

static void
rectify_clicked_cb (CLInspectionsPage *self)
{
  guint i = gtk_single_selection_get_selected (self->selection);

  if (i != GTK_INVALID_LIST_POSITION)
    cl_inspections_page_open_rectify (self, i);
}

static void
open_clicked_cb (CLInspectionsPage *self)
{
  guint i = gtk_single_selection_get_selected (self->selection);

  if (i != GTK_INVALID_LIST_POSITION)
    cl_inspections_page_open_attachment (self, i);
}

static void
row_activated_cb (CLInspectionsPage *self,
                  guint              position)
{
  cl_inspections_page_open_attachment (self, position);
}

void
cl_inspections_page_step_month (CLInspectionsPage *self,
                                int                months)
{
  GDate first;
  int year, month;

  g_return_if_fail (CL_IS_INSPECTIONS_PAGE (self));

  if (sscanf (self->month, "%d-%d", &year, &month) != 2)
    return;
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  if (months > 0)
    g_date_add_months (&first, months);
  else
    g_date_subtract_months (&first, -months);
  g_snprintf (self->month, sizeof self->month, "%04d-%02d", g_date_get_year (&first), g_date_get_month (&first));
  reload (self);
  update_buttons (self);
}

static void
previous_clicked_cb (CLInspectionsPage *self)
{
  cl_inspections_page_step_month (self, -1);
}

static void
next_clicked_cb (CLInspectionsPage *self)
{
  cl_inspections_page_step_month (self, 1);
}

/* ---- the context ----------------------------------------------------- */

static void
store_changed_cb (CLInspectionsPage *self)
{
  reload (self);
  update_buttons (self);
}

static void
context_changed_cb (CLInspectionsPage *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (store != self->store)
    {
      static const char * const signals[] = {
        "changed::inspection", "changed::rectification", "changed::inspection_attachment", "changed::desk_setting",
      };

      if (self->store)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      for (guint i = 0; store && i < G_N_ELEMENTS (signals); i++)
        g_signal_connect_object (store, signals[i], G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), cl_context_may (self->context, CL_READ, "inspection"));
  reload (self);
  update_buttons (self);
}

static void
cl_inspections_page_constructed (GObject *object)
{
  CLInspectionsPage *self = CL_INSPECTIONS_PAGE (object);
  GDate today;

  G_OBJECT_CLASS (cl_inspections_page_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  cl_context_get_today (self->context, &today);
  g_snprintf (self->month, sizeof self->month, "%04d-%02d", g_date_get_year (&today), g_date_get_month (&today));
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  context_changed_cb (self);
}

static void
cl_inspections_page_dispose (GObject *object)
{
  CLInspectionsPage *self = CL_INSPECTIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_INSPECTIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->inspections);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rectifications, g_hash_table_unref);
  g_clear_pointer (&self->attachments, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  G_OBJECT_CLASS (cl_inspections_page_parent_class)->dispose (object);
}

static void
cl_inspections_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CLInspectionsPage *self = CL_INSPECTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_inspections_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CLInspectionsPage *self = CL_INSPECTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_inspections_page_class_init (CLInspectionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cl_inspections_page_constructed;
  object_class->dispose = cl_inspections_page_dispose;
  object_class->set_property = cl_inspections_page_set_property;
  object_class->get_property = cl_inspections_page_get_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/quality/cl-inspections-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CLInspectionsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLInspectionsPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, CLInspectionsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CLInspectionsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, CLInspectionsPage, rectify_button);
  gtk_widget_class_bind_template_child (widget_class, CLInspectionsPage, correct_button);
  gtk_widget_class_bind_template_child (widget_class, CLInspectionsPage, attach_button);
  gtk_widget_class_bind_template_child (widget_class, CLInspectionsPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, CLInspectionsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CLInspectionsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, rectify_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, correct_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, attach_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_inspections_page_init (CLInspectionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rectifications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->attachments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->inspections = g_list_store_new (CL_TYPE_INSPECTION);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->inspections)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_buttons), self,
                           G_CONNECT_SWAPPED);
  add_columns (self);
}

GtkWidget *
cl_inspections_page_new (CLContext *context)
{
  return g_object_new (CL_TYPE_INSPECTIONS_PAGE, "context", context, NULL);
}

const char *
cl_inspections_page_get_month (CLInspectionsPage *self)
{
  g_return_val_if_fail (CL_IS_INSPECTIONS_PAGE (self), NULL);
  return self->month;
}

guint
cl_inspections_page_get_n_rows (CLInspectionsPage *self)
{
  g_return_val_if_fail (CL_IS_INSPECTIONS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->inspections));
}

char *
cl_inspections_page_dup_cell (CLInspectionsPage *self,
                              guint              i,
                              const char        *column,
                              gboolean          *flagged)
{
  g_autoptr(CLInspection) inspection = NULL;
  gboolean dummy;

  g_return_val_if_fail (CL_IS_INSPECTIONS_PAGE (self), NULL);

  inspection = g_list_model_get_item (G_LIST_MODEL (self->inspections), i);
  for (guint c = 0; inspection && c < N_COLUMNS; c++)
    if (g_strcmp0 (column, column_names[c]) == 0)
      return cell_text (self, inspection, c, flagged ? flagged : &dummy);
  return NULL;
}

const char *
cl_inspections_page_get_summary (CLInspectionsPage *self)
{
  g_return_val_if_fail (CL_IS_INSPECTIONS_PAGE (self), NULL);
  return gtk_label_get_label (self->summary_label);
}
