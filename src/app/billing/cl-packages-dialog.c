#define G_LOG_DOMAIN "cl-packages-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-enrolment-store.h"
#include "cl-money.h"
#include "cl-package-dialog.h"
#include "cl-packages-dialog.h"
#include "cl-tables.h"

struct _CLPackagesDialog
{
  AdwWindow parent_instance;

  GtkWidget *group;
  GtkWidget *new_button;

  GPtrArray *rows;       /* borrowed: the rows, as the packages */
  GPtrArray *packages;   /* CLPackage */
  CLStore   *store;
  CLContext *context;
};

G_DEFINE_FINAL_TYPE (CLPackagesDialog, cl_packages_dialog, ADW_TYPE_WINDOW)

static void reload (CLPackagesDialog *self);

static char *
describe (CLPackage *package)
{
  g_autofree char *price = cl_money_format_display (cl_package_get_price_fen (package));
  g_autofree char *window = cl_date_format_ga (cl_package_get_enrol_from_day (package),
                                               cl_package_get_enrol_to_day (package), CL_GA_WEEKS);
  g_autofree char *days = g_strdup_printf ("%d", cl_package_get_postpartum_days (package));

  /* Translators: a package's price, the gestational window in which
   * one may enrol ("12+0–27+6 wk"), and the days of service after
   * delivery */
  return g_strdup_printf (_("%1$s · enrol at %2$s · until day %3$s after delivery"),
                          price, window, days);
}

static void
saved_cb (CLPackagesDialog *self)
{
  reload (self);
}

static GtkWindow *
open_package (CLPackagesDialog *self,
              CLPackage        *package)
{
  CLPackageDialog *dialog = cl_package_dialog_new (GTK_WINDOW (self), self->context, package);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
row_activated_cb (AdwActionRow     *row,
                  CLPackagesDialog *self)
{
  guint index;

  if (g_ptr_array_find (self->rows, row, &index))
    open_package (self, g_ptr_array_index (self->packages, index));
}

static void
reload (CLPackagesDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->packages, g_ptr_array_unref);

  self->packages = cl_enrolment_store_list_packages (self->store, TRUE);
  for (guint i = 0; i < self->packages->len; i++)
    {
      CLPackage *package = g_ptr_array_index (self->packages, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe (package);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_package_get_display_name (package));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!cl_package_get_active (package))
        {
          GtkWidget *tag = gtk_label_new (_("Not offered"));

          gtk_widget_add_css_class (tag, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
new_clicked_cb (CLPackagesDialog *self)
{
  cl_packages_dialog_open_new (self);
}

static void
cl_packages_dialog_finalize (GObject *object)
{
  CLPackagesDialog *self = CL_PACKAGES_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->packages, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_packages_dialog_parent_class)->finalize (object);
}

static void
cl_packages_dialog_class_init (CLPackagesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_packages_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_packages_dialog_init (CLPackagesDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();

  self->rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Packages"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 460);

  self->new_button = gtk_button_new_with_mnemonic (_("_New Package"));
  g_signal_connect_swapped (self->new_button, "clicked", G_CALLBACK (new_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->new_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->group = adw_preferences_group_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

CLPackagesDialog *
cl_packages_dialog_new (GtkWindow  *parent,
                        CLContext  *context)
{
  CLPackagesDialog *self;
  gboolean editable;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_PACKAGES_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  editable = cl_context_may (context, CL_WRITE, "package");
  gtk_widget_set_visible (self->new_button, editable);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         editable
                                           ? _("Open a package to change its price, window or services. A new price applies to new enrolments only.")
                                           : _("Only an administrator can change packages; you can look at them."));
  reload (self);
  return self;
}

guint
cl_packages_dialog_get_n_rows (CLPackagesDialog *self)
{
  g_return_val_if_fail (CL_IS_PACKAGES_DIALOG (self), 0);
  return self->rows->len;
}

GtkWidget *
cl_packages_dialog_get_row (CLPackagesDialog *self,
                            guint             index)
{
  g_return_val_if_fail (CL_IS_PACKAGES_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

GtkWindow *
cl_packages_dialog_open (CLPackagesDialog *self,
                         guint             index)
{
  g_return_val_if_fail (CL_IS_PACKAGES_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->packages->len, NULL);
  return open_package (self, g_ptr_array_index (self->packages, index));
}

GtkWindow *
cl_packages_dialog_open_new (CLPackagesDialog *self)
{
  g_return_val_if_fail (CL_IS_PACKAGES_DIALOG (self), NULL);
  g_return_val_if_fail (cl_context_may (self->context, CL_WRITE, "package"), NULL);
  return open_package (self, NULL);
}
