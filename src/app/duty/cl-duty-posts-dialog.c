#define G_LOG_DOMAIN "cl-duty-posts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-duty-posts-dialog.h"
#include "cl-store-duty.h"

struct _CLDutyPostsDialog
{
  AdwWindow   parent_instance;

  GtkListBox *list;

  CLContext  *context;
  GPtrArray  *posts;
};

G_DEFINE_FINAL_TYPE (CLDutyPostsDialog, cl_duty_posts_dialog, ADW_TYPE_WINDOW)

static void
reload (CLDutyPostsDialog *self)
{
  CLStore *store = cl_context_get_store (self->context);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->posts, g_ptr_array_unref);
  if (store == NULL)
    return;
  self->posts = cl_store_duty_posts (store, FALSE);
  for (guint i = 0; i < self->posts->len; i++)
    {
      CLDutyPost *post = g_ptr_array_index (self->posts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *hours = cl_duty_post_format_hours (post);
      g_autofree char *subtitle = NULL;
      guint need = cl_duty_post_get_headcount (post);

      /* TRANSLATORS: a post's hours, then the people it needs a day ("08:00–12:00 · 4 people a day") */
      subtitle = g_strdup_printf (g_dngettext (NULL, "%s · %u person a day", "%s · %u people a day", need),
                                  hours, need);
      if (!cl_duty_post_get_active (post))
        {
          g_autofree char *off = subtitle;

          /* TRANSLATORS: a post no longer staffed */
          subtitle = g_strdup_printf (_("%s · given up"), off);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_duty_post_get_display_name (post));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->list, row);
    }
}

CLDutyPostDialog *
cl_duty_posts_dialog_open (CLDutyPostsDialog *self,
                           int                i)
{
  CLDutyPostDialog *dialog;

  g_return_val_if_fail (CL_IS_DUTY_POSTS_DIALOG (self), NULL);

  dialog = cl_duty_post_dialog_new (GTK_WINDOW (self), self->context,
                                    i >= 0 && self->posts && (guint) i < self->posts->len
                                    ? g_ptr_array_index (self->posts, i) : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
row_activated_cb (CLDutyPostsDialog *self,
                  GtkListBoxRow     *row)
{
  cl_duty_posts_dialog_open (self, gtk_list_box_row_get_index (row));
}

static void
new_clicked_cb (CLDutyPostsDialog *self)
{
  cl_duty_posts_dialog_open (self, -1);
}

static void
cl_duty_posts_dialog_dispose (GObject *object)
{
  CLDutyPostsDialog *self = CL_DUTY_POSTS_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->posts, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_duty_posts_dialog_parent_class)->dispose (object);
}

static void
cl_duty_posts_dialog_class_init (CLDutyPostsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_duty_posts_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/duty/cl-duty-posts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CLDutyPostsDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_duty_posts_dialog_init (CLDutyPostsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CLDutyPostsDialog *
cl_duty_posts_dialog_new (GtkWindow *parent,
                          CLContext *context)
{
  CLDutyPostsDialog *self;
  CLStore *store;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_DUTY_POSTS_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  store = cl_context_get_store (context);
  if (store)
    g_signal_connect_object (store, "changed::duty_post", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

guint
cl_duty_posts_dialog_get_n_rows (CLDutyPostsDialog *self)
{
  g_return_val_if_fail (CL_IS_DUTY_POSTS_DIALOG (self), 0);
  return self->posts ? self->posts->len : 0;
}
