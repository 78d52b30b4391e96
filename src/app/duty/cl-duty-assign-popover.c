#define G_LOG_DOMAIN "cl-duty-assign-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-duty-assign-popover.h"
#include "cl-duty-store.h"

struct _CLDutyAssignPopover
{
  GtkPopover    parent_instance;

  /* template widgets */
  GtkLabel     *title;
  GtkDropDown  *post;
  GtkLabel     *post_error;
  GtkDropDown  *shift;
  GtkLabel     *shift_error;
  GtkLabel     *times;
  GtkLabel     *error;

  /* owned */
  CLContext    *context;
  GPtrArray    *posts;
  char         *staff_id;
  char         *day;
};

G_DEFINE_FINAL_TYPE (CLDutyAssignPopover, cl_duty_assign_popover, GTK_TYPE_POPOVER)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CLDutyPost *
chosen_post (CLDutyAssignPopover *self)
{
  guint i = gtk_drop_down_get_selected (self->post);

  return self->posts && i < self->posts->len ? g_ptr_array_index (self->posts, i) : NULL;
}

static const char *
chosen_shift (CLDutyAssignPopover *self)
{
  const char * const *shifts = cl_duty_shifts ();
  guint i = gtk_drop_down_get_selected (self->shift);

  return i < g_strv_length ((char **) shifts) ? shifts[i] : NULL;
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
changed_cb (CLDutyAssignPopover *self)
{
  CLDutyPost *post = chosen_post (self);
  CLDutyRules rules;
  g_autofree char *times = NULL;

  if (post == NULL || self->context == NULL || cl_context_get_store (self->context) == NULL)
    return;
  cl_duty_store_rules (cl_context_get_store (self->context), &rules);
  times = cl_duty_shift_format_times (post, chosen_shift (self), &rules);
  gtk_label_set_text (self->times, times);
}

gboolean
cl_duty_assign_popover_save (CLDutyAssignPopover *self)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  CLDutyPost *post;

  g_return_val_if_fail (CL_IS_DUTY_ASSIGN_POPOVER (self), FALSE);

  show_error (self->post_error, NULL);
  show_error (self->shift_error, NULL);
  show_error (self->error, NULL);
  post = chosen_post (self);
  if (!cl_duty_store_set_cell (cl_context_get_store (self->context), self->staff_id, self->day,
                               post ? cl_record_get_id (CL_RECORD (post)) : NULL, chosen_shift (self),
                               cl_context_get_role (self->context), &errors, &error))
    {
      const char *at_post = errors ? g_hash_table_lookup (errors, "post_id") : NULL;
      const char *at_shift = errors ? g_hash_table_lookup (errors, "shift") : NULL;

      show_error (self->post_error, at_post);
      show_error (self->shift_error, at_shift);
      /* Whatever is not at a field of this form (the person, the day,
       * the role) is said under it. */
      if (at_post == NULL && at_shift == NULL)
        show_error (self->error, error->message);
      else if (errors && g_hash_table_size (errors) > (guint) ((at_post != NULL) + (at_shift != NULL)))
        show_error (self->error, error->message);
      return FALSE;
    }
  /* Closed before the week is redrawn under it. */
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static void
assign_cb (CLDutyAssignPopover *self)
{
  cl_duty_assign_popover_save (self);
}

static void
cl_duty_assign_popover_dispose (GObject *object)
{
  CLDutyAssignPopover *self = CL_DUTY_ASSIGN_POPOVER (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->posts, g_ptr_array_unref);
  g_clear_pointer (&self->staff_id, g_free);
  g_clear_pointer (&self->day, g_free);
  G_OBJECT_CLASS (cl_duty_assign_popover_parent_class)->dispose (object);
}

static void
cl_duty_assign_popover_class_init (CLDutyAssignPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_duty_assign_popover_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/duty/cl-duty-assign-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CLDutyAssignPopover, title);
  gtk_widget_class_bind_template_child (widget_class, CLDutyAssignPopover, post);
  gtk_widget_class_bind_template_child (widget_class, CLDutyAssignPopover, post_error);
  gtk_widget_class_bind_template_child (widget_class, CLDutyAssignPopover, shift);
  gtk_widget_class_bind_template_child (widget_class, CLDutyAssignPopover, shift_error);
  gtk_widget_class_bind_template_child (widget_class, CLDutyAssignPopover, times);
  gtk_widget_class_bind_template_child (widget_class, CLDutyAssignPopover, error);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, assign_cb);
}

static void
cl_duty_assign_popover_init (CLDutyAssignPopover *self)
{
  g_autoptr(GtkStringList) shifts = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (const char * const *s = cl_duty_shifts (); *s; s++)
    gtk_string_list_append (shifts, cl_duty_shift_label (*s));
  gtk_drop_down_set_model (self->shift, G_LIST_MODEL (shifts));
}

CLDutyAssignPopover *
cl_duty_assign_popover_new (void)
{
  return g_object_new (CL_TYPE_DUTY_ASSIGN_POPOVER, NULL);
}

void
cl_duty_assign_popover_setup (CLDutyAssignPopover *self,
                              CLContext           *context,
                              GPtrArray           *posts,
                              const char          *staff_id,
                              const char          *staff_name,
                              const char          *day,
                              const char          *post_id,
                              const char          *shift)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *shifts = cl_duty_shifts ();
  g_autofree char *title = NULL, *when = NULL;
  guint post_index = 0, shift_index = 1;
  GDate date;

  g_return_if_fail (CL_IS_DUTY_ASSIGN_POPOVER (self));
  g_return_if_fail (CL_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  g_clear_pointer (&self->posts, g_ptr_array_unref);
  self->posts = g_ptr_array_ref (posts);
  g_free (self->staff_id);
  self->staff_id = g_strdup (staff_id);
  g_free (self->day);
  self->day = g_strdup (day);

  for (guint i = 0; i < posts->len; i++)
    {
      gtk_string_list_append (names, cl_duty_post_get_display_name (g_ptr_array_index (posts, i)));
      if (g_strcmp0 (post_id, cl_record_get_id (g_ptr_array_index (posts, i))) == 0)
        post_index = i;
    }
  for (guint i = 0; shifts[i]; i++)
    if (g_strcmp0 (shift, shifts[i]) == 0)
      shift_index = i;
  gtk_drop_down_set_model (self->post, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->post, post_index);
  gtk_drop_down_set_selected (self->shift, shift_index);

  if (cl_duty_day_parse (day, &date))
    when = cl_duty_format_day (&date);
  /* TRANSLATORS: the cell being assigned: a person, a day ("王芳, Mon 23 Nov") */
  title = g_strdup_printf (_("%s, %s"), staff_name, when ? when : day);
  gtk_label_set_text (self->title, title);
  show_error (self->post_error, NULL);
  show_error (self->shift_error, NULL);
  show_error (self->error, NULL);
  changed_cb (self);
}

GtkWidget *
cl_duty_assign_popover_get_field (CLDutyAssignPopover *self,
                                  const char          *column)
{
  g_return_val_if_fail (CL_IS_DUTY_ASSIGN_POPOVER (self), NULL);

  if (g_strcmp0 (column, "post_id") == 0)
    return GTK_WIDGET (self->post);
  if (g_strcmp0 (column, "shift") == 0)
    return GTK_WIDGET (self->shift);
  return NULL;
}

const char *
cl_duty_assign_popover_get_error (CLDutyAssignPopover *self,
                                  const char          *column)
{
  GtkLabel *label;

  g_return_val_if_fail (CL_IS_DUTY_ASSIGN_POPOVER (self), NULL);

  label = g_strcmp0 (column, "post_id") == 0 ? self->post_error
          : g_strcmp0 (column, "shift") == 0 ? self->shift_error : self->error;
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}
