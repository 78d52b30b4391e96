#define G_LOG_DOMAIN "cl-order-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-order-dialog.h"
#include "cl-order-list.h"
#include "cl-order-store.h"
#include "cl-staff.h"

struct _CLOrderList
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwPreferencesGroup *group;
  GtkListBox          *list;

  /* owned */
  CLContext           *context;
  CLStore             *store;     /* the context's */
  char                *patient_id;
  char                *pregnancy_id;
  GPtrArray           *orders;    /* CLDoctorOrder, as listed */
};

G_DEFINE_FINAL_TYPE (CLOrderList, cl_order_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PATIENT_ID,
  PROP_PREGNANCY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
order_subtitle (CLDoctorOrder *order)
{
  g_autofree char *date = cl_date_format_iso_display (cl_doctor_order_get_date (order));
  GString *s = g_string_new (NULL);
  const char *status = cl_doctor_order_get_status (order);
  gboolean active = cl_doctor_order_is_active (order);

  /* Translators: an order's date and the doctor who gave it */
  g_string_append_printf (s, _("%s · %s"), date,
                          cl_doctor_order_get_doctor (order) ? cl_doctor_order_get_doctor (order) : "—");
  if (active && cl_doctor_order_get_reminder_date (order))
    {
      g_autofree char *reminder = cl_date_format_iso_display (cl_doctor_order_get_reminder_date (order));

      g_string_append (s, " · ");
      /* Translators: the day the case manager is reminded of an order */
      g_string_append_printf (s, _("Reminder %s"), reminder);
    }
  else if (!active)
    {
      g_autofree char *stop = cl_date_format_iso_display (cl_doctor_order_get_stop_date (order));

      g_string_append (s, " · ");
      /* Translators: an order's status (Stopped, Done) and the day it ended */
      g_string_append_printf (s, _("%s on %s"), cl_order_status_label (status), stop);
    }
  return g_string_free (s, FALSE);
}

static GtkWidget *
order_row (CLDoctorOrder *order)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *category = gtk_label_new (cl_order_category_label (cl_doctor_order_get_category (order)));
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *subtitle = order_subtitle (order);
  const char *id = cl_record_get_id (CL_RECORD (order));
  gboolean active = cl_doctor_order_is_active (order);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_doctor_order_get_text (order));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  gtk_widget_set_valign (category, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (category, "order-category");
  gtk_widget_add_css_class (category, cl_doctor_order_get_category (order));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), category);

  if (!active)
    {
      gtk_widget_add_css_class (row, "order-ended");
      gtk_widget_add_css_class (category, "ended");
    }

  {
    g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);

    g_menu_item_set_action_and_target (edit, "orders.edit", "s", id);
    g_menu_append_item (menu, edit);
  }
  if (active)
    {
      g_autoptr(GMenuItem) stop = g_menu_item_new (_("_Stop"), NULL);
      g_autoptr(GMenuItem) done = g_menu_item_new (_("Mark _Done"), NULL);

      g_menu_item_set_action_and_target (stop, "orders.stop", "s", id);
      g_menu_item_set_action_and_target (done, "orders.done", "s", id);
      g_menu_append_item (menu, stop);
      g_menu_append_item (menu, done);
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (menu_button, _("Edit, stop or complete the order"));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
  return row;
}

void
cl_order_list_reload (CLOrderList *self)
{
  GtkWidget *child;

  g_return_if_fail (CL_IS_ORDER_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->orders, g_ptr_array_unref);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.add",
                                 self->store != NULL && self->patient_id != NULL);
  if (self->store == NULL || self->patient_id == NULL)
    return;

  self->orders = cl_order_store_list_for_patient (self->store, self->patient_id, FALSE);
  if (self->orders->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No doctor’s orders recorded"));
      gtk_list_box_append (self->list, row);
      return;
    }

  /* Active orders first, each part newest first: what she must follow
   * now is on top. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->orders->len; i++)
      {
        CLDoctorOrder *order = g_ptr_array_index (self->orders, i);
        gboolean active = cl_doctor_order_is_active (order);

        if (active == (pass == 0))
          gtk_list_box_append (self->list, order_row (order));
      }
}

guint
cl_order_list_get_n_orders (CLOrderList *self)
{
  g_return_val_if_fail (CL_IS_ORDER_LIST (self), 0);
  return self->orders ? self->orders->len : 0;
}

static CLDoctorOrder *
find_order (CLOrderList *self,
            GVariant    *param)
{
  const char *id = g_variant_get_string (param, NULL);

  for (guint i = 0; self->orders && i < self->orders->len; i++)
    if (g_strcmp0 (cl_record_get_id (g_ptr_array_index (self->orders, i)), id) == 0)
      return g_ptr_array_index (self->orders, i);
  return NULL;
}

static void
saved_cb (CLOrderList *self)
{
  cl_order_list_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
open_dialog (CLOrderList   *self,
             CLDoctorOrder *order)
{
  CLOrderDialog *dialog = cl_order_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               self->context, self->patient_id,
                                               self->pregnancy_id, order);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_dialog (CL_ORDER_LIST (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CLDoctorOrder *order = find_order (CL_ORDER_LIST (widget), param);

  if (order)
    open_dialog (CL_ORDER_LIST (widget), order);
}

/* Ends @order as @status ("stopped" or "done") through the core. */
static void
end_order (CLOrderList   *self,
           CLDoctorOrder *order,
           const char    *status)
{
  g_autoptr(GError) error = NULL;

  if (!cl_order_store_stop (self->store, order, status, NULL, cl_context_get_role (self->context), &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  _("Order Not Changed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  saved_cb (self);
}

static void
stop_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  CLOrderList      *self)
{
  g_autoptr(GVariant) id = g_variant_ref_sink (g_variant_new_string (g_object_get_data (G_OBJECT (dialog), "order-id")));
  CLDoctorOrder *order = find_order (self, id);

  if (g_strcmp0 (response, "stop") == 0 && order)
    end_order (self, order, "stopped");
}

/* Done is the order's ordinary end; stopping one is not, and a stopped
 * order cannot be made active again, so it is confirmed first, as
 * removals are. */
static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CLOrderList *self = CL_ORDER_LIST (widget);
  CLDoctorOrder *order = find_order (self, param);
  GtkWidget *dialog;

  if (order == NULL)
    return;
  if (g_str_equal (action_name, "orders.done"))
    {
      end_order (self, order, "done");
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Stop This Order?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be marked stopped today. A stopped order cannot be made active again; add a new order if it is needed again."),
                                  cl_doctor_order_get_text (order));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "stop", _("_Stop Order"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "order-id", g_strdup (g_variant_get_string (param, NULL)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (stop_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
context_store_cb (CLOrderList *self)
{
  if (g_set_object (&self->store, cl_context_get_store (self->context)))
    cl_order_list_reload (self);
}

void
cl_order_list_set_context (CLOrderList *self,
                           CLContext   *context)
{
  g_return_if_fail (CL_IS_ORDER_LIST (self));
  g_return_if_fail (context == NULL || CL_IS_CONTEXT (context));

  if (self->context == context)
    return;
  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context)
    g_signal_connect_object (context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
  if (context)
    context_store_cb (self);
}

void
cl_order_list_set_patient_id (CLOrderList *self,
                              const char  *patient_id)
{
  g_return_if_fail (CL_IS_ORDER_LIST (self));

  g_free (self->patient_id);
  self->patient_id = g_strdup (patient_id);
  cl_order_list_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_ID]);
}

void
cl_order_list_set_pregnancy_id (CLOrderList *self,
                                const char  *pregnancy_id)
{
  g_return_if_fail (CL_IS_ORDER_LIST (self));

  g_free (self->pregnancy_id);
  self->pregnancy_id = g_strdup (pregnancy_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREGNANCY_ID]);
}

static void
cl_order_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CLOrderList *self = CL_ORDER_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PATIENT_ID:
      g_value_set_string (value, self->patient_id);
      break;
    case PROP_PREGNANCY_ID:
      g_value_set_string (value, self->pregnancy_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_order_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CLOrderList *self = CL_ORDER_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      cl_order_list_set_context (self, g_value_get_object (value));
      break;
    case PROP_PATIENT_ID:
      cl_order_list_set_patient_id (self, g_value_get_string (value));
      break;
    case PROP_PREGNANCY_ID:
      cl_order_list_set_pregnancy_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_order_list_dispose (GObject *object)
{
  CLOrderList *self = CL_ORDER_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_ORDER_LIST);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->orders, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_order_list_parent_class)->dispose (object);
}

static void
cl_order_list_finalize (GObject *object)
{
  CLOrderList *self = CL_ORDER_LIST (object);

  g_free (self->patient_id);
  g_free (self->pregnancy_id);

  G_OBJECT_CLASS (cl_order_list_parent_class)->finalize (object);
}

static void
cl_order_list_class_init (CLOrderListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_order_list_dispose;
  object_class->finalize = cl_order_list_finalize;
  object_class->get_property = cl_order_list_get_property;
  object_class->set_property = cl_order_list_set_property;

  /* Whose store it lists, and who writes. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATIENT_ID] =
    g_param_spec_string ("patient-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREGNANCY_ID] =
    g_param_spec_string ("pregnancy-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/patient/cl-order-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CLOrderList, group);
  gtk_widget_class_bind_template_child (widget_class, CLOrderList, list);

  gtk_widget_class_install_action (widget_class, "orders.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "orders.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "orders.stop", "s", end_action);
  gtk_widget_class_install_action (widget_class, "orders.done", "s", end_action);
}

static void
cl_order_list_init (CLOrderList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.add", FALSE);
}

GtkWidget *
cl_order_list_new (void)
{
  return g_object_new (CL_TYPE_ORDER_LIST, NULL);
}
