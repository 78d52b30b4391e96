/* cl-pdf-viewer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-pdf-viewer"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "cl-pdf-page-view.h"
#include "cl-pdf-thumbnails.h"
#include "cl-pdf-viewer.h"

/* Points to logical pixels at 100 %: 96 dpi, as GNOME's viewers do. */
#define PX_PER_PT (96.0 / 72.0)

static const double zoom_steps[] = {
  0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

typedef struct
{
  int page;
  int index;      /* in that page's rectangles */
} Match;

struct _CLPdfViewer
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget         *box;
  GtkWidget         *toolbar;
  GtkToggleButton   *sidebar_button;
  GtkEntry          *page_entry;
  GtkLabel          *n_pages_label;
  GtkLabel          *page_error_label;
  GtkLabel          *zoom_label;
  GtkToggleButton   *fit_width_button;
  GtkToggleButton   *fit_page_button;
  GtkToggleButton   *search_button;
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkLabel          *match_label;
  GtkStack          *stack;
  GtkPaned          *paned;
  AdwStatusPage     *error_page;
  AdwStatusPage     *empty_page;
  CLPdfThumbnails   *thumbnails;
  GtkScrolledWindow *page_scroller;
  CLPdfPageView     *page_view;

  /* owned */
  CLPdfRenderer     *renderer;
  GCancellable      *search_cancellable;
  GPtrArray         *matches_per_page;  /* GArray of PopplerRectangle per page */
  GArray            *matches;           /* Match */

  int                page;
  double             zoom;              /* 1.0 = 100 % */
  ClPdfFit           fit;
  int                current_match;
  guint              fit_idle;
  char              *search_text;       /* of the search shown or running */
};

G_DEFINE_FINAL_TYPE (CLPdfViewer, cl_pdf_viewer, GTK_TYPE_WIDGET)

static double
px_per_pt (CLPdfViewer *self)
{
  return self->zoom * PX_PER_PT;
}

static gboolean
loaded (CLPdfViewer *self)
{
  return self->renderer && cl_pdf_renderer_is_loaded (self->renderer);
}

/* ------------------------------------------------------------------ */
/* Page and zoom                                                       */

static void
update_highlights (CLPdfViewer *self)
{
  GArray *rects = NULL;
  int current = -1;

  if (self->matches_per_page && self->page < (int) self->matches_per_page->len)
    rects = g_ptr_array_index (self->matches_per_page, self->page);
  if (rects && self->current_match >= 0 &&
      self->current_match < (int) self->matches->len)
    {
      Match *m = &g_array_index (self->matches, Match, self->current_match);

      if (m->page == self->page)
        current = m->index;
    }
  cl_pdf_page_view_set_highlights (self->page_view, rects && rects->len ? rects : NULL, current);
}

static void
prefetch (CLPdfViewer *self)
{
  double scale = px_per_pt (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));

  /* Where the person is most likely to go next: the page after, then
   * the one before.  Older wishes are dropped. */
  cl_pdf_renderer_cancel (self->renderer, CL_PDF_PRIORITY_PREFETCH);
  cl_pdf_renderer_request (self->renderer, self->page - 1, scale, CL_PDF_PRIORITY_PREFETCH);
  cl_pdf_renderer_request (self->renderer, self->page + 1, scale, CL_PDF_PRIORITY_PREFETCH);
}

static void
update_controls (CLPdfViewer *self)
{
  int n = loaded (self) ? cl_pdf_renderer_get_n_pages (self->renderer) : 0;
  g_autofree char *number = g_strdup_printf ("%d", self->page + 1);
  g_autofree char *of = NULL;
  g_autofree char *percent = g_strdup_printf ("%d%%", (int) (self->zoom * 100 + 0.5));

  /* TRANSLATORS: after the page number entry: "of 12" (pages) */
  of = g_strdup_printf (_("of %d"), n);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), n ? number : "");
  gtk_label_set_text (self->n_pages_label, n ? of : "");
  gtk_label_set_text (self->zoom_label, percent);
  gtk_widget_set_visible (GTK_WIDGET (self->page_error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->page_entry), "error");

  gtk_widget_set_visible (self->toolbar, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.previous-page", n && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.next-page", n && self->page < n - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-in", n && self->zoom < zoom_steps[G_N_ELEMENTS (zoom_steps) - 1] - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-out", n && self->zoom > zoom_steps[0] + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.fit-width", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.fit-page", n > 0);
  gtk_toggle_button_set_active (self->fit_width_button, self->fit == CL_PDF_FIT_WIDTH);
  gtk_toggle_button_set_active (self->fit_page_button, self->fit == CL_PDF_FIT_PAGE);
}

static void
show_page (CLPdfViewer *self)
{
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->page_scroller);

  cl_pdf_page_view_set_zoom (self->page_view, px_per_pt (self));
  cl_pdf_page_view_set_page (self->page_view, self->page);
  update_highlights (self);
  update_controls (self);
  prefetch (self);
  gtk_adjustment_set_value (v, gtk_adjustment_get_lower (v));
  cl_pdf_thumbnails_set_page (self->thumbnails, self->page);
}

static void
set_zoom (CLPdfViewer *self,
          double       zoom)
{
  self->zoom = CLAMP (zoom, zoom_steps[0], zoom_steps[G_N_ELEMENTS (zoom_steps) - 1]);
  cl_pdf_page_view_set_zoom (self->page_view, px_per_pt (self));
  update_controls (self);
  if (loaded (self))
    prefetch (self);
}

/* The zoom that fits the page in view into the visible area. */
static void
apply_fit (CLPdfViewer *self)
{
  double w, h, avail_w, avail_h, zoom;

  if (self->fit == CL_PDF_FIT_NONE || !loaded (self))
    return;
  avail_w = gtk_widget_get_width (GTK_WIDGET (self->page_scroller));
  avail_h = gtk_widget_get_height (GTK_WIDGET (self->page_scroller));
  if (avail_w <= 0)
    {
      /* Just loaded: the page's pane is not laid out yet, but the stack
       * it goes in is.  Fitting now spares rendering page 1 twice. */
      avail_w = gtk_widget_get_width (GTK_WIDGET (self->stack));
      avail_h = gtk_widget_get_height (GTK_WIDGET (self->stack));
      if (gtk_toggle_button_get_active (self->sidebar_button))
        avail_w -= gtk_paned_get_position (self->paned) + 1;
    }
  avail_w -= 24 + 14;   /* the page's margins, a scrollbar */
  avail_h -= 24;
  if (avail_w < 50 || avail_h < 50)
    return;
  cl_pdf_renderer_get_page_size (self->renderer, self->page, &w, &h);
  zoom = avail_w / (w * PX_PER_PT);
  if (self->fit == CL_PDF_FIT_PAGE)
    zoom = MIN (zoom, avail_h / (h * PX_PER_PT));
  /* Steps of 1 %, so that a resize by a pixel does not re-render. */
  zoom = floor (zoom * 100) / 100;
  if (!G_APPROX_VALUE (zoom, self->zoom, 0.001))
    set_zoom (self, zoom);
}

static gboolean
fit_idle_cb (gpointer data)
{
  CLPdfViewer *self = data;

  self->fit_idle = 0;
  apply_fit (self);
  return G_SOURCE_REMOVE;
}

static void
scroller_size_cb (CLPdfViewer *self)
{
  /* Not now: this is the middle of the layout, and a new zoom resizes
   * the page.  Right after it. */
  if (self->fit_idle == 0)
    self->fit_idle = g_idle_add (fit_idle_cb, self);
}

void
cl_pdf_viewer_set_page (CLPdfViewer *self,
                        int          page)
{
  g_return_if_fail (CL_IS_PDF_VIEWER (self));

  if (!loaded (self))
    return;
  page = CLAMP (page, 0, cl_pdf_renderer_get_n_pages (self->renderer) - 1);
  if (page == self->page && cl_pdf_page_view_is_sharp (self->page_view))
    return;
  self->page = page;
  show_page (self);
  /* Pages of a report can differ in size (a landscape table). */
  apply_fit (self);
}

static void
previous_page_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CLPdfViewer *self = CL_PDF_VIEWER (widget);
  cl_pdf_viewer_set_page (self, self->page - 1);
}

static void
next_page_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CLPdfViewer *self = CL_PDF_VIEWER (widget);
  cl_pdf_viewer_set_page (self, self->page + 1);
}

static void
first_page_action (GtkWidget *widget, const char *name, GVariant *param)
{
  cl_pdf_viewer_set_page (CL_PDF_VIEWER (widget), 0);
}

static void
last_page_action (GtkWidget *widget, const char *name, GVariant *param)
{
  cl_pdf_viewer_set_page (CL_PDF_VIEWER (widget), G_MAXINT);
}

static void
zoom_in_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CLPdfViewer *self = CL_PDF_VIEWER (widget);

  self->fit = CL_PDF_FIT_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom + 0.001)
      {
        set_zoom (self, zoom_steps[i]);
        return;
      }
  update_controls (self);
}

static void
zoom_out_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CLPdfViewer *self = CL_PDF_VIEWER (widget);

  self->fit = CL_PDF_FIT_NONE;
  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < self->zoom - 0.001)
      {
        set_zoom (self, zoom_steps[i - 1]);
        return;
      }
  update_controls (self);
}

static void
fit_width_action (GtkWidget *widget, const char *name, GVariant *param)
{
  cl_pdf_viewer_set_fit (CL_PDF_VIEWER (widget), CL_PDF_FIT_WIDTH);
}

static void
fit_page_action (GtkWidget *widget, const char *name, GVariant *param)
{
  cl_pdf_viewer_set_fit (CL_PDF_VIEWER (widget), CL_PDF_FIT_PAGE);
}

static void
find_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CLPdfViewer *self = CL_PDF_VIEWER (widget);

  if (!loaded (self))
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_page_entry_activate_cb (CLPdfViewer *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->page_entry)));
  int n = loaded (self) ? cl_pdf_renderer_get_n_pages (self->renderer) : 0;
  guint64 number = 0;

  if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, 1, MAX (1, n), &number, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("Enter a page from 1 to %d"), n);

      gtk_label_set_text (self->page_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->page_error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->page_entry), "error");
      return;
    }
  cl_pdf_viewer_set_page (self, (int) number - 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->page_view));
}

/* ------------------------------------------------------------------ */
/* Search                                                              */

static void
update_match_label (CLPdfViewer *self)
{
  g_autofree char *text = NULL;

  if (self->matches == NULL)
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("Not found"));
  else
    /* TRANSLATORS: search matches, "3 of 12" */
    text = g_strdup_printf (_("%d of %d"), self->current_match + 1, (int) self->matches->len);
  gtk_label_set_text (self->match_label, text);
}

static void
go_to_match (CLPdfViewer *self,
             int          index)
{
  Match *m;

  if (self->matches == NULL || self->matches->len == 0)
    return;
  index = (index + (int) self->matches->len) % (int) self->matches->len;
  self->current_match = index;
  m = &g_array_index (self->matches, Match, index);
  if (m->page != self->page)
    cl_pdf_viewer_set_page (self, m->page);
  else
    update_highlights (self);
  update_match_label (self);
}

static void
clear_search (CLPdfViewer *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->matches_per_page, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  self->current_match = -1;
  update_highlights (self);
  update_match_label (self);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = cl_pdf_renderer_search_finish (CL_PDF_RENDERER (source), result, &error);
  CLPdfViewer *self;
  int first = -1;

  if (found == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("search: %s", error->message);
      return;
    }
  self = CL_PDF_VIEWER (user_data);
  if (CL_PDF_RENDERER (source) != self->renderer)
    return;

  self->matches_per_page = g_steal_pointer (&found);
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));
  for (guint p = 0; p < self->matches_per_page->len; p++)
    {
      GArray *rects = g_ptr_array_index (self->matches_per_page, p);

      for (guint i = 0; i < rects->len; i++)
        {
          Match m = { (int) p, (int) i };

          if (first < 0 && (int) p >= self->page)
            first = (int) self->matches->len;
          g_array_append_val (self->matches, m);
        }
    }
  self->current_match = -1;
  if (self->matches->len > 0)
    go_to_match (self, first < 0 ? 0 : first);
  else
    update_match_label (self);
  update_highlights (self);
}

static void
on_search_changed_cb (CLPdfViewer *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* The entry tells us late of a text already searched for. */
  if (g_strcmp0 (text, self->search_text) == 0)
    return;
  clear_search (self);
  g_free (self->search_text);
  self->search_text = g_strdup (text);
  if (!loaded (self) || *text == '\0')
    return;
  self->search_cancellable = g_cancellable_new ();
  /* The viewer outlives the search (dispose cancels it); the callback
   * checks the renderer is still the one searched. */
  cl_pdf_renderer_search_async (self->renderer, text, self->search_cancellable,
                                search_done_cb, self);
}

static void
on_search_next_cb (CLPdfViewer *self)
{
  go_to_match (self, self->current_match + 1);
}

static void
on_search_previous_cb (CLPdfViewer *self)
{
  go_to_match (self, self->current_match - 1);
}

static void
on_stop_search_cb (CLPdfViewer *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->page_view));
}

static void
thumbnail_activated_cb (CLPdfViewer *self,
                        int          page)
{
  cl_pdf_viewer_set_page (self, page);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

static void
loaded_cb (CLPdfRenderer *renderer,
           CLPdfViewer   *self)
{
  cl_pdf_thumbnails_set_renderer (self->thumbnails, renderer);
  self->page = 0;
  apply_fit (self);
  gtk_stack_set_visible_child_name (self->stack, "document");
  show_page (self);
}

static void
failed_cb (CLPdfRenderer *renderer,
           const char    *message,
           CLPdfViewer   *self)
{
  cl_pdf_viewer_show_error (self, message);
}

static void
close_document (CLPdfViewer *self)
{
  clear_search (self);
  g_clear_pointer (&self->search_text, g_free);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  cl_pdf_thumbnails_set_renderer (self->thumbnails, NULL);
  cl_pdf_page_view_set_renderer (self->page_view, NULL);
  if (self->renderer)
    {
      g_signal_handlers_disconnect_by_data (self->renderer, self);
      g_clear_object (&self->renderer);
    }
  self->page = 0;
  update_controls (self);
}

void
cl_pdf_viewer_open (CLPdfViewer *self,
                    const char  *path)
{
  g_return_if_fail (CL_IS_PDF_VIEWER (self));

  close_document (self);
  if (path == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->renderer = cl_pdf_renderer_new (path);
  g_signal_connect (self->renderer, "loaded", G_CALLBACK (loaded_cb), self);
  g_signal_connect (self->renderer, "failed", G_CALLBACK (failed_cb), self);
  cl_pdf_page_view_set_renderer (self->page_view, self->renderer);
}

void
cl_pdf_viewer_show_error (CLPdfViewer *self,
                          const char  *message)
{
  g_return_if_fail (CL_IS_PDF_VIEWER (self));

  close_document (self);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

void
cl_pdf_viewer_show_loading (CLPdfViewer *self)
{
  g_return_if_fail (CL_IS_PDF_VIEWER (self));

  close_document (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* ------------------------------------------------------------------ */

static void
cl_pdf_viewer_dispose (GObject *object)
{
  CLPdfViewer *self = CL_PDF_VIEWER (object);

  g_clear_handle_id (&self->fit_idle, g_source_remove);
  close_document (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PDF_VIEWER);

  G_OBJECT_CLASS (cl_pdf_viewer_parent_class)->dispose (object);
}

static void
cl_pdf_viewer_class_init (CLPdfViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_pdf_viewer_dispose;

  g_type_ensure (CL_TYPE_PDF_PAGE_VIEW);
  g_type_ensure (CL_TYPE_PDF_THUMBNAILS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/pdf/cl-pdf-viewer.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, box);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, toolbar);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, page_entry);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, page_error_label);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, fit_width_button);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, fit_page_button);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, search_button);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, match_label);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, paned);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, error_page);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, CLPdfViewer, page_view);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "viewer.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.first-page", NULL, first_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.last-page", NULL, last_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "viewer.fit-width", NULL, fit_width_action);
  gtk_widget_class_install_action (widget_class, "viewer.fit-page", NULL, fit_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "viewer.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "viewer.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "viewer.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "viewer.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "viewer.first-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, "viewer.last-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.find", NULL);
}

static void
page_clicked_cb (CLPdfViewer *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->page_view));
}

static void
cl_pdf_viewer_init (CLPdfViewer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->zoom = 1.0;
  self->fit = CL_PDF_FIT_WIDTH;
  self->current_match = -1;
  g_signal_connect_swapped (self->thumbnails, "page-activated", G_CALLBACK (thumbnail_activated_cb), self);

  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (self->page_scroller),
                            "notify::page-size", G_CALLBACK (scroller_size_cb), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->page_scroller),
                            "notify::page-size", G_CALLBACK (scroller_size_cb), self);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (page_clicked_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->page_view), GTK_EVENT_CONTROLLER (click));
  update_controls (self);
}

GtkWidget *
cl_pdf_viewer_new (void)
{
  return g_object_new (CL_TYPE_PDF_VIEWER, NULL);
}

void
cl_pdf_viewer_set_placeholder (CLPdfViewer *self,
                               const char  *title,
                               const char  *description,
                               GtkWidget   *child)
{
  g_return_if_fail (CL_IS_PDF_VIEWER (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  adw_status_page_set_child (self->empty_page, child);
}

gboolean
cl_pdf_viewer_get_controls_visible (CLPdfViewer *self)
{
  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), FALSE);
  return gtk_widget_get_visible (self->toolbar);
}

CLPdfRenderer *
cl_pdf_viewer_get_renderer (CLPdfViewer *self)
{
  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), NULL);
  return self->renderer;
}

gboolean
cl_pdf_viewer_is_loaded (CLPdfViewer *self)
{
  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), FALSE);
  return loaded (self);
}

int
cl_pdf_viewer_get_n_pages (CLPdfViewer *self)
{
  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), 0);
  return loaded (self) ? cl_pdf_renderer_get_n_pages (self->renderer) : 0;
}

int
cl_pdf_viewer_get_page (CLPdfViewer *self)
{
  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), 0);
  return self->page;
}

double
cl_pdf_viewer_get_zoom (CLPdfViewer *self)
{
  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), 1.0);
  return self->zoom;
}

void
cl_pdf_viewer_set_fit (CLPdfViewer *self,
                       ClPdfFit     fit)
{
  g_return_if_fail (CL_IS_PDF_VIEWER (self));

  self->fit = fit;
  apply_fit (self);
  update_controls (self);
}

ClPdfFit
cl_pdf_viewer_get_fit (CLPdfViewer *self)
{
  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), CL_PDF_FIT_NONE);
  return self->fit;
}

void
cl_pdf_viewer_search (CLPdfViewer *self,
                      const char  *text)
{
  g_return_if_fail (CL_IS_PDF_VIEWER (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed_cb (self);
}

gboolean
cl_pdf_viewer_find_next (CLPdfViewer *self,
                         gboolean     backwards)
{
  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), FALSE);

  if (!loaded (self) || self->matches == NULL || self->matches->len == 0)
    return FALSE;
  go_to_match (self, self->current_match + (backwards ? -1 : 1));
  return TRUE;
}

int
cl_pdf_viewer_get_current_match (CLPdfViewer *self)
{
  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), -1);
  return self->current_match;
}

int
cl_pdf_viewer_get_n_matches (CLPdfViewer *self)
{
  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), -1);
  return self->matches ? (int) self->matches->len : -1;
}

int
cl_pdf_viewer_get_n_highlights (CLPdfViewer *self)
{
  GArray *rects;

  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), 0);

  if (self->matches_per_page == NULL || self->page >= (int) self->matches_per_page->len)
    return 0;
  rects = g_ptr_array_index (self->matches_per_page, self->page);
  return (int) rects->len;
}

gboolean
cl_pdf_viewer_is_page_sharp (CLPdfViewer *self)
{
  g_return_val_if_fail (CL_IS_PDF_VIEWER (self), FALSE);
  return loaded (self) && cl_pdf_page_view_is_sharp (self->page_view);
}
