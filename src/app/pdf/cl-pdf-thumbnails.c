/* cl-pdf-thumbnails.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-pdf-thumbnails"

#include "config.h"

#include "cl-pdf-thumbnails.h"

#define THUMB_WIDTH 96

struct _CLPdfThumbnails
{
  GtkWidget parent_instance;

  /* widgets */
  GtkWidget          *scroller;
  GtkListView        *list;

  /* owned */
  CLPdfRenderer      *renderer;
  GtkSingleSelection *selection;
  GHashTable         *pictures;    /* page → GtkPicture of a bound row */
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (CLPdfThumbnails, cl_pdf_thumbnails, GTK_TYPE_WIDGET)

enum { PAGE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static double
thumb_scale (CLPdfThumbnails *self,
             int              page)
{
  double w, h;

  cl_pdf_renderer_get_page_size (self->renderer, page, &w, &h);
  return THUMB_WIDTH / w * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          CLPdfThumbnails          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (picture, THUMB_WIDTH, (int) (THUMB_WIDTH * 1.414));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_add_css_class (picture, "card");
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CLPdfThumbnails          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *picture = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  int page = (int) gtk_list_item_get_position (item);
  g_autofree char *number = g_strdup_printf ("%d", page + 1);
  double w, h, scale;
  GdkTexture *texture;

  cl_pdf_renderer_get_page_size (self->renderer, page, &w, &h);
  gtk_widget_set_size_request (picture, THUMB_WIDTH, (int) (THUMB_WIDTH * h / w));
  gtk_label_set_text (GTK_LABEL (label), number);
  scale = thumb_scale (self, page);
  texture = cl_pdf_renderer_lookup (self->renderer, page, scale);
  gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
  /* Only the rows in view are bound: a 200-page report renders the
   * thumbnails someone looks at, not all of them. */
  if (texture == NULL)
    cl_pdf_renderer_request (self->renderer, page, scale, CL_PDF_PRIORITY_THUMBNAIL);
  g_hash_table_insert (self->pictures, GINT_TO_POINTER (page), picture);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CLPdfThumbnails          *self)
{
  int page = (int) gtk_list_item_get_position (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  if (g_hash_table_lookup (self->pictures, GINT_TO_POINTER (page)) == gtk_widget_get_first_child (box))
    g_hash_table_remove (self->pictures, GINT_TO_POINTER (page));
}

static void
rendered_cb (CLPdfRenderer   *renderer,
             int              page,
             double           scale,
             CLPdfThumbnails *self)
{
  GtkPicture *picture = g_hash_table_lookup (self->pictures, GINT_TO_POINTER (page));

  if (picture && G_APPROX_VALUE (scale, thumb_scale (self, page), 0.001))
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (cl_pdf_renderer_lookup (renderer, page, scale)));
}

static void
selection_changed_cb (CLPdfThumbnails *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (!self->syncing && selected != GTK_INVALID_LIST_POSITION)
    g_signal_emit (self, signals[PAGE_ACTIVATED], 0, (int) selected);
}

static void
cl_pdf_thumbnails_dispose (GObject *object)
{
  CLPdfThumbnails *self = CL_PDF_THUMBNAILS (object);

  cl_pdf_thumbnails_set_renderer (self, NULL);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->list = NULL;   /* went with the scroller */
  g_clear_pointer (&self->pictures, g_hash_table_unref);

  G_OBJECT_CLASS (cl_pdf_thumbnails_parent_class)->dispose (object);
}

static void
cl_pdf_thumbnails_class_init (CLPdfThumbnailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_pdf_thumbnails_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[PAGE_ACTIVATED] = g_signal_new ("page-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
cl_pdf_thumbnails_init (CLPdfThumbnails *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->pictures = g_hash_table_new (NULL, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

void
cl_pdf_thumbnails_set_renderer (CLPdfThumbnails *self,
                                CLPdfRenderer   *renderer)
{
  g_return_if_fail (CL_IS_PDF_THUMBNAILS (self));

  if (self->list)
    gtk_list_view_set_model (self->list, NULL);
  if (self->pictures)
    g_hash_table_remove_all (self->pictures);
  g_clear_object (&self->selection);
  if (self->renderer)
    g_signal_handlers_disconnect_by_data (self->renderer, self);
  g_set_object (&self->renderer, renderer);
  if (renderer == NULL)
    return;

  {
    g_autoptr(GtkStringList) pages = gtk_string_list_new (NULL);

    for (int i = 0; i < cl_pdf_renderer_get_n_pages (renderer); i++)
      gtk_string_list_append (pages, "");
    self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&pages)));
  }
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (renderer, "rendered", G_CALLBACK (rendered_cb), self);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
}

void
cl_pdf_thumbnails_set_page (CLPdfThumbnails *self,
                            int              page)
{
  g_return_if_fail (CL_IS_PDF_THUMBNAILS (self));

  if (self->selection == NULL ||
      gtk_single_selection_get_selected (self->selection) == (guint) page)
    return;
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, page);
  self->syncing = FALSE;
}
