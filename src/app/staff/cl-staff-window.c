/* cl-staff-window.c
 *
 * The staff list (cl-staff-window.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-staff-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-staff-dialog.h"
#include "cl-staff-quals.h"
#include "cl-staff-window.h"
#include "cl-store-staff.h"

struct _CLStaffWindow
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkWidget      *add_button;
  GtkSearchEntry *search_entry;
  GtkDropDown    *role_dropdown;
  GtkListBox     *list;
  GtkWidget      *empty_label;
  GtkWidget      *expiry_bar;
  GtkLabel       *expiry_label;

  GPtrArray *rows;     /* borrowed: the rows, as shown */
  GPtrArray *shown;    /* CLStaff, as the rows */
  GPtrArray *expiring; /* CLStaffExpiry, of everyone */
  CLContext *context;
};

G_DEFINE_FINAL_TYPE (CLStaffWindow, cl_staff_window, ADW_TYPE_WINDOW)

static void reload (CLStaffWindow *self);

/* The role the filter asks for, NULL for every role (item 0). */
static const char *
filter_role (CLStaffWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return cl_staff_roles ()[selected - 1];
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
matches (CLStaff    *staff,
         const char *search,
         const char *role)
{
  if (role && !cl_staff_has_role (staff, role))
    return FALSE;
  return *search == '\0' ||
         contains (cl_staff_get_display_name (staff), search) ||
         contains (cl_staff_get_username (staff), search) ||
         contains (cl_staff_get_phone (staff), search);
}

static void
saved_cb (CLStaffWindow *self)
{
  reload (self);
}

static GtkWindow *
open_person (CLStaffWindow *self,
             CLStaff       *staff)
{
  CLStaffDialog *dialog = cl_staff_dialog_new (GTK_WINDOW (self), self->context, staff);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
row_activated_cb (AdwActionRow  *row,
                  CLStaffWindow *self)
{
  guint index;

  if (g_ptr_array_find (self->rows, row, &index))
    open_person (self, g_ptr_array_index (self->shown, index));
}

/* The person's expired or expiring licence and certificate, in words
 * below their roles, with the warning sign: not by colour alone. */
static void
add_expiry_badge (CLStaffWindow *self,
                  CLStaff       *staff,
                  GtkWidget     *row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *box, *label;
  GDate today;

  cl_date_today (&today);
  for (guint i = 0; i < self->expiring->len; i++)
    {
      CLStaffExpiry *expiry = g_ptr_array_index (self->expiring, i);
      g_autofree char *line = NULL;

      if (expiry->staff != staff &&
          g_strcmp0 (cl_record_get_id (CL_RECORD (expiry->staff)), cl_record_get_id (CL_RECORD (staff))) != 0)
        continue;
      line = cl_staff_expiry_describe (expiry, &today);
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", line);
    }
  if (text->len == 0)
    return;
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "staff-expiry-alert");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  label = gtk_label_new (text->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* One line each, unwrapped: a wrapping label in a row's suffix makes
   * GTK 4.8 measure the row's height inconsistently. */
  gtk_box_append (GTK_BOX (box), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
}

/* Who is warned of (cl_staff_list_expiring()), and for an
 * administrator the line above the list that counts them. */
static void
update_expiring (CLStaffWindow *self,
                 GPtrArray     *all)
{
  gboolean admin = g_strcmp0 (cl_context_get_role (self->context), CL_ROLE_ADMIN) == 0;
  guint expired = 0, soon = 0;
  g_autoptr(GString) text = g_string_new (NULL);
  GDate today;

  cl_date_today (&today);
  g_clear_pointer (&self->expiring, g_ptr_array_unref);
  self->expiring = cl_staff_list_expiring (all, &today, CL_STAFF_EXPIRY_WARN_DAYS);
  for (guint i = 0; i < self->expiring->len; i++)
    {
      CLStaffExpiry *expiry = g_ptr_array_index (self->expiring, i);

      if (expiry->days_left < 0)
        expired++;
      else
        soon++;
    }
  if (soon > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u qualification expires within %d days",
                                         "%u qualifications expire within %d days", soon),
                            soon, CL_STAFF_EXPIRY_WARN_DAYS);
  if (expired > 0)
    {
      if (text->len)
        g_string_append (text, _("; "));
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%u has expired", "%u have expired", expired),
                              expired);
    }
  gtk_label_set_text (self->expiry_label, text->str);
  gtk_widget_set_visible (self->expiry_bar, admin && text->len > 0);
}

static GtkWidget *
make_row (CLStaffWindow *self,
          CLStaff       *staff)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *roles = cl_staff_format_roles (staff);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = g_markup_escape_text (cl_staff_get_display_name (staff), -1);
  const char *phone = cl_staff_get_phone (staff);

  /* Translators: a person's user name, roles and phone number */
  subtitle = phone ? g_strdup_printf (_("%s · %s · %s"), cl_staff_get_username (staff), roles, phone)
                   : g_strdup_printf (_("%s · %s"), cl_staff_get_username (staff), roles);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped = g_markup_escape_text (subtitle, -1));
  if (!cl_staff_get_active (staff))
    {
      GtkWidget *tag = gtk_label_new (_("Deactivated"));

      gtk_widget_add_css_class (tag, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  add_expiry_badge (self, staff, row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  return row;
}

static void
reload (CLStaffWindow *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  const char *role = filter_role (self);

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->shown, 0);

  all = cl_store_staff_list_all (cl_context_get_store (self->context));
  update_expiring (self, all);
  g_strstrip (search);
  for (guint i = 0; i < all->len; i++)
    {
      CLStaff *staff = g_ptr_array_index (all, i);
      GtkWidget *row;

      if (!matches (staff, search, role))
        continue;
      row = make_row (self, staff);
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->shown, g_object_ref (staff));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->rows->len > 0);
  gtk_widget_set_visible (self->empty_label, self->rows->len == 0);
}

static void
on_filter_changed_cb (CLStaffWindow *self)
{
  if (self->context)
    reload (self);
}

static void
on_add_clicked_cb (CLStaffWindow *self)
{
  open_person (self, NULL);
}

static void
cl_staff_window_finalize (GObject *object)
{
  CLStaffWindow *self = CL_STAFF_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->expiring, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_staff_window_parent_class)->finalize (object);
}

static void
cl_staff_window_class_init (CLStaffWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_staff_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/staff/cl-staff-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CLStaffWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, CLStaffWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CLStaffWindow, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLStaffWindow, list);
  gtk_widget_class_bind_template_child (widget_class, CLStaffWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CLStaffWindow, expiry_bar);
  gtk_widget_class_bind_template_child (widget_class, CLStaffWindow, expiry_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
cl_staff_window_init (CLStaffWindow *self)
{
  const char * const *roles = cl_staff_roles ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->rows = g_ptr_array_new ();
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (labels, _("All roles"));
  for (guint i = 0; roles[i]; i++)
    gtk_string_list_append (labels, cl_staff_role_label (roles[i]));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (labels));
}

CLStaffWindow *
cl_staff_window_new (GtkWindow *parent,
                     CLContext *context)
{
  CLStaffWindow *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_STAFF_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  reload (self);
  return self;
}

guint
cl_staff_window_get_n_rows (CLStaffWindow *self)
{
  g_return_val_if_fail (CL_IS_STAFF_WINDOW (self), 0);
  return self->rows->len;
}

GtkWidget *
cl_staff_window_get_row (CLStaffWindow *self,
                         guint          index)
{
  g_return_val_if_fail (CL_IS_STAFF_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

void
cl_staff_window_set_filter (CLStaffWindow *self,
                            const char    *search,
                            const char    *role)
{
  const char * const *roles = cl_staff_roles ();
  guint selected = 0;

  g_return_if_fail (CL_IS_STAFF_WINDOW (self));

  for (guint i = 0; role && roles[i]; i++)
    if (g_str_equal (roles[i], role))
      selected = i + 1;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search ? search : "");
  gtk_drop_down_set_selected (self->role_dropdown, selected);
  /* search-changed comes after a delay; the test wants it now. */
  reload (self);
}

const char *
cl_staff_window_get_expiry_line (CLStaffWindow *self)
{
  g_return_val_if_fail (CL_IS_STAFF_WINDOW (self), NULL);
  if (!gtk_widget_get_visible (self->expiry_bar))
    return NULL;
  return gtk_label_get_text (self->expiry_label);
}

GtkWindow *
cl_staff_window_open (CLStaffWindow *self,
                      guint          index)
{
  g_return_val_if_fail (CL_IS_STAFF_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->shown->len, NULL);
  return open_person (self, g_ptr_array_index (self->shown, index));
}

GtkWindow *
cl_staff_window_open_new (CLStaffWindow *self)
{
  g_return_val_if_fail (CL_IS_STAFF_WINDOW (self), NULL);
  return open_person (self, NULL);
}
