#define G_LOG_DOMAIN "cl-package-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-dating.h"
#include "cl-enrolment-store.h"
#include "cl-form-message.h"
#include "cl-money.h"
#include "cl-package-dialog.h"
#include "cl-tables.h"
#include "cl-validation.h"

enum { F_NAME, F_NAME_EN, F_CODE, F_PRICE, F_FROM, F_TO, F_POSTPARTUM, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "name", "name-en", "code", "price", "enrol-from", "enrol-to", "postpartum",
};
/* The core's keys for the same fields (cl_enrolment_store_save_package()) */
static const char * const columns[N_FIELDS] = {
  "name", "name_en", "code", "price_fen", "enrol_from_day", "enrol_to_day", "postpartum_days",
};

/* One included service: its name row, with the quantity and a remove
 * button at its end and its message under it. */
typedef struct
{
  GtkWidget *row;        /* AdwEntryRow: the name */
  GtkEntry  *quantity;
  GtkLabel  *error;
  char      *code;
} ServiceRow;

struct _CLPackageDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *rows[N_FIELDS];
  GtkLabel    *errors[N_FIELDS];
  GtkSwitch   *active;
  GtkWidget   *toolbar;
  GtkWidget   *group;
  GtkWidget   *services_group;
  GtkWidget   *add_button;
  GtkWidget   *save_button;
  GtkLabel    *form_error;

  GPtrArray   *services;   /* ServiceRow */
  CLStore     *store;
  CLPackage   *package;    /* a copy: the one being edited */
  CLContext   *context;
  gboolean     editable;
};

G_DEFINE_FINAL_TYPE (CLPackageDialog, cl_package_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
service_row_free (gpointer data)
{
  ServiceRow *service = data;

  g_free (service->code);
  g_free (service);
}

static void
clear_errors (CLPackageDialog *self)
{
  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  for (guint i = 0; i < self->services->len; i++)
    cl_form_message_set (((ServiceRow *) g_ptr_array_index (self->services, i))->error, NULL);
}

static void
remove_clicked_cb (GtkButton       *button,
                   CLPackageDialog *self)
{
  for (guint i = 0; i < self->services->len; i++)
    if (gtk_widget_is_ancestor (GTK_WIDGET (button), ((ServiceRow *) g_ptr_array_index (self->services, i))->row))
      {
        cl_package_dialog_remove_service (self, i);
        return;
      }
}

static ServiceRow *
append_service (CLPackageDialog        *self,
                const CLPackageService *from)
{
  ServiceRow *service = g_new0 (ServiceRow, 1);
  GtkWidget *quantity = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *times = gtk_label_new ("×");

  service->row = GTK_WIDGET (cl_form_entry_row_add (self->services_group, _("Service name"), &service->error));
  service->code = g_strdup (from ? from->code : "");
  if (from)
    {
      g_autofree char *n = g_strdup_printf ("%d", from->quantity);

      gtk_editable_set_text (GTK_EDITABLE (service->row), from->name);
      gtk_editable_set_text (GTK_EDITABLE (quantity), n);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (quantity), "1");

  gtk_editable_set_width_chars (GTK_EDITABLE (quantity), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (quantity), 4);
  gtk_entry_set_alignment (GTK_ENTRY (quantity), 1.0);
  gtk_widget_set_valign (quantity, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (quantity, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (quantity),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quantity"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove this service"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_widget_add_css_class (times, "dim-label");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (service->row), times);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (service->row), quantity);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (service->row), remove);
  service->quantity = GTK_ENTRY (quantity);

  gtk_editable_set_editable (GTK_EDITABLE (service->row), self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (quantity), self->editable);
  gtk_widget_set_visible (remove, self->editable);

  /* Typing the quantity too answers the service's message. */
  cl_form_message_clear_on (quantity, "text", service->error);
  g_ptr_array_add (self->services, service);
  return service;
}

void
cl_package_dialog_add_service (CLPackageDialog *self)
{
  ServiceRow *service;

  g_return_if_fail (CL_IS_PACKAGE_DIALOG (self));
  g_return_if_fail (self->editable);

  service = append_service (self, NULL);
  gtk_widget_grab_focus (service->row);
}

void
cl_package_dialog_remove_service (CLPackageDialog *self,
                                  guint            index)
{
  ServiceRow *service;
  GtkWidget *message_row;

  g_return_if_fail (CL_IS_PACKAGE_DIALOG (self));
  g_return_if_fail (index < self->services->len);

  service = g_ptr_array_index (self->services, index);
  message_row = gtk_widget_get_parent (GTK_WIDGET (service->error));
  gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (message_row)), message_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->services_group), service->row);
  g_ptr_array_remove_index (self->services, index);
}

guint
cl_package_dialog_get_n_services (CLPackageDialog *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE_DIALOG (self), 0);
  return self->services->len;
}

static const char *
row_text (CLPackageDialog *self,
          guint            field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->rows[field]));
}

/* Shows the core's refusals at their fields; one it cannot place goes
 * under the form. */
static void
show_field_errors (CLPackageDialog *self,
                   GHashTable      *field_errors,
                   const char      *summary)
{
  guint placed = cl_form_show_field_errors (field_errors, columns, self->errors, N_FIELDS);

  for (guint i = 0; i < self->services->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("services.%u", i);
      const char *message = g_hash_table_lookup (field_errors, key);

      if (message)
        {
          cl_form_message_set (((ServiceRow *) g_ptr_array_index (self->services, i))->error, message);
          placed++;
        }
    }
  if (placed < g_hash_table_size (field_errors))
    cl_form_message_set (self->form_error, summary);
}

gboolean
cl_package_dialog_save (CLPackageDialog *self)
{
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_package_service_free);
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  gboolean parsed = TRUE;
  gint64 price = 0;
  gint from = 0, to = 0, postpartum = 0;

  g_return_val_if_fail (CL_IS_PACKAGE_DIALOG (self), FALSE);

  if (!self->editable)
    return FALSE;
  clear_errors (self);

  /* The core's parsers say what is wrong with what was typed... */
  parsed &= cl_form_message_check (self->errors[F_PRICE],
                                   cl_money_parse (row_text (self, F_PRICE), &price, &error), &error);
  parsed &= cl_form_message_check (self->errors[F_FROM],
                                   cl_dating_parse_ga (row_text (self, F_FROM), &from, &error), &error);
  parsed &= cl_form_message_check (self->errors[F_TO],
                                   cl_dating_parse_ga (row_text (self, F_TO), &to, &error), &error);
  parsed &= cl_form_message_check (self->errors[F_POSTPARTUM],
                                   cl_validation_parse_int (row_text (self, F_POSTPARTUM), 0, 365, &postpartum, &error),
                                   &error);
  for (guint i = 0; i < self->services->len; i++)
    {
      ServiceRow *row = g_ptr_array_index (self->services, i);
      gint quantity = 0;

      if (!cl_validation_parse_int (gtk_editable_get_text (GTK_EDITABLE (row->quantity)), 1, 999, &quantity, &error))
        {
          /* Translators: %s says what a quantity may be */
          g_autofree char *message = g_strdup_printf (_("Quantity: %s"), error->message);

          cl_form_message_set (row->error, message);
          g_clear_error (&error);
          parsed = FALSE;
        }
      g_ptr_array_add (services, cl_package_service_new (row->code, gtk_editable_get_text (GTK_EDITABLE (row->row)),
                                                         quantity));
    }
  if (!parsed)
    return FALSE;

  /* ...and its rules whether it may be saved. */
  cl_package_set_name (self->package, row_text (self, F_NAME));
  cl_package_set_name_en (self->package, row_text (self, F_NAME_EN));
  cl_package_set_code (self->package, row_text (self, F_CODE));
  cl_package_set_price_fen (self->package, price);
  cl_package_set_enrol_from_day (self->package, from);
  cl_package_set_enrol_to_day (self->package, to);
  cl_package_set_postpartum_days (self->package, postpartum);
  cl_package_set_service_list (self->package, services);
  cl_package_set_active (self->package, gtk_switch_get_active (self->active));
  if (!cl_enrolment_store_save_package (self->store, self->package, cl_context_get_role (self->context), &field_errors, &error))
    {
      if (field_errors)
        show_field_errors (self, field_errors, error->message);
      else
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], NULL);
  return TRUE;
}

static void
save_clicked_cb (CLPackageDialog *self)
{
  cl_package_dialog_save (self);
}

static void
add_clicked_cb (CLPackageDialog *self)
{
  cl_package_dialog_add_service (self);
}

static void
cl_package_dialog_finalize (GObject *object)
{
  CLPackageDialog *self = CL_PACKAGE_DIALOG (object);

  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->package);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_package_dialog_parent_class)->finalize (object);
}

static void
cl_package_dialog_class_init (CLPackageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_package_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), FALSE);
}

static void
cl_package_dialog_init (CLPackageDialog *self)
{
  const char *titles[N_FIELDS] = {
    _("Package name"), _("Name in English (optional)"), _("Code (short, unique)"), _("Price (yuan)"),
    _("Enrol from (weeks+days)"), _("Enrol until (weeks+days)"),
    _("Service period after delivery (days)"),
  };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[3] = { group, adw_preferences_group_new (), NULL };

  self->services = g_ptr_array_new_with_free_func (service_row_free);

  gtk_window_set_default_size (GTK_WINDOW (self), 560, 680);
  self->group = group;
  for (guint i = 0; i < N_FIELDS; i++)
    self->rows[i] = cl_form_entry_row_add (group, titles[i], &self->errors[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows[F_PRICE]), "numeric");
  /* Every field but the English name must be filled in (the core's
   * rules and the parsers of price, window and period). */
  for (guint i = 0; i < N_FIELDS; i++)
    if (i != F_NAME_EN)
      cl_form_row_set_required (GTK_WIDGET (self->rows[i]));

  self->active = cl_form_switch_row_add (group, _("Offered for new enrolments"));

  self->services_group = groups[1];
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->services_group), _("Included Services"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->services_group),
                                         _("Each service with how many times it is included."));
  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (self->add_button, _("Add a service"));
  gtk_widget_add_css_class (self->add_button, "flat");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->services_group), self->add_button);

  /* The header bar comes with the role (cl_package_dialog_new()). */
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), NULL, NULL, NULL, CL_FORM_SCROLLED, 18, groups);
  self->toolbar = adw_window_get_content (ADW_WINDOW (self));
}

CLPackageDialog *
cl_package_dialog_new (GtkWindow  *parent,
                       CLContext  *context,
                       CLPackage  *package)
{
  CLPackageDialog *self;
  g_autoptr(GPtrArray) services = NULL;
  g_autofree char *price = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *postpartum = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);
  g_return_val_if_fail (package == NULL || CL_IS_PACKAGE (package), NULL);

  self = g_object_new (CL_TYPE_PACKAGE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  /* What the core lets this role write decides whether it may edit. */
  self->editable = cl_context_may (context, CL_WRITE, "package");
  self->package = package ? CL_PACKAGE (cl_record_dup (CL_RECORD (package))) : cl_package_new ();

  if (package == NULL)
    gtk_window_set_title (GTK_WINDOW (self), _("New Package"));
  else
    gtk_window_set_title (GTK_WINDOW (self), cl_package_get_display_name (package));

  price = package ? cl_money_format_plain (cl_package_get_price_fen (package)) : g_strdup ("");
  from = cl_dating_format_ga (cl_package_get_enrol_from_day (self->package));
  to = cl_dating_format_ga (cl_package_get_enrol_to_day (self->package));
  postpartum = g_strdup_printf ("%d", cl_package_get_postpartum_days (self->package));
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_NAME]), package ? cl_package_get_name (package) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_NAME_EN]),
                         package && cl_package_get_name_en (package) ? cl_package_get_name_en (package) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_CODE]), package ? cl_package_get_code (package) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_PRICE]), price);
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_FROM]), package ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_TO]), package ? to : "");
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_POSTPARTUM]), postpartum);
  gtk_switch_set_active (self->active, cl_package_get_active (self->package));

  services = cl_package_dup_service_list (self->package);
  for (guint i = 0; i < services->len; i++)
    append_service (self, g_ptr_array_index (services, i));

  if (self->editable)
    {
      GtkWidget *header = cl_form_header_bar_new (_("_Save"), G_CALLBACK (save_clicked_cb), self, &self->save_button);

      gtk_box_prepend (GTK_BOX (self->toolbar), header);
      gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
      g_autofree char *description =
        g_strdup_printf ("%s %s %s",
                         _("A new price applies to new enrolments only; enrolments already made keep the price they were sold at."),
                         _("An English interface shows the English name if there is one, else the name as entered."),
                         cl_form_required_note ());

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), description);
      gtk_widget_grab_focus (GTK_WIDGET (self->rows[F_NAME]));
    }
  else
    {
      /* Read-only: a plain window to look at and close. */
      gtk_box_prepend (GTK_BOX (self->toolbar), adw_header_bar_new ());
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                             _("Only an administrator can change packages."));
      for (guint i = 0; i < N_FIELDS; i++)
        {
          gtk_editable_set_editable (GTK_EDITABLE (self->rows[i]), FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->rows[i]), FALSE);
        }
      for (guint i = 0; i < self->services->len; i++)
        gtk_widget_set_sensitive (((ServiceRow *) g_ptr_array_index (self->services, i))->row, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->active), FALSE);
      gtk_widget_set_visible (self->add_button, FALSE);
    }
  return self;
}

gboolean
cl_package_dialog_get_editable (CLPackageDialog *self)
{
  g_return_val_if_fail (CL_IS_PACKAGE_DIALOG (self), FALSE);
  return self->editable;
}

static ServiceRow *
service_at (CLPackageDialog *self,
            const char      *field,
            const char      *prefix)
{
  guint64 index;

  if (!g_str_has_prefix (field, prefix))
    return NULL;
  index = g_ascii_strtoull (field + strlen (prefix), NULL, 10);
  return index < self->services->len ? g_ptr_array_index (self->services, index) : NULL;
}

GtkEditable *
cl_package_dialog_get_entry (CLPackageDialog *self,
                             const char      *field)
{
  ServiceRow *service;
  int i;

  g_return_val_if_fail (CL_IS_PACKAGE_DIALOG (self), NULL);

  if ((i = cl_form_field_find (field_names, N_FIELDS, field)) >= 0)
    return GTK_EDITABLE (self->rows[i]);
  if ((service = service_at (self, field, "service-name.")))
    return GTK_EDITABLE (service->row);
  if ((service = service_at (self, field, "service-quantity.")))
    return GTK_EDITABLE (service->quantity);
  return NULL;
}

const char *
cl_package_dialog_get_error (CLPackageDialog *self,
                             const char      *field)
{
  const char *message;
  ServiceRow *service;

  g_return_val_if_fail (CL_IS_PACKAGE_DIALOG (self), NULL);

  message = cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
  if (message == NULL && (service = service_at (self, field, "service.")))
    message = cl_form_message_get (service->error);
  return message;
}
